// The shipped corpus is stored as a few large records, never as one row per fact: in Chromium
// each IndexedDB record costs ~0.15 ms to write and each index entry as much again (measured
// 2026-12-07: 35,000 metric rows with four indexes 17 s, the same rows in 18 chunks 0.15 s), so a
// 10k-document corpus stored row by row took 45 s. Chunks keep each record small enough for the
// browser to store (one record of a 100k-document corpus, some 250 MB, crashes Chromium's tab).
// The row tables hold only the user's own documents.
import type { CorpusDocument } from '../corpus/schema.ts';
import type { Facts } from '../query/facts.ts';

/** One run of rows of one fact table; keys sort in table order, then in row order. */
export type FactChunk = { [T in keyof Facts]: { key: string; table: T; rows: Facts[T] } }[keyof Facts];

/**
 * A chunk as stored since the first load moved to a worker: its rows as JSON text. IndexedDB stores a string
 * with a copy, where an object graph is structured-cloned field by field (a 100k-document corpus:
 * ~10 s to clone, ~1.5 s to stringify), and JSON.parse reads it back faster than the clone is
 * decoded. Chunks stored before hold `rows` (FactChunk); both are read.
 */
export type TextChunk = { [T in keyof Facts]: { key: string; table: T; count: number; json: string } }[keyof Facts];

/**
 * Shipped documents' content hashes by their first two hex digits, so an import finds a
 * duplicate of a shipped document by reading one small record: `rows` are [contentHash, docId].
 */
export interface HashBucket {
	key: string;
	table: 'hashes';
	rows: [string, string][];
}

export type ShippedChunk = FactChunk | TextChunk | HashBucket;

/** How many rows a stored chunk holds. */
export const rowCount = (c: ShippedChunk): number => ('json' in c ? c.count : c.rows.length);

/** The rows of a fact chunk, parsed when stored as text. */
export function rowsOf(c: FactChunk | TextChunk): unknown[] {
	return 'json' in c ? (JSON.parse(c.json) as unknown[]) : c.rows;
}

/** Rows per chunk: about 1 MB of metrics. */
export const CHUNK_ROWS = 2000;

const TABLES = ['documents', 'meetings', 'places', 'metrics'] as const;

/** The key of the bucket that holds a content hash. */
export const bucketKey = (contentHash: string): string => `hashes:${contentHash.slice(0, 2)}`;

/**
 * The facts cut into chunks of at most `size` rows.
 * @example chunkFacts(corpus).map((c) => c.key) // ['documents:000000', 'meetings:000000', …]
 */
export function chunkFacts(facts: Facts, size = CHUNK_ROWS): FactChunk[] {
	const out: FactChunk[] = [];
	for (const table of TABLES) {
		const rows: unknown[] = facts[table];
		for (let i = 0; i < rows.length; i += size)
			out.push({ key: `${table}:${String(i / size).padStart(6, '0')}`, table, rows: rows.slice(i, i + size) } as FactChunk);
	}
	return out;
}

/**
 * The documents' content hashes in buckets (see HashBucket).
 * @example hashBuckets([{ id: 'a', contentHash: 'ab12…' }])[0] // { key: 'hashes:ab', table: 'hashes', rows: [['ab12…', 'a']] }
 */
export function hashBuckets(documents: readonly Pick<CorpusDocument, 'id' | 'contentHash'>[]): HashBucket[] {
	const buckets = new Map<string, [string, string][]>();
	for (const d of documents) {
		const key = bucketKey(d.contentHash);
		let rows = buckets.get(key);
		if (!rows) buckets.set(key, (rows = []));
		rows.push([d.contentHash, d.id]);
	}
	return [...buckets].map(([key, rows]) => ({ key, table: 'hashes', rows }));
}

/** Every record of a shipped corpus: its fact chunks (as JSON text) and its hash buckets. */
export function shippedRecords(facts: Facts, size = CHUNK_ROWS): ShippedChunk[] {
	const text = chunkFacts(facts, size).map((c) => ({ key: c.key, table: c.table, count: c.rows.length, json: JSON.stringify(c.rows) }) as TextChunk);
	return [...text, ...hashBuckets(facts.documents)];
}

/** The facts back from their chunks, rows in their original order (hash buckets are skipped). */
export function joinChunks(chunks: readonly ShippedChunk[]): Facts {
	const out: Facts = { documents: [], meetings: [], places: [], metrics: [] };
	const sorted = chunks.filter((c): c is FactChunk | TextChunk => c.table !== 'hashes').sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	for (const c of sorted) {
		const target = out[c.table] as unknown[];
		for (const row of rowsOf(c)) target.push(row);
	}
	return out;
}
