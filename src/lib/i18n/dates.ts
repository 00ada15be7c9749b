// Dates of any precision (2023, 2023-05, 2023-05-29) in the interface language, through Intl.
// Pure: tested in Node. Read in UTC so the machine's time zone never shifts a day. Chinese keeps
// its own way of sharing a range's year and month (2023年5月29日—31日), which Intl does not write.
import { formatDate, formatDateRange } from '../views/format.ts';

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, parts: 1 | 2 | 3): Intl.DateTimeFormat {
	const key = `${locale}|${parts}`;
	let f = cache.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(locale, {
			timeZone: 'UTC',
			year: 'numeric',
			...(parts >= 2 ? { month: 'short' } : {}),
			...(parts === 3 ? { day: 'numeric' } : {})
		} as Intl.DateTimeFormatOptions);
		cache.set(key, f);
	}
	return f;
}

function parse(iso: string): { date: Date; parts: 1 | 2 | 3 } | null {
	const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
	if (!m) return null;
	const parts = (m[3] ? 3 : m[2] ? 2 : 1) as 1 | 2 | 3;
	return { date: new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1)), parts };
}

/**
 * A date of any precision in `locale`.
 * @example localeDate('2023-05-29', 'en') // 'May 29, 2023'; localeDate('2023-05', 'zh-CN') // '2023年5月'
 */
export function localeDate(iso: string, locale: string): string {
	if (locale.startsWith('zh')) return formatDate(iso);
	const p = parse(iso);
	return p ? formatter(locale, p.parts).format(p.date) : iso;
}

/**
 * A range in `locale`, sharing what start and end share (Intl's formatRange).
 * @example localeDateRange('2023-05-29', '2023-05-31', 'en') // 'May 29 – 31, 2023'
 */
export function localeDateRange(start: string, end: string | null, locale: string): string {
	if (locale.startsWith('zh')) return formatDateRange(start, end);
	const a = parse(start);
	const b = end ? parse(end) : null;
	// Intl separates with thin spaces; plain ones read the same and copy cleanly.
	if (!a) return start;
	if (!b || end === start) return localeDate(start, locale);
	const parts = Math.min(a.parts, b.parts) as 1 | 2 | 3;
	return formatter(locale, parts).formatRange(a.date, b.date).replace(/[\u2009\u202f]/g, ' ');
}
