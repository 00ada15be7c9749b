import { describe, expect, it, test } from 'vitest';
import { ByteBits, CharBits, everyMatchHolds, firstChars, hasCode, holdsCode, isSpaceCode } from './chars.ts';

describe('isSpaceCode', () => {
	test('agrees with \\s on every UTF-16 code unit', () => {
		const differ: number[] = [];
		for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
		expect(differ).toEqual([]);
	});
});

describe('hasCode', () => {
	test.each([
		['第前首', '第', true],
		['第前首', '次', false],
		['', '第', false]
	])('%s holds %s: %s', (chars, ch, expected) => {
		expect(hasCode(chars, ch.charCodeAt(0))).toBe(expected);
	});
	test('NaN (a read past the end) is in no set', () => {
		expect(hasCode('第前首', ''.charCodeAt(0))).toBe(false);
	});
});

describe('holdsCode', () => {
	test.each([
		['95个项目(中职', 0, 8, true],
		['95个项目(中职', 0, 5, false],
		['95个项目（中职', 5, 8, true],
		['', 0, 0, false]
	])('%s [%i, %i) holds ( or （: %s', (s, from, to, expected) => {
		expect(holdsCode(s, '(（', from, to)).toBe(expected);
	});
});

describe('CharBits', () => {
	test('each bit is set on its characters only, and in() ORs the bits of a range', () => {
		const g = new CharBits();
		const a = g.bit('赛奖');
		const b = g.bit('奖');
		g.add('队'.charCodeAt(0), b);
		expect([g.of('赛'.charCodeAt(0)), g.of('奖'.charCodeAt(0)), g.of('队'.charCodeAt(0)), g.of('村'.charCodeAt(0))]).toEqual([a, a | b, b, 0]);
		expect([g.in('技能大赛'), g.in('一等奖', 0, 2), g.in('村')]).toEqual([a, 0, 0]);
	});
	test('holds 32 bits, over many distinct sets', () => {
		const g = new CharBits();
		const bits: number[] = [];
		for (let k = 0; k < 32; k++) bits.push(g.bit(String.fromCharCode(0x4e00 + k, 0x4e00 + 2 * k, 0x4e00 + 3 * k)));
		expect(() => g.bit('村')).toThrow();
		for (let k = 0; k < 32; k++) expect(g.of(0x4e00 + 3 * k) & bits[k]!).not.toBe(0);
		expect(g.in(String.fromCharCode(0x4e00 + 93))).toBe(bits[31]);
	});
});

describe('ByteBits', () => {
	test('each bit is set on its characters only, and a table holds 8', () => {
		const g = new ByteBits();
		const a = g.bit('山镇');
		const b = g.bit('镇');
		expect([g.of['山'.charCodeAt(0)], g.of['镇'.charCodeAt(0)], g.of['村'.charCodeAt(0)]]).toEqual([a, a | b, 0]);
		for (let k = 2; k < 8; k++) g.bit('');
		expect(() => g.bit('村')).toThrow();
	});
});

describe('firstChars', () => {
	test.each([
		[/按照|依照|对照/, '按依对'],
		[/(?<![升高])到20\d\d年|预计|目标[是为:]/, '到预目'],
		[/^(?:方面|任务)|[个多等]国家(?!级)/, '方任个多等'],
		[/(?:专业|(?<!工业|行业)大类)$/, '专大'],
		[/[a-c]x|\d+|\.5/, 'abc0123456789.'],
		[/(参加|出席)会议/g, '参出']
	])('%s starts with one of %s', (re, chars) => {
		expect([...firstChars(re)].sort().join('')).toBe([...chars].sort().join(''));
	});
	test.each([[/a?b/], [/(?:^|x)年/], [/[^x]y/], [/\s+z/], [/.a/], [/a|/], [/ab/i], [/(?:ab)*c/]])('cannot tell %s, and says so', (re) => {
		expect(() => firstChars(re)).toThrow(/firstChars/);
	});
	test('a text without those characters has no match (random texts)', () => {
		const re = /国家和地区|[个多等]国家(?![级职重示规标])|国际|(?<!贯通)培养|\d+所/;
		const first = firstChars(re);
		const alphabet = '国家和地区个多等级际贯通培养所12甲乙';
		let seed = 7;
		for (let n = 0; n < 5000; n++) {
			let s = '';
			for (let k = 0; k < 8; k++) s += alphabet[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length];
			if (re.test(s)) expect([...s].some((c) => first.includes(c))).toBe(true);
		}
	});
});

describe('everyMatchHolds', () => {
	it.each([
		[/馆藏|藏量|藏书|校均|生均|师均/, '藏均', true],
		[/馆藏|藏量|藏书|校均|生均|师均/, '藏', false],
		[/^(?:生均|师均)|(?:中位数|均值|率|比例)$/, '均数率比', true],
		[/(?:专业|(?<!工业|行业)大类|课程)$/, '专类课', true],
		[/(?:专业|(?<!工业|行业)大类|课程)$/, '专类', false],
		[/到20\d\d年(?![^，。]{0,12}已)|拟/, '到拟', true],
		[/a+b/, 'a', true],
		[/x(a|b)/, 'ab', true],
		// optional elements, classes and lookarounds hold nothing for sure
		[/a?b/, 'a', false],
		[/a*b/, 'a', false],
		[/a{0,2}b/, 'a', false],
		[/x(a|b)?/, 'ab', false],
		[/[ab]c/, 'a', false],
		[/(?=a)b/, 'a', false],
		[/a/i, 'a', false],
		// a class or \d whose every character is among them holds one
		[/[ab]c/, 'ab', true],
		[/(?:来源|作者)\s*[:：]/, ':：', true],
		[/\d{4}年|(?:^|\s)\d{1,2}\.\d{4}/, '0123456789', true],
		[/[^ab]c/, 'ab', false],
		[/[ab]?c/, 'ab', false],
		[/\s+c/, ' ', false],
		// \u4e00 is one element, not \u and the characters 4e00
		[/\u4e00x/, '0', false]
	])('%s holds one of %s: %s', (re, chars, expected) => {
		expect(everyMatchHolds(re, chars)).toBe(expected);
	});
});
