// The wall's DataV-style widgets, as data: a province ranking (by meetings held, or by one
// indicator's totals), the latest meetings, one indicator's totals by year, the window a rolling
// list shows; and, for the presenter, the figures a page shows with where each comes from.
// Sums follow aggregate.ts: only figures of one indicator, one unit and kind `level` are added.
import type { CorpusDocument, Meeting } from '../corpus/schema.ts';
import type { Qualifier } from '../extract/types.ts';
import { provinceOf } from '../geo/gazetteer.ts';
import { meetingInterval } from '../charts/timeline.ts';
import { areaTotals, indicatorsOf, mapIndicators, NATIONAL, unitsOf, yearTotalsByScope, type Figure, type Total } from '../query/achievements.ts';
import { venueCode } from '../query/facts.ts';
import { documentTitle } from '../query/names.ts';

/** Where a number on the wall comes from: the document, its date, the sentence it was read in. */
export interface FigureSource {
	docId: string;
	title: string;
	date: string | null;
	evidence: string | null;
}

export interface RankRow {
	/** the province's code */
	code: string;
	value: number;
	unit: string;
	qualifier: Qualifier;
	sources: FigureSource[];
}

/** At most this many sources are cited per number (the presenter names the first ones). */
export const SOURCES_SHOWN = 3;

const byValue = (a: RankRow, b: RankRow) => b.value - a.value || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function sourceOf(docId: string, evidence: string | null, docById: ReadonlyMap<string, CorpusDocument>): FigureSource | null {
	const doc = docById.get(docId);
	return doc ? { docId, title: documentTitle(doc), date: doc.publishedAt, evidence } : null;
}

/** A meeting's first sources, each with the phrase it was read in. */
export function meetingSources(m: Meeting, docById: ReadonlyMap<string, CorpusDocument>, limit = SOURCES_SHOWN): FigureSource[] {
	const out: FigureSource[] = [];
	for (const docId of new Set(m.docIds)) {
		const s = sourceOf(docId, m.evidence.find((e) => e.docId === docId)?.text ?? null, docById);
		if (s) out.push(s);
		if (out.length >= limit) break;
	}
	return out;
}

/** The sources of the figures a total adds (or of the figures considered), one per document. */
export function figureSources(figures: readonly Figure[], docById: ReadonlyMap<string, CorpusDocument>, limit = SOURCES_SHOWN): FigureSource[] {
	const out: FigureSource[] = [];
	const seen = new Set<string>();
	for (const f of figures)
		for (const m of f.sources) {
			if (seen.has(m.docId) || out.length >= limit) continue;
			seen.add(m.docId);
			const s = sourceOf(m.docId, m.evidence.text, docById);
			if (s) out.push(s);
		}
	return out;
}

/** The first sources of a list of meetings, one per document. */
function firstSources(meetings: readonly Meeting[], docById: ReadonlyMap<string, CorpusDocument>): FigureSource[] {
	const out: FigureSource[] = [];
	const seen = new Set<string>();
	for (const m of meetings)
		for (const s of meetingSources(m, docById)) {
			if (seen.has(s.docId) || out.length >= SOURCES_SHOWN) continue;
			seen.add(s.docId);
			out.push(s);
		}
	return out;
}

/**
 * Provinces by the meetings held in them (a meeting without a venue in a province counts for none).
 * @example provinceRanking(meetings, docById)[0] // { code: '370000', value: 5, unit: '', … }
 */
export function provinceRanking(meetings: readonly Meeting[], docById: ReadonlyMap<string, CorpusDocument>): RankRow[] {
	const groups = new Map<string, Meeting[]>();
	for (const m of meetings) {
		const venue = venueCode(m);
		const p = venue ? provinceOf(venue) : undefined;
		if (!p) continue;
		const list = groups.get(p.code);
		if (list) list.push(m);
		else groups.set(p.code, [m]);
	}
	return [...groups]
		.map(([code, list]) => ({ code, value: list.length, unit: '', qualifier: 'exact' as Qualifier, sources: firstSources(list, docById) }))
		.sort(byValue);
}

/**
 * Provinces by one indicator's totals (its most used unit, levels only, as the map adds them);
 * national figures belong to no province and are left out.
 * @example indicatorRanking(figures, 'schools', docById)[0] // { code: '370000', value: 113, unit: '所', … }
 */
export function indicatorRanking(figures: readonly Figure[], indicator: string, docById: ReadonlyMap<string, CorpusDocument>): RankRow[] {
	const { unit, totals } = areaTotals(figures as Figure[], indicator, (code) => (code && code !== NATIONAL ? (provinceOf(code)?.code ?? null) : null));
	return [...totals]
		.map(([code, t]) => ({ code, value: t.value!, unit: unit ?? t.unit, qualifier: t.qualifier, sources: figureSources(t.added, docById) }))
		.sort(byValue);
}

export interface TrendPoint {
	year: number;
	value: number;
	qualifier: Qualifier;
	/** some place had differing figures that year: the largest was added */
	conflicted: boolean;
	sources: FigureSource[];
}

export interface Trend {
	indicator: string;
	unit: string;
	/** whose figures the years add: the country's own, or the places' (never the two mixed) */
	scope: 'national' | 'places';
	points: TrendPoint[];
}

/**
 * One indicator's totals by year in its most used unit (levels only; a year without an addable
 * total is left out, never shown as 0). The country's own figures and the places' are never in one
 * line (a national total among years of a few provinces would read as a leap): the trend follows
 * the one with more years, the country's on a tie.
 * @example yearTrend(figures, 'schools', docById)?.points.map((p) => p.year) // [2021, 2022, 2023]
 */
export function yearTrend(figures: readonly Figure[], indicator: string, docById: ReadonlyMap<string, CorpusDocument>): Trend | null {
	const own = figures.filter((f) => f.indicator === indicator);
	const unit = unitsOf(own.filter((f) => f.kind === 'level' && !f.part))[0];
	if (!unit) return null;
	const byScope = yearTotalsByScope(own.filter((f) => f.unit === unit));
	const national = pointsOf(byScope.national, docById);
	const places = pointsOf(byScope.places, docById);
	if (national.length === 0 && places.length === 0) return null;
	return national.length >= places.length ? { indicator, unit, scope: 'national', points: national } : { indicator, unit, scope: 'places', points: places };
}

/** A year's totals as trend points, in year order (years without an addable total left out). */
function pointsOf(totals: Map<number, Total>, docById: ReadonlyMap<string, CorpusDocument>): TrendPoint[] {
	return [...totals]
		.filter(([, t]) => t.value != null)
		.map(([year, t]) => ({ year, value: t.value!, qualifier: t.qualifier, conflicted: t.conflicted, sources: figureSources(t.added, docById) }))
		.sort((a, b) => a.year - b.year);
}

/**
 * The indicator the trend page follows: the one asked for when it has a total for some year,
 * else, of the indicators a map can be coloured by, the one with totals for the most years (the
 * most reported first at equal years).
 * @example trendIndicator(figures, null, docById) // 'schools'
 */
export function trendIndicator(figures: readonly Figure[], asked: string | null, docById: ReadonlyMap<string, CorpusDocument>): Trend | null {
	if (asked) {
		const t = yearTrend(figures, asked, docById);
		if (t) return t;
	}
	let best: Trend | null = null;
	for (const indicator of mapIndicators(figures as Figure[], 12)) {
		const t = yearTrend(figures, indicator, docById);
		if (t && (!best || t.points.length > best.points.length)) best = t;
	}
	return best;
}

export interface LatestMeeting {
	meeting: Meeting;
	sources: FigureSource[];
}

/**
 * The dated meetings, the latest first (by start, then end, then id).
 * @example latestMeetings(meetings, docById, 10).map((m) => m.meeting.startDate) // ['2024-05-18', '2024-03', …]
 */
export function latestMeetings(meetings: readonly Meeting[], docById: ReadonlyMap<string, CorpusDocument>, limit: number): LatestMeeting[] {
	return meetings
		.flatMap((m) => {
			const iv = meetingInterval(m);
			return iv ? [{ m, ...iv }] : [];
		})
		.sort((a, b) => b.start - a.start || b.end - a.end || (a.m.id < b.m.id ? 1 : a.m.id > b.m.id ? -1 : 0))
		.slice(0, limit)
		.map(({ m }) => ({ meeting: m, sources: meetingSources(m, docById, 1) }));
}

/**
 * The rows a rolling list shows at a turn: `size` rows from `offset`, wrapping round when the
 * list is longer than the window (a short list stands still).
 * @example rollWindow(['a', 'b', 'c', 'd'], 3, 2) // [{ item: 'd', index: 3 }, { item: 'a', index: 0 }]
 */
export function rollWindow<T>(items: readonly T[], offset: number, size: number): { item: T; index: number }[] {
	if (items.length <= size) return items.map((item, index) => ({ item, index }));
	const start = ((offset % items.length) + items.length) % items.length;
	return Array.from({ length: size }, (_, i) => {
		const index = (start + i) % items.length;
		return { item: items[index]!, index };
	});
}

/** The indicators worth offering for the trend, most reported first (for a chooser). */
export const trendIndicators = (figures: readonly Figure[]): string[] => indicatorsOf((figures as Figure[]).filter((f) => f.kind === 'level' && !f.part)).map((s) => s.indicator);

/**
 * A province's name as a ranking row shows it: the autonomous regions and special administrative
 * regions without their long suffix (内蒙古, 广西, 新疆), provinces and municipalities as they are.
 * @example shortProvinceName('新疆维吾尔自治区') // '新疆'
 */
export function shortProvinceName(name: string): string {
	return name.replace(/(壮族|回族|维吾尔)?自治区$|特别行政区$/, '') || name;
}
