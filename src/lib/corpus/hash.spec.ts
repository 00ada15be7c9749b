import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sampleContent } from './fixture.ts';
import { sha256Hex, sha256HexAsync, stableStringify, stableStringifyReference } from './hash.ts';

describe('stableStringify', () => {
	test.each([
		['a number', 1, '1'],
		['a string', 'a"b', '"a\\"b"'],
		['null', null, 'null'],
		['nested objects', { b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}'],
		['undefined members', { b: undefined, a: 1 }, '{"a":1}'],
		['undefined in an array', [undefined, 1], '[null,1]'],
		['integer-like keys sort as text', { 10: 'a', 9: 'b', x: 1 }, '{"10":"a","9":"b","x":1}'],
		['an empty object', {}, '{}'],
		['__proto__ as a key', JSON.parse('{"__proto__":1,"a":2}'), '{"__proto__":1,"a":2}']
	])('%s', (_name, value, text) => {
		expect(stableStringify(value)).toBe(text);
		expect(stableStringifyReference(value)).toBe(text);
	});

	test('gives the reference text for any JSON value', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (v) => {
				expect(stableStringify(v)).toBe(stableStringifyReference(v));
			}),
			{ numRuns: 500, seed: 17 }
		);
	});

	test('gives the reference text for a corpus', () => {
		expect(stableStringify(sampleContent())).toBe(stableStringifyReference(sampleContent()));
	});
});

describe('sha256HexAsync', () => {
	test.each(['', 'abc', '职业教育'.repeat(1000)])('agrees with sha256Hex on %#', async (text) => {
		expect(await sha256HexAsync(text)).toBe(sha256Hex(text));
	});
});
