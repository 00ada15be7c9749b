// The user's own data: imported documents, corrections, and the exchange file of everything.
import type { UserEdit } from '../corpus/edits.ts';
import { exchangeFile, importedId, planExchange, type Exchange, type ExchangePlan } from '../corpus/exchange.ts';
import { rebaseDocument, type DocumentRecords } from '../corpus/rebase.ts';
import { cutFileName, repairRecords } from '../corpus/repair.ts';
import { SCHEMA_VERSION, type CorpusDocument } from '../corpus/schema.ts';
import { mergeNotes } from '../screen/notes.ts';
import type { DashboardDB } from './db.ts';
import { StorageError, asStorageError } from './errors.ts';
import { planBatch } from '../import/batch.ts';
import { shippedFacts, shippedIdsOfHashes } from './queries.ts';

export type StoreOutcome =
	| { outcome: 'stored'; docId: string; /** what was repaired so the records are valid (see repairRecords) */ repairs: string[] }
	| { outcome: 'duplicate'; existing: Pick<CorpusDocument, 'id' | 'title' | 'fileName'> };

/** The tables one imported document writes. */
const userTables = (db: DashboardDB) => [db.documents, db.meetings, db.places, db.metrics, db.texts, db.imports, db.shipped];

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Every document and fact stored, shipped (from its chunks) and the user's own (the rows), each
 * table in id order; a row also in a chunk (written before the shipped corpus went to chunks
 * alone) counts once.
 */
async function allFacts(db: DashboardDB) {
	const [shipped, documents, meetings, places, metrics] = await Promise.all([
		shippedFacts(db),
		db.documents.toArray(),
		db.meetings.toArray(),
		db.places.toArray(),
		db.metrics.toArray()
	]);
	const merge = <T extends { id: string }>(a: T[], b: T[]): T[] => {
		const ids = new Set(a.map((r) => r.id));
		return [...a, ...b.filter((r) => !ids.has(r.id))].sort(byId);
	};
	return {
		documents: merge(shipped.documents, documents),
		meetings: merge(shipped.meetings, meetings),
		places: merge(shipped.places, places),
		metrics: merge(shipped.metrics, metrics)
	};
}

/** One extracted document to store, with the file name it came from. */
export interface ImportItem {
	records: DocumentRecords;
	text: string;
	fileName: string;
}

export type BatchOutcome = StoreOutcome | { outcome: 'invalid'; message: string };

/**
 * Stores a batch of extracted documents, their texts and facts in ONE read-write transaction: a
 * reload or a storage error mid-batch leaves none of them half-written (or written at all: on a
 * StorageError — quota, a clash of ids … — nothing of the batch was stored, and the caller says
 * so for every file of it). Per item, in order: a document whose content the database already
 * holds (shipped, imported, or earlier in the same batch) is not added again and names the stored
 * one; records that cannot be made valid are refused alone ('invalid'); the others are stored
 * valid by construction (repairRecords: an over-long <h1> title or file name is cut, with a
 * warning), so the exchange file of everything stored always passes validateExchange. The shipped
 * corpus is looked up by its content-hash buckets, one read per distinct bucket.
 * @example await storeImportedBatch(db, [{ records, text, fileName: 'a.txt' }]) // [{ outcome: 'stored', docId: 'a~ab12cd', repairs: [] }]
 */
export async function storeImportedBatch(db: DashboardDB, items: readonly ImportItem[]): Promise<BatchOutcome[]> {
	const prepared = items.map((item) => {
		const repaired = repairRecords(rebaseDocument(item.records, importedId(item.records.document.id, item.records.document.contentHash)));
		return { item, repaired };
	});
	const hashes = [...new Set(prepared.flatMap(({ repaired }) => (repaired.ok ? [repaired.records.document.contentHash] : [])))];
	if (!hashes.length) return prepared.map(({ repaired }) => ({ outcome: 'invalid', message: repaired.warnings.at(-1) ?? 'invalid document' }) as const);
	return asStorageError(() =>
		db.transaction('rw', userTables(db), async () => {
			const [shippedIds, stored] = await Promise.all([shippedIdsOfHashes(db, hashes), db.documents.where('contentHash').anyOf(hashes).toArray()]);
			const existing = new Map<string, Pick<CorpusDocument, 'id' | 'title' | 'fileName'>>();
			for (const d of stored) existing.set(d.contentHash, d);
			if (shippedIds.size) {
				const wanted = new Set(shippedIds.values());
				for (const d of (await shippedFacts(db)).documents) if (wanted.has(d.id)) for (const [hash, id] of shippedIds) if (id === d.id) existing.set(hash, d);
			}
			const plan = planBatch(prepared.map(({ repaired }) => (repaired.ok ? repaired.records.document : null)), existing);
			const importedAt = new Date().toISOString();
			const add: { records: DocumentRecords; text: string; fileName: string }[] = [];
			const outcomes = prepared.map(({ item, repaired }, i): BatchOutcome => {
				const step = plan[i]!;
				if (!repaired.ok || step.outcome === 'invalid') return { outcome: 'invalid', message: repaired.warnings.at(-1) ?? 'invalid document' };
				if (step.outcome === 'duplicate') return { outcome: 'duplicate', existing: { id: step.existing.id, title: step.existing.title, fileName: step.existing.fileName } };
				add.push({ records: repaired.records, text: item.text, fileName: item.fileName });
				return { outcome: 'stored', docId: repaired.records.document.id, repairs: repaired.warnings };
			});
			if (add.length) {
				await db.documents.bulkAdd(add.map((a) => a.records.document));
				await db.meetings.bulkAdd(add.flatMap((a) => a.records.meetings));
				await db.places.bulkAdd(add.flatMap((a) => a.records.places));
				await db.metrics.bulkAdd(add.flatMap((a) => a.records.metrics));
				await db.texts.bulkPut(add.map((a) => ({ docId: a.records.document.id, text: a.text })));
				await db.imports.bulkPut(
					add.map((a) => ({ docId: a.records.document.id, contentHash: a.records.document.contentHash, fileName: cutFileName(a.fileName), title: a.records.document.title, importedAt }))
				);
			}
			return outcomes;
		})
	);
}

/**
 * Stores one extracted document, its text and its facts in one read-write transaction (a batch of
 * one, see storeImportedBatch). Throws StorageError ('invalid' for records that cannot be made
 * valid, quota, a clash of ids …); then nothing was written.
 * @example await storeImportedDocument(db, { records, text, fileName: 'a.txt' }) // { outcome: 'stored', docId: 'a~ab12cd', repairs: [] }
 */
export async function storeImportedDocument(db: DashboardDB, item: ImportItem): Promise<StoreOutcome> {
	const [outcome] = await storeImportedBatch(db, [item]);
	if (outcome!.outcome === 'invalid') throw new StorageError('invalid', outcome!.message);
	return outcome!;
}

/** Removes an imported document with its text and facts; its corrections stay (keyed by content) for a re-import. */
export async function removeImportedDocument(db: DashboardDB, docId: string): Promise<void> {
	await asStorageError(() => db.transaction('rw', userTables(db), async () => {
		if (!(await db.imports.get(docId))) return;
		await Promise.all([
			db.documents.delete(docId),
			db.meetings.where('docIds').equals(docId).delete(),
			db.places.where('docId').equals(docId).delete(),
			db.metrics.where('docId').equals(docId).delete(),
			db.texts.delete(docId),
			db.imports.delete(docId)
		]);
	}));
}

/** Stores or replaces one correction; throws StorageError (no space left …) when it was not stored. */
export async function saveEdit(db: DashboardDB, edit: UserEdit): Promise<void> {
	await asStorageError(() => db.edits.put(edit));
}

/** Undoes one correction: the fact shows as extracted again (an added fact disappears). */
export async function removeEdit(db: DashboardDB, key: string): Promise<void> {
	await asStorageError(() => db.edits.delete(key));
}

/**
 * Everything the database holds as one exchange file: facts as extracted, the user's texts and
 * corrections (applied again on read after a restore).
 */
export async function exportExchange(db: DashboardDB): Promise<Exchange> {
	return db.transaction('r', [db.documents, db.meetings, db.places, db.metrics, db.texts, db.imports, db.edits, db.notes, db.shipped], async () => {
		const [{ documents, meetings, places, metrics }, texts, imports, edits, notes] = await Promise.all([
			allFacts(db),
			db.texts.toArray(),
			db.imports.toArray(),
			db.edits.toArray(),
			db.notes.toArray()
		]);
		return exchangeFile({ schemaVersion: SCHEMA_VERSION, documents, meetings, places, metrics }, { imported: imports.map((i) => i.docId), texts, edits, notes });
	});
}

/**
 * Restores a validated exchange file in one read-write transaction: documents whose content is
 * new become the user's own, the others are skipped; corrections from the file replace those
 * with the same key. Fact ids the database holds already are renamed (see planExchange), so a
 * file never clashes with the rows; any failure (StorageError: no space left …) leaves the
 * database as it was.
 */
export async function importExchange(db: DashboardDB, exchange: Exchange): Promise<ExchangePlan> {
	return asStorageError(() => db.transaction('rw', [...userTables(db), db.edits, db.notes], async () => {
		const all = await allFacts(db);
		const existing: Pick<CorpusDocument, 'id' | 'contentHash'>[] = all.documents.map((d) => ({ id: d.id, contentHash: d.contentHash }));
		const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
		const plan = planExchange(exchange, existing, { meetings: ids(all.meetings), places: ids(all.places), metrics: ids(all.metrics) });
		const importedAt = new Date().toISOString();
		await db.documents.bulkAdd(plan.documents);
		await db.meetings.bulkAdd(plan.meetings);
		await db.places.bulkAdd(plan.places);
		await db.metrics.bulkAdd(plan.metrics);
		await db.texts.bulkPut(plan.texts);
		await db.imports.bulkPut(plan.imports.map((i) => ({ ...i, importedAt })));
		await db.edits.bulkPut(plan.edits);
		// Speaker notes: per page the later one, so a note written since the file was saved stays.
		await db.notes.bulkPut(mergeNotes(await db.notes.toArray(), exchange.notes ?? []));
		return plan;
	}));
}
