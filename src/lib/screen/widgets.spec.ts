import { describe, expect, test } from 'vitest';
import type { CorpusDocument, Meeting, Metric } from '../corpus/schema.ts';
import { sampleContent } from '../corpus/fixture.ts';
import { analyseFigures } from '../query/achievements.ts';
import { indicatorRanking, latestMeetings, provinceRanking, rollWindow, shortProvinceName, trendIndicator, yearTrend } from './widgets.ts';

const base = sampleContent();
const doc = (id: string, regionCode: string, publishedAt: string): CorpusDocument => ({ ...base.documents[0]!, id, fileName: `${id}.txt`, title: `${id} 标题`, regionCode, publishedAt, contentHash: id.padEnd(64, '0') });
const docs = [doc('sd', '370000', '2023-02-01'), doc('js', '320000', '2023-03-01'), doc('sd2', '370000', '2024-01-10')];
const docById = new Map(docs.map((d) => [d.id, d]));

let n = 0;
const metric = (docId: string, value: number, year: number, more: Partial<Metric> = {}): Metric => ({
	...base.metrics[0]!,
	id: `${docId}$${n++}`,
	docId,
	value,
	unit: '所',
	category: 'institution',
	year,
	subject: '职业院校',
	indicator: 'schools',
	text: `职业院校${value}所`,
	evidence: { docId, start: 0, end: 5, text: `全省职业院校${value}所` },
	...more
});
const figures = analyseFigures(
	[
		metric('sd', 113, 2022),
		metric('js', 90, 2022),
		metric('sd2', 120, 2023),
		// a rate and a change of the same indicator: never added
		metric('js', 12, 2023, { unit: '%', text: '增长12%' }),
		metric('js', 4, 2023, { change: 'decrease', text: '减少4所' }),
		// another indicator with a single year
		metric('sd', 30, 2022, { indicator: 'majors', subject: '专业', unit: '个', text: '专业30个' })
	],
	docById
).figures;

const meeting = (id: string, docId: string, start: string | null, provinceCode: string | null, cityCode: string | null = null): Meeting => ({
	...base.meetings[0]!,
	id,
	name: `会议 ${id}`,
	startDate: start,
	endDate: start,
	provinceCode,
	cityCode,
	docIds: [docId],
	evidence: [{ docId, start: 0, end: 4, text: `会议 ${id} 举行` }]
});
const meetings = [meeting('a', 'sd', '2023-01-05', '370000', '370100'), meeting('b', 'js', '2023-06-01', '320000'), meeting('c', 'sd2', '2024-01-08', '370000'), meeting('d', 'js', null, '320000'), meeting('e', 'js', '2022-01-01', null)];

describe('provinceRanking', () => {
	test('counts meetings by the province of their venue, the most first, each with a source', () => {
		const rows = provinceRanking(meetings, docById);
		expect(rows.map((r) => [r.code, r.value])).toEqual([['320000', 2], ['370000', 2]]);
		expect(rows[1]!.sources[0]).toEqual({ docId: 'sd', title: 'sd 标题', date: '2023-02-01', evidence: '会议 a 举行' });
		// 江苏's two meetings come from one document: cited once
		expect(rows[0]!.sources.map((s) => s.docId)).toEqual(['js']);
	});
});

describe('indicatorRanking', () => {
	test("adds one indicator's levels per province in its unit; rates and changes are never added", () => {
		const rows = indicatorRanking(figures, 'schools', docById);
		// 山东: a stock, its latest year stands (120 for 2023), 江苏 90
		expect(rows.map((r) => [r.code, r.value, r.unit])).toEqual([['370000', 120, '所'], ['320000', 90, '所']]);
		expect(rows[0]!.sources.map((s) => s.evidence)).toEqual(['全省职业院校120所']);
	});
});

describe('yearTrend and trendIndicator', () => {
	test('totals by year within one indicator and unit', () => {
		const t = yearTrend(figures, 'schools', docById)!;
		expect(t.unit).toBe('所');
		expect(t.scope).toBe('places');
		expect(t.points.map((p) => [p.year, p.value])).toEqual([[2022, 203], [2023, 120]]);
		expect(t.points[0]!.sources.map((s) => s.docId).sort()).toEqual(['js', 'sd']);
	});
	test.each<[string, string | null, string]>([
		['the one asked for', 'majors', 'majors'],
		['the one with the most years when none is asked', null, 'schools'],
		['the one with the most years when the one asked has none', 'nothing', 'schools']
	])('%s', (_, asked, indicator) => {
		expect(trendIndicator(figures, asked, docById)?.indicator).toBe(indicator);
	});
	test('follows the country’s own figures or the places’, never the two in one line', () => {
		const withCountry = analyseFigures(
			[metric('sd', 113, 2022), metric('js', 90, 2023), metric('cn', 11700, 2021), metric('cn', 11500, 2022), metric('cn', 11200, 2023)],
			new Map([...docById, ['cn', doc('cn', '100000', '2023-05-01')]])
		).figures;
		const t = yearTrend(withCountry, 'schools', docById)!;
		expect([t.scope, t.points.map((p) => p.value)]).toEqual(['national', [11700, 11500, 11200]]);
	});
	test('none without figures', () => {
		expect(trendIndicator([], null, docById)).toBeNull();
	});
});

describe('latestMeetings', () => {
	test('the dated meetings, the latest first, undated ones left out', () => {
		expect(latestMeetings(meetings, docById, 3).map((m) => m.meeting.id)).toEqual(['c', 'b', 'a']);
		expect(latestMeetings(meetings, docById, 10).map((m) => m.meeting.id)).toEqual(['c', 'b', 'a', 'e']);
	});
});

describe('rollWindow', () => {
	test.each<[string, string[], number, number, string[]]>([
		['from the start', ['a', 'b', 'c', 'd'], 0, 2, ['a', 'b']],
		['wrapping round', ['a', 'b', 'c', 'd'], 3, 2, ['d', 'a']],
		['past the end', ['a', 'b', 'c', 'd'], 9, 3, ['b', 'c', 'd']],
		['a short list stands still', ['a', 'b'], 5, 3, ['a', 'b']],
		['empty', [], 2, 3, []]
	])('%s', (_, items, offset, size, shown) => {
		expect(rollWindow(items, offset, size).map((r) => r.item)).toEqual(shown);
	});
});

test.each([
	['新疆维吾尔自治区', '新疆'],
	['广西壮族自治区', '广西'],
	['宁夏回族自治区', '宁夏'],
	['内蒙古自治区', '内蒙古'],
	['西藏自治区', '西藏'],
	['香港特别行政区', '香港'],
	['山东省', '山东省'],
	['重庆市', '重庆市'],
	['Inner Mongolia', 'Inner Mongolia']
])('shortProvinceName(%s) is %s', (name, short) => {
	expect(shortProvinceName(name)).toBe(short);
});
