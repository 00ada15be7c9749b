// The browser's copy of the corpus, in IndexedDB through Dexie.
import Dexie, { type Table } from 'dexie';
import type { CorpusDocument, Meeting, Metric, Place } from '../corpus/schema.ts';

/** A document's full text, kept only for documents the user imported (their own). */
export interface DocumentText {
	docId: string;
	text: string;
}

/** What the app knows about the corpus it has stored. */
export interface CorpusMeta {
	key: 'corpus';
	hash: string;
	schemaVersion: number;
	storedAt: string;
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
	}
}
