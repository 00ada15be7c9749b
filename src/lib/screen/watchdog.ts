// The kiosk's watchdog: a wall nobody watches must come back by itself. The page reloads when its
// data never arrives, fails to load, or the tour stops moving; a run that ended without unloading
// (a crashed tab, a power cut) is noticed at the next start. Either way the wall says so in its
// corner. Pure decisions here; KioskWatchdog.svelte runs them.

export type WatchdogReason = 'load-timeout' | 'load-error' | 'stuck' | 'interrupted';

export interface WatchdogPolicy {
	/** the base wait: a load gets 2× this, an error waits this long before the first reload */
	baseMs: number;
	/** the longest wait between reloads, however many in a row have failed */
	maxMs: number;
}

/** 30 s base: a wall on stalled Wi-Fi retries after 30 s, 1 min, 2 min … 10 min. */
export const DEFAULT_POLICY: WatchdogPolicy = { baseMs: 30_000, maxMs: 600_000 };

/**
 * How long to wait after `attempt` reloads in a row that did not bring the wall up.
 * @example backoff(0) // 30000; backoff(3) // 240000
 */
export function backoff(attempt: number, policy: WatchdogPolicy = DEFAULT_POLICY): number {
	return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt, 20)));
}

export interface WallState {
	now: number;
	/** when this page load started */
	startedAt: number;
	/** the wall shows data */
	ready: boolean;
	/** the corpus could not be loaded */
	failed: boolean;
	/** when the wall last changed page (or started showing data) */
	progressAt: number;
	/** how long the page on show should stay */
	pageMs: number;
	/** the tour is meant to move (started, not paused, not blanked) */
	running: boolean;
	/** pages in the tour: a tour of one page never changes page, and is not stuck for it */
	pages: number;
	/** reloads in a row so far that did not bring the wall up */
	attempt: number;
}

/**
 * Whether to reload now, and why; null while all is well.
 * @example verdict({ ...state, ready: false, failed: false, now: state.startedAt + 70_000 }) // 'load-timeout'
 */
export function verdict(s: WallState, policy: WatchdogPolicy = DEFAULT_POLICY): WatchdogReason | null {
	const wait = backoff(s.attempt, policy);
	if (s.failed) return s.now - s.startedAt >= wait ? 'load-error' : null;
	if (!s.ready) return s.now - s.startedAt >= 2 * wait ? 'load-timeout' : null;
	// Three times the page's own time without a page change: the tour has stopped.
	if (s.running && s.pages > 1 && s.now - s.progressAt >= Math.max(3 * s.pageMs, 2 * policy.baseMs)) return 'stuck';
	return null;
}

/** What the wall writes down while it runs, to tell at its next start how the last run ended. */
export interface Heartbeat {
	/** last sign of life */
	beat: number;
	/** the page unloaded normally (navigation, reload, close) */
	clean: boolean;
}

/** The last run ended without unloading (a crashed tab, a killed browser, a power cut) within a day. */
export function interrupted(previous: Heartbeat | null, now: number): boolean {
	return previous !== null && !previous.clean && now - previous.beat < 86_400_000;
}

/**
 * Reads a stored JSON record, null when absent or unreadable (storage off, a hand-edited value).
 * @example readRecord<Heartbeat>(localStorage, 'zhijiao:kiosk')
 */
export function readRecord<T>(storage: Pick<Storage, 'getItem'> | undefined, key: string): T | null {
	try {
		const raw = storage?.getItem(key);
		return raw ? (JSON.parse(raw) as T) : null;
	} catch {
		return null;
	}
}
