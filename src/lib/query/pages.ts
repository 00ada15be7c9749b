// Which page of its PDF a fact is on, from the page starts kept in the document record.

/**
 * The 1-based page holding character `offset`, given where each page starts (ascending), or null
 * without page starts (a document not read from a PDF).
 * @example pageOf([0, 812, 1650], 900) // 2
 */
export function pageOf(pageStarts: readonly number[] | null | undefined, offset: number): number | null {
	if (!pageStarts || pageStarts.length === 0) return null;
	// the last page starting at or before the offset (binary search: a report has hundreds of pages)
	let lo = 0;
	let hi = pageStarts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (pageStarts[mid]! <= offset) lo = mid;
		else hi = mid - 1;
	}
	return lo + 1;
}
