// Putting a validated corpus into IndexedDB: all of it or nothing.
import type { Corpus } from '../corpus/schema.ts';
import type { DashboardDB } from './db.ts';

export type SyncOutcome = 'stored' | 'unchanged' | 'replaced';

/** The hash of the corpus the database holds, or null when it holds none. */
export async function storedHash(db: DashboardDB): Promise<string | null> {
	return (await db.meta.get('corpus'))?.hash ?? null;
}

/**
 * Writes the corpus in one read-write transaction: a reload or a failure mid-way leaves
 * the previous corpus untouched. Nothing is written when the stored hash already matches.
 * @example await syncCorpus(db, corpus) // 'stored' on the first visit, 'unchanged' after
 */
export async function syncCorpus(db: DashboardDB, corpus: Corpus): Promise<SyncOutcome> {
	return db.transaction('rw', [db.documents, db.meetings, db.places, db.metrics, db.meta], async () => {
		const previous = await db.meta.get('corpus');
		if (previous?.hash === corpus.hash) return 'unchanged';
		await Promise.all([db.documents.clear(), db.meetings.clear(), db.places.clear(), db.metrics.clear()]);
		await db.documents.bulkAdd(corpus.documents);
		await db.meetings.bulkAdd(corpus.meetings);
		await db.places.bulkAdd(corpus.places);
		await db.metrics.bulkAdd(corpus.metrics);
		await db.meta.put({ key: 'corpus', hash: corpus.hash, schemaVersion: corpus.schemaVersion, storedAt: new Date().toISOString() });
		return previous ? 'replaced' : 'stored';
	});
}
