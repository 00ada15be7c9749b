// The big screen's tour: which pages it shows, in what order, for how long, and what each key
// of a keyboard or presentation clicker does. Pure, so the sequencing is tested in Node.

/** The pages of the tour, in showing order. */
export const SCREEN_PAGES = ['overview', 'map', 'timeline', 'achievements', 'replay'] as const;
export type ScreenPage = (typeof SCREEN_PAGES)[number];

export interface ScreenParams {
	/** seconds each page stays up */
	interval: number;
	/** start the tour at once, without the start overlay (signage, kiosk browsers) */
	kiosk: boolean;
}

export const DEFAULT_INTERVAL = 15;
const MIN_INTERVAL = 1;
const MAX_INTERVAL = 3600;

/**
 * The screen's own URL parameters, beside the dashboard's filters: ?interval=15&kiosk=1.
 * A malformed interval falls back to the default; an extreme one is clamped.
 * @example parseScreenParams(new URLSearchParams('interval=8&kiosk=1')) // { interval: 8, kiosk: true }
 */
export function parseScreenParams(params: URLSearchParams): ScreenParams {
	const raw = Number(params.get('interval'));
	const interval = params.has('interval') && Number.isFinite(raw) && raw > 0 ? Math.min(MAX_INTERVAL, Math.max(MIN_INTERVAL, raw)) : DEFAULT_INTERVAL;
	const kiosk = ['1', 'true', 'yes'].includes(params.get('kiosk') ?? '');
	return { interval, kiosk };
}

/** What the corpus after the filters holds, as far as the tour cares. */
export interface TourContent {
	meetings: number;
	datedMeetings: number;
	figures: number;
}

/**
 * The pages worth showing: a page with nothing to show is skipped rather than shown empty.
 * The overview and the map always stay, so the tour never runs out of pages.
 * @example tourPages({ meetings: 0, datedMeetings: 0, figures: 3 }) // ['overview', 'map', 'achievements']
 */
export function tourPages(content: TourContent): ScreenPage[] {
	return SCREEN_PAGES.filter((p) => {
		if (p === 'timeline' || p === 'replay') return content.datedMeetings > 0;
		if (p === 'achievements') return content.figures > 0;
		return true;
	});
}

/**
 * The page `delta` steps from `current`, wrapping round; a page no longer in the list restarts the tour.
 * @example stepPage(['overview', 'map'], 'map', 1) // 'overview'
 */
export function stepPage(pages: readonly ScreenPage[], current: ScreenPage, delta: number): ScreenPage {
	if (pages.length === 0) return current;
	const i = pages.indexOf(current);
	if (i < 0) return pages[0]!;
	return pages[(((i + delta) % pages.length) + pages.length) % pages.length]!;
}

/**
 * Meetings the replay tells on its own: the latest ones. Earlier meetings are already lit and
 * counted when it starts (a clicker can step back to them), so a national corpus of hundreds of
 * meetings does not hold the tour on one page for minutes.
 */
export const REPLAY_SHOWN = 30;

/**
 * The step the replay starts at: the first of the latest REPLAY_SHOWN meetings.
 * @example replayStart(143) // 113
 */
export function replayStart(steps: number): number {
	return Math.max(0, steps - REPLAY_SHOWN);
}

/** The shortest time one replayed meeting stays up, so a caption can be read. */
export const MIN_REPLAY_STEP_MS = 2500;

/**
 * How long a page stays up: the interval, except that the replay takes as long as its meetings need.
 * @example pageDuration('replay', 15_000, 10) // 27_500: ten meetings and a closing frame at 2.5 s each
 */
export function pageDuration(page: ScreenPage, intervalMs: number, replaySteps: number): number {
	if (page !== 'replay') return intervalMs;
	return Math.max(intervalMs, (replaySteps + 1) * MIN_REPLAY_STEP_MS);
}

/**
 * How long each replayed meeting stays up: the page's time shared out, the closing frame included.
 * @example replayStepMs(15_000, 4) // 3000
 */
export function replayStepMs(intervalMs: number, replaySteps: number): number {
	return pageDuration('replay', intervalMs, replaySteps) / (replaySteps + 1);
}

/**
 * How often a chart moves its highlight to the next mark: a few marks per page, never a flicker.
 * @example highlightEveryMs(15_000) // 3750
 */
export function highlightEveryMs(intervalMs: number): number {
	return Math.max(1500, Math.min(5000, intervalMs / 4));
}

export type ScreenAction = 'next' | 'previous' | 'blank' | 'pause' | 'fullscreen' | 'leave';

/**
 * What a key does. Presentation clickers send PageDown/PageUp (some send arrows), and B or '.'
 * for a black screen, the same keys PowerPoint and Keynote answer to.
 * @example screenAction('PageDown') // 'next'
 */
export function screenAction(key: string): ScreenAction | null {
	switch (key) {
		case 'PageDown':
		case 'ArrowRight':
		case 'ArrowDown':
		case ' ':
		case 'Spacebar':
			return 'next';
		case 'PageUp':
		case 'ArrowLeft':
		case 'ArrowUp':
			return 'previous';
		case 'b':
		case 'B':
		case '.':
			return 'blank';
		case 'p':
		case 'P':
			return 'pause';
		case 'f':
		case 'F':
			return 'fullscreen';
		case 'Escape':
			return 'leave';
		default:
			return null;
	}
}

/**
 * The next mark a chart highlights, cycling; -1 when it has none.
 * @example nextHighlight(2, 3) // 0
 */
export function nextHighlight(current: number, count: number): number {
	return count > 0 ? (current + 1) % count : -1;
}
