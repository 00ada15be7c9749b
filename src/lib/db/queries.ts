// Read-side queries: plain functions over the database, shared by every view.
import { applyEdits } from '../corpus/edits.ts';
import type { Facts } from '../query/facts.ts';
import type { DashboardDB } from './db.ts';
import { joinChunks } from './shipped.ts';

/**
 * The whole corpus with the user's corrections applied, read in one transaction so the views see
 * one consistent corpus: the shipped facts from their chunks, the user's own documents from the
 * rows.
 */
export async function loadFacts(db: DashboardDB): Promise<Facts> {
	return db.transaction('r', [db.shipped, db.imports, db.documents, db.meetings, db.places, db.metrics, db.edits], async () => {
		const [chunks, own, edits] = await Promise.all([db.shipped.toArray(), db.imports.toCollection().primaryKeys(), db.edits.toArray()]);
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
