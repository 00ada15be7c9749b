// The attacks of issue 18 as a test: hostile documents of every kind, from a fixed seed, through
// the real reader, extractor and corpus build. Sizes are bounded (16 KB) so it runs fast on a
// busy machine; `npm run bench:hostile` runs 10⁴+ of them up to 5 MB and times them.
import { describe, expect, test } from 'vitest';
import { assembleCorpus } from '../src/lib/corpus/build.ts';
import { validateCorpus } from '../src/lib/corpus/validate.ts';
import { runJob } from './corpus-worker.ts';
import { hostileDocuments, KINDS } from './hostile.ts';

describe('hostile documents through the real extractor and corpus build', () => {
	const docs = hostileDocuments(20261207, Object.keys(KINDS).length * 12, 16_000);

	test('the generator is deterministic and covers every kind', () => {
		const again = hostileDocuments(20261207, docs.length, 16_000);
		expect(again.map((d) => [d.name, d.bytes.length])).toEqual(docs.map((d) => [d.name, d.bytes.length]));
		expect(new Set(docs.map((d) => d.kind))).toEqual(new Set(Object.keys(KINDS)));
	});

	test('0 crashes, 0 invalid records: every document is in the corpus or left out by name', async () => {
		const prepared = [];
		for (const [index, d] of docs.entries()) prepared.push(await runJob({ index, name: d.name, bytes: d.bytes, sourceUrl: null }));
		const result = assembleCorpus(prepared); // throws CorpusInvalidError on any invalid record
		const check = validateCorpus(result.corpus);
		expect(check.ok ? [] : check.errors).toEqual([]);
		for (const p of prepared) {
			const inCorpus = p.records != null;
			expect(inCorpus || p.warnings.length > 0, `${p.name} is neither in the corpus nor reported`).toBe(true);
		}
		// The kinds that are repaired, not refused, reach the corpus.
		const kept = new Set(prepared.filter((p) => p.records).map((p) => p.name));
		for (const kind of ['long-title', 'long-h1', 'impossible-date', 'implausible-figure', 'truncated-utf8', 'deep-html'])
			expect(docs.filter((d) => d.kind === kind).some((d) => kept.has(d.name)), kind).toBe(true);
		expect(result.corpus.documents.every((d) => d.title == null || d.title.length <= 300)).toBe(true);
		expect(result.corpus.metrics.every((m) => m.value <= 1e15)).toBe(true);
	}, 180_000);
});
