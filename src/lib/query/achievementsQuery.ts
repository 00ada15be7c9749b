// The achievements page's answer (engine.ts's achievements request), from the figure index and the
// page's order of the figures, both built once per corpus read. A filter change costs a mask over
// the index and the indicator summaries (a change of the years: from counts by year kept for the
// other filters, yearCube.ts), and work on the shown indicator's figures only: its rows come
// from a list of each indicator's figures already in the page's order, its conflicts from a list of
// each indicator's conflicts with their figures' rows, and its totals by year from a cache that a
// change of the years does not invalidate (each year's total adds that year's figures only, so the
// totals of a year range are those of every year, kept to the range: the data cube of year ×
// indicator × unit × the other filters, as Mosaic keeps one). The answer is, value for value, what
// the engine's former computation gave (engine.spec.ts compares it with the views' in-page one;
// achievementsQuery.spec.ts with the former engine's).
import type { CorpusDocument } from '../corpus/schema.ts';
import type { Filters } from '../state/filters.ts';
import { placeOf, yearTotalsByScope, NATIONAL, type Conflict, type Figure, type Total } from './achievements.ts';
import { totalOf } from './aggregate.ts';
import { documentsOf, matchMask, summarise, type FigureIndex } from './figureIndex.ts';
import type { AchievementsAnswer, AchievementsRequest, Titles, TotalValue } from './engine.ts';
import { YearCubes } from './yearCube.ts';

const valueOf = (t: Total): TotalValue => ({ value: t.value, unit: t.unit, qualifier: t.qualifier, conflicted: t.conflicted, added: [], figures: [] });
const values = <K>(m: Map<K, Total>) => new Map([...m].map(([k, t]) => [k, valueOf(t)] as [K, TotalValue]));

type YearTotals = { national: Map<number, TotalValue>; places: Map<number, TotalValue> };

/** Totals by year kept per indicator, unit and the other filters: the filter states a user goes between. */
const YEAR_TOTALS_KEPT = 32;

/**
 * Rows grouped by indicator, each group in the given order: indicator k's rows are
 * rows[start[k] … start[k + 1]) (a counting sort of `order` by indicator).
 */
export function rowsByIndicator(ix: FigureIndex, order: Int32Array): { rows: Int32Array; start: Int32Array } {
	const ni = ix.indicators.length;
	const start = new Int32Array(ni + 1);
	const n = order.length;
	for (let j = 0; j < n; j++) start[ix.indicator[order[j]!]! + 1]!++;
	for (let k = 0; k < ni; k++) start[k + 1] = start[k + 1]! + start[k]!;
	const next = start.slice(0, ni);
	const rows = new Int32Array(n);
	for (let j = 0; j < n; j++) {
		const i = order[j]!;
		rows[next[ix.indicator[i]!]!++] = i;
	}
	return { rows, start };
}

/**
 * The page's order of the index's rows: newest first (a figure without a year as of year 0), then
 * by place as Intl.Collator orders the codes (no place as ''), then the largest first; ties keep the
 * index's order. The collator ranks the distinct places once, and the rows are sorted by numbers
 * (the former sort compared two places' codes with the collator at every step).
 */
export function displayOrder(ix: FigureIndex): Int32Array {
	const n = ix.figures.length;
	const byText = new Intl.Collator().compare;
	// rank of each distinct place (code -1: none, ranked as ''); places the collator finds equal share a rank
	const names = ['', ...ix.regions];
	const order = names.map((_, i) => i).sort((a, b) => byText(names[a]!, names[b]!));
	const rankOf = new Int32Array(names.length);
	order.forEach((c, i) => (rankOf[c] = i > 0 && byText(names[order[i - 1]!]!, names[c]!) === 0 ? rankOf[order[i - 1]!]! : i));
	const year = new Float64Array(n);
	const rank = new Int32Array(n);
	const value = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const y = ix.year[i]!;
		year[i] = Number.isNaN(y) ? 0 : y;
		rank[i] = rankOf[ix.region[i]! + 1]!;
		value[i] = ix.figures[i]!.value;
	}
	// Array.prototype.sort is stable: ties stay in the index's order, as the figures' own sort left them.
	const rows = Array.from({ length: n }, (_, i) => i).sort((a, b) => year[b]! - year[a]! || rank[a]! - rank[b]! || value[b]! - value[a]!);
	return Int32Array.from(rows);
}

/** A conflict as the page's answer finds it: its indicator and its figures' rows in the index (-1: not a figure of it). */
export interface ConflictRows {
	indicator: string;
	rows: readonly number[];
}

/**
 * An answer without the objects its table shows: which rows (the index's) and which conflicts (their
 * numbers in the analysis's list) it shows, for whoever holds those objects (the engine's figures, or
 * a stored snapshot's blocks, snapshot.ts) to put them in.
 */
export interface AchievementsPlan {
	answer: Omit<AchievementsAnswer, 'rows' | 'conflicts' | 'titles'>;
	/** the rows shown, in order */
	rows: number[];
	/** the conflicts shown, in order: their numbers in the analysis's list */
	conflicts: number[];
}

/** The rows of each conflict's figures in the index (-1: not a figure of it), found in one pass over the index. */
export function conflictRows(ix: FigureIndex, conflicts: readonly Conflict[]): number[][] {
	const rowOf = new Map<Figure, number>();
	for (const c of conflicts) for (const f of c.figures) rowOf.set(f, -1);
	ix.figures.forEach((f, i) => rowOf.has(f) && rowOf.set(f, i));
	return conflicts.map((c) => c.figures.map((f) => rowOf.get(f)!));
}

export class AchievementsQuery {
	readonly #ix: FigureIndex;
	/** the page's order (newest first, by place, largest first), grouped by indicator */
	readonly #ordered: { rows: Int32Array; start: Int32Array };
	/** each indicator's conflicts in the analysis's order: their numbers in its list and their figures' rows (-1: none) */
	readonly #conflicts = new Map<string, { id: number; rows: readonly number[] }[]>();
	/** the analysis's conflicts (empty for a snapshot's query, built from the conflicts' rows and a figure function: snapshot.ts) */
	readonly #conflictList: readonly Conflict[];
	/** figure i as the totals read it (value, unit, qualifier, kind, measure, part, whole, region, year) */
	readonly #figure: (i: number) => Figure;
	readonly #yearTotals = new Map<string, YearTotals>();
	/** each row's place in the chart by place (-1: none) and the places, for the country's provinces (0) and a province's cities (1) */
	readonly #places: ({ ids: Int32Array; codes: string[] } | null)[] = [null, null];
	/** the matching figures and their summaries for any years from counts by year (a change of the years walks no figure's sources) */
	readonly #cubes: YearCubes;

	/**
	 * @param display the index's rows in the page's order (displayOrder)
	 * @param conflicts the analysis's conflicts
	 */
	constructor(ix: FigureIndex, display: Int32Array, conflicts: readonly Conflict[]);
	constructor(ix: FigureIndex, display: { rows: Int32Array; start: Int32Array }, conflicts: readonly ConflictRows[], figure: (i: number) => Figure);
	constructor(ix: FigureIndex, display: Int32Array | { rows: Int32Array; start: Int32Array }, conflicts: readonly (Conflict | ConflictRows)[], figure?: (i: number) => Figure) {
		this.#ix = ix;
		this.#cubes = new YearCubes(ix);
		this.#ordered = display instanceof Int32Array ? rowsByIndicator(ix, display) : display;
		this.#figure = figure ?? ((i) => ix.figures[i]!);
		let rows: (readonly number[])[];
		if (figure) {
			this.#conflictList = [];
			rows = (conflicts as ConflictRows[]).map((c) => c.rows);
		} else {
			this.#conflictList = conflicts as Conflict[];
			rows = conflictRows(ix, conflicts as Conflict[]);
		}
		conflicts.forEach((c, id) => {
			let list = this.#conflicts.get(c.indicator);
			if (!list) this.#conflicts.set(c.indicator, (list = []));
			list.push({ id, rows: rows[id]! });
		});
	}

	/** The index's rows grouped by indicator, each group in the page's order (what a snapshot stores). */
	get ordered(): { rows: Int32Array; start: Int32Array } {
		return this.#ordered;
	}

	answer(r: AchievementsRequest, docs: ReadonlyMap<string, CorpusDocument>, titlesOf: (ids: Iterable<string>) => Titles): AchievementsAnswer {
		const plan = this.plan(r, docs);
		const ix = this.#ix;
		const shownRows = plan.rows.map((i) => ix.figures[i]!);
		const shownConflicts = plan.conflicts.map((id) => this.#conflictList[id]!);
		const linked = [...shownRows, ...shownConflicts.flatMap((c) => c.figures)].flatMap((f) => f.sources.map((s) => s.docId));
		return { ...plan.answer, rows: shownRows, conflicts: shownConflicts, titles: titlesOf(linked) };
	}

	/** The answer but for the objects it shows: the rows and conflicts to show, by number (AchievementsPlan). */
	plan(r: AchievementsRequest, docs: ReadonlyMap<string, CorpusDocument>): AchievementsPlan {
		const ix = this.#ix;
		const matched = this.#cubes.match(r.filters, docs);
		const mask = matched?.mask ?? matchMask(ix, r.filters, docs);
		const { summaries: indicators, documents: figureDocs } = matched ?? summarise(ix, mask);
		const indicator = indicators.some((s) => s.indicator === r.indicator) ? r.indicator : ((indicators.find((s) => s.headline) ?? indicators[0])?.indicator ?? null);
		const summary = indicators.find((s) => s.indicator === indicator) ?? null;
		const unit = summary ? (r.unit && summary.units.includes(r.unit) ? r.unit : summary.unit) : null;
		const k = indicator == null ? -1 : ix.indicators.indexOf(indicator);
		const u = unit == null ? -1 : ix.units.indexOf(unit);
		// The indicator's matching figures in the page's order, and those in the unit shown (the charts add them).
		const rows: number[] = [];
		const focusedRows: number[] = [];
		if (k >= 0) {
			const { rows: ordered, start } = this.#ordered;
			for (let j = start[k]!; j < start[k + 1]!; j++) {
				const i = ordered[j]!;
				if (!mask[i]) continue;
				rows.push(i);
				if (ix.unit[i] === u) focusedRows.push(i);
			}
		}
		const focused = focusedRows.map(this.#figure);
		const byCity = r.filters.region != null && r.filters.region !== NATIONAL && r.filters.region.endsWith('0000');
		// A conflict shows when one of its figures matches (matchFigures).
		const conflicts = (indicator == null ? [] : (this.#conflicts.get(indicator) ?? [])).filter((c) => c.rows.some((i) => i >= 0 && mask[i] === 1)).map((c) => c.id);
		return {
			answer: {
				indicators,
				indicator,
				unit,
				figures: indicators.reduce((n, s) => n + s.figures, 0),
				figureDocs,
				focused: focused.length,
				focusedDocs: documentsOf(ix, focusedRows),
				// totalOf(focused) has a value: figures of one unit, some of them levels that are not parts
				summable: focused.some((f) => f.kind === 'level' && !f.part),
				indicatorCounts: indicators.map((s) => [s.indicator, s.figures]),
				byYear: k < 0 || u < 0 ? { national: new Map(), places: new Map() } : this.#byYear(r.filters, k, u, focused, docs),
				byRegion: this.#byPlace(focusedRows, byCity),
				rowCount: rows.length,
				conflictCount: conflicts.length
			},
			rows: rows.slice(0, r.rows),
			conflicts: conflicts.slice(0, r.conflicts)
		};
	}

	/** Each row's place in the chart by place (placeOf), as a number into `codes` (-1: none). */
	#placesOf(byCity: boolean): { ids: Int32Array; codes: string[] } {
		const mode = byCity ? 1 : 0;
		const known = this.#places[mode];
		if (known) return known;
		const ix = this.#ix;
		// placeOf depends on the region only: each distinct region is placed once
		const codes: string[] = [];
		const idOf = new Map<string, number>();
		const ofRegion = Int32Array.from(ix.regions, (region) => {
			const code = placeOf({ region } as Figure, byCity);
			if (code == null) return -1;
			let id = idOf.get(code);
			if (id === undefined) idOf.set(code, (id = codes.push(code) - 1));
			return id;
		});
		const ids = Int32Array.from(ix.region, (r) => (r < 0 ? -1 : ofRegion[r]!));
		return (this.#places[mode] = { ids, codes });
	}

	/**
	 * values(totalsBy(figures of these rows, placeOf)): each place's total by aggregate.ts's totalOf,
	 * the rows grouped by their place's number. The places in the order the rows first name them.
	 */
	#byPlace(rows: readonly number[], byCity: boolean): Map<string, TotalValue> {
		const ix = this.#ix;
		const { ids, codes } = this.#placesOf(byCity);
		const groups = new Map<number, Figure[]>();
		for (const i of rows) {
			const p = ids[i]!;
			if (p < 0) continue;
			const list = groups.get(p);
			if (list) list.push(this.#figure(i));
			else groups.set(p, [this.#figure(i)]);
		}
		const out = new Map<string, TotalValue>();
		for (const [p, figures] of groups) out.set(codes[p]!, valueOf(totalOf(figures)));
		return out;
	}

	/**
	 * yearTotalsByScope of the focused figures: the totals of every year for the other filters
	 * (computed once, from `focused` itself when no year is filtered), kept to the years filtered.
	 */
	#byYear(f: Filters, k: number, u: number, focused: Figure[], docs: ReadonlyMap<string, CorpusDocument>): YearTotals {
		const ranged = f.from != null || f.to != null;
		const key = JSON.stringify([k, u, f.region, f.category, f.kind]);
		let all = this.#yearTotals.get(key);
		if (!all) {
			let every = focused;
			if (ranged) {
				const ix = this.#ix;
				const mask = matchMask(ix, { ...f, from: null, to: null }, docs);
				const { rows: ordered, start } = this.#ordered;
				every = [];
				for (let j = start[k]!; j < start[k + 1]!; j++) {
					const i = ordered[j]!;
					if (mask[i] && ix.unit[i] === u) every.push(this.#figure(i));
				}
			}
			const scoped = yearTotalsByScope(every);
			all = { national: values(scoped.national), places: values(scoped.places) };
			if (this.#yearTotals.size >= YEAR_TOTALS_KEPT) this.#yearTotals.delete(this.#yearTotals.keys().next().value!);
			this.#yearTotals.set(key, all);
		}
		if (!ranged) return { national: new Map(all.national), places: new Map(all.places) };
		const from = f.from ?? -Infinity;
		const to = f.to ?? Infinity;
		const within = (m: Map<number, TotalValue>) => new Map([...m].filter(([y]) => y >= from && y <= to));
		return { national: within(all.national), places: within(all.places) };
	}
}
