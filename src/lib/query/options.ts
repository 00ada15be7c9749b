// What the filter controls offer: only values the corpus actually has.
import { division, provinceOf } from '../geo/gazetteer.ts';
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

/**
 * The whole country when a document or figure is national, then provinces with any meeting venue,
 * document region or figure scope, in code order, plus `current` when it is a city or county
 * chosen elsewhere (a map click), so the control can show it.
 */
export function availableRegions(facts: Facts, current: string | null): RegionOption[] {
	const codes = new Set<string>();
	const add = (code: string | null | undefined) => {
		if (code === NATIONAL_REGION.code) return void codes.add(code);
		const p = code ? provinceOf(code) : undefined;
		if (p) codes.add(p.code);
	};
	for (const m of facts.meetings) add(m.provinceCode);
	for (const d of facts.documents) add(d.regionCode);
	for (const m of facts.metrics) if (m.scopeCode) add(m.scopeCode);
	if (current) codes.add(current);
	return [...codes]
		.sort()
		.map((code) => (code === NATIONAL_REGION.code ? NATIONAL_REGION : { code, name: division(code)?.name ?? code }));
}
