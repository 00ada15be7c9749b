import { describe, expect, test } from 'vitest';
import { bye, hello, openSync, parseMessage, presenterOpen, publish, receive, route, wallOpen, type Message, type Show, type Sync } from './sync.ts';

const show = (page: Show['page'], more: Partial<Show> = {}): Show => ({ page, blank: false, paused: false, started: true, step: null, ...more });

describe('parseMessage', () => {
	test.each<[string, unknown, boolean]>([
		['a hello', { v: 1, type: 'hello', from: 'a', role: 'wall' }, true],
		['a bye', { v: 1, type: 'bye', from: 'a', role: 'presenter' }, true],
		['a show', { v: 1, type: 'show', from: 'a', role: 'wall', rev: 3, show: show('map', { step: 4 }) }, true],
		['a command', { v: 1, type: 'command', from: 'a', command: 'next' }, true],
		['a command to a page', { v: 1, type: 'command', from: 'a', command: 'next', page: 'trend' }, true],
		['another version', { v: 2, type: 'hello', from: 'a', role: 'wall' }, false],
		['no sender', { v: 1, type: 'hello', role: 'wall' }, false],
		['an unknown role', { v: 1, type: 'hello', from: 'a', role: 'audience' }, false],
		['an unknown type', { v: 1, type: 'shout', from: 'a' }, false],
		['an unknown page', { v: 1, type: 'show', from: 'a', role: 'wall', rev: 1, show: show('map', { page: 'slides' as never }) }, false],
		['a negative step', { v: 1, type: 'show', from: 'a', role: 'wall', rev: 1, show: show('map', { step: -1 }) }, false],
		['a fractional revision', { v: 1, type: 'show', from: 'a', role: 'wall', rev: 1.5, show: show('map') }, false],
		['a string blank', { v: 1, type: 'show', from: 'a', role: 'wall', rev: 1, show: { ...show('map'), blank: 'yes' } }, false],
		['an unknown command', { v: 1, type: 'command', from: 'a', command: 'reboot' }, false],
		['a command to an unknown page', { v: 1, type: 'command', from: 'a', command: 'next', page: 'x' }, false],
		['null', null, false],
		['a string', 'next', false]
	])('%s', (_, data, ok) => {
		const m = parseMessage(data);
		expect(m != null).toBe(ok);
		if (ok) expect(m).toEqual(data);
	});
	test('drops fields it does not know', () => {
		expect(parseMessage({ v: 1, type: 'hello', from: 'a', role: 'wall', extra: '<script>' })).toEqual({ v: 1, type: 'hello', from: 'a', role: 'wall' });
	});
});

/** Windows on one channel: every message posted reaches every other window, in order. */
class Room {
	syncs = new Map<string, Sync>();
	shows = new Map<string, Show | null>();
	commands: { at: string; command: string }[] = [];
	open(id: string, role: 'wall' | 'presenter', current: Show | null): void {
		this.syncs.set(id, openSync(id, role));
		this.shows.set(id, current);
		this.post(id, hello(this.syncs.get(id)!));
	}
	close(id: string): void {
		const s = this.syncs.get(id)!;
		this.syncs.delete(id);
		this.post(id, bye(s));
	}
	change(id: string, next: Show): void {
		this.shows.set(id, next);
		const { sync, send } = publish(this.syncs.get(id)!, next);
		this.syncs.set(id, sync);
		if (send) this.post(id, send);
	}
	post(from: string, m: Message): void {
		for (const [id, s] of this.syncs) {
			if (id === from) continue;
			const r = receive(s, parseMessage(JSON.parse(JSON.stringify(m)))!, this.shows.get(id) ?? null);
			this.syncs.set(id, r.sync);
			if (r.adopt) this.shows.set(id, r.adopt);
			if (r.command) this.commands.push({ at: id, command: r.command.command });
			if (r.send) this.post(id, r.send);
		}
	}
}

describe('two windows', () => {
	test('a presenter that opens follows the wall, and a change in either reaches the other', () => {
		const room = new Room();
		room.open('wall', 'wall', show('map'));
		room.open('presenter', 'presenter', show('overview'));
		expect(room.shows.get('presenter')).toEqual(show('map'));
		expect(wallOpen(room.syncs.get('presenter')!)).toBe(true);
		expect(presenterOpen(room.syncs.get('wall')!)).toBe(true);
		room.change('wall', show('timeline'));
		expect(room.shows.get('presenter')?.page).toBe('timeline');
		room.change('presenter', show('achievements', { blank: true }));
		expect(room.shows.get('wall')).toEqual(show('achievements', { blank: true }));
	});

	test('an adopted show is not sent back (no echo)', () => {
		const s = receive(openSync('p', 'presenter'), { v: 1, type: 'show', from: 'w', role: 'wall', rev: 4, show: show('map') }, show('overview'));
		expect(s.adopt).toEqual(show('map'));
		expect(publish(s.sync, show('map')).send).toBeNull();
		expect(publish(s.sync, show('trend')).send).toMatchObject({ rev: 5, show: { page: 'trend' } });
	});

	test('an older show is ignored; ties go to the larger id', () => {
		const base = { ...openSync('b', 'presenter'), rev: 5 };
		expect(receive(base, { v: 1, type: 'show', from: 'a', role: 'wall', rev: 4, show: show('map') }, null).adopt).toBeNull();
		expect(receive(base, { v: 1, type: 'show', from: 'a', role: 'wall', rev: 5, show: show('map') }, null).adopt).toBeNull();
		expect(receive(base, { v: 1, type: 'show', from: 'c', role: 'wall', rev: 5, show: show('map') }, null).adopt).toEqual(show('map'));
	});

	test('a wall that opens again follows the presenter that kept going alone', () => {
		const room = new Room();
		room.open('wall', 'wall', show('map'));
		room.open('presenter', 'presenter', show('overview'));
		room.close('wall');
		expect(wallOpen(room.syncs.get('presenter')!)).toBe(false);
		expect(route(room.syncs.get('presenter')!, 'next')).toEqual({ local: true, send: null });
		room.change('presenter', show('replay'));
		room.open('wall2', 'wall', show('overview'));
		expect(room.shows.get('wall2')?.page).toBe('replay');
	});

	test('a presenter key goes to the open wall as a command; a wall acts on it, a presenter never does', () => {
		const room = new Room();
		room.open('wall', 'wall', show('map'));
		room.open('presenter', 'presenter', show('map'));
		const r = route(room.syncs.get('presenter')!, 'next');
		expect(r.local).toBe(false);
		room.post('presenter', r.send!);
		expect(room.commands).toEqual([{ at: 'wall', command: 'next' }]);
		expect(receive(openSync('p2', 'presenter'), r.send!, null).command).toBeNull();
		// A wall's own keys are always its own.
		expect(route(room.syncs.get('wall')!, 'next').local).toBe(true);
	});

	test('a window ignores its own messages', () => {
		const s = openSync('a', 'wall');
		expect(receive(s, hello(s), show('map'))).toEqual({ sync: s, adopt: null, send: null, command: null });
	});
});
