// The requests the views send the query engine, built in one place: the facts worker answers and
// stores a view's first request after each corpus read (prefetch), and a stored answer is found
// by the request's exact text, so the view and the prefetch must build the same one.
import type { Filters } from '../state/filters.ts';
import type { AchievementsRequest, ExploreRequest, OverviewRequest, QueryRequest } from './engine.ts';
import { parseFilters } from '../state/filters.ts';

/** Rows of the achievements page's figure table, and its conflicts shown. */
export const FIGURE_ROWS = 100;
export const CONFLICTS_SHOWN = 20;
/** Meetings the overview lists, and headlines it shows. */
export const MEETINGS_SHOWN = 50;
export const HEADLINES = 6;

/** Filters with their keys in one order (a stored answer is found by the request's text). */
const ordered = (f: Filters): Filters => ({ from: f.from, to: f.to, region: f.region, category: f.category, kind: f.kind });

export const overviewRequest = (filters: Filters): OverviewRequest => ({ type: 'overview', filters: ordered(filters), meetings: MEETINGS_SHOWN, headlines: HEADLINES });

export const achievementsRequest = (filters: Filters, indicator: string | null, unit: string | null): AchievementsRequest => ({
	type: 'achievements',
	filters: ordered(filters),
	indicator,
	unit,
	rows: FIGURE_ROWS,
	conflicts: CONFLICTS_SHOWN
});

/** Rows of the explorer's table asked for at a time: a scroll asks again only past them. */
export const EXPLORE_PAGE = 60;

/**
 * The explorer's request, its keys in one order. `limit` null: every matching row, with their
 * source documents (the CSV).
 */
export const exploreRequest = (
	filters: Filters,
	o: Omit<ExploreRequest, 'type' | 'filters' | 'sources'>
): ExploreRequest => ({
	type: 'explore',
	filters: ordered(filters),
	query: o.query,
	reviewedOnly: o.reviewedOnly,
	facts: o.facts,
	sort: o.sort,
	dir: o.dir,
	offset: o.offset,
	limit: o.limit,
	locale: o.locale,
	unnamed: o.unnamed,
	sources: o.limit == null
});

/**
 * The views' first requests for a URL's query: what a page opened there asks first.
 * @example firstRequests('?from=2023')[0].type // 'overview'
 */
export function firstRequests(search: string): QueryRequest[] {
	const params = new URLSearchParams(search);
	const filters = parseFilters(params);
	return [overviewRequest(filters), achievementsRequest(filters, params.get('indicator'), null)];
}
