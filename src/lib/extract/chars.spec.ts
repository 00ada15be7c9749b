import { describe, expect, test } from 'vitest';
import { hasCode, isSpaceCode } from './chars.ts';

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
