// The global filters live in the URL: reading them from the page, changing them by navigating,
// so reload, shared links and back/forward all restore the same view.
// A change is seen at once: the views ask for the new filters' answers in the same task as the
// user's change, while the router's navigation to the new URL (its history entry, its pass over
// the page's links) runs beside the answer's computation in the facts worker instead of before it.
// And the filters read are one object for as long as they are equal, so the URL catching up with
// a change, or a navigation that changes no filter, asks no view again.
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { filtersToQuery, NO_FILTERS, parseFilters, sameFilters, type Filters } from './filters.ts';

/** The filters just set, while the URL they were set from is still the page's. */
let pending = $state.raw<{ from: string; filters: Filters } | null>(null);
let last: Filters = NO_FILTERS;
const filters = $derived.by(() => {
	const next = pending && pending.from === page.url.href ? pending.filters : parseFilters(page.url.searchParams);
	if (!sameFilters(next, last)) last = next;
	return last;
});

/** The filters of the current URL (or of the change on its way to it). */
export function currentFilters(): Filters {
	return filters;
}

/**
 * Changes some filters, keeping the others and the current route; a new history entry.
 * @example setFilters({ from: 2023, to: 2023 })
 */
export function setFilters(patch: Partial<Filters>): Promise<void> {
	const next = { ...currentFilters(), ...patch };
	const set = (pending = { from: page.url.href, filters: parseFilters(new URLSearchParams(filtersToQuery(next))) });
	return goto(`${page.url.pathname}${filtersToQuery(next)}`, { keepFocus: true, noScroll: true }).finally(() => {
		if (pending === set) pending = null;
	});
}

/** A link to another route that keeps the current filters. */
export function withFilters(path: string, patch: Partial<Filters> = {}): string {
	return `${path}${filtersToQuery({ ...currentFilters(), ...patch })}`;
}
