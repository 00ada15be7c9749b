// The browser's copy of the corpus, in IndexedDB through Dexie.
import Dexie, { type Table } from 'dexie';
import type { UserEdit } from '../corpus/edits.ts';
import type { DocumentText } from '../corpus/exchange.ts';
import type { CorpusDocument, Meeting, Metric, Place } from '../corpus/schema.ts';
import type { SpeakerNote } from '../screen/notes.ts';
import { chunkFacts, type ShippedChunk } from './shipped.ts';

export type { DocumentText } from '../corpus/exchange.ts';

/**
 * Marks a document as the user's own (imported in the browser, not shipped): a new shipped
 * corpus replaces every document except these.
 */
export interface ImportedDocument {
	docId: string;
	contentHash: string;
	/** the file the user dropped */
	fileName: string;
	/** the document's title, so the list of the user's documents needs no read of the facts */
	title?: string | null;
	importedAt: string;
}

/** What the app knows about the corpus it has stored. */
export interface CorpusMeta {
	key: 'corpus';
	hash: string;
	schemaVersion: number;
	storedAt: string;
	/** documents, meetings, places and figures of the shipped corpus (for the progress of reading it back) */
	records?: number;
}

export const DB_NAME = 'zhijiao-dashboard';

/**
 * Tables mirror the corpus arrays; indexes serve the views' filters.
 * Keep every old version() declaration when adding one: Dexie upgrades step by step.
 */
export class DashboardDB extends Dexie {
	documents!: Table<CorpusDocument, string>;
	meetings!: Table<Meeting, string>;
	places!: Table<Place, string>;
	metrics!: Table<Metric, string>;
	meta!: Table<CorpusMeta, string>;
	texts!: Table<DocumentText, string>;
	imports!: Table<ImportedDocument, string>;
	edits!: Table<UserEdit, string>;
	/** the shipped corpus's facts again, in chunks: the views read these (see shipped.ts) */
	shipped!: Table<ShippedChunk, string>;
	/** the presenter's speaker notes, one per page of the wall (the user's own: kept across corpora) */
	notes!: Table<SpeakerNote, string>;

	constructor(name: string = DB_NAME) {
		super(name);
		this.version(1).stores({
			documents: 'id, publishedAt, kind, contentHash',
			meetings: 'id, startDate, provinceCode, cityCode, *docIds',
			places: 'id, docId, adcode, level',
			metrics: 'id, docId, category, year, unit',
			meta: 'key'
		});
		this.version(2).stores({ texts: 'docId' });
		// Version 3 adds the user's own data beside the corpus tables and leaves their rows as they
		// are. Version 2 kept texts only for documents the user imported, so those are marked so.
		this.version(3)
			.stores({ imports: 'docId, contentHash', edits: 'key, docHash' })
			.upgrade(async (tx) => {
				const texts = await tx.table<DocumentText, string>('texts').toArray();
				const docs = await tx.table<CorpusDocument, string>('documents').bulkGet(texts.map((t) => t.docId));
				const importedAt = new Date().toISOString();
				await tx.table<ImportedDocument, string>('imports').bulkPut(
					docs.flatMap((d) => (d ? [{ docId: d.id, contentHash: d.contentHash, fileName: d.fileName, title: d.title, importedAt }] : []))
				);
			});
		// Version 4 keeps the shipped facts in chunks too, cut from the rows that are not the user's own.
		this.version(4)
			.stores({ shipped: 'key' })
			.upgrade(async (tx) => {
				const own = new Set(await tx.table<ImportedDocument, string>('imports').toCollection().primaryKeys());
				const rows = async <T,>(name: string, shipped: (row: T) => boolean) => (await tx.table<T>(name).toArray()).filter(shipped);
				await tx.table<ShippedChunk, string>('shipped').bulkAdd(
					chunkFacts({
						documents: await rows<CorpusDocument>('documents', (d) => !own.has(d.id)),
						meetings: await rows<Meeting>('meetings', (m) => !m.docIds.some((d) => own.has(d))),
						places: await rows<Place>('places', (p) => !own.has(p.docId)),
						metrics: await rows<Metric>('metrics', (m) => !own.has(m.docId))
					})
				);
			});
		// Version 5 adds the presenter's speaker notes; nothing else changes.
		this.version(5).stores({ notes: 'page' });
	}
}
