// The global filters live in the URL: reading them from the page, changing them by navigating,
// so reload, shared links and back/forward all restore the same view.
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { filtersToQuery, parseFilters, type Filters } from './filters.ts';

/** The filters of the current URL. */
export function currentFilters(): Filters {
	return parseFilters(page.url.searchParams);
}

/**
 * Changes some filters, keeping the others and the current route; a new history entry.
 * @example setFilters({ from: 2023, to: 2023 })
 */
export function setFilters(patch: Partial<Filters>): Promise<void> {
	const next = { ...currentFilters(), ...patch };
	return goto(`${page.url.pathname}${filtersToQuery(next)}`, { keepFocus: true, noScroll: true });
}

/** A link to another route that keeps the current filters. */
export function withFilters(path: string, patch: Partial<Filters> = {}): string {
	return `${path}${filtersToQuery({ ...currentFilters(), ...patch })}`;
}
