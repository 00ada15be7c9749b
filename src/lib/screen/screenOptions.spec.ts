import { describe, expect, test } from 'vitest';
import type { CorpusDocument, Meeting } from '../corpus/schema.ts';
import { mapModel, type MapLabels, type PointRow } from '../charts/mapOption.ts';
import { allDivisions } from '../geo/gazetteer.ts';
import type { Figure } from '../query/achievements.ts';
import { filterFacts, type Facts } from '../query/facts.ts';
import { NO_FILTERS } from '../state/filters.ts';
import { replayAnswer, replayFrame } from '../query/replayAnswer.ts';
import { replayRequest } from '../query/requests.ts';
import { SCREEN_COLORS, screenFiguresOption, screenMapOption, screenTrendOption } from './screenOptions.ts';

const CHINA = allDivisions()
	.filter((d) => d.level === 'province')
	.map((d) => ({ code: d.code, name: d.name }));
const labels: MapLabels = { measure: '会议数', noData: '无文档', places: '城市与区县', links: '参会方向', meetings: '会议', mentions: '提及' };

const doc: CorpusDocument = {
	id: 'd1',
	fileName: 'd1.txt',
	title: '<b>标题</b>',
	publishedAt: '2023-06-01',
	kind: 'news',
	length: 100,
	encoding: 'utf-8',
	regionCode: '370000',
	contentHash: '0'.repeat(64),
	sourceUrl: null
};
const meeting = (id: string, startDate: string, provinceCode: string, cityCode: string | null): Meeting => ({
	id,
	name: `会议${id}`,
	startDate,
	endDate: null,
	datePrecision: 'day',
	province: null,
	provinceCode,
	city: null,
	cityCode,
	county: null,
	countyCode: null,
	attendees: null,
	attendeesQualifier: null,
	participantCodes: cityCode ? [cityCode, '370100'] : [],
	docIds: ['d1'],
	evidence: []
});
const facts: Facts = {
	documents: [doc],
	meetings: [meeting('a', '2021-03-30', '500000', null), meeting('b', '2023-05-29', '370000', '371600')],
	places: [],
	metrics: []
};
const filtered = filterFacts(facts, NO_FILTERS);
const model = mapModel({ map: 'china', areas: CHINA, facts: filtered, measure: 'meetings' });

describe('screenMapOption', () => {
	test('sizes tooltips, legend, visual map and labels from the screen, keeping tooltips inside the chart', () => {
		const o = screenMapOption({ model, labels, fontSize: 26 });
		expect(o.tooltip).toMatchObject({ confine: true, textStyle: { fontSize: 26 } });
		expect(o.legend.textStyle.fontSize).toBeGreaterThanOrEqual(20);
		expect(o.visualMap.textStyle.fontSize).toBeGreaterThanOrEqual(20);
		expect(o.geo.label.fontSize).toBeGreaterThanOrEqual(18);
		expect(o.backgroundColor).toBe('transparent');
	});
	test('hatches areas without documents on the dark ground, not the light one', () => {
		const o = screenMapOption({ model, labels, fontSize: 26 });
		const unknown = (o.series[0].data as { value: number; itemStyle?: { decal: { backgroundColor: string } } }[]).filter((d) => Number.isNaN(d.value));
		expect(unknown.length).toBeGreaterThan(0);
		for (const d of unknown) expect(d.itemStyle?.decal.backgroundColor).toBe(SCREEN_COLORS.noData);
	});
	test('keeps the places and lines on the map page and scales the points with the screen', () => {
		const small = screenMapOption({ model, labels, fontSize: 16 });
		const big = screenMapOption({ model, labels, fontSize: 32 });
		// areas, points, lines, no data, area names, the busiest points' names
		expect(small.series).toHaveLength(6);
		expect(small.series[2].data.length).toBe(model.links.length);
		const size = (o: typeof small) => {
			const points = o.series[1] as { symbolSize: (row: PointRow) => number; data: PointRow[] };
			return points.data.map((d) => points.symbolSize(d));
		};
		expect(size(big).every((s, i) => s >= 2 * size(small)[i]! - 1)).toBe(true);
	});
	test('in the replay draws only the venues so far, the current one largest, and no places or lines', () => {
		// the closing frame: every venue lit, the last told drawn largest
		const a = replayAnswer(facts, replayRequest(NO_FILTERS));
		const o = screenMapOption({ model, labels, fontSize: 24, replay: replayFrame(a, a.steps) });
		expect(o.series[1].data).toEqual([]);
		expect(o.series[2].data).toEqual([]);
		const told = o.series[4] as { type: string; data: { name: string; symbolSize: number }[] };
		const past = o.series[5] as { type: string; data: [number, number, string][]; symbolSize: number; zlevel: number };
		expect(told.type).toBe('effectScatter');
		expect(told.data.map((d) => d.name)).toEqual(['滨州市']);
		// the earlier venues: a plain scatter under it, smaller
		expect(past.type).toBe('scatter');
		expect(past.data.map((d) => d[2])).toEqual(['重庆市']);
		expect(told.data[0]!.symbolSize).toBeGreaterThan(past.symbolSize);
		// on the map's layer: the ripple's layer is painted again every frame
		expect(past.zlevel).toBe(0);
		expect(o.legend.show).toBe(false);
	});
	test('escapes corpus text in the venue tooltip', () => {
		const o = screenMapOption({ model, labels, fontSize: 24, replay: { step: null, past: [] } });
		for (const i of [4, 5]) {
			const venues = o.series[i] as { tooltip: { formatter: (p: { name: string; value?: unknown[] }) => string } };
			const name = '<img src=x onerror=alert(1)>';
			expect(venues.tooltip.formatter(i === 4 ? { name } : { name: '', value: [1, 2, name] })).toBe('&lt;img src=x onerror=alert(1)&gt;');
		}
	});
});

describe('screenFiguresOption', () => {
	const figure = (category: Figure['category'], value: number): Figure => ({
		key: `${category}${value}`,
		value,
		unit: '人',
		qualifier: 'exact',
		category,
		year: 2023,
		cumulative: false,
		subject: '培训',
		indicator: 'trainees',
		kind: 'level',
		measure: 'flow',
		change: null,
		part: false,
		whole: false,
		region: null,
		sources: [],
		superseded: false
	});
	test('one bar per category, axis and bar labels at the screen size', () => {
		const { option, items } = screenFiguresOption([figure('training', 1), figure('training', 2), figure('research', 3)], {
			category: (c) => c,
			figure: (v) => String(v),
			figures: '项数据',
			region: (c) => c
		}, 30);
		expect(items).toBe(2);
		const o = option as { yAxis: { axisLabel: { fontSize: number } }; series: { label: { fontSize: number } }[]; tooltip: { textStyle: { fontSize: number } } };
		expect(o.yAxis.axisLabel.fontSize).toBe(30);
		expect(o.series[0]!.label.fontSize).toBe(30);
		expect(o.tooltip.textStyle.fontSize).toBe(30);
	});
});

describe('screenTrendOption', () => {
	const point = (year: number, value: number, qualifier: 'exact' | 'over' = 'exact') => ({ year, value, qualifier, conflicted: false, sources: [] });
	const text = { indicator: '职业院校', figure: (v: number, u: string, q: string) => `${q === 'over' ? '' : ''}${v}${q === 'over' ? '余' : ''}${u}` };
	test('every year between the first and the last has its place; a year without a total has no bar', () => {
		const { option, indices } = screenTrendOption({ indicator: 'schools', unit: '所', scope: 'national', points: [point(2019, 10), point(2022, 30, 'over')] }, text, 24);
		expect(option.xAxis.data).toEqual(['2019', '2020', '2021', '2022']);
		expect(option.series[0]!.data).toEqual([10, null, null, 30]);
		expect(indices).toEqual([0, 3]);
		expect((option.series[0] as { label: { formatter: (p: { dataIndex: number }) => string } }).label.formatter({ dataIndex: 3 })).toBe('30余所');
		expect(option.tooltip.formatter({ dataIndex: 0, name: '2019' })).toBe('2019 · 职业院校<br/>10所');
	});
	test('a span of over 40 years lists only the years with a total', () => {
		const { option } = screenTrendOption({ indicator: 'schools', unit: '所', scope: 'national', points: [point(1950, 1), point(2020, 2)] }, text, 24);
		expect(option.xAxis.data).toEqual(['1950', '2020']);
	});
});
