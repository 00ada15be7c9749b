import { describe, expect, it } from 'vitest';
import { findDates, parseDateLine, parseSmallNumber } from './dates.ts';
import type { DateRange } from './types.ts';

const day = (iso: string): DateRange => ({ start: iso, end: iso, precision: 'day' });
const REF = day('2023-11-12');

type Case = [name: string, text: string, ref: DateRange | null, expected: [string, string, DateRange['precision']][]];

const cases: Case[] = [
	['reads 5月29日至31日 as a day range in the reference year', '会期定在5月29日至31日。', REF, [['2023-05-29', '2023-05-31', 'day']]],
	['reads 11月9—10日 (em dash) as 2023-11-09..2023-11-10 with the reference year', '11月9—10日，研讨会在某地举行。', REF, [['2023-11-09', '2023-11-10', 'day']]],
	['reads 11月9-10日 with a hyphen', '11月9-10日开课', REF, [['2023-11-09', '2023-11-10', 'day']]],
	['reads 11月9–10日 with an en dash', '11月9–10日开课', REF, [['2023-11-09', '2023-11-10', 'day']]],
	['reads 11月9～10日 with a wave dash', '11月9～10日开课', REF, [['2023-11-09', '2023-11-10', 'day']]],
	['reads 11月9~10日 with a tilde', '11月9~10日开课', REF, [['2023-11-09', '2023-11-10', 'day']]],
	['reads 11月9到10日 with 到', '11月9到10日开课', REF, [['2023-11-09', '2023-11-10', 'day']]],
	['reads 11月9日—10日 with 日 on both ends', '11月9日—10日开课', REF, [['2023-11-09', '2023-11-10', 'day']]],
	['reads 2019年11月9日至10日 with its written year', '2019年11月9日至10日举办', REF, [['2019-11-09', '2019-11-10', 'day']]],
	['reads 5月30日至6月1日 across a month end', '展演于5月30日至6月1日进行', REF, [['2023-05-30', '2023-06-01', 'day']]],
	['reads 2019年4月12-19日', '培训时间为2019年4月12-19日', null, [['2019-04-12', '2019-04-19', 'day']]],
	['reads 从2018年12月九号到十五号 with Chinese day numbers', '从2018年12月九号到十五号集中授课', null, [['2018-12-09', '2018-12-15', 'day']]],
	['reads a range with weekdays in brackets', '2022年8月1日(星期一)至8月5日(星期五)开放报名', null, [['2022-08-01', '2022-08-05', 'day']]],
	['reads the garbled 2021330日 as 2021-03-30', '2021330日上午，学会召开大会', null, [['2021-03-30', '2021-03-30', 'day']]],
	['reads 二〇二三年六月 at month precision', '某某教育厅\n二〇二三年六月', null, [['2023-06', '2023-06', 'month']]],
	['reads 二〇二三年五月二十九日 at day precision', '二〇二三年五月二十九日', null, [['2023-05-29', '2023-05-29', 'day']]],
	['reads 2024年1月至6月 as a month range', '2024年1月至6月共培训教师', null, [['2024-01', '2024-06', 'month']]],
	['anchors 今年5月1日 on the reference year', '今年5月1日起施行', REF, [['2023-05-01', '2023-05-01', 'day']]],
	['anchors 去年8月 on the reference year minus one', '去年8月，论坛在某市举办', REF, [['2022-08', '2022-08', 'month']]],
	['anchors 明年5月29日至31日 on the next year', '明年5月29日至31日再聚', REF, [['2024-05-29', '2024-05-31', 'day']]],
	['anchors 上个月 on the reference month', '上个月，联盟召开年会', REF, [['2023-10', '2023-10', 'month']]],
	['reads 上半年 as January to June of the reference year', '上半年完成招生', REF, [['2023-01', '2023-06', 'month']]],
	['reads 2022年下半年 as July to December', '2022年下半年启动', null, [['2022-07', '2022-12', 'month']]],
	['reads a year alone at year precision', '2023年，全区新增专业点', null, [['2023', '2023', 'year']]],
	['reads 21年3月 as March 2021', '21年3月开班', null, [['2021-03', '2021-03', 'month']]],
	['reads a bare year before a connector as a year range', '规划(2014—2020年)', null, [['2014', '2020', 'year']]],
	['takes the year of a date written earlier in the text when there is no reference', '2017年总结。9月3日，大会召开', null, [['2017', '2017', 'year'], ['2017-09-03', '2017-09-03', 'day']]],
	['moves a year-less date after the publication date to the year before', '6月2日，推进会召开。', day('2020-03-01'), [['2019-06-02', '2019-06-02', 'day']]],
	['keeps a later date in the same sentence in the year of the first', '9月26日开幕，将持续至9月28日。', day('2024-09-26'), [['2024-09-26', '2024-09-26', 'day'], ['2024-09-28', '2024-09-28', 'day']]],
	['reads 前一天 relative to the last day named', '4月8日开幕。开幕前一天，举行欢迎会', day('2024-04-10'), [['2024-04-08', '2024-04-08', 'day'], ['2024-04-07', '2024-04-07', 'day']]],
	['reads 今天 as the reference day', '今天我们在这里召开会议', day('2021-06-18'), [['2021-06-18', '2021-06-18', 'day']]],
	['finds no date in 移动4/5G', '覆盖移动4/5G网络', REF, []],
	['finds no date in a tax document number', '依据财税2016 36号文执行', REF, []],
	['finds no date in an ID number', '身份证号110101199003071234', REF, []],
	['finds no date in a phone number', '电话:0531-86051234', REF, []],
	['finds no date in 第12号', '市政府令第12号', REF, []],
	['finds no year in a duration like 连续21年', '连续21年获评先进', REF, []],
	['finds no year in the tail of a longer digit run', '编号12023年', REF, []],
	['reads a date that opens the text', '2023年9月1日开学', REF, [['2023-09-01', '2023-09-01', 'day']]],
	['reads a day without its month before a venue in the reference month', '联赛决赛8日在某市开幕', REF, [['2023-11-08', '2023-11-08', 'day']]],
	['reads 27日至28日 as a day range in the reference month', '27日至28日，研修班在某校举办', day('2023-11-29'), [['2023-11-27', '2023-11-28', 'day']]],
	['puts a lone day later than the reference day in the month before', '30日上午，论坛闭幕。', day('2023-12-02'), [['2023-11-30', '2023-11-30', 'day']]],
	['reads 日前 and 近日 as the reference month', '日前，某论坛举行。近日，某会召开。', REF, [['2023-11', '2023-11', 'month'], ['2023-11', '2023-11', 'month']]],
	['reads no date in 近日子 or without a reference', '近日子过得好', REF, []],
	['reads no date in a lone day that does not date an event', '第5日获悉，每月15日开放，共9日课程', REF, []],
	['finds no date in digit runs not followed by a date word, separator or connector', '共2023人、12所学校、第3批', REF, []],
	['reads a year with a space before 年 and a bare number before a spaced connector', '2019 年，11月9 至10日', null, [['2019', '2019', 'year'], ['2019-11-09', '2019-11-10', 'day']]],
	['reads 2月29日 only in leap years (2000 and 2024, not 1900 or 2023)', '2000年2月29日；2024年2月29日；1900年2月29日；2023年2月29日', null, [['2000-02-29', '2000-02-29', 'day'], ['2024-02-29', '2024-02-29', 'day']]],
	['reads no year-less date into an earlier sentence\'s year', '2019年3月1日开幕。5月2日闭幕', day('2021-06-01'), [['2019-03-01', '2019-03-01', 'day'], ['2021-05-02', '2021-05-02', 'day']]],
	['reads 第二天 and 这个月 but no date in 第二届 (a word is tried only with its third character)', '4月8日开幕，第二天闭幕；第二届论坛这个月举行', REF, [['2023-04-08', '2023-04-08', 'day'], ['2023-04-09', '2023-04-09', 'day'], ['2023-11', '2023-11', 'month']]],
	['reads no date in a run of Chinese numerals before another word, and reads 十二月三十一日', '二十四个项目，十二月三十一日', REF, [['2022-12-31', '2022-12-31', 'day']]],
	['reads 二〇二三 年十二月 with a space before 年', '二〇二三 年十二月', REF, [['2023-12', '2023-12', 'month']]],
	['takes the year the same sentence writes next when nothing came before', '4月9日下午，2015年全市技能节开幕', null, [['2015-04-09', '2015-04-09', 'day'], ['2015', '2015', 'year']]]
];

describe('findDates', () => {
	it.each(cases)('%s', (_name, text, ref, expected) => {
		const got = findDates(text, { ref }).map((d) => [d.date.start, d.date.end, d.date.precision]);
		expect(got).toEqual(expected);
	});

	it('returns spans that cover the whole expression', () => {
		const text = '会议于2019年11月9日至10日召开';
		const [d] = findDates(text, { ref: null });
		expect(text.slice(d!.start, d!.end)).toBe('2019年11月9日至10日');
	});

	it('anchors a year-less day on a reference known to the year only, without moving it a year back', () => {
		const ref = { start: '2024', end: '2024', precision: 'year' as const };
		expect(findDates('5月25日，某赛闭幕', { ref }).map((d) => d.date.start)).toEqual(['2024-05-25']);
	});

	it('tells 今天 and 昨天 from the day given as today, else from the reference date', () => {
		const ref = { start: '2024-05-10', end: '2024-05-10', precision: 'day' as const };
		const today = { start: '2024-05-09', end: '2024-05-09', precision: 'day' as const };
		expect(findDates('今天，某会召开', { ref, today }).map((d) => d.date.start)).toEqual(['2024-05-09']);
		expect(findDates('昨天，某会召开', { ref, today }).map((d) => d.date.start)).toEqual(['2024-05-08']);
		expect(findDates('今天，某会召开', { ref }).map((d) => d.date.start)).toEqual(['2024-05-10']);
	});

	it('takes a year mistyped with three digits (201年5月6日) into the span of the date it stands before', () => {
		const text = '2019年春季，某赛于201年5月6日-8日在某市举办';
		const got = findDates(text, { ref: null });
		expect(got.map((d) => [text.slice(d.start, d.end), d.date.start, d.date.end])).toEqual([
			['2019年', '2019', '2019'],
			['201年5月6日-8日', '2019-05-06', '2019-05-08']
		]);
	});

	// Its speed is measured by npm run bench:extract (adversarial inputs), not here: a timed test
	// fails on a busy machine. 240,000 characters take ~0.3 s; quadratic work would take hours.
	it('gets through long digit-heavy input', () => {
		const text = '1-2-3年4月5至'.repeat(20000);
		const found = findDates(text, { ref: REF });
		expect(found.length).toBeLessThanOrEqual(20000);
		expect(found.every((d) => d.start >= 0 && d.end <= text.length)).toBe(true);
	}, 60_000);
});

describe('parseDateLine', () => {
	it.each([
		['reads 发布时间：2019-3-20 08:35', '发布时间：2019-3-20 08:35', day('2019-03-20')],
		['reads 签发日期:2023年06月01日', '签发日期:2023年06月01日', day('2023-06-01')],
		['reads a signature 二〇二三年十二月十五日', '二〇二三年十二月十五日', day('2023-12-15')],
		['reads a year set off by a space alone (2022 07/ 15 09:30:12)', '2022 07/ 15 09:30:12', day('2022-07-15')],
		['reads no date from a year followed by a count', '2022 15人次', null],
		['rejects an impossible day', '2023-02-30', null],
		['rejects a line without a full date', '二〇二五年十一月', null]
	])('%s', (_name, line, expected) => {
		expect(parseDateLine(line)).toEqual(expected);
	});
});

describe('parseSmallNumber', () => {
	it.each([
		['一百二十', 120],
		['八百', 800],
		['十五', 15],
		['二〇二三', 2023],
		['两千', 2000],
		['1200', 1200],
		['一万二千', 12000],
		['三十万', 300000]
	])('reads %s as %d', (s, n) => {
		expect(parseSmallNumber(s)).toBe(n);
	});

	it.each(['', '十a', '二Ｏ二三', '１２', '12万'])('reads no number in %j', (s) => {
		expect(parseSmallNumber(s)).toBeNull();
	});
});

describe('findDates: digit tokens read by char code', () => {
	// 月, 日/号 and 年 after a run of digits are read without the token pattern: these are the
	// pattern's lookbehinds and lookaheads, which the char-code reading must keep.
	it.each([
		['第3日', []],
		['1.5月', []],
		['2.9日', []],
		['第5月', [[1, 3, '2023-05', '2023-05', 'month']]],
		['2023年代', []],
		['1.2023年', [[2, 7, '2023', '2023', 'year']]],
		['13月5日', []],
		['5月32日', [[0, 2, '2023-05', '2023-05', 'month']]],
		['0099年3月', [[5, 7, '2023-03', '2023-03', 'month']]],
		['2023年05月09号', [[0, 11, '2023-05-09', '2023-05-09', 'day']]]
	] as [string, [number, number, string, string, string][]][])('reads %j', (text, expected) => {
		expect(findDates(text, { ref: REF }).map((m) => [m.start, m.end, m.date.start, m.date.end, m.date.precision])).toEqual(expected);
	});
});
