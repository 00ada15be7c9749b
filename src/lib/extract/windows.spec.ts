import { describe, expect, test } from 'vitest';
import { WindowSet } from './windows.ts';

/** The oracle: the windows as strings in a Set. */
function keysOf(norm: string, windows: Array<[number, number, number]>): boolean[] {
	const seen = new Set<string>();
	return windows.map(([a, s, b]) => {
		const key = norm.slice(a, s) + '|' + norm.slice(s, b);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

describe('WindowSet', () => {
	test('an equal window is refused, another accepted', () => {
		const w = new WindowSet();
		w.reset('3人参加，3人参加');
		expect([w.add(0, 0, 4), w.add(5, 5, 9), w.add(5, 5, 8)]).toEqual([true, false, true]);
	});
	test('the bar tells apart windows of one text cut at another place', () => {
		const w = new WindowSet();
		w.reset('ab ab');
		expect([w.add(0, 1, 2), w.add(3, 3, 5)]).toEqual([true, true]);
	});
	test('reset forgets the windows of the text before', () => {
		const w = new WindowSet();
		w.reset('12个');
		expect(w.add(0, 0, 3)).toBe(true);
		w.reset('12个');
		expect(w.add(0, 0, 3)).toBe(true);
	});
	test('agrees with a set of the windows as strings (random texts, thousands of windows: the table grows)', () => {
		const w = new WindowSet();
		let seed = 11;
		const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
		for (let doc = 0; doc < 6; doc++) {
			let norm = '';
			for (let k = 0; k < 3000; k++) norm += '12人个，a'[rand(6)];
			const windows: Array<[number, number, number]> = [];
			for (let k = 0; k < 4000; k++) {
				const s = rand(norm.length);
				// reversed ranges too (read as empty, as slice reads them) and ends past the text
				windows.push([Math.max(0, s - rand(4) + (rand(9) === 0 ? 6 : 0)), s, Math.max(0, s + rand(5) - (rand(9) === 0 ? 6 : 0))]);
			}
			w.reset(norm);
			expect(windows.map(([a, s, b]) => w.add(a, s, b))).toEqual(keysOf(norm, windows));
		}
	});
});
