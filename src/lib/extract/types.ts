// Shared shapes of the extraction pipeline. Pure types: importable from Node, the browser and a Web Worker.

/** A half-open character range [start, end) into a document's text. */
export interface Span {
	start: number;
	end: number;
}

export type Qualifier = 'exact' | 'about' | 'over' | 'nearly' | 'atLeast';

export type MetricCategory =
	| 'rate'
	| 'international'
	| 'research'
	| 'publication'
	| 'training'
	| 'event'
	| 'participation'
	| 'institution'
	| 'program'
	| 'other';

export const METRIC_CATEGORIES: readonly MetricCategory[] = [
	'rate',
	'international',
	'research',
	'publication',
	'training',
	'event',
	'participation',
	'institution',
	'program',
	'other'
];

/** What a document is: its kind drives the document filter. */
export const DOCUMENT_KINDS = ['news', 'speech', 'report', 'notice'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type PlaceLevel = 'province' | 'city' | 'county';

/** How precise a date is: 2023-05-29 is a day, 2023-05 a month, 2023 a year. */
export type DatePrecision = 'day' | 'month' | 'year';

/** An inclusive date range; start and end carry the same precision. */
export interface DateRange {
	/** YYYY-MM-DD, YYYY-MM or YYYY */
	start: string;
	/** YYYY-MM-DD, YYYY-MM or YYYY; equal to start for a single day */
	end: string;
	precision: DatePrecision;
}

/**
 * A document made ready for the extractors.
 * `text` is what the user sees (HTML already turned into text); every span points into it.
 * `norm` has exactly the same length: full-width forms folded to ASCII and Traditional
 * characters folded to Simplified one for one, so matchers run on `norm` and their spans
 * stay valid for `text`.
 * `body` lists the ranges that carry the article itself: navigation, breadcrumbs,
 * related-article lists and footers are outside it.
 */
export interface PreparedDocument {
	id: string;
	fileName: string;
	text: string;
	norm: string;
	body: Span[];
	/** The title as found in the page (<h1>, <title> or the first heading-like line), or null */
	title: string | null;
	/** The publication line's date (发布时间 / 发布日期 / 签发日期 / 时间 …), or null */
	published: DateRange | null;
}

/** A place of China named in a text, resolved to its GB/T 2260 division. */
export interface PlaceMention extends Span {
	/** the characters as written, e.g. 滨州 */
	surface: string;
	/** 6-digit GB/T 2260 code, e.g. 371600 */
	code: string;
	/** official full name, e.g. 滨州市 */
	name: string;
	level: PlaceLevel;
}

/** A reported figure. `text` is a short evidence phrase around it (≤ 40 characters). */
export interface MetricMention extends Span {
	value: number;
	unit: string;
	qualifier: Qualifier;
	category: MetricCategory;
	/** reported as a running total (累计, 截至, 共计 since …): never add it across years */
	cumulative: boolean;
	/** the year the figure belongs to when the text says so, else null */
	year: number | null;
	/** what is counted, as the text names it, or null */
	subject: string | null;
	/** the division the figure's clause names when it is not the document's, else null */
	scopeCode: string | null;
	/** the figure is the change of a level, not the level */
	change: 'increase' | 'decrease' | null;
	/** a component of another figure of the same document */
	part: boolean;
	text: string;
}

/** A meeting reported as held. */
export interface MeetingMention extends Span {
	name: string;
	date: DateRange | null;
	/** GB/T 2260 code of the most precise venue division named, or null */
	venueCode: string | null;
	attendees: number | null;
	attendeesQualifier: Qualifier | null;
	/** codes of the divisions whose bodies took part (the venue included) */
	participantCodes: string[];
	text: string;
}
