import { describe, expect, test } from 'vitest';
import type { CorpusDocument, Metric } from '../corpus/schema.ts';
import { NO_FILTERS, type Filters } from '../state/filters.ts';
import { addable, analyseFigures, categoryTotals, chartUnits, findConflicts, matchFigures, subjectOf, sumBy } from './achievements.ts';

const doc = (id: string, publishedAt: string | null): CorpusDocument => ({
	id, fileName: `${id}.txt`, title: null, publishedAt, kind: 'news', length: 500, encoding: 'utf-8', regionCode: null, contentHash: '0'.repeat(64), sourceUrl: null
});
let n = 0;
const metric = (docId: string, value: number, unit: string, text: string, extra: Partial<Metric> = {}): Metric => ({
	id: `m${n++}`, docId, value, unit, qualifier: 'exact', category: 'training', cumulative: false, year: null, subject: null, indicator: 'x', scopeCode: null, change: null, part: false, text,
	evidence: { docId, start: 0, end: 5, text }, ...extra
});
const figuresOf = (metrics: Metric[], d: Map<string, CorpusDocument>) => analyseFigures(metrics, d).figures;
const docs = new Map([doc('a', '2023-05-01'), doc('b', '2023-08-01'), doc('c', '2022-03-01')].map((d) => [d.id, d]));

describe('subjectOf', () => {
	test.each([
		['累计培训教师1.2万人次', '培训教师'],
		['形成研究报告421份', '形成研究报告'],
		['全年共举办论坛12场', '全年共举办论坛'.slice(-6)],
		['参会人员约300人', '参会人员'],
		['合格率由30%提升到80%', '合格率由']
	])('reads the counted thing of %s as %s', (text, subject) => expect(subjectOf(text)).toBe(subject));
});

describe('analyseFigures', () => {
	test('shows a figure reported by two documents once, with both sources', () => {
		const figures = figuresOf([metric('a', 300, '人', '培训教师300人'), metric('b', 300, '人', '培训教师300人')], docs);
		expect(figures).toHaveLength(1);
		expect(figures[0]!.sources.map((s) => s.docId)).toEqual(['a', 'b']);
	});
	test('keeps the same value reported by bodies of different regions apart', () => {
		const regional = new Map(docs);
		regional.set('b', { ...doc('b', '2023-08-01'), regionCode: '500000' });
		expect(figuresOf([metric('a', 300, '人', '培训教师300人'), metric('b', 300, '人', '培训教师300人')], regional).map((f) => f.region)).toEqual([null, '500000']);
	});
	test('keeps the same value of different years apart', () => {
		expect(figuresOf([metric('a', 300, '人', '培训教师300人'), metric('c', 300, '人', '培训教师300人')], docs)).toHaveLength(2);
	});
});

describe('findConflicts', () => {
	test('sets different values for the same subject, unit and year side by side', () => {
		const conflicts = findConflicts(figuresOf([metric('a', 300, '人', '培训教师300人'), metric('b', 320, '人', '培训教师320人')], docs));
		expect(conflicts).toHaveLength(1);
		expect(conflicts[0]!.figures.map((f) => f.value)).toEqual([300, 320]);
	});
	test('does not call the figures of two regions a conflict: both count', () => {
		const regional = new Map(docs);
		regional.set('a', { ...doc('a', '2023-05-01'), regionCode: '330000' });
		regional.set('b', { ...doc('b', '2023-08-01'), regionCode: '500000' });
		const figures = figuresOf([metric('a', 300, '人', '培训教师300人'), metric('b', 320, '人', '培训教师320人')], regional);
		expect(findConflicts(figures)).toEqual([]);
		expect(categoryTotals(figures)[0]).toMatchObject({ total: 620 });
	});
	test('does not call two figures of one document a conflict', () => {
		expect(findConflicts(figuresOf([metric('a', 300, '人', '培训教师300人'), metric('a', 320, '人', '培训教师320人')], docs))).toEqual([]);
	});
});

describe('categoryTotals', () => {
	test('adds figures of the dominant unit only, never 人次 with 人', () => {
		const totals = categoryTotals(figuresOf([metric('a', 100, '人次', '培训100人次'), metric('a', 50, '人次', '轮训50人次'), metric('b', 7, '人', '培训7人')], docs));
		expect(totals).toEqual([{ category: 'training', unit: '人次', total: 150, cumulative: null, approximate: false, figures: 2 }]);
	});
	test('shows a running total beside the sum instead of adding it', () => {
		const totals = categoryTotals(figuresOf([metric('a', 100, '人次', '培训100人次'), metric('b', 5000, '人次', '累计培训5000人次', { cumulative: true })], docs));
		expect(totals[0]).toMatchObject({ total: 100, cumulative: 5000 });
	});
	test('never sums percentages', () => {
		expect(categoryTotals(figuresOf([metric('a', 60, '%', '就业率60%', { category: 'rate' }), metric('b', 80, '%', '合格率80%', { category: 'rate' })], docs))).toEqual([]);
	});
	test('adds only the largest of conflicting figures', () => {
		const figures = figuresOf([metric('a', 300, '人', '培训教师300人'), metric('b', 320, '人', '培训教师320人'), metric('b', 10, '人', '培训校长10人')], docs);
		expect(addable(figures).map((f) => f.value).sort((x, y) => x - y)).toEqual([10, 320]);
		expect(categoryTotals(figures)[0]).toMatchObject({ total: 330 });
	});
	test('marks a total approximate when an added figure was', () => {
		const totals = categoryTotals(figuresOf([metric('a', 2000, '人次', '培训2000余人次', { qualifier: 'over' })], docs));
		expect(totals[0]!.approximate).toBe(true);
	});
});

describe('sumBy', () => {
	test('sums one unit by year, leaving out cumulative figures', () => {
		const figures = figuresOf(
			[metric('a', 100, '人次', '培训100人次'), metric('c', 40, '人次', '培训40人次'), metric('b', 900, '人次', '累计培训900人次', { cumulative: true })],
			docs
		);
		expect([...sumBy(figures, '人次', (f) => f.year)]).toEqual([[2023, 100], [2022, 40]]);
	});
});

describe('chartUnits', () => {
	test('puts first the units of figures a year or a region places, never a rate', () => {
		const figures = figuresOf(
			[
				metric('a', 1, '人次', '培训1人次', { year: null }),
				metric('a', 2, '人次', '培训2人次', { year: null }),
				metric('a', 3, '人', '培训3人', { year: 2023 }),
				metric('a', 4, '%', '合格率4%', { year: 2023 })
			],
			new Map([['a', doc('a', null)]])
		);
		expect(chartUnits(figures)).toEqual(['人', '人次']);
	});
});

describe('matchFigures', () => {
	test('picks figures by year, category, and the region and kind of their documents', () => {
		const regional = new Map(docs);
		regional.set('a', { ...doc('a', '2023-05-01'), regionCode: '500109', kind: 'speech' });
		const all = analyseFigures([metric('a', 1, '人', '培训1人'), metric('b', 2, '人', '培训2人'), metric('c', 3, '篇', '论文3篇', { category: 'publication' })], regional);
		const pick = (f: Partial<Filters>) => matchFigures(all, { ...NO_FILTERS, ...f }, regional).figures.map((x) => x.value);
		expect(pick({})).toEqual([1, 2, 3]);
		expect(pick({ from: 2023, to: 2023 })).toEqual([1, 2]);
		expect(pick({ category: 'publication' })).toEqual([3]);
		expect(pick({ region: '500000' })).toEqual([1]);
		expect(pick({ kind: 'news' })).toEqual([2, 3]);
	});
	test('keeps a conflict when any of its figures matches', () => {
		const all = analyseFigures([metric('a', 300, '人', '培训教师300人'), metric('b', 320, '人', '培训教师320人')], docs);
		expect(matchFigures(all, { ...NO_FILTERS, from: 2023 }, docs).conflicts).toHaveLength(1);
		expect(matchFigures(all, { ...NO_FILTERS, to: 2020 }, docs).conflicts).toHaveLength(0);
	});
});
