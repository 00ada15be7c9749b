// The rules for adding reported figures, in one place. Every view that shows a total gets it here.
//
// - A figure is what one or more documents report: the same indicator, subject, unit, kind, value,
//   year and place counts once, whichever documents report it.
// - Figures add up only when they share indicator, unit and kind (level, change, cumulative, rate)
//   and describe different places or different years; a stock (schools, teachers) of one place is
//   not added over years: its latest year stands.
// - A part (其中…) is never added to anything; a change (增加4所) never to levels; rates and running
//   totals (累计) are never added.
// - Figures of one place and year that differ stand side by side (a conflict): a total counts
//   the largest, and the view lists them. A place that reports its whole count (职业院校) counts by
//   it, not by the kinds of it it names (示范校, 双高校).
// - A place inside another place of the same sum (a city in its province, a province in the
//   country) is covered by it: only the larger one counts.
// - A total of hedged figures keeps the hedge: 余 + 余 is 余, 近 + 近 is 近, 近 + 余 is 约.
import type { CorpusDocument, Metric } from '../corpus/schema.ts';
import type { MetricCategory, Qualifier } from '../extract/types.ts';
import { isWholeTerm, measureOf } from '../indicators/indicators.ts';
import type { Measure } from '../indicators/vocabulary.ts';
import { metricYear, yearOf } from './facts.ts';

/** The code of the whole country: a region of its own, never a province. */
export const NATIONAL = '100000';

/** How a figure may be added: levels add up over places and years, the others are shown as they are. */
export type FigureKind = 'level' | 'change' | 'cumulative' | 'rate';

/** One figure as reported, with every document that reports it. */
export interface Figure {
	key: string;
	value: number;
	unit: string;
	qualifier: Qualifier;
	category: MetricCategory;
	year: number | null;
	/** what it counts in the vocabulary (or its own subject) */
	indicator: string;
	/** what it counts as the text names it */
	subject: string;
	kind: FigureKind;
	/** stock, flow or rate: whether years of one place add up */
	measure: Measure;
	change: 'increase' | 'decrease' | null;
	/** a component of another figure of its document: never added */
	part: boolean;
	cumulative: boolean;
	/** the place the figure describes: its scope, else its document's region */
	region: string | null;
	/** its subject names the indicator as a whole (职业院校), not a kind of it (国家级示范校) */
	whole: boolean;
	/** the reports of this figure, first one first */
	sources: Metric[];
	/** a larger value is reported for the same place, year and thing (a conflict): shown, never added */
	superseded: boolean;
}

/** Figures of one thing, place and year that differ: shown side by side. */
export interface Conflict {
	key: string;
	indicator: string;
	subject: string;
	unit: string;
	year: number | null;
	region: string | null;
	figures: Figure[];
}

const NUMERAL = /[\d０-９〇零一二两三四五六七八九十百千万亿.]/;
const HEDGES = /(累计|共计|总计|合计|共有|共|约|近|超过|超|逾|达到|达|突破|将近|接近|不少于|至少|多达|高达|已|有|为|了|的)+$/;
const RUNNING = /^(累计|共计|总计|合计|截至目前|目前|共)+/;

/**
 * The counted thing of a figure whose extraction gave no subject: up to six characters before its
 * number, without hedge words.
 * @example subjectOf('累计培训教师1.2万人次') // '培训教师'
 */
export function subjectOf(text: string): string {
	// the first numeral (NUMERAL is one character): one search, not a test per character
	const at = text.search(NUMERAL);
	const i = at < 0 ? text.length : at;
	const before = text.slice(0, i).replace(/[，,。；;：:、\s“”"《》()（）]+$/, '');
	const words = before.split(/[，,。；;：:、\s]/).pop() ?? '';
	return words.replace(HEDGES, '').replace(RUNNING, '').slice(-6);
}

/**
 * A figure's kind: a rate by its unit or indicator, else a change, else a running total, else a level.
 * @example kindOf({ unit: '所', change: 'decrease', … }) // 'change'
 */
export function kindOf(m: Pick<Metric, 'indicator' | 'unit' | 'change' | 'cumulative'>): FigureKind {
	if (measureOf(m.indicator, m.unit) === 'rate') return 'rate';
	if (m.change) return 'change';
	if (m.cumulative) return 'cumulative';
	return 'level';
}

/** The place a metric describes: its scope, else its document's region. */
export function scopeOf(m: Metric, docs: Map<string, CorpusDocument>): string | null {
	return m.scopeCode ?? docs.get(m.docId)?.regionCode ?? null;
}

/**
 * Whether place `outer` contains place `inner` (or is it): the country contains everything, a
 * province its cities and counties, a city its counties.
 * @example contains('100000', '110105') // true
 */
export function contains(outer: string, inner: string): boolean {
	if (outer === inner || outer === NATIONAL) return true;
	if (inner === NATIONAL) return false;
	if (outer.endsWith('0000')) return inner.startsWith(outer.slice(0, 2));
	if (outer.endsWith('00')) return inner.startsWith(outer.slice(0, 4));
	return false;
}

/** Subjects of metrics already read (by analyseFiguresReference): facts stay the same objects across filter changes. */
const subjects = new WeakMap<Metric, string>();

/**
 * Groups metrics into figures — the same indicator, subject, unit, kind, value, year and place is
 * one figure whichever documents report it — and finds their conflicts; in a conflict all but the
 * largest value are marked superseded.
 * @example const { figures, conflicts } = analyseFigures(metrics, docById)
 */
export function analyseFigures(metrics: Metric[], docs: Map<string, CorpusDocument>): { figures: Figure[]; conflicts: Conflict[] } {
	return runSteps(analysisSteps(metrics, docs, Infinity));
}

/**
 * analyseFigures in slices of about `slice` records, handing the thread back between them
 * (`pause`): the same figures and conflicts, without one long task on a large corpus.
 * @example await analyseFiguresInSlices(metrics, docById, 5000, () => new Promise((r) => setTimeout(r)))
 */
export async function analyseFiguresInSlices(
	metrics: Metric[],
	docs: Map<string, CorpusDocument>,
	slice: number,
	pause: () => Promise<unknown>
): Promise<{ figures: Figure[]; conflicts: Conflict[] }> {
	const steps = analysisSteps(metrics, docs, slice);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		await pause();
	}
}

/** Runs steps to their end without pausing. */
function runSteps<T>(steps: Generator<void, T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * analyseFigures, pausing (yield) after every `slice` records of each pass. The figures' grouping
 * and the conflicts' grouping compare numbers, not joined strings: each string field is a small
 * integer of a dictionary, and a hash table of the rows' codes finds a row's group (a 100k-document
 * corpus, 350,000 metrics: the joined keys and their Map took ~2 s). Two rows share a group exactly
 * when their joined keys (analyseFiguresReference) are equal; where the codes could say otherwise
 * (a '|' inside a field, a value or year that is not a number) the reference runs instead.
 */
function* analysisSteps(metrics: Metric[], docs: Map<string, CorpusDocument>, slice: number): Generator<void, { figures: Figure[]; conflicts: Conflict[] }> {
	const grouped = yield* groupSteps(metrics, docs, slice);
	if (!grouped) return analyseFiguresReference(metrics, docs);
	const conflicts = yield* conflictGroups(grouped, slice);
	for (const c of conflicts) for (const f of c.figures.slice(0, -1)) f.superseded = true;
	return { figures: grouped.figures, conflicts };
}

/** Strings to small integers in order of first appearance; null and undefined are '' (as Array.join writes them). */
class Codes {
	readonly values: string[] = [];
	readonly #index = new Map<string, number>();
	/** set when a value holds the joined keys' separator: codes could then group what the keys do not */
	separator = false;
	code(value: string | null | undefined): number {
		const v = value ?? '';
		let c = this.#index.get(v);
		if (c === undefined) {
			c = this.values.length;
			this.values.push(v);
			this.#index.set(v, c);
			if (typeof v !== 'string' || v.includes('|')) this.separator = true;
		}
		return c;
	}
}

/** An open-addressing hash table of row numbers: rows are equal by `same`, hashed by the caller. */
class RowTable {
	#slots: Int32Array;
	#mask: number;
	constructor(expected: number) {
		let size = 16;
		while (size < expected * 2) size *= 2;
		this.#slots = new Int32Array(size).fill(-1);
		this.#mask = size - 1;
	}
	/** The first row equal to `row` (by `same`), else -1 after recording `row` as the first of its group. */
	find(hash: number, row: number, same: (a: number, b: number) => boolean): number {
		const slots = this.#slots;
		const mask = this.#mask;
		for (let i = hash & mask; ; i = (i + 1) & mask) {
			const r = slots[i]!;
			if (r < 0) {
				slots[i] = row;
				return -1;
			}
			if (same(r, row)) return r;
		}
	}
}

const FLOAT = new Float64Array(1);
const WORDS = new Int32Array(FLOAT.buffer);
/** A 32-bit mix of an integer into a hash (murmur3's finaliser steps). */
function mix(h: number, k: number): number {
	k = Math.imul(k, 0xcc9e2d51);
	k = (k << 15) | (k >>> 17);
	h ^= Math.imul(k, 0x1b873593);
	h = (h << 13) | (h >>> 19);
	return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
/** A number's hash: its bits, with 0 and -0 one number (String(-0) is '0') and every NaN one. */
function mixNumber(h: number, x: number): number {
	FLOAT[0] = x === 0 ? 0 : x !== x ? Number.NaN : x;
	return mix(mix(h, WORDS[0]!), WORDS[1]!);
}
/** Two numbers as the joined keys compare them: equal, or both NaN. */
const sameNumber = (a: number, b: number) => a === b || (a !== a && b !== b);

/** What a metric's figure reads beyond the metric itself (its year and place may come from its document). */
type FigureOf = Pick<Figure, 'year' | 'subject' | 'kind' | 'measure' | 'region' | 'whole'>;

/** A figure's key: the same indicator, subject, unit, kind, change, part, value, year and place is one figure. */
const figureKey = (m: Metric, f: Pick<Figure, 'year' | 'subject' | 'kind' | 'region'>): string =>
	[m.indicator, f.subject, m.unit, f.kind, m.change ?? '', m.part ? 'p' : '', m.value, f.year ?? '', f.region ?? ''].join('|');

/** The figure a metric starts (its key from figureKey), as its first report. */
function newFigure(m: Metric, key: string, f: FigureOf): Figure {
	return {
		key,
		value: m.value,
		unit: m.unit,
		qualifier: m.qualifier,
		category: m.category,
		year: f.year,
		indicator: m.indicator,
		subject: f.subject,
		kind: f.kind,
		measure: f.measure,
		change: m.change,
		part: m.part,
		cumulative: m.cumulative,
		region: f.region,
		whole: f.whole,
		sources: [m],
		superseded: false
	};
}

/** A conflict's key: its figures' indicator, subject, unit, kind, change, year and place. */
const conflictKey = (f: Figure): string => [f.indicator, f.subject, f.unit, f.kind, f.change ?? '', f.year ?? '', f.region ?? ''].join('|');

const KINDS: FigureKind[] = ['level', 'change', 'cumulative', 'rate'];
const CHANGES = ['', 'increase', 'decrease'];

/** The figures of a list of metrics, with the codes the conflicts are grouped by. */
interface Grouped {
	figures: Figure[];
	/** per figure: indicator, subject, unit, region codes; flags (kind, change, whether the year is null); year */
	indicator: Int32Array;
	subject: Int32Array;
	unit: Int32Array;
	region: Int32Array;
	flags: Int32Array;
	year: Float64Array;
	/** per subject code: the subject's length (shorter than two characters: never in conflict) */
	subjectLength: Int32Array;
}

/** figureGrouping over codes: the metrics' figures in order of their first report. */
function* groupSteps(metrics: Metric[], docs: Map<string, CorpusDocument>, slice: number): Generator<void, Grouped | null> {
	const n = metrics.length;
	const indicators = new Codes();
	const subjectCodes = new Codes();
	const units = new Codes();
	const regions = new Codes();
	// per metric
	const mIndicator = new Int32Array(n);
	const mSubject = new Int32Array(n);
	const mUnit = new Int32Array(n);
	const mRegion = new Int32Array(n);
	const mFlags = new Int32Array(n);
	const mValue = new Float64Array(n);
	const mYear = new Float64Array(n);
	// per figure (grown as figures come)
	let cap = 1024;
	let fIndicator = new Int32Array(cap);
	let fSubject = new Int32Array(cap);
	let fUnit = new Int32Array(cap);
	let fRegion = new Int32Array(cap);
	let fFlags = new Int32Array(cap);
	let fYear = new Float64Array(cap);
	/** the figure of a metric that starts one */
	const figureOfRow = new Int32Array(n).fill(-1);
	const figures: Figure[] = [];
	// measureOf by indicator and unit, isWholeTerm by indicator and subject: once per pair
	const measures: Map<number, Measure>[] = [];
	const wholes: Map<number, boolean>[] = [];
	/** figures with many sources: their documents as a set (a short list is searched) */
	const manySources = new Map<Figure, Set<string>>();
	const table = new RowTable(n);
	const same = (a: number, b: number) =>
		mIndicator[a] === mIndicator[b] &&
		mSubject[a] === mSubject[b] &&
		mUnit[a] === mUnit[b] &&
		mFlags[a] === mFlags[b] &&
		mRegion[a] === mRegion[b] &&
		sameNumber(mValue[a]!, mValue[b]!) &&
		sameNumber(mYear[a]!, mYear[b]!);
	for (let i = 0; i < n; i++) {
		const m = metrics[i]!;
		const doc = m.year == null || m.scopeCode == null ? docs.get(m.docId) : undefined;
		const year = m.year ?? yearOf(doc?.publishedAt);
		const region = m.scopeCode ?? doc?.regionCode ?? null;
		// not kept per metric (a WeakMap of 350,000 metrics cost more than subjectOf's one search): each read has new records anyway
		const subject = m.subject ?? subjectOf(m.text);
		if (typeof m.value !== 'number' || (year != null && typeof year !== 'number')) return null;
		const ind = indicators.code(m.indicator);
		const unit = units.code(m.unit);
		let byUnit = measures[ind];
		if (!byUnit) measures[ind] = byUnit = new Map();
		let measure = byUnit.get(unit);
		if (measure === undefined) byUnit.set(unit, (measure = measureOf(m.indicator, m.unit)));
		// kindOf: a rate by its unit or indicator, else a change, else a running total, else a level
		const kind = measure === 'rate' ? 3 : m.change ? 1 : m.cumulative ? 2 : 0;
		const change = m.change == null ? 0 : m.change === 'increase' ? 1 : m.change === 'decrease' ? 2 : -1;
		if (change < 0) return null;
		const flags = kind | (change << 2) | (m.part ? 16 : 0) | (year == null ? 32 : 0);
		mIndicator[i] = ind;
		mSubject[i] = subjectCodes.code(subject);
		mUnit[i] = unit;
		mRegion[i] = regions.code(region);
		mFlags[i] = flags;
		mValue[i] = m.value;
		mYear[i] = year ?? 0;
		let h = mix(mix(mix(mix(mix(0x9747b28c, ind), mSubject[i]!), unit), flags), mRegion[i]!);
		h = mixNumber(mixNumber(h, m.value), mYear[i]!);
		const first = table.find(h, i, same);
		if (first >= 0) {
			const found = figures[figureOfRow[first]!]!;
			const sources = found.sources;
			const many = manySources.get(found);
			if (many ? !many.has(m.docId) : !sources.some((s) => s.docId === m.docId)) {
				sources.push(m);
				if (many) many.add(m.docId);
				else if (sources.length > 8) manySources.set(found, new Set(sources.map((s) => s.docId)));
			}
			// a figure is a part only when every report says so
			if (!m.part) found.part = false;
		} else {
			const f = figures.length;
			figureOfRow[i] = f;
			if (f === cap) {
				cap *= 2;
				const grow = <A extends Int32Array | Float64Array>(a: A): A => {
					const b = new (a.constructor as new (n: number) => A)(cap);
					b.set(a);
					return b;
				};
				fIndicator = grow(fIndicator);
				fSubject = grow(fSubject);
				fUnit = grow(fUnit);
				fRegion = grow(fRegion);
				fFlags = grow(fFlags);
				fYear = grow(fYear);
			}
			fIndicator[f] = ind;
			fSubject[f] = mSubject[i]!;
			fUnit[f] = unit;
			fRegion[f] = mRegion[i]!;
			fFlags[f] = flags;
			fYear[f] = mYear[i]!;
			const sub = mSubject[i]!;
			let bySubject = wholes[ind];
			if (!bySubject) wholes[ind] = bySubject = new Map();
			let whole = bySubject.get(sub);
			if (whole === undefined) bySubject.set(sub, (whole = isWholeTerm(m.indicator, subject)));
			const of: FigureOf = { year, subject, kind: KINDS[kind]!, measure, region, whole };
			figures.push(newFigure(m, figureKey(m, of), of));
		}
		if ((i + 1) % slice === 0) yield;
	}
	if (indicators.separator || subjectCodes.separator || units.separator || regions.separator) return null;
	const k = figures.length;
	return {
		figures,
		indicator: fIndicator.subarray(0, k),
		subject: fSubject.subarray(0, k),
		unit: fUnit.subarray(0, k),
		region: fRegion.subarray(0, k),
		flags: fFlags.subarray(0, k),
		year: fYear.subarray(0, k),
		subjectLength: Int32Array.from(subjectCodes.values, (s) => s.length)
	};
}

/** findConflicts over the figures' codes: groups of the same indicator, subject, unit, kind, change, year and place. */
function* conflictGroups(g: Grouped, slice: number): Generator<void, Conflict[]> {
	const { figures, indicator, subject, unit, region, flags, year, subjectLength } = g;
	const n = figures.length;
	// kind, change and whether the year is null: the part flag is not in this key
	const KEY_FLAGS = 15 | 32;
	const table = new RowTable(n);
	const same = (a: number, b: number) =>
		indicator[a] === indicator[b] &&
		subject[a] === subject[b] &&
		unit[a] === unit[b] &&
		(flags[a]! & KEY_FLAGS) === (flags[b]! & KEY_FLAGS) &&
		region[a] === region[b] &&
		sameNumber(year[a]!, year[b]!);
	/** each group's first figure, in order; a figure's group (-1: none) and the next figure of its group */
	const firsts: number[] = [];
	const next = new Int32Array(n).fill(-1);
	const last = new Int32Array(n).fill(-1);
	const sizes = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		if (!figures[i]!.part && subjectLength[subject[i]!]! >= 2) {
			let h = mix(mix(mix(mix(mix(0x3c6ef372, indicator[i]!), subject[i]!), unit[i]!), flags[i]! & KEY_FLAGS), region[i]!);
			h = mixNumber(h, year[i]!);
			const first = table.find(h, i, same);
			if (first < 0) {
				firsts.push(i);
				last[i] = i;
				sizes[i] = 1;
			} else {
				next[last[first]!] = i;
				last[first] = i;
				sizes[first]!++;
			}
		}
		if ((i + 1) % slice === 0) yield;
	}
	const out: Conflict[] = [];
	let count = 0;
	for (const first of firsts) {
		if (++count % slice === 0) yield;
		if (sizes[first]! < 2) continue;
		const list: Figure[] = [];
		for (let i = first; i >= 0; i = next[i]!) list.push(figures[i]!);
		const docIds = new Set(list.flatMap((f) => f.sources.map((s) => s.docId)));
		if (docIds.size < 2) continue;
		const f = list[0]!;
		out.push({ key: conflictKey(f), indicator: f.indicator, subject: f.subject, unit: f.unit, year: f.year, region: f.region, figures: list.sort((a, b) => a.value - b.value) });
	}
	return out;
}

/**
 * The definition analyseFigures is tested against: metrics grouped by their fields joined into a
 * string, a Map of those keys, then findConflicts.
 */
export function analyseFiguresReference(metrics: Metric[], docs: Map<string, CorpusDocument>): { figures: Figure[]; conflicts: Conflict[] } {
	const grouping = figureGrouping(docs);
	for (const m of metrics) grouping.add(m);
	const figures = grouping.figures();
	const conflicts = findConflicts(figures);
	for (const c of conflicts) for (const f of c.figures.slice(0, -1)) f.superseded = true;
	return { figures, conflicts };
}

/** Metrics grouped into figures, one at a time. */
function figureGrouping(docs: Map<string, CorpusDocument>) {
	const byKey = new Map<string, Figure>();
	const sourceDocs = new Map<Figure, Set<string>>();
	return {
		add(m: Metric): void {
			const year = metricYear(m, docs);
			const region = scopeOf(m, docs);
			let subject = subjects.get(m);
			if (subject === undefined) subjects.set(m, (subject = m.subject ?? subjectOf(m.text)));
			const kind = kindOf(m);
			const key = figureKey(m, { year, subject, kind, region });
			const found = byKey.get(key);
			if (found) {
				const seen = sourceDocs.get(found)!;
				if (!seen.has(m.docId)) {
					seen.add(m.docId);
					found.sources.push(m);
				}
				// a figure is a part only when every report says so
				if (!m.part) found.part = false;
				return;
			}
			const figure = newFigure(m, key, { year, subject, kind, measure: measureOf(m.indicator, m.unit), region, whole: isWholeTerm(m.indicator, subject) });
			byKey.set(key, figure);
			sourceDocs.set(figure, new Set([m.docId]));
		},
		figures: (): Figure[] => [...byKey.values()]
	};
}

/**
 * The same thing (indicator and subject), unit, kind, year and place reported with different
 * values by different documents. Parts and subjects of fewer than two characters never conflict.
 */
export function findConflicts(figures: Figure[]): Conflict[] {
	return runSteps(conflictSteps(figures, Infinity));
}

/** findConflicts, pausing (yield) after every `slice` figures and every `slice` groups. */
function* conflictSteps(figures: Figure[], slice: number): Generator<void, Conflict[]> {
	// Grouped in the order of each group's first figure, as Map.groupBy does.
	const groups = new Map<string, Figure[]>();
	for (let i = 0; i < figures.length; i++) {
		const f = figures[i]!;
		if (!f.part && f.subject.length >= 2) {
			const key = conflictKey(f);
			const list = groups.get(key);
			if (list) list.push(f);
			else groups.set(key, [f]);
		}
		if ((i + 1) % slice === 0) yield;
	}
	const out: Conflict[] = [];
	let n = 0;
	for (const [key, list] of groups) {
		if (++n % slice === 0) yield;
		if (list.length < 2) continue;
		const docs = new Set(list.flatMap((f) => f.sources.map((s) => s.docId)));
		if (docs.size < 2) continue;
		const { indicator, subject, unit, year, region } = list[0]!;
		out.push({ key, indicator, subject, unit, year, region, figures: list.sort((a, b) => a.value - b.value) });
	}
	return out;
}

/** Whether a figure may enter a sum at all: a level, not a part, not superseded in a conflict. */
export const addable = (f: Figure): boolean => f.kind === 'level' && !f.part && !f.superseded;

/**
 * The hedge of a total: exact when every figure is exact; 余/以上 when every hedge is a lower bound,
 * 近 when every hedge is an upper bound, 约 otherwise (近 and 余 together are 约, never 余).
 * @example totalQualifier(['nearly', 'over']) // 'about'
 */
export function totalQualifier(qualifiers: Iterable<Qualifier>): Qualifier {
	let low = false;
	let high = false;
	let over = false;
	for (const q of qualifiers) {
		if (q === 'about') return 'about';
		if (q === 'over' || q === 'atLeast') {
			low = true;
			if (q === 'over') over = true;
		}
		if (q === 'nearly') high = true;
	}
	if (low && high) return 'about';
	if (low) return over ? 'over' : 'atLeast';
	if (high) return 'nearly';
	return 'exact';
}

/** A sum, or why there is none. */
export interface Total {
	/** null when the figures may not be added (rates, running totals, changes and levels mixed, several units) */
	value: number | null;
	unit: string;
	qualifier: Qualifier;
	/** the figures the value adds (empty when there is no value) */
	added: Figure[];
	/** every figure considered, to show when there is no value */
	figures: Figure[];
	/** some place and year had differing figures: the largest was added */
	conflicted: boolean;
}

/**
 * The figure of each place and year that a sum counts: the largest one (a conflict's largest, or
 * the total of a breakdown the extractor missed), among its whole counts (职业院校) when the place
 * reports any, rather than kinds (国家级示范校); places covered by a larger place of the same
 * year are left out, and a stock keeps only its latest year per place.
 */
function cells(figures: Figure[]): { chosen: Figure[]; conflicted: boolean } {
	let conflicted = false;
	// A place that reports its whole count (职业院校) counts by it, not by the kinds it also names.
	const wholes = new Set(figures.filter((f) => f.whole).map((f) => f.region ?? ''));
	const byCell = new Map<string, Figure>();
	for (const f of figures) {
		if (!f.whole && wholes.has(f.region ?? '')) continue;
		const k = `${f.region ?? ''}|${f.year ?? ''}`;
		const have = byCell.get(k);
		if (!have) byCell.set(k, f);
		else if (f.value !== have.value) {
			conflicted = true;
			if (f.value > have.value) byCell.set(k, f);
		}
	}
	let chosen = [...byCell.values()];
	// A stock is a level at a date: one place's years do not add up, the latest stands.
	if (chosen.every((f) => f.measure === 'stock')) {
		const latest = new Map<string, Figure>();
		for (const f of chosen) {
			const have = latest.get(f.region ?? '');
			if (!have || (f.year ?? 0) > (have.year ?? 0)) latest.set(f.region ?? '', f);
		}
		chosen = [...latest.values()];
	}
	// A place inside another place of the same year is counted by it.
	const covered = coveredPlaces(chosen);
	chosen = chosen.filter((f) => !covered(f));
	return { chosen, conflicted };
}

/**
 * Whether another place of the same year among `figures` contains a figure's place: for each
 * figure, whether some g has g.year === f.year, both regions set and different, and
 * contains(g.region, f.region). The containing places of a code are few (the country, its
 * province, its city), so they are looked up by prefix instead of trying every other figure:
 * linear instead of quadratic (a total over 30,000 cells took 10 s). Codes of other shapes are
 * tried against every place of the year (coveredPlacesReference is the definition, aggregate.spec.ts).
 */
export function coveredPlaces(figures: Figure[]): (f: Figure) => boolean {
	type Year = { regions: Set<string>; provinces: Map<string, Set<string>>; cities: Map<string, Set<string>>; odd: string[] };
	const years = new Map<number | null, Year>();
	for (const g of figures) {
		if (g.region == null) continue;
		let y = years.get(g.year);
		if (!y) years.set(g.year, (y = { regions: new Set(), provinces: new Map(), cities: new Map(), odd: [] }));
		if (y.regions.has(g.region)) continue;
		y.regions.add(g.region);
		const r = g.region;
		// contains(r, inner): r is the country, or r ends in 0000 (its first two characters are a
		// prefix of inner), or in 00 (its first four), or r is inner itself.
		if (r === NATIONAL) continue;
		const add = (map: Map<string, Set<string>>, prefix: string) => {
			const set = map.get(prefix);
			if (set) set.add(r);
			else map.set(prefix, new Set([r]));
		};
		if (r.endsWith('0000')) r.length >= 4 && r.slice(0, 2).length === 2 ? add(y.provinces, r.slice(0, 2)) : y.odd.push(r);
		else if (r.endsWith('00')) r.length >= 4 ? add(y.cities, r.slice(0, 4)) : y.odd.push(r);
	}
	const other = (set: Set<string> | undefined, self: string) => set != null && (set.size > 1 || !set.has(self));
	return (f) => {
		if (f.region == null || Number.isNaN(f.year)) return false;
		const y = years.get(f.year);
		if (!y) return false;
		const r = f.region;
		if (r === NATIONAL) return false;
		if (y.regions.has(NATIONAL)) return true;
		if (other(y.provinces.get(r.slice(0, 2)), r) && r.length >= 2) return true;
		if (r.length >= 4 && other(y.cities.get(r.slice(0, 4)), r)) return true;
		return y.odd.some((o) => o !== r && contains(o, r));
	};
}

/** The quadratic definition coveredPlaces is tested against. */
export function coveredPlacesReference(figures: Figure[]): (f: Figure) => boolean {
	return (f) => figures.some((g) => g !== f && g.year === f.year && g.region != null && f.region != null && g.region !== f.region && contains(g.region, f.region));
}

/**
 * The total of figures of one indicator, following the rules above: only levels of one unit are
 * added; parts, changes, rates, running totals and superseded figures never are.
 * @example totalOf(figures).value // 113 for 全省113所 with its breakdown 29 + 46 and a decrease of 4
 */
export function totalOf(figures: Figure[]): Total {
	const units = new Set(figures.map((f) => f.unit));
	const unit = figures[0]?.unit ?? '';
	const none = (conflicted = false): Total => ({ value: null, unit, qualifier: 'exact', added: [], figures, conflicted });
	if (figures.length === 0 || units.size > 1) return none();
	const candidates = figures.filter((f) => f.kind === 'level' && !f.part);
	if (candidates.length === 0) return none();
	const { chosen, conflicted } = cells(candidates);
	return {
		value: chosen.reduce((a, f) => a + f.value, 0),
		unit,
		qualifier: totalQualifier(chosen.map((f) => f.qualifier)),
		added: chosen,
		figures,
		conflicted
	};
}

/**
 * Totals of one indicator and unit by year, the country's own figures apart from the places':
 * the two never make one series (a national total among years of a few provinces' figures would
 * read as a leap that never happened).
 * @example yearTotalsByScope(figures).national.get(2019)?.value // 11700
 */
export function yearTotalsByScope(figures: Figure[]): { national: Map<number, Total>; places: Map<number, Total> } {
	return {
		national: totalsBy(figures, (f) => (f.region === NATIONAL ? f.year : null)),
		places: totalsBy(figures, (f) => (f.region !== NATIONAL ? f.year : null))
	};
}

/**
 * Totals of one indicator and unit by a key (year, region …); figures without a key are left out.
 * @example totalsBy(figures, (f) => f.year) // Map { 2022 => Total, 2023 => Total }
 */
export function totalsBy<K>(figures: Figure[], keyOf: (f: Figure) => K | null): Map<K, Total> {
	const groups = new Map<K, Figure[]>();
	for (const f of figures) {
		const k = keyOf(f);
		if (k == null) continue;
		const list = groups.get(k);
		if (list) list.push(f);
		else groups.set(k, [f]);
	}
	return new Map([...groups].map(([k, list]) => [k, totalOf(list)]));
}
