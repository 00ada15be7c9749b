import { describe, expect, test } from 'vitest';
import { localeDate, localeDateRange } from './dates.ts';

describe('localeDate', () => {
	test.each([
		['2023-05-29', 'zh-CN', '2023年5月29日'],
		['2023-05', 'zh-CN', '2023年5月'],
		['2023', 'zh-CN', '2023年'],
		['2023-05-29', 'en', 'May 29, 2023'],
		['2023-05', 'en', 'May 2023'],
		['2023', 'en', '2023'],
		['not a date', 'en', 'not a date']
	])('%s in %s → %s', (iso, locale, out) => expect(localeDate(iso, locale)).toBe(out));
});

describe('localeDateRange', () => {
	test.each([
		['2023-05-29', '2023-05-31', 'zh-CN', '2023年5月29日—31日'],
		['2023-05-29', '2023-05-31', 'en', 'May 29 – 31, 2023'],
		['2021-02-07', '2024-02-20', 'en', 'Feb 7, 2021 – Feb 20, 2024'],
		['2023-05-29', null, 'en', 'May 29, 2023'],
		['2023-05-29', '2023-05-29', 'en', 'May 29, 2023']
	])('%s–%s in %s → %s', (a, b, locale, out) => expect(localeDateRange(a, b, locale)).toBe(out));
});
