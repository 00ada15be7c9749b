// What the filter controls offer: only values the corpus actually has.
import { cityOf, division, isMunicipality, provinceOf } from '../geo/gazetteer.ts';
import { yearOf, type Facts } from './facts.ts';

export interface RegionOption {
	code: string;
	name: string;
}

/** Every year a meeting, document or figure falls in, ascending. */
export function availableYears(facts: Facts): number[] {
	const years = new Set<number>();
	for (const d of facts.documents) {
		const y = yearOf(d.publishedAt);
		if (y != null) years.add(y);
	}
	for (const m of facts.meetings) {
		const y = yearOf(m.startDate);
		if (y != null) years.add(y);
	}
	for (const m of facts.metrics) if (m.year != null) years.add(m.year);
	return [...years].sort((a, b) => a - b);
}

/** The code and name of the whole country: a region of its own, listed before the provinces. */
export const NATIONAL_REGION: RegionOption = { code: '100000', name: '全国' };

/** A province and the places inside it that the region control offers. */
export interface RegionGroup {
	/** the province (or the whole country, with no places) */
	province: RegionOption;
	/** its cities with facts — a municipality's districts, a county directly under the province — in code order */
	places: RegionOption[];
}

/** The place a fact's code is offered as: its city, or the county itself where no city stands between it and its province. */
function placeOf(code: string): string | undefined {
	const d = division(code);
	if (!d || d.level === 'province') return undefined;
	const p = provinceOf(code);
	if (p && isMunicipality(p.code)) return code;
	return cityOf(code)?.code ?? code;
}

const option = (code: string): RegionOption => (code === NATIONAL_REGION.code ? NATIONAL_REGION : { code, name: division(code)?.name ?? code });

/**
 * The regions the filter offers, grouped by province in administrative (code) order: the whole
 * country first when a document or figure is national, then every province with a meeting venue,
 * a document region or a figure scope, each with the cities inside it that have one. `current`
 * (a county chosen on the map, say) is always offered, so the control can show it.
 * @example availableRegions(facts, null)[1] // { province: { code: '370000', name: '山东省' }, places: [{ code: '371600', name: '滨州市' }] }
 */
export function availableRegions(facts: Facts, current: string | null): RegionGroup[] {
	const provinces = new Map<string, Set<string>>();
	const add = (code: string | null | undefined, exact = false) => {
		if (!code) return;
		if (code === NATIONAL_REGION.code) return void provinces.set(code, provinces.get(code) ?? new Set());
		const p = provinceOf(code);
		if (!p) return;
		let places = provinces.get(p.code);
		if (!places) provinces.set(p.code, (places = new Set()));
		const place = exact && code !== p.code ? code : placeOf(code);
		if (place) places.add(place);
	};
	for (const m of facts.meetings) add(m.countyCode ?? m.cityCode ?? m.provinceCode);
	for (const d of facts.documents) add(d.regionCode);
	for (const m of facts.metrics) add(m.scopeCode);
	add(current, true);
	return [...provinces]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([code, places]) => ({ province: option(code), places: [...places].sort().map(option) }));
}

/**
 * The years a year control offers: the corpus's, and the ones the URL asks for even where
 * nothing falls in them, so the control shows what the view is filtered by.
 * @example yearOptions([2021, 2023], 2019, null) // [2019, 2021, 2023]
 */
export function yearOptions(available: readonly number[], ...asked: (number | null | undefined)[]): number[] {
	const years = new Set(available);
	for (const y of asked) if (y != null && Number.isInteger(y)) years.add(y);
	return [...years].sort((a, b) => a - b);
}

/**
 * The groups with `code` offered too (the region in the URL), without scanning the facts again:
 * filter changes re-run this, not availableRegions.
 * @example withRegion(availableRegions(facts, null), '371681')
 */
export function withRegion(groups: RegionGroup[], code: string | null): RegionGroup[] {
	if (!code || groups.some((g) => g.province.code === code || g.places.some((p) => p.code === code))) return groups;
	const p = code === NATIONAL_REGION.code ? NATIONAL_REGION : provinceOf(code) ? option(provinceOf(code)!.code) : null;
	if (!p) return groups;
	const place = code === p.code ? [] : [option(code)];
	const existing = groups.find((g) => g.province.code === p.code);
	if (existing) return groups.map((g) => (g === existing ? { ...g, places: [...g.places, ...place].sort((a, b) => (a.code < b.code ? -1 : 1)) } : g));
	return [...groups, { province: p, places: place }].sort((a, b) => (a.province.code < b.province.code ? -1 : 1));
}
