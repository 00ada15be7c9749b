// Filtering the corpus facts for the views. Pure functions over arrays: tested in Node,
// fast enough to rerun on every filter change (a 10k-document corpus filters in milliseconds).
import type { CorpusDocument, Meeting, Metric, Place } from '../corpus/schema.ts';
import type { Filters } from '../state/filters.ts';
import { filterColumns } from './columns.ts';

export interface Facts {
	documents: CorpusDocument[];
	meetings: Meeting[];
	places: Place[];
	metrics: Metric[];
}

export const EMPTY_FACTS: Facts = { documents: [], meetings: [], places: [], metrics: [] };

/**
 * Makes equal strings of the records one string, in place (no value changes): a figure's evidence
 * text, the same as its text for every extracted figure, and each fact's document ids, which become
 * the document's own id. Parsed JSON gives every occurrence a string of its own; the facts worker
 * holds the records of 10⁵ documents, where these copies are ~45 MB (~0.3 s to share once per read).
 * @example shareStrings(facts).metrics[0].evidence.text === facts.metrics[0].text
 */
export function shareStrings(facts: Facts): Facts {
	const ids = new Map<string, string>();
	for (const d of facts.documents) ids.set(d.id, d.id);
	const id = (s: string): string => ids.get(s) ?? s;
	for (const m of facts.metrics) {
		if (m.evidence.text === m.text) m.evidence.text = m.text;
		m.docId = id(m.docId);
		m.evidence.docId = id(m.evidence.docId);
	}
	for (const p of facts.places) {
		p.docId = id(p.docId);
		p.evidence.docId = id(p.evidence.docId);
	}
	for (const m of facts.meetings) {
		for (let i = 0; i < m.docIds.length; i++) m.docIds[i] = id(m.docIds[i]!);
		for (const e of m.evidence) e.docId = id(e.docId);
	}
	return facts;
}

/**
 * Whether a division code lies inside a region: same province for a province region (xx0000),
 * same city for a city region (xxxx00), the very county otherwise.
 * @example inRegion('500109', '500000') // true
 */
export function inRegion(code: string | null | undefined, region: string): boolean {
	if (!code) return false;
	// The whole country is a region of its own: its filter shows national figures, not every province's.
	if (region === '100000' || code === '100000') return code === region;
	if (region.endsWith('0000')) return code.startsWith(region.slice(0, 2));
	if (region.endsWith('00')) return code.startsWith(region.slice(0, 4));
	return code === region;
}

/** The year a date string (YYYY, YYYY-MM, YYYY-MM-DD) falls in. */
export const yearOf = (date: string | null | undefined): number | null => (date ? Number(date.slice(0, 4)) : null);

/** Whether a year lies in the filter's range (any year when no range is set). */
export function inYears(year: number | null, f: Filters): boolean {
	if (f.from == null && f.to == null) return true;
	if (year == null) return false;
	return (f.from == null || year >= f.from) && (f.to == null || year <= f.to);
}

/** The most precise venue code of a meeting. */
export const venueCode = (m: Meeting): string | null => m.countyCode ?? m.cityCode ?? m.provinceCode;

/** The year a figure belongs to: the one the text gives, else its document's publication year. */
export function metricYear(m: Metric, docs: Map<string, CorpusDocument>): number | null {
	return m.year ?? yearOf(docs.get(m.docId)?.publishedAt);
}

export interface Filtered extends Facts {
	/** documents by id, for lookups from filtered records */
	docById: Map<string, CorpusDocument>;
}

/**
 * Applies the global filters, over the facts' columns (columns.ts: built once per corpus read).
 * Meetings match on start year, venue and the kind of a source
 * document; metrics on their year, their place (scope, else their document's region), their document's kind, and the category;
 * places on their document; documents on publication year, region and kind.
 * @example filterFacts(facts, { ...NO_FILTERS, from: 2023, to: 2023 }).meetings
 */
export function filterFacts(facts: Facts, f: Filters): Filtered {
	return filterColumns(facts, f);
}

/** filterFacts record by record: the definition the columns are tested against. */
export function filterRecords(facts: Facts, f: Filters): Filtered {
	const docById = new Map(facts.documents.map((d) => [d.id, d]));
	const kindOk = (docId: string) => !f.kind || docById.get(docId)?.kind === f.kind;
	const documents = facts.documents.filter(
		(d) => inYears(yearOf(d.publishedAt), f) && (!f.region || inRegion(d.regionCode, f.region)) && (!f.kind || d.kind === f.kind)
	);
	const docOk = new Set(documents.map((d) => d.id));
	const meetings = facts.meetings.filter(
		(m) => inYears(yearOf(m.startDate), f) && (!f.region || inRegion(venueCode(m), f.region)) && (!f.kind || m.docIds.some(kindOk))
	);
	const metrics = facts.metrics.filter(
		(m) =>
			inYears(metricYear(m, docById), f) &&
			(!f.region || inRegion(m.scopeCode ?? docById.get(m.docId)?.regionCode, f.region)) &&
			kindOk(m.docId) &&
			(!f.category || m.category === f.category)
	);
	const places = facts.places.filter((p) => docOk.has(p.docId) && (!f.region || inRegion(p.adcode, f.region)));
	return { documents, meetings, places, metrics, docById };
}
