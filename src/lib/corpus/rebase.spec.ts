import { describe, expect, test } from 'vitest';
import { sampleContent } from './fixture.ts';
import { rebaseDocument } from './rebase.ts';

describe('rebaseDocument', () => {
	test('moves a document and every reference to it to a new id', () => {
		const c = sampleContent();
		const out = rebaseDocument({ document: c.documents[0]!, meetings: c.meetings, places: c.places, metrics: c.metrics }, 'news-a~123456');
		expect(out.document.id).toBe('news-a~123456');
		expect(out.metrics.map((m) => [m.id, m.docId, m.evidence.docId])).toEqual([
			['news-a~123456$0', 'news-a~123456', 'news-a~123456'],
			['news-a~123456$1', 'news-a~123456', 'news-a~123456']
		]);
		expect(out.places[0]!.id).toBe('news-a~123456@330100');
		expect(out.meetings[0]!.docIds).toEqual(['news-a~123456', 'news-b']);
	});
});
