// The achievements answer equals the engine's former computation (written out here as the
// oracle: one pass over the page's order of every figure, the totals computed from the figures each
// time) over sequences of filter states, so its caches (the totals by year kept per indicator and
// unit across year changes) are exercised as the page exercises them.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { syntheticCorpus } from '../../../scripts/synthetic-corpus.ts';
import { DOCUMENT_KINDS, METRIC_CATEGORIES } from '../extract/types.ts';
import { NO_FILTERS, type Filters } from '../state/filters.ts';
import { placeOf, totalOf, totalsBy, yearTotalsByScope, NATIONAL, type Figure, type Total } from './achievements.ts';
import { AchievementsQuery, displayOrder, rowsByIndicator } from './achievementsQuery.ts';
import { analysisOf } from './analysis.ts';
import { columnsOf } from './columns.ts';
import { QueryEngine, type AchievementsRequest, type TotalValue } from './engine.ts';
import { documentsOf, rowsOf, indexFigures, indicatorSummaries, matchMask } from './figureIndex.ts';
import type { Facts } from './facts.ts';

const corpus = syntheticCorpus({ docs: 600, seed: 5 });
// Some documents of a kind no other has, as real corpora have.
const documents = corpus.documents.map((d, i) => (i % 9 === 0 ? { ...d, kind: 'speech' as const } : d));
const facts: Facts = { documents, meetings: corpus.meetings, places: corpus.places, metrics: corpus.metrics };
const docs = columnsOf(facts).docById;
const analysis = analysisOf(facts);
const ix = indexFigures(analysis.figures, docs);
const byText = new Intl.Collator().compare;
const sorted = [...analysis.figures].sort((x, y) => (y.year ?? 0) - (x.year ?? 0) || byText(x.region ?? '', y.region ?? '') || y.value - x.value);
const rowOfMap = new Map(ix.figures.map((f, i) => [f, i]));
const rowOf = (f: Figure) => rowOfMap.get(f) ?? -1;
const display = Int32Array.from(sorted, rowOf);
const titlesOf = (ids: Iterable<string>) => Object.fromEntries([...ids].map((id) => [id, `t:${id}`]));

const valueOf = (t: Total): TotalValue => ({ value: t.value, unit: t.unit, qualifier: t.qualifier, conflicted: t.conflicted, added: [], figures: [] });
const values = <K>(m: Map<K, Total>) => new Map([...m].map(([k, t]) => [k, valueOf(t)] as [K, TotalValue]));

/** The engine's achievements answer before achievementsQuery.ts. */
function former(r: AchievementsRequest) {
	const mask = matchMask(ix, r.filters, docs);
	const indicators = indicatorSummaries(ix, mask);
	const indicator = indicators.some((s) => s.indicator === r.indicator) ? r.indicator : ((indicators.find((s) => s.headline) ?? indicators[0])?.indicator ?? null);
	const summary = indicators.find((s) => s.indicator === indicator) ?? null;
	const unit = summary ? (r.unit && summary.units.includes(r.unit) ? r.unit : summary.unit) : null;
	const k = indicator == null ? -1 : ix.indicators.indexOf(indicator);
	const rows: Figure[] = [];
	if (k >= 0) for (const i of display) if (mask[i] && ix.indicator[i] === k) rows.push(ix.figures[i]!);
	const focused = rows.filter((f) => f.unit === unit);
	const byCity = r.filters.region != null && r.filters.region !== NATIONAL && r.filters.region.endsWith('0000');
	const scoped = yearTotalsByScope(focused);
	const matches = (f: Figure) => {
		const i = rowOf(f);
		return i >= 0 && mask[i] === 1;
	};
	const conflicts = analysis.conflicts.filter((c) => c.indicator === indicator && c.figures.some(matches));
	const shownRows = rows.slice(0, r.rows);
	const shownConflicts = conflicts.slice(0, r.conflicts);
	const linked = [...shownRows, ...shownConflicts.flatMap((c) => c.figures)].flatMap((f) => f.sources.map((s) => s.docId));
	return {
		indicators,
		indicator,
		unit,
		figures: indicators.reduce((n, s) => n + s.figures, 0),
		figureDocs: documentsOf(ix, rowsOf(mask)),
		focused: focused.length,
		focusedDocs: new Set(focused.flatMap((f) => f.sources.map((s) => s.docId))).size,
		summable: focused.length > 0 && totalOf(focused).value != null,
		indicatorCounts: indicators.map((s) => [s.indicator, s.figures]),
		byYear: { national: values(scoped.national), places: values(scoped.places) },
		byRegion: values(totalsBy(focused, (f) => placeOf(f, byCity))),
		rows: shownRows,
		rowCount: rows.length,
		conflicts: shownConflicts,
		conflictCount: conflicts.length,
		titles: titlesOf(linked)
	};
}

const years = [...new Set(analysis.figures.map((f) => f.year).filter((y): y is number => y != null))].sort();
const regions = ['100000', '110000', '330000', '330100', '510000', ...documents.slice(0, 12).map((d) => d.regionCode ?? '110000')];
const filters: fc.Arbitrary<Filters> = fc.record({
	from: fc.option(fc.constantFrom(...years, 1990), { nil: null }),
	to: fc.option(fc.constantFrom(...years), { nil: null }),
	region: fc.option(fc.constantFrom(...regions), { nil: null }),
	category: fc.option(fc.constantFrom(...METRIC_CATEGORIES), { nil: null }),
	kind: fc.option(fc.constantFrom(...DOCUMENT_KINDS), { nil: null })
});
const indicators = [...new Set(analysis.figures.map((f) => f.indicator))];
const request = (f: Filters, indicator: string | null = null, unit: string | null = null): AchievementsRequest => ({ type: 'achievements', filters: f, indicator, unit, rows: 30, conflicts: 5 });

/** Maps in insertion order, so the order of the totals is compared too. */
const plain = (a: object) => JSON.parse(JSON.stringify(a, (_, v) => (v instanceof Map ? { map: [...v] } : v)));

describe('the achievements answer', () => {
	test('displayOrder is the former sort of the figures (newest first, places by the collator, largest first; ties in the index order)', () => {
		expect([...displayOrder(ix)]).toEqual([...display]);
		// figures without a year or a place, and ties on all three keys
		const odd = analysis.figures.map((f, i) => (i % 13 === 0 ? { ...f, region: null } : i % 17 === 0 ? { ...f, year: null } : i % 5 === 0 ? { ...f, value: 7 } : f));
		const oddIx = indexFigures(odd, docs);
		const rows = new Map(odd.map((f, i) => [f, i]));
		const former = [...odd].sort((x, y) => (y.year ?? 0) - (x.year ?? 0) || byText(x.region ?? '', y.region ?? '') || y.value - x.value).map((f) => rows.get(f)!);
		expect([...displayOrder(oddIx)]).toEqual(former);
	});

	test('rowsByIndicator groups an order by indicator, keeping the order within each', () => {
		const { rows, start } = rowsByIndicator(ix, display);
		ix.indicators.forEach((_, k) => expect([...rows.subarray(start[k], start[k + 1])]).toEqual([...display].filter((i) => ix.indicator[i] === k)));
	});

	test('equals the former computation over sequences of filter states (year changes among them)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(filters, fc.option(fc.constantFrom(...indicators), { nil: null }), fc.option(fc.constantFrom('所', '人', '个', '亿元'), { nil: null })), { minLength: 1, maxLength: 8 }),
				(steps) => {
					const q = new AchievementsQuery(ix, display, analysis.conflicts);
					for (const [f, indicator, unit] of steps) {
						// the state itself, then its years moved as the page's year selects move them
						for (const g of [f, { ...f, from: years[1] ?? null }, { ...f, from: null, to: null }, { ...f, from: years.at(-2) ?? null, to: years.at(-1) ?? null }]) {
							const r = request(g, indicator, unit);
							expect(plain(q.answer(r, docs, titlesOf))).toEqual(plain(former(r)));
						}
					}
				}
			),
			{ numRuns: 25 }
		);
	});

	test('the engine answers with it', () => {
		const engine = new QueryEngine(facts);
		for (const f of [NO_FILTERS, { ...NO_FILTERS, from: years[2]! }, { ...NO_FILTERS, region: '330000', from: years[1]! }]) {
			const r = request(f);
			const { titles, ...rest } = engine.answer(r);
			const { titles: _, ...expected } = former(r);
			expect(plain(rest)).toEqual(plain(expected));
			expect(Object.keys(titles).sort()).toEqual(Object.keys(former(r).titles).sort());
		}
	});
});
