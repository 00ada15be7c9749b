// The requests the views send the query engine, built in one place: the facts worker answers and
// stores a view's first request after each corpus read (prefetch), and a stored answer is found
// by the request's exact text, so the view and the prefetch must build the same one.
import type { Filters } from '../state/filters.ts';
import type { AchievementsRequest, ExploreRequest, MapRequest, OverviewRequest, QueryRequest, ReplayRequest, ScreenRequest, StaleRequest, TimelineRequest } from './engine.ts';
import type { UserEdit } from '../corpus/edits.ts';
import { parseScreenParams, REPLAY_SHOWN } from '../screen/tour.ts';
import { parseFilters } from '../state/filters.ts';
import { METRIC_CATEGORIES } from '../extract/types.ts';
import { mapFilters } from './mapAnswer.ts';

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

/** Undated meetings the timeline page lists (it counts the rest). */
export const UNDATED_SHOWN = 200;

export const timelineRequest = (filters: Filters): TimelineRequest => ({ type: 'timeline', filters: ordered(filters), undated: UNDATED_SHOWN });

/** Meetings the map page lists (a search finds the others). */
export const MAP_LISTED = 50;

/**
 * The map page's request: the filters with the region widened to the map's province (every city of
 * a province shows the same map, and asks the same), what colours it, the meeting picked and the search.
 * @example mapRequest(filters, { measure: 'meetings', meeting: null, search: '' })
 */
export const mapRequest = (filters: Filters, o: { measure: string; meeting: string | null; search: string }): MapRequest => ({
	type: 'map',
	filters: ordered(mapFilters(filters).filters),
	measure: o.measure,
	meeting: o.meeting,
	search: o.search,
	listed: MAP_LISTED
});

/** Headlines the big screen quotes (its achievements page; the overview the first 3), and latest meetings its list holds. */
export const SCREEN_HEADLINES = 6;
export const SCREEN_LATEST = 30;

/** The big screen's request (screenAnswer.ts): the filters and the indicator its trend follows (?indicator=). */
export const screenRequest = (filters: Filters, indicator: string | null): ScreenRequest => ({
	type: 'screen',
	filters: ordered(filters),
	indicator,
	headlines: SCREEN_HEADLINES,
	latest: SCREEN_LATEST
});

/** The big screen's replay (replayAnswer.ts): the filters; it tells the latest REPLAY_SHOWN meetings. */
export const replayRequest = (filters: Filters): ReplayRequest => ({ type: 'replay', filters: ordered(filters), told: REPLAY_SHOWN });

/** The import page's stale corrections (staleAnswer.ts): of the user's edits, the corrections and confirmations, by key and document hash. */
export const staleRequest = (edits: readonly Pick<UserEdit, 'op' | 'key' | 'docHash'>[]): StaleRequest => ({
	type: 'stale',
	edits: edits.filter((e) => e.op === 'patch' || e.op === 'confirm').map((e) => ({ key: e.key, docHash: e.docHash }))
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

/** The explorer's table as it opens: no search, every kind of fact, newest first. */
export const EXPLORE_START = { query: '', reviewedOnly: false, facts: 'all', sort: 'date', dir: 'desc' } as const satisfies Partial<ExploreRequest>;

/** The explorer's first request for these filters and language: its first two pages as it opens. */
export const exploreFirstRequest = (filters: Filters, language: RequestLanguage): ExploreRequest =>
	exploreRequest(filters, { ...EXPLORE_START, offset: 0, limit: 2 * EXPLORE_PAGE, locale: language.locale, unnamed: language.unnamed });

/** The language a view asks in: the interface's, and what it calls an unnamed indicator of each category (the explorer names indicators). */
export interface RequestLanguage {
	locale: string;
	unnamed: Record<string, string>;
}

/**
 * What an unnamed indicator of each category is called, by a translation function (svelte-i18n's `_`).
 * @example unnamedIndicators((key) => key).rate // 'indicator.unnamed'
 */
export function unnamedIndicators(t: (key: string, options?: { values: Record<string, string> }) => string): Record<string, string> {
	return Object.fromEntries(METRIC_CATEGORIES.map((c) => [c, t('indicator.unnamed', { values: { category: t(`category.${c}`) } })]));
}

/**
 * Whether the facts worker stores its answer to a request for the next page load: what a view asks as it
 * opens, not what a user's next steps ask. The explorer's first page (not the pages a scroll asks for, nor
 * the CSV's rows); the map as it opens (meetings, none picked, no search); never a meeting's details (one
 * per meeting pointed at). Each of firstRequests is stored.
 * @example keptForNextVisit(mapRequest(NO_FILTERS, { measure: 'schools', meeting: null, search: '' })) // false
 */
export function keptForNextVisit(request: QueryRequest): boolean {
	switch (request.type) {
		case 'explore':
			return request.offset === 0 && request.limit != null;
		case 'map':
			return request.measure === 'meetings' && request.meeting == null && request.search === '';
		case 'timelineMeeting':
			return false;
		default:
			return true;
	}
}

/**
 * The views' first requests for a URL's query: what a page opened there asks first, in the order
 * the facts worker answers and stores them after a read: the navigation's (the page a user opens
 * next first), which is also the cheapest first (at 100k documents the timeline's and the map's
 * take tenths of a second, the achievements' and the explorer's a second or two), so a user who
 * leaves early has the most pages stored. The explorer's only with the language it asks in. On the
 * big screen (`path` /screen, the wall and its presenter view) the screen's come first: its answer,
 * the timeline's and the map's (its first page draws them), then the replay's when it may be toured.
 * @example firstRequests('?from=2023')[0].type // 'overview'
 * @example firstRequests('?kiosk=1', undefined, '/screen')[0].type // 'screen'
 */
export function firstRequests(search: string, language?: RequestLanguage, path = '/'): QueryRequest[] {
	const params = new URLSearchParams(search);
	const filters = parseFilters(params);
	const explore = language ? [exploreFirstRequest(filters, language)] : [];
	const dashboard = [
		overviewRequest(filters),
		timelineRequest(filters),
		mapRequest(filters, { measure: 'meetings', meeting: null, search: '' }),
		achievementsRequest(filters, params.get('indicator'), null),
		...explore
	];
	if (!/\/screen(\/|$)/.test(path)) return dashboard;
	const { pages, indicator } = parseScreenParams(params);
	const screen = [
		screenRequest(filters, indicator),
		dashboard[1]!,
		dashboard[2]!,
		...(!pages || pages.includes('replay') ? [replayRequest(filters)] : [])
	];
	return [...screen, dashboard[0]!, ...dashboard.slice(3)];
}
