// The map without a mouse: which area an arrow key moves to (the nearest one that way, from each
// area's seat), and the table a screen reader reads in place of the colours. Pure, tested in Node.
import type { AreaValue } from './mapOption.ts';
import type { ChartTable } from './chartTable.ts';

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

/** An area the keys can reach: its code and where it sits, [longitude, latitude]. */
export interface KeyArea {
	code: string;
	at: readonly [number, number];
}

const isArrow = (key: string): key is ArrowKey => key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown';

/**
 * The area an arrow key moves to from `current`: among the areas lying that way (east for →, north
 * for ↑), the one nearest along the key's direction, with sideways distance counting double so
 * the move stays in its row or column. Stays put at the map's edge; from nothing (or an area not
 * on the map) it starts at `areas[0]`. Null when the map has no areas or the key is no arrow.
 * @example nextArea([{ code: '370000', at: [117, 36.7] }, { code: '320000', at: [118.8, 32] }], '370000', 'ArrowDown') // '320000'
 */
export function nextArea(areas: readonly KeyArea[], current: string | null, key: string): string | null {
	if (!areas.length || !isArrow(key)) return null;
	const from = areas.find((a) => a.code === current);
	if (!from) return areas[0]!.code;
	const [x0, y0] = from.at;
	let best: KeyArea | null = null;
	let bestScore = Infinity;
	for (const a of areas) {
		if (a === from) continue;
		const dx = a.at[0] - x0;
		const dy = a.at[1] - y0;
		const [along, across] = key === 'ArrowRight' ? [dx, dy] : key === 'ArrowLeft' ? [-dx, dy] : key === 'ArrowUp' ? [dy, dx] : [-dy, dx];
		if (along <= 0) continue;
		const score = along + 2 * Math.abs(across);
		if (score < bestScore || (score === bestScore && best && a.code < best.code)) {
			best = a;
			bestScore = score;
		}
	}
	return best?.code ?? from.code;
}

/**
 * The map's text alternative: every area with a value, largest first, then the areas without data
 * named in one row. `place` names an area in the interface language, `value` writes a number with
 * its unit.
 * @example mapTable(areas, { place: 'Area', value: 'Meetings', noData: 'No data' }, (c, n) => n, String).rows[0] // ['Shandong', '12']
 */
export function mapTable(
	areas: readonly AreaValue[],
	head: { place: string; value: string; noData: string },
	place: (code: string | null, name: string) => string,
	value: (n: number, approximate: boolean) => string
): ChartTable {
	const known = areas.filter((a) => a.value != null).sort((a, b) => b.value! - a.value! || a.name.localeCompare(b.name));
	const unknown = areas.filter((a) => a.value == null && a.code != null);
	const rows: [string, string][] = known.map((a) => [place(a.code, a.name), value(a.value!, a.approximate)]);
	if (unknown.length) rows.push([head.noData, unknown.map((a) => place(a.code, a.name)).join(', ')]);
	return { columns: [head.place, head.value], rows };
}
