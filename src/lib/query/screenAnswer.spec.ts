// The screen's answer is what the wall and its presenter computed in the page before it (the
// oracle, written out here as show.svelte.ts, ScreenView.svelte and figures.ts had it): compared
// on the fixture and synthetic corpora over a table of filter states and trend indicators, through
// the engine as the worker asks it, and over the worker's slim places.
import { describe, expect, test } from 'vitest';
import { filterStates, syntheticFacts } from './testCorpora.ts';
import { sampleContent } from '../corpus/fixture.ts';
import type { CorpusDocument } from '../corpus/schema.ts';
import { NO_FILTERS } from '../state/filters.ts';
import { analyseFigures, categoryTotals, headlines, matchFigures, type Figure } from './achievements.ts';
import { QueryEngine } from './engine.ts';
import { filterFacts, type Facts } from './facts.ts';
import { coverage } from './overview.ts';
import { screenRequest } from './requests.ts';
import { categoryCounts, screenAnswer, type ScreenRequest } from './screenAnswer.ts';
import { slimPlaces } from './slim.ts';
import { replaySteps } from '../screen/replay.ts';
import { figureSources, indicatorRanking, latestMeetings, meetingSources, provinceRanking, trendIndicator } from '../screen/widgets.ts';


const CORPORA: [string, () => Facts][] = [
	['sample', () => sampleContent()],
	['synthetic 400 (seed 1)', () => syntheticFacts(400, 1)],
	['synthetic 250 (seed 7)', () => syntheticFacts(250, 7)]
];


/** The former in-page computation: ShowData's fields, ScreenView's headlines, figures.ts's sources. */
function inPage(facts: Facts, r: ScreenRequest) {
	const filtered = filterFacts(facts, r.filters);
	const docById = new Map<string, CorpusDocument>(facts.documents.map((d) => [d.id, d]));
	const figures: Figure[] = matchFigures(analyseFigures(facts.metrics, docById), r.filters, docById).figures;
	const trend = trendIndicator(figures, r.indicator, filtered.docById);
	const ranking = provinceRanking(filtered.meetings, filtered.docById);
	const quoted = headlines(figures, r.headlines).map((h) => {
		const added = figures.filter((f) => f.indicator === h.indicator && f.year === h.year && f.unit === h.unit && f.sources.some((s) => h.docIds.includes(s.docId)));
		return { indicator: h.indicator, year: h.year, value: h.value, unit: h.unit, qualifier: h.qualifier, sources: figureSources(added, filtered.docById) };
	});
	const counts = new Map<string, number>();
	for (const f of figures) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
	return {
		coverage: coverage(filtered),
		headlines: quoted,
		categoryTotals: quoted.length
			? []
			: categoryTotals(figures)
					.filter((h) => h.category !== 'other')
					.slice(0, r.headlines)
					.map((h) => ({ category: h.category, total: h.total, unit: h.unit, approximate: h.approximate })),
		categoryCounts: [...counts],
		ranking,
		trend,
		trendRanking: trend ? indicatorRanking(figures, trend.indicator, filtered.docById) : [],
		latest: latestMeetings(filtered.meetings, filtered.docById, r.latest).map(({ meeting }) => ({ meeting, sources: meetingSources(meeting, filtered.docById) })),
		tour: {
			meetings: filtered.meetings.length,
			datedMeetings: replaySteps(filtered.meetings, filtered.docById).length,
			figures: figures.length,
			places: filtered.places.length,
			ranked: ranking.length,
			trendYears: trend?.points.length ?? 0
		}
	};
}

describe('screenAnswer', () => {
	describe.each(CORPORA)('%s', (_name, make) => {
		const facts = make();
		const engine = new QueryEngine(facts);
		const slim = new QueryEngine(slimPlaces(make()));
		const indicators = [null, ...new Set(analyseFigures(facts.metrics, new Map(facts.documents.map((d) => [d.id, d]))).figures.map((f) => f.indicator))].slice(0, 3);
		const cases = filterStates(facts).flatMap((filters) => indicators.map((indicator) => [filters, indicator] as const));
		test.each(cases)('%j, indicator %s', (filters, indicator) => {
			const r = screenRequest(filters, indicator);
			const expected = inPage(facts, r);
			expect(screenAnswer(facts, r)).toEqual(expected);
			expect(engine.answer(r)).toEqual(expected);
			// the worker keeps of each place only what its answers read
			expect(slim.answer(r)).toEqual(inPage(slimPlaces(make()), r));
		});
	});

	test('the fixture has something on every page with no filter', () => {
		const facts = sampleContent();
		const a = screenAnswer(facts, screenRequest(NO_FILTERS, null));
		expect(a.tour.meetings).toBeGreaterThan(0);
		expect(a.tour.datedMeetings).toBeGreaterThan(0);
		expect(a.tour.figures).toBeGreaterThan(0);
		expect(a.latest.length).toBeGreaterThan(0);
	});

	test('categoryCounts counts by category in the order they first come', () => {
		const f = (category: Figure['category']) => ({ category }) as Figure;
		expect(categoryCounts([f('training'), f('institution'), f('training')])).toEqual([
			['training', 2],
			['institution', 1]
		]);
	});
});
