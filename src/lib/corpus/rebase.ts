// Giving a document's facts a new document id: every record names its document by id.
import type { CorpusDocument, Evidence, Meeting, Metric, Place } from './schema.ts';

export interface DocumentRecords {
	document: CorpusDocument;
	meetings: Meeting[];
	places: Place[];
	metrics: Metric[];
}

/**
 * The same records under document id `id`: the document, every docId and evidence docId, and
 * fact ids that start with the old id (extracted ids do: `a$0`, `a#0`, `a@330100`).
 * @example rebaseDocument(facts, 'a~ab12cd').metrics[0].id // 'a~ab12cd$0'
 */
export function rebaseDocument<T extends DocumentRecords>(records: T, id: string): T {
	const old = records.document.id;
	if (old === id) return records;
	const factId = (f: string) => (f.startsWith(old) ? id + f.slice(old.length) : f);
	const ev = (e: Evidence): Evidence => (e.docId === old ? { ...e, docId: id } : e);
	return {
		...records,
		document: { ...records.document, id },
		meetings: records.meetings.map((m) => ({ ...m, id: factId(m.id), docIds: m.docIds.map((d) => (d === old ? id : d)), evidence: m.evidence.map(ev) })),
		places: records.places.map((p) => ({ ...p, id: factId(p.id), docId: p.docId === old ? id : p.docId, evidence: ev(p.evidence) })),
		metrics: records.metrics.map((m) => ({ ...m, id: factId(m.id), docId: m.docId === old ? id : m.docId, evidence: ev(m.evidence) }))
	};
}
