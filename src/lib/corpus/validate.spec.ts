import { describe, expect, test } from 'vitest';
import { sampleContent } from './fixture.ts';
import { stableStringify } from './hash.ts';
import { corpusHash, sealCorpus, validateCorpus, validateCorpusAsync } from './validate.ts';

function failures(mutate: (c: Record<string, any>) => void, reseal = true): string[] {
	const corpus: Record<string, any> = structuredClone(sealCorpus(sampleContent()));
	mutate(corpus);
	if (reseal) corpus.hash = corpusHash(corpus as never);
	const result = validateCorpus(corpus);
	return result.ok ? [] : result.errors;
}

describe('stableStringify', () => {
	test('orders keys so equal content gives equal text', () => {
		expect(stableStringify({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"x":2,"y":1}]},"b":1}');
	});
});

describe('validateCorpus', () => {
	test('accepts a sealed corpus and returns it', async () => {
		const sealed = sealCorpus(sampleContent());
		expect(sealed.hash).toMatch(/^[0-9a-f]{64}$/);
		const result = validateCorpus(JSON.parse(JSON.stringify(sealed)));
		expect(result).toEqual({ ok: true, corpus: sealed });
	});

	test('gives the same hash for the same content, a different one for different content', async () => {
		const a = corpusHash(sampleContent());
		const changed = sampleContent();
		changed.metrics[0]!.value = 16;
		expect(corpusHash(sampleContent())).toBe(a);
		expect(corpusHash(changed)).not.toBe(a);
	});

	test.each([
		['a metric unit of the wrong type', (c: any) => (c.metrics[0].unit = 5), /^metrics\[0\] \(news-a\$0\)\.unit: /],
		['a qualifier outside the list', (c: any) => (c.metrics[1].qualifier = 'roughly'), /^metrics\[1\] \(news-a\$1\)\.qualifier: /],
		['a malformed meeting date', (c: any) => (c.meetings[0].startDate = '2022/10/18'), /^meetings\[0\] \(news-a#0\)\.startDate: must be a date/],
		['a 4-digit place code', (c: any) => (c.places[0].adcode = '3301'), /^places\[0\] \(news-a@330100\)\.adcode: must be a 6-digit/],
		['a missing documents array', (c: any) => delete c.documents, /^documents: /],
		['a metric pointing at no document', (c: any) => (c.metrics[0].docId = 'ghost'), /^metrics\[0\] \(news-a\$0\)\.docId: names a document that is not in the corpus \(ghost\)/],
		['evidence past the end of its document', (c: any) => (c.places[0].evidence.end = 999), /^places\[0\] \(news-a@330100\)\.evidence\.end: 999 lies past the end of document news-a/],
		['a repeated document id', (c: any) => c.documents.push({ ...c.documents[0] }), /^documents\[2\] \(news-a\)\.id: repeats the id of documents\[0\]$/]
	])('refuses %s, naming the record and field', async (_name, mutate, message) => {
		const errors = await failures(mutate);
		expect(errors.length).toBeGreaterThan(0);
		expect(errors[0]).toMatch(message);
	});

	test('refuses content that no longer matches its hash', async () => {
		const errors = await failures((c) => (c.metrics[0].value = 99), false);
		expect(errors).toEqual([expect.stringMatching(/^corpus\.hash: does not match the content/)]);
	});

	test('refuses another schema version before looking further', async () => {
		expect(await failures((c) => (c.schemaVersion = 99))).toEqual(['corpus.schemaVersion: is 99, this app reads version 2']);
	});

	test.each([null, [], 'corpus', 42])('refuses %j as not a corpus object', async (input) => {
		const result = validateCorpus(input);
		expect(result.ok).toBe(false);
	});
});

describe('sealCorpus', () => {
	test('reseals a changed copy of a sealed corpus with the new hash, written first', () => {
		const sealed = sealCorpus(sampleContent());
		const changed = structuredClone(sealed);
		changed.metrics = changed.metrics.slice(1);
		const resealed = sealCorpus(changed);
		expect(resealed.hash).not.toBe(sealed.hash);
		expect(validateCorpus(resealed).ok).toBe(true);
		expect(Object.keys(resealed).slice(0, 2)).toEqual(['schemaVersion', 'hash']);
	});
});

describe('validateCorpusAsync', () => {
	test('gives validateCorpus\'s verdict and messages, with the hash from the given digest', async () => {
		const { sha256HexAsync } = await import('./hash.ts');
		const good = sealCorpus(sampleContent());
		expect(await validateCorpusAsync(structuredClone(good), sha256HexAsync)).toEqual(validateCorpus(structuredClone(good)));
		const changed = { ...structuredClone(good), hash: 'f'.repeat(64) };
		expect(await validateCorpusAsync(structuredClone(changed), sha256HexAsync)).toEqual(validateCorpus(structuredClone(changed)));
		const bad = structuredClone(good) as unknown as { metrics: Array<Record<string, unknown>> };
		bad.metrics[0]!.unit = 7;
		expect(await validateCorpusAsync(structuredClone(bad), sha256HexAsync)).toEqual(validateCorpus(structuredClone(bad)));
		expect(await validateCorpusAsync([], sha256HexAsync)).toEqual(validateCorpus([]));
	});
});
