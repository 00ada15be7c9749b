// Spans of a text in order of their start: the one search the extractors share over them.

/**
 * The index of the first span starting at or after `pos` in spans sorted by start (spans.length
 * when none does): a binary search, so a stage reads only the spans near a position.
 * @example firstStartingAt([{ start: 2 }, { start: 5 }], 3) // 1
 */
export function firstStartingAt(spans: ReadonlyArray<{ start: number }>, pos: number): number {
	let lo = 0;
	let hi = spans.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (spans[mid]!.start < pos) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
