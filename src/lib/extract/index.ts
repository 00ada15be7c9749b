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
import { prepareDocument, type PreparedWithEncoding } from './text.ts';
import type { DateRange, MeetingMention, PlaceMention, Span } from './types.ts';

export interface DocumentFacts {
	document: CorpusDocument;
	meetings: Meeting[];
	places: Place[];
	metrics: Metric[];
	/** problems worth telling the user that did not stop the document */
	warnings: string[];
	/** the prepared text the evidence offsets point into */
	text: string;
	/** byte sequences of a UTF-8 document that were not valid UTF-8, read as U+FFFD (utf8Damage's count; absent when none) */
	replaced?: number;
}

const EVIDENCE_MAX = 60;

type NodeCrypto = { hash(algorithm: string, data: string | Uint8Array): string };
/** Node's native one-shot SHA-256 when running in Node (the CLI, the bench): several times faster than the portable one. */
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

/**
 * SHA-256 of the text's UTF-8 bytes as lowercase hex: the same digest everywhere, native in Node,
 * where the file's own bytes are hashed when they are that UTF-8 (no encoding of megabytes first).
 */
function contentHash(text: string, utf8?: Uint8Array): string {
	return nodeCrypto ? nodeCrypto.hash('sha256', utf8 ?? text) : sha256Hex(text);
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

/** One document for extractDocuments. */
export interface DocumentInput {
	fileName: string;
	bytes: Uint8Array;
	options?: ExtractOptions;
}

/** A document's facts, or what stopped its extraction (an UnreadableFileError, say). */
export type Extracted = { facts: DocumentFacts } | { error: unknown };

/** What one document's extraction has found so far, as the stages fill it in. */
interface Work {
	input: DocumentInput;
	doc: PreparedWithEncoding;
	published: DateRange | null;
	mentions: PlaceMention[];
	places: Place[];
	meetingMentions: MeetingMention[];
	meetings: Meeting[];
	regionCode: string | null;
	metrics: Metric[];
}

/**
 * Extracts several documents, stage by stage: every document is prepared, then every one's places
 * are found, then its meetings, and so on. The facts are those extractDocument gives each document
 * alone; the order only keeps each stage's code and tables warm (a third less time than one
 * document after another through every stage). A document that throws is reported with its error
 * and leaves the others untouched.
 * @example extractDocuments([{ fileName: 'a.txt', bytes }]).map((r) => ('facts' in r ? r.facts.document.id : r.error))
 */
export function extractDocuments(inputs: readonly DocumentInput[]): Extracted[] {
	const results: Extracted[] = new Array(inputs.length);
	const work: Array<Partial<Work> & { input: DocumentInput }> = inputs.map((input) => ({ input }));
	/** Runs one stage over every document still going; a throw ends that document only. */
	const stage = (step: (w: Partial<Work> & { input: DocumentInput }, i: number) => void): void => {
		work.forEach((w, i) => {
			if (results[i]) return;
			try {
				step(w, i);
			} catch (error) {
				results[i] = { error };
			}
		});
	};

	stage((w) => {
		w.doc = prepareDocument(w.input.fileName, w.input.bytes);
		w.published = publishedAt(w.doc);
	});
	stage((w) => {
		const { doc } = w as Work;
		const id = doc.id;
		const mentions = findPlaces(doc.norm, doc.body);
		const mentionCount = new Map<string, number>();
		for (const m of mentions) mentionCount.set(m.code, (mentionCount.get(m.code) ?? 0) + 1);
		w.mentions = mentions;
		w.places = documentPlaces(mentions).map((m) => {
			const [lng, lat] = coordinates(m.code) ?? [0, 0];
			return { id: `${id}@${m.code}`, docId: id, name: m.name, adcode: m.code, level: m.level, lng, lat, mentions: mentionCount.get(m.code) ?? 1, evidence: evidence(id, doc.text, m) };
		});
	});
	stage((w) => {
		const { doc, mentions, published } = w as Work;
		const id = doc.id;
		w.meetingMentions = findMeetings(doc, mentions, published);
		w.meetings = w.meetingMentions.map((m, i) => ({
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
	});
	stage((w) => {
		const { doc, mentions, meetingMentions } = w as Work;
		const titleSpan = doc.title && doc.body[0] ? { start: doc.body[0].start, end: lineEnd(doc.norm, doc.body[0].start) } : null;
		w.regionCode = documentRegion({ norm: doc.norm, body: doc.body, places: mentions, title: titleSpan, meetings: meetingMentions });
	});
	stage((w) => {
		const { doc, published, mentions, regionCode } = w as Work;
		const id = doc.id;
		const year = published ? Number(published.start.slice(0, 4)) : null;
		w.metrics = findMetrics(doc.norm, doc.body, { year, places: mentions, regionCode }).map((m, i) => {
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
	});
	stage((w, i) => {
		const { input, doc, published, regionCode, meetings, places, metrics } = w as Work;
		const pageStarts = fittingPages(input.options?.pageStarts, doc.text.length);
		const warnings: string[] = [];
		if (doc.body.length === 0) warnings.push('no article text found');
		const document: CorpusDocument = {
			regionCode,
			id: doc.id,
			fileName: doc.fileName,
			title: documentTitle(doc) ?? leadTitle(doc),
			publishedAt: published?.start ?? null,
			kind: documentKind(doc),
			length: doc.text.length,
			encoding: doc.encoding,
			contentHash: contentHash(doc.text, doc.utf8),
			sourceUrl: null,
			...(pageStarts ? { pageStarts } : {})
		};
		results[i] = { facts: { document, meetings, places, metrics, warnings, text: doc.text, ...(doc.replaced ? { replaced: doc.replaced } : {}) } };
	});
	return results;
}

/**
 * Reads one file and extracts its document record, meetings, places and metrics.
 * Throws UnreadableFileError when the bytes are not a text document. Word and PDF files are read
 * to text first by readers/ (extractFromFile): their text comes here as UTF-8 under the file's name.
 * @example const { metrics } = extractDocument('a.txt', bytes)
 */
export function extractDocument(fileName: string, bytes: Uint8Array, options: ExtractOptions = {}): DocumentFacts {
	const result = extractDocuments([{ fileName, bytes, options }])[0]!;
	if ('error' in result) throw result.error;
	return result.facts;
}
