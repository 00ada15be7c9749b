import { describe, expect, test } from 'vitest';
import { NO_FILTERS, parseFilters } from '../state/filters.ts';
import { achievementsRequest, firstRequests, overviewRequest, timelineRequest } from './requests.ts';

describe('the views’ requests', () => {
	test('the prefetch builds, for a URL, the very text of the requests the views send there', () => {
		const search = '?indicator=schools&kind=news&from=2021&region=330000';
		const filters = parseFilters(new URLSearchParams(search));
		expect(firstRequests(search).map((r) => JSON.stringify(r))).toEqual([
			JSON.stringify(overviewRequest(filters)),
			JSON.stringify(achievementsRequest(filters, 'schools', null)),
			JSON.stringify(timelineRequest(filters))
		]);
	});
	test('filters with their keys in another order make the same request text', () => {
		const shuffled = { kind: null, category: 'training' as const, region: null, to: 2023, from: 2020 };
		expect(JSON.stringify(overviewRequest(shuffled))).toBe(JSON.stringify(overviewRequest({ ...NO_FILTERS, from: 2020, to: 2023, category: 'training' })));
	});
});
