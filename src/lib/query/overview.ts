// The overview's key figures, from the filtered facts.
import { provinceOf, cityOf } from '../geo/gazetteer.ts';
import { venueCode, type Filtered } from './facts.ts';

export interface Coverage {
	documents: number;
	meetings: number;
	/** distinct provinces named or hosting a meeting */
	provinces: number;
	/** distinct cities named or hosting a meeting (a municipality counts as a city) */
	cities: number;
	metrics: number;
}

/** A division's province and city codes (null: none), as coverage() counts them. */
export type DivisionCodes = readonly [string | null, string | null];

/** The province and city a division code lies in, from the gazetteer. */
export const divisionCodes = (code: string): DivisionCodes => [provinceOf(code)?.code ?? null, cityOf(code)?.code ?? null];

/**
 * Counts what the filtered corpus covers. `divisionsOf` looks codes up (the query engine passes one
 * that remembers them, so each distinct code is looked up once per corpus read).
 * @example coverage(filterFacts(facts, NO_FILTERS)).provinces
 */
export function coverage(f: Filtered, divisionsOf: (code: string) => DivisionCodes = divisionCodes): Coverage {
	const provinces = new Set<string>();
	const cities = new Set<string>();
	const add = (code: string | null) => {
		if (!code) return;
		const [province, city] = divisionsOf(code);
		if (province) provinces.add(province);
		if (city) cities.add(city);
	};
	for (const p of f.places) add(p.adcode);
	for (const m of f.meetings) add(venueCode(m));
	return { documents: f.documents.length, meetings: f.meetings.length, provinces: provinces.size, cities: cities.size, metrics: f.metrics.length };
}
