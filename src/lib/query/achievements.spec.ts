import { describe, expect, test } from 'vitest';
import type { CorpusDocument, Metric } from '../corpus/schema.ts';
import { NO_FILTERS, type Filters } from '../state/filters.ts';
import { analyseFigures, areaTotals, categoryTotals, headlineOf, headlines, indicatorsOf, mapIndicators, matchFigures, placeOf } from './achievements.ts';

const doc = (id: string, publishedAt: string | null, regionCode: string | null = null, kind: CorpusDocument['kind'] = 'news'): CorpusDocument => ({
	id, fileName: `${id}.txt`, title: `文件${id}`, publishedAt, kind, length: 500, encoding: 'utf-8', regionCode, contentHash: '0'.repeat(64), sourceUrl: null
});
let n = 0;
const metric = (docId: string, value: number, unit: string, indicator: string, extra: Partial<Metric> = {}): Metric => ({
	id: `m${n++}`, docId, value, unit, qualifier: 'exact', category: 'training', cumulative: false, year: null, subject: extra.subject ?? indicator, indicator, scopeCode: null,
	change: null, part: false, text: `${indicator}${value}${unit}`, evidence: { docId, start: n, end: n + 4, text: `${value}${unit}` }, ...extra
});
const docs = new Map([doc('a', '2023-05-01', '500000'), doc('b', '2023-08-01', '330000'), doc('c', '2022-03-01', '500000'), doc('n', '2023-01-01', '100000')].map((d) => [d.id, d]));
const figuresOf = (metrics: Metric[]) => analyseFigures(metrics, docs).figures;

describe('indicatorsOf', () => {
	test('ranks indicators by the documents reporting them, vocabulary ones first at a tie', () => {
		const list = indicatorsOf(figuresOf([metric('a', 1, '人次', 'trainees'), metric('b', 2, '人次', 'trainees'), metric('a', 3, '个', '温室大棚'), metric('a', 4, '篇', 'papers')]));
		expect(list.map((s) => [s.indicator, s.documents, s.known])).toEqual([
			['trainees', 2, true],
			['papers', 1, true],
			['温室大棚', 1, false]
		]);
	});
});

describe('headlineOf', () => {
	test.each<[string, Metric[], object | null]>([
		['one place: its single figure with its source and year', [metric('a', 113, '所', 'schools')], { value: 113, year: 2023, docIds: ['a'], places: ['500000'] }],
		['the latest year only, never a sum of years', [metric('c', 100, '人次', 'trainees'), metric('a', 300, '人次', 'trainees')], { value: 300, year: 2023 }],
		['several places of the latest year add up', [metric('a', 300, '人次', 'trainees'), metric('b', 200, '人次', 'trainees', { qualifier: 'over' })], { value: 500, qualifier: 'over', docIds: ['a', 'b'] }],
		['a breakdown and a decrease leave the total alone', [metric('a', 113, '所', 'schools'), metric('a', 29, '所', 'schools', { subject: '示范校', part: true }), metric('a', 4, '所', 'schools', { change: 'decrease' })], { value: 113, kind: 'level' }],
		['a rate reported by one place stands as it is', [metric('a', 96, '%', 'employment-rate')], { value: 96, kind: 'rate' }],
		['rates of several places make no headline', [metric('a', 96, '%', 'employment-rate'), metric('b', 90, '%', 'employment-rate')], null],
		['the national figure covers the provinces', [metric('n', 11200, '所', 'schools'), metric('a', 113, '所', 'schools')], { value: 11200, places: ['100000'] }]
	])('%s', (_name, metrics, expected) => {
		const h = headlineOf(metrics[0]!.indicator, figuresOf(metrics));
		if (expected == null) expect(h).toBeNull();
		else expect(h).toMatchObject(expected);
	});
});

test('headlines are achievements, never attendees or other event counts', () => {
	const list = headlines(figuresOf([metric('a', 300, '人', 'attendees'), metric('b', 200, '人', 'attendees'), metric('a', 5, '个', 'training-bases')]), 6);
	expect(list.map((h) => h.indicator)).toEqual(['training-bases']);
});

test('headlines are vocabulary indicators only, at most the limit', () => {
	const list = headlines(figuresOf([metric('a', 1, '人次', 'trainees'), metric('b', 2, '人次', 'trainees'), metric('a', 3, '个', '温室大棚'), metric('a', 4, '篇', 'papers')]), 1);
	expect(list.map((h) => h.indicator)).toEqual(['trainees']);
});

describe('categoryTotals', () => {
	test('a category headline is one indicator, never different indicators added', () => {
		const totals = categoryTotals(
			figuresOf([metric('a', 100, '所', 'schools', { category: 'institution' }), metric('b', 20, '所', 'schools', { category: 'institution' }), metric('a', 7, '个', 'training-bases', { category: 'institution' })])
		);
		expect(totals).toEqual([expect.objectContaining({ category: 'institution', indicator: 'schools', unit: '所', total: 120 })]);
	});
	test('shows a running total beside the sum instead of adding it', () => {
		const totals = categoryTotals(figuresOf([metric('a', 100, '人次', 'trainees'), metric('b', 5000, '人次', 'trainees', { cumulative: true })]));
		expect(totals[0]).toMatchObject({ total: 100, cumulative: 5000 });
	});
	test('never sums percentages', () => {
		expect(categoryTotals(figuresOf([metric('a', 60, '%', 'employment-rate', { category: 'rate' }), metric('b', 80, '%', 'employment-rate', { category: 'rate' })]))).toEqual([]);
	});
});

describe('placeOf', () => {
	test.each([
		['110105', false, '110000'],
		['130502', true, '130500'],
		['100000', false, '100000'],
		['100000', true, '100000']
	])('%s (by city: %s) is shown under %s', (region, byCity, code) => {
		const [f] = figuresOf([metric('a', 1, '所', 'schools', { scopeCode: region })]);
		expect(placeOf(f!, byCity)).toBe(code);
	});
});

describe('matchFigures', () => {
	test('picks figures by year, category, place and document kind', () => {
		const local = new Map(docs);
		local.set('a', doc('a', '2023-05-01', '500109', 'speech'));
		const all = analyseFigures([metric('a', 1, '人', 'trainees'), metric('b', 2, '人', 'trainees'), metric('c', 3, '篇', 'papers', { category: 'publication' }), metric('n', 4, '人', 'trainees')], local);
		const pick = (f: Partial<Filters>) => matchFigures(all, { ...NO_FILTERS, ...f }, local).figures.map((x) => x.value);
		expect(pick({})).toEqual([1, 2, 3, 4]);
		expect(pick({ from: 2023, to: 2023 })).toEqual([1, 2, 4]);
		expect(pick({ category: 'publication' })).toEqual([3]);
		expect(pick({ region: '500000' })).toEqual([1, 3]);
		// the country is a region of its own
		expect(pick({ region: '100000' })).toEqual([4]);
		expect(pick({ kind: 'news' })).toEqual([2, 3, 4]);
	});
	test('a figure of another place named in a report matches that place', () => {
		const all = analyseFigures([metric('b', 14, '所', 'schools', { scopeCode: '110000' })], docs);
		expect(matchFigures(all, { ...NO_FILTERS, region: '110000' }, docs).figures).toHaveLength(1);
		expect(matchFigures(all, { ...NO_FILTERS, region: '330000' }, docs).figures).toHaveLength(0);
	});
	test('keeps a conflict when any of its figures matches', () => {
		const all = analyseFigures([metric('a', 300, '人', 'trainees'), metric('c', 320, '人', 'trainees', { year: 2023 })], docs);
		expect(matchFigures(all, { ...NO_FILTERS, from: 2023 }, docs).conflicts).toHaveLength(1);
		expect(matchFigures(all, { ...NO_FILTERS, to: 2020 }, docs).conflicts).toHaveLength(0);
	});
});

describe('areaTotals', () => {
	test('totals an indicator by province; the country apart, never on a province; other units left out', async () => {
		const { provinceOf } = await import('../geo/gazetteer.ts');
		const figures = figuresOf([
			metric('a', 113, '所', 'schools'),
			metric('a', 29, '所', 'schools', { subject: '示范校', part: true }),
			metric('b', 40, '所', 'schools', { scopeCode: '330100' }),
			metric('b', 60, '所', 'schools'),
			metric('n', 11200, '所', 'schools'),
			metric('a', 3, '个', 'schools')
		]);
		const t = areaTotals(figures, 'schools', (code) => (code ? (provinceOf(code)?.code ?? null) : null));
		expect(t.unit).toBe('所');
		expect([...t.totals].map(([k, v]) => [k, v.value])).toEqual([
			['500000', 113],
			['330000', 60]
		]);
		expect(t.national?.value).toBe(11200);
		expect(t.leftOut).toBe(1);
	});
});

test('mapIndicators lists indicators with levels to add', () => {
	const figures = figuresOf([metric('a', 1, '所', 'schools'), metric('a', 96, '%', 'employment-rate'), metric('a', 2, '个', '温室大棚'), metric('b', 2, '个', '温室大棚')]);
	expect(mapIndicators(figures)).toEqual(['温室大棚', 'schools']);
});
