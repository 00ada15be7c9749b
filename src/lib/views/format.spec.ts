import { expect, test } from 'vitest';
import { formatDate, formatDateRange, formatVenue } from './format.ts';

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
