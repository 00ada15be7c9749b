// The map page's answer (issue 17): what the map draws for one filter state, measure, picked
// meeting and meeting search — the areas' values, the points, the lines, the measures offered, the
// first meetings of the list — computed where the records are (the facts worker, or the page's
// engine in memory) instead of from every record read into the page. The figures come from the
// engine's one analysis per corpus read and its index (figureIndex.ts), filtered by a mask, never
// analysed again per request. The worker has no map geometry: it groups by the map's area codes
// (geo/mapAreas.ts), and the page joins the values with the areas of the map it drew (joinAreas).
// Each number is mapModel's (charts/mapOption.ts, the in-page definition; mapAnswer.spec.ts
// compares them); what a filter state costs is kept for the measure changes, meeting picks and
// searches that follow it.
import type { Meeting } from '../corpus/schema.ts';
import type { AreaValue, MapAreaInput, MapLink, MapMeasure, MapModel, MapPoint } from '../charts/mapOption.ts';
import { coordinates, division } from '../geo/gazetteer.ts';
import { areaOf, mapAreaCodes, mapOfRegion } from '../geo/mapAreas.ts';
import type { Filters } from '../state/filters.ts';
import { areaTotals, type Figure } from './achievements.ts';
import { columnsOf, filterMasks } from './columns.ts';
import { venueCode, type Facts } from './facts.ts';
import { indicatorSummaries, matchMask, type FigureIndex } from './figureIndex.ts';
import { searchKey, simplified } from './names.ts';

export interface MapRequest {
	type: 'map';
	/** the filters, the region widened to the map's province (none on the map of China): what the map counts */
	filters: Filters;
	/** what colours the areas: 'meetings' or an indicator (the meetings when the filters leave it nothing to add) */
	measure: MapMeasure;
	/** the meeting whose lines are drawn; null: the busiest lines of all the meetings */
	meeting: string | null;
	/** the meeting list's search (every word, Traditional and Simplified finding each other) */
	search: string;
	/** meetings listed */
	listed: number;
}

/** An area's value, by code: joinAreas names it from the map drawn. */
export type AreaValueByCode = Omit<AreaValue, 'name' | 'code'> & { code: string };

/**
 * Lines drawn at most: thousands of meetings make thousands of participant lines, a red sheet
 * over the map that shows nothing. The busiest ones (most meetings) show the main routes.
 */
export const DRAWN_LINKS = 80;

/** The map's numbers with its areas by code (the worker has no geometry). */
export type MapModelByCode = Omit<MapModel, 'areas'> & { areas: AreaValueByCode[] };

export interface MapAnswer {
	model: MapModelByCode;
	/** the same for every answer with the same model (filters, measure, meeting drawn): a search leaves the map as it is */
	modelKey: string;
	/** the indicators the map can be coloured by (mapMeasures) */
	measures: string[];
	/** meetings that match the filters */
	meetingCount: number;
	/** of them, those the search finds */
	matching: number;
	/** the first `listed` of those, in the corpus's order */
	meetings: Meeting[];
	/** the meeting picked, when it matches the filters */
	selected: Meeting | null;
	/** documents the measure's values come from (the saved map's caption) */
	documents: number;
	/** titles of the listed and the picked meetings' documents */
	titles: Record<string, string>;
}

/**
 * The map's model from an answer and the areas of the map drawn: mapModel's result.
 * @example joinAreas(answer.model, loaded.areas).areas.find((a) => a.name === '山东省')?.value
 */
export function joinAreas(model: MapModelByCode, areas: readonly MapAreaInput[]): MapModel {
	const byCode = new Map(model.areas.map((a) => [a.code, a]));
	return {
		...model,
		areas: areas.map((a) => {
			const v = a.code == null ? undefined : byCode.get(a.code);
			return { code: a.code, name: a.name, value: v?.value ?? null, approximate: v?.approximate ?? false };
		})
	};
}

/** The filters a map counts with: the region widened to the map's province, none on the map of China. */
export function mapFilters(filters: Filters): { map: string; filters: Filters } {
	const map = mapOfRegion(filters.region);
	return { map, filters: { ...filters, region: map === 'china' ? null : map } };
}

const isProvince = (code: string): boolean => code.endsWith('0000');
const nameOf = (code: string): string => division(code)?.name ?? code;
const NONE = -1;

/** A link between two places: from a participant to a venue. */
interface LinkEnd {
	from: string;
	to: string;
	/** from + to: the order lines are drawn and ranked in */
	key: string;
}

/**
 * The places the records name, as numbers, built once per corpus read: each distinct division code
 * once, and each record's codes as indexes into them, so a filter state is counted by row over
 * typed arrays, never by looking a code up per record.
 */
interface MapRows {
	/** the distinct division codes, and their order by code (the points' order) */
	codes: string[];
	byCode: Int32Array;
	docRegion: Int32Array;
	placeCode: Int32Array;
	placeMentions: Int32Array;
	venue: Int32Array;
	/** a meeting's participants other than its venue, each once: meeting i's are others[othersStart[i] … othersStart[i + 1]) */
	othersStart: Int32Array;
	others: Int32Array;
	/** a meeting's lines as link numbers, one per participant drawn (a participant named twice twice, as mapModel draws it) */
	linkStart: Int32Array;
	link: Int32Array;
	links: LinkEnd[];
	/** a meeting's documents as numbers */
	docStart: Int32Array;
	doc: Int32Array;
	docNumbers: number;
}

function mapRows(facts: Facts): MapRows {
	const index = new Map<string, number>();
	const codes: string[] = [];
	// per code: whether the gazetteer places it (undefined: not asked yet)
	const placed: boolean[] = [];
	const code = (c: string | null | undefined): number => {
		if (!c) return NONE;
		let i = index.get(c);
		if (i === undefined) {
			index.set(c, (i = codes.length));
			codes.push(c);
		}
		return i;
	};
	const hasCoord = (i: number): boolean => (placed[i] ??= coordinates(codes[i]!) != null);
	const nd = facts.documents.length;
	const docRegion = new Int32Array(nd);
	for (let i = 0; i < nd; i++) docRegion[i] = code(facts.documents[i]!.regionCode);
	const np = facts.places.length;
	const placeCode = new Int32Array(np);
	const placeMentions = new Int32Array(np);
	for (let i = 0; i < np; i++) {
		const p = facts.places[i]!;
		placeCode[i] = code(p.adcode);
		placeMentions[i] = p.mentions;
	}
	const n = facts.meetings.length;
	const venue = new Int32Array(n);
	const othersStart = new Int32Array(n + 1);
	const linkStart = new Int32Array(n + 1);
	const docStart = new Int32Array(n + 1);
	const others: number[] = [];
	const link: number[] = [];
	const doc: number[] = [];
	// a line by its two ends' code numbers (from · 2^21 + to: exact in a double)
	const linkIndex = new Map<number, number>();
	const links: LinkEnd[] = [];
	const docNumber = new Map<string, number>();
	for (let i = 0; i < n; i++) {
		const m = facts.meetings[i]!;
		const to = venueCode(m);
		const v = code(to);
		venue[i] = v;
		othersStart[i] = others.length;
		linkStart[i] = link.length;
		docStart[i] = doc.length;
		const ps = m.participantCodes;
		const drawn = v !== NONE && hasCoord(v);
		for (let k = 0; k < ps.length; k++) {
			const from = ps[k]!;
			if (from === to) continue;
			const f = code(from);
			if (ps.indexOf(from) === k) others.push(f);
			if (drawn && f !== NONE && hasCoord(f)) {
				const key = f * 2097152 + v;
				let l = linkIndex.get(key);
				if (l === undefined) {
					linkIndex.set(key, (l = links.length));
					links.push({ from, to: to!, key: from + to });
				}
				link.push(l);
			}
		}
		for (const id of m.docIds) {
			let d = docNumber.get(id);
			if (d === undefined) docNumber.set(id, (d = docNumber.size));
			doc.push(d);
		}
	}
	othersStart[n] = others.length;
	linkStart[n] = link.length;
	docStart[n] = doc.length;
	const byCode = Int32Array.from(codes.keys()).sort((a, b) => (codes[a]! < codes[b]! ? -1 : codes[a]! > codes[b]! ? 1 : 0));
	return {
		codes,
		byCode,
		docRegion,
		placeCode,
		placeMentions,
		venue,
		othersStart,
		others: Int32Array.from(others),
		linkStart,
		link: Int32Array.from(link),
		links,
		docStart,
		doc: Int32Array.from(doc),
		docNumbers: docNumber.size
	};
}

/** One map over the records' codes: each code's area (index into the map's codes, NONE outside it), and whether it is drawn as a point. */
interface MapLayout {
	map: string;
	codes: readonly string[];
	/** a division code's area code (areaOf), for the figures' regions */
	areaOf: (code: string | null) => string | null;
	area: Int32Array;
	point: Uint8Array;
}

function mapLayout(map: string, rows: MapRows): MapLayout {
	const codes = mapAreaCodes(map) ?? [];
	const set = new Set(codes);
	const at = new Map(codes.map((c, i) => [c, i]));
	const found = new Map<string, string | null>();
	// each code looked up once
	const areaOfCode = (code: string | null): string | null => {
		if (!code) return null;
		let a = found.get(code);
		if (a === undefined) found.set(code, (a = areaOf(code, set)));
		return a;
	};
	const area = Int32Array.from(rows.codes, (c) => {
		const a = areaOfCode(c);
		return a == null ? NONE : at.get(a)!;
	});
	const point = Uint8Array.from(rows.codes, (c, i) => (!isProvince(c) && area[i] !== NONE && coordinates(c) ? 1 : 0));
	return { map, codes, areaOf: areaOfCode, area, point };
}

/** What one filter state costs, kept for the requests that follow it. */
interface FilterState {
	key: string;
	layout: MapLayout;
	/** the meetings matching the filters, and their rows */
	meetings: Meeting[];
	meetingRows: Int32Array;
	/** the figures matching the filters (rows of the index) */
	mask: Uint8Array;
	measures: string[];
	/** areas something in the filtered records names (an area without any is unknown, not zero) */
	covered: Uint8Array;
	/** meetings held in each area */
	held: Int32Array;
	points: MapPoint[];
	meetingDocs: number;
	/** the busiest lines of all the meetings, computed when first drawn */
	links: { links: MapLink[]; leftOut: number } | null;
	/** the last search's meetings */
	search: { text: string; meetings: Meeting[] } | null;
	/** an indicator's values, by indicator */
	indicators: Map<string, IndicatorValues>;
}

interface IndicatorValues {
	unit: string | null;
	sums: Map<string, number>;
	approximate: Set<string>;
	leftOut: number;
	national: MapModel['national'];
	documents: number;
}

/** Filter states kept: a user goes back and forth between a few. */
const KEPT = 4;

/**
 * The map page's queries over one corpus read; `index` gives the engine's figure index (built once per read).
 * @example new MapQueries(facts, () => index).answer(mapRequest(NO_FILTERS, { measure: 'meetings', meeting: null, search: '' }), titlesOf)
 */
export class MapQueries {
	readonly #facts: Facts;
	readonly #index: () => FigureIndex;
	#rows: MapRows | null = null;
	readonly #layouts = new Map<string, MapLayout>();
	readonly #states: FilterState[] = [];
	/** per figure row: a level that is no part (what a map adds) */
	#levels: Uint8Array | null = null;
	/** a meeting's name in Simplified characters, and its search key */
	readonly #shown = new WeakMap<Meeting, string>();
	readonly #keys = new WeakMap<Meeting, string>();

	constructor(facts: Facts, index: () => FigureIndex) {
		this.#facts = facts;
		this.#index = index;
	}

	answer(r: MapRequest, titlesOf: (ids: Iterable<string>) => Record<string, string>): MapAnswer {
		const s = this.#state(r.filters);
		const measure: MapMeasure = r.measure === 'meetings' || s.measures.includes(r.measure) ? r.measure : 'meetings';
		const meetings = s.meetings;
		const selected = r.meeting == null ? null : (meetings.find((m) => m.id === r.meeting) ?? null);
		const lines = selected ? this.#linksOf([selected]) : (s.links ??= this.#busiest(s));
		const matching = this.#search(s, r.search);

		let areas: AreaValueByCode[];
		let values: Omit<IndicatorValues, 'sums' | 'approximate'>;
		if (measure === 'meetings') {
			values = { unit: null, leftOut: 0, national: null, documents: s.meetingDocs };
			// An area without meetings held none, unless nothing names it: unknown.
			areas = s.layout.codes.map((code, a) => ({ code, value: s.covered[a] ? s.held[a]! : null, approximate: false }));
		} else {
			let v = s.indicators.get(measure);
			if (!v) s.indicators.set(measure, (v = this.#indicator(s, measure)));
			values = v;
			// An area without figures of the indicator is unknown, not zero.
			areas = s.layout.codes.map((code) => ({ code, value: v.sums.get(code) ?? null, approximate: v.approximate.has(code) }));
		}
		const listed = matching.slice(0, Math.max(0, r.listed));
		return {
			model: {
				map: s.layout.map,
				measure,
				unit: values.unit,
				areas,
				points: s.points,
				links: lines.links,
				linksLeftOut: lines.leftOut,
				leftOut: values.leftOut,
				national: values.national
			},
			modelKey: JSON.stringify([s.key, measure, selected?.id ?? null]),
			measures: s.measures,
			meetingCount: meetings.length,
			matching: matching.length,
			meetings: listed,
			selected,
			documents: values.documents,
			titles: titlesOf([...listed, ...(selected ? [selected] : [])].flatMap((m) => m.docIds))
		};
	}

	#state(requested: Filters): FilterState {
		const { map, filters } = mapFilters(requested);
		const key = JSON.stringify([filters.from, filters.to, filters.region, filters.category, filters.kind]);
		const at = this.#states.findIndex((s) => s.key === key);
		if (at >= 0) {
			const [s] = this.#states.splice(at, 1);
			this.#states.unshift(s!);
			return s!;
		}
		const s = this.#compute(key, map, filters);
		this.#states.unshift(s);
		this.#states.length = Math.min(this.#states.length, KEPT);
		return s;
	}

	#compute(key: string, map: string, filters: Filters): FilterState {
		const rows = (this.#rows ??= mapRows(this.#facts));
		let layout = this.#layouts.get(map);
		if (!layout) this.#layouts.set(map, (layout = mapLayout(map, rows)));
		const masks = filterMasks(this.#facts, filters);
		const ix = this.#index();
		const mask = matchMask(ix, filters, columnsOf(this.#facts).docById);

		// The indicators offered: those with levels to add, most reported first (mapIndicators).
		const levels = (this.#levels ??= Uint8Array.from(ix.figures, (f) => (f.kind === 'level' && !f.part ? 1 : 0)));
		const addable = new Uint8Array(mask.length);
		for (let i = 0; i < mask.length; i++) addable[i] = mask[i]! & levels[i]!;
		const measures = indicatorSummaries(ix, addable)
			.filter((x) => x.known || x.documents >= 2)
			.slice(0, 40)
			.map((x) => x.indicator);

		// What the filtered records name, by area (covered), and by city or county (the points).
		const { area, point } = layout;
		const covered = new Uint8Array(layout.codes.length);
		const held = new Int32Array(layout.codes.length);
		const touched = new Uint8Array(rows.codes.length);
		const mentions = new Int32Array(rows.codes.length);
		const attended = new Int32Array(rows.codes.length);
		const cover = (c: number) => {
			if (c !== NONE && area[c] !== NONE) covered[area[c]!] = 1;
		};
		for (let i = 0; i < masks.documents.length; i++) if (masks.documents[i]) cover(rows.docRegion[i]!);
		for (let i = 0; i < masks.places.length; i++) {
			if (!masks.places[i]) continue;
			const c = rows.placeCode[i]!;
			cover(c);
			if (c !== NONE && point[c]) {
				touched[c] = 1;
				mentions[c] = mentions[c]! + rows.placeMentions[i]!;
			}
		}
		const meetings: Meeting[] = [];
		const meetingRows: number[] = [];
		const seenDoc = new Uint8Array(rows.docNumbers);
		let meetingDocs = 0;
		for (let i = 0; i < masks.meetings.length; i++) {
			if (!masks.meetings[i]) continue;
			meetings.push(this.#facts.meetings[i]!);
			meetingRows.push(i);
			const v = rows.venue[i]!;
			if (v !== NONE && area[v] !== NONE) {
				covered[area[v]!] = 1;
				held[area[v]!] = held[area[v]!]! + 1;
			}
			if (v !== NONE && point[v]) {
				touched[v] = 1;
				attended[v] = attended[v]! + 1;
			}
			for (let k = rows.othersStart[i]!; k < rows.othersStart[i + 1]!; k++) {
				const c = rows.others[k]!;
				cover(c);
				if (point[c]) {
					touched[c] = 1;
					attended[c] = attended[c]! + 1;
				}
			}
			for (let k = rows.docStart[i]!; k < rows.docStart[i + 1]!; k++) {
				const d = rows.doc[k]!;
				if (!seenDoc[d]) {
					seenDoc[d] = 1;
					meetingDocs++;
				}
			}
		}
		const points: MapPoint[] = [];
		for (const c of rows.byCode) {
			if (!touched[c]) continue;
			const code = rows.codes[c]!;
			points.push({ code, name: nameOf(code), coord: coordinates(code)!, meetings: attended[c]!, mentions: mentions[c]! });
		}
		return {
			key,
			layout,
			meetings,
			meetingRows: Int32Array.from(meetingRows),
			mask,
			measures,
			covered,
			held,
			points,
			meetingDocs,
			links: null,
			search: null,
			indicators: new Map()
		};
	}

	/** An indicator's totals by area, by the rules of aggregate.ts (areaTotals). */
	#indicator(s: FilterState, indicator: string): IndicatorValues {
		const ix = this.#index();
		const k = ix.indicators.indexOf(indicator);
		// The matching figures of the indicator in the figures' order (figuresOfIndicator), and their documents.
		const figures: Figure[] = [];
		const seen = new Uint8Array(ix.docIds);
		let documents = 0;
		if (k >= 0)
			for (let j = ix.indicatorStart[k]!; j < ix.indicatorStart[k + 1]!; j++) {
				const i = ix.byIndicator[j]!;
				if (!s.mask[i]) continue;
				figures.push(ix.figures[i]!);
				for (let d = ix.srcStart[i]!; d < ix.srcStart[i + 1]!; d++) {
					if (seen[ix.srcDoc[d]!]) continue;
					seen[ix.srcDoc[d]!] = 1;
					documents++;
				}
			}
		const t = areaTotals(figures, indicator, s.layout.areaOf);
		const sums = new Map<string, number>();
		const approximate = new Set<string>();
		for (const [a, total] of t.totals) {
			sums.set(a, total.value!);
			if (total.qualifier !== 'exact') approximate.add(a);
		}
		return {
			unit: t.unit,
			sums,
			approximate,
			leftOut: t.leftOut,
			national: t.national ? { value: t.national.value!, qualifier: t.national.qualifier } : null,
			documents
		};
	}

	#name(m: Meeting): string {
		let s = this.#shown.get(m);
		if (s === undefined) this.#shown.set(m, (s = simplified(m.name)));
		return s;
	}

	/** The busiest DRAWN_LINKS lines of the filtered meetings (the most meetings; ties in from + to order), and how many more there are. */
	#busiest(s: FilterState): { links: MapLink[]; leftOut: number } {
		const rows = this.#rows!;
		const count = new Int32Array(rows.links.length);
		let used = 0;
		for (const i of s.meetingRows)
			for (let k = rows.linkStart[i]!; k < rows.linkStart[i + 1]!; k++) {
				const l = rows.link[k]!;
				if (count[l] === 0) used++;
				count[l] = count[l]! + 1;
			}
		// The DRAWN_LINKS busiest without sorting every line: those busier than the DRAWN_LINKS-th
		// busiest, then the ties with it in key order (mapModel's ranking).
		let most = 0;
		for (let l = 0; l < count.length; l++) if (count[l]! > most) most = count[l]!;
		const atLeast = new Int32Array(most + 2);
		for (let l = 0; l < count.length; l++) if (count[l]! > 0) atLeast[count[l]!]++;
		let threshold = most;
		for (let have = atLeast[most]!; threshold > 1 && have < DRAWN_LINKS; ) have += atLeast[--threshold]!;
		const ids: number[] = [];
		for (let l = 0; l < count.length; l++) if (count[l]! >= threshold && count[l]! > 0) ids.push(l);
		const byKey = (a: number, b: number) => (rows.links[a]!.key < rows.links[b]!.key ? -1 : 1);
		const busiest = ids
			.sort((a, b) => count[b]! - count[a]! || byKey(a, b))
			.slice(0, DRAWN_LINKS)
			.sort(byKey);
		const drawn = new Map<number, MapLink>();
		for (const l of busiest) {
			const { from, to } = rows.links[l]!;
			drawn.set(l, { from, to, fromName: nameOf(from), toName: nameOf(to), coords: [coordinates(from)!, coordinates(to)!], meetings: [] });
		}
		for (const i of s.meetingRows)
			for (let k = rows.linkStart[i]!; k < rows.linkStart[i + 1]!; k++) drawn.get(rows.link[k]!)?.meetings.push(this.#name(this.#facts.meetings[i]!));
		return { links: [...drawn.values()], leftOut: used - drawn.size };
	}

	/** Every line of a few meetings (the one picked). */
	#linksOf(meetings: readonly Meeting[]): { links: MapLink[]; leftOut: number } {
		const links = new Map<string, MapLink>();
		for (const m of meetings) {
			const to = venueCode(m);
			const toCoord = to ? coordinates(to) : undefined;
			if (!to || !toCoord) continue;
			for (const from of m.participantCodes) {
				if (from === to) continue;
				const fromCoord = coordinates(from);
				if (!fromCoord) continue;
				const key = `${from}>${to}`;
				const link = links.get(key);
				if (link) link.meetings.push(this.#name(m));
				else links.set(key, { from, to, fromName: nameOf(from), toName: nameOf(to), coords: [fromCoord, toCoord], meetings: [this.#name(m)] });
			}
		}
		const busiest = [...links.values()].sort((a, b) => b.meetings.length - a.meetings.length || (a.from + a.to < b.from + b.to ? -1 : 1)).slice(0, DRAWN_LINKS);
		return { links: busiest.sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1)), leftOut: links.size - busiest.length };
	}

	/** The filtered meetings the search finds (nameMatches), each name folded once per corpus read. */
	#search(s: FilterState, text: string): Meeting[] {
		const words = searchKey(text).split(/\s+/).filter(Boolean);
		if (!words.length) return s.meetings;
		if (s.search?.text === text) return s.search.meetings;
		const meetings = s.meetings.filter((m) => {
			let hay = this.#keys.get(m);
			if (hay === undefined) this.#keys.set(m, (hay = searchKey(m.name)));
			return words.every((w) => hay.includes(w));
		});
		s.search = { text, meetings };
		return meetings;
	}
}
