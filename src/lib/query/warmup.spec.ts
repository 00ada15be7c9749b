import { describe, expect, test } from 'vitest';
import { NO_FILTERS, parseFilters } from '../state/filters.ts';
import { achievementsRequest, overviewRequest } from './requests.ts';
import { nextRequests, warmsNext } from './warmup.ts';

describe('nextRequests', () => {
	test('no filter set: each first year, then each last year, every one the exact request the page sends for it', () => {
		const request = achievementsRequest(NO_FILTERS, null, null);
		const next = nextRequests(request, [2022, 2023, 2024]);
		expect(next.map((r) => [r.filters.from, r.filters.to])).toEqual([
			[2022, null],
			[2023, null],
			[2024, null],
			[null, 2022],
			[null, 2023],
			[null, 2024]
		]);
		// the page's request for the same state, built from the URL as the filter bar's change builds it: the same text
		expect(JSON.stringify(next[1])).toBe(JSON.stringify(achievementsRequest(parseFilters(new URLSearchParams('from=2023')), null, null)));
		expect(JSON.stringify(next[4])).toBe(JSON.stringify(achievementsRequest(parseFilters(new URLSearchParams('to=2023')), null, null)));
	});

	test('a year set: clearing it first, then the years nearest it; none the filter bar would swap with the other end', () => {
		const request = overviewRequest(parseFilters(new URLSearchParams('from=2022&to=2024&region=500000')));
		const next = nextRequests(request, [2020, 2021, 2022, 2023, 2024, 2025]);
		expect(next.map((r) => [r.filters.from, r.filters.to])).toEqual([
			[null, 2024],
			[2022, null],
			[2021, 2024],
			[2023, 2024],
			[2020, 2024],
			[2024, 2024],
			[2022, 2023],
			[2022, 2025],
			[2022, 2022]
		]);
		// the other filters stay
		expect(next.every((r) => r.filters.region === '500000' && r.type === 'overview' && r.meetings === request.meetings)).toBe(true);
		expect(JSON.stringify(next[3])).toBe(JSON.stringify(overviewRequest(parseFilters(new URLSearchParams('from=2023&to=2024&region=500000')))));
	});

	test('at most `limit`, and none for a request without filters', () => {
		expect(nextRequests(overviewRequest(NO_FILTERS), [2020, 2021, 2022, 2023], 3)).toHaveLength(3);
		expect(nextRequests({ type: 'summary' }, [2020, 2021])).toEqual([]);
		expect(nextRequests(overviewRequest(NO_FILTERS), [])).toEqual([]);
	});
});

describe('warmsNext', () => {
	test("the views the filter bar drives, not the explorer's pages nor the corpus's summary", () => {
		expect(warmsNext(achievementsRequest(NO_FILTERS, null, null))).toBe(true);
		expect(warmsNext(overviewRequest(NO_FILTERS))).toBe(true);
		expect(warmsNext({ type: 'summary' })).toBe(false);
	});
});
