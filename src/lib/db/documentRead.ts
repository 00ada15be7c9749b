// One document and its own facts read from the database, without reading the rest of the corpus.
// The facts worker answers the document page's request (query/document.ts) from here when it has
// not read the records: at 100k documents the whole read (~350 chunks, 175 MB of JSON parsed,
// 700,000 records) takes seconds, where this parses only the few chunks whose text names the
// document and checks the others with a substring test.
import { anchorOf, applyEdits } from '../corpus/edits.ts';
import type { CorpusDocument, Meeting, Metric, Place } from '../corpus/schema.ts';
import { documentAnswer, type DocumentAnswer } from '../query/document.ts';
import type { Facts } from '../query/facts.ts';
import type { DashboardDB } from './db.ts';
import type { FactChunk, ShippedChunk, TextChunk } from './shipped.ts';

/** Chunks asked for at a time (as loadFacts in the worker). */
const PER_REQUEST = 16;

/**
 * The answer to a document request as the query engine gives it over loadFacts (the document's row
 * and its own facts, corrections applied), read from the chunks and rows that hold the document.
 * The corrections of a meeting are keyed by the document its evidence starts in: those documents
 * are read too.
 * @example (await readDocument(db, 'news-a')).metrics.length
 */
export async function readDocument(db: DashboardDB, id: string): Promise<DocumentAnswer> {
	return db.transaction('r', [db.shipped, db.imports, db.documents, db.meetings, db.places, db.metrics, db.edits], async () => {
		const [keys, own, edits] = await Promise.all([db.shipped.toCollection().primaryKeys(), db.imports.toCollection().primaryKeys(), db.edits.toArray()]);
		// The JSON text of the id, as the chunk's rows were stringified: a chunk without it holds nothing of the document.
		const needle = JSON.stringify(id);
		const factKeys = keys.filter((key) => !key.startsWith('hashes:')).sort();
		const found: Facts = { documents: [], meetings: [], places: [], metrics: [] };
		/** the shipped document chunks, to look up the documents the meetings' corrections are keyed by */
		const documentChunks: (FactChunk | TextChunk)[] = [];
		for (let i = 0; i < factKeys.length; i += PER_REQUEST) {
			const batch = (await db.shipped.bulkGet(factKeys.slice(i, i + PER_REQUEST))) as (ShippedChunk | undefined)[];
			for (const chunk of batch) {
				if (!chunk || chunk.table === 'hashes') continue;
				if (chunk.table === 'documents') documentChunks.push(chunk);
				if ('json' in chunk && !chunk.json.includes(needle)) continue;
				const rows = 'json' in chunk ? (JSON.parse(chunk.json) as unknown[]) : (chunk.rows as unknown[]);
				if (chunk.table === 'meetings') for (const m of rows as Meeting[]) if (m.docIds.includes(id)) found.meetings.push(m);
				if (chunk.table === 'places') for (const p of rows as Place[]) if (p.docId === id) found.places.push(p);
				if (chunk.table === 'metrics') for (const m of rows as Metric[]) if (m.docId === id) found.metrics.push(m);
			}
		}
		// The user's own documents are rows (loadFacts reads them after the shipped corpus, so they come after it here too).
		const mine = new Set(own);
		const [ownMeetings, ownPlaces, ownMetrics] = await Promise.all([
			db.meetings.where('docIds').equals(id).toArray(),
			mine.has(id) ? db.places.where('docId').equals(id).toArray() : Promise.resolve([]),
			mine.has(id) ? db.metrics.where('docId').equals(id).toArray() : Promise.resolve([])
		]);
		// a meeting row listing this document twice comes once from a multi-entry index anyway; keep table order
		const seen = new Set<string>();
		for (const m of ownMeetings.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
			if (seen.has(m.id) || !m.docIds.some((d) => mine.has(d))) continue;
			seen.add(m.id);
			found.meetings.push(m);
		}
		found.places.push(...ownPlaces);
		found.metrics.push(...ownMetrics);
		// The documents: this one, and those the meetings' corrections are keyed by.
		const wanted = new Set([id, ...found.meetings.map((m) => anchorOf(m)?.docId).filter((d): d is string => d != null)]);
		for (const chunk of documentChunks) {
			if ('json' in chunk && ![...wanted].some((d) => chunk.json.includes(JSON.stringify(d)))) continue;
			for (const d of ('json' in chunk ? JSON.parse(chunk.json) : chunk.rows) as CorpusDocument[]) if (wanted.has(d.id)) found.documents.push(d);
		}
		const ownDocuments = (await db.documents.bulkGet([...wanted].filter((d) => mine.has(d)))).filter((d): d is CorpusDocument => d != null);
		found.documents.push(...ownDocuments);
		return documentAnswer(applyEdits(found, edits), { type: 'document', id });
	});
}
