import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import type { CorpusDocument, Meeting, Metric, Place } from '../corpus/schema.ts';
import { DOCUMENT_KINDS, METRIC_CATEGORIES } from '../extract/types.ts';
import { NO_FILTERS, type Filters } from '../state/filters.ts';
import { columnsOf, filterColumns } from './columns.ts';
import { filterRecords, type Facts } from './facts.ts';

const CODES = ['100000', '110000', '110105', '330000', '330100', '330106', '500000', '500109', '', null] as const;
const code = fc.constantFrom(...CODES);
const date = fc.option(fc.constantFrom('2019', '2020-05', '2021-03-01', '2022-12-31', 'abcd'), { nil: null });
const docIds = ['d0', 'd1', 'd2', 'd3', 'missing'];

/** Small corpora that hit every branch: no dates, bad dates, no regions, duplicate and missing documents. */
const facts: fc.Arbitrary<Facts> = fc
	.record({
		documents: fc.array(fc.record({ id: fc.constantFrom('d0', 'd1', 'd2', 'd3'), publishedAt: date, regionCode: code, kind: fc.constantFrom(...DOCUMENT_KINDS) }), { maxLength: 6 }),
		meetings: fc.array(fc.record({ startDate: date, provinceCode: code, cityCode: code, countyCode: code, docIds: fc.subarray(docIds) }), { maxLength: 6 }),
		metrics: fc.array(fc.record({ docId: fc.constantFrom(...docIds), year: fc.option(fc.constantFrom(2019, 2020, 2021, 2022, 2021.5), { nil: null }), scopeCode: code, category: fc.constantFrom(...METRIC_CATEGORIES) }), { maxLength: 10 }),
		places: fc.array(fc.record({ docId: fc.constantFrom(...docIds), adcode: code }), { maxLength: 6 })
	})
	.map((f) => ({
		documents: f.documents.map((d, i) => ({ ...d, title: `t${i}` }) as unknown as CorpusDocument),
		meetings: f.meetings.map((m, i) => ({ ...m, id: `m${i}`, name: `m${i}` }) as unknown as Meeting),
		metrics: f.metrics.map((m, i) => ({ ...m, id: `x${i}` }) as unknown as Metric),
		places: f.places.map((p, i) => ({ ...p, id: `p${i}` }) as unknown as Place)
	}));

const filters: fc.Arbitrary<Filters> = fc.record({
	from: fc.option(fc.constantFrom(2019, 2020, 2021, 2022), { nil: null }),
	to: fc.option(fc.constantFrom(2019, 2020, 2021, 2022), { nil: null }),
	region: fc.option(fc.constantFrom('100000', '110000', '330000', '330100', '330106', '500000', '440000'), { nil: null }),
	category: fc.option(fc.constantFrom(...METRIC_CATEGORIES), { nil: null }),
	kind: fc.option(fc.constantFrom(...DOCUMENT_KINDS), { nil: null })
});

const ids = (f: Facts) => [f.documents, f.meetings, f.places, f.metrics].map((rows) => rows.map((r) => r.id));

describe('filterColumns', () => {
	test.each<[string, Partial<Filters>]>([
		['no filters', {}],
		['a year', { from: 2022, to: 2022 }],
		['a province', { region: '330000' }],
		['a category', { category: 'research' }],
		['a kind', { kind: 'speech' }]
	])('gives the records filterRecords gives: %s', (_name, patch) => {
		const corpus = sampleContent();
		expect(ids(filterColumns(corpus, { ...NO_FILTERS, ...patch }))).toEqual(ids(filterRecords(corpus, { ...NO_FILTERS, ...patch })));
	});

	test('gives the records filterRecords gives, in the same order, on any small corpus and filters', () => {
		fc.assert(
			fc.property(facts, filters, (corpus, f) => {
				const a = filterColumns(corpus, f);
				const b = filterRecords(corpus, f);
				expect(ids(a)).toEqual(ids(b));
				expect([...a.docById]).toEqual([...b.docById]);
			}),
			{ numRuns: 2000, seed: 7 }
		);
	});

	test('builds the columns once per corpus read', () => {
		const corpus = sampleContent();
		expect(columnsOf(corpus)).toBe(columnsOf(corpus));
		expect(columnsOf(corpus)).not.toBe(columnsOf({ ...corpus }));
		expect(columnsOf(corpus).metrics.year.length).toBe(corpus.metrics.length);
	});
});
