import { describe, expect, test } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import { analyseFigures } from './aggregate.ts';
import { analysisOf, prepareAnalysis } from './analysis.ts';

describe('analysisOf and prepareAnalysis', () => {
	test('one analysis per corpus read, the same as analyseFigures', async () => {
		const facts = sampleContent();
		const prepared = await prepareAnalysis(facts, 1);
		expect(analysisOf(facts)).toBe(prepared);
		expect(prepared).toEqual(analyseFigures(facts.metrics, new Map(facts.documents.map((d) => [d.id, d]))));
		const other = sampleContent();
		expect(analysisOf(other)).not.toBe(prepared);
		expect(await prepareAnalysis(other)).toBe(analysisOf(other));
	});

	test('callers during the slices share one analysis; the pause given is the one taken between slices', async () => {
		const facts = sampleContent();
		let pauses = 0;
		const between = () => new Promise<void>((resolve) => setTimeout(() => (pauses++, resolve()), 0));
		const [a, b] = await Promise.all([prepareAnalysis(facts, 1, between), prepareAnalysis(facts, 1, between)]);
		expect(a).toBe(b);
		expect(analysisOf(facts)).toBe(a);
		expect(pauses).toBeGreaterThanOrEqual(facts.metrics.length);
		expect(a).toEqual(analyseFigures(facts.metrics, new Map(facts.documents.map((d) => [d.id, d]))));
	});
});
