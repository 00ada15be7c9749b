// The meeting timeline's answer (engine.ts's `timeline` request): the matching meetings as the
// chart draws them — their intervals in time order as typed arrays, with their ids and names
// joined into one string each — rather than the meetings themselves. At 100,000 documents the page
// would otherwise read every record (~50,000 meetings among 700,000 objects) to lay them out.
// What does not depend on the filters (each meeting's interval, the time order, the documents it
// cites as numbers) is computed once per corpus read and kept with it; a filter change is a mask
// over the meetings' filter columns (columns.ts) and one walk of the time order.
// A meeting's details (dates as written, venue, sources), which only the tip and the Enter key
// need, come one at a time with a `timelineMeeting` request.
// Pure: timelineAnswer.spec.ts compares it with the page's former computation (filterFacts, then
// layoutTimeline and meetingsPerYear).
import type { Meeting } from '../corpus/schema.ts';
import type { Filters } from '../state/filters.ts';
import { meetingInterval, type Precision } from '../charts/meetingInterval.ts';
import { columnsOf } from './columns.ts';
import { inRegion, type Facts } from './facts.ts';

/** A meeting's precision as a number: its index here. */
export const PRECISIONS: readonly Precision[] = ['day', 'month', 'year'];
/** The precision code of a meeting without a start date. */
const UNDATED = 255;

export interface TimelineRequest {
	type: 'timeline';
	filters: Filters;
	/** undated meetings listed at most (the page says how many more there are) */
	undated: number;
}

/**
 * The dated meetings in time order (start, then end, then id: the keyboard's order too), one
 * entry per meeting in each array.
 */
export interface TimelineItems {
	/** UTC milliseconds: the interval [start, end) */
	start: Float64Array;
	end: Float64Array;
	/** an index into PRECISIONS */
	precision: Uint8Array;
	/** the meeting's row in the corpus read the answer came from (a hint: ids decide) */
	row: Int32Array;
	/** every id, joined: item i's is ids.slice(idEnd[i - 1] ?? 0, idEnd[i]) (itemId) */
	ids: string;
	idEnd: Uint32Array;
	/** every name as recorded, joined the same way (itemName) */
	names: string;
	nameEnd: Uint32Array;
	/** the longest interval, which bounds how far back a visible item can start */
	maxDuration: number;
}

/** An undated meeting as the page lists it. */
export type UndatedMeeting = Pick<Meeting, 'id' | 'name' | 'docIds'>;

export interface TimelineAnswer {
	/** meetings that match the filters, dated or not */
	total: number;
	items: TimelineItems;
	/** the dated meetings per start year, earliest first: [year, meetings] (the chart's text alternative) */
	perYear: [number, number][];
	/** documents the dated meetings come from (the saved picture's caption) */
	docs: number;
	/** the first undated meetings, in the corpus's order, and how many there are */
	undated: UndatedMeeting[];
	undatedCount: number;
	/** titles of the documents the undated meetings cite */
	titles: Record<string, string>;
}

/** One meeting's details, by its id; `row` is where it was in the read the timeline's answer came from. */
export interface TimelineMeetingRequest {
	type: 'timelineMeeting';
	id: string;
	row: number;
}

export interface TimelineMeetingAnswer {
	/** null when the corpus no longer has it */
	meeting: Meeting | null;
	/** titles of the documents it cites */
	titles: Record<string, string>;
}

/**
 * What the timeline reads of a corpus, whatever the filters: built once per read. The dated
 * meetings are kept in time order ("positions"): an answer copies runs of these columns, and its
 * names and ids are slices of one string, whole runs at a time (a year range is one run).
 */
interface TimelineIndex {
	/** precision code by row (UNDATED: no start date) */
	precision: Uint8Array;
	/** the dated meetings' rows in time order: position p holds row order[p] */
	order: Int32Array;
	/** by position: the interval, the precision code, the start year's slot in `years` */
	start: Float64Array;
	end: Float64Array;
	precisionAt: Uint8Array;
	yearAt: Int32Array;
	years: number[];
	/** every dated meeting's id and name, joined in time order, and where each ends */
	ids: string;
	idEnd: Uint32Array;
	names: string;
	nameEnd: Uint32Array;
	/** the documents each meeting cites, as numbers, by row: meeting i's are docNumber[docStart[i] … docStart[i + 1]) */
	docStart: Int32Array;
	docNumber: Int32Array;
	docNumbers: number;
	/** a meeting's row by id (the first of an id), built when first asked */
	byId: Map<string, number> | null;
}

const indexes = new WeakMap<Facts, TimelineIndex>();

/**
 * The timeline's index of a corpus read, built on first use and kept while the Facts object lives.
 * @example timelineIndex(facts).order.length // dated meetings
 */
function timelineIndex(facts: Facts): TimelineIndex {
	let ix = indexes.get(facts);
	if (!ix) indexes.set(facts, (ix = buildIndex(facts)));
	return ix;
}

/**
 * The dated meetings' rows in time order (start, end, id, then the corpus's order), built once per
 * read with the timeline's index: the replay (replayAnswer.ts) tells them in this order too.
 * @example datedOrder(facts).length // dated meetings
 */
export function datedOrder(facts: Facts): Int32Array {
	return timelineIndex(facts).order;
}

/** Builds the timeline's index now (the facts worker does so after a read, before the page asks). */
export function prepareTimeline(facts: Facts): void {
	timelineIndex(facts);
}

function buildIndex(facts: Facts): TimelineIndex {
	const meetings = facts.meetings;
	const n = meetings.length;
	const startOf = new Float64Array(n);
	const endOf = new Float64Array(n);
	const precision = new Uint8Array(n).fill(UNDATED);
	let dated = 0;
	let cited = 0;
	for (let i = 0; i < n; i++) {
		const m = meetings[i]!;
		cited += m.docIds.length;
		const iv = meetingInterval(m);
		if (!iv) continue;
		startOf[i] = iv.start;
		endOf[i] = iv.end;
		precision[i] = PRECISIONS.indexOf(iv.precision);
		dated++;
	}
	const order = new Int32Array(dated);
	for (let i = 0, k = 0; i < n; i++) if (precision[i] !== UNDATED) order[k++] = i;
	// layoutTimeline's order: start, end, then id (code units, not a collation).
	order.sort((a, b) => {
		if (startOf[a] !== startOf[b]) return startOf[a]! - startOf[b]!;
		if (endOf[a] !== endOf[b]) return endOf[a]! - endOf[b]!;
		const x = meetings[a]!.id;
		const y = meetings[b]!.id;
		return x < y ? -1 : x > y ? 1 : a - b;
	});
	const start = new Float64Array(dated);
	const end = new Float64Array(dated);
	const precisionAt = new Uint8Array(dated);
	const yearAt = new Int32Array(dated);
	const years: number[] = [];
	const slots = new Map<number, number>();
	const idEnd = new Uint32Array(dated);
	const nameEnd = new Uint32Array(dated);
	const ids: string[] = new Array(dated);
	const names: string[] = new Array(dated);
	let idLength = 0;
	let nameLength = 0;
	for (let p = 0; p < dated; p++) {
		const i = order[p]!;
		const m = meetings[i]!;
		start[p] = startOf[i]!;
		end[p] = endOf[i]!;
		precisionAt[p] = precision[i]!;
		// meetingsPerYear's year: the start date's first four digits
		const year = Number(m.startDate!.slice(0, 4));
		let slot = -1;
		if (Number.isInteger(year)) {
			slot = slots.get(year) ?? -1;
			if (slot < 0) slots.set(year, (slot = years.push(year) - 1));
		}
		yearAt[p] = slot;
		ids[p] = m.id;
		idEnd[p] = idLength += m.id.length;
		names[p] = m.name;
		nameEnd[p] = nameLength += m.name.length;
	}
	const numbers = new Map<string, number>();
	const docStart = new Int32Array(n + 1);
	const docNumber = new Int32Array(cited);
	for (let i = 0, k = 0; i < n; i++) {
		docStart[i] = k;
		for (const id of meetings[i]!.docIds) {
			let d = numbers.get(id);
			if (d === undefined) numbers.set(id, (d = numbers.size));
			docNumber[k++] = d;
		}
		docStart[i + 1] = k;
	}
	return {
		precision,
		order,
		start,
		end,
		precisionAt,
		yearAt,
		years,
		ids: ids.join(''),
		idEnd,
		names: names.join(''),
		nameEnd,
		docStart,
		docNumber,
		docNumbers: numbers.size,
		byId: null
	};
}

/**
 * Which meetings match the filters, as filterFacts decides (on start year, venue and the kinds of
 * the documents it cites): 1 per matching meeting, by row, over the filter columns.
 * @example meetingMask(facts, { ...NO_FILTERS, from: 2023, to: 2023 })
 */
export function meetingMask(facts: Facts, f: Filters): Uint8Array {
	const c = columnsOf(facts);
	const mc = c.meetings;
	const n = facts.meetings.length;
	const mask = new Uint8Array(n);
	const ranged = f.from != null || f.to != null;
	const from = f.from ?? -Infinity;
	const to = f.to ?? Infinity;
	// Each region code is tested once, not once per meeting.
	const inside = new Uint8Array(c.regions.values.length);
	if (f.region) c.regions.values.forEach((code, i) => (inside[i] = inRegion(code, f.region!) ? 1 : 0));
	const kind = f.kind ? c.kinds.find(f.kind) : -1;
	if (f.kind && kind < 0) return mask;
	const kindBit = kind >= 0 && kind < 31 ? (1 << kind) >>> 0 : 0;
	for (let i = 0; i < n; i++) {
		const y = mc.year[i]!;
		if (ranged && !(y >= from && y <= to)) continue;
		if (f.region) {
			const r = mc.venue[i]!;
			if (r < 0 || inside[r] !== 1) continue;
		}
		if (f.kind) {
			if (kind >= 31) {
				if (!facts.meetings[i]!.docIds.some((id) => c.docById.get(id)?.kind === f.kind)) continue;
			} else if ((mc.kinds[i]! & kindBit) === 0) continue;
		}
		mask[i] = 1;
	}
	return mask;
}

/**
 * The timeline's answer for one filter state; `titles` names the documents the undated meetings cite.
 * @example timelineAnswer(facts, { type: 'timeline', filters: NO_FILTERS, undated: 200 }, titlesOf).items.start.length
 */
export function timelineAnswer(facts: Facts, r: TimelineRequest, titles: (ids: Iterable<string>) => Record<string, string>): TimelineAnswer {
	const ix = timelineIndex(facts);
	const meetings = facts.meetings;
	const mask = meetingMask(facts, r.filters);
	let total = 0;
	let undatedCount = 0;
	const undated: UndatedMeeting[] = [];
	for (let i = 0; i < mask.length; i++) {
		if (!mask[i]) continue;
		total++;
		if (ix.precision[i] !== UNDATED) continue;
		undatedCount++;
		if (undated.length < r.undated) {
			const m = meetings[i]!;
			undated.push({ id: m.id, name: m.name, docIds: m.docIds });
		}
	}
	const n = total - undatedCount;
	const start = new Float64Array(n);
	const end = new Float64Array(n);
	const precision = new Uint8Array(n);
	const row = new Int32Array(n);
	const idEnd = new Uint32Array(n);
	const nameEnd = new Uint32Array(n);
	// Runs of consecutive positions, each one slice of the index's joined ids and names.
	const idRuns: string[] = [];
	const nameRuns: string[] = [];
	let run = -1;
	/** where position p's text starts in a joined string */
	const at = (ends: Uint32Array, p: number) => (p > 0 ? ends[p - 1]! : 0);
	const endRun = (p: number) => {
		if (run < 0) return;
		idRuns.push(ix.ids.slice(at(ix.idEnd, run), at(ix.idEnd, p)));
		nameRuns.push(ix.names.slice(at(ix.nameEnd, run), at(ix.nameEnd, p)));
		run = -1;
	};
	const seen = new Uint8Array(ix.docNumbers);
	const perYear = new Int32Array(ix.years.length);
	let docs = 0;
	let maxDuration = 0;
	let idLength = 0;
	let nameLength = 0;
	const order = ix.order;
	for (let p = 0, k = 0; p < order.length; p++) {
		const i = order[p]!;
		if (!mask[i]) {
			endRun(p);
			continue;
		}
		if (run < 0) run = p;
		start[k] = ix.start[p]!;
		end[k] = ix.end[p]!;
		precision[k] = ix.precisionAt[p]!;
		row[k] = i;
		idEnd[k] = idLength += ix.idEnd[p]! - at(ix.idEnd, p);
		nameEnd[k] = nameLength += ix.nameEnd[p]! - at(ix.nameEnd, p);
		if (end[k]! - start[k]! > maxDuration) maxDuration = end[k]! - start[k]!;
		for (let j = ix.docStart[i]!; j < ix.docStart[i + 1]!; j++) {
			const d = ix.docNumber[j]!;
			if (!seen[d]) {
				seen[d] = 1;
				docs++;
			}
		}
		if (ix.yearAt[p]! >= 0) perYear[ix.yearAt[p]!]!++;
		k++;
	}
	endRun(order.length);
	return {
		total,
		items: { start, end, precision, row, ids: idRuns.join(''), idEnd, names: nameRuns.join(''), nameEnd, maxDuration },
		perYear: ix.years.flatMap((y, slot) => (perYear[slot] ? [[y, perYear[slot]] as [number, number]] : [])).sort((a, b) => a[0] - b[0]),
		docs,
		undated,
		undatedCount,
		titles: titles(undated.flatMap((m) => m.docIds))
	};
}

/**
 * One meeting's details: the meeting at `row` when it has that id, else the first of that id.
 * @example timelineMeeting(facts, { type: 'timelineMeeting', id: '0001#0', row: 0 }, titlesOf).meeting?.name
 */
export function timelineMeeting(facts: Facts, r: TimelineMeetingRequest, titles: (ids: Iterable<string>) => Record<string, string>): TimelineMeetingAnswer {
	let meeting: Meeting | undefined = facts.meetings[r.row];
	if (meeting?.id !== r.id) {
		const ix = timelineIndex(facts);
		if (!ix.byId) {
			ix.byId = new Map();
			facts.meetings.forEach((m, i) => ix.byId!.has(m.id) || ix.byId!.set(m.id, i));
		}
		const i = ix.byId.get(r.id);
		meeting = i == null ? undefined : facts.meetings[i];
	}
	return { meeting: meeting ?? null, titles: meeting ? titles(meeting.docIds) : {} };
}

const slice = (text: string, ends: Uint32Array, i: number) => text.slice(i > 0 ? ends[i - 1]! : 0, ends[i]!);

/** Item i's meeting id. */
export const itemId = (items: Pick<TimelineItems, 'ids' | 'idEnd'>, i: number): string => slice(items.ids, items.idEnd, i);

/** Item i's name, as recorded. */
export const itemName = (items: Pick<TimelineItems, 'names' | 'nameEnd'>, i: number): string => slice(items.names, items.nameEnd, i);

/** Item i's precision. */
export const itemPrecision = (items: Pick<TimelineItems, 'precision'>, i: number): Precision => PRECISIONS[items.precision[i]!]!;
