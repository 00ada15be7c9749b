import { describe, expect, test } from 'vitest';
import { firstStartingAt } from './spans.ts';

describe('firstStartingAt', () => {
	const spans = [0, 2, 2, 5, 9].map((start) => ({ start }));
	test.each([
		[-1, 0],
		[0, 0],
		[1, 1],
		[2, 1],
		[3, 3],
		[5, 3],
		[9, 4],
		[10, 5]
	])('at %i: %i (the first of equal starts, the end when none)', (pos, index) => {
		expect(firstStartingAt(spans, pos)).toBe(index);
	});
	test('is the linear search on random sorted spans', () => {
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
		for (let round = 0; round < 200; round++) {
			const list = Array.from({ length: next() % 30 }, () => ({ start: next() % 50 })).sort((a, b) => a.start - b.start);
			const pos = (next() % 60) - 5;
			const linear = list.findIndex((s) => s.start >= pos);
			expect(firstStartingAt(list, pos)).toBe(linear < 0 ? list.length : linear);
		}
	});
});
