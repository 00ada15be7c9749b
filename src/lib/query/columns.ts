// The facts again as columns, for filtering: one typed array per field a filter reads, strings
// (regions, kinds, categories) replaced by their index in a dictionary. Built once per corpus
// read (cached on the Facts object), so a filter change is a few passes over small integers:
// a region filter is tested once per distinct code (a few thousand) instead of once per record,
// and a document's kind and region are looked up by row instead of through a Map of 100,000 ids.
// Crossfilter's idea without its incremental indexes: at 10⁵–10⁶ rows a full pass over typed
// arrays takes milliseconds, and the record lists the views receive stay exactly as before.
import type { CorpusDocument } from '../corpus/schema.ts';
import type { Filters } from '../state/filters.ts';
import { inRegion, venueCode, yearOf, type Facts, type Filtered } from './facts.ts';

/** No year (or none that reads as one): NaN fails every comparison, as null fails inYears. */
const NO_YEAR = Number.NaN;
/** No region, kind or document. */
const NONE = -1;

/** Strings to small integers and back. */
class Dictionary {
	readonly values: string[] = [];
	readonly #index = new Map<string, number>();
	/** The code of a string (a new one the first time), NONE for null/undefined. */
	code(value: string | null | undefined): number {
		if (value == null) return NONE;
		let i = this.#index.get(value);
		if (i === undefined) {
			i = this.values.length;
			this.values.push(value);
			this.#index.set(value, i);
		}
		return i;
	}
	/** The code of a string already seen, else NONE. */
	find(value: string): number {
		return this.#index.get(value) ?? NONE;
	}
}

/** The columns of one corpus read. */
export interface FactColumns {
	docById: Map<string, CorpusDocument>;
	regions: Dictionary;
	kinds: Dictionary;
	categories: Dictionary;
	documents: { year: Float64Array; region: Int32Array; kind: Int32Array };
	/** kinds: a bit per kind among the meeting's source documents (kinds beyond 31 fall back to the records) */
	meetings: { year: Float64Array; venue: Int32Array; kinds: Uint32Array };
	/** kind: the kind of the figure's document (NONE when the document is not in the corpus) */
	metrics: { year: Float64Array; region: Int32Array; kind: Int32Array; category: Int32Array };
	/** doc: the row of the place's document (NONE when not in the corpus) */
	places: { doc: Int32Array; region: Int32Array };
}

const cache = new WeakMap<Facts, FactColumns>();

const asYear = (y: number | null): number => (y == null ? NO_YEAR : y);

/**
 * The columns of a corpus, built on first use and kept while the Facts object lives.
 * @example columnsOf(facts).metrics.year[0] // 2022
 */
export function columnsOf(facts: Facts): FactColumns {
	let c = cache.get(facts);
	if (!c) cache.set(facts, (c = buildColumns(facts)));
	return c;
}

function buildColumns(facts: Facts): FactColumns {
	const regions = new Dictionary();
	const kinds = new Dictionary();
	const categories = new Dictionary();
	const docById = new Map<string, CorpusDocument>();
	const docRow = new Map<string, number>();
	const nd = facts.documents.length;
	const documents = { year: new Float64Array(nd), region: new Int32Array(nd), kind: new Int32Array(nd) };
	facts.documents.forEach((d, i) => {
		// The last document of an id wins, as in a Map built from the list.
		docById.set(d.id, d);
		docRow.set(d.id, i);
		documents.year[i] = asYear(yearOf(d.publishedAt));
		documents.region[i] = regions.code(d.regionCode);
		documents.kind[i] = kinds.code(d.kind);
	});
	const kindOfDoc = (id: string): number => {
		const d = docById.get(id);
		return d ? kinds.code(d.kind) : NONE;
	};

	const nm = facts.meetings.length;
	const meetings = { year: new Float64Array(nm), venue: new Int32Array(nm), kinds: new Uint32Array(nm) };
	facts.meetings.forEach((m, i) => {
		meetings.year[i] = asYear(yearOf(m.startDate));
		meetings.venue[i] = regions.code(venueCode(m));
		let mask = 0;
		for (const id of m.docIds) {
			const k = kindOfDoc(id);
			if (k >= 0) mask |= k < 31 ? 1 << k : 0x80000000;
		}
		meetings.kinds[i] = mask >>> 0;
	});

	const nx = facts.metrics.length;
	const metrics = { year: new Float64Array(nx), region: new Int32Array(nx), kind: new Int32Array(nx), category: new Int32Array(nx) };
	facts.metrics.forEach((m, i) => {
		const d = docById.get(m.docId);
		metrics.year[i] = asYear(m.year ?? yearOf(d?.publishedAt));
		metrics.region[i] = regions.code(m.scopeCode ?? d?.regionCode);
		metrics.kind[i] = d ? kinds.code(d.kind) : NONE;
		metrics.category[i] = categories.code(m.category);
	});

	const np = facts.places.length;
	const places = { doc: new Int32Array(np), region: new Int32Array(np) };
	facts.places.forEach((p, i) => {
		places.doc[i] = docRow.get(p.docId) ?? NONE;
		places.region[i] = regions.code(p.adcode);
	});
	// docRow points at the last document of an id: a place follows the document docById names.
	return { docById, regions, kinds, categories, documents, meetings, metrics, places };
}

/** For each region code, whether it lies in the filter's region (all true without one). */
function regionTable(c: FactColumns, region: string | null): Uint8Array {
	const table = new Uint8Array(c.regions.values.length);
	c.regions.values.forEach((code, i) => (table[i] = !region || inRegion(code, region) ? 1 : 0));
	return table;
}

/** Which records match the filters, 1 or 0 by row, for each kind of record (filterColumns' test). */
export interface FilterMasks {
	documents: Uint8Array;
	meetings: Uint8Array;
	places: Uint8Array;
	metrics: Uint8Array;
}

/**
 * Which records filterFacts keeps, by row: for views that count over the columns without the
 * records themselves (the map's areas and points).
 * @example filterMasks(facts, { ...NO_FILTERS, from: 2023 }).meetings[0] // 1
 */
export function filterMasks(facts: Facts, f: Filters): FilterMasks {
	const c = columnsOf(facts);
	const ranged = f.from != null || f.to != null;
	const from = f.from ?? -Infinity;
	const to = f.to ?? Infinity;
	const yearOk = (y: number) => !ranged || (y >= from && y <= to);
	const inside = regionTable(c, f.region);
	// A region filter never matches a record without a region.
	const regionOk = (r: number) => (r === NONE ? !f.region : inside[r] === 1);
	const kind = f.kind ? c.kinds.find(f.kind) : NONE;
	const category = f.category ? c.categories.find(f.category) : NONE;

	const dc = c.documents;
	const nd = facts.documents.length;
	const documents = new Uint8Array(nd);
	for (let i = 0; i < nd; i++) documents[i] = yearOk(dc.year[i]!) && regionOk(dc.region[i]!) && (!f.kind || dc.kind[i] === kind) ? 1 : 0;
	// A document id listed twice: Set membership in filterFacts asks whether ANY document of that id passed.
	let passedIds: Set<string> | null = null;
	if (nd !== c.docById.size) {
		passedIds = new Set();
		for (let i = 0; i < nd; i++) if (documents[i]) passedIds.add(facts.documents[i]!.id);
	}

	const mc = c.meetings;
	const kindBit = kind >= 0 ? (kind < 31 ? 1 << kind : 0x80000000) >>> 0 : 0;
	const meetings = new Uint8Array(facts.meetings.length);
	for (let i = 0; i < meetings.length; i++) {
		if (!yearOk(mc.year[i]!) || !regionOk(mc.venue[i]!)) continue;
		if (f.kind) {
			if (kind === NONE) continue;
			if (kind >= 31) {
				if (!facts.meetings[i]!.docIds.some((id) => c.docById.get(id)?.kind === f.kind)) continue;
			} else if ((mc.kinds[i]! & kindBit) === 0) continue;
		}
		meetings[i] = 1;
	}

	const xc = c.metrics;
	const metrics = new Uint8Array(facts.metrics.length);
	for (let i = 0; i < metrics.length; i++)
		metrics[i] =
			yearOk(xc.year[i]!) &&
			(!f.region || (xc.region[i] !== NONE && inside[xc.region[i]!] === 1)) &&
			(!f.kind || (kind !== NONE && xc.kind[i] === kind)) &&
			(!f.category || (category !== NONE && xc.category[i] === category))
				? 1
				: 0;

	const pc = c.places;
	const places = new Uint8Array(facts.places.length);
	for (let i = 0; i < places.length; i++) {
		const row = pc.doc[i]!;
		const passed = passedIds ? passedIds.has(facts.places[i]!.docId) : row !== NONE && documents[row] === 1;
		places[i] = passed && (!f.region || (pc.region[i] !== NONE && inside[pc.region[i]!] === 1)) ? 1 : 0;
	}
	return { documents, meetings, places, metrics };
}

/**
 * filterFacts over the columns: the same records in the same order (facts.spec.ts compares the two
 * on random corpora and filters).
 */
export function filterColumns(facts: Facts, f: Filters): Filtered {
	const m = filterMasks(facts, f);
	return { documents: kept(facts.documents, m.documents), meetings: kept(facts.meetings, m.meetings), places: kept(facts.places, m.places), metrics: kept(facts.metrics, m.metrics), docById: columnsOf(facts).docById };
}

/** The records whose mask is 1, in their order. */
function kept<T>(records: readonly T[], mask: Uint8Array): T[] {
	const out: T[] = [];
	for (let i = 0; i < records.length; i++) if (mask[i] === 1) out.push(records[i]!);
	return out;
}
