// Subjects to indicators: what a figure counts, in the project's own vocabulary, so figures of
// different documents that count the same thing line up. Pure; runs in Node, the browser and the
// import worker.
import type { MetricCategory } from '../extract/types.ts';
import { fold } from '../extract/fold.ts';
import { isSpaceCode } from '../extract/chars.ts';
import { VOCABULARY, type IndicatorEntry, type Measure } from './vocabulary.ts';

/** The prefix of the indicator of a figure whose text names no subject: `~training`. */
export const UNNAMED = '~';

const byId = new Map(VOCABULARY.map((e) => [e.id, e]));

interface Pattern {
	text: string;
	ending: boolean;
	entry: IndicatorEntry;
}

let patterns: Pattern[] | null = null;
let terms: Map<string, IndicatorEntry[]> | null = null;

function index(): { patterns: Pattern[]; terms: Map<string, IndicatorEntry[]> } {
	if (patterns && terms) return { patterns, terms };
	terms = new Map();
	patterns = [];
	for (const entry of VOCABULARY) {
		for (const t of entry.terms) terms.set(normalizeSubject(t), [...(terms.get(normalizeSubject(t)) ?? []), entry]);
		for (const text of entry.endings ?? []) patterns.push({ text: normalizeSubject(text), ending: true, entry });
		for (const text of entry.contains ?? []) patterns.push({ text: normalizeSubject(text), ending: false, entry });
	}
	// Longest first; among equals, the vocabulary's order.
	patterns.sort((a, b) => b.text.length - a.text.length);
	for (const p of patterns) if (p.text.length) PATTERN_FIRST[p.text.charCodeAt(0)] = 1;
	return { patterns, terms };
}

/** The first code units of all patterns (set by index()): a subject's other characters start none. */
const PATTERN_FIRST = new Uint8Array(0x10000);

/** A pattern with its rank in index() order. */
interface Ranked {
	rank: number;
	p: Pattern;
}

/**
 * The patterns that fit a unit and category, grouped by their first character (each group in
 * index() order), filtered once per pair (a figure's lookup is hot): a subject is then compared
 * only with the patterns that start with one of its own characters.
 */
const fitting = new Map<string, Map<MetricCategory, Map<number, Ranked[]>>>();
/** The key of the group of empty patterns (which match any subject). */
const EMPTY = -1;
function patternsFor(unit: string, category: MetricCategory): Map<number, Ranked[]> {
	let byCategory = fitting.get(unit);
	if (!byCategory) {
		byCategory = new Map();
		// units come from the text's unit list, categories from a fixed set: the map stays small
		if (fitting.size < 4096) fitting.set(unit, byCategory);
	}
	let byFirst = byCategory.get(category);
	if (!byFirst) {
		byFirst = new Map();
		let rank = 0;
		for (const p of index().patterns) {
			if (!fits(p.entry, unit, category)) continue;
			const first = p.text.length ? p.text.charCodeAt(0) : EMPTY;
			const group = byFirst.get(first);
			if (group) group.push({ rank: rank++, p });
			else byFirst.set(first, [{ rank: rank++, p }]);
		}
		byCategory.set(category, byFirst);
	}
	return byFirst;
}

/** The first pattern (in index() order) that a subject ends with or contains, or null. */
function firstPattern(s: string, byFirst: Map<number, Ranked[]>): Pattern | null {
	let best: Ranked | null = null;
	const empty = byFirst.get(EMPTY);
	if (empty) best = empty[0]!; // an empty pattern matches any subject
	// a character seen twice scans its group again and finds the same pattern: no set needed.
	// Each pattern is tried where the subject holds it (at its start, or at the end for an
	// ending); as each group is in index() order and a match only lowers `best`, the first
	// pattern in that order the subject contains or ends with is found as by includes/endsWith.
	for (let i = 0; i < s.length; i++) {
		// by code unit, as the groups are keyed; no group (of any unit and category) for a code no pattern starts with
		const c = s.charCodeAt(i);
		if (!PATTERN_FIRST[c]) continue;
		const group = byFirst.get(c);
		if (!group) continue;
		for (const r of group) {
			if (best && r.rank >= best.rank) break;
			// at i: a pattern found elsewhere is found at its own position, where it is tried too
			if (r.p.ending ? i === s.length - r.p.text.length && s.startsWith(r.p.text, i) : s.startsWith(r.p.text, i)) {
				best = r;
				break;
			}
		}
	}
	return best ? best.p : null;
}

/**
 * A subject as the vocabulary compares it: Simplified characters, no spaces, no bracketed asides.
 * @example normalizeSubject('職教集團（聯盟）') // '职教集团'
 */
export function normalizeSubject(subject: string): string {
	// each pattern is tried only when the subject holds what its matches start (or end) with:
	// most subjects hold no space, no bracket and no 的/之 at either end
	let s = fold(subject);
	// one pass for both tests (removing spaces leaves the brackets as they are)
	let marks = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (isSpaceCode(c)) marks |= SPACE;
		else if (c === PAREN || c === FULL_PAREN) marks |= BRACKET;
	}
	if (marks & SPACE) s = s.replace(/\s+/g, '');
	if (marks & BRACKET) s = s.replace(/[(（][^)）]*[)）]/g, '');
	if (isDe(s.charCodeAt(0)) || isDe(s.charCodeAt(s.length - 1))) s = s.replace(/^[的之]+|[的之]+$/g, '');
	return s;
}

const SPACE = 1;
const BRACKET = 2;
const PAREN = '('.charCodeAt(0);
const FULL_PAREN = '（'.charCodeAt(0);
const DE = '的'.charCodeAt(0);
const ZHI = '之'.charCodeAt(0);
const isDe = (c: number): boolean => c === DE || c === ZHI;

const fits = (e: IndicatorEntry, unit: string, category: MetricCategory) =>
	(!e.units || e.units.includes(unit)) && (!e.categories || e.categories.includes(category));

/**
 * The indicator a figure counts: a vocabulary id when its subject (Simplified or Traditional) is
 * one of the vocabulary's terms or ends with / contains one of its patterns for this unit and
 * category (the longest pattern wins), else the subject itself; a figure without subject takes
 * its category's default indicator, else `~category`.
 * @example indicatorOf('培訓教師', '人次', 'training') // 'teachers-trained'
 * @example indicatorOf('說課活動', '届', 'event') // 'events'
 * @example indicatorOf('温室大棚', '个', 'other') // '温室大棚'
 */
export function indicatorOf(subject: string | null | undefined, unit: string, category: MetricCategory): string {
	const s = subject ? normalizeSubject(subject) : '';
	if (!s) {
		const entry = VOCABULARY.find((e) => e.fallback && e.fallback.category === category && e.fallback.units.includes(unit));
		return entry ? entry.id : `${UNNAMED}${category}`;
	}
	// A per-head figure, an average or a median counts no thing: it stays its own indicator.
	// every PER_HEAD word holds 均 or is 中位数
	if (!RATE_UNITS.has(unit) && perHeadWord(s) && PER_HEAD.test(s)) return s.slice(0, 40);
	const { terms } = index();
	const exact = terms.get(s)?.find((e) => fits(e, unit, category));
	if (exact) return exact.id;
	const p = firstPattern(s, patternsFor(unit, category));
	if (p) return p.entry.id;
	return s.slice(0, 40);
}

/**
 * Whether a subject names its indicator as a whole (one of its terms: 职业院校, 学校), not a kind
 * of it (国家级示范校, 教育部50强院校): a place's whole count is preferred to its kinds.
 * @example isWholeTerm('schools', '职业院校') // true
 * @example isWholeTerm('schools', '学校') // false
 */
export function isWholeTerm(indicator: string, subject: string | null | undefined): boolean {
	const entry = byId.get(indicator);
	if (!entry || !subject) return false;
	const s = normalizeSubject(subject);
	// A bare two-character word (学校, 企业) says too little: 四所学校 is rarely a place's whole count.
	if (s.length < 3 && s !== entry.zh) return false;
	const { terms } = index();
	return terms.get(s)?.includes(entry) ?? false;
}

/** The vocabulary entry of an indicator, or undefined for a subject of its own. */
export const indicatorEntry = (indicator: string): IndicatorEntry | undefined => byId.get(indicator);

/** Whether an indicator may be an overview headline: a vocabulary indicator of an achievement (not attendees, not floor area). */
export const isHeadlineIndicator = (indicator: string): boolean => {
	const e = byId.get(indicator);
	return e != null && e.headline !== false;
};

/** Whether an indicator is one of the vocabulary's (not a subject of its own, not unnamed). */
export const isKnownIndicator = (indicator: string): boolean => byId.has(indicator);

/**
 * How an indicator's figures add up: the vocabulary's measure; for a subject of its own, `rate`
 * in a rate unit, else `flow`.
 */
export function measureOf(indicator: string, unit: string): Measure {
	if (RATE_UNITS.has(unit) || PER_HEAD.test(indicator) || SHARE.test(indicator)) return 'rate';
	return byId.get(indicator)?.measure ?? 'flow';
}

const JUN = '均'.charCodeAt(0);
const ZHONG = '中'.charCodeAt(0);
/** Whether s holds 均 or 中位数, which every PER_HEAD word holds: by char code, includes only after 中. */
function perHeadWord(s: string): boolean {
	let zhong = false;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c === JUN) return true;
		if (c === ZHONG) zhong = true;
	}
	return zhong && s.includes('中位数');
}

/** Subjects of per-head values, averages and medians (生均图书, 到款额中位数). */
const PER_HEAD = /生均|师均|校均|人均|均值|中位数|平均/;
/** Subjects of shares and ratios (就业率, 双师型教师占比). */
const SHARE = /(率|占比|比例|比重|之比)$/;

/** Units of shares and ratios: never added. */
export const RATE_UNITS: ReadonlySet<string> = new Set(['%', '‰', '倍', '个百分点', '百分点', '成']);

/**
 * An indicator's name in the interface language; a subject of its own is its own name, an
 * unnamed one is given by `unnamed(category)`.
 * @example indicatorLabel('trainees', 'en', c => c) // 'People trained'
 */
export function indicatorLabel(indicator: string, lang: string, unnamed: (category: string) => string): string {
	const entry = byId.get(indicator);
	if (entry) return lang.startsWith('zh') ? entry.zh : entry.en;
	if (indicator.startsWith(UNNAMED)) return unnamed(indicator.slice(UNNAMED.length));
	return indicator;
}
