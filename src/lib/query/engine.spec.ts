// The engine's answers are what the views computed in the page before it existed: the former
// in-page computation is written out here (inPage…) and compared on synthetic corpora, for a table
// of filter states, indicators and units.
import { describe, expect, test } from 'vitest';
import { filterStates, syntheticFacts } from './testCorpora.ts';
import { sampleContent } from '../corpus/fixture.ts';
import { figuresByIndicatorOption, indicatorCountsOption, regionTotalsOption, sumsByRegionOption, sumsByYearOption, yearTotalsOption, type ChartText } from '../charts/achievementsOptions.ts';
import { NO_FILTERS, type Filters } from '../state/filters.ts';
import { corpusScope, corpusStamp } from '../screen/stamp.ts';
import { headlines, indicatorsOf, matchFigures, NATIONAL, totalOf, type Figure } from './achievements.ts';
import { analyseFigures } from './aggregate.ts';
import { QueryEngine } from './engine.ts';
import { exploreRows, reviewedRows, searchRows, sortRows, type SortKey } from './explore.ts';
import { filterFacts, filterRecords, type Facts } from './facts.ts';
import { indicatorLabel } from '../indicators/indicators.ts';
import { titleOf } from './names.ts';
import { availableRegions, availableYears } from './options.ts';
import { coverage } from './overview.ts';
import { reviewedCount } from './review.ts';


/** A synthetic corpus with reviewed facts: every 7th figure and 5th meeting marked, every 11th document confirmed. */
const reviewed = (docs: number, seed: number): Facts => {
	const f = syntheticFacts(docs, seed);
	const at = '2024-05-01T00:00:00.000Z';
	const statuses = ['corrected', 'confirmed', 'added'] as const;
	f.metrics.forEach((m, i) => i % 7 === 0 && (m.review = { status: statuses[i % 3]!, at }));
	f.meetings.forEach((m, i) => i % 5 === 0 && (m.review = { status: statuses[(i + 1) % 3]!, at }));
	f.documents.forEach((d, i) => i % 11 === 0 && (d.review = { status: 'confirmed', at }));
	return f;
};

const CORPORA: [string, Facts][] = [
	['sample', sampleContent()],
	['synthetic 400 (seed 1)', syntheticFacts(400, 1)],
	['synthetic 250 (seed 7)', syntheticFacts(250, 7)],
	['synthetic 200 with reviews (seed 3)', reviewed(200, 3)]
];


const text: ChartText = {
	category: (c) => `c:${c}`,
	figure: (v, u, q) => `${q}${v}${u}`,
	figures: 'figures',
	placesSum: 'places',
	region: (code) => `r:${code}`,
	indicator: (i) => `i:${i}`,
	unit: (u) => `u:${u}`
};

/** A chart's option without its formatter functions: what it draws. */
const drawn = (chart: { option: unknown; items: number }) => JSON.parse(JSON.stringify(chart));

/** The achievements page before the engine: the whole analysis in the page, filtered and grouped there. */
function inPageAchievements(facts: Facts, filters: Filters, chosen: string | null, chosenUnit: string | null) {
	const docById = new Map(facts.documents.map((d) => [d.id, d]));
	const shared = analyseFigures(facts.metrics, docById);
	const byText = new Intl.Collator().compare;
	const sorted = { figures: [...shared.figures].sort((x, y) => (y.year ?? 0) - (x.year ?? 0) || byText(x.region ?? '', y.region ?? '') || y.value - x.value), conflicts: shared.conflicts };
	const matched = matchFigures(sorted, filters, docById);
	const figures = matched.figures;
	const indicators = indicatorsOf(figures);
	const indicator = indicators.some((s) => s.indicator === chosen) ? chosen : ((indicators.find((s) => s.headline) ?? indicators[0])?.indicator ?? null);
	const summary = indicators.find((s) => s.indicator === indicator) ?? null;
	const unit = summary ? (chosenUnit && summary.units.includes(chosenUnit) ? chosenUnit : summary.unit) : null;
	const focused = figures.filter((f) => f.indicator === indicator && f.unit === unit);
	const byCity = filters.region != null && filters.region !== NATIONAL && filters.region.endsWith('0000');
	const docs = (list: Figure[]) => new Set(list.flatMap((f) => f.sources.map((s) => s.docId))).size;
	return {
		indicators,
		indicator,
		unit,
		figures: figures.length,
		figureDocs: docs(figures),
		focused: focused.length,
		focusedDocs: docs(focused),
		summable: focused.length > 0 && totalOf(focused).value != null,
		byIndicator: figuresByIndicatorOption(figures, text),
		byYear: unit ? sumsByYearOption(focused, unit, text) : null,
		byRegion: unit ? sumsByRegionOption(focused, unit, byCity, text) : null,
		rows: figures.filter((f) => f.indicator === indicator),
		conflicts: matched.conflicts.filter((c) => c.indicator === indicator)
	};
}

/** The overview before the engine. */
function inPageOverview(facts: Facts, filters: Filters) {
	const filtered = filterRecords(facts, filters);
	const docById = new Map(facts.documents.map((d) => [d.id, d]));
	return {
		coverage: coverage(filtered),
		reviewed: reviewedCount(filtered),
		headlines: headlines(matchFigures(analyseFigures(facts.metrics, docById), filters, docById).figures, 6),
		meetings: [...filtered.meetings].sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? '') || a.name.localeCompare(b.name, 'zh-CN'))
	};
}

/** The explorer before the engine: every row in the page, narrowed, searched and sorted there. */
function inPageExplore(facts: Facts, filters: Filters, query: string, reviewedOnly: boolean, sort: SortKey, dir: 'asc' | 'desc', locale: string, unnamed: Record<string, string>) {
	const nameOf = (i: string) => indicatorLabel(i, locale, (c) => unnamed[c]!);
	const all = exploreRows(filterFacts(facts, filters), nameOf);
	return sortRows(searchRows(reviewedOnly ? reviewedRows(all) : all, query), sort, dir);
}

const UNNAMED = { zh: { training: '未注明培训', institution: '未注明院校' } as Record<string, string>, en: { training: 'Unnamed training', institution: 'Unnamed institution' } as Record<string, string> };

describe.each(CORPORA)('QueryEngine on %s', (_name, facts) => {
	const engine = new QueryEngine(facts);
	engine.prepare();

	test('summary: the filter bar’s years and regions, the scope and date of the whole corpus', () => {
		expect(engine.answer({ type: 'summary' })).toEqual({
			years: availableYears(facts),
			regions: availableRegions(facts, null),
			scope: corpusScope(facts.documents),
			asOf: corpusStamp(facts.documents, null).asOf
		});
	});

	const cases = filterStates(facts).flatMap((filters) => [
		{ filters, indicator: null, unit: null },
		{ filters, indicator: 'training', unit: null },
		{ filters, indicator: 'institution', unit: '所' },
		{ filters, indicator: 'no such indicator', unit: 'no such unit' }
	]);

	test.each(cases)('achievements for $filters, indicator $indicator, unit $unit: the page’s former figures', ({ filters, indicator, unit }) => {
		const want = inPageAchievements(facts, filters, indicator, unit);
		const got = engine.answer({ type: 'achievements', filters, indicator, unit, rows: 100, conflicts: 20 });
		expect(got.indicators).toEqual(want.indicators);
		expect([got.indicator, got.unit, got.summable]).toEqual([want.indicator, want.unit, want.summable]);
		expect([got.figures, got.figureDocs, got.focused, got.focusedDocs]).toEqual([want.figures, want.figureDocs, want.focused, want.focusedDocs]);
		expect(got.rows).toEqual(want.rows.slice(0, 100));
		expect(got.rowCount).toBe(want.rows.length);
		expect(got.conflicts).toEqual(want.conflicts.slice(0, 20));
		expect(got.conflictCount).toBe(want.conflicts.length);
		// The charts drawn from the engine's aggregates are the charts drawn from the figures.
		expect(drawn(indicatorCountsOption(got.indicatorCounts, text))).toEqual(drawn(want.byIndicator));
		if (got.unit) {
			expect(drawn(yearTotalsOption(got.byYear, got.unit, text))).toEqual(drawn(want.byYear!));
			expect(drawn(regionTotalsOption(got.byRegion, got.unit, text))).toEqual(drawn(want.byRegion!));
		}
		// Every document a row or a conflict links to has its title.
		for (const f of [...got.rows, ...got.conflicts.flatMap((c) => c.figures)]) for (const s of f.sources) expect(got.titles[s.docId]).toBe(titleOf(facts.documents, s.docId));
	});

	test.each(filterStates(facts))('overview for %o: the page’s former counts, headlines and meetings', (filters) => {
		const want = inPageOverview(facts, filters);
		const got = engine.answer({ type: 'overview', filters, meetings: 50, headlines: 6 });
		expect(got.coverage).toEqual(want.coverage);
		expect(got.reviewed).toEqual(want.reviewed);
		expect(got.headlines).toEqual(want.headlines);
		expect(got.meetings).toEqual(want.meetings.slice(0, 50));
		expect(got.meetingCount).toBe(want.meetings.length);
		for (const h of got.headlines) expect(got.titles[h.docIds[0]!]).toBe(titleOf(facts.documents, h.docIds[0]!));
		for (const m of got.meetings) for (const id of m.docIds) expect(got.titles[id]).toBe(titleOf(facts.documents, id));
	});

	// Several filters, searches (Chinese, Traditional, an indicator's name, a unit, nothing found) and sorts.
	const exploreCases = filterStates(facts).flatMap((filters, i) =>
		(
			[
				['', false, 'date', 'desc', 'zh-CN'],
				['人', false, 'value', 'desc', 'zh-CN'],
				['培訓', false, 'text', 'asc', 'zh-CN'],
				['学校 2', false, 'region', 'asc', 'en'],
				['', true, 'indicator', 'asc', 'en'],
				['人', true, 'date', 'desc', 'zh-CN'],
				['no such words', false, 'docId', 'desc', 'zh-CN'],
				['', false, i % 2 ? 'subject' : 'scope', i % 2 ? 'asc' : 'desc', 'zh-CN'],
				['', false, i % 2 ? 'change' : 'part', 'desc', 'en'],
				['', false, i % 2 ? 'category' : 'type', 'asc', 'zh-CN']
			] as const
		).map(([query, reviewedOnly, sort, dir, locale]) => ({ filters, query, reviewedOnly, sort, dir, locale }))
	);

	test.each(exploreCases)('explore for $filters, search "$query", reviewed only $reviewedOnly, by $sort $dir ($locale): the page’s former rows', ({ filters, query, reviewedOnly, sort, dir, locale }) => {
		const unnamed = locale === 'en' ? UNNAMED.en : UNNAMED.zh;
		const want = inPageExplore(facts, filters, query, reviewedOnly, sort, dir, locale, unnamed);
		const ask = (offset: number, limit: number | null, kind: 'all' | 'meeting' | 'metric' = 'all') =>
			engine.answer({ type: 'explore', filters, query, reviewedOnly, facts: kind, sort, dir, offset, limit, locale, unnamed, sources: limit == null });
		const page = ask(0, 60);
		expect(page.total).toBe(want.length);
		if (reviewedOnly && _name.includes('reviews') && filters === NO_FILTERS) expect(want.length).toBeGreaterThan(0);
		expect(page.rows).toEqual(want.slice(0, 60));
		// Another page of the same rows, a page past the end, every row (the CSV) with its sources.
		expect(ask(7, 5).rows).toEqual(want.slice(7, 12));
		expect(ask(want.length + 10, 60)).toMatchObject({ rows: [], offset: want.length, total: want.length });
		const all = ask(0, null);
		expect(all.rows).toEqual(want);
		for (const r of all.rows) {
			const d = facts.documents.find((x) => x.id === r.docId)!;
			expect(all.sources![r.docId]).toEqual({ title: d.title, fileName: d.fileName, sourceUrl: d.sourceUrl });
			expect(all.titles[r.docId]).toBe(titleOf(facts.documents, r.docId));
		}
		expect(page.sources).toBeNull();
		// One kind of fact: the same rows narrowed, in the same order.
		expect(ask(0, null, 'meeting').rows).toEqual(want.filter((r) => r.type === 'meeting'));
		expect(ask(0, null, 'metric').rows).toEqual(want.filter((r) => r.type === 'metric'));
	});

	test('answers survive a structured clone (what the worker posts)', () => {
		const got = engine.answer({ type: 'achievements', filters: NO_FILTERS, indicator: null, unit: null, rows: 100, conflicts: 20 });
		expect(structuredClone(got)).toEqual(got);
	});
});
