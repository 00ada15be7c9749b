import { describe, expect, test } from 'vitest';
import { pageOf } from './pages.ts';

describe('pageOf', () => {
	test.each([
		[[0, 812, 1650], 0, 1],
		[[0, 812, 1650], 811, 1],
		[[0, 812, 1650], 812, 2],
		[[0, 812, 1650], 99_999, 3],
		// an empty page starts where the next does: the later page wins
		[[0, 10, 10, 20], 10, 3],
		[[0], 5, 1],
		[[], 5, null],
		[undefined, 5, null]
	])('pageOf(%j, %d) → %j', (starts, offset, page) => expect(pageOf(starts, offset)).toBe(page));
});
