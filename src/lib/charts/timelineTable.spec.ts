import { describe, expect, test } from 'vitest';
import { meetingsPerYear, perYearTable } from './timelineTable.ts';

const head = { year: '年份', count: '会议数', undated: '日期不详' };
const m = (startDate: string | null) => ({ startDate });

describe('meetingsPerYear', () => {
	test.each([
		['no meetings, no rows', [], []],
		[
			'years earliest first, whatever the date’s precision',
			[m('2023-05-01'), m('2021'), m('2023-11'), m('2022-02-03')],
			[
				['2021', '1'],
				['2022', '1'],
				['2023', '2']
			]
		],
		[
			'meetings without a date in a last row',
			[m(null), m('2020-01-01'), m(null)],
			[
				['2020', '1'],
				['日期不详', '2']
			]
		]
	] as const)('%s', (_, meetings, rows) => {
		expect(meetingsPerYear(meetings, head, String)).toEqual({ columns: ['年份', '会议数'], rows });
	});

	test('counts are written by the caller (the interface language’s digits)', () => {
		const many = Array.from({ length: 1234 }, () => m('2024-01-01'));
		expect(meetingsPerYear(many, head, (n) => n.toLocaleString('en')).rows).toEqual([['2024', '1,234']]);
	});
});

describe('perYearTable', () => {
	test('counts made elsewhere, in any order, give meetingsPerYear’s table', () => {
		const meetings = [m('2023-05-01'), m('2021'), m(null), m('2023-11')];
		expect(perYearTable([[2023, 2], [2021, 1]], 1, head, String)).toEqual(meetingsPerYear(meetings, head, String));
		expect(perYearTable([], 0, head, String)).toEqual({ columns: ['年份', '会议数'], rows: [] });
	});
});
