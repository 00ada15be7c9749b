// Putting a validated corpus into IndexedDB: all of it or nothing, and never the user's own.
import type { Corpus } from '../corpus/schema.ts';
import type { DashboardDB } from './db.ts';
import { rowCount, shippedRecords } from './shipped.ts';
import { isOldMetric, upgradeDocument, upgradeEdit, upgradeMetric } from './upgrade.ts';

export type SyncOutcome = 'stored' | 'unchanged' | 'replaced';

/** The hash of the corpus the database holds, or null when it holds none. */
export async function storedHash(db: DashboardDB): Promise<string | null> {
	return (await db.meta.get('corpus'))?.hash ?? null;
}

/**
 * Writes the shipped corpus in one read-write transaction, as chunks (shipped.ts: a row per fact
 * took 45 s at 10k documents in Chromium): a reload or a failure mid-way leaves
 * the previous corpus untouched. Nothing is written when the stored hash already matches.
 * Only shipped records are replaced: documents the user imported, their texts and facts stay.
 * When the new corpus ships a document the user had imported (same content), the shipped record
 * takes its place and keeps the user's text; corrections follow by content, not by id. A corpus
 * of a newer schema brings the user's own records and added facts to that schema (upgrade.ts).
 * `onStored` hears how many records have been written so far.
 * @example await syncCorpus(db, corpus) // 'stored' on the first visit, 'unchanged' after
 */
export async function syncCorpus(db: DashboardDB, corpus: Corpus, onStored: (records: number) => void = () => undefined): Promise<SyncOutcome> {
	return db.transaction('rw', [db.documents, db.meetings, db.places, db.metrics, db.meta, db.imports, db.texts, db.shipped, db.edits], async () => {
		const previous = await db.meta.get('corpus');
		if (previous?.hash === corpus.hash) return 'unchanged';

		const shippedHashes = new Map(corpus.documents.map((d) => [d.contentHash, d.id]));
		const imports = await db.imports.toArray();
		const superseded = imports.filter((i) => shippedHashes.has(i.contentHash));
		for (const s of superseded) {
			const text = await db.texts.get(s.docId);
			await db.texts.delete(s.docId);
			if (text) await db.texts.put({ docId: shippedHashes.get(s.contentHash)!, text: text.text });
		}
		await db.imports.bulkDelete(superseded.map((s) => s.docId));
		const own = new Set(imports.filter((i) => !shippedHashes.has(i.contentHash)).map((i) => i.docId));

		const tables = [db.documents, db.meetings, db.places, db.metrics];
		if (own.size === 0) await Promise.all(tables.map((t) => t.clear()));
		else await Promise.all([
			db.documents.filter((d) => !own.has(d.id)).delete(),
			db.meetings.filter((m) => !m.docIds.some((d) => own.has(d))).delete(),
			db.places.filter((p) => !own.has(p.docId)).delete(),
			db.metrics.filter((m) => !own.has(m.docId)).delete()
		]);
		// A corpus of an older schema leaves the user's own records in that schema: bring them up.
		if (previous && previous.schemaVersion !== corpus.schemaVersion) {
			if (own.size) {
				await db.documents.bulkPut((await db.documents.bulkGet([...own])).flatMap((d) => (d ? [upgradeDocument(d)] : [])));
				const old = (await db.metrics.filter((m) => own.has(m.docId)).toArray()).filter(isOldMetric);
				await db.metrics.bulkPut(old.map(upgradeMetric));
			}
			const edits = await db.edits.toArray();
			await db.edits.bulkPut(edits.map(upgradeEdit).filter((e, i) => e !== edits[i]));
		}
		// The row tables keep only the user's own documents (a database written before the shipped
		// corpus went to chunks alone had its rows there too: they went with the deletes above).
		await db.shipped.clear();
		// A few chunks at a time, saying how many records are written (the progress bar's store phase).
		const records = shippedRecords(corpus);
		let stored = 0;
		for (let i = 0; i < records.length; i += 8) {
			const batch = records.slice(i, i + 8);
			await db.shipped.bulkAdd(batch);
			for (const r of batch) if (r.table !== 'hashes') stored += rowCount(r);
			onStored(stored);
		}
		await db.meta.put({ key: 'corpus', hash: corpus.hash, schemaVersion: corpus.schemaVersion, storedAt: new Date().toISOString(), records: stored });
		return previous ? 'replaced' : 'stored';
	});
}
