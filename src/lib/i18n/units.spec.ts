import { expect, test } from 'vitest';
import { unitLabel } from './units.ts';

test.each([
	['人次', 'en', 'person-times'],
	['所', 'en', 'institutions'],
	['个', 'en', ''],
	['%', 'en', '%'],
	['元', 'en', 'yuan'],
	['人次', 'zh-CN', '人次'],
	['人次', null, '人次'],
	['闻所未闻', 'en', '闻所未闻']
])('%s in %s → %s', (unit, locale, out) => expect(unitLabel(unit, locale)).toBe(out));
