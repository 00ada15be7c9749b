import { describe, expect, test } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import { syntheticCorpus } from '../../../scripts/synthetic-corpus.ts';
import { columnsOf } from './columns.ts';
import { documentAnswer, factsOf, highlightSegments } from './document.ts';

describe('factsOf', () => {
	test("gathers a document's meetings, places and figures in text order", () => {
		const f = factsOf(sampleContent(), 'news-a');
		expect([f.meetings.length, f.places.length, f.metrics.map((m) => m.id)]).toEqual([1, 1, ['news-a$0', 'news-a$1']]);
		expect(factsOf(sampleContent(), 'news-b').meetings).toHaveLength(1);
	});
});

describe('documentAnswer', () => {
	// The oracle: what the document page computed from the whole corpus in the page before it asked.
	const former = (facts: ReturnType<typeof sampleContent>, id: string) => {
		const doc = facts.documents.find((d) => d.id === id) ?? null;
		return doc ? { document: doc, ...factsOf(facts, id) } : null;
	};
	test('gives what the page computed from the whole corpus: the document and its own facts', () => {
		const facts = syntheticCorpus({ docs: 60, seed: 4 });
		const byId = columnsOf(facts).docById;
		for (const id of [...facts.documents.map((d) => d.id), 'news-a', 'synthetic-999999', '']) {
			const a = documentAnswer(facts, { type: 'document', id });
			expect(a).toEqual(documentAnswer(facts, { type: 'document', id }, byId));
			const f = former(facts, id);
			if (f) expect(a).toEqual(f);
			else expect(a).toEqual({ document: null, meetings: [], places: [], metrics: [] });
		}
	});
	test('a meeting two documents report is in the answer of each', () => {
		const facts = sampleContent();
		for (const id of ['news-a', 'news-b']) expect(documentAnswer(facts, { type: 'document', id }).meetings.map((m) => m.id)).toEqual(['news-a#0']);
		expect(documentAnswer(facts, { type: 'document', id: 'news-b' }).metrics).toEqual([]);
	});
});

describe('highlightSegments', () => {
	const text = '会议在杭州举行，培训教师1.2万人次。';
	test('keeps every character once, marking each span', () => {
		const segs = highlightSegments(text, [
			{ start: 3, end: 5, id: 'p', kind: 'place' },
			{ start: 8, end: 18, id: 'm', kind: 'metric' }
		]);
		expect(segs.map((s) => s.text).join('')).toBe(text);
		expect(segs.filter((s) => s.mark).map((s) => [s.text, s.mark!.id])).toEqual([['杭州', 'p'], ['培训教师1.2万人次', 'm']]);
	});
	test('drops a mark overlapping an earlier one and marks outside the text', () => {
		const segs = highlightSegments(text, [
			{ start: 0, end: 5, id: 'a', kind: 'meeting' },
			{ start: 3, end: 5, id: 'b', kind: 'place' },
			{ start: 15, end: 99, id: 'c', kind: 'metric' }
		]);
		expect(segs.filter((s) => s.mark).map((s) => s.mark!.id)).toEqual(['a']);
		expect(segs.map((s) => s.text).join('')).toBe(text);
	});
});
