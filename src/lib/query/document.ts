// One document's facts, and its text cut into plain and highlighted pieces for the reader.
// The document page asks the query engine for them (a `document` request) instead of reading the
// whole corpus into the page: at 100,000 documents the records are 700,000 objects, one document's a
// dozen.
import type { CorpusDocument, Meeting, Metric, Place } from '../corpus/schema.ts';
import type { Facts } from './facts.ts';

export interface DocumentFacts {
	meetings: Meeting[];
	places: Place[];
	metrics: Metric[];
}

/** The facts a document reports, in text order. */
export function factsOf(facts: Facts, docId: string): DocumentFacts {
	const byStart = <T extends { evidence: { start: number } }>(a: T, b: T) => a.evidence.start - b.evidence.start;
	return {
		meetings: facts.meetings.filter((m) => m.docIds.includes(docId)),
		places: facts.places.filter((p) => p.docId === docId).sort(byStart),
		metrics: facts.metrics.filter((m) => m.docId === docId).sort(byStart)
	};
}

/** The document page's request: one document and its own facts. */
export interface DocumentRequest {
	type: 'document';
	id: string;
}

/** A document (null: no document has this id) and the facts it reports, in text order. */
export interface DocumentAnswer extends DocumentFacts {
	document: CorpusDocument | null;
}

/**
 * The answer to a document request: the document's row and its facts (factsOf), none when there
 * is no such document. `byId`: the documents by id, when the caller has them (the engine's columns).
 * @example documentAnswer(facts, { type: 'document', id: 'news-a' }).metrics.length
 */
export function documentAnswer(facts: Facts, r: DocumentRequest, byId?: ReadonlyMap<string, CorpusDocument>): DocumentAnswer {
	const document = (byId ? byId.get(r.id) : facts.documents.find((d) => d.id === r.id)) ?? null;
	if (!document) return { document: null, meetings: [], places: [], metrics: [] };
	return { document, ...factsOf(facts, r.id) };
}

export interface Mark {
	start: number;
	end: number;
	/** the fact's id: the anchor a link to this evidence points at */
	id: string;
	kind: 'meeting' | 'place' | 'metric';
}

export type Segment = { text: string; mark: null } | { text: string; mark: Mark };

/**
 * Cuts a text into plain and marked segments; overlapping marks keep the one that starts first
 * (the longer on a tie), so every character appears exactly once.
 * @example highlightSegments('培训100人', [{ start: 2, end: 6, id: 'm1', kind: 'metric' }])
 *   // [{ text: '培训', mark: null }, { text: '100人', mark: {…} }]
 */
export function highlightSegments(text: string, marks: Mark[]): Segment[] {
	const sorted = marks
		.filter((m) => m.start < m.end && m.start >= 0 && m.end <= text.length)
		.sort((a, b) => a.start - b.start || b.end - a.end);
	const out: Segment[] = [];
	let at = 0;
	for (const m of sorted) {
		if (m.start < at) continue;
		if (m.start > at) out.push({ text: text.slice(at, m.start), mark: null });
		out.push({ text: text.slice(m.start, m.end), mark: m });
		at = m.end;
	}
	if (at < text.length) out.push({ text: text.slice(at), mark: null });
	return out;
}
