// What the achievement views show, built on the aggregation rules of aggregate.ts: the figures
// that match the filters, the indicators they count, an indicator's totals by year and by place,
// and the overview's headlines.
import type { CorpusDocument } from '../corpus/schema.ts';
import type { MetricCategory, Qualifier } from '../extract/types.ts';
import { cityOf, provinceOf } from '../geo/gazetteer.ts';
import { isHeadlineIndicator, isKnownIndicator } from '../indicators/indicators.ts';
import type { Filters } from '../state/filters.ts';
import { addable, NATIONAL, totalOf, totalsBy, type Conflict, type Figure, type FigureKind, type Total } from './aggregate.ts';
import { inRegion, inYears } from './facts.ts';

export { addable, analyseFigures, findConflicts, NATIONAL, subjectOf, totalOf, totalsBy, totalQualifier, yearTotalsByScope, type Conflict, type Figure, type FigureKind, type Total } from './aggregate.ts';

/**
 * The figures and conflicts that match the filters, from an analysis of the whole corpus: a
 * filter change then costs one pass over the figures. A figure matches on its year, category and
 * place (its scope, else its document's region), and on the kind of a document reporting it.
 * @example matchFigures(analyseFigures(all.metrics, docs), filters, docs).figures
 */
export function matchFigures(
	all: { figures: Figure[]; conflicts: Conflict[] },
	f: Filters,
	docs: Map<string, CorpusDocument>
): { figures: Figure[]; conflicts: Conflict[] } {
	// A region is tested once per distinct code, not once per figure.
	const inside = new Map<string | null, boolean>();
	const regionOk = (code: string | null) => {
		let ok = inside.get(code);
		if (ok === undefined) inside.set(code, (ok = inRegion(code, f.region!)));
		return ok;
	};
	const matches = (fig: Figure) =>
		inYears(fig.year, f) &&
		(!f.category || fig.category === f.category) &&
		(!f.region || regionOk(fig.region)) &&
		(!f.kind || fig.sources.some((s) => docs.get(s.docId)?.kind === f.kind));
	const figures = all.figures.filter(matches);
	const kept = new Set(figures);
	return { figures, conflicts: all.conflicts.filter((c) => c.figures.some((x) => kept.has(x))) };
}

/** One indicator the figures count, in its most used unit. */
export interface IndicatorSummary {
	indicator: string;
	/** the unit most of its figures use */
	unit: string;
	/** every unit it is reported in, most used first */
	units: string[];
	/** figures of it */
	figures: number;
	/** documents reporting it */
	documents: number;
	/** a vocabulary indicator, not a subject of its own */
	known: boolean;
	/** an achievement a headline may quote (not attendees, not floor area) */
	headline: boolean;
}

/** Units from their counts, most used first (ties: alphabetical): unitsOf's order, and the figure index's. */
export const unitsByUse = (counts: (readonly [string, number])[]): string[] => counts.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([u]) => u);

/** The units of a list of figures, most used first (ties: alphabetical). */
export function unitsOf(figures: Figure[]): string[] {
	const count = new Map<string, number>();
	for (const f of figures) count.set(f.unit, (count.get(f.unit) ?? 0) + 1);
	return unitsByUse([...count]);
}

/** indicatorsOf's order: most documents, vocabulary indicators at equal use, most figures, then by name. */
export const summaryOrder = (a: IndicatorSummary, b: IndicatorSummary): number =>
	b.documents - a.documents || Number(b.known) - Number(a.known) || b.figures - a.figures || a.indicator.localeCompare(b.indicator);

/**
 * The indicators of a list of figures, the ones most documents report first; vocabulary
 * indicators before subjects of their own at equal use.
 * @example indicatorsOf(figures)[0] // { indicator: 'schools', unit: '所', documents: 5, … }
 */
export function indicatorsOf(figures: Figure[]): IndicatorSummary[] {
	const groups = Map.groupBy(figures, (f) => f.indicator);
	const out: IndicatorSummary[] = [];
	for (const [indicator, list] of groups) {
		const units = unitsOf(list);
		const docs = new Set(list.flatMap((f) => f.sources.map((s) => s.docId)));
		out.push({ indicator, unit: units[0]!, units, figures: list.length, documents: docs.size, known: isKnownIndicator(indicator), headline: isHeadlineIndicator(indicator) });
	}
	return out.sort(summaryOrder);
}

/**
 * The place a figure is shown under in a chart by place: the country for a national figure,
 * else its province, or its city when the view is drilled into a province.
 * @example placeOf(figure, false) // '110000' for a figure of 朝阳区
 */
export function placeOf(f: Figure, byCity: boolean): string | null {
	if (!f.region) return null;
	if (f.region === NATIONAL) return NATIONAL;
	return (byCity ? cityOf(f.region) : provinceOf(f.region))?.code ?? null;
}

/** An overview headline: one indicator's value a leader can quote, with its year and sources. */
export interface Headline {
	indicator: string;
	value: number;
	unit: string;
	qualifier: Qualifier;
	/** the year of the value (null: the sources give none) */
	year: number | null;
	kind: FigureKind;
	/** the places the value adds (one for a single figure) */
	places: (string | null)[];
	/** the documents the value comes from, first one first */
	docIds: string[];
	/** figures of this indicator in all */
	figures: number;
}

/**
 * The headline of one indicator: its total for the latest year that has one, in its most used
 * unit — a single figure when one place reports it, a sum of places when several do (never a sum
 * of years). Rates, running totals and changes stand as the latest single figure, or not at all
 * when several places report one that year.
 */
export function headlineOf(indicator: string, figures: Figure[]): Headline | null {
	const unit = unitsOf(figures.filter((f) => !f.part))[0];
	if (!unit) return null;
	const inUnit = figures.filter((f) => f.unit === unit && !f.part && !f.superseded);
	const levels = inUnit.filter((f) => f.kind === 'level');
	const pool = levels.length ? levels : inUnit.filter((f) => f.kind === 'rate' || f.kind === 'cumulative');
	if (pool.length === 0) return null;
	const year = pool.reduce<number | null>((y, f) => (f.year != null && (y == null || f.year > y) ? f.year : y), null);
	const ofYear = pool.filter((f) => f.year === year);
	const docIdsOf = (list: Figure[]) => [...new Set(list.flatMap((f) => f.sources.map((s) => s.docId)))];
	const base = { indicator, unit, year, figures: figures.length };
	if (levels.length) {
		const total = totalOf(ofYear);
		if (total.value == null) return null;
		return { ...base, value: total.value, qualifier: total.qualifier, kind: 'level', places: total.added.map((f) => f.region), docIds: docIdsOf(total.added) };
	}
	const places = new Set(ofYear.map((f) => f.region));
	if (places.size !== 1) return null;
	const f = ofYear.sort((a, b) => b.value - a.value)[0]!;
	return { ...base, value: f.value, qualifier: f.qualifier, kind: f.kind, places: [f.region], docIds: docIdsOf([f]) };
}

/**
 * The overview's headlines: the achievement indicators of the vocabulary most documents report
 * (not attendees or floor area), each with a quotable value (see headlineOf), at most `limit`.
 * @example headlines(matchFigures(analysed, filters, docs).figures, 6)
 */
export function headlines(figures: Figure[], limit: number): Headline[] {
	const byIndicator = Map.groupBy(figures, (f) => f.indicator);
	const out: Headline[] = [];
	for (const s of indicatorsOf(figures)) {
		if (!s.headline) continue;
		const h = headlineOf(s.indicator, byIndicator.get(s.indicator)!);
		if (h) out.push(h);
		if (out.length >= limit) break;
	}
	return out;
}

/** A category's headline (the big screen): the total of the indicator most of its documents report. */
export interface CategoryTotal {
	category: MetricCategory;
	indicator: string;
	unit: string;
	total: number;
	/** the largest running total of that indicator and unit, shown beside, never added */
	cumulative: number | null;
	/** whether the total is approximate (近, 约, 余 …) */
	approximate: boolean;
	qualifier: Qualifier;
	figures: number;
}

/**
 * One headline per category: the total of its most reported indicator in its most used unit
 * (different indicators are never added together).
 * @example categoryTotals(figures)[0] // { category: 'institution', indicator: 'schools', unit: '所', total: 113, … }
 */
export function categoryTotals(figures: Figure[]): CategoryTotal[] {
	const out: CategoryTotal[] = [];
	for (const [category, list] of Map.groupBy(figures, (f) => f.category)) {
		const top = indicatorsOf(list.filter((f) => addable(f)))[0];
		if (!top) continue;
		const inUnit = list.filter((f) => f.indicator === top.indicator && f.unit === top.unit);
		const total = totalOf(inUnit);
		if (total.value == null) continue;
		const cumulative = inUnit.filter((f) => f.kind === 'cumulative').reduce<number | null>((a, f) => Math.max(a ?? 0, f.value), null);
		out.push({
			category,
			indicator: top.indicator,
			unit: top.unit,
			total: total.value,
			cumulative,
			approximate: total.qualifier !== 'exact',
			qualifier: total.qualifier,
			figures: list.length
		});
	}
	return out.sort((a, b) => b.figures - a.figures || a.category.localeCompare(b.category));
}

/** Figures of one indicator and unit, the ones a chart by year or place adds. */
export function indicatorFigures(figures: Figure[], indicator: string, unit: string): Figure[] {
	return figures.filter((f) => f.indicator === indicator && f.unit === unit);
}

/** An indicator's totals by area of a map, and what the map cannot place. */
export interface AreaTotals {
	/** the unit added: the indicator's most used unit among its levels */
	unit: string | null;
	totals: Map<string, Total>;
	/** the total of national figures: the country is no area of the map */
	national: Total | null;
	/** figures neither in an area nor national, or in another unit */
	leftOut: number;
}

/**
 * One indicator's totals by map area (`areaOf` places a figure's region on the map, or null),
 * following the rules of aggregate.ts; national figures are totalled apart, never painted on a province.
 * @example areaTotals(figures, 'schools', (code) => provinceOf(code)?.code ?? null).totals.get('110000')?.value
 */
export function areaTotals(figures: Figure[], indicator: string, areaOf: (region: string | null) => string | null): AreaTotals {
	const own = figures.filter((f) => f.indicator === indicator);
	const unit = unitsOf(own.filter((f) => f.kind === 'level' && !f.part))[0] ?? null;
	const inUnit = own.filter((f) => f.unit === unit);
	const national = inUnit.filter((f) => f.region === NATIONAL);
	const placed = inUnit.filter((f) => f.region !== NATIONAL && areaOf(f.region) != null);
	const totals = new Map([...totalsBy(placed, (f) => areaOf(f.region))].filter(([, t]) => t.value != null));
	return { unit, totals, national: national.length && totalOf(national).value != null ? totalOf(national) : null, leftOut: own.length - national.length - placed.length };
}

/**
 * The indicators a map can be coloured by: those with levels to add, the most reported first,
 * vocabulary ones or any reported by two documents or more, at most `limit`.
 */
export function mapIndicators(figures: Figure[], limit = 40): string[] {
	const levels = figures.filter((f) => f.kind === 'level' && !f.part);
	return indicatorsOf(levels)
		.filter((s) => s.known || s.documents >= 2)
		.slice(0, limit)
		.map((s) => s.indicator);
}
