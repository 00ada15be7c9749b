// Read-side queries: plain functions over the database, shared by every view.
import type { Facts } from '../query/facts.ts';
import type { DashboardDB } from './db.ts';

/** Every table of the corpus, read in one transaction so the views see one consistent corpus. */
export async function loadFacts(db: DashboardDB): Promise<Facts> {
	return db.transaction('r', [db.documents, db.meetings, db.places, db.metrics], async () => {
		const [documents, meetings, places, metrics] = await Promise.all([
			db.documents.toArray(),
			db.meetings.toArray(),
			db.places.toArray(),
			db.metrics.toArray()
		]);
		return { documents, meetings, places, metrics };
	});
}
