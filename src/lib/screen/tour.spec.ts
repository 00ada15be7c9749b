import { describe, expect, test } from 'vitest';
import {
	DEFAULT_INTERVAL,
	highlightEveryMs,
	nextHighlight,
	pageDuration,
	parseScreenParams,
	REPLAY_SHOWN,
	replayStart,
	replayStepMs,
	screenAction,
	SCREEN_PAGES,
	stepPage,
	tourPages,
	blankedAction,
	showQuery,
	type ScreenPage,
	type TourContent
} from './tour.ts';

describe('parseScreenParams: the show as a URL', () => {
	test.each<[string, ScreenPage[] | null, string | null]>([
		['pages=overview,map,achievements', ['overview', 'map', 'achievements'], null],
		['pages=Replay,%20map', ['replay', 'map'], null],
		['pages=map，replay、trend', ['map', 'replay', 'trend'], null],
		['pages=map,map,overview,map', ['map', 'overview'], null],
		['pages=slides,map', ['map'], null],
		['pages=slides', null, null],
		['pages=', null, null],
		['indicator=schools', null, 'schools'],
		['indicator=' + 'x'.repeat(61), null, null]
	])('%s', (query, pages, indicator) => {
		expect(parseScreenParams(new URLSearchParams(query))).toMatchObject({ pages, indicator });
	});
	test('the copied link reads back as the same show', () => {
		const params = parseScreenParams(new URLSearchParams('pages=overview,map,achievements&interval=20&region=370000'));
		const query = showQuery(params, '?region=370000');
		expect(query).toBe('?pages=overview,map,achievements&interval=20&region=370000');
		expect(parseScreenParams(new URLSearchParams(query))).toEqual(params);
		expect(showQuery({ interval: 15, kiosk: true, pages: null, indicator: 'schools' }, '')).toBe('?interval=15&indicator=schools&kiosk=1');
	});
});

describe('blankedAction: any key brings a blanked wall back', () => {
	test.each([
		['next', 'unblank'],
		['previous', 'unblank'],
		['blank', 'unblank'],
		['pause', 'unblank'],
		['presenter', 'unblank'],
		[null, 'unblank'],
		['fullscreen', 'fullscreen'],
		['leave', 'leave']
	] as const)('%s → %s', (action, result) => {
		expect(blankedAction(action)).toBe(result);
	});
});

describe('parseScreenParams', () => {
	test.each([
		['', DEFAULT_INTERVAL, false],
		['interval=8&kiosk=1', 8, true],
		['interval=2.5', 2.5, false],
		['interval=0', DEFAULT_INTERVAL, false],
		['interval=abc&kiosk=0', DEFAULT_INTERVAL, false],
		['interval=-3', DEFAULT_INTERVAL, false],
		['interval=0.2', 1, false],
		['interval=99999&kiosk=true', 3600, true]
	])('reads %j as %d s, kiosk %s', (query, interval, kiosk) => {
		expect(parseScreenParams(new URLSearchParams(query))).toMatchObject({ interval, kiosk });
	});
});

describe('tourPages', () => {
	test('shows every page when there is something for each', () => {
		expect(tourPages({ meetings: 4, datedMeetings: 3, figures: 10, trendYears: 2 })).toEqual([...SCREEN_PAGES]);
	});
	test.each<[string, TourContent, ScreenPage[] | null, ScreenPage[]]>([
		['the chosen pages in the chosen order', { meetings: 4, datedMeetings: 3, figures: 10, trendYears: 1 }, ['achievements', 'overview', 'map'], ['achievements', 'overview', 'map']],
		['a chosen page without data is skipped', { meetings: 4, datedMeetings: 0, figures: 10 }, ['replay', 'map', 'trend'], ['map']],
		['the map without meetings or places', { meetings: 0, datedMeetings: 0, figures: 3, places: 0 }, null, ['overview', 'achievements']],
		['the map with places but no meetings', { meetings: 0, datedMeetings: 0, figures: 0, places: 2 }, null, ['overview', 'map']],
		['the ranking without ranked provinces', { meetings: 2, datedMeetings: 2, figures: 0, ranked: 0 }, ['ranking', 'timeline'], ['timeline']],
		['nothing left: the overview', { meetings: 0, datedMeetings: 0, figures: 0, places: 0 }, ['replay', 'trend'], ['overview']]
	])('%s', (_, content, chosen, pages) => {
		expect(tourPages(content, chosen)).toEqual(pages);
	});
	test('skips the timeline and the replay without dated meetings, achievements without figures', () => {
		expect(tourPages({ meetings: 1, datedMeetings: 0, figures: 0 })).toEqual(['overview', 'map', 'ranking']);
		expect(tourPages({ meetings: 0, datedMeetings: 0, figures: 3 })).toEqual(['overview', 'map', 'achievements']);
		expect(tourPages({ meetings: 0, datedMeetings: 0, figures: 3, ranked: 4, trendYears: 3 })).toEqual(['overview', 'map', 'achievements', 'ranking', 'trend']);
	});
});

describe('stepPage', () => {
	const pages = tourPages({ meetings: 4, datedMeetings: 3, figures: 10, ranked: 0 });
	test('goes forward and back, wrapping round at either end', () => {
		expect(stepPage(pages, 'overview', 1)).toBe('map');
		expect(stepPage(pages, 'replay', 1)).toBe('overview');
		expect(stepPage(pages, 'overview', -1)).toBe('replay');
		expect(stepPage(pages, 'map', -1)).toBe('overview');
	});
	test('visits every page once in a full round', () => {
		const seen: string[] = [];
		let p = pages[0]!;
		for (let i = 0; i < pages.length; i++) {
			seen.push(p);
			p = stepPage(pages, p, 1);
		}
		expect(seen).toEqual(pages);
		expect(p).toBe(pages[0]);
	});
	test('restarts the tour from a page that is no longer shown', () => {
		expect(stepPage(['overview', 'map'], 'replay', 1)).toBe('overview');
	});
	test('stays put with no pages', () => {
		expect(stepPage([], 'map', 1)).toBe('map');
	});
});

describe('timing', () => {
	test('a page stays up for the interval', () => {
		expect(pageDuration('map', 15_000, 10)).toBe(15_000);
	});
	test('the replay lasts long enough to read each meeting, the closing frame included', () => {
		expect(pageDuration('replay', 15_000, 10)).toBe(27_500);
		expect(pageDuration('replay', 15_000, 2)).toBe(15_000);
		expect(replayStepMs(15_000, 4)).toBe(3000);
		expect(replayStepMs(1000, 3)).toBe(2500);
	});
	test('highlights move every few seconds, between 1.5 s and 5 s', () => {
		expect(highlightEveryMs(15_000)).toBe(3750);
		expect(highlightEveryMs(1000)).toBe(1500);
		expect(highlightEveryMs(60_000)).toBe(5000);
	});
	test('the highlight cycles through the marks, none when there are none', () => {
		expect([0, 1, 2].map((i) => nextHighlight(i, 3))).toEqual([1, 2, 0]);
		expect(nextHighlight(-1, 3)).toBe(0);
		expect(nextHighlight(0, 0)).toBe(-1);
	});
});

describe('screenAction', () => {
	test.each([
		['PageDown', 'next'],
		['s', 'presenter'],
		['S', 'presenter'],
		['ArrowRight', 'next'],
		[' ', 'next'],
		['PageUp', 'previous'],
		['ArrowLeft', 'previous'],
		['b', 'blank'],
		['B', 'blank'],
		['.', 'blank'],
		['p', 'pause'],
		['F', 'fullscreen'],
		['Escape', 'leave'],
		['x', null],
		['Enter', null]
	])('%j → %s', (key, action) => {
		expect(screenAction(key)).toBe(action);
	});
});

describe('replayStart', () => {
	test.each([
		[0, 0],
		[12, 0],
		[30, 0],
		[143, 113]
	])('of %i meetings starts at step %i, telling at most 30', (steps, start) => {
		expect(replayStart(steps)).toBe(start);
		expect(steps - replayStart(steps)).toBeLessThanOrEqual(REPLAY_SHOWN);
	});
});
