// Read-side queries: plain functions over the database, shared by every view.
import { applyEdits } from '../corpus/edits.ts';
import type { Facts } from '../query/facts.ts';
import type { DashboardDB } from './db.ts';
import { bucketKey, joinChunks, rowCount, rowsOf, type HashBucket, type ShippedChunk } from './shipped.ts';

/** The shipped corpus's fact chunks (not its hash buckets), in no particular order. */
export async function shippedChunks(db: DashboardDB): Promise<ShippedChunk[]> {
	const [before, after] = await Promise.all([db.shipped.where('key').below('hashes:').toArray(), db.shipped.where('key').above('hashes:\uffff').toArray()]);
	return [...before, ...after];
}

/** The shipped corpus's facts as stored (no corrections applied). */
export async function shippedFacts(db: DashboardDB): Promise<Facts> {
	return joinChunks(await shippedChunks(db));
}

/** The id of the shipped document with this content, or null. */
export async function shippedIdOfHash(db: DashboardDB, contentHash: string): Promise<string | null> {
	const bucket = (await db.shipped.get(bucketKey(contentHash))) as HashBucket | undefined;
	return bucket?.rows.find(([hash]) => hash === contentHash)?.[1] ?? null;
}

/**
 * The shipped documents with any of these contents, as content hash → id: one read per distinct
 * hash bucket (an import batch of 50 reads at most 50 of the 256 buckets).
 */
export async function shippedIdsOfHashes(db: DashboardDB, contentHashes: readonly string[]): Promise<Map<string, string>> {
	const wanted = new Set(contentHashes);
	const keys = [...new Set(contentHashes.map(bucketKey))];
	const buckets = (await db.shipped.bulkGet(keys)) as (HashBucket | undefined)[];
	const found = new Map<string, string>();
	for (const bucket of buckets) for (const [hash, id] of bucket?.rows ?? []) if (wanted.has(hash)) found.set(hash, id);
	return found;
}

/**
 * The whole corpus with the user's corrections applied, read in one transaction so the views see
 * one consistent corpus: the shipped facts from their chunks, the user's own documents from the
 * rows. Chunks are read `perRequest` at a time: one in the page, so it decodes ~1 MB per task (one
 * request for all of a 100k-document corpus decoded 170 MB in a single task); more in a worker,
 * where a long task blocks no one and each request's round trip to the storage process costs.
 * `onRead` hears how many records of how many have come. `inHand`: the shipped corpus of that hash,
 * already parsed (the facts worker stored it a moment before): used instead of its chunks.
 */
export async function loadFacts(
	db: DashboardDB,
	onRead: (done: number, total: number) => void = () => undefined,
	perRequest = 1,
	inHand: { hash: string; facts: Facts } | null = null
): Promise<Facts> {
	return db.transaction('r', [db.shipped, db.imports, db.documents, db.meetings, db.places, db.metrics, db.edits, db.meta], async () => {
		const [keys, own, edits, meta] = await Promise.all([
			db.shipped.toCollection().primaryKeys(),
			db.imports.toCollection().primaryKeys(),
			db.edits.toArray(),
			db.meta.get('corpus')
		]);
		const chunks: ShippedChunk[] = [];
		let read = 0;
		const total = meta?.records ?? 0;
		// The shipped corpus just stored by this thread (the facts worker's first load): not read back.
		const held = inHand && meta?.hash === inHand.hash ? inHand.facts : null;
		const factKeys = held ? [] : keys.filter((key) => !key.startsWith('hashes:'));
		for (let i = 0; i < factKeys.length; i += perRequest) {
			const batch = perRequest === 1 ? [await db.shipped.get(factKeys[i]!)] : await db.shipped.bulkGet(factKeys.slice(i, i + perRequest));
			for (const chunk of batch) {
				if (!chunk || chunk.table === 'hashes') continue;
				// parsed here, one chunk per task, rather than all at once when joined
				chunks.push('json' in chunk ? ({ key: chunk.key, table: chunk.table, rows: rowsOf(chunk) } as ShippedChunk) : chunk);
				read += rowCount(chunk);
				onRead(read, Math.max(total, read));
			}
		}
		const shipped = held
			? { documents: [...held.documents], meetings: [...held.meetings], places: [...held.places], metrics: [...held.metrics] }
			: joinChunks(chunks);
		// The row tables hold the user's own documents alone (syncCorpus deletes any other): each is
		// read in one request and checked here, rather than walked by an index cursor or fetched by
		// key, one request per row (~4 s of the main thread over an import of 1,000 documents).
		const mine = new Set(own);
		const [documents, meetings, places, metrics] = await Promise.all([
			db.documents.toArray().then((rows) => rows.filter((d) => mine.has(d.id))),
			db.meetings.toArray().then((rows) => rows.filter((m) => m.docIds.some((d) => mine.has(d)))),
			db.places.toArray().then((rows) => rows.filter((p) => mine.has(p.docId))),
			db.metrics.toArray().then((rows) => rows.filter((m) => mine.has(m.docId)))
		]);
		const add = <T,>(to: T[], rows: readonly (T | undefined)[]) => {
			for (const r of rows) if (r !== undefined) to.push(r);
			return to;
		};
		const facts: Facts = {
			documents: add(shipped.documents, documents),
			meetings: add(shipped.meetings, meetings),
			places: add(shipped.places, places),
			metrics: add(shipped.metrics, metrics)
		};
		return applyEdits(facts, edits);
	});
}

/**
 * A fingerprint of everything loadFacts reads: the stored corpus, the user's documents and
 * corrections. Cheap to read, so a live query can watch it and read the facts only when it moves.
 */
export async function factsStamp(db: DashboardDB): Promise<string> {
	return db.transaction('r', [db.meta, db.imports, db.edits, db.shipped], async () => {
		const [meta, imports, edits, chunks] = await Promise.all([db.meta.get('corpus'), db.imports.toArray(), db.edits.toArray(), db.shipped.count()]);
		return JSON.stringify([meta?.hash ?? null, meta?.storedAt ?? null, chunks, imports.map((i) => [i.docId, i.importedAt]), edits]);
	});
}

/** Ids of the documents the user imported. */
export async function importedIds(db: DashboardDB): Promise<Set<string>> {
	return new Set(await db.imports.toCollection().primaryKeys());
}
