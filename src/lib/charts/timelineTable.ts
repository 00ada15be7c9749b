// The timeline's text alternative: how many meetings each year holds, from the meetings the
// timeline draws, for a screen reader (the canvas itself is a picture). Pure, tested in Node.
import type { ChartTable } from './chartTable.ts';

/**
 * Meetings per year, earliest first, from each meeting's start date (YYYY, YYYY-MM or YYYY-MM-DD);
 * those without a date counted in a last row named `undated`.
 * @example meetingsPerYear([{ startDate: '2023-05-01' }, { startDate: null }], { year: '年份', count: '会议数', undated: '日期不详' }, String).rows
 * // [['2023', '1'], ['日期不详', '1']]
 */
export function meetingsPerYear(
	meetings: readonly { startDate: string | null }[],
	head: { year: string; count: string; undated: string },
	count: (n: number) => string
): ChartTable {
	const byYear = new Map<number, number>();
	let undated = 0;
	for (const m of meetings) {
		const year = m.startDate ? Number(m.startDate.slice(0, 4)) : NaN;
		if (Number.isInteger(year)) byYear.set(year, (byYear.get(year) ?? 0) + 1);
		else undated++;
	}
	return perYearTable([...byYear], undated, head, count);
}

/**
 * The same table from counts already made (the query engine's timeline answer): [year, meetings]
 * pairs in any order, and how many meetings have no date.
 * @example perYearTable([[2023, 1]], 1, head, String).rows // [['2023', '1'], ['日期不详', '1']]
 */
export function perYearTable(
	perYear: readonly (readonly [number, number])[],
	undated: number,
	head: { year: string; count: string; undated: string },
	count: (n: number) => string
): ChartTable {
	const rows: [string, string][] = [...perYear].sort((a, b) => a[0] - b[0]).map(([y, n]) => [String(y), count(n)]);
	if (undated) rows.push([head.undated, count(undated)]);
	return { columns: [head.year, head.count], rows };
}
