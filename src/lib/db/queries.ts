// Read-side queries: plain functions over the database, shared by every view.
import { applyEdits } from '../corpus/edits.ts';
import type { Facts } from '../query/facts.ts';
import type { DashboardDB } from './db.ts';
import { bucketKey, joinChunks, type HashBucket, type ShippedChunk } from './shipped.ts';

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
 * The whole corpus with the user's corrections applied, read in one transaction so the views see
 * one consistent corpus: the shipped facts from their chunks, the user's own documents from the
 * rows.
 */
export async function loadFacts(db: DashboardDB): Promise<Facts> {
	return db.transaction('r', [db.shipped, db.imports, db.documents, db.meetings, db.places, db.metrics, db.edits], async () => {
		const [chunks, own, edits] = await Promise.all([shippedChunks(db), db.imports.toCollection().primaryKeys(), db.edits.toArray()]);
		const shipped = joinChunks(chunks);
		const [documents, meetings, places, metrics] = await Promise.all([
			db.documents.bulkGet(own),
			db.meetings.where('docIds').anyOf(own).distinct().toArray(),
			db.places.where('docId').anyOf(own).toArray(),
			db.metrics.where('docId').anyOf(own).toArray()
		]);
		const facts: Facts = {
			documents: [...shipped.documents, ...documents.filter((d) => d !== undefined)],
			meetings: [...shipped.meetings, ...meetings],
			places: [...shipped.places, ...places],
			metrics: [...shipped.metrics, ...metrics]
		};
		return applyEdits(facts, edits);
	});
}

/** Ids of the documents the user imported. */
export async function importedIds(db: DashboardDB): Promise<Set<string>> {
	return new Set(await db.imports.toCollection().primaryKeys());
}
