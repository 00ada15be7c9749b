import { describe, expect, test } from 'vitest';
import { activeFilterCount, filtersToQuery, NO_FILTERS, parseFilters, sameFilters } from './filters.ts';

describe('URL filters', () => {
	test('round-trips every filter through the query string', () => {
		const f = { from: 2019, to: 2023, region: '500000', category: 'training' as const, kind: 'news' as const };
		expect(filtersToQuery(f)).toBe('?from=2019&to=2023&region=500000&category=training&kind=news');
		expect(parseFilters(new URLSearchParams(filtersToQuery(f)))).toEqual(f);
	});
	test('writes nothing for no filters', () => expect(filtersToQuery(NO_FILTERS)).toBe(''));
	test.each([
		['from=20x3&to=2023', { ...NO_FILTERS, to: 2023 }],
		['region=50000&category=money&kind=blog', NO_FILTERS],
		['from=2024&to=2020', { ...NO_FILTERS, from: 2020, to: 2024 }],
		['region=<script>', NO_FILTERS]
	])('ignores or repairs malformed %s', (query, expected) => expect(parseFilters(new URLSearchParams(query))).toEqual(expected));
});

describe('activeFilterCount', () => {
	test.each([
		['none set', {}, 0],
		['a year range counts once', { from: 2020, to: 2023 }, 1],
		['one end of the range', { to: 2023 }, 1],
		['every filter', { from: 2020, region: '370000', category: 'training', kind: 'news' }, 4]
	] as const)('%s', (_, set, n) => {
		expect(activeFilterCount({ ...NO_FILTERS, ...set } as never)).toBe(n);
	});
});

describe('sameFilters', () => {
	test('compares every filter', () => {
		const f = { from: 2019, to: 2023, region: '500000', category: 'training' as const, kind: 'news' as const };
		expect(sameFilters(f, parseFilters(new URLSearchParams(filtersToQuery(f))))).toBe(true);
		for (const [key, value] of [['from', 2020], ['to', null], ['region', '500100'], ['category', null], ['kind', 'notice']] as const) expect(sameFilters(f, { ...f, [key]: value })).toBe(false);
	});
});
