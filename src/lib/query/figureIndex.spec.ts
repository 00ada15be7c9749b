import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { syntheticCorpus } from '../../../scripts/synthetic-corpus.ts';
import { DOCUMENT_KINDS, METRIC_CATEGORIES } from '../extract/types.ts';
import type { Filters } from '../state/filters.ts';
import { analyseFigures, indicatorsOf, matchFigures } from './achievements.ts';
import { documentsOf, rowsOf, figuresOfIndicator, indexFigures, indicatorSummaries, matchMask, summarise } from './figureIndex.ts';

const corpus = syntheticCorpus({ docs: 300, seed: 3 });
// Some documents of a kind no other has, and figures reported by several documents, as real corpora have.
const documents = corpus.documents.map((d, i) => (i % 7 === 0 ? { ...d, kind: 'speech' as const } : d));
const docs = new Map(documents.map((d) => [d.id, d]));
const analysis = analyseFigures(corpus.metrics, docs);
const ix = indexFigures(analysis.figures, docs);

const filters: fc.Arbitrary<Filters> = fc.record({
	from: fc.option(fc.integer({ min: 2015, max: 2026 }), { nil: null }),
	to: fc.option(fc.integer({ min: 2015, max: 2026 }), { nil: null }),
	region: fc.option(fc.constantFrom('100000', '110000', '330000', '330100', '510000', '440300', ...documents.slice(0, 20).map((d) => d.regionCode ?? '110000')), { nil: null }),
	category: fc.option(fc.constantFrom(...METRIC_CATEGORIES), { nil: null }),
	kind: fc.option(fc.constantFrom(...DOCUMENT_KINDS), { nil: null })
});

describe('the figure index', () => {
	test('matchMask picks what matchFigures picks, indicatorSummaries is indicatorsOf of those, documentsOf counts their documents', () => {
		fc.assert(
			fc.property(filters, (f) => {
				const matched = matchFigures(analysis, f, docs).figures;
				const mask = matchMask(ix, f, docs);
				expect(ix.figures.filter((_, i) => mask[i])).toEqual(matched);
				const summaries = indicatorSummaries(ix, mask);
				expect(summaries).toEqual(indicatorsOf(matched));
				expect(documentsOf(ix, rowsOf(mask))).toBe(new Set(matched.flatMap((x) => x.sources.map((s) => s.docId))).size);
				expect(summarise(ix, mask)).toEqual({ summaries, documents: documentsOf(ix, rowsOf(mask)) });
				for (const s of summaries) expect(figuresOfIndicator(ix, mask, s.indicator)).toEqual(matched.filter((x) => x.indicator === s.indicator));
			}),
			{ numRuns: 60 }
		);
	});
});
