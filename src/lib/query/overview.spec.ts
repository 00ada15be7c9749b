import { expect, test } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import { NO_FILTERS } from '../state/filters.ts';
import { filterFacts } from './facts.ts';
import { coverage } from './overview.ts';

test('counts provinces and cities from places and meeting venues, a city once', () => {
	// 杭州 is named and hosts the meeting: one city, one province (浙江).
	expect(coverage(filterFacts(sampleContent(), NO_FILTERS))).toEqual({ documents: 2, meetings: 1, provinces: 1, cities: 1, metrics: 2 });
});

test('counts a municipality district as its municipality', () => {
	const c = sampleContent();
	c.places.push({ ...c.places[0]!, id: 'x', adcode: '500109', name: '北碚区', level: 'county' });
	expect(coverage(filterFacts(c, NO_FILTERS))).toMatchObject({ provinces: 2, cities: 2 });
});
