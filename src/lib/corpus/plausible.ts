// What the schema accepts but the world does not: a document published in 9998, a meeting on
// 2023-02-30, a figure of 10²⁷ 人 or of -5000 人, a meeting of a billion people. The corpus build
// runs this on each document's records before repairRecords (which makes them fit the schema):
// each implausible value is cleared or its fact left out, with a warning that names it.
// Pure: Node (the CLI) and the browser (the import worker).
import type { DocumentRecords } from './rebase.ts';
import type { Meeting, Metric } from './schema.ts';

/** Years a document, a meeting or a figure may be dated (the schema's bounds for a figure's year). */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;
/** Largest plausible amount of money in 元: 10¹⁵ (a thousand trillion) is beyond any budget. */
export const MAX_MONEY = 1e15;
/** Largest plausible count of anything else (people, schools, projects, square metres …). */
export const MAX_FIGURE = 1e12;
/** Largest plausible attendance of one meeting, online audiences included. */
export const MAX_ATTENDEES = 1e8;

/**
 * Whether a date the schema accepts (YYYY, YYYY-MM, YYYY-MM-DD) lies in YEAR_MIN…YEAR_MAX and on
 * the calendar (2023-02-30 does not).
 * @example plausibleDate('9998') // false
 */
export function plausibleDate(date: string): boolean {
	const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
	if (!m) return true; // not a date at all: repairRecords clears it
	const year = Number(m[1]);
	if (year < YEAR_MIN || year > YEAR_MAX) return false;
	if (m[2] != null && m[3] != null) {
		const days = new Date(Date.UTC(year, Number(m[2]), 0)).getUTCDate();
		if (Number(m[3]) > days) return false;
	}
	return true;
}

/** writtenNegative's pattern by unit (a few dozen units), made once rather than for every figure of every document. */
const NEGATIVE_BY_UNIT = new Map<string, RegExp>();

/**
 * Whether the figure's own evidence writes it with a minus sign (`-5000人`, `－5000人`), which the
 * extractor reads as 5000. A range (`3000-5000人`) is not a minus sign.
 */
export function writtenNegative(m: Metric): boolean {
	let pattern = NEGATIVE_BY_UNIT.get(m.unit);
	if (!pattern) {
		const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const unit = esc(m.unit);
		const unitEnd = esc(m.unit.slice(-1));
		// The sign stands before the digits, not between two figures (30%-70%, 3万-5万, 300人-500人)
		// and not as a list bullet (`- 192条`).
		pattern = new RegExp(`(?:^|[^\\d０-９%％.．万亿千百十${unitEnd}\\s])[-－−][\\d０-９][\\d０-９.,，]*\\s*[万亿千百]*\\s*(?:多|余)?${unit}`);
		if (NEGATIVE_BY_UNIT.size >= 512) NEGATIVE_BY_UNIT.clear();
		NEGATIVE_BY_UNIT.set(m.unit, pattern);
	}
	return pattern.test(m.evidence.text);
}

const short = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The records with implausible dates, attendances and figures cleared or left out; one warning
 * each. Records that are all plausible come back as they are.
 * @example plausible(records).warnings // ['document.publishedAt: "9998" lies outside 1900–2100, cleared']
 */
export function plausible<T extends DocumentRecords>(records: T): { records: T; warnings: string[] } {
	const warnings: string[] = [];
	const doc = records.document;
	let document = doc;
	if (doc.publishedAt != null && !plausibleDate(doc.publishedAt)) {
		warnings.push(`document.publishedAt: ${JSON.stringify(doc.publishedAt)} is not a possible date in ${YEAR_MIN}–${YEAR_MAX}, cleared`);
		document = { ...doc, publishedAt: null };
	}

	const meetings = records.meetings.map((m, i): Meeting => {
		const at = `meetings[${i}] (${short(m.name)})`;
		let out = m;
		const set = (patch: Partial<Meeting>) => (out = { ...out, ...patch });
		if (m.startDate != null && !plausibleDate(m.startDate)) {
			warnings.push(`${at}.startDate: ${JSON.stringify(m.startDate)} is not a possible date, cleared`);
			set({ startDate: null, endDate: null, datePrecision: null });
		} else if (m.endDate != null && !plausibleDate(m.endDate)) {
			warnings.push(`${at}.endDate: ${JSON.stringify(m.endDate)} is not a possible date, cleared`);
			set({ endDate: m.startDate });
		} else if (m.startDate != null && m.endDate != null && m.endDate < m.startDate) {
			warnings.push(`${at}.endDate: ${m.endDate} comes before the start ${m.startDate}, set to the start`);
			set({ endDate: m.startDate });
		}
		if (m.attendees != null && m.attendees > MAX_ATTENDEES) {
			warnings.push(`${at}.attendees: ${m.attendees} is not a plausible attendance, cleared`);
			set({ attendees: null, attendeesQualifier: null });
		}
		return out;
	});

	const metrics = records.metrics.filter((m, i) => {
		const at = `metrics[${i}] (${short(m.evidence.text)})`;
		const bound = m.unit.endsWith('元') ? MAX_MONEY : MAX_FIGURE;
		if (!(m.value <= bound)) {
			warnings.push(`${at}: ${m.value} ${m.unit} is beyond any plausible figure (${bound}), left out`);
			return false;
		}
		if (writtenNegative(m)) {
			warnings.push(`${at}: written as a negative figure, left out`);
			return false;
		}
		return true;
	});

	if (warnings.length === 0) return { records, warnings };
	return { records: { ...records, document, meetings, metrics }, warnings };
}
