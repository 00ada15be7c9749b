// Display formats shared by views. Pure: tested in Node.
import type { Meeting } from '../corpus/schema.ts';
import { placeName } from '../geo/gazetteer.ts';
import { localeDate, localeDateRange } from '../i18n/dates.ts';
import { unitLabel } from '../i18n/units.ts';

const zh = (locale: string | null | undefined) => !locale || locale.startsWith('zh');

/** Chinese reading of a date of any precision: 2023-05-29 → 2023年5月29日, 2023-05 → 2023年5月; other locales through Intl. */
export function formatDate(iso: string, locale?: string | null): string {
	if (!zh(locale)) return localeDate(iso, locale!);
	const [y, m, d] = iso.split('-');
	return `${y}年` + (m ? `${Number(m)}月` : '') + (d ? `${Number(d)}日` : '');
}

/**
 * A range written the Chinese way, sharing what start and end share.
 * @example formatDateRange('2023-05-29', '2023-05-31') // '2023年5月29日—31日'
 */
export function formatDateRange(start: string | null, end: string | null, locale?: string | null): string {
	if (!start) return zh(locale) ? '日期不详' : 'date unknown';
	if (!zh(locale)) return localeDateRange(start, end, locale!);
	if (!end || end === start) return formatDate(start);
	const [sy, sm] = start.split('-');
	const [ey, em, ed] = end.split('-');
	if (sy === ey && sm === em && ed) return `${formatDate(start)}—${Number(ed)}日`;
	if (sy === ey && em) return `${formatDate(start)}—${formatDate(end).slice(5)}`;
	return `${formatDate(start)}—${formatDate(end)}`;
}

/** The venue from province down to county, without repeating a municipality; in English in pinyin, smallest first (Binzhou, Shandong). */
export function formatVenue(m: Pick<Meeting, 'province' | 'city' | 'county'>, locale?: string | null): string {
	const parts = [m.province, m.city, m.county].filter((p, i, a): p is string => p != null && a.indexOf(p) === i);
	if (!zh(locale)) return parts.length ? parts.map((p) => placeName(p, locale)).reverse().join(', ') : 'place unknown';
	return parts.length ? parts.join('') : '地点不详';
}

/**
 * A count the Chinese way for large values (2.7万, 1.2亿), with separators in English.
 * @example formatNumber(27000, 'zh-CN') // '2.7万'
 */
export function formatNumber(value: number, locale: string): string {
	if (!locale.startsWith('zh')) return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
	// Four significant digits are plenty on a dashboard: 3120.01万 reads as 3120万.
	const trim = (x: number) => String(Number(x.toPrecision(4)));
	if (Math.abs(value) >= 1e8) return `${trim(value / 1e8)}亿`;
	if (Math.abs(value) >= 1e4) return `${trim(value / 1e4)}万`;
	return String(Number(value.toFixed(2)));
}

/**
 * A reported figure with its hedge kept visible: 近100万人次, 2.7万余人次, 60%以上 in Chinese;
 * ≈1,000,000 person-times, 27,000+ person-times, ≥60% in English (units translated).
 * @example formatFigure(27000, '人次', 'over', 'zh-CN') // '2.7万余人次'
 */
export function formatFigure(value: number, unit: string, qualifier: string, locale: string): string {
	const n = formatNumber(value, locale);
	if (locale.startsWith('zh')) {
		const before = qualifier === 'nearly' ? '近' : qualifier === 'about' ? '约' : '';
		const mid = qualifier === 'over' ? '余' : '';
		const after = qualifier === 'atLeast' ? '以上' : '';
		return `${before}${n}${mid}${unit}${after}`;
	}
	const mark = qualifier === 'nearly' || qualifier === 'about' ? '≈' : qualifier === 'atLeast' ? '≥' : '';
	const plus = qualifier === 'over' ? '+' : '';
	const word = unitLabel(unit, locale);
	const sep = word === '%' || word === '×' || word === '' ? '' : ' ';
	return `${mark}${n}${plus}${sep}${word}`;
}
