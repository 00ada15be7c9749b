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
	tourPages
} from './tour.ts';

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
		expect(parseScreenParams(new URLSearchParams(query))).toEqual({ interval, kiosk });
	});
});

describe('tourPages', () => {
	test('shows every page when there is something for each', () => {
		expect(tourPages({ meetings: 4, datedMeetings: 3, figures: 10 })).toEqual([...SCREEN_PAGES]);
	});
	test('skips the timeline and the replay without dated meetings, achievements without figures', () => {
		expect(tourPages({ meetings: 1, datedMeetings: 0, figures: 0 })).toEqual(['overview', 'map']);
		expect(tourPages({ meetings: 0, datedMeetings: 0, figures: 3 })).toEqual(['overview', 'map', 'achievements']);
	});
});

describe('stepPage', () => {
	const pages = tourPages({ meetings: 4, datedMeetings: 3, figures: 10 });
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
