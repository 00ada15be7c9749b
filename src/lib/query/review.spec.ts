import { describe, expect, test } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import { NO_FILTERS } from '../state/filters.ts';
import { filterFacts } from './facts.ts';
import { factReview, reviewedCount } from './review.ts';

const at = '2024-05-01T08:00:00.000Z';

describe('reviewedCount', () => {
	test.each([
		['nothing reviewed', () => sampleContent(), 0],
		['one figure corrected', () => {
			const c = sampleContent();
			c.metrics[0] = { ...c.metrics[0]!, review: { status: 'corrected', at } };
			return c;
		}, 1],
		['a document confirmed: its figures and its meeting', () => {
			const c = sampleContent();
			c.documents[0] = { ...c.documents[0]!, review: { status: 'confirmed', at } };
			return c;
		}, 3],
		['a document whose region was corrected is not fully reviewed', () => {
			const c = sampleContent();
			c.documents[0] = { ...c.documents[0]!, review: { status: 'corrected', at } };
			return c;
		}, 0]
	])('%s', (_name, make, reviewed) => {
		expect(reviewedCount(filterFacts(make(), NO_FILTERS))).toEqual({ shown: 3, reviewed });
	});

	test("a fact's own mark comes before its document's", () => {
		const c = sampleContent();
		const docById = new Map(c.documents.map((d) => [d.id, { ...d, review: { status: 'confirmed' as const, at } }]));
		expect(factReview({ ...c.metrics[0]!, review: { status: 'corrected', at: '2024-06-01T00:00:00.000Z' } }, docById)?.status).toBe('corrected');
		expect(factReview(c.metrics[0]!, docById)?.status).toBe('confirmed');
	});
});

describe('explorer rows', () => {
	test('carry their review and "reviewed only" keeps just those', async () => {
		const { exploreRows, reviewedRows } = await import('./explore.ts');
		const c = sampleContent();
		c.metrics[1] = { ...c.metrics[1]!, review: { status: 'confirmed', at } };
		const rows = exploreRows(filterFacts(c, NO_FILTERS));
		expect(rows.map((r) => r.reviewed)).toEqual([null, null, 'confirmed']);
		expect(reviewedRows(rows).map((r) => r.value)).toEqual([12000]);
	});
});

describe("the presenter's replay", () => {
	test('cites a reviewed meeting as reviewed with its source', async () => {
		const { replaySteps } = await import('../screen/replay.ts');
		const c = sampleContent();
		const docById = new Map(c.documents.map((d) => [d.id, d]));
		expect(replaySteps(c.meetings, docById)[0]!.review).toBeNull();
		const reviewed = [{ ...c.meetings[0]!, review: { status: 'confirmed' as const, at } }];
		expect(replaySteps(reviewed, docById)[0]!.review).toEqual({ status: 'confirmed', at });
	});
});
