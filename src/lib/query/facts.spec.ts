import { describe, expect, test } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import { NO_FILTERS } from '../state/filters.ts';
import { filterFacts, inRegion, shareStrings, type Facts } from './facts.ts';

describe('inRegion', () => {
	test.each([
		['500109', '500000', true],
		['330100', '330000', true],
		['330106', '330100', true],
		['330106', '330200', false],
		['429004', '420000', true],
		['371681', '371681', true],
		[null, '370000', false]
	])('%s in %s is %s', (code, region, inside) => expect(inRegion(code, region)).toBe(inside));
});

describe('filterFacts', () => {
	const facts = sampleContent();
	test('passes everything with no filters', () => {
		const f = filterFacts(facts, NO_FILTERS);
		expect([f.documents.length, f.meetings.length, f.places.length, f.metrics.length]).toEqual([2, 1, 1, 2]);
	});
	test('keeps the meetings of the chosen years only', () => {
		expect(filterFacts(facts, { ...NO_FILTERS, from: 2022, to: 2022 }).meetings).toHaveLength(1);
		expect(filterFacts(facts, { ...NO_FILTERS, from: 2023, to: 2023 }).meetings).toHaveLength(0);
	});
	test('places a figure in its own year, else its document year', () => {
		// $0 says 2022 itself; $1 has no year and its document was published in 2022.
		expect(filterFacts(facts, { ...NO_FILTERS, from: 2022, to: 2022 }).metrics.map((m) => m.id)).toEqual(['news-a$0', 'news-a$1']);
		expect(filterFacts(facts, { ...NO_FILTERS, from: 2021, to: 2021 }).metrics).toEqual([]);
	});
	test('keeps a region and everything inside it', () => {
		const zj = filterFacts(facts, { ...NO_FILTERS, region: '330000' });
		expect([zj.meetings.length, zj.metrics.length, zj.places.length]).toEqual([1, 2, 1]);
		const cq = filterFacts(facts, { ...NO_FILTERS, region: '500000' });
		expect([cq.meetings.length, cq.metrics.length, cq.places.length]).toEqual([0, 0, 0]);
	});
	test('filters figures by category and everything by document kind', () => {
		expect(filterFacts(facts, { ...NO_FILTERS, category: 'research' }).metrics.map((m) => m.category)).toEqual(['research']);
		expect(filterFacts(facts, { ...NO_FILTERS, kind: 'speech' }).meetings).toEqual([]);
	});
});

test('the whole country is a region of its own: not inside a province, no province inside it', async () => {
	const { inRegion } = await import('./facts.ts');
	expect([inRegion('100000', '100000'), inRegion('110000', '100000'), inRegion('100000', '110000'), inRegion('110105', '110000')]).toEqual([true, false, false, true]);
});

describe('shareStrings', () => {
	test('changes no value of the records (each repeated string becomes one)', () => {
		const facts = JSON.parse(JSON.stringify(sampleContent())) as Facts;
		const before = JSON.stringify(facts);
		const shared = shareStrings(facts);
		expect(shared).toBe(facts);
		expect(JSON.stringify(shared)).toBe(before);
		expect(facts.metrics.length).toBeGreaterThan(0);
		for (const m of facts.metrics) expect(m.evidence.text).toBe(m.text);
	});
});
