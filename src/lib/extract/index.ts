// One document → its facts as corpus records. The same code serves the CLI and the import worker.
import { sha256Hex } from '../corpus/hash.ts';
import type { CorpusDocument, Evidence, Meeting, Metric, Place } from '../corpus/schema.ts';
import { coordinates, venueFields } from '../geo/gazetteer.ts';
import { documentKind, documentTitle, leadTitle, publishedAt } from './documentMeta.ts';
import { findMeetings } from './meetings.ts';
import { findMetrics } from './metrics.ts';
import { documentPlaces, findPlaces } from './places.ts';
import { documentRegion } from './region.ts';
import { indicatorOf } from '../indicators/indicators.ts';
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

type NodeCrypto = { hash(algorithm: string, text: string): string };
/** Node's native one-shot SHA-256 when running in Node (the CLI, the bench): several times faster than the portable one. */
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

/** SHA-256 of the text's UTF-8 bytes as lowercase hex: the same digest everywhere, native in Node. */
function contentHash(text: string): string {
	return nodeCrypto ? nodeCrypto.hash('sha256', text) : sha256Hex(text);
}

/** The evidence of a span: where it is and the words themselves, cut to a short phrase. */
function evidence(docId: string, text: string, span: Span, phrase?: string): Evidence {
	const words = (phrase ?? text.slice(span.start, span.end)).replace(/\s+/g, ' ').trim();
	return { docId, start: span.start, end: span.end, text: words.length > EVIDENCE_MAX ? `${words.slice(0, EVIDENCE_MAX - 1)}…` : words };
}

/** The end of the line that starts at `start`. */
function lineEnd(norm: string, start: number): number {
	const nl = norm.indexOf('\n', start);
	return nl < 0 ? norm.length : nl;
}

export interface ExtractOptions {
	/** for text read from a PDF (readers/): where each page starts in it, kept in the document record */
	pageStarts?: number[] | null;
}

/** Page starts that fit the prepared text (ascending, inside it), or null. */
function fittingPages(pageStarts: number[] | null | undefined, length: number): number[] | null {
	if (!pageStarts || pageStarts.length === 0) return null;
	return pageStarts.every((s, i) => Number.isInteger(s) && s >= 0 && s <= length && (i === 0 || s >= pageStarts[i - 1]!)) ? pageStarts : null;
}

/**
 * Reads one file and extracts its document record, meetings, places and metrics.
 * Throws UnreadableFileError when the bytes are not a text document. Word and PDF files are read
 * to text first by readers/ (extractFromFile): their text comes here as UTF-8 under the file's name.
 * @example const { metrics } = extractDocument('a.txt', bytes)
 */
export function extractDocument(fileName: string, bytes: Uint8Array, options: ExtractOptions = {}): DocumentFacts {
	const doc = prepareDocument(fileName, bytes);
	const pageStarts = fittingPages(options.pageStarts, doc.text.length);
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

	const meetingMentions = findMeetings(doc, mentions, published);
	const meetings: Meeting[] = meetingMentions.map((m, i) => ({
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

	const titleSpan = doc.title && doc.body[0] ? { start: doc.body[0].start, end: lineEnd(doc.norm, doc.body[0].start) } : null;
	const regionCode = documentRegion({ norm: doc.norm, body: doc.body, places: mentions, title: titleSpan, meetings: meetingMentions });

	const year = published ? Number(published.start.slice(0, 4)) : null;
	const metrics: Metric[] = findMetrics(doc.norm, doc.body, { year, places: mentions, regionCode }).map((m, i) => {
		const ev = evidence(id, doc.text, m, m.text);
		return {
			id: `${id}$${i}`,
			docId: id,
			value: m.value,
			unit: m.unit,
			qualifier: m.qualifier,
			category: m.category,
			cumulative: m.cumulative,
			year: m.year,
			subject: m.subject,
			indicator: indicatorOf(m.subject, m.unit, m.category),
			scopeCode: m.scopeCode,
			change: m.change,
			part: m.part,
			text: ev.text,
			evidence: ev
		};
	});

	return {
		document: {
			regionCode,
			id,
			fileName: doc.fileName,
			title: documentTitle(doc) ?? leadTitle(doc),
			publishedAt: published?.start ?? null,
			kind: documentKind(doc),
			length: doc.text.length,
			encoding: doc.encoding,
			contentHash: contentHash(doc.text),
			sourceUrl: null,
			...(pageStarts ? { pageStarts } : {})
		},
		meetings,
		places,
		metrics,
		warnings
	};
}
