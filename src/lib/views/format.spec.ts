import { describe, expect, test } from 'vitest';
import { formatDate, formatDateRange, formatFigure, formatNumber, formatVenue } from './format.ts';

test.each([
	['2023-05-29', '2023年5月29日'],
	['2023-05', '2023年5月'],
	['2023', '2023年']
])('writes %s as %s', (iso, text) => expect(formatDate(iso)).toBe(text));

test.each([
	['2023-05-29', '2023-05-31', '2023年5月29日—31日'],
	['2023-05-30', '2023-06-01', '2023年5月30日—6月1日'],
	['2023-05-29', '2023-05-29', '2023年5月29日'],
	['2022-12-30', '2023-01-02', '2022年12月30日—2023年1月2日'],
	[null, null, '日期不详']
])('writes the range %s..%s as %s', (s, e, text) => expect(formatDateRange(s, e)).toBe(text));

test('names a municipality once', () => {
	expect(formatVenue({ province: '重庆市', city: '重庆市', county: '北碚区' })).toBe('重庆市北碚区');
	expect(formatVenue({ province: null, city: null, county: null })).toBe('地点不详');
});

test.each([
	[27000, 'zh-CN', '2.7万'],
	[45200, 'zh-CN', '4.52万'],
	[120000000, 'zh-CN', '1.2亿'],
	[421, 'zh-CN', '421'],
	[31200100, 'zh-CN', '3120万'],
	[27000, 'en', '27,000']
])('writes %d in %s as %s', (value, locale, text) => expect(formatNumber(value, locale)).toBe(text));

test.each([
	[1000000, '人次', 'nearly', 'zh-CN', '近100万人次'],
	[27000, '人次', 'over', 'zh-CN', '2.7万余人次'],
	[60, '%', 'atLeast', 'zh-CN', '60%以上'],
	[200, '人', 'about', 'zh-CN', '约200人'],
	[421, '份', 'exact', 'zh-CN', '421份'],
	[27000, '人次', 'over', 'en', '27,000+ person-times'],
	[60, '%', 'atLeast', 'en', '≥60%'],
	[1000000, '人次', 'nearly', 'en', '≈1,000,000 person-times']
])('shows %d %s (%s) in %s as %s', (value, unit, q, locale, text) => expect(formatFigure(value, unit, q, locale)).toBe(text));

describe('English dates and places', () => {
	test.each([
		['2023-05-29', '2023-05-31', 'May 29 – 31, 2023'],
		[null, null, 'date unknown']
	])('range %s–%s → %s', (a, b, out) => expect(formatDateRange(a, b, 'en')).toBe(out));
	test.each([
		[{ province: '山东省', city: '滨州市', county: null }, 'Binzhou, Shandong'],
		[{ province: null, city: null, county: null }, 'place unknown'],
		[{ province: '山东省', city: '滨州市', county: null }, '山东省滨州市', 'zh-CN']
	])('venue %o → %s', (m, out, locale = 'en') => expect(formatVenue(m, locale)).toBe(out));
});
