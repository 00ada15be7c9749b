import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BATCH_MAX_BYTES, BATCH_MAX_DOCUMENTS, batchesOf } from './batches.ts';

describe('batchesOf', () => {
	it.each([
		{ sizes: [], want: [] },
		{ sizes: [10], want: [[10]] },
		{ sizes: [1, 2, 300_000, 4], want: [[1, 2], [300_000], [4]] },
		{ sizes: [200_000, 100_000], want: [[200_000], [100_000]] },
		{ sizes: [BATCH_MAX_BYTES, 1], want: [[BATCH_MAX_BYTES], [1]] },
		{ sizes: Array(65).fill(1), want: [Array(64).fill(1), [1]] }
	])('$sizes.length documents of sizes $sizes.0… → $want.length batches', ({ sizes, want }) => {
		expect(batchesOf(sizes, (n) => n)).toEqual(want);
	});

	it('keeps every item once, in order, within the bounds unless an item is alone', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 400_000 }), { maxLength: 300 }), (sizes) => {
				const batches = batchesOf(sizes, (n) => n);
				expect(batches.flat()).toEqual(sizes);
				for (const b of batches) {
					expect(b.length).toBeGreaterThan(0);
					expect(b.length).toBeLessThanOrEqual(BATCH_MAX_DOCUMENTS);
					if (b.length > 1) expect(b.reduce((a, n) => a + n, 0)).toBeLessThanOrEqual(BATCH_MAX_BYTES);
				}
			}),
			{ seed: 11, numRuns: 200 }
		);
	});
});
