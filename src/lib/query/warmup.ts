// The filter states a user is likely to ask for next, from the view they are looking at: what the
// facts worker computes while the page is idle (the materialised views Mosaic builds for an active
// interaction, crossfilter's "every other value of this dimension"), so a filter change finds its
// answer computed — and the engine's code for it compiled and its indexes built, whichever state
// the user picks — instead of doing all of that in the change the user waits for.
import type { QueryRequest } from './engine.ts';
import type { Filters } from '../state/filters.ts';

/** The views the filter bar drives, whose next filter states are worth computing ahead (not the explorer's pages of rows, nor the big screen's). */
const WARMED = new Set<QueryRequest['type']>(['achievements', 'overview', 'map', 'timeline']);

/**
 * Whether the filter states next to a request are computed ahead.
 * @example warmsNext({ type: 'summary' }) // false
 */
export const warmsNext = (request: QueryRequest): boolean => WARMED.has(request.type);

/** A request that reads the global filters (the filter bar changes them). */
type Filtered = Extract<QueryRequest, { filters: Filters }>;

const filtered = (r: QueryRequest): r is Filtered => 'filters' in r && r.filters != null && typeof r.filters === 'object';

/**
 * The same request with each other first year, then each other last year the filter bar offers
 * (`years`), the years nearest the current first, at most `limit` of them; a year the bar would
 * swap with the other end (a first year after the last) is left out, and so is "all years" when a
 * year is set (the first entry then: clearing a filter is a likely next step). Keys stay in the
 * request's order, so each is the exact request (and JSON text) the page would send.
 * @example nextRequests({ type: 'overview', filters: { ...NO_FILTERS }, meetings: 50, headlines: 6 }, [2023, 2024]).map((r) => r.filters.from) // [2023, 2024, null, null]
 */
export function nextRequests<R extends QueryRequest>(request: R, years: readonly number[], limit = 24): R[] {
	if (!filtered(request)) return [];
	const f = request.filters;
	const near = (at: number | null) => [...years].sort((a, b) => (at == null ? a - b : Math.abs(a - at) - Math.abs(b - at) || a - b));
	const out: R[] = [];
	const add = (filters: Filters) => out.push({ ...request, filters } as R);
	if (f.from != null) add({ ...f, from: null });
	if (f.to != null) add({ ...f, to: null });
	for (const y of near(f.from)) if (y !== f.from && (f.to == null || y <= f.to)) add({ ...f, from: y });
	for (const y of near(f.to)) if (y !== f.to && (f.from == null || y >= f.from)) add({ ...f, to: y });
	return out.slice(0, limit);
}
