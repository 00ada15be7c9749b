// The big screen's answer (engine.ts's `screen` request, issue 17): what the wall and its
// presenter view show for one filter state beside the map and the timeline (which ask the map's and
// the timeline's own requests) — the counts, the headlines with their sources, the figures by
// category, the province rankings, the trend, the latest meetings and what the tour needs to know
// which pages have something to show — computed where the records are (the facts worker, or the
// page's engine in memory) instead of from every record read into the page. The figures come from
// the engine's one analysis per corpus read (analysis.ts), picked by the filters, never analysed
// again per request. Each number is the former in-page computation's (show.svelte.ts with
// filterFacts, analyseFigures and matchFigures; ScreenView's headlines; figures.ts's sources):
// screenAnswer.spec.ts compares them.
import type { MetricCategory, Qualifier } from '../extract/types.ts';
import type { Filters } from '../state/filters.ts';
import { meetingInterval } from '../charts/meetingInterval.ts';
import { categoryTotals, headlines, matchFigures, type Figure } from './achievements.ts';
import { analysisOf } from './analysis.ts';
import { columnsOf } from './columns.ts';
import { filterFacts, type Facts } from './facts.ts';
import { coverage, type Coverage } from './overview.ts';
import { figureSources, indicatorRanking, latestMeetings, meetingSources, provinceRanking, trendIndicator, type FigureSource, type LatestMeeting, type RankRow, type Trend } from '../screen/widgets.ts';
import type { TourContent } from '../screen/tour.ts';

export interface ScreenRequest {
	type: 'screen';
	filters: Filters;
	/** the indicator the trend page and the second ranking follow (?indicator=), null: the most reported */
	indicator: string | null;
	/** headlines wanted (the achievements page shows 6, the overview the first 3) */
	headlines: number;
	/** latest meetings the scrolling list holds */
	latest: number;
}

/** A headline the wall quotes (the overview's headlines), with the documents its value comes from. */
export interface ScreenHeadline {
	indicator: string;
	year: number | null;
	value: number;
	unit: string;
	qualifier: Qualifier;
	sources: FigureSource[];
}

/** A category's total, quoted only when no figure has a headline indicator (categoryTotals). */
export interface ScreenCategoryTotal {
	category: MetricCategory;
	total: number;
	unit: string;
	approximate: boolean;
}

export interface ScreenAnswer {
	coverage: Coverage;
	/** the headlines, at most `headlines` */
	headlines: ScreenHeadline[];
	/** when there is no headline: the categories' totals (其他 left out), at most `headlines`; else empty */
	categoryTotals: ScreenCategoryTotal[];
	/** the matching figures by category, in the order the categories first come (the figures chart) */
	categoryCounts: [MetricCategory, number][];
	/** provinces by meetings held in them */
	ranking: RankRow[];
	/** the trend page's indicator and its totals by year, and the provinces by that indicator */
	trend: Trend | null;
	trendRanking: RankRow[];
	/** the latest dated meetings, each with its first sources (SOURCES_SHOWN) */
	latest: LatestMeeting[];
	/** what the tour counts to know which pages to show (tourPages) */
	tour: Required<TourContent>;
}

/**
 * The matching figures by category, in the order the categories first come (as the figures chart counted them).
 * @example categoryCounts(figures) // [['institution', 12], ['training', 3]]
 */
export function categoryCounts(figures: readonly Figure[]): [MetricCategory, number][] {
	const counts = new Map<MetricCategory, number>();
	for (const f of figures) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
	return [...counts];
}

/**
 * The headlines of the matching figures with their sources: the figures of the headline's
 * indicator, year and unit from one of its documents, one source per document (figures.ts did so).
 */
export function screenHeadlines(figures: Figure[], limit: number, docById: Parameters<typeof figureSources>[1]): ScreenHeadline[] {
	return headlines(figures, limit).map((h) => {
		const added = figures.filter((f) => f.indicator === h.indicator && f.year === h.year && f.unit === h.unit && f.sources.some((s) => h.docIds.includes(s.docId)));
		return { indicator: h.indicator, year: h.year, value: h.value, unit: h.unit, qualifier: h.qualifier, sources: figureSources(added, docById) };
	});
}

/**
 * The wall's numbers for one filter state.
 * @example screenAnswer(facts, { type: 'screen', filters: NO_FILTERS, indicator: null, headlines: 6, latest: 30 }).coverage.meetings
 */
export function screenAnswer(facts: Facts, r: ScreenRequest): ScreenAnswer {
	const docById = columnsOf(facts).docById;
	const filtered = filterFacts(facts, r.filters);
	const figures = matchFigures(analysisOf(facts), r.filters, docById).figures;
	const quoted = screenHeadlines(figures, r.headlines, docById);
	const totals = quoted.length
		? []
		: categoryTotals(figures)
				// 其他 adds up whatever no category took: a sum no one can quote.
				.filter((h) => h.category !== 'other')
				.slice(0, r.headlines)
				.map((h) => ({ category: h.category, total: h.total, unit: h.unit, approximate: h.approximate }));
	const ranking = provinceRanking(filtered.meetings, docById);
	const trend = trendIndicator(figures, r.indicator, docById);
	let dated = 0;
	for (const m of filtered.meetings) if (meetingInterval(m)) dated++;
	return {
		coverage: coverage(filtered),
		headlines: quoted,
		categoryTotals: totals,
		categoryCounts: categoryCounts(figures),
		ranking,
		trend,
		trendRanking: trend ? indicatorRanking(figures, trend.indicator, docById) : [],
		latest: latestMeetings(filtered.meetings, docById, r.latest).map(({ meeting }) => ({ meeting, sources: meetingSources(meeting, docById) })),
		tour: {
			meetings: filtered.meetings.length,
			datedMeetings: dated,
			figures: figures.length,
			places: filtered.places.length,
			ranked: ranking.length,
			trendYears: trend?.points.length ?? 0
		}
	};
}
