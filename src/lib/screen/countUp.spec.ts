import { describe, expect, test } from 'vitest';
import { countUpAt, easeOutCubic } from './countUp.ts';

describe('easeOutCubic', () => {
	test('starts at 0, ends at 1, is past the middle at half time', () => {
		expect(easeOutCubic(0)).toBe(0);
		expect(easeOutCubic(1)).toBe(1);
		expect(easeOutCubic(0.5)).toBe(0.875);
	});
	test('clamps outside [0, 1]', () => {
		expect(easeOutCubic(-1)).toBe(0);
		expect(easeOutCubic(2)).toBe(1);
	});
	test('never goes down', () => {
		const xs = Array.from({ length: 101 }, (_, i) => easeOutCubic(i / 100));
		expect(xs.every((x, i) => i === 0 || x >= xs[i - 1]!)).toBe(true);
	});
});

describe('countUpAt', () => {
	test('counts whole numbers in whole steps and lands exactly', () => {
		expect(countUpAt({ from: 0, to: 1000, elapsed: 0, duration: 1200 })).toBe(0);
		expect(countUpAt({ from: 0, to: 1000, elapsed: 600, duration: 1200 })).toBe(875);
		expect(countUpAt({ from: 0, to: 1000, elapsed: 1200, duration: 1200 })).toBe(1000);
		expect(countUpAt({ from: 0, to: 1000, elapsed: 5000, duration: 1200 })).toBe(1000);
	});
	test('keeps fractions of a fractional value and counts down as well as up', () => {
		expect(countUpAt({ from: 0, to: 2.5, elapsed: 600, duration: 1200 })).toBeCloseTo(2.1875);
		expect(countUpAt({ from: 10, to: 0, elapsed: 600, duration: 1200 })).toBe(1);
	});
	test('shows the value at once with no duration', () => {
		expect(countUpAt({ from: 0, to: 7, elapsed: 0, duration: 0 })).toBe(7);
	});
});
