// One document → its facts as corpus records. The same code serves the CLI and the import worker.
import { sha256Hex } from '../corpus/hash.ts';
import type { CorpusDocument, Evidence, Meeting, Metric, Place } from '../corpus/schema.ts';
import { coordinates, venueFields } from '../geo/gazetteer.ts';
import { documentKind, documentTitle, publishedAt } from './documentMeta.ts';
import { findMeetings } from './meetings.ts';
import { findMetrics } from './metrics.ts';
import { documentPlaces, findPlaces } from './places.ts';
import { prepareDocument } from './text.ts';
import type { Span } from './types.ts';

export interface DocumentFacts {
	document: CorpusDocument;
	meetings: Meeting[];
	places: Place[];
	metrics: Metric[];
	/** problems worth telling the user that did not stop the document */
	warnings: string[];
}

const EVIDENCE_MAX = 60;

/** The evidence of a span: where it is and the words themselves, cut to a short phrase. */
function evidence(docId: string, text: string, span: Span, phrase?: string): Evidence {
	const words = (phrase ?? text.slice(span.start, span.end)).replace(/\s+/g, ' ').trim();
	return { docId, start: span.start, end: span.end, text: words.length > EVIDENCE_MAX ? `${words.slice(0, EVIDENCE_MAX - 1)}…` : words };
}

/** Provinces named beyond which a document speaks for the nation, not for one region. */
const NATIONAL_SPREAD = 5;

/**
 * The division a document reports on: the venue of its first meeting, else the place it names
 * most (at least twice), the more precise level winning a tie. Null for a document about no one
 * place, or one that names many provinces (a national report).
 */
function documentRegion(meetings: Meeting[], places: Place[]): string | null {
	const venue = meetings.map((m) => m.countyCode ?? m.cityCode ?? m.provinceCode).find((c) => c != null);
	if (venue) return venue;
	if (new Set(places.map((p) => p.adcode.slice(0, 2))).size >= NATIONAL_SPREAD) return null;
	const rank = { county: 0, city: 1, province: 2 } as const;
	const top = [...places].sort((a, b) => b.mentions - a.mentions || rank[a.level] - rank[b.level] || a.evidence.start - b.evidence.start)[0];
	return top && top.mentions >= 2 ? top.adcode : null;
}

/**
 * Reads one file and extracts its document record, meetings, places and metrics.
 * Throws UnreadableFileError when the bytes are not a text document.
 * @example const { metrics } = extractDocument('a.txt', bytes)
 */
export function extractDocument(fileName: string, bytes: Uint8Array): DocumentFacts {
	const doc = prepareDocument(fileName, bytes);
	const warnings: string[] = [];
	if (doc.body.length === 0) warnings.push('no article text found');
	const published = publishedAt(doc);
	const id = doc.id;

	const mentions = findPlaces(doc.norm, doc.body);
	const mentionCount = new Map<string, number>();
	for (const m of mentions) mentionCount.set(m.code, (mentionCount.get(m.code) ?? 0) + 1);
	const places: Place[] = documentPlaces(mentions).map((m) => {
		const [lng, lat] = coordinates(m.code) ?? [0, 0];
		return { id: `${id}@${m.code}`, docId: id, name: m.name, adcode: m.code, level: m.level, lng, lat, mentions: mentionCount.get(m.code) ?? 1, evidence: evidence(id, doc.text, m) };
	});

	const year = published ? Number(published.start.slice(0, 4)) : null;
	const metrics: Metric[] = findMetrics(doc.norm, doc.body, { year }).map((m, i) => ({
		id: `${id}$${i}`,
		docId: id,
		value: m.value,
		unit: m.unit,
		qualifier: m.qualifier,
		category: m.category,
		cumulative: m.cumulative,
		year: m.year,
		subject: m.subject,
		indicator: m.subject ?? m.category,
		scopeCode: m.scopeCode,
		change: m.change,
		part: m.part,
		text: evidence(id, doc.text, m, m.text).text,
		evidence: evidence(id, doc.text, m, m.text)
	}));

	const meetings: Meeting[] = findMeetings(doc, mentions, published).map((m, i) => ({
		id: `${id}#${i}`,
		name: m.name,
		startDate: m.date?.start ?? null,
		endDate: m.date?.end ?? null,
		datePrecision: m.date?.precision ?? null,
		...venueFields(m.venueCode),
		attendees: m.attendees,
		attendeesQualifier: m.attendeesQualifier,
		participantCodes: m.participantCodes,
		docIds: [id],
		evidence: [evidence(id, doc.text, m, m.text)]
	}));

	return {
		document: {
			regionCode: documentRegion(meetings, places),
			id,
			fileName: doc.fileName,
			title: documentTitle(doc),
			publishedAt: published?.start ?? null,
			kind: documentKind(doc),
			length: doc.text.length,
			encoding: doc.encoding,
			contentHash: sha256Hex(doc.text),
			sourceUrl: null
		},
		meetings,
		places,
		metrics,
		warnings
	};
}
