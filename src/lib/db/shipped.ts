// The shipped corpus's facts as a few large records beside the rows: reading tens of records
// back from IndexedDB takes a fraction of the time of reading tens of thousands of rows, and
// chunks keep each record small enough for the browser to store (one record of a 100k-document
// corpus, some 250 MB, crashes Chromium's tab).
import type { Facts } from '../query/facts.ts';

/** One run of rows of one fact table; keys sort in table order, then in row order. */
export type ShippedChunk = { [T in keyof Facts]: { key: string; table: T; rows: Facts[T] } }[keyof Facts];

/** Rows per chunk: about 1 MB of metrics. */
export const CHUNK_ROWS = 2000;

const TABLES = ['documents', 'meetings', 'places', 'metrics'] as const;

/**
 * The facts cut into chunks of at most `size` rows.
 * @example chunkFacts(corpus).map((c) => c.key) // ['documents:000000', 'meetings:000000', …]
 */
export function chunkFacts(facts: Facts, size = CHUNK_ROWS): ShippedChunk[] {
	const out: ShippedChunk[] = [];
	for (const table of TABLES) {
		const rows: unknown[] = facts[table];
		for (let i = 0; i < rows.length; i += size)
			out.push({ key: `${table}:${String(i / size).padStart(6, '0')}`, table, rows: rows.slice(i, i + size) } as ShippedChunk);
	}
	return out;
}

/** The facts back from their chunks, rows in their original order. */
export function joinChunks(chunks: readonly ShippedChunk[]): Facts {
	const out: Facts = { documents: [], meetings: [], places: [], metrics: [] };
	const sorted = [...chunks].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	for (const c of sorted) (out[c.table] as unknown[]).push(...c.rows);
	return out;
}
