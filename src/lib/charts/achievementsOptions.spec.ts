import { describe, expect, test } from 'vitest';
import type { Figure } from '../query/achievements.ts';
import { figuresByCategoryOption, figuresByIndicatorOption, indicatorCountsOption, LABELLED_YEARS, regionTotalsOption, sumsByRegionOption, sumsByYearOption, yearTotalsOption, type ChartText } from './achievementsOptions.ts';
import { escapeHtml } from './escape.ts';

let n = 0;
const fig = (value: number, unit: string, extra: Partial<Figure> = {}): Figure => ({
	key: `k${n++}`, value, unit, qualifier: 'exact', category: 'training', year: 2023, cumulative: false, subject: `s${n}`, indicator: 'trainees', kind: 'level', measure: 'flow',
	change: null, part: false, whole: false, region: `5${String(n).padStart(3, '0')}00`, sources: [], superseded: false, ...extra
});
const text: ChartText = {
	category: (c) => `cat:${c}`,
	figure: (v, u, q) => `${v}${q === 'exact' ? '' : '+'}${u}`,
	figures: 'figures',
	region: (code) => `r${code}`,
	indicator: (i) => `ind:${i}`
};
type Bar = { series: Array<{ data: Array<Record<string, unknown>>; label: { show?: boolean; formatter?: (p: unknown) => string } }>; yAxis: { data: string[] }; xAxis: { data: string[] }; tooltip: { formatter: (p: unknown) => string } };

describe('figuresByCategoryOption', () => {
	test('counts figures per category, most last so the largest bar sits on top', () => {
		const built = figuresByCategoryOption([fig(1, '人'), fig(2, '人次'), fig(3, '篇', { category: 'publication' })], text);
		const o = built.option as unknown as Bar;
		expect(built.items).toBe(2);
		expect(o.yAxis.data).toEqual(['cat:publication', 'cat:training']);
		expect(o.series[0]!.data.map((d) => [d.value, d.category])).toEqual([[1, 'publication'], [2, 'training']]);
	});
});

describe('figuresByIndicatorOption', () => {
	test('counts figures per indicator, the most reported on top, at most the limit', () => {
		const built = figuresByIndicatorOption([fig(1, '人'), fig(2, '人次'), fig(3, '篇', { indicator: 'papers' }), fig(4, '个', { indicator: 'x' })], text, 2);
		const o = built.option as unknown as Bar;
		expect(built.items).toBe(2);
		expect(o.yAxis.data).toEqual(['ind:papers', 'ind:trainees']);
		expect(o.series[0]!.data.map((d) => d.indicator)).toEqual(['papers', 'trainees']);
	});
});

describe('sumsByYearOption', () => {
	test('sums one unit by year, leaving out running totals, parts, changes and other units', () => {
		const built = sumsByYearOption(
			[
				fig(100, '人次'),
				fig(50, '人次', { year: 2022 }),
				fig(900, '人次', { cumulative: true, kind: 'cumulative' }),
				fig(30, '人次', { part: true }),
				fig(20, '人次', { kind: 'change', change: 'decrease' }),
				fig(7, '人')
			],
			'人次',
			text
		);
		const o = built.option as unknown as Bar;
		expect(o.xAxis.data).toEqual(['2022', '2023']);
		expect(o.series[0]!.data.map((d) => d.value)).toEqual([50, 100]);
	});
	test(`labels every bar up to ${LABELLED_YEARS} years, none beyond (the tooltip still gives each sum)`, () => {
		const years = (n: number) => Array.from({ length: n }, (_, i) => fig(10, '人', { year: 2000 + i }));
		const shown = (n: number) => (sumsByYearOption(years(n), '人', text).option as unknown as Bar).series[0]!.label.show;
		expect([shown(LABELLED_YEARS), shown(LABELLED_YEARS + 1)]).toEqual([true, false]);
	});
	test('keeps a hedge visible in the bar label', () => {
		const built = sumsByYearOption([fig(2000, '人次', { qualifier: 'over' }), fig(500, '人次')], '人次', text);
		const o = built.option as unknown as Bar;
		expect(o.series[0]!.label.formatter!({ name: '2023' })).toBe('2500+人次');
	});
	test('sets the country’s own figures beside the sum of the places’, never as one series', () => {
		const built = sumsByYearOption(
			[
				fig(11700, '所', { region: '100000', year: 2019, measure: 'stock' }),
				fig(113, '所', { region: '110000', year: 2018, measure: 'stock' }),
				fig(631, '所', { region: '130000', year: 2019, measure: 'stock' })
			],
			'所',
			{ ...text, placesSum: 'places' }
		);
		const o = built.option as unknown as { xAxis: { data: string[] }; legend: { data: string[] }; series: Array<{ name: string; data: Array<{ value: number | null }> }> };
		expect(o.legend.data).toEqual(['r100000', 'places']);
		expect(o.xAxis.data).toEqual(['2018', '2019']);
		expect(o.series.map((s) => [s.name, s.data.map((d) => d.value)])).toEqual([
			['r100000', [null, 11700]],
			['places', [113, 631]]
		]);
		expect(built.items).toBe(3);
	});
	test('one series without a legend when only the country or only places report', () => {
		const o = sumsByYearOption([fig(5, '所', { region: '100000' })], '所', text).option as unknown as { legend?: unknown; series: Array<{ name?: string }> };
		expect([o.series.length, o.legend, o.series[0]!.name]).toEqual([1, undefined, undefined]);
	});
	test('draws no bar for a year whose figures may not be added (rates)', () => {
		expect(sumsByYearOption([fig(60, '%', { kind: 'rate', measure: 'rate' }), fig(70, '%', { kind: 'rate', measure: 'rate' })], '%', text).items).toBe(0);
	});
});

describe('sumsByRegionOption', () => {
	test('ranks regions by their sum and keeps at most the limit', () => {
		const figures = [fig(5, '项', { region: '370200' }), fig(9, '项', { region: '500000' }), fig(1, '项', { region: '110000' })];
		const built = sumsByRegionOption(figures, '项', false, text, 2);
		const o = built.option as unknown as Bar;
		expect(built.items).toBe(2);
		expect(o.yAxis.data).toEqual(['r370000', 'r500000']);
		expect(o.series[0]!.data.map((d) => d.region)).toEqual(['370000', '500000']);
	});
	test('escapes names in tooltips: a region name is text, not markup', () => {
		const built = sumsByRegionOption([fig(1, '项', { region: '370000' })], '项', false, { ...text, region: () => '<img src=x onerror=alert(1)>' });
		const o = built.option as unknown as Bar;
		expect(o.tooltip.formatter({ name: '<img src=x onerror=alert(1)>', data: { label: '1项' } })).toBe('&lt;img src=x onerror=alert(1)&gt;: 1项');
	});
	test('the whole country is a bar of its own, not added to the provinces', () => {
		const built = sumsByRegionOption([fig(100, '所', { region: '100000', measure: 'stock' }), fig(10, '所', { region: '110000', measure: 'stock' })], '所', false, text);
		const o = built.option as unknown as Bar;
		expect(o.series[0]!.data.map((d) => [d.region, d.value])).toEqual([['110000', 10], ['100000', 100]]);
	});
});

test('escapeHtml neutralises every markup character', () => {
	expect(escapeHtml(`<a href="javascript:x" title='t'>&</a>`)).toBe('&lt;a href=&quot;javascript:x&quot; title=&#39;t&#39;&gt;&amp;&lt;/a&gt;');
});

describe('axis unit in the interface language', () => {
	test.each([
		[undefined, '人次'],
		[(u: string) => (u === '人次' ? 'person-times' : u), 'person-times']
	])('unit translator %# names the axis %s', (unit, name) => {
		const built = sumsByYearOption([fig(2000, '人次'), fig(500, '人次')], '人次', { ...text, unit });
		expect((built.option as unknown as { yAxis: { name: string } }).yAxis.name).toBe(name);
	});
});

describe('tooltip box', () => {
	test("each chart's tooltip box goes in the chart's own element (named, so ECharts reads no computed style on an update)", () => {
		const fs: Figure[] = [];
		const el = { tag: 'chart' } as unknown as HTMLElement;
		for (const o of [yearTotalsOption({ national: new Map(), places: new Map() }, '所', text).option, regionTotalsOption(new Map(), '所', text).option, indicatorCountsOption([], text).option, figuresByCategoryOption(fs, text).option]) {
			expect((o.tooltip as { appendTo: (e: HTMLElement) => HTMLElement }).appendTo(el)).toBe(el);
		}
	});
});
