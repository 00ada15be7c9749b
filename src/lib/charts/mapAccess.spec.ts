import { describe, expect, test } from 'vitest';
import { mapTable, nextArea, type KeyArea } from './mapAccess.ts';
import type { AreaValue } from './mapOption.ts';

// A 3×3 grid of made-up areas, a to i, read like a page: a is north-west, i south-east.
//   a b c
//   d e f
//   g h i
const grid: KeyArea[] = 'abcdefghi'.split('').map((code, i) => ({ code, at: [100 + (i % 3) * 5, 40 - Math.floor(i / 3) * 5] as const }));

describe('nextArea', () => {
	test.each([
		['→ moves east in the row', 'e', 'ArrowRight', 'f'],
		['← moves west in the row', 'e', 'ArrowLeft', 'd'],
		['↑ moves north in the column', 'e', 'ArrowUp', 'b'],
		['↓ moves south in the column', 'e', 'ArrowDown', 'h'],
		['stays at the east edge', 'f', 'ArrowRight', 'f'],
		['stays at the north edge', 'b', 'ArrowUp', 'b'],
		['starts at the first area from nothing', null, 'ArrowDown', 'a'],
		['starts at the first area from an area not on this map', 'z', 'ArrowLeft', 'a'],
		['no arrow, no move', 'e', 'Enter', null]
	] as const)('%s', (_, from, key, to) => {
		expect(nextArea(grid, from, key)).toBe(to);
	});

	test('prefers the area in line over a nearer one off to the side', () => {
		const areas: KeyArea[] = [
			{ code: 'here', at: [0, 0] },
			{ code: 'aside', at: [2, 3] },
			{ code: 'inline', at: [6, 0] }
		];
		expect(nextArea(areas, 'here', 'ArrowRight')).toBe('inline');
	});

	test('nothing to move among', () => {
		expect(nextArea([], null, 'ArrowRight')).toBeNull();
	});

	test('every area of the grid is reached from any other by arrows alone', () => {
		const keys = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown'];
		const seen = new Set<string>(['a']);
		let frontier = ['a'];
		while (frontier.length) {
			frontier = frontier.flatMap((c) => keys.map((k) => nextArea(grid, c, k)!)).filter((c) => !seen.has(c) && seen.add(c));
		}
		expect(seen.size).toBe(grid.length);
	});
});

describe('mapTable', () => {
	const area = (code: string | null, name: string, value: number | null, approximate = false): AreaValue => ({ code, name, value, approximate });
	const head = { place: '地区', value: '会议数', noData: '无数据' };

	test.each([
		[
			'largest first, areas without data named together at the end',
			[area('370000', '山东省', 3), area('320000', '江苏省', 12), area('110000', '北京市', null), area('120000', '天津市', null)],
			[
				['江苏省', '12'],
				['山东省', '3'],
				['无数据', '北京市, 天津市']
			]
		],
		['areas with no code and no data (南海诸岛) are not listed', [area(null, '南海诸岛', null), area('370000', '山东省', 1, true)], [['山东省', '≈1']]],
		['an empty map has no rows', [], []]
	] as const)('%s', (_, areas, rows) => {
		const table = mapTable(areas as readonly AreaValue[], head, (_c, name) => name, (n, approx) => `${approx ? '≈' : ''}${n}`);
		expect(table).toEqual({ columns: ['地区', '会议数'], rows });
	});

	test('places are named in the interface language', () => {
		const table = mapTable([area('370000', '山东省', 2)], { place: 'Area', value: 'Meetings', noData: 'No data' }, () => 'Shandong', String);
		expect(table.rows).toEqual([['Shandong', '2']]);
	});
});
