// Display formats shared by views. Pure: tested in Node.
import type { Meeting } from '../corpus/schema.ts';

/** Chinese reading of a date of any precision: 2023-05-29 → 2023年5月29日, 2023-05 → 2023年5月. */
export function formatDate(iso: string): string {
	const [y, m, d] = iso.split('-');
	return `${y}年` + (m ? `${Number(m)}月` : '') + (d ? `${Number(d)}日` : '');
}

/**
 * A range written the Chinese way, sharing what start and end share.
 * @example formatDateRange('2023-05-29', '2023-05-31') // '2023年5月29日—31日'
 */
export function formatDateRange(start: string | null, end: string | null): string {
	if (!start) return '日期不详';
	if (!end || end === start) return formatDate(start);
	const [sy, sm] = start.split('-');
	const [ey, em, ed] = end.split('-');
	if (sy === ey && sm === em && ed) return `${formatDate(start)}—${Number(ed)}日`;
	if (sy === ey && em) return `${formatDate(start)}—${formatDate(end).slice(5)}`;
	return `${formatDate(start)}—${formatDate(end)}`;
}

/** The venue from province down to county, without repeating a municipality. */
export function formatVenue(m: Pick<Meeting, 'province' | 'city' | 'county'>): string {
	const parts = [m.province, m.city, m.county].filter((p, i, a): p is string => p != null && a.indexOf(p) === i);
	return parts.length ? parts.join('') : '地点不详';
}
