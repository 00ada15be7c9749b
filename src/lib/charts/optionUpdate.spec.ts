import { describe, expect, test } from 'vitest';
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Figure } from '../query/achievements.ts';
import { figuresByIndicatorOption, sumsByRegionOption, sumsByYearOption, type ChartText } from './achievementsOptions.ts';
import { keepSame, sameData, sameShape, setOptionSettings, withMotion } from './optionUpdate.ts';

echarts.use([BarChart, ScatterChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

describe('sameShape', () => {
	test('data, axis labels and formatters may change; the keys set may not', () => {
		const f = () => '';
		const a = { grid: { top: 24 }, tooltip: { formatter: f }, xAxis: { type: 'category', data: ['2020'] }, series: [{ type: 'bar', data: [1], label: { show: true } }] };
		expect(sameShape(a, { grid: { top: 40 }, tooltip: { formatter: () => 'x' }, xAxis: { type: 'category', data: ['2020', '2021'] }, series: [{ type: 'bar', data: [{ value: 2, name: 'x' }, 3], label: { show: false } }] })).toBe(true);
		// a component more or less, a key more or less at any depth
		expect(sameShape(a, { ...a, legend: { data: ['a'] } })).toBe(false);
		expect(sameShape({ ...a, legend: {} }, a)).toBe(false);
		expect(sameShape(a, { ...a, grid: {} })).toBe(false);
		expect(sameShape(a, { ...a, grid: { top: 24, left: 0 } })).toBe(false);
		expect(sameShape(a, { ...a, series: [{ type: 'bar', data: [1], label: { show: true, position: 'top' } }] })).toBe(false);
		// a series more or retyped; of several, one renamed (a lone one is matched by its place and takes the name)
		expect(sameShape(a, { ...a, series: [...a.series, ...a.series] })).toBe(false);
		expect(sameShape(a, { ...a, series: [{ ...a.series[0]!, type: 'scatter' }] })).toBe(false);
		expect(sameShape({ ...a, series: [{ ...a.series[0]!, name: 'a' }] }, { ...a, series: [{ ...a.series[0]!, name: 'b' }] })).toBe(true);
		const two = { ...a, series: [{ ...a.series[0]!, name: 'a' }, { ...a.series[0]!, name: 'b' }] };
		expect(sameShape(two, { ...a, series: [{ ...a.series[0]!, name: 'a' }, { ...a.series[0]!, name: 'c' }] })).toBe(false);
		expect(sameShape(two, { ...a, series: [{ ...a.series[0]!, name: 'b' }, { ...a.series[0]!, name: 'a' }] })).toBe(false);
		// a value of another kind, undefined included
		expect(sameShape(a, { ...a, grid: { top: '10%' } })).toBe(false);
		expect(sameShape(a, { ...a, grid: { top: undefined } })).toBe(false);
		// one component, as an object or a list of one
		expect(sameShape(a, { ...a, xAxis: [a.xAxis] })).toBe(true);
	});

	test('setOptionSettings: the first option and a new shape replace, the same shape merges', () => {
		const a = { series: [{ type: 'bar', data: [1] }] };
		expect(setOptionSettings(null, a)).toEqual({ notMerge: true });
		expect(setOptionSettings(a, { series: [{ type: 'bar', data: [2] }] })).toEqual({ notMerge: false });
		expect(setOptionSettings(a, { series: [] })).toEqual({ notMerge: true });
	});
});

describe('withMotion', () => {
	const o = { series: [{ type: 'bar', data: [1] }] };
	test('the first picture grows in; a change is still when asked; nothing moves under reduced motion', () => {
		expect(withMotion(o, { first: true, instantUpdates: true, reducedMotion: false }).animation).toBe(true);
		expect(withMotion(o, { first: false, instantUpdates: true, reducedMotion: false }).animation).toBe(false);
		expect(withMotion(o, { first: false, instantUpdates: false, reducedMotion: false }).animation).toBe(true);
		expect(withMotion(o, { first: true, instantUpdates: false, reducedMotion: true }).animation).toBe(false);
		expect(withMotion({ ...o, animation: false }, { first: true, instantUpdates: false, reducedMotion: false }).animation).toBe(false);
	});
	test('keeps the option and its shape: as given, two options of one shape still have one', () => {
		const given = withMotion(o, { first: true, instantUpdates: true, reducedMotion: false });
		expect(given.series).toBe(o.series);
		expect(o).not.toHaveProperty('animation');
		expect(sameShape(given, withMotion({ series: [{ type: 'bar', data: [2, 3] }] }, { first: false, instantUpdates: true, reducedMotion: false }))).toBe(true);
	});
});

// ECharts itself: an option merged in where sameShape allows it gives the chart what it would be
// given alone, for the achievement charts' options as filters change them.
let n = 0;
const fig = (value: number, year: number, region: string, extra: Partial<Figure> = {}): Figure => ({
	key: `k${n++}`, value, unit: '所', qualifier: 'exact', category: 'training', year, cumulative: false, subject: `s${n}`, indicator: 'schools', kind: 'level', measure: 'flow',
	change: null, part: false, whole: false, region, sources: [], superseded: false, ...extra
});
const text: ChartText = {
	category: (c) => `cat:${c}`,
	figure: (v, u, q) => `${v}${q === 'exact' ? '' : '+'}${u}`,
	figures: 'figures',
	region: (code) => `r${code}`,
	indicator: (i) => `ind:${i}`,
	placesSum: 'places'
};
// as filters change them: other years, places, the country beside the places or not, another
// indicator and with it another unit (the value axis' name)
const corpora: Figure[][] = [
	[fig(3, 2020, '110000'), fig(4, 2021, '120000'), fig(5, 2021, '310000', { indicator: 'trainees' })],
	[fig(7, 2021, '110000'), fig(2, 2022, '320000'), fig(1, 2023, '330000', { qualifier: 'over' })],
	[fig(9, 2022, '100000'), fig(6, 2022, '440000'), fig(8, 2023, '100000')],
	[fig(5, 2019, '440000')],
	[fig(40, 2022, '110000', { unit: '人' }), fig(90, 2023, '100000', { unit: '人' }), fig(20, 2023, '120000', { unit: '人' })],
	[]
];
const unitOf = (fs: Figure[]) => fs[0]?.unit ?? '所';
const builders = [
	(fs: Figure[]) => sumsByYearOption(fs, unitOf(fs), text).option,
	(fs: Figure[]) => sumsByRegionOption(fs, unitOf(fs), false, text).option,
	(fs: Figure[]) => figuresByIndicatorOption(fs, text).option
];
/** The option ECharts holds, functions named rather than compared by identity. */
const held = (chart: echarts.ECharts) => JSON.parse(JSON.stringify(chart.getOption(), (_k, v) => (typeof v === 'function' ? 'fn' : v)));

/**
 * The picture's elements, with the instance's own numbering of its style classes taken out, sorted:
 * an updated chart keeps its labels in the order they were first added, a new one in data order.
 */
const svg = (chart: echarts.ECharts) =>
	chart
		.renderToSVGString()
		.replace(/zr\d+-/g, 'zr-')
		.replace(/cls-\d+/g, 'cls')
		.split('\n')
		.sort();

describe('setOptionSettings in ECharts', () => {
	test.each(builders.map((b, i) => [i, b] as const))('builder %i: every sequence of options ends with the chart the last one draws alone', (_i, build) => {
		// without animation the SVG is the final picture, not a transition from the previous one
		const options = corpora.map((c) => ({ ...build(c), animation: false }));
		let merged = 0;
		for (const first of options) {
			for (const next of options) {
				const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 400, height: 300 });
				chart.setOption(first, setOptionSettings(null, first));
				const settings = setOptionSettings(first, next);
				if (!settings.notMerge) merged++;
				chart.setOption(next, settings);
				const alone = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 400, height: 300 });
				alone.setOption(next, { notMerge: true });
				expect(held(chart)).toEqual(held(alone));
				expect(svg(chart)).toEqual(svg(alone));
				chart.dispose();
				alone.dispose();
			}
		}
		// most pairs merge: the test would prove nothing if all were replaced
		expect(merged).toBeGreaterThan(options.length);
	});
});

describe('sameData and keepSame', () => {
	test('data equal entry by entry, Maps included; functions and class instances by identity', () => {
		const f = () => '';
		expect(sameData(new Map([[2024, { value: 1, unit: '所' }]]), new Map([[2024, { value: 1, unit: '所' }]]))).toBe(true);
		// two Maps have no keys of their own: compared as plain objects they would always be equal
		expect(sameData(new Map([[2024, { value: 1 }]]), new Map([[2024, { value: 2 }]]))).toBe(false);
		expect(sameData(new Map([[2024, 1]]), new Map([[2025, 1]]))).toBe(false);
		expect(sameData(new Map([[1, 1], [2, 2]]), new Map([[2, 2], [1, 1]]))).toBe(false);
		expect(sameData([['a', 1], ['b', 2]], [['a', 1], ['b', 2]])).toBe(true);
		expect(sameData([['a', 1]], [['a', 1], ['b', 2]])).toBe(false);
		expect(sameData({ national: new Map(), places: new Map([[1, { value: null }]]) }, { national: new Map(), places: new Map([[1, { value: null }]]) })).toBe(true);
		expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
		expect(sameData(NaN, NaN)).toBe(true);
		expect(sameData({ f }, { f })).toBe(true);
		expect(sameData({ f }, { f: () => '' })).toBe(false);
		expect(sameData(new Date(0), new Date(0))).toBe(false);
		expect(sameData(new Map(), [])).toBe(false);
	});

	test('keepSame gives back the same option for the same data, a new one for other data or other text', () => {
		let built = 0;
		const build = keepSame((counts: [string, number][], t: ChartText) => (built++, figuresByIndicatorOption([], t, counts.length)));
		const counts: [string, number][] = [['schools', 3], ['papers', 1]];
		const first = build(counts, text);
		expect(build(structuredClone(counts), text)).toBe(first);
		expect(built).toBe(1);
		expect(build([['schools', 3], ['papers', 2]], text)).not.toBe(first);
		const other = { ...text, figures: 'items' };
		const again = build([['schools', 3], ['papers', 2]], other);
		expect(built).toBe(3);
		expect(build([['schools', 3], ['papers', 2]], other)).toBe(again);
	});
});
