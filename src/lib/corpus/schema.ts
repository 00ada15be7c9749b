// The corpus: what the CLI writes, the app ships and the browser stores. Types are derived
// from the valibot schemas so the runtime check and the compile-time shape never drift.
import * as v from 'valibot';
import { DOCUMENT_KINDS, METRIC_CATEGORIES } from '../extract/types.ts';

/** Bump when a stored corpus can no longer be read as is; the app then replaces it. */
export const SCHEMA_VERSION = 2;

const Id = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(200, 'is longer than 200 characters'));
const Name = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(300, 'is longer than 300 characters'));
const IsoDate = v.pipe(
	v.string(),
	v.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date YYYY, YYYY-MM or YYYY-MM-DD')
);
const Adcode = v.pipe(v.string(), v.regex(/^\d{6}$/, 'must be a 6-digit GB/T 2260 code'));
const Offset = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0, 'must not be negative'));

export const Qualifier = v.picklist(['exact', 'about', 'over', 'nearly', 'atLeast']);
export const Category = v.picklist(METRIC_CATEGORIES);
export const DocumentKind = v.picklist(DOCUMENT_KINDS);
export const PlaceLevel = v.picklist(['province', 'city', 'county']);
export const DatePrecision = v.picklist(['day', 'month', 'year']);
export const Change = v.picklist(['increase', 'decrease']);

/**
 * What a reviewer did to a record, set when corrections are applied (data/corrections.json in the
 * CLI, the user's own in the browser): corrected its fields, confirmed it unchanged (a document:
 * every fact checked), or added it. Optional: a corpus built without corrections has none, so its
 * bytes and hash stay as they were.
 */
export const Review = v.object({
	status: v.picklist(['corrected', 'confirmed', 'added']),
	at: v.pipe(v.string(), v.isoTimestamp('must be an ISO timestamp')),
	note: v.optional(v.pipe(v.string(), v.maxLength(500, 'is longer than 500 characters')))
});

/** Where a fact stands in its document: a character span and a short phrase around it. */
export const Evidence = v.pipe(
	v.object({
		docId: Id,
		start: Offset,
		end: Offset,
		text: v.pipe(v.string(), v.maxLength(80, 'is longer than 80 characters: evidence is a short phrase'))
	}),
	v.check((e) => e.end >= e.start, 'end must not come before start')
);

export const DocumentRecord = v.object({
	id: Id,
	fileName: Name,
	title: v.nullable(Name),
	publishedAt: v.nullable(IsoDate),
	kind: DocumentKind,
	/** characters of the document's text */
	length: Offset,
	encoding: v.string(),
	/** the division whose work the document reports (a 全省 report: the province; a national body: 100000), for regional views */
	regionCode: v.nullable(Adcode),
	/** the page's address, from the input folder's SOURCES.tsv, or null */
	sourceUrl: v.nullable(v.pipe(v.string(), v.maxLength(2000, 'is longer than 2000 characters'))),
	/** SHA-256 of the document's text: the same content is never added twice */
	contentHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest')),
	/** for a document read from a PDF: where each page starts in its text (page 1 at 0); absent otherwise */
	pageStarts: v.optional(v.pipe(v.array(Offset), v.maxLength(2000, 'has more than 2000 pages'))),
	/** set when a reviewer corrected the region or marked the whole document reviewed */
	review: v.optional(Review)
});

export const MeetingRecord = v.object({
	id: Id,
	name: Name,
	startDate: v.nullable(IsoDate),
	endDate: v.nullable(IsoDate),
	datePrecision: v.nullable(DatePrecision),
	province: v.nullable(Name),
	provinceCode: v.nullable(Adcode),
	city: v.nullable(Name),
	cityCode: v.nullable(Adcode),
	county: v.nullable(Name),
	countyCode: v.nullable(Adcode),
	attendees: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
	attendeesQualifier: v.nullable(Qualifier),
	/** divisions whose bodies took part, the venue included */
	participantCodes: v.array(Adcode),
	docIds: v.pipe(v.array(Id), v.minLength(1, 'must name at least one document')),
	evidence: v.array(Evidence),
	review: v.optional(Review)
});

export const PlaceRecord = v.object({
	id: Id,
	docId: Id,
	name: Name,
	adcode: Adcode,
	level: PlaceLevel,
	lng: v.pipe(v.number(), v.minValue(73), v.maxValue(136)),
	lat: v.pipe(v.number(), v.minValue(3), v.maxValue(54)),
	/** how often the document names it */
	mentions: v.pipe(v.number(), v.integer(), v.minValue(1)),
	evidence: Evidence,
	review: v.optional(Review)
});

export const MetricRecord = v.object({
	id: Id,
	docId: Id,
	value: v.pipe(v.number(), v.finite('must be a finite number'), v.minValue(0, 'must not be negative')),
	unit: v.pipe(v.string(), v.minLength(1), v.maxLength(12)),
	qualifier: Qualifier,
	category: Category,
	/** a running total (累计, 截至): never added across years */
	cumulative: v.boolean(),
	/** what is counted, as the text names it (研究报告, 培训教师), or null when the text does not say */
	subject: v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(40, 'is longer than 40 characters'))),
	/** the indicator the subject maps to in the project's vocabulary, or the subject itself */
	indicator: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(40, 'is longer than 40 characters')),
	/** the division the figure describes when it differs from its document's region, else null */
	scopeCode: v.nullable(Adcode),
	/** set when the figure is the change of a level (增加4所, 减少276人), not the level */
	change: v.nullable(Change),
	/** a component of another figure of the same document (其中…): never added to it */
	part: v.boolean(),
	year: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2100))),
	text: v.pipe(v.string(), v.maxLength(80)),
	evidence: Evidence,
	review: v.optional(Review)
});

export const CorpusSchema = v.object({
	schemaVersion: v.literal(SCHEMA_VERSION, `must be ${SCHEMA_VERSION}`),
	/** SHA-256 of the corpus content without this field: its version identity */
	hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest')),
	documents: v.array(DocumentRecord),
	meetings: v.array(MeetingRecord),
	places: v.array(PlaceRecord),
	metrics: v.array(MetricRecord)
});

export type Corpus = v.InferOutput<typeof CorpusSchema>;
export type CorpusDocument = v.InferOutput<typeof DocumentRecord>;
export type Meeting = v.InferOutput<typeof MeetingRecord>;
export type Place = v.InferOutput<typeof PlaceRecord>;
export type Metric = v.InferOutput<typeof MetricRecord>;
export type Evidence = v.InferOutput<typeof Evidence>;
export type Review = v.InferOutput<typeof Review>;
export type CorpusContent = Omit<Corpus, 'hash'>;
