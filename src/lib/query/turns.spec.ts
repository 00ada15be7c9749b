import { describe, expect, test } from 'vitest';
import { Turns } from './turns.ts';

/** A clock moved by hand, and a sleep that moves it: no wall time. */
function fakeClock() {
	const clock = { t: 0, slept: [] as number[] };
	const sleep = async (ms: number) => {
		clock.slept.push(ms);
		clock.t += ms;
	};
	return { clock, turns: new Turns(() => clock.t, sleep) };
}

describe('Turns', () => {
	test('idle at once when nothing was asked', async () => {
		const { clock, turns } = fakeClock();
		expect(turns.idleFor(300)).toBe(true);
		await turns.quiet(300);
		expect(clock.slept).toEqual([]);
	});

	test('not idle while an ask is in flight, however long ago it came', () => {
		const { clock, turns } = fakeClock();
		turns.begin();
		clock.t = 10_000;
		expect(turns.asking).toBe(1);
		expect(turns.idleFor(300)).toBe(false);
		turns.end();
		expect(turns.asking).toBe(0);
		expect(turns.idleFor(300)).toBe(false);
		clock.t = 10_300;
		expect(turns.idleFor(300)).toBe(true);
	});

	test('quiet waits for the quiet time after the last answer', async () => {
		const { clock, turns } = fakeClock();
		turns.begin();
		clock.t = 40;
		turns.end();
		clock.t = 100;
		await turns.quiet(300);
		expect(clock.t).toBe(340);
		expect(clock.slept).toEqual([240]);
	});

	test('quiet waits for an ask in flight in steps, then for the quiet time', async () => {
		const { clock, turns } = fakeClock();
		turns.begin();
		const sleep = clock.slept;
		let steps = 0;
		const done = (async () => {
			// the ask is answered after the third step
			while (turns.asking > 0) {
				await Promise.resolve();
				if (sleep.length >= 3 && steps++ === 0) turns.end();
			}
		})();
		await Promise.all([turns.quiet(300, 50), done]);
		expect(sleep.slice(0, 3)).toEqual([50, 50, 50]);
		expect(turns.idleFor(300)).toBe(true);
		expect(clock.t).toBeGreaterThanOrEqual(150 + 300);
	});

	test('an ask while waiting makes it wait the quiet time again', async () => {
		const clock = { t: 0 };
		let asked = false;
		const turns: Turns = new Turns(
			() => clock.t,
			async (ms) => {
				clock.t += ms;
				// an ask comes and is answered at the end of the first wait
				if (!asked) {
					asked = true;
					turns.begin();
					turns.end();
				}
			}
		);
		turns.begin();
		turns.end();
		await turns.quiet(300);
		expect(clock.t).toBe(600);
	});
});
