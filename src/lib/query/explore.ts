// The explorer's rows: every figure and meeting of the filtered corpus in one sortable,
// searchable list, and the CSV of exactly what is shown.
import { division, placeName } from '../geo/gazetteer.ts';
import type { CorpusDocument } from '../corpus/schema.ts';
import type { MetricCategory, Qualifier } from '../extract/types.ts';
import { unitLabel } from '../i18n/units.ts';
import { metricYear, venueCode, type Filtered } from './facts.ts';
import { factReview } from './review.ts';
import { documentTitle, searchKey, simplified } from './names.ts';

export interface ExploreRow {
	id: string;
	type: 'metric' | 'meeting';
	/** YYYY-MM-DD, YYYY-MM or YYYY; a figure's year */
	date: string | null;
	region: string | null;
	category: MetricCategory | null;
	value: number | null;
	unit: string | null;
	qualifier: Qualifier | null;
	/** the meeting's name or the figure's evidence phrase */
	text: string;
	docId: string;
	/** what the figure counts, as the text names it */
	subject: string | null;
	/** the indicator it counts, by name */
	indicator: string | null;
	/** the place the figure describes (its scope, else its document's region), by name */
	scope: string | null;
	change: 'increase' | 'decrease' | null;
	/** a component of another figure of its document */
	part: boolean | null;
	/** what a reviewer did (the fact's mark or its fully reviewed document's), or null */
	reviewed: 'corrected' | 'confirmed' | 'added' | null;
}

/** One collator for every comparison: String.localeCompare builds one per call. */
const collator = new Intl.Collator('zh-CN');

export type SortKey = 'type' | 'date' | 'region' | 'category' | 'value' | 'text' | 'docId' | 'subject' | 'indicator' | 'scope' | 'change' | 'part';

/** The name of a division; the whole country is 全国. */
export const regionName = (code: string | null | undefined): string | null => (code ? code === '100000' ? '全国' : (division(code)?.name ?? null) : null);

/**
 * Figures and meetings as rows, meetings first within a date; `indicatorName` names an indicator
 * (its id by default).
 */
export function exploreRows(f: Filtered, indicatorName: (indicator: string) => string = (i) => i): ExploreRow[] {
	const rows: ExploreRow[] = [];
	for (const m of f.meetings) {
		rows.push({
			id: m.id, type: 'meeting', date: m.startDate, region: regionName(venueCode(m)), category: null,
			value: m.attendees, unit: m.attendees == null ? null : '人', qualifier: m.attendeesQualifier, text: simplified(m.name), docId: m.docIds[0]!,
			subject: null, indicator: null, scope: null, change: null, part: null, reviewed: factReview(m, f.docById)?.status ?? null
		});
	}
	for (const m of f.metrics) {
		const year = metricYear(m, f.docById);
		const region = f.docById.get(m.docId)?.regionCode;
		rows.push({
			id: m.id, type: 'metric', date: year == null ? null : String(year), region: regionName(region),
			category: m.category, value: m.value, unit: m.unit, qualifier: m.qualifier, text: m.text, docId: m.docId,
			subject: m.subject, indicator: indicatorName(m.indicator), scope: regionName(m.scopeCode ?? region), change: m.change, part: m.part,
			reviewed: factReview(m, f.docById)?.status ?? null
		});
	}
	return rows;
}

/** Only the rows a reviewer corrected, confirmed or added (the explorer's "reviewed only"). */
export const reviewedRows = (rows: ExploreRow[]): ExploreRow[] => rows.filter((r) => r.reviewed != null);

/** The words of a search, folded as the rows' text is (Simplified and Traditional, full- and half-width match each other; see names.ts). */
export const searchWords = (query: string): string[] => searchKey(query.trim()).split(/\s+/).filter(Boolean);

/** What a search looks in: a row's text, region, scope, unit, document, category, subject and indicator, folded. */
export const haystack = (r: ExploreRow): string =>
	searchKey(`${r.text} ${r.region ?? ''} ${r.scope ?? ''} ${r.unit ?? ''} ${r.docId} ${r.category ?? ''} ${r.subject ?? ''} ${r.indicator ?? ''}`);

/** Rows whose text, region, scope, unit, document, subject or indicator contain every word of the query. */
export function searchRows(rows: ExploreRow[], query: string): ExploreRow[] {
	const words = searchWords(query);
	if (!words.length) return rows;
	return rows.filter((r) => {
		const hay = haystack(r);
		return words.every((w) => hay.includes(w));
	});
}

/**
 * A stable sort by one column; empty cells always last.
 * @example sortRows(rows, 'value', 'desc')
 */
export function sortRows(rows: ExploreRow[], key: SortKey, dir: 'asc' | 'desc'): ExploreRow[] {
	const sign = dir === 'asc' ? 1 : -1;
	const n = rows.length;
	// Each row's rank in the column: numbers and booleans as they are, text by the collator's order
	// of its distinct values (compared once each, not once per comparison of rows: 400,000 rows have
	// a few thousand dates and regions); text the collator finds equal gets one rank. Empty: NaN.
	const rank = new Float64Array(n);
	const texts = new Map<string, number>();
	let kinds = 0;
	for (let i = 0; i < n; i++) {
		const x = rows[i]![key];
		if (x == null) rank[i] = NaN;
		else if (typeof x === 'number') (rank[i] = x), (kinds |= 1);
		else if (typeof x === 'boolean') (rank[i] = Number(x)), (kinds |= 2);
		else (texts.set(String(x), 0), (kinds |= 4));
	}
	// A column of mixed kinds (none today) is sorted as before, comparing its cells pairwise.
	if (kinds !== 1 && kinds !== 2 && kinds !== 4 && kinds !== 0) return sortPairwise(rows, key, sign);
	if (kinds === 4) {
		const distinct = [...texts.keys()].sort(collator.compare);
		let r = 0;
		for (let k = 0; k < distinct.length; k++) {
			if (k > 0 && collator.compare(distinct[k - 1]!, distinct[k]!) !== 0) r++;
			texts.set(distinct[k]!, r);
		}
		for (let i = 0; i < n; i++) {
			const x = rows[i]![key];
			if (x != null) rank[i] = texts.get(String(x))!;
		}
	}
	const order = Array.from({ length: n }, (_, i) => i);
	order.sort((i, j) => {
		const x = rank[i]!;
		const y = rank[j]!;
		if (x !== x || y !== y) return x !== x && y !== y ? i - j : x !== x ? 1 : -1;
		return x !== y ? (x < y ? -sign : sign) : i - j;
	});
	return order.map((i) => rows[i]!);
}

/** sortRows by comparing each pair of cells (numbers by value, booleans as 0 and 1, the rest as text). */
export function sortPairwise(rows: ExploreRow[], key: SortKey, sign: 1 | -1): ExploreRow[] {
	return rows
		.map((r, i) => [r, i] as const)
		.sort(([a, i], [b, j]) => {
			const x = a[key];
			const y = b[key];
			if (x == null || y == null) return x == null && y == null ? i - j : x == null ? 1 : -1;
			const c = typeof x === 'number' && typeof y === 'number' ? x - y : typeof x === 'boolean' ? Number(x) - Number(y) : collator.compare(String(x), String(y));
			return c !== 0 ? sign * c : i - j;
		})
		.map(([r]) => r);
}

/**
 * Text a spreadsheet may read as a formula: = + - @ (or their full-width forms ＝ ＋ － ＠, which
 * some spreadsheets fold to ASCII) after any leading spaces (ASCII, no-break, ideographic), or a
 * leading tab, carriage return or line feed.
 */
const FORMULA = /^(?:[\s\u00a0\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r\n])/;

/**
 * A CSV cell: quoted when needed, and never a formula — a cell that could start one (see
 * FORMULA) gets a leading apostrophe so spreadsheets show it as text.
 * @example csvCell('=HYPERLINK("x")') // '"\'=HYPERLINK(""x"")"'
 */
export function csvCell(value: string | number | null): string {
	if (value == null) return '';
	let s = String(value);
	if (typeof value === 'string' && FORMULA.test(s)) s = `'${s}`;
	return /[",\n\r]/.test(s) || s.startsWith("'") ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text of the given header and rows, with a byte-order mark so spreadsheet programs read UTF-8. */
export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
	return '\ufeff' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A message from the interface catalogue (svelte-i18n's `$_`). */
export type Translate = (key: string, options?: { values?: Record<string, string | number> }) => string;

/** The CSV's columns: what the explorer shows, then where each row comes from. */
const CSV_COLUMNS = [
	'explore.type',
	'explore.date',
	'explore.region',
	'explore.category',
	'indicator.label',
	'indicator.subject',
	'explore.value',
	'explore.unit',
	'explore.qualifier',
	'indicator.scope',
	'explore.change',
	'indicator.part',
	'explore.text',
	'export.sourceTitle',
	'export.sourceUrl',
	'export.documentId'
] as const;

/**
 * The explorer's rows as a table for the CSV, every column named and every word written in the
 * interface language (`t`, `locale`); each row ends with its source document's title, address
 * and id. Numbers stay numbers; document titles and evidence stay as the sources wrote them.
 * @example csvTable(shown, docById, $_, 'en').header[13] // 'Source document'
 */
export function csvTable(
	rows: readonly ExploreRow[],
	docById: ReadonlyMap<string, Pick<CorpusDocument, 'title' | 'fileName' | 'sourceUrl'>>,
	t: Translate,
	locale: string
): { header: string[]; rows: Array<Array<string | number | null>> } {
	const place = (name: string | null): string | null => (name == null ? null : name === '全国' ? t('indicator.national') : placeName(name, locale));
	return {
		header: CSV_COLUMNS.map((key) => t(key)),
		rows: rows.map((r) => {
			const doc = docById.get(r.docId);
			return [
				t(`explore.${r.type}`),
				r.date,
				place(r.region),
				r.category ? t(`category.${r.category}`) : null,
				r.indicator,
				r.subject,
				r.value,
				r.unit == null ? null : unitLabel(r.unit, locale),
				r.qualifier && r.qualifier !== 'exact' ? t(`qualifier.${r.qualifier}`) : null,
				place(r.scope),
				r.change ? t(`indicator.change.${r.change}`) : null,
				r.part ? t('indicator.part') : null,
				r.text,
				doc ? documentTitle(doc, Infinity) : null,
				doc?.sourceUrl ?? null,
				r.docId
			];
		})
	};
}
