import { describe, expect, test } from 'vitest';
import * as echarts from 'echarts/core';
import { LinesChart, MapChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GeoComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { loadChinaMap } from '../geo/maps.ts';
import type { CorpusDocument, Meeting, Metric, Place } from '../corpus/schema.ts';
import { allDivisions, childrenOf, coordinates } from '../geo/gazetteer.ts';
import { analyseFigures } from '../query/achievements.ts';
import { filterFacts, type Facts } from '../query/facts.ts';
import { NO_FILTERS } from '../state/filters.ts';
import {
	areaOf,
	DRAWN_LINKS,
	LABELLED_POINTS,
	largestPoint,
	mapLabels,
	mapMeasures,
	mapModel,
	mapOption,
	mapStages,
	type AppendPart,
	NO_DATA_DECAL,
	POINT_ROW,
	pointCode,
	pointSize,
	STAGED_POINTS,
	type MapLabels,
	type MapMeasure,
	type MapModel,
	type PointRow
} from './mapOption.ts';

echarts.use([LinesChart, MapChart, ScatterChart, AriaComponent, GeoComponent, LegendComponent, TooltipComponent, VisualMapComponent, LabelLayout, SVGRenderer]);

const CHINA = allDivisions()
	.filter((d) => d.level === 'province')
	.map((d) => ({ code: d.code, name: d.name }));
const SHANDONG = childrenOf('370000').map((d) => ({ code: d.code, name: d.name }));

const evidence = (docId: string) => ({ docId, start: 0, end: 1, text: 'x' });

const doc = (id: string, regionCode: string | null): CorpusDocument => ({
	id,
	fileName: `${id}.txt`,
	title: id,
	publishedAt: '2023-06-01',
	kind: 'news',
	length: 100,
	encoding: 'utf-8',
	regionCode,
	contentHash: '0'.repeat(64), sourceUrl: null
});

const meeting = (id: string, docId: string, venue: { provinceCode: string; cityCode?: string; countyCode?: string }, participantCodes: string[]): Meeting => ({
	id,
	name: `会议${id}`,
	startDate: '2023-05-29',
	endDate: null,
	datePrecision: 'day',
	province: null,
	provinceCode: venue.provinceCode,
	city: null,
	cityCode: venue.cityCode ?? null,
	county: null,
	countyCode: venue.countyCode ?? null,
	attendees: null,
	attendeesQualifier: null,
	participantCodes,
	docIds: [docId],
	evidence: []
});

const place = (docId: string, adcode: string, level: Place['level'], mentions: number): Place => ({
	id: `${docId}:${adcode}`,
	docId,
	name: adcode,
	adcode,
	level,
	lng: 117,
	lat: 36,
	mentions,
	evidence: evidence(docId)
});

let metricId = 0;
const metric = (docId: string, category: Metric['category'], value: number, unit: string, extra: Partial<Metric> = {}): Metric => ({
	id: `m${metricId++}`,
	docId,
	value,
	unit,
	qualifier: 'exact',
	category,
	cumulative: false,
	year: 2023,
	subject: null,
	indicator: category,
	scopeCode: null,
	change: null,
	part: false,
	text: `${value}${unit}`,
	evidence: evidence(docId),
	...extra
});

// 山东 (a meeting at 邹平市 with 滨州市 taking part), 重庆 (a meeting at 北碚区), 广东 (named, no meeting),
// and a document without a region whose figures cannot be placed.
const FACTS: Facts = {
	documents: [doc('sd', '371681'), doc('cq', '500109'), doc('gd', '440300'), doc('none', null)],
	meetings: [
		meeting('1', 'sd', { provinceCode: '370000', cityCode: '371600', countyCode: '371681' }, ['371681', '371600']),
		meeting('2', 'cq', { provinceCode: '500000', cityCode: '500000', countyCode: '500109' }, ['500109', '500000', '371300'])
	],
	places: [
		place('sd', '371600', 'city', 3),
		place('sd', '371681', 'county', 5),
		place('sd', '370000', 'province', 2),
		place('cq', '500000', 'province', 4),
		place('cq', '500109', 'county', 1),
		place('gd', '440300', 'city', 2)
	],
	metrics: [
		metric('sd', 'training', 1000, '人次', { qualifier: 'over' }),
		metric('sd', 'training', 200, '人次'),
		metric('sd', 'training', 50000, '人次', { cumulative: true }),
		metric('sd', 'training', 3, '期'),
		metric('cq', 'training', 300, '人次'),
		metric('none', 'training', 999, '人次'),
		metric('sd', 'rate', 95, '%'),
		metric('cq', 'rate', 90, '%')
	]
};
const filtered = filterFacts(FACTS, NO_FILTERS);

const LABELS: MapLabels = { measure: '会议数', noData: '无文档', places: '地点', links: '参会方向', meetings: '会议', mentions: '提及' };

const china = (measure: MapMeasure = 'meetings', meetingId: string | null = null): MapModel =>
	mapModel({ map: 'china', areas: CHINA, facts: filtered, measure, meetingId });
const valueOf = (model: MapModel, code: string) => model.areas.find((a) => a.code === code)?.value;

describe('mapMeasures', () => {
	test('offers indicators with levels to add: never one of rates only', () => {
		expect(mapMeasures(analyseFigures(filtered.metrics, filtered.docById).figures)).toEqual(['training']);
	});
});

describe('areaOf', () => {
	test.each([
		['371681', ['370000'], '370000', 'a county on the China map'],
		['371681', ['371600', '371300'], '371600', 'a county on its province map'],
		['500109', ['500109', '500112'], '500109', 'a district on its municipality map'],
		['500000', ['500109'], null, 'a municipality is not inside one of its districts'],
		[null, ['370000'], null, 'no code']
	] as const)('%s in %j → %s (%s)', (code, areas, expected, _why) => {
		expect(areaOf(code, new Set(areas))).toBe(expected);
	});
});

describe('mapModel', () => {
	test.each([
		['370000', 1, 'a meeting held there'],
		['500000', 1, 'a meeting held there'],
		['440000', 0, 'named by a document, no meeting: zero'],
		['540000', null, 'no document at all: unknown'],
		['710000', null, 'Taiwan is an area of the map like any other']
	] as const)('meetings in %s → %s (%s)', (code, value, _why) => {
		expect(valueOf(china(), code)).toBe(value);
	});

	test.each([
		['370000', 1000, true, 'one unit only; running totals, other units and a second figure of the same place and year not added; approximate flagged'],
		['500000', 300, false, 'an exact figure'],
		['440000', null, false, 'covered but without figures of the indicator: unknown, not zero'],
		['540000', null, false, 'no document']
	] as const)('training in %s → %s (%s)', (code, value, approximate, _why) => {
		const model = china('training');
		expect(model.unit).toBe('人次');
		expect(model.areas.find((a) => a.code === code)).toMatchObject({ value, approximate });
	});

	test('draws only the busiest participant lines of many meetings, and every line of a chosen one', () => {
		const counties = allDivisions().filter((d) => d.level === 'county' && !d.code.startsWith('37'));
		const venue = { provinceCode: '370000', cityCode: '371600', countyCode: '371681' };
		// One meeting per county (one line each) and three more from the first county: its line is the busiest.
		const meetings = [
			...counties.slice(0, DRAWN_LINKS + 10).map((d, i) => meeting(`m${i}`, 'sd', venue, [d.code])),
			...[1, 2, 3].map((i) => meeting(`again${i}`, 'sd', venue, [counties[0]!.code]))
		];
		const facts = filterFacts({ ...FACTS, meetings }, NO_FILTERS);
		const all = mapModel({ map: 'china', areas: CHINA, facts, measure: 'meetings' });
		expect(all.links).toHaveLength(DRAWN_LINKS);
		expect(all.linksLeftOut).toBe(10);
		expect(all.links.find((l) => l.from === counties[0]!.code)?.meetings).toHaveLength(4);
		const one = mapModel({ map: 'china', areas: CHINA, facts, measure: 'meetings', meetingId: `m${DRAWN_LINKS + 5}` });
		expect([one.links.map((l) => l.from), one.linksLeftOut]).toEqual([[counties[DRAWN_LINKS + 5]!.code], 0]);
	});

	test('counts the figures it could not place: another unit, no region', () => {
		expect(china('training').leftOut).toBe(2);
	});

	test('keeps national figures off the provinces and totals them apart', () => {
		const facts = filterFacts({ ...FACTS, documents: [...FACTS.documents, doc('cn', '100000')], metrics: [...FACTS.metrics, metric('cn', 'training', 5000, '人次')] }, NO_FILTERS);
		const model = mapModel({ map: 'china', areas: CHINA, facts, measure: 'training' });
		expect(model.national).toEqual({ value: 5000, qualifier: 'exact' });
		expect(model.areas.find((a) => a.code === '110000')?.value ?? null).toBeNull();
		expect(valueOf(model, '370000')).toBe(1000);
	});

	test('draws cities and counties as points, never provinces or municipalities, sized by meetings and mentions', () => {
		const points = china().points;
		expect(points.map((p) => [p.code, p.meetings, p.mentions])).toEqual([
			['371300', 1, 0],
			['371600', 1, 3],
			['371681', 1, 5],
			['440300', 0, 2],
			['500109', 1, 1]
		]);
		expect(points.find((p) => p.code === '371681')?.name).toBe('邹平市');
	});

	test.each([
		[null, ['371600>371681', '371300>500109', '500000>500109'], 'every meeting when none is selected'],
		['1', ['371600>371681'], 'the selected meeting only; the venue itself draws no line'],
		['gone', [], 'a meeting filtered out draws nothing']
	] as const)('lines for meeting %s → %j (%s)', (id, expected, _why) => {
		expect(china('meetings', id).links.map((l) => `${l.from}>${l.to}`).sort()).toEqual([...expected].sort());
	});

	test('drilled into a province, colours its cities and keeps only the points inside it', () => {
		// Unfiltered facts on purpose: 临沂市 takes part in the 重庆 meeting, 北碚区 lies outside the map.
		const model = mapModel({ map: '370000', areas: SHANDONG, facts: filtered, measure: 'meetings' });
		expect(model.areas.filter((a) => a.value != null).map((a) => [a.name, a.value])).toEqual([
			['临沂市', 0],
			['滨州市', 1]
		]);
		expect(model.points.map((p) => p.code)).toEqual(['371300', '371600', '371681']);
		// A city that is itself an area of the map is named by the area's label, not by its point.
		const option = mapOption({ model, labels: LABELS });
		const named = new Set((option.series[5]!.data as { name: string }[]).map((d) => d.name));
		const labelled = (option.series[1]!.data as PointRow[]).map((d) => [d[POINT_ROW.name], named.has(d[POINT_ROW.name])]);
		expect(labelled).toEqual([
			['临沂市', false],
			['滨州市', false],
			['邹平市', true]
		]);
	});
});

describe('mapOption', () => {
	const option = mapOption({ model: china(), labels: LABELS, selectedArea: '370000' });
	const [areas, points, lines, noData] = option.series;
	type AreaItem = { name: string; value: number; itemStyle?: { decal: unknown } };
	const item = (name: string) => (areas.data as AreaItem[]).find((d) => d.name === name)!;

	test.each([
		['山东省', 1, false],
		['广东省', 0, false],
		['西藏自治区', NaN, true],
		['台湾省', NaN, true]
	] as const)('%s has value %s, hatched as no data: %s', (name, value, hatched) => {
		expect(item(name).value).toBe(value);
		expect(item(name).itemStyle?.decal === NO_DATA_DECAL).toBe(hatched);
	});

	test('leaves 香港 and 澳门 unlabelled on the map of China, where their names would cover 广东', () => {
		const named = (option.series[4]!.data as { name: string }[]).map((d) => d.name);
		expect(named).toContain('山东省');
		expect(named).not.toContain('香港特别行政区');
		expect(named).not.toContain('澳门特别行政区');
	});

	test('names areas in a series that hides overlapping labels, outranking every point', () => {
		const names = option.series[4]!;
		expect(option.geo.label.show).toBe(false);
		expect(names.labelLayout).toEqual({ hideOverlap: true });
		// The points carry no labels (nothing to lay out among thousands); their names are a small series of their own.
		expect(option.series[1]!).not.toHaveProperty('labelLayout');
		expect(option.series[1]!).toMatchObject({ label: { show: false } });
		expect(option.series[5]!.labelLayout).toEqual({ hideOverlap: true });
		expect(option.series[5]!.silent).toBe(true);
		expect(option.series[5]!.data).toContainEqual({ name: '邹平市', code: '371681', value: [117.743, 36.863], symbolSize: pointSize({ meetings: 1, mentions: 5 }, 6) });
		// ECharts hides the label of the smaller mark first.
		expect(names.symbolSize).toBeGreaterThan(28);
		expect(names.silent).toBe(true);
		const shandong = (names.data as { name: string; label: { formatter: string } }[]).find((d) => d.name === '山东省')!;
		expect(shandong.label.formatter).toBe('山东');
	});

	test('keeps China’s proportions in any box', () => {
		expect(option.geo.preserveAspect).toBe('contain');
	});

	test('colours by value from zero, and gives no data its own legend entry', () => {
		expect(option.visualMap).toMatchObject({ seriesIndex: 0, min: 0, max: 1 });
		expect(option.legend.data.map((d) => d.name)).toEqual(['地点', '参会方向', '无文档']);
		expect(noData).toMatchObject({ name: '无文档', data: [], itemStyle: { decal: NO_DATA_DECAL } });
	});

	test.each([
		['370000', [{ name: '山东省', selected: true }]],
		['371681', [{ name: '山东省', selected: true }]],
		[null, []]
	])('marks the area holding region %s selected', (region, regions) => {
		const opt = mapOption({ model: china(), labels: LABELS, selectedArea: region });
		expect(opt.geo.map).toBe('china');
		expect(opt.geo.regions.filter((r) => r.selected)).toEqual(regions);
	});

	test('puts each point at its coordinates with a size from meetings and mentions', () => {
		expect(points.data).toHaveLength(5);
		expect(points.data[2]).toEqual([117.743, 36.863, 6, pointSize({ meetings: 1, mentions: 5 }, 6), '371681', '邹平市']);
		// Rows, not objects: ECharts then makes no model per point. The size is the row's own.
		expect((points as { symbolSize: (row: PointRow) => number }).symbolSize(points.data[2] as PointRow)).toBe(pointSize({ meetings: 1, mentions: 5 }, 6));
		expect(pointCode(points.data[2])).toBe('371681');
		expect(pointCode({ code: '371681' })).toBe('371681');
		expect(pointCode(undefined)).toBeUndefined();
		expect((lines.data as { coords: unknown }[]).map((d) => d.coords)).toHaveLength(3);
	});

	test('names only the busiest points: the most meetings, then the most mentions', () => {
		const counties = allDivisions().filter((d) => d.level === 'county').slice(0, LABELLED_POINTS + 20);
		const many: MapModel = {
			...china(),
			points: counties.map((d, i) => ({ code: d.code, name: d.name, coord: d.coord, meetings: i % 2, mentions: i }))
		};
		const opt = mapOption({ model: many, labels: LABELS });
		const weight = new Map(many.points.map((p) => [p.code, p.meetings * 1000 + p.mentions]));
		const named = new Set((opt.series[5]!.data as { code: string }[]).map((d) => d.code));
		expect(named.size).toBe(LABELLED_POINTS);
		const weakestNamed = Math.min(...[...named].map((c) => weight.get(c)!));
		const codes = (opt.series[1]!.data as PointRow[]).map((d) => d[POINT_ROW.code]);
		expect(codes).toHaveLength(many.points.length);
		expect(codes.filter((c) => !named.has(c)).every((c) => weight.get(c)! < weakestNamed)).toBe(true);
	});

	test.each([
		[{ meetings: 0, mentions: 1 }, 0, 10],
		[{ meetings: 1, mentions: 5 }, 0, 16],
		[{ meetings: 40, mentions: 400 }, 0, 28],
		[{ meetings: 1, mentions: 5 }, 600, 8],
		[{ meetings: 100, mentions: 500 }, 600, 28]
	])('point size for %j beside a busiest point of %i is %i', (p, busiest, size) => {
		expect(pointSize(p, busiest)).toBe(size);
	});

	test.each([
		[5, 28],
		[200, 28],
		[800, 14],
		[3000, 10]
	])('the largest of %i points is %i px, the smallest half that at most', (count, largest) => {
		expect(largestPoint(count)).toBe(largest);
		expect(pointSize({ meetings: 0, mentions: 0 }, 10, largest)).toBe(Math.min(6, largest / 2));
	});

	test('shows corpus text in tooltips as text, never as HTML', () => {
		const hostile = structuredClone(FACTS);
		hostile.meetings[0]!.name = '<img src=x onerror=alert(1)>大会';
		const model = mapModel({ map: 'china', areas: CHINA, facts: filterFacts(hostile, NO_FILTERS), measure: 'meetings', meetingId: '1' });
		const opt = mapOption({ model, labels: LABELS });
		const tip = opt.tooltip.formatter({ seriesType: 'lines', data: opt.series[2]!.data[0] });
		expect(tip).toBe('滨州市 → 邹平市<br/>&lt;img src=x onerror=alert(1)&gt;大会');
	});

	test.each([
		['山东省', '山东省<br/>会议数: 1'],
		['西藏自治区', '西藏自治区<br/>无文档'],
		['南海诸岛', '南海诸岛']
	])('tooltip of %s', (name, text) => {
		expect(option.tooltip.formatter({ componentType: 'geo', name })).toBe(text);
	});

	test('writes approximate sums with ≈ and the unit', () => {
		const opt = mapOption({ model: china('training'), labels: { ...LABELS, measure: '培训' } });
		expect(opt.tooltip.formatter({ componentType: 'series', seriesType: 'map', name: '山东省' })).toBe('山东省<br/>培训: ≈1,000 人次');
		expect(opt.visualMap.text).toEqual(['1,000 人次', '0']);
	});
});

describe('map labels in the interface language', () => {
	test.each([
		['en', '370000', '山东省', 'Shandong'],
		['en', null, '南海诸岛', '南海诸岛'],
		['zh-CN', '370000', '山东省', null]
	])('%s: %s %s → %s', (locale, code, name, out) => {
		const labels = mapLabels((k) => k, 'M', locale);
		expect(labels.place ? labels.place(code, name) : null).toBe(out);
	});
});

describe('mapStages', () => {
	// Every county and city with a place on the map: a map of thousands of points, as at 10k documents.
	const thousands = (): MapModel => {
		const model = china();
		const points = allDivisions()
			.filter((d) => d.level !== 'province' && coordinates(d.code))
			.slice(0, 1500)
			.map((d, i) => ({ code: d.code, name: d.name, coord: coordinates(d.code)!, meetings: i % 7, mentions: i % 11 }));
		return { ...model, points };
	};

	test('a small map is one part, but for its first drawing; thousands of points, three: areas, then lines and names, then the points appended', () => {
		const small = mapOption({ model: china(), labels: LABELS });
		expect(mapStages(small)).toHaveLength(1);
		const [areas0, lines0, points0] = mapStages(small, true) as [{ series: { data?: unknown[] }[] }, unknown, AppendPart];
		expect(areas0.series.map((s) => s.data!.length)).toEqual([small.series[0]!.data.length, 0, 0, 0, 0, 0]);
		expect(lines0).toBeDefined();
		expect(points0.appendData).toEqual({ seriesIndex: 1, data: small.series[1]!.data });
		const option = mapOption({ model: thousands(), labels: LABELS });
		expect(option.series[1]!.data.length).toBeGreaterThanOrEqual(STAGED_POINTS);
		const [areas, lines, points, ...more] = mapStages(option) as [{ series: { data?: unknown[] }[] }, { series: { data?: unknown[] }[] }, AppendPart];
		expect(more).toEqual([]);
		expect(areas.series.map((s) => s.data!.length)).toEqual([option.series[0]!.data.length, 0, 0, 0, 0, 0]);
		expect(lines.series.map((s) => s.data?.length)).toEqual([undefined, undefined, option.series[2]!.data.length, undefined, option.series[4]!.data.length, option.series[5]!.data.length]);
		expect(points.appendData).toEqual({ seriesIndex: 1, data: option.series[1]!.data });
	});

	test.each([
		['thousands of points', thousands, false],
		['a small map drawn first', china, true]
	])('set one after another, the parts draw what the option draws at once (ECharts, server-side): %s', async (_name, model, first) => {
		await loadChinaMap();
		const option = { ...mapOption({ model: model(), labels: LABELS }), aria: { enabled: false } };
		const picture = (chart: echarts.ECharts) => ({
			held: JSON.parse(JSON.stringify(chart.getOption(), (_k, v) => (typeof v === 'function' ? 'fn' : v))),
			svg: chart.renderToSVGString().replace(/zr\d+-/g, 'zr-').replace(/cls-\d+/g, 'cls').split('\n').sort()
		});
		const staged = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 1000, height: 800 });
		const finished = new Promise<void>((resolve) => staged.on('finished', () => resolve()));
		mapStages(option, first).forEach((part, i) => ('appendData' in part ? staged.appendData(part.appendData as Parameters<echarts.ECharts['appendData']>[0]) : staged.setOption(part, { notMerge: i === 0 })));
		// appended rows are drawn in ECharts' next frames
		await finished;
		const alone = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 1000, height: 800 });
		alone.setOption(option, { notMerge: true });
		const [a, b] = [picture(staged), picture(alone)];
		expect(a.held).toEqual(b.held);
		expect(a.svg.length).toBeGreaterThan(option.series[1]!.data.length);
		expect(a.svg).toEqual(b.svg);
		staged.dispose();
		alone.dispose();
	});
});
