import { describe, expect, test } from 'vitest';
import { plainEqual, reuseEqual, titlesAgree } from './stable.ts';

describe('plainEqual', () => {
	test.each([
		[1, 1, true],
		[Number.NaN, Number.NaN, true],
		[null, undefined, false],
		[{ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }, true],
		[{ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] }, false],
		[{ a: 1 }, { a: 1, b: undefined }, false],
		[{ a: undefined }, { b: undefined }, false],
		[[1, 2], { 0: 1, 1: 2 }, false],
		[[], [], true]
	])('%j and %j: %s', (a, b, equal) => expect(plainEqual(a, b)).toBe(equal));
});

describe('reuseEqual', () => {
	const row = (key: string, value: number) => ({ key, value, sources: [{ id: `${key}-s`, docId: 'd' }] });
	const key = (r: { key: string }) => r.key;
	test('keeps the previous item of an equal row, takes the new one of a changed or added row', () => {
		const previous = [row('a', 1), row('b', 2), row('c', 3)];
		const next = [row('b', 2), row('a', 9), row('d', 4)];
		const out = reuseEqual(previous, next, key);
		expect(out).toEqual(next);
		expect(out[0]).toBe(previous[1]);
		expect(out[1]).toBe(next[1]);
		expect(out[2]).toBe(next[2]);
	});
	test('hands back the previous list when nothing changed', () => {
		const previous = [row('a', 1), row('b', 2)];
		expect(reuseEqual(previous, structuredClone(previous), key)).toBe(previous);
		expect(reuseEqual(previous, structuredClone(previous).slice(0, 1), key)).not.toBe(previous);
		expect(reuseEqual([], previous, key)).toBe(previous);
	});
});

describe('titlesAgree', () => {
	test('on the documents both name', () => {
		expect(titlesAgree({ d1: 'A', d3: 'C' }, { d1: 'A', d2: 'B' })).toBe(true);
		expect(titlesAgree({ d1: 'A' }, { d1: 'A2' })).toBe(false);
	});
});
