// The global filters, as they live in the URL query: ?from=2019&to=2023&region=500000&category=training&kind=news
import { DOCUMENT_KINDS, METRIC_CATEGORIES, type DocumentKind, type MetricCategory } from '../extract/types.ts';


export interface Filters {
	/** first year, inclusive */
	from: number | null;
	/** last year, inclusive */
	to: number | null;
	/** 6-digit GB/T 2260 code of a province, city or county */
	region: string | null;
	category: MetricCategory | null;
	kind: DocumentKind | null;
}

export const NO_FILTERS: Filters = { from: null, to: null, region: null, category: null, kind: null };

const year = (s: string | null): number | null => (s && /^\d{4}$/.test(s) ? Number(s) : null);

/**
 * Reads the filters from a URL query; anything malformed is ignored rather than trusted.
 * @example parseFilters(new URLSearchParams('from=2023&to=2023')).from // 2023
 */
export function parseFilters(params: URLSearchParams): Filters {
	let from = year(params.get('from'));
	let to = year(params.get('to'));
	if (from != null && to != null && from > to) [from, to] = [to, from];
	const region = params.get('region');
	const category = params.get('category');
	const kind = params.get('kind');
	return {
		from,
		to,
		region: region && /^\d{6}$/.test(region) ? region : null,
		category: METRIC_CATEGORIES.includes(category as MetricCategory) ? (category as MetricCategory) : null,
		kind: DOCUMENT_KINDS.includes(kind as DocumentKind) ? (kind as DocumentKind) : null
	};
}

/**
 * The query string for a set of filters, keys in a fixed order, empty ones left out.
 * @example filtersToQuery({ ...NO_FILTERS, region: '500000' }) // '?region=500000'
 */
export function filtersToQuery(f: Filters): string {
	const params = new URLSearchParams();
	if (f.from != null) params.set('from', String(f.from));
	if (f.to != null) params.set('to', String(f.to));
	if (f.region) params.set('region', f.region);
	if (f.category) params.set('category', f.category);
	if (f.kind) params.set('kind', f.kind);
	const q = params.toString();
	return q ? `?${q}` : '';
}

/**
 * Whether two filter states are the same.
 * @example sameFilters({ ...NO_FILTERS, from: 2023 }, parseFilters(new URLSearchParams('from=2023'))) // true
 */
export function sameFilters(a: Filters, b: Filters): boolean {
	return a.from === b.from && a.to === b.to && a.region === b.region && a.category === b.category && a.kind === b.kind;
}

/** Whether any filter is set. */
export function isFiltered(f: Filters): boolean {
	return f.from != null || f.to != null || f.region != null || f.category != null || f.kind != null;
}

/**
 * How many filters are set, the year range counting once: the number on the phone's filter button.
 * @example activeFilterCount({ ...NO_FILTERS, from: 2020, to: 2023, region: '370000' }) // 2
 */
export function activeFilterCount(f: Filters): number {
	return [f.from != null || f.to != null, f.region != null, f.category != null, f.kind != null].filter(Boolean).length;
}
