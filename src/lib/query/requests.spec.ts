import { describe, expect, test } from 'vitest';
import { NO_FILTERS, parseFilters } from '../state/filters.ts';
import { achievementsRequest, EXPLORE_PAGE, EXPLORE_START, exploreFirstRequest, exploreRequest, firstRequests, keptForNextVisit, mapRequest, overviewRequest, replayRequest, screenRequest, timelineRequest, unnamedIndicators } from './requests.ts';

describe('the views’ requests', () => {
	test('the prefetch builds, for a URL, the very text of the requests the views send there', () => {
		const search = '?indicator=schools&kind=news&from=2021&region=330000';
		const filters = parseFilters(new URLSearchParams(search));
		expect(firstRequests(search).map((r) => JSON.stringify(r))).toEqual([
			JSON.stringify(overviewRequest(filters)),
			JSON.stringify(timelineRequest(filters)),
			JSON.stringify(mapRequest(filters, { measure: 'meetings', meeting: null, search: '' })),
			JSON.stringify(achievementsRequest(filters, 'schools', null))
		]);
	});
	test('with the language the explorer asks in, its first page (as the view opens) comes last', () => {
		const search = '?from=2021';
		const language = { locale: 'en', unnamed: unnamedIndicators((key, o) => `${key}${o ? `(${o.values.category})` : ''}`) };
		expect(language.unnamed.rate).toBe('indicator.unnamed(category.rate)');
		const all = firstRequests(search, language);
		expect(all.slice(0, -1)).toEqual(firstRequests(search));
		const opened = exploreRequest(parseFilters(new URLSearchParams(search)), { query: '', reviewedOnly: false, facts: 'all', sort: 'date', dir: 'desc', offset: 0, limit: 2 * EXPLORE_PAGE, ...language });
		expect(JSON.stringify(all.at(-1))).toBe(JSON.stringify(opened));
		expect(JSON.stringify(exploreFirstRequest(NO_FILTERS, language))).toBe(JSON.stringify({ ...opened, filters: { from: null, to: null, region: null, category: null, kind: null } }));
	});
	test('on the big screen (the wall and its presenter view), its own requests first: the screen, its timeline and map, the replay when it may be toured', () => {
		const search = '?kiosk=1&indicator=schools&region=330000';
		const filters = parseFilters(new URLSearchParams(search));
		const texts = (path: string, q = search) => firstRequests(q, undefined, path).map((r) => JSON.stringify(r));
		const screen = [screenRequest(filters, 'schools'), timelineRequest(filters), mapRequest(filters, { measure: 'meetings', meeting: null, search: '' }), replayRequest(filters)].map((r) => JSON.stringify(r));
		for (const path of ['/screen', '/screen/', '/screen/presenter']) {
			expect(texts(path).slice(0, 4)).toEqual(screen);
			// then the dashboard's others, each once
			expect(new Set(texts(path))).toEqual(new Set([...screen, ...texts('/')]));
			expect(texts(path).length).toBe(new Set(texts(path)).size);
		}
		expect(texts('/screen', `${search}&pages=map,overview`)).not.toContain(screen[3]);
		expect(texts('/screenshots')[0]).toBe(JSON.stringify(overviewRequest(filters)));
	});
	test('filters with their keys in another order make the same request text', () => {
		const shuffled = { kind: null, category: 'training' as const, region: null, to: 2023, from: 2020 };
		expect(JSON.stringify(overviewRequest(shuffled))).toBe(JSON.stringify(overviewRequest({ ...NO_FILTERS, from: 2020, to: 2023, category: 'training' })));
	});
});

describe('which answers the facts worker keeps for the next page load', () => {
	const language = { locale: 'zh', unnamed: unnamedIndicators((key) => key) };
	const map = (o: { measure?: string; meeting?: string | null; search?: string }) => mapRequest(NO_FILTERS, { measure: 'meetings', meeting: null, search: '', ...o });
	test.each([
		['the overview', overviewRequest(NO_FILTERS), true],
		['the achievements page, an indicator picked', achievementsRequest(NO_FILTERS, 'schools', '所'), true],
		['the timeline', timelineRequest(NO_FILTERS), true],
		['a meeting’s details on the timeline', { type: 'timelineMeeting', id: 'm1', row: 0 }, false],
		['the map as it opens', map({}), true],
		['the map coloured by another measure', map({ measure: 'schools' }), false],
		['the map with a meeting picked', map({ meeting: 'm1' }), false],
		['the map searched', map({ search: '大会' }), false],
		['the explorer as it opens', exploreFirstRequest(NO_FILTERS, language), true],
		['the explorer’s next page on a scroll', exploreRequest(NO_FILTERS, { ...EXPLORE_START, offset: EXPLORE_PAGE, limit: EXPLORE_PAGE, ...language }), false],
		['the explorer’s rows for the CSV', exploreRequest(NO_FILTERS, { ...EXPLORE_START, offset: 0, limit: null, ...language }), false],
		['the big screen', screenRequest(NO_FILTERS, null), true],
		['the replay', replayRequest(NO_FILTERS), true]
	] as const)('%s: %s', (_name, request, kept) => {
		expect(keptForNextVisit(request as Parameters<typeof keptForNextVisit>[0])).toBe(kept);
	});
	test('every first request of every page is kept', () => {
		for (const path of ['/', '/screen'])
			for (const r of firstRequests('?from=2021&indicator=schools', language, path)) expect(keptForNextVisit(r), JSON.stringify(r)).toBe(true);
	});
});
