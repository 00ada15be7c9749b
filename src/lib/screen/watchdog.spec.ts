import { describe, expect, test } from 'vitest';
import { backoff, interrupted, readRecord, verdict, type WallState } from './watchdog.ts';

const t0 = 1_700_000_000_000;
const wall = (over: Partial<WallState>): WallState => ({ now: t0, startedAt: t0, ready: true, failed: false, progressAt: t0, pageMs: 20_000, running: true, pages: 5, attempt: 0, ...over });

describe('verdict', () => {
	test.each<[string, Partial<WallState>, ReturnType<typeof verdict>]>([
		['a wall showing data and moving is left alone', { now: t0 + 50_000, progressAt: t0 + 45_000 }, null],
		['a load still running after 59 s is given time', { ready: false, now: t0 + 59_000 }, null],
		['a load that never completes reloads after a minute', { ready: false, now: t0 + 60_000 }, 'load-timeout'],
		['after two failed reloads a load gets four minutes', { ready: false, now: t0 + 200_000, attempt: 2 }, null],
		['a failed load retries after 30 s', { ready: false, failed: true, now: t0 + 30_000 }, 'load-error'],
		['a failed load waits at most ten minutes, however many reloads failed', { ready: false, failed: true, now: t0 + 600_000, attempt: 12 }, 'load-error'],
		['a tour without a page change for three page times has stopped', { now: t0 + 60_000, progressAt: t0 }, 'stuck'],
		['a paused tour is not stuck', { now: t0 + 3_600_000, running: false }, null],
		['a tour of one page (a region with only figures) never changes page and is not stuck', { now: t0 + 3_600_000, pages: 1 }, null],
		['a long page (a replay of 5 minutes) is not cut short', { now: t0 + 600_000, pageMs: 300_000 }, null]
	])('%s', (_, over, want) => expect(verdict(wall(over))).toBe(want));
});

describe('backoff', () => {
	test.each([[0, 30_000], [1, 60_000], [4, 480_000], [5, 600_000], [50, 600_000]])('after %i reloads waits %i ms', (n, ms) => expect(backoff(n)).toBe(ms));
});

describe('interrupted', () => {
	test.each([
		['no earlier run', null, false],
		['an earlier run that unloaded', { beat: t0 - 1000, clean: true }, false],
		['an earlier run that stopped beating (a crashed tab)', { beat: t0 - 60_000, clean: false }, true],
		['a run that stopped days ago', { beat: t0 - 3 * 86_400_000, clean: false }, false]
	])('%s: %s', (_, previous, want) => expect(interrupted(previous, t0)).toBe(want));

	test('reads nothing from refused or hand-edited storage', () => {
		expect(readRecord({ getItem: () => '{not json' }, 'k')).toBeNull();
		expect(readRecord({ getItem: () => { throw new DOMException('denied', 'SecurityError'); } }, 'k')).toBeNull();
		expect(readRecord(undefined, 'k')).toBeNull();
	});
});
