import { describe, expect, test } from 'vitest';
import { sampleContent } from './fixture.ts';
import { MAX_FIGURE, MAX_MONEY, plausible, plausibleDate, writtenNegative } from './plausible.ts';
import type { DocumentRecords } from './rebase.ts';
import type { Metric } from './schema.ts';

function sample(): DocumentRecords {
	const c = sampleContent();
	return { document: c.documents[0]!, meetings: c.meetings, places: c.places, metrics: c.metrics };
}

const metric = (text: string, unit = '人'): Metric => ({ ...sample().metrics[0]!, unit, evidence: { docId: 'news-a', start: 0, end: text.length, text } });

describe('plausibleDate', () => {
	test.each([
		['2023', true],
		['2023-05', true],
		['2024-02-29', true],
		['2023-02-29', false],
		['2023-04-31', false],
		['9998', false],
		['9999-12-31', false],
		['1899-12-31', false],
		['2100-12-31', true]
	])('%s → %s', (date, ok) => expect(plausibleDate(date)).toBe(ok));
});

describe('writtenNegative', () => {
	test.each([
		['-5000人', true],
		['人数为-5000人', true],
		['减少了－300人', true],
		['3000-5000人', false],
		['300人-500人', false],
		['3万-5万人', false],
		['城镇化30%-70%的快速发展区间', false],
		['- 192条评论', false],
		['2023-05-29召开，5000人参加', false]
	])('%s → %s', (text, negative) => expect(writtenNegative(metric(text, text.includes('条') ? '条' : '人'))).toBe(negative));
});

describe('plausible', () => {
	test('returns plausible records as they are, without warnings', () => {
		const r = sample();
		expect(plausible(r)).toEqual({ records: r, warnings: [] });
	});

	const cases: Array<[string, (r: DocumentRecords) => void, (r: DocumentRecords) => unknown, unknown, RegExp]> = [
		['clears a publication date in 9998 (发布时间 9999-12-31 with 去年)', (r) => (r.document.publishedAt = '9998'), (r) => r.document.publishedAt, null, /^document\.publishedAt: "9998"/],
		['clears a meeting on 2023-02-30 with its end', (r) => (r.meetings[0]!.startDate = '2023-02-30'), (r) => [r.meetings[0]!.startDate, r.meetings[0]!.endDate, r.meetings[0]!.datePrecision], [null, null, null], /startDate: "2023-02-30"/],
		['sets an end before the start to the start', (r) => (r.meetings[0]!.endDate = '2022-10-01'), (r) => r.meetings[0]!.endDate, '2022-10-18', /comes before the start/],
		['clears an attendance of a billion', (r) => (r.meetings[0]!.attendees = 1e9), (r) => r.meetings[0]!.attendees, null, /attendees: 1000000000/],
		['leaves out 9999999999999999999亿 人 (10²⁷)', (r) => (r.metrics[0]!.value = 9999999999999999999e8), (r) => r.metrics.length, 1, /beyond any plausible figure/],
		['leaves out a figure written -5000人', (r) => (r.metrics[1]!.evidence.text = '参训人数-5000人次'), (r) => r.metrics.map((m) => m.id), ['news-a$0'], /written as a negative figure/],
		['keeps money up to MAX_MONEY 元', (r) => Object.assign(r.metrics[0]!, { value: MAX_MONEY, unit: '元' }), (r) => r.metrics.length, 2, /^$/],
		['leaves out other figures beyond MAX_FIGURE', (r) => (r.metrics[0]!.value = MAX_FIGURE * 10), (r) => r.metrics.length, 1, /beyond/]
	];
	test.each(cases)('%s', (_, spoil, read, expected, warning) => {
		const r = sample();
		spoil(r);
		const out = plausible(r);
		expect(read(out.records)).toEqual(expected);
		expect(out.warnings.join('\n')).toMatch(warning);
	});
});
