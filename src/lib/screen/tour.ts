// The big screen's tour: which pages it shows, in what order, for how long, and what each key
// of a keyboard or presentation clicker does. Pure, so the sequencing is tested in Node.

/** The pages of the tour, in showing order. */
export const SCREEN_PAGES = ['overview', 'map', 'timeline', 'achievements', 'replay', 'ranking', 'trend'] as const;
export type ScreenPage = (typeof SCREEN_PAGES)[number];

/** Whether a string names a page of the tour. */
export const isScreenPage = (s: unknown): s is ScreenPage => typeof s === 'string' && (SCREEN_PAGES as readonly string[]).includes(s);

export interface ScreenParams {
	/** seconds each page stays up */
	interval: number;
	/** start the tour at once, without the start overlay (signage, kiosk browsers) */
	kiosk: boolean;
	/** the pages chosen and their order (?pages=overview,map); null: every page in the default order */
	pages: ScreenPage[] | null;
	/** the indicator the trend page and the second ranking follow (?indicator=schools); null: the most reported one */
	indicator: string | null;
}

export const DEFAULT_INTERVAL = 15;
const MIN_INTERVAL = 1;
const MAX_INTERVAL = 3600;

/**
 * The screen's own URL parameters, beside the dashboard's filters: ?interval=15&kiosk=1&pages=map,replay.
 * A malformed interval falls back to the default; an extreme one is clamped. Page names are read
 * from a comma-separated list (spaces, case and 、，; separators tolerated); unknown names and
 * repeats are dropped, and a list that names no page means every page.
 * @example parseScreenParams(new URLSearchParams('interval=8&kiosk=1')) // { interval: 8, kiosk: true, pages: null, indicator: null }
 */
export function parseScreenParams(params: URLSearchParams): ScreenParams {
	const raw = Number(params.get('interval'));
	const interval = params.has('interval') && Number.isFinite(raw) && raw > 0 ? Math.min(MAX_INTERVAL, Math.max(MIN_INTERVAL, raw)) : DEFAULT_INTERVAL;
	const kiosk = ['1', 'true', 'yes'].includes(params.get('kiosk') ?? '');
	const named = (params.get('pages') ?? '')
		.split(/[,，、;\s]+/)
		.map((p) => p.trim().toLowerCase())
		.filter(isScreenPage);
	const pages = named.length ? [...new Set(named)] : null;
	const ind = params.get('indicator')?.trim() ?? '';
	const indicator = ind && ind.length <= 60 ? ind : null;
	return { interval, kiosk, pages, indicator };
}

/**
 * The wall's set-up as a link: its pages (when chosen), interval, indicator, kiosk and the
 * dashboard's filters, so a copied link starts the same show elsewhere.
 * @example showQuery({ interval: 20, kiosk: false, pages: ['map'], indicator: null }, '?region=370000') // '?pages=map&interval=20&region=370000'
 */
export function showQuery(params: ScreenParams, filterQuery: string): string {
	const q = new URLSearchParams();
	if (params.pages) q.set('pages', params.pages.join(','));
	q.set('interval', String(params.interval));
	for (const [k, v] of new URLSearchParams(filterQuery)) q.set(k, v);
	if (params.indicator) q.set('indicator', params.indicator);
	if (params.kiosk) q.set('kiosk', '1');
	// Commas kept readable: they need no escaping in a query.
	return `?${q.toString().replaceAll('%2C', ',')}`;
}

/** What the corpus after the filters holds, as far as the tour cares. */
export interface TourContent {
	meetings: number;
	datedMeetings: number;
	figures: number;
	/** places named by the documents (the map shows them without meetings); absent: some */
	places?: number;
	/** provinces the ranking page ranks (by meetings or by the indicator); absent: as meetings */
	ranked?: number;
	/** years the trend page's indicator has a total for; absent: none */
	trendYears?: number;
}

/** Whether a page has something to show. */
export function hasContent(page: ScreenPage, content: TourContent): boolean {
	switch (page) {
		case 'overview':
			return true;
		case 'map':
			return content.meetings > 0 || (content.places ?? 1) > 0;
		case 'timeline':
		case 'replay':
			return content.datedMeetings > 0;
		case 'achievements':
			return content.figures > 0;
		case 'ranking':
			return (content.ranked ?? content.meetings) > 0;
		case 'trend':
			return (content.trendYears ?? 0) > 0;
	}
}

/**
 * The pages worth showing, in the chosen order (every page by default): a page with nothing to
 * show for the filters is skipped rather than shown empty. When nothing is left the overview
 * stays, so the tour never runs out of pages.
 * @example tourPages({ meetings: 0, datedMeetings: 0, figures: 3, places: 2 }) // ['overview', 'map', 'achievements']
 */
export function tourPages(content: TourContent, chosen: readonly ScreenPage[] | null = null): ScreenPage[] {
	const shown = (chosen ?? SCREEN_PAGES).filter((p) => hasContent(p, content));
	return shown.length ? shown : ['overview'];
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

export type ScreenAction = 'next' | 'previous' | 'blank' | 'pause' | 'fullscreen' | 'leave' | 'presenter';

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
		case 's':
		case 'S':
			return 'presenter';
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

/**
 * What a key does to a blanked wall: any key brings the picture back and does nothing else, so a
 * PageDown pressed in the dark never changes the page behind the black screen. F and Esc keep
 * their meaning (a presenter leaving or going full screen needs no second press).
 * @example blankedAction('next') // 'unblank'
 */
export function blankedAction(action: ScreenAction | null): ScreenAction | 'unblank' {
	return action === 'fullscreen' || action === 'leave' ? action : 'unblank';
}
