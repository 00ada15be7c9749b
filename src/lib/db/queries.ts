// Read-side queries: plain functions over the database, shared by every view.
import { applyEdits } from '../corpus/edits.ts';
import type { Facts } from '../query/facts.ts';
import type { DashboardDB } from './db.ts';

/**
 * Every table of the corpus with the user's corrections applied, read in one transaction so the
 * views see one consistent corpus.
 */
export async function loadFacts(db: DashboardDB): Promise<Facts> {
	return db.transaction('r', [db.documents, db.meetings, db.places, db.metrics, db.edits], async () => {
		const [documents, meetings, places, metrics, edits] = await Promise.all([
			db.documents.toArray(),
			db.meetings.toArray(),
			db.places.toArray(),
			db.metrics.toArray(),
			db.edits.toArray()
		]);
		return applyEdits({ documents, meetings, places, metrics }, edits);
	});
}

/** Ids of the documents the user imported. */
export async function importedIds(db: DashboardDB): Promise<Set<string>> {
	return new Set(await db.imports.toCollection().primaryKeys());
}
