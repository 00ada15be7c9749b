// The wall and its presenter view keep one show between windows of one browser over a
// BroadcastChannel. Pure: the messages, their checking, and the state machine each window runs
// (components only post what it says to post and apply what it says to apply), tested in Node.
//
// Each window holds the show itself (page, blank, paused), so either works alone. A window that
// opens says hello and follows the first show it hears; a change made in one window is sent as
// its new show and adopted by the others. A presenter's key goes to a wall when one is open (the
// wall knows its tour, its replay and which pages have data), and is applied by the presenter
// itself when none is.
import { isScreenPage, type ScreenAction, type ScreenPage } from './tour.ts';

export const CHANNEL = 'zhijiao:screen';
const VERSION = 1;

export type Role = 'wall' | 'presenter';

/** What both windows show, and what they agree on. */
export interface Show {
	page: ScreenPage;
	blank: boolean;
	paused: boolean;
	/** the show has started (the wall's start overlay is gone) */
	started: boolean;
	/** the meeting the wall's replay is telling, when on the replay (the presenter only shows it) */
	step: number | null;
}

/** The keys a presenter sends to a wall. */
export type Command = Extract<ScreenAction, 'next' | 'previous' | 'blank' | 'pause' | 'leave'> | 'start';
const COMMANDS: readonly Command[] = ['next', 'previous', 'blank', 'pause', 'leave', 'start'];

export type Message =
	| { v: 1; type: 'hello'; from: string; role: Role }
	| { v: 1; type: 'show'; from: string; role: Role; rev: number; show: Show }
	| { v: 1; type: 'command'; from: string; command: Command; page?: ScreenPage }
	| { v: 1; type: 'bye'; from: string; role: Role };

const isRole = (r: unknown): r is Role => r === 'wall' || r === 'presenter';
const isId = (s: unknown): s is string => typeof s === 'string' && s.length > 0 && s.length <= 64;

function parseShow(s: unknown): Show | null {
	if (!s || typeof s !== 'object') return null;
	const o = s as Record<string, unknown>;
	if (!isScreenPage(o.page) || typeof o.blank !== 'boolean' || typeof o.paused !== 'boolean' || typeof o.started !== 'boolean') return null;
	const step = o.step === null || o.step === undefined ? null : Number.isSafeInteger(o.step) && (o.step as number) >= 0 ? (o.step as number) : undefined;
	if (step === undefined) return null;
	return { page: o.page, blank: o.blank, paused: o.paused, started: o.started, step };
}

/**
 * A message received on the channel, checked; anything else (another version, another app on the
 * same origin, a damaged message) is null and ignored.
 * @example parseMessage({ v: 1, type: 'hello', from: 'a', role: 'wall' }) // the same message
 */
export function parseMessage(data: unknown): Message | null {
	if (!data || typeof data !== 'object') return null;
	const o = data as Record<string, unknown>;
	if (o.v !== VERSION || !isId(o.from)) return null;
	switch (o.type) {
		case 'hello':
		case 'bye':
			return isRole(o.role) ? { v: 1, type: o.type, from: o.from, role: o.role } : null;
		case 'show': {
			const show = parseShow(o.show);
			if (!isRole(o.role) || !show || !Number.isSafeInteger(o.rev) || (o.rev as number) < 0) return null;
			return { v: 1, type: 'show', from: o.from, role: o.role, rev: o.rev as number, show };
		}
		case 'command': {
			if (!COMMANDS.includes(o.command as Command)) return null;
			if (o.page !== undefined && !isScreenPage(o.page)) return null;
			return { v: 1, type: 'command', from: o.from, command: o.command as Command, ...(o.page !== undefined ? { page: o.page as ScreenPage } : {}) };
		}
		default:
			return null;
	}
}

/** One window's side of the protocol. */
export interface Sync {
	id: string;
	role: Role;
	/** the other windows open, by id */
	peers: Record<string, Role>;
	/** the revision of the last show sent or adopted: a show is adopted when it is newer */
	rev: number;
	/** who made that revision (ties between two windows changing at once go to the larger id) */
	by: string;
	/** the show last sent or adopted: a window sends only what changed */
	last: Show | null;
}

/** A window's sync state as it opens. */
export const openSync = (id: string, role: Role): Sync => ({ id, role, peers: {}, rev: 0, by: id, last: null });

export const hello = (s: Sync): Message => ({ v: 1, type: 'hello', from: s.id, role: s.role });
export const bye = (s: Sync): Message => ({ v: 1, type: 'bye', from: s.id, role: s.role });

/** Whether a wall is open besides this window. */
export const wallOpen = (s: Sync): boolean => Object.values(s.peers).includes('wall');
/** Whether a presenter view is open besides this window. */
export const presenterOpen = (s: Sync): boolean => Object.values(s.peers).includes('presenter');

const sameShow = (a: Show | null, b: Show): boolean =>
	a != null && a.page === b.page && a.blank === b.blank && a.paused === b.paused && a.started === b.started && a.step === b.step;

/**
 * A change of this window's show: the message to send, or none when nothing changed since the
 * last show sent or adopted (an adopted show is not echoed back).
 * @example publish(openSync('a', 'wall'), show).send?.rev // 1
 */
export function publish(s: Sync, show: Show): { sync: Sync; send: Message | null } {
	if (sameShow(s.last, show)) return { sync: s, send: null };
	const rev = s.rev + 1;
	return { sync: { ...s, rev, by: s.id, last: show }, send: { v: 1, type: 'show', from: s.id, role: s.role, rev, show } };
}

/** What a window does with a message. */
export interface Received {
	sync: Sync;
	/** a show to take over */
	adopt: Show | null;
	/** a reply to send (this window's show, to a window that just opened) */
	send: Message | null;
	/** a presenter's key, for a wall to act on */
	command: { command: Command; page?: ScreenPage } | null;
}

/**
 * A window's answer to a message from another. `current` is this window's show, sent to a window
 * that says hello (it follows it); a newer show is adopted; a command is for walls only.
 * @example receive(openSync('w', 'wall'), { v: 1, type: 'hello', from: 'p', role: 'presenter' }, show).send?.type // 'show'
 */
export function receive(s: Sync, m: Message, current: Show | null): Received {
	const none = { adopt: null, send: null, command: null };
	if (m.from === s.id) return { sync: s, ...none };
	switch (m.type) {
		case 'hello': {
			const sync = { ...s, peers: { ...s.peers, [m.from]: m.role } };
			if (!current) return { sync, ...none };
			// Answered with the show as it is, under its revision (a newcomer adopts any revision above its 0).
			const rev = Math.max(s.rev, 1);
			return { sync: { ...sync, rev, last: current }, ...none, send: { v: 1, type: 'show', from: s.id, role: s.role, rev, show: current } };
		}
		case 'bye': {
			const peers = { ...s.peers };
			delete peers[m.from];
			return { sync: { ...s, peers }, ...none };
		}
		case 'show': {
			const peers = s.peers[m.from] === m.role ? s.peers : { ...s.peers, [m.from]: m.role };
			const newer = m.rev > s.rev || (m.rev === s.rev && m.from > s.by);
			if (!newer) return { sync: { ...s, peers }, ...none };
			return { sync: { ...s, peers, rev: m.rev, by: m.from, last: m.show }, ...none, adopt: m.show };
		}
		case 'command':
			return { sync: s, ...none, command: s.role === 'wall' ? { command: m.command, ...(m.page ? { page: m.page } : {}) } : null };
	}
}

/**
 * Where a presenter's key goes: to the wall when one is open, else applied in the presenter.
 * @example route(openSync('p', 'presenter'), 'next') // { local: true, send: null }
 */
export function route(s: Sync, command: Command, page?: ScreenPage): { local: boolean; send: Message | null } {
	if (s.role === 'presenter' && wallOpen(s)) return { local: false, send: { v: 1, type: 'command', from: s.id, command, ...(page ? { page } : {}) } };
	return { local: true, send: null };
}
