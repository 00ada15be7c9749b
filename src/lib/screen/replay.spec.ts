import { describe, expect, test } from 'vitest';
import type { CorpusDocument, Meeting } from '../corpus/schema.ts';
import { replaySteps, sumQualifier } from './replay.ts';

const doc = (id: string, title: string | null, publishedAt: string | null): CorpusDocument => ({
	id,
	fileName: `${id}.txt`,
	title,
	publishedAt,
	kind: 'news',
	length: 100,
	encoding: 'utf-8',
	regionCode: null,
	contentHash: '0'.repeat(64), sourceUrl: null
});

const meeting = (id: string, startDate: string | null, venue: { provinceCode?: string; cityCode?: string }, attendees: number | null = null, docIds = ['d1']): Meeting => ({
	id,
	name: `会议${id}`,
	startDate,
	endDate: null,
	datePrecision: startDate && startDate.length === 4 ? 'year' : 'day',
	province: null,
	provinceCode: venue.provinceCode ?? null,
	city: null,
	cityCode: venue.cityCode ?? null,
	county: null,
	countyCode: null,
	attendees,
	attendeesQualifier: attendees == null ? null : 'exact',
	participantCodes: [],
	docIds,
	evidence: []
});

const docs = new Map([
	['d1', doc('d1', '山东省职教社研讨班开班', '2023-05-30')],
	['d2', doc('d2', null, '2021-04-01')]
]);

describe('replaySteps', () => {
	test('plays dated meetings in time order, a bare year before the days of that year, undated ones left out', () => {
		const steps = replaySteps(
			[
				meeting('a', '2023-05-29', { provinceCode: '370000', cityCode: '371600' }),
				meeting('b', null, {}),
				meeting('c', '2023', {}),
				meeting('d', '2021-03-30', { provinceCode: '500000' }, null, ['d2'])
			],
			docs
		);
		expect(steps.map((s) => s.meeting.id)).toEqual(['d', 'c', 'a']);
	});
	test('breaks ties on the same day by end date, then by id, so the order never depends on input order', () => {
		const ms = [meeting('z', '2023-05-29', {}), meeting('y', '2023-05-29', {}), { ...meeting('x', '2023-05-29', {}), endDate: '2023-05-31' }];
		expect(replaySteps(ms, docs).map((s) => s.meeting.id)).toEqual(['y', 'z', 'x']);
		expect(replaySteps([...ms].reverse(), docs).map((s) => s.meeting.id)).toEqual(['y', 'z', 'x']);
	});
	test('accumulates meetings, distinct venues, provinces and known attendees', () => {
		const steps = replaySteps(
			[
				meeting('a', '2021-01-05', { provinceCode: '370000', cityCode: '371600' }, 120),
				meeting('b', '2022-01-05', { provinceCode: '370000', cityCode: '371600' }),
				meeting('c', '2023-01-05', { provinceCode: '500000' }, 80)
			],
			docs
		);
		expect(steps.map((s) => s.totals)).toEqual([
			{ meetings: 1, venues: 1, provinces: 1, attendees: 120, attendeesQualifier: 'exact' },
			{ meetings: 2, venues: 1, provinces: 1, attendees: 120, attendeesQualifier: 'exact' },
			{ meetings: 3, venues: 2, provinces: 2, attendees: 200, attendeesQualifier: 'exact' }
		]);
	});
	test('counts attendance as unknown, not zero, until a meeting reports it', () => {
		const steps = replaySteps([meeting('a', '2021-01-05', {}), meeting('b', '2022-01-05', {}, 50)], docs);
		expect(steps.map((s) => s.totals.attendees)).toEqual([null, 50]);
	});
	test('keeps a running total of 近 figures 近, never 余', () => {
		const nearly = (id: string, date: string, n: number) => ({ ...meeting(id, date, {}, n), attendeesQualifier: 'nearly' as const });
		const steps = replaySteps([nearly('a', '2021-01-05', 100), meeting('b', '2022-01-05', {}, 50), nearly('c', '2023-01-05', 200)], docs);
		expect(steps.map((s) => [s.totals.attendees, s.totals.attendeesQualifier])).toEqual([
			[100, 'nearly'],
			[150, 'nearly'],
			[350, 'nearly']
		]);
	});
	test.each([
		[[], 'exact'],
		[['exact', 'exact'], 'exact'],
		[['exact', 'over'], 'over'],
		[['nearly', 'nearly', null], 'nearly'],
		[['nearly', 'over'], 'about'],
		[['atLeast', 'exact'], 'atLeast']
	] as const)('sums %j as %s', (qs, q) => {
		expect(sumQualifier(qs)).toBe(q);
	});
	test('places the venue on the map and cites the first known source, by title else file name', () => {
		const [d, a] = replaySteps(
			[meeting('a', '2023-05-29', { provinceCode: '370000', cityCode: '371600' }, null, ['missing', 'd1']), meeting('d', '2021-03-30', { provinceCode: '500000' }, null, ['d2'])],
			docs
		);
		expect(a).toMatchObject({ venue: '371600', venueName: '滨州市', source: { docId: 'd1', title: '山东省职教社研讨班开班', publishedAt: '2023-05-30' } });
		expect(a!.coord).toHaveLength(2);
		expect(d!.source).toEqual({ docId: 'd2', title: 'd2.txt', publishedAt: '2021-04-01' });
	});
	test('keeps a meeting with no known venue, without a point', () => {
		const [s] = replaySteps([meeting('a', '2023', {})], docs);
		expect(s).toMatchObject({ venue: null, venueName: null, coord: null });
	});
});
