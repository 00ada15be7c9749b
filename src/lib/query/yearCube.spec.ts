import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { syntheticCorpus } from '../../../scripts/synthetic-corpus.ts';
import { DOCUMENT_KINDS, METRIC_CATEGORIES } from '../extract/types.ts';
import type { Filters } from '../state/filters.ts';
import { analyseFigures, type Figure } from './achievements.ts';
import { indexFigures, matchMask, summarise } from './figureIndex.ts';
import { YearCubes } from './yearCube.ts';

const corpus = syntheticCorpus({ docs: 300, seed: 3 });
// Some documents of a kind no other has, and figures reported by several documents, as real corpora have.
const documents = corpus.documents.map((d, i) => (i % 7 === 0 ? { ...d, kind: 'speech' as const } : d));
const docs = new Map(documents.map((d) => [d.id, d]));
const analysis = analyseFigures(corpus.metrics, docs);
// and figures without a year or a unit, and one source given twice
const figures: Figure[] = analysis.figures.map((f, i) =>
	i % 11 === 0 ? { ...f, year: null } : i % 13 === 0 ? { ...f, unit: null as unknown as string } : i % 17 === 0 ? { ...f, sources: [...f.sources, f.sources[0]!] } : f
);
const ix = indexFigures(figures, docs);

const year = fc.option(fc.integer({ min: 2013, max: 2027 }), { nil: null });
const filters: fc.Arbitrary<Filters> = fc.record({
	from: year,
	to: year,
	region: fc.option(fc.constantFrom('100000', '110000', '330000', '330100', '510000', '440300', ...documents.slice(0, 20).map((d) => d.regionCode ?? '110000')), { nil: null }),
	category: fc.option(fc.constantFrom(...METRIC_CATEGORIES), { nil: null }),
	kind: fc.option(fc.constantFrom(...DOCUMENT_KINDS), { nil: null })
});

describe('YearCubes', () => {
	test('gives matchMask and summarise of any filters, over changes of the years and of the other filters', () => {
		expect(ix.year.some(Number.isNaN)).toBe(true);
		expect(ix.unit.some((u) => u < 0)).toBe(true);
		const cubes = new YearCubes(ix);
		fc.assert(
			fc.property(fc.array(filters, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(year, year), { minLength: 1, maxLength: 4 }), (states, ranges) => {
				for (const f of states)
					for (const [from, to] of [[f.from, f.to] as const, ...ranges]) {
						const g = { ...f, from, to };
						const mask = matchMask(ix, g, docs);
						const got = cubes.match(g, docs)!;
						expect(got.mask).toEqual(mask);
						expect({ summaries: got.summaries, documents: got.documents }).toEqual(summarise(ix, mask));
					}
			}),
			{ numRuns: 40 }
		);
	});

	test('an index of more years than a cube tells apart: null (the caller computes the mask and summaries itself)', () => {
		const many = indexFigures(
			figures.map((f, i) => ({ ...f, year: 1980 + (i % 40) })),
			docs
		);
		expect(new YearCubes(many).match({ from: 2000, to: null, region: null, category: null, kind: null }, docs)).toBeNull();
	});
});
