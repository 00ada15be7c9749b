import { describe, expect, test } from 'vitest';
import { figuresByIndicatorOption, sumsByRegionOption, sumsByYearOption, type ChartText } from './achievementsOptions.ts';
import { chartTable } from './chartTable.ts';
import type { Figure } from '../query/achievements.ts';

const head = { name: '项目', value: '数值' };
const plain = (n: number) => String(n);

describe('chartTable', () => {
	test.each([
		['nothing while the option is not there', null, null],
		['nothing for a series without data', { series: [{ type: 'bar', data: [] }] }, null],
		[
			'bare numbers named by the category axis, the unit from the value axis',
			{ xAxis: { type: 'category', data: ['2022', '2023'] }, yAxis: { type: 'value', name: '所' }, series: [{ type: 'bar', data: [3, 5] }] },
			{ columns: ['项目', '数值（所）'], rows: [['2022', '3'], ['2023', '5']] }
		],
		[
			'marks named by themselves, valued by their label text',
			{ xAxis: { type: 'value' }, yAxis: { type: 'category', data: ['x'] }, series: [{ type: 'bar', data: [{ value: 7, name: '山东省', label: '7所' }] }] },
			{ columns: ['项目', '数值'], rows: [['山东省', '7所']] }
		],
		[
			'the series label formatter writes the value as the chart does',
			{ xAxis: { type: 'category', data: ['2021'] }, series: [{ type: 'bar', label: { formatter: (p: { name: string }) => `${p.name}: 2.7万余` }, data: [{ value: 27000 }] }] },
			{ columns: ['项目', '数值'], rows: [['2021', '2021: 2.7万余']] }
		],
		[
			'marks with no number (a map area without data) are left out; an array value reads its last entry',
			{ series: [{ type: 'scatter', data: [{ name: 'a', value: NaN }, { name: 'b', value: [117, 36, 4] }] }] },
			{ columns: ['项目', '数值'], rows: [['b', '4']] }
		],
		[
			'only the first series is read',
			{ series: [{ type: 'pie', data: [{ name: 'a', value: 1 }] }, { type: 'pie', data: [{ name: 'b', value: 2 }] }] },
			{ columns: ['项目', '数值'], rows: [['a', '1']] }
		]
	])('%s', (_, option, expected) => {
		expect(chartTable(option as Record<string, unknown> | null, head, plain)).toEqual(expected);
	});

	test('the unit is worded by the caller in the interface language', () => {
		const option = { xAxis: { type: 'category', data: ['2022'] }, yAxis: { type: 'value', name: 'institutions' }, series: [{ type: 'bar', data: [3] }] };
		expect(chartTable(option, { name: 'Item', value: 'Value', unit: (u) => ` (${u})` }, (n) => n.toLocaleString('en'))?.columns).toEqual(['Item', 'Value (institutions)']);
	});
});

describe('chartTable on the achievement charts', () => {
	const text: ChartText = {
		category: (c) => c,
		figure: (v, u, q) => `${v}${u}${q === 'over' ? '余' : ''}`,
		figures: '条',
		region: (code) => ({ '370000': '山东省', '320000': '江苏省' })[code] ?? code,
		indicator: (i) => `指标 ${i}`
	};
	const fig = (over: Partial<Figure>): Figure =>
		({ key: String(Math.random()), value: 1, unit: '所', qualifier: 'exact', indicator: 'schools', category: 'institution', kind: 'level', region: '370000', year: 2023, sources: [], ...over }) as unknown as Figure;

	test('a year chart reads each year as its bar label writes it', () => {
		const built = sumsByYearOption([fig({ value: 4, year: 2022 }), fig({ value: 6, year: 2023, qualifier: 'over' })], '所', text);
		const table = chartTable(built.option as Record<string, unknown>, head, plain)!;
		expect(table.rows).toEqual([
			['2022', '4所'],
			['2023', '6所余']
		]);
		expect(table.rows).toHaveLength(built.items);
	});

	test('a year chart of the country beside the places reads both series, each row named by its series', () => {
		const built = sumsByYearOption([fig({ value: 900, year: 2022, region: '100000' }), fig({ value: 4, year: 2022 })], '所', { ...text, placesSum: '各地区合计' });
		expect(chartTable(built.option as Record<string, unknown>, head, plain)!.rows).toEqual([
			['100000 · 2022', '900所'],
			['各地区合计 · 2022', '4所']
		]);
	});

	test('a region chart names places in the chart’s words and keeps its order', () => {
		const built = sumsByRegionOption([fig({ value: 4, region: '370000' }), fig({ value: 9, region: '320000' })], '所', false, text);
		const table = chartTable(built.option as Record<string, unknown>, head, plain)!;
		expect(table.rows.map(([name]) => name)).toEqual(['山东省', '江苏省']);
		expect(table.rows.map(([, v]) => v)).toEqual(['4所', '9所']);
	});

	test('a count chart gives each indicator its count', () => {
		const built = figuresByIndicatorOption([fig({ indicator: 'a' }), fig({ indicator: 'a' }), fig({ indicator: 'b' })], text);
		expect(chartTable(built.option as Record<string, unknown>, head, plain)!.rows).toEqual([
			['指标 b', '1'],
			['指标 a', '2']
		]);
	});
});
