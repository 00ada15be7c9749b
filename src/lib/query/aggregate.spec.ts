import { describe, expect, test } from 'vitest';
import type { CorpusDocument, Metric } from '../corpus/schema.ts';
import type { Qualifier } from '../extract/types.ts';
import { analyseFigures, contains, findConflicts, kindOf, subjectOf, totalOf, totalQualifier, totalsBy, yearTotalsByScope, type Figure } from './aggregate.ts';

const doc = (id: string, regionCode: string | null, publishedAt = '2018-12-01'): CorpusDocument => ({
	id, fileName: `${id}.txt`, title: `报告${id}`, publishedAt, kind: 'report', length: 500, encoding: 'utf-8', regionCode, contentHash: '0'.repeat(64), sourceUrl: null
});
const DOCS = new Map(
	[doc('bj', '110000'), doc('bj2', '110000'), doc('hb', '130000'), doc('tj', '120000'), doc('cn', '100000'), doc('bj19', '110000', '2019-12-01'), doc('hbxt', '130500')].map((d) => [d.id, d])
);

let n = 0;
/** A metric of a document: `spec` is `value unit subject`, options set the rest. */
function m(docId: string, value: number, unit: string, indicator: string, extra: Partial<Metric> = {}): Metric {
	const subject = extra.subject ?? indicator;
	const text = `${subject}${value}${unit}`;
	return {
		id: `m${n++}`, docId, value, unit, qualifier: 'exact', category: 'institution', cumulative: false, year: null, subject, indicator,
		scopeCode: null, change: null, part: false, text, evidence: { docId, start: n, end: n + 5, text }, ...extra
	};
}
const total = (metrics: Metric[]) => {
	const t = totalOf(analyseFigures(metrics, DOCS).figures);
	return t.value == null ? null : { value: t.value, qualifier: t.qualifier };
};

describe('totalOf: what may be added', () => {
	test.each<[string, Metric[], { value: number; qualifier: Qualifier } | null]>([
		['a total and its breakdown: the parts are never added', [m('bj', 113, '所', 'schools'), m('bj', 29, '所', 'schools', { subject: '国家级示范校', part: true }), m('bj', 46, '所', 'schools', { subject: '省级示范校', part: true })], { value: 113, qualifier: 'exact' }],
		['a decrease is never added to the level', [m('bj', 113, '所', 'schools'), m('bj', 4, '所', 'schools', { change: 'decrease' })], { value: 113, qualifier: 'exact' }],
		['levels of different places add up', [m('bj', 113, '所', 'schools'), m('hb', 640, '所', 'schools')], { value: 753, qualifier: 'exact' }],
		['a figure of another place named in a report counts for that place', [m('hb', 640, '所', 'schools'), m('hb', 14, '所', 'schools', { scopeCode: '110000' }), m('bj', 14, '所', 'schools')], { value: 654, qualifier: 'exact' }],
		['the same figure reported by two documents counts once', [m('bj', 113, '所', 'schools'), m('bj2', 113, '所', 'schools')], { value: 113, qualifier: 'exact' }],
		['differing figures of one place and year: the largest counts', [m('bj', 113, '所', 'schools'), m('bj2', 110, '所', 'schools')], { value: 113, qualifier: 'exact' }],
		['a stock of one place over years is not added: the latest year stands', [m('bj', 113, '所', 'schools'), m('bj19', 109, '所', 'schools')], { value: 109, qualifier: 'exact' }],
		['a flow of one place over years adds up', [m('bj', 300, '人次', 'trainees'), m('bj19', 500, '人次', 'trainees')], { value: 800, qualifier: 'exact' }],
		['a place inside another place of the same year is covered by it', [m('hb', 640, '所', 'schools'), m('hbxt', 40, '所', 'schools')], { value: 640, qualifier: 'exact' }],
		['the country covers its provinces', [m('cn', 11200, '所', 'schools'), m('bj', 113, '所', 'schools')], { value: 11200, qualifier: 'exact' }],
		['a place that reports its whole count counts by it, not by a larger kind of it reported another year', [m('bj', 113, '所', 'schools', { subject: '职业院校' }), m('bj19', 150, '所', 'schools', { subject: '合作院校' })], { value: 113, qualifier: 'exact' }],
		['a place without a whole count counts by its kinds', [m('bj19', 13, '所', 'schools', { subject: '双高校' })], { value: 13, qualifier: 'exact' }],
		['rates are never added', [m('bj', 95, '%', 'employment-rate'), m('hb', 97, '%', 'employment-rate')], null],
		['running totals are never added', [m('bj', 5000, '人次', 'trainees', { cumulative: true }), m('hb', 3000, '人次', 'trainees', { cumulative: true })], null],
		['changes alone make no total', [m('bj', 4, '所', 'schools', { change: 'decrease' })], null],
		['figures in different units are never added', [m('bj', 300, '人', 'trainees'), m('hb', 500, '人次', 'trainees')], null],
		['余 and 余 make 余', [m('bj', 300, '人', 'trainees', { qualifier: 'over' }), m('hb', 500, '人', 'trainees', { qualifier: 'over' })], { value: 800, qualifier: 'over' }],
		['近 and 余 make 约, never 余', [m('bj', 1000000, '人', 'attendees', { qualifier: 'nearly' }), m('hb', 30000000, '人', 'attendees', { qualifier: 'over' })], { value: 31000000, qualifier: 'about' }],
		['exact and 近 make 近', [m('bj', 100, '人', 'trainees'), m('hb', 200, '人', 'trainees', { qualifier: 'nearly' })], { value: 300, qualifier: 'nearly' }]
	])('%s', (_name, metrics, expected) => {
		expect(total(metrics)).toEqual(expected);
	});
});

describe('totalQualifier', () => {
	test.each<[Qualifier[], Qualifier]>([
		[[], 'exact'],
		[['exact', 'exact'], 'exact'],
		[['exact', 'over'], 'over'],
		[['atLeast', 'exact'], 'atLeast'],
		[['atLeast', 'over'], 'over'],
		[['nearly', 'nearly'], 'nearly'],
		[['nearly', 'over'], 'about'],
		[['nearly', 'atLeast'], 'about'],
		[['about', 'exact'], 'about']
	])('%j → %s', (qs, q) => expect(totalQualifier(qs)).toBe(q));
});

describe('kindOf', () => {
	test.each<[Partial<Metric>, string]>([
		[{ indicator: 'schools', unit: '所', change: null, cumulative: false }, 'level'],
		[{ indicator: 'schools', unit: '所', change: 'decrease', cumulative: false }, 'change'],
		[{ indicator: 'trainees', unit: '人次', change: null, cumulative: true }, 'cumulative'],
		[{ indicator: 'employment-rate', unit: '%', change: null, cumulative: false }, 'rate'],
		[{ indicator: 'employment-rate', unit: '%', change: 'increase', cumulative: false }, 'rate'],
		[{ indicator: '双师型教师占比', unit: '%', change: null, cumulative: false }, 'rate'],
		[{ indicator: '生均图书', unit: '册', change: null, cumulative: false }, 'rate']
	])('%j is a %s', (metric, kind) => expect(kindOf(metric as Metric)).toBe(kind));
});

describe('contains', () => {
	test.each([
		['100000', '110105', true],
		['110000', '110105', true],
		['130500', '130502', true],
		['130500', '130000', false],
		['110000', '100000', false],
		['110000', '120000', false],
		['130502', '130502', true]
	])('%s contains %s: %s', (outer, inner, yes) => expect(contains(outer, inner)).toBe(yes));
});

describe('analyseFigures', () => {
	test('a figure reported by two documents is one figure with both sources', () => {
		const { figures } = analyseFigures([m('bj', 113, '所', 'schools'), m('bj2', 113, '所', 'schools')], DOCS);
		expect(figures).toHaveLength(1);
		expect(figures[0]!.sources.map((s) => s.docId)).toEqual(['bj', 'bj2']);
	});
	test('a figure takes its scope as its place, else its document region', () => {
		const { figures } = analyseFigures([m('hb', 14, '所', 'schools', { scopeCode: '110000' }), m('hb', 640, '所', 'schools')], DOCS);
		expect(figures.map((f) => f.region)).toEqual(['110000', '130000']);
	});
	test('figures of different places with the same value stay two figures', () => {
		expect(analyseFigures([m('bj', 300, '人', 'trainees'), m('hb', 300, '人', 'trainees')], DOCS).figures).toHaveLength(2);
	});
});

describe('findConflicts', () => {
	const conflicts = (metrics: Metric[]) => findConflicts(analyseFigures(metrics, DOCS).figures).map((c) => c.figures.map((f) => f.value));
	test.each<[string, Metric[], number[][]]>([
		['two documents disagree on one place and year: side by side', [m('bj', 113, '所', 'schools'), m('bj2', 110, '所', 'schools')], [[110, 113]]],
		['two places are never a conflict', [m('bj', 113, '所', 'schools'), m('hb', 640, '所', 'schools')], []],
		['one document’s two figures are never a conflict', [m('bj', 113, '所', 'schools'), m('bj', 110, '所', 'schools')], []],
		['a part is never in conflict with its total', [m('bj', 113, '所', 'schools'), m('bj2', 29, '所', 'schools', { part: true })], []]
	])('%s', (_name, metrics, expected) => expect(conflicts(metrics)).toEqual(expected));
	test('the smaller figure of a conflict is superseded and not added', () => {
		const { figures } = analyseFigures([m('bj', 113, '所', 'schools'), m('bj2', 110, '所', 'schools')], DOCS);
		expect(figures.find((f) => f.value === 110)!.superseded).toBe(true);
		expect(totalOf(figures)).toMatchObject({ value: 113, conflicted: true });
	});
});

test('totalsBy sums each year apart', () => {
	const { figures } = analyseFigures([m('bj', 300, '人次', 'trainees'), m('hb', 200, '人次', 'trainees'), m('bj19', 500, '人次', 'trainees')], DOCS);
	const byYear = totalsBy(figures, (f) => f.year);
	expect([...byYear].map(([y, t]) => [y, t.value])).toEqual([
		[2018, 500],
		[2019, 500]
	]);
});

test('yearTotalsByScope keeps the country’s own figures apart from the places’ sum, year by year', () => {
	const { figures } = analyseFigures(
		[m('cn', 11700, '所', 'schools', { year: 2018 }), m('bj', 113, '所', 'schools', { year: 2018 }), m('hb', 631, '所', 'schools', { year: 2018 }), m('bj19', 120, '所', 'schools')],
		DOCS
	);
	const { national, places } = yearTotalsByScope(figures);
	expect([...national].map(([y, t]) => [y, t.value])).toEqual([[2018, 11700]]);
	expect([...places].map(([y, t]) => [y, t.value]).sort()).toEqual([
		[2018, 744],
		[2019, 120]
	]);
});

test('subjectOf reads the counted thing of a figure without subject', () => {
	expect(subjectOf('累计培训教师1.2万人次')).toBe('培训教师');
	expect(subjectOf('参会人员约300人')).toBe('参会人员');
});

describe('analyseFiguresInSlices', () => {
	test('gives what analyseFigures gives, whatever the slice', async () => {
		const { analyseFigures, analyseFiguresInSlices } = await import('./aggregate.ts');
		const { sampleContent } = await import('../corpus/fixture.ts');
		const facts = sampleContent();
		const docs = new Map(facts.documents.map((d) => [d.id, d]));
		const metrics = [...facts.metrics, ...facts.metrics.map((m) => ({ ...m, id: `${m.id}b`, docId: 'news-b' })), ...facts.metrics.map((m) => ({ ...m, id: `${m.id}c`, value: m.value + 1 }))];
		const whole = analyseFigures(metrics, docs);
		let pauses = 0;
		for (const slice of [1, 2, 5, 1000]) {
			const sliced = await analyseFiguresInSlices(metrics, docs, slice, async () => void pauses++);
			expect(sliced).toEqual(whole);
		}
		// slice 1 pauses after every metric at least
		expect(pauses).toBeGreaterThanOrEqual(metrics.length);
	});
});

describe('coveredPlaces', () => {
	test('agrees with the quadratic definition on any figures', async () => {
		const fc = (await import('fast-check')).default;
		const { coveredPlaces, coveredPlacesReference } = await import('./aggregate.ts');
		const region = fc.option(fc.constantFrom('100000', '110000', '110100', '110105', '110106', '330000', '330100', '330106', '330200', '0000', '00', 'x00', '1100', '11', ''), { nil: null });
		const year = fc.option(fc.constantFrom(2020, 2021, Number.NaN), { nil: null });
		fc.assert(
			fc.property(fc.array(fc.record({ region, year }), { maxLength: 12 }), (rows) => {
				const figures = rows.map((r) => r as unknown as Figure);
				const fast = coveredPlaces(figures);
				const slow = coveredPlacesReference(figures);
				expect(figures.map(fast)).toEqual(figures.map(slow));
			}),
			{ numRuns: 3000, seed: 11 }
		);
	});
});

describe('analyseFigures groups by codes as the reference groups by joined keys', () => {
	/** The analysis as plain data, the conflicts' figures as rows of the figures (they are the same objects). */
	const shape = (a: { figures: Figure[]; conflicts: { figures: Figure[] }[] }) => ({
		figures: a.figures,
		conflicts: a.conflicts,
		rows: a.conflicts.map((c) => c.figures.map((f) => a.figures.indexOf(f)))
	});
	const same = async (metrics: Metric[], docs: Map<string, CorpusDocument>) => {
		const { analyseFiguresReference } = await import('./aggregate.ts');
		// each from records of its own: a figure's sources are the very metrics it was given
		const copy = () => structuredClone(metrics);
		expect(shape(analyseFigures(copy(), docs))).toEqual(shape(analyseFiguresReference(copy(), docs)));
	};

	test('on the fixture, the shipped corpus and synthetic corpora', async () => {
		const { sampleContent } = await import('../corpus/fixture.ts');
		const { shippedFacts, syntheticFacts } = await import('./testCorpora.ts');
		const fixture = sampleContent();
		for (const facts of [fixture, shippedFacts(), syntheticFacts(300, 1), syntheticFacts(2000, 7)]) {
			const docs = new Map(facts.documents.map((d) => [d.id, d]));
			await same(facts.metrics, docs);
			// every metric reported again by another document, and again with a changed value: figures of many sources, conflicts
			const again = facts.metrics.map((x, i) => ({ ...x, id: `${x.id}b`, docId: facts.documents[i % facts.documents.length]!.id }));
			await same([...facts.metrics, ...again, ...facts.metrics.map((x) => ({ ...x, id: `${x.id}c`, value: x.value + 1 }))], docs);
		}
	});

	test('a figure reported by many documents, some of them twice', async () => {
		const ids = Array.from({ length: 20 }, (_, i) => `d${i}`);
		const docs = new Map(ids.map((id) => [id, doc(id, '110000')]));
		const metrics = [...ids, ...ids.slice(3, 15), ...ids].map((id) => m(id, 113, '所', 'schools'));
		await same(metrics, docs);
		expect(analyseFigures(metrics, docs).figures[0]!.sources.map((s) => s.docId)).toEqual(ids);
	});

	test('on any metrics: separators, NaN, -0, null and empty places and years, many sources', async () => {
		const fc = (await import('fast-check')).default;
		const docs = new Map([...DOCS, ['odd', doc('odd', '', 'x')], ['none', doc('none', null, '')]]);
		// with separators in the fields (the reference runs) and without (the codes do)
		for (const bar of ['|', '']) {
			const metric = fc.record({
				docId: fc.constantFrom('bj', 'bj2', 'hb', 'cn', 'bj19', 'hbxt', 'odd', 'none', 'missing'),
				value: fc.constantFrom(0, -0, 1, 2, 1.5, Number.NaN, 113),
				unit: fc.constantFrom('所', '%', '人', `a${bar}b`),
				indicator: fc.constantFrom('schools', 'trainees', 'employmentRate', '生均经费', `x${bar}y`),
				subject: fc.option(fc.constantFrom('职业院校', '示范校', '学', `学${bar}校`, ''), { nil: null }),
				text: fc.constantFrom('累计培训教师1.2万人次', '共有学校13所', '无数字', ''),
				year: fc.option(fc.constantFrom(2019, 2020, Number.NaN), { nil: null }),
				scopeCode: fc.option(fc.constantFrom('110000', '110100', '', '100000'), { nil: null }),
				change: fc.constantFrom(null, 'increase', 'decrease'),
				part: fc.boolean(),
				cumulative: fc.boolean()
			});
			const copy = fc.record(
				{
					from: fc.nat(),
					docId: fc.constantFrom('bj', 'bj2', 'hb', 'cn', 'odd', 'none'),
					value: fc.constantFrom(0, -0, 1, Number.NaN),
					year: fc.option(fc.constantFrom(2019, Number.NaN), { nil: null }),
					part: fc.boolean()
				},
				{ requiredKeys: ['from', 'docId'] }
			);
			await fc.assert(
				// rows, and copies of them reported by other documents, some with another value, year or part flag: figures of several sources, conflicts
				fc.asyncProperty(fc.array(metric, { minLength: 1, maxLength: 15 }), fc.array(copy, { maxLength: 30 }), async (rows, copies) => {
					const all = [...rows, ...copies.map(({ from, ...change }) => ({ ...rows[from % rows.length]!, ...change }))];
					const metrics = all.map((r, i) => m(r.docId, r.value, r.unit, r.indicator, { ...r, subject: r.subject, id: `r${i}` } as Partial<Metric>));
					await same(metrics, docs);
				}),
				{ numRuns: 1500, seed: 17 }
			);
		}
	});
});
