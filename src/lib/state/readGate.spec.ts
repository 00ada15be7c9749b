import { describe, expect, test } from 'vitest';
import { ReadGate, type GateClock } from './readGate.ts';

/** A clock the test moves by hand: waits are counted, not slept. */
function manualClock() {
	let now = 0;
	let timers: { at: number; fn: () => void; handle: number }[] = [];
	let next = 1;
	const clock: GateClock = {
		now: () => now,
		set: (fn, ms) => {
			timers.push({ at: now + ms, fn, handle: next });
			return next++;
		},
		clear: (h) => {
			timers = timers.filter((t) => t.handle !== h);
		}
	};
	/** Moves the clock on, firing the timers that fall due. */
	const advance = (ms: number) => {
		now += ms;
		for (const t of timers.filter((t) => t.at <= now)) {
			timers = timers.filter((x) => x !== t);
			t.fn();
		}
	};
	return { clock, advance, pending: () => timers.length };
}

function gate() {
	const { clock, advance, pending } = manualClock();
	let reads = 0;
	const g = new ReadGate(() => reads++, 5000, clock);
	return { g, advance, pending, reads: () => reads };
}

describe('ReadGate', () => {
	test('without an import, every change is read at once', () => {
		const { g, reads } = gate();
		g.changed();
		g.changed();
		g.changed();
		expect(reads()).toBe(3);
	});

	test('during an import: the first change is read at once, the next ones together once the interval has passed', () => {
		const { g, advance, reads } = gate();
		const end = g.importing();
		g.changed();
		expect(reads()).toBe(1);
		// 20 batches in 4 s: none read before 5 s have passed since the first read
		for (let i = 0; i < 20; i++) {
			advance(200);
			g.changed();
		}
		expect(reads()).toBe(1);
		advance(1000);
		expect(reads()).toBe(2);
		end();
		expect(reads()).toBe(2);
	});

	test('a change put off is read as soon as the import ends', () => {
		const { g, advance, pending, reads } = gate();
		const end = g.importing();
		g.changed();
		advance(100);
		g.changed();
		expect(reads()).toBe(1);
		end();
		expect(reads()).toBe(2);
		expect(pending()).toBe(0);
		// after the import, changes are read at once again
		g.changed();
		expect(reads()).toBe(3);
	});

	test('two imports: the reads stay spaced until both have ended; ending one twice counts once', () => {
		const { g, advance, reads } = gate();
		const a = g.importing();
		const b = g.importing();
		g.changed();
		advance(100);
		g.changed();
		a();
		a();
		expect(reads()).toBe(1);
		b();
		expect(reads()).toBe(2);
	});

	test('an import that changes nothing reads nothing when it ends', () => {
		const { g, reads } = gate();
		const end = g.importing();
		end();
		expect(reads()).toBe(0);
	});
});
