// The achievements page's stored snapshot: what its answers read, kept per corpus digest in a
// binary columnar form, so a later page load answers any filter state of the page without reading
// the records (at 100k documents: ~350 chunks, 200 MB of JSON, parsed and analysed in ~3 s of the
// worker). Crossfilter's and Mosaic's split taken one step further: the columns the filters and
// aggregates run on are persisted as typed arrays and dictionaries (IndexedDB's structured clone
// copies an ArrayBuffer at memcpy speed, unlike 300,000 objects), and the objects an answer shows
// (the first rows of the table, the conflicts, the titles they link) in small blocks, decoded only
// for the rows shown.
//
// Layout, in the `meta` table (keys `snapshot:v<VERSION>:<digest>…`, the digest being that of the
// stored answers: factsStamp, so the user's imports and corrections change it):
// - the head (`…<digest>`): the figure index's columns (figureIndex.ts), the page's order of the
//   rows grouped by indicator (achievementsQuery.ts), what the totals read of each figure (value,
//   qualifier, kind, measure, part, whole), the conflicts' indicators and rows; written last, so a
//   head found means a whole snapshot;
// - figure blocks (`…:f<b>`): the figures at positions [b·FIGURES, (b+1)·FIGURES) of that order,
//   whole (with their sources), packed (pack/unpack below) in one JSON text, gzipped;
// - conflict blocks (`…:c<b>`): the conflicts without their figures, CONFLICTS a block;
// - title blocks (`…:t<b>`): the title of each document number (srcDoc), TITLES a block.
// A snapshot is answered from by AchievementsQuery.plan, the same code as the engine's answer:
// snapshot.spec.ts compares the two on fixtures, synthetic corpora and the shipped corpus.
import type { Table } from 'dexie';
import type { DashboardDB } from '../db/db.ts';
import type { Conflict, Figure } from './achievements.ts';
import { AchievementsQuery, conflictRows, type ConflictRows } from './achievementsQuery.ts';
import { columnsOf } from './columns.ts';
import type { AchievementsAnswer, AchievementsRequest, QueryEngine, Titles } from './engine.ts';
import type { FigureIndex } from './figureIndex.ts';
import { documentTitle } from './names.ts';

/** The format's version: a head of another version is never read (and is pruned). */
export const SNAPSHOT_VERSION = 2;
export const SNAPSHOT = 'snapshot:';
/** Figures, conflicts and titles a block. */
export const FIGURES = 256;
export const CONFLICTS = 1024;
export const TITLES = 2048;

export const snapshotKey = (digest: string) => `${SNAPSHOT}v${SNAPSHOT_VERSION}:${digest}`;

/** The head: the columns every answer reads (the figure index's, its kinds as pairs). */
export interface SnapshotHead extends Omit<FigureIndex, 'figures' | 'kindCodes'> {
	key: string;
	version: number;
	n: number;
	kindCodes: [string, number][];
	/** the page's order, grouped by indicator (AchievementsQuery.ordered) */
	orderedRows: Int32Array;
	orderedStart: Int32Array;
	/** what the totals read of each figure: value, and codes into the dictionaries (255: null) */
	value: Float64Array;
	qualifier: Uint8Array;
	qualifiers: (string | null)[];
	kind: Uint8Array;
	figureKinds: (string | null)[];
	measure: Uint8Array;
	measures: (string | null)[];
	/** 1: part, 2: whole, 4: superseded */
	flags: Uint8Array;
	/** each conflict's indicator (a code into indicators) and its figures' rows: conflict c's are conflictRows[conflictStart[c] … conflictStart[c + 1]) */
	conflictIndicator: Int32Array;
	conflictStart: Int32Array;
	conflictRows: Int32Array;
	figureBlocks: number;
	conflictBlocks: number;
	titleBlocks: number;
}

/**
 * A block: packed JSON text, gzipped (CompressionStream) where the platform can: at 100k documents
 * ~15 MB stored instead of 120 M characters (~240 MB as IndexedDB keeps a two-byte string).
 */
type SnapshotBlock = { key: string; gz: ArrayBuffer } | { key: string; json: string };

/** A block's text as stored. */
async function compress(key: string, text: string): Promise<SnapshotBlock> {
	if (typeof CompressionStream === 'undefined') return { key, json: text };
	const gz = await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
	return { key, gz };
}

/** A stored block's text. */
async function textOf(b: SnapshotBlock): Promise<string> {
	if ('json' in b) return b.json;
	return new Response(new Blob([b.gz]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

type Row = { key: string };
const rows = (db: DashboardDB) => db.meta as unknown as Table<Row, string>;

// ---- packing: objects as arrays of their values, each object's keys given once per block ----

/**
 * A JSON value with each object's keys said once per block: an object becomes [shape, ...values]
 * (shapes[shape]: its keys, in order), an array ['a', ...items]. Keys whose value is undefined are
 * left out (as JSON.stringify leaves them).
 */
export function pack(value: unknown, shapes: Shapes): unknown {
	if (value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) {
		const out: unknown[] = ['a'];
		for (const v of value) out.push(pack(v, shapes));
		return out;
	}
	// the shape found by walking a tree of the keys (no key list joined per object)
	const out: unknown[] = [0];
	let node = shapes.root;
	const o = value as Record<string, unknown>;
	for (const k in o) {
		const v = o[k];
		if (v === undefined) continue;
		let next = node.next.get(k);
		if (!next) node.next.set(k, (next = { id: -1, keys: [...node.keys, k], next: new Map() }));
		node = next;
		out.push(pack(v, shapes));
	}
	if (node.id < 0) node.id = shapes.list.push(node.keys) - 1;
	out[0] = node.id;
	return out;
}

/** The shapes of a block: each a list of keys, found through a tree of keys. */
export interface Shapes {
	list: string[][];
	root: ShapeNode;
}
interface ShapeNode {
	id: number;
	keys: string[];
	next: Map<string, ShapeNode>;
}
export const newShapes = (): Shapes => ({ list: [], root: { id: -1, keys: [], next: new Map() } });

/** The value pack() packed, with the block's shapes (each a list of keys). */
export function unpack(value: unknown, shapes: readonly string[][]): unknown {
	if (value === null || typeof value !== 'object') return value;
	const list = value as unknown[];
	if (list[0] === 'a') {
		const out: unknown[] = new Array(list.length - 1);
		for (let i = 1; i < list.length; i++) out[i - 1] = unpack(list[i], shapes);
		return out;
	}
	const keys = shapes[list[0] as number]!;
	const out: Record<string, unknown> = {};
	for (let i = 0; i < keys.length; i++) out[keys[i]!] = unpack(list[i + 1], shapes);
	return out;
}

/** A block's text: its items packed, with their shapes. */
export function packBlock(items: readonly unknown[]): string {
	const shapes = newShapes();
	const packed = items.map((x) => pack(x, shapes));
	return JSON.stringify({ shapes: shapes.list, items: packed });
}

export function unpackBlock<T>(json: string): T[] {
	const { shapes, items } = JSON.parse(json) as { shapes: string[][]; items: unknown[] };
	return items.map((x) => unpack(x, shapes) as T);
}

// ---- building ----

/** Strings (or null) to codes < 255 (255: null); null when there are more. */
function codes<T>(items: readonly T[], valueOf: (t: T) => string | null): { codes: Uint8Array; dict: (string | null)[] } | null {
	const dict: (string | null)[] = [];
	const index = new Map<string | null, number>();
	const out = new Uint8Array(items.length);
	for (let i = 0; i < items.length; i++) {
		const v = valueOf(items[i]!) ?? null;
		if (v === null) {
			out[i] = 255;
			continue;
		}
		let c = index.get(v);
		if (c === undefined) {
			if (dict.length >= 255) return null;
			index.set(v, (c = dict.push(v) - 1));
		}
		out[i] = c;
	}
	return { codes: out, dict };
}

/** What a snapshot holds, ready to store: its head and its blocks. */
export interface SnapshotParts {
	head: SnapshotHead;
	/** the blocks' keys and their contents, built on demand (one at a time, so the writer can pause between) */
	blocks: { key: string; build: () => string }[];
}

/**
 * The snapshot of an engine's achievements answers, or null when its answers could not be given
 * from one (a document kind beyond the index's 31 bits, a conflict's figure not in the index, a
 * dictionary of more than 255 qualifiers, kinds or measures).
 */
export function buildSnapshot(e: QueryEngine, digest: string): SnapshotParts | null {
	const { index: ix, query, conflicts } = e.achievementsParts();
	if (ix.kindCodes.size > 31) return null;
	const n = ix.figures.length;
	const figs = ix.figures;
	const qualifier = codes(figs, (f) => f.qualifier);
	const kind = codes(figs, (f) => f.kind);
	const measure = codes(figs, (f) => f.measure);
	if (!qualifier || !kind || !measure) return null;
	const value = Float64Array.from(figs, (f) => f.value);
	const flags = Uint8Array.from(figs, (f) => (f.part ? 1 : 0) | (f.whole ? 2 : 0) | (f.superseded ? 4 : 0));
	// the conflicts' rows, and their indicators as codes
	const rowsOfConflicts = conflictRows(ix, conflicts);
	const indicatorCode = new Map(ix.indicators.map((x, k) => [x, k]));
	const conflictStart = new Int32Array(conflicts.length + 1);
	const rowList: number[] = [];
	const conflictIndicator = new Int32Array(conflicts.length);
	for (let c = 0; c < conflicts.length; c++) {
		const k = indicatorCode.get(conflicts[c]!.indicator);
		if (k === undefined) return null;
		conflictIndicator[c] = k;
		for (const i of rowsOfConflicts[c]!) {
			if (i < 0) return null;
			rowList.push(i);
		}
		conflictStart[c + 1] = rowList.length;
	}
	const { rows: orderedRows, start: orderedStart } = query.ordered;
	// each document number's title (titlesOf: the document's title, else its id: null here)
	const docs = columnsOf(e.facts).docById;
	const titles: (string | null)[] = new Array(ix.docIds).fill(null);
	for (let i = 0; i < n; i++) {
		const sources = figs[i]!.sources;
		for (let j = 0; j < sources.length; j++) {
			const d = ix.srcDoc[ix.srcStart[i]! + j]!;
			if (titles[d] !== null) continue;
			const doc = docs.get(sources[j]!.docId);
			if (doc) titles[d] = documentTitle(doc);
		}
	}
	const key = snapshotKey(digest);
	const figureBlocks = Math.ceil(n / FIGURES);
	const conflictBlocks = Math.ceil(conflicts.length / CONFLICTS);
	const titleBlocks = Math.ceil(ix.docIds / TITLES);
	const blocks: SnapshotParts['blocks'] = [];
	for (let b = 0; b < figureBlocks; b++)
		blocks.push({ key: `${key}:f${b}`, build: () => packBlock(Array.from(orderedRows.subarray(b * FIGURES, (b + 1) * FIGURES), (i) => figs[i]!)) });
	for (let b = 0; b < conflictBlocks; b++)
		blocks.push({ key: `${key}:c${b}`, build: () => packBlock(conflicts.slice(b * CONFLICTS, (b + 1) * CONFLICTS).map(({ figures: _, ...rest }) => rest)) });
	for (let b = 0; b < titleBlocks; b++) blocks.push({ key: `${key}:t${b}`, build: () => JSON.stringify(titles.slice(b * TITLES, (b + 1) * TITLES)) });
	// the index's columns as they are (its figures go into the blocks, its kinds as pairs)
	const { figures: _figures, kindCodes, ...columns } = ix;
	const head: SnapshotHead = {
		...columns,
		key,
		version: SNAPSHOT_VERSION,
		n,
		kindCodes: [...kindCodes],
		orderedRows,
		orderedStart,
		value,
		qualifier: qualifier.codes,
		qualifiers: qualifier.dict,
		kind: kind.codes,
		figureKinds: kind.dict,
		measure: measure.codes,
		measures: measure.dict,
		flags,
		conflictIndicator,
		conflictStart,
		conflictRows: Int32Array.from(rowList),
		figureBlocks,
		conflictBlocks,
		titleBlocks
	};
	return { head, blocks };
}

/**
 * Stores a snapshot: its blocks `perPut` at a time, `between` awaited after each put (the facts
 * worker lets the page's asks in; false: stop, the corpus changed), the head last. Returns whether
 * it was stored whole.
 */
export async function writeSnapshot(db: DashboardDB, parts: SnapshotParts, between: () => Promise<boolean> = () => Promise.resolve(true), perPut = 8): Promise<boolean> {
	const written: string[] = [];
	// a snapshot stopped half-way (the corpus changed) or refused (the disk's quota) leaves no blocks behind
	const undo = () => rows(db).bulkDelete(written).catch(() => undefined);
	try {
		for (let i = 0; i < parts.blocks.length; i += perPut) {
			const batch: SnapshotBlock[] = await Promise.all(parts.blocks.slice(i, i + perPut).map((b) => compress(b.key, b.build())));
			await rows(db).bulkPut(batch);
			for (const b of batch) written.push(b.key);
			if (!(await between())) {
				await undo();
				return false;
			}
		}
		await rows(db).put(parts.head);
		return true;
	} catch (e) {
		await undo();
		throw e;
	}
}

/** Drops every snapshot but this digest's of the current version. */
export async function pruneSnapshots(db: DashboardDB, digest: string): Promise<void> {
	const keep = snapshotKey(digest);
	const keys = await rows(db).where('key').startsWith(SNAPSHOT).primaryKeys();
	const old = keys.filter((k) => k !== keep && !k.startsWith(`${keep}:`));
	if (old.length) await rows(db).bulkDelete(old);
}

// ---- answering ----

/**
 * Figure blocks decoded and kept per snapshot: the rows of the filter states a user goes between.
 * Conflict and title blocks are all kept once read (at 100k documents ~40 and ~50 blocks, a few MB):
 * each answer's conflicts and linked documents are spread over most of them.
 */
const BLOCKS_KEPT = 64;

/** A stored snapshot, read back: answers the achievements page's requests as the engine does. */
export class Snapshot {
	readonly head: SnapshotHead;
	readonly #db: DashboardDB;
	readonly #query: AchievementsQuery;
	/** each row's position in the page's order (its figure block: position / FIGURES) */
	readonly #position: Int32Array;
	readonly #thin: (Figure | undefined)[];
	readonly #blocks = new Map<string, unknown[]>();
	/** the figure blocks kept, oldest first */
	readonly #figureBlocks: string[] = [];

	constructor(db: DashboardDB, head: SnapshotHead) {
		this.#db = db;
		this.head = head;
		const h = head;
		// the index's columns are the head's (its other fields are there too, unread)
		const ix: FigureIndex = {
			...h,
			// the figures are never read through the index here: AchievementsQuery is given #figure
			figures: { length: h.n } as unknown as Figure[],
			kindCodes: new Map(h.kindCodes)
		};
		this.#position = new Int32Array(h.n);
		for (let j = 0; j < h.n; j++) this.#position[h.orderedRows[j]!] = j;
		this.#thin = new Array(h.n);
		const conflicts: ConflictRows[] = Array.from(h.conflictIndicator, (k, c) => ({
			indicator: h.indicators[k]!,
			rows: Array.from(h.conflictRows.subarray(h.conflictStart[c]!, h.conflictStart[c + 1]!))
		}));
		this.#query = new AchievementsQuery(ix, { rows: h.orderedRows, start: h.orderedStart }, conflicts, (i) => this.#figure(i));
	}

	/** Figure i as the totals read it: the fields totalOf, yearTotalsByScope and the chart by place look at. */
	#figure(i: number): Figure {
		let f = this.#thin[i];
		if (!f) {
			const h = this.head;
			const y = h.year[i]!;
			const r = h.region[i]!;
			const flags = h.flags[i]!;
			const dict = (d: (string | null)[], c: number) => (c === 255 ? null : d[c]!);
			f = this.#thin[i] = {
				value: h.value[i]!,
				unit: h.units[h.unit[i]!]!,
				qualifier: dict(h.qualifiers, h.qualifier[i]!),
				kind: dict(h.figureKinds, h.kind[i]!),
				measure: dict(h.measures, h.measure[i]!),
				part: (flags & 1) !== 0,
				whole: (flags & 2) !== 0,
				superseded: (flags & 4) !== 0,
				region: r < 0 ? null : h.regions[r]!,
				year: Number.isNaN(y) ? null : y
			} as unknown as Figure;
		}
		return f;
	}

	/** The decoded blocks of these keys (read together, kept for the next answers). */
	async #read(keys: string[]): Promise<Map<string, unknown[]>> {
		const out = new Map<string, unknown[]>();
		const missing: string[] = [];
		for (const k of keys) {
			if (out.has(k)) continue;
			const have = this.#blocks.get(k);
			if (have) out.set(k, have);
			else if (!missing.includes(k)) missing.push(k);
		}
		if (missing.length) {
			const found = (await rows(this.#db).bulkGet(missing)) as (SnapshotBlock | undefined)[];
			const texts = await Promise.all(
				found.map((b, i) => {
					if (!b) throw new Error(`snapshot block ${missing[i]} missing`);
					return textOf(b);
				})
			);
			texts.forEach((text, i) => {
				const k = missing[i]!;
				const decoded = k.startsWith(`${this.head.key}:t`) ? (JSON.parse(text) as unknown[]) : unpackBlock(text);
				out.set(k, decoded);
				if (k.startsWith(`${this.head.key}:f`)) {
					if (this.#figureBlocks.length >= BLOCKS_KEPT) this.#blocks.delete(this.#figureBlocks.shift()!);
					this.#figureBlocks.push(k);
				}
				this.#blocks.set(k, decoded);
			});
		}
		return out;
	}

	/** The engine's answer to an achievements request (engine.ts), from the snapshot. */
	async answer(r: AchievementsRequest): Promise<AchievementsAnswer> {
		const h = this.head;
		const plan = this.#query.plan(r, new Map());
		const figureKey = (i: number) => `${h.key}:f${Math.floor(this.#position[i]! / FIGURES)}`;
		const conflictKey = (c: number) => `${h.key}:c${Math.floor(c / CONFLICTS)}`;
		const conflictFigureRows = plan.conflicts.flatMap((c) => Array.from(h.conflictRows.subarray(h.conflictStart[c]!, h.conflictStart[c + 1]!)));
		const shownRows = [...plan.rows, ...conflictFigureRows];
		// the documents the shown figures link, by number (a figure's sources are its srcDoc range, in order)
		const docNumbers = shownRows.flatMap((i) => Array.from(h.srcDoc.subarray(h.srcStart[i]!, h.srcStart[i + 1]!)));
		const titleKey = (d: number) => `${h.key}:t${Math.floor(d / TITLES)}`;
		const blocks = await this.#read([...shownRows.map(figureKey), ...plan.conflicts.map(conflictKey), ...docNumbers.map(titleKey)]);
		// one object per figure in the answer (a figure shown in the table and in a conflict is one, as in the engine's)
		const figures = new Map<number, Figure>();
		const figureAt = (i: number) => {
			let f = figures.get(i);
			if (!f) figures.set(i, (f = blocks.get(figureKey(i))![this.#position[i]! % FIGURES] as Figure));
			return f;
		};
		const rowsShown = plan.rows.map(figureAt);
		const conflicts = plan.conflicts.map((c) => {
			const meta = blocks.get(conflictKey(c))![c % CONFLICTS] as Omit<Conflict, 'figures'>;
			return { ...meta, figures: Array.from(h.conflictRows.subarray(h.conflictStart[c]!, h.conflictStart[c + 1]!), figureAt) } as Conflict;
		});
		// titlesOf: in the order the shown figures' sources name them
		const titles: Titles = {};
		let at = 0;
		for (const i of shownRows) {
			for (const s of figureAt(i).sources) {
				const d = docNumbers[at++]!;
				if (s.docId in titles) continue;
				const title = blocks.get(titleKey(d))![d % TITLES] as string | null;
				titles[s.docId] = title ?? s.docId;
			}
		}
		return { ...plan.answer, rows: rowsShown, conflicts, titles };
	}
}

/** Whether a whole snapshot of this digest is stored (its head), without reading it. */
export async function hasSnapshot(db: DashboardDB, digest: string): Promise<boolean> {
	return (await rows(db).where('key').equals(snapshotKey(digest)).count()) > 0;
}

/** The snapshot stored for this corpus digest, or null. */
export async function readSnapshot(db: DashboardDB, digest: string): Promise<Snapshot | null> {
	const head = (await rows(db).get(snapshotKey(digest))) as SnapshotHead | undefined;
	if (!head || head.version !== SNAPSHOT_VERSION) return null;
	return new Snapshot(db, head);
}
