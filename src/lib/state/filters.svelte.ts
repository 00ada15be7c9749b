// The global filters live in the URL: reading them from the page, changing them by adding a history
// entry, so reload, shared links and back/forward all restore the same view.
// A change is a shallow history entry (SvelteKit's pushState), not a navigation: the route and its
// data stay as they are, so the router's navigation (its before/after hooks, the load of the route,
// the pass over the page's links, reading the scroll position, ~8-10 ms of the main thread a change
// at 10k documents) is not run for a filter; only the views that read the filters ask again, in the
// same task as the user's change. The filters are read from the address bar (`location`), which such
// an entry moves and `page.url` does not: again on each navigation (page.url) and each step back or
// forward (popstate). And the filters read are one object for as long as they are equal, so a
// navigation that changes no filter asks no view again.
import { pushState } from '$app/navigation';
import { page } from '$app/state';
import { filtersToQuery, NO_FILTERS, parseFilters, sameFilters, type Filters } from './filters.ts';

/** Counts the moves of the address bar that are not navigations: a filter set here, a step back or forward. */
let moved = $state(0);
if (typeof window !== 'undefined') addEventListener('popstate', () => moved++);
/** The query of a filter change not yet in the address bar (its history entry is added once the views have asked). */
let setting = $state.raw<string | null>(null);

let last: Filters = NO_FILTERS;
const filters = $derived.by(() => {
	// read again after a navigation (page.url) or a shallow move (moved); the address bar says which filters
	void page.url;
	void moved;
	const search = setting ?? (typeof location === 'undefined' ? page.url.search : location.search);
	const next = parseFilters(new URLSearchParams(search));
	if (!sameFilters(next, last)) last = next;
	return last;
});

/** The filters of the address bar's URL. */
export function currentFilters(): Filters {
	return filters;
}

/**
 * Changes some filters, keeping the others and the current route; a new history entry (shallow: no
 * navigation). The views ask for the new filters' answers in this task; resolves once the entry is added.
 * @example setFilters({ from: 2023, to: 2023 })
 */
export function setFilters(patch: Partial<Filters>): Promise<void> {
	const query = filtersToQuery({ ...currentFilters(), ...patch });
	setting = query;
	// The history entry after the views have asked (Svelte runs their effects in the microtask its state change
	// queued before this one): Chromium's history.pushState takes 2-10 ms, which the facts worker's answer need not wait.
	return new Promise((resolve) =>
		queueMicrotask(() => {
			if (setting === query) {
				pushState(`${location.pathname}${query}`, page.state);
				setting = null;
				moved++;
			}
			resolve();
		})
	);
}

/** A link to another route that keeps the current filters. */
export function withFilters(path: string, patch: Partial<Filters> = {}): string {
	return `${path}${filtersToQuery({ ...currentFilters(), ...patch })}`;
}
