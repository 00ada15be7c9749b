// The overview's key figures, from the filtered facts.
import { provinceOf, cityOf } from '../geo/gazetteer.ts';
import type { Filtered } from './facts.ts';

export interface Coverage {
	documents: number;
	meetings: number;
	/** distinct provinces named or hosting a meeting */
	provinces: number;
	/** distinct cities named or hosting a meeting (a municipality counts as a city) */
	cities: number;
	metrics: number;
}

/**
 * Counts what the filtered corpus covers.
 * @example coverage(filterFacts(facts, NO_FILTERS)).provinces
 */
export function coverage(f: Filtered): Coverage {
	const provinces = new Set<string>();
	const cities = new Set<string>();
	const add = (code: string | null) => {
		if (!code) return;
		const p = provinceOf(code);
		if (p) provinces.add(p.code);
		const c = cityOf(code);
		if (c) cities.add(c.code);
	};
	for (const p of f.places) add(p.adcode);
	for (const m of f.meetings) add(m.countyCode ?? m.cityCode ?? m.provinceCode);
	return { documents: f.documents.length, meetings: f.meetings.length, provinces: provinces.size, cities: cities.size, metrics: f.metrics.length };
}
