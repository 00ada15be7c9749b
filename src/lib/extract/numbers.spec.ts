import { describe, expect, it } from 'vitest';
import { parseNumeral, scaleDecimal, scanNumbers } from './numbers.ts';

describe('parseNumeral', () => {
	const cases: Array<[string, string, number, number | null]> = [
		['parses 一千一百七十五 as 1175', '一千一百七十五', 1175, null],
		['parses 两千 as 2000', '两千', 2000, null],
		['parses 十二 as 12', '十二', 12, null],
		['parses 十万八千 as 108000', '十万八千', 108000, null],
		['parses 一千零五 as 1005', '一千零五', 1005, null],
		['parses 一百九十万零三千九百七十一 as 1903971', '一百九十万零三千九百七十一', 1903971, null],
		['parses 两万五 as 25000', '两万五', 25000, null],
		['parses 1.2亿 as 120000000', '1.2亿', 120000000, null],
		['parses 4.52万 as exactly 45200', '4.52万', 45200, null],
		['parses 16.4亿 as exactly 1640000000', '16.4亿', 1640000000, null],
		['parses 105.46万 as exactly 1054600', '105.46万', 1054600, null],
		['parses 1,200 with a thousands comma', '1,200', 1200, null],
		['parses 百分之六十 as 60', '百分之六十', 60, null],
		['parses 二〇二三 digit by digit', '二〇二三', 2023, null],
		['parses 两三 as the range 2–3, not 23', '两三', 2, 3],
		['parses 三四十 as the range 30–40', '三四十', 30, 40],
		['parses 八九亿 as the range 8e8–9e8', '八九亿', 800000000, 900000000]
	];
	it.each(cases)('%s', (_name, input, value, high) => {
		const p = parseNumeral(input);
		expect(p?.value).toBe(value);
		expect(p?.high ?? null).toBe(high);
	});

	it.each([['十四五'], ['万万万'], ['三百千'], ['abc']])('rejects the malformed numeral %s', (input) => {
		expect(parseNumeral(input)).toBeNull();
	});

	it('scales decimal strings without float error', () => {
		expect(scaleDecimal('2.7', 4)).toBe(27000);
		expect(scaleDecimal('0.35', 8)).toBe(35000000);
	});
});

describe('scanNumbers', () => {
	const cases: Array<[string, string, number, string, string]> = [
		['parses 2.7万多人次 as 27000, over', '今年共有2.7万多人次参训', 27000, 'over', 'number'],
		['parses 三千余人 as 3000, over', '吸引三千余人到场', 3000, 'over', 'number'],
		['parses 两万余元 as 20000, over', '筹得两万余元', 20000, 'over', 'number'],
		['parses 近百万名 as 1000000, nearly', '惠及近百万名学生', 1000000, 'nearly', 'vague'],
		['parses 近700万元 as 7000000, nearly', '投入近700万元', 7000000, 'nearly', 'number'],
		['parses 约200人 as 200, about', '约200人出席', 200, 'about', 'number'],
		['parses 超过10000人 as 10000, over', '受训超过10000人', 10000, 'over', 'number'],
		['parses 40多万人 as 400000, over', '累计40多万人参与', 400000, 'over', 'number'],
		['parses 百分之六十以上 as 60 percent, atLeast', '覆盖率达百分之六十以上', 60, 'atLeast', 'percent'],
		['parses 60%以上 as 60 percent, atLeast', '覆盖率达60%以上', 60, 'atLeast', 'percent'],
		['parses 数百人次 as 100, over', '组织数百人次参观', 100, 'over', 'vague'],
		['parses 几十万人次 as 100000, over', '惠及几十万人次', 100000, 'over', 'vague'],
		['parses 百余所 as 100, over', '联合百余所学校', 100, 'over', 'vague'],
		['parses 数以千计 as 1000, over', '培养了数以千计的工匠', 1000, 'over', 'vague'],
		['parses 两三个 as a range from 2, atLeast', '办了两三个班', 2, 'atLeast', 'range'],
		['parses 3-5个 as a range from 3, atLeast', '每校3-5个', 3, 'atLeast', 'range'],
		['reads 二〇二三年 as a year', '二〇二三年十月', 2023, 'exact', 'year'],
		['reads 2019年 as a year', '2019年举办', 2019, 'exact', 'year']
	];
	it.each(cases)('%s', (_name, text, value, qualifier, kind) => {
		const [tok] = scanNumbers(text);
		expect(tok).toMatchObject({ value, qualifier, kind });
	});

	it.each([['全国两会'], ['年过半百'], ['统一零售价'], ['十四五规划'], ['千方百计'], ['万万万万'], ['余余余']])('finds no number in %s', (text) => {
		expect(scanNumbers(text)).toEqual([]);
	});

	it('ignores digits glued to letters, as in codes and record numbers', () => {
		expect(scanNumbers('ICP备A12345号')).toEqual([]);
	});

	it('limits the scan to the given range', () => {
		const toks = scanNumbers('甲3人乙5人', { start: 3, end: 6 });
		expect(toks.map((t) => t.value)).toEqual([5]);
	});

	it('reads numbers at the very start and end of the text', () => {
		expect(scanNumbers('3个人参加，共15').map((t) => [t.start, t.end, t.value])).toEqual([
			[0, 1, 3],
			[7, 9, 15]
		]);
	});

	// scanNumbers skips a lone Chinese digit without the regex when no measure character follows it
	it('reads a lone Chinese digit only before a measure character, even one past the range', () => {
		expect(scanNumbers('统一部署三个方面').map((t) => [t.start, t.value])).toEqual([
			[1, 1],
			[4, 3]
		]);
		expect(scanNumbers('进一步，两会，共三')).toEqual([]);
		expect(scanNumbers('三个', { start: 0, end: 1 }).map((t) => t.value)).toEqual([3]);
		expect(scanNumbers('一二三').map((t) => t.kind)).toEqual([]);
	});

	// scanNumbers reads an Arabic numeral by hand, as TOKEN_RE's Arabic alternative matches it
	it.each([
		['共1,234,567.89万人', [[1, 14, 12345678900, 'number']]],
		['1234,567人', [[0, 4, 1234, 'number'], [5, 8, 567, 'number']]],
		['123456789012345678901234个', []],
		['第3.个', [[1, 2, 3, 'number']]],
		['1,2345人', []],
		['1.23456789012万元', []],
		['2023年12月', [[0, 4, 2023, 'year'], [5, 7, 12, 'number']]],
		['3,000,000,000,000,000,000元', [[0, 21, 3000000000000000, 'number'], [22, 25, 0, 'number']]],
		['12.5%以上', [[0, 4, 12.5, 'percent']]],
		['5千万亿元', [[0, 4, 5000000000000000, 'number']]],
		['1,23人', [[0, 1, 1, 'number'], [2, 4, 23, 'number']]],
		['7.x名', [[0, 1, 7, 'number']]],
		['0.5万', [[0, 4, 5000, 'number']]],
		['3-5个', [[0, 3, 3, 'range']]]
	])('reads the Arabic numerals of %s as TOKEN_RE does', (text, expected) => {
		expect(scanNumbers(text).map((t) => [t.start, t.end, t.value, t.kind])).toEqual(expected);
	});

	it('reads a plain integer with leading zeros by its value', () => {
		expect(parseNumeral('007')?.value).toBe(7);
		expect(parseNumeral('12345678901234567890')?.value).toBe(12345678901234567890);
	});
});

describe('scanNumbers: idioms of multitude', () => {
	it('reads 成千上万 and 成百上千 as no number, and 上万 alone as over 10,000', () => {
		expect(scanNumbers('成千上万的青年走进工厂')).toEqual([]);
		expect(scanNumbers('成百上千的家长前来咨询')).toEqual([]);
		expect(scanNumbers('上万名观众到场')).toMatchObject([{ value: 10000, qualifier: 'over' }]);
	});
});
