// Shared by the benchmarks that drive the built site: a copy of a build serving another corpus,
// when a page's charts have drawn, its long tasks, its workers' heap, percentiles.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { chromiumPath } from '../tests/browser.ts';
import { serveStatic } from './static-server.ts';

/** Debian's Chromium for a bench or a profile, without the background traffic that would blur its figures. */
export const launchChromium = (extraArgs: readonly string[] = []): Promise<Browser> =>
	chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', ...extraArgs] });

/** The line that says where and when a run was measured: machine, Chromium, time, what else the caller names, load average. */
export const machineLine = (browser: Browser, ...more: string[]): string =>
	[`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length} cores`, `Chromium ${browser.version()}`, new Date().toISOString(), ...more, `load average ${loadavg()[0]!.toFixed(1)}`].join('; ');

/**
 * The build in `build` served like production (hashed files cached for good); with `corpusJson`, a
 * copy of it shipping that corpus in place of data/corpus.json, as if built with it.
 */
export async function serveWithCorpus(build: string, corpusJson: string | null) {
	if (corpusJson == null) return serveStatic(build, 0);
	const dir = mkdtempSync(join(tmpdir(), 'bench-build-'));
	cpSync(build, dir, { recursive: true });
	const assets = join(dir, '_app/immutable/assets');
	writeFileSync(join(assets, readdirSync(assets).find((f) => /^corpus.*\.json$/.test(f))!), corpusJson);
	const served = await serveStatic(dir, 0);
	return { ...served, close: async () => (await served.close(), rmSync(dir, { recursive: true, force: true })) };
}

/** A script that ran in a long task (Long Animation Frames API): who called it, where it starts, its time. */
export interface TaskScript {
	/** e.g. 'FrameRequestCallback' (requestAnimationFrame: ECharts' paint), 'MessagePort.onmessage' (a worker's answer), 'DOMWindow.onclick' */
	invoker: string;
	/** the entry function: name (minified in a build), file and character offset */
	source: string;
	ms: number;
	/** of which forced style and layout */
	layoutMs: number;
}

/** A main-thread task over 50 ms, with what ran in it. */
export interface LongTask {
	/** performance.now() of the document it ran in */
	startMs: number;
	ms: number;
	/** the document's path and query */
	url: string;
	/** the frame's rendering (rAF callbacks, style, layout, paint) fell in this task: its ms from renderStart to the task's end */
	renderMs: number;
	/** the longest scripts first */
	scripts: TaskScript[];
	/** seen in a document the page has left since (its last tasks, after the bench's last look) */
	carried?: boolean;
	/** 'none': no long animation frame holds it (no script, no rendering was timed in it) */
	frame?: 'none';
}

/**
 * An init script: collects the page's long tasks (over 50 ms) from its start, for longestTask(), and
 * each with what ran in it for longTasks(): the 'longtask' entry (start, duration) joined with the
 * 'long-animation-frame' entry holding it (its scripts, its rendering). Those of a document left
 * before the bench asked (a navigation) are kept in sessionStorage and handed to the next one.
 */
export const watchLongTasks = () => {
	type Loaf = PerformanceEntry & { renderStart: number; scripts: (PerformanceEntry & Record<string, unknown>)[] };
	const w = window as unknown as { __longTasks: number[]; __taskLog: unknown[]; __frames: Loaf[]; __flushTasks: (until?: number) => void };
	w.__longTasks = [];
	w.__frames = [];
	const CARRY = '__longTasksCarried';
	w.__taskLog = JSON.parse(sessionStorage.getItem(CARRY) ?? '[]');
	sessionStorage.removeItem(CARRY);
	const tasks: { startMs: number; ms: number; url: string }[] = [];
	const detail = (t: { startMs: number; ms: number; url: string }) => {
		const end = t.startMs + t.ms;
		const overlap = (a: number, b: number) => Math.max(0, Math.min(b, end) - Math.max(a, t.startMs));
		// the frame that holds most of the task (entries' times are rounded differently)
		const frame = w.__frames.reduce<Loaf | undefined>(
			(best, f) => (overlap(f.startTime, f.startTime + f.duration) > (best ? overlap(best.startTime, best.startTime + best.duration) : 0) ? f : best),
			undefined
		);
		const scripts = (frame?.scripts ?? [])
			.filter((s) => overlap(s.startTime, s.startTime + s.duration) > 0)
			.sort((a, b) => b.duration - a.duration)
			.slice(0, 4)
			.map((s) => ({
				invoker: String(s.invoker ?? s.name).replace(/^https?:\/\/[^/]+\/_app\/immutable\//, ''),
				source: `${s.sourceFunctionName || '(anonymous)'} ${String(s.sourceURL ?? '').replace(/^.*\/_app\/immutable\//, '')}:${s.sourceCharPosition ?? -1}`,
				ms: Math.round(s.duration),
				layoutMs: Math.round(Number(s.forcedStyleAndLayoutDuration ?? 0))
			}));
		const renderMs = frame && frame.renderStart > 0 ? Math.round(overlap(frame.renderStart, frame.startTime + frame.duration)) : 0;
		return { ...t, renderMs, scripts, ...(!frame && { frame: 'none' }) };
	};
	/** joins the tasks that ended by `until` (all by default) with their frames */
	w.__flushTasks = (until = Infinity) => {
		while (tasks.length && tasks[0]!.startMs + tasks[0]!.ms <= until) w.__taskLog.push(detail(tasks.shift()!));
	};
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				w.__longTasks.push(e.duration);
				tasks.push({ startMs: Math.round(e.startTime), ms: Math.round(e.duration), url: location.pathname + location.search });
			}
		}).observe({ type: 'longtask', buffered: true });
		new PerformanceObserver((list) => {
			let until = 0;
			for (const e of list.getEntries() as Loaf[]) {
				if (e.duration > 50) w.__frames.push(e);
				until = Math.max(until, e.startTime + e.duration);
			}
			// A frame's entry comes after its tasks': join those it may hold now (a later task's frame is still to come).
			w.__flushTasks(until + 1);
			w.__frames = w.__frames.slice(-20);
		}).observe({ type: 'long-animation-frame', buffered: true });
	} catch {
		// no longtask timing in this browser
	}
	addEventListener('pagehide', () => {
		w.__flushTasks();
		const left = (w.__taskLog as object[]).map((t) => ({ ...t, carried: true }));
		if (left.length) sessionStorage.setItem(CARRY, JSON.stringify(left));
	});
};

/** The longest main-thread task of the page so far, in ms (0 when none went over 50 ms); `forget`: start counting anew. */
export const longestTask = (p: Page, forget = false) =>
	p.evaluate((reset) => {
		const w = window as unknown as { __longTasks?: number[] };
		const m = Math.max(0, ...(w.__longTasks ?? []));
		if (reset) w.__longTasks = [];
		return m;
	}, forget);

/**
 * The long tasks seen so far with what ran in them (see watchLongTasks; those of documents left
 * since flagged `carried`), and forgets them. A task's frame entry may come a frame after the task:
 * wait one for it.
 */
export const longTasks = (p: Page): Promise<LongTask[]> =>
	p.evaluate(
		() =>
			new Promise<LongTask[]>((resolve) => {
				// two frames and a little more: the last tasks' frame entries come after the frame
				requestAnimationFrame(() => requestAnimationFrame(() =>
					setTimeout(() => {
						const w = window as unknown as { __taskLog?: LongTask[]; __flushTasks?: () => void };
						w.__flushTasks?.();
						const log = w.__taskLog ?? [];
						w.__taskLog = [];
						resolve(log);
					}, 100)
				));
			})
	);

/** One long task as a line: its length, where, its rendering share and its longest scripts. */
export const describeTask = (t: LongTask) =>
	`${t.ms} ms at ${t.startMs} ms on ${t.url}${t.carried ? ' (after the bench moved on)' : ''}${t.frame === 'none' ? ' (in no long animation frame)' : ''}${t.renderMs ? `, rendering ${t.renderMs} ms` : ''}${
		t.scripts.length ? `; ${t.scripts.map((s) => `${s.invoker} ${s.ms} ms${s.layoutMs ? ` (layout ${s.layoutMs})` : ''} [${s.source}]`).join('; ')}` : ''
	}`;

/** The p-th percentile of `xs` (nearest rank; NaN when empty). */
export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? NaN;

/**
 * The JS heap of the page's workers (the facts worker holds the records) after three garbage
 * collections each, in bytes: each worker is reached through the page's CDP session (auto-attach,
 * messages relayed to the worker's own session).
 */
export async function workersHeapAfterGc(cdp: CDPSession): Promise<number> {
	const sessions: string[] = [];
	const attached = (e: { sessionId: string }) => sessions.push(e.sessionId);
	cdp.on('Target.attachedToTarget', attached);
	await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
	await new Promise((r) => setTimeout(r, 300)); // the attach events of running workers
	cdp.off('Target.attachedToTarget', attached);
	let id = 0;
	const ask = (sessionId: string, method: string) =>
		new Promise<{ usedSize?: number }>((resolve) => {
			const mine = ++id;
			const reply = (e: { sessionId: string; message: string }) => {
				const m = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
				if (e.sessionId !== sessionId || m.id !== mine) return;
				cdp.off('Target.receivedMessageFromTarget', reply);
				resolve(m.result ?? {});
			};
			cdp.on('Target.receivedMessageFromTarget', reply);
			void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mine, method }) });
		});
	let total = 0;
	for (const s of sessions) {
		for (let i = 0; i < 3; i++) await ask(s, 'HeapProfiler.collectGarbage');
		total += (await ask(s, 'Runtime.getHeapUsage')).usedSize ?? 0;
	}
	return total;
}

/** Resolves, in the page, with the time (performance.now()) when every chart on it is ready or empty. */
export const allChartsReady = (p: Page) =>
	p.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const done = () => {
					const charts = [...document.querySelectorAll('[data-chart]')];
					return charts.length > 0 && charts.every((c) => c.getAttribute('data-state') === 'ready' || c.getAttribute('data-state') === 'empty');
				};
				if (done()) return resolve(performance.now());
				const obs = new MutationObserver(() => {
					if (done()) {
						obs.disconnect();
						resolve(performance.now());
					}
				});
				obs.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
			})
	);

/**
 * The page's main-thread tasks over `minMs` in a Chromium trace (browser.startTracing with the
 * 'toplevel' and 'disabled-by-default-devtools.timeline' categories, then stopTracing's buffer):
 * wall time and the thread's own CPU time, the longest CPU first. CPU time is what a busy machine
 * inflates least (wall time counts the time other processes had the core).
 */
export function mainThreadTasks(trace: Buffer, minMs = 30): { wallMs: number; cpuMs: number }[] {
	const parsed = JSON.parse(trace.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
	const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
	const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
	return events
		.filter((e) => e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`) && (e.dur ?? 0) >= minMs * 1000)
		.map((e) => ({ wallMs: Math.round((e.dur ?? 0) / 1000), cpuMs: Math.round((e.tdur ?? 0) / 1000) }))
		.sort((a, b) => b.cpuMs - a.cpuMs);
}
interface TraceEvent {
	name: string;
	pid: number;
	tid: number;
	dur?: number;
	tdur?: number;
	args?: { name?: string };
}
/** The trace categories mainThreadTasks reads. */
export const TASK_CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline'];

/**
 * An init script: times each change of a form control as the user perceives it, from the
 * control's first `input` (or `change`) event — its `timeStamp`, when the browser made the event —
 * to the first moment after it when every chart on the page is ready or empty again, having been
 * loading in between (the page flips a chart to loading in the change's own task). The automation's
 * own steps before the event (Playwright's actionability checks) and after the ready (its polling)
 * are left out. Read with lastChange().
 */
export const watchChanges = () => {
	type Change = { at: number; sawLoading: boolean; readyAt: number | null };
	const w = window as unknown as { __change: Change | null };
	w.__change = null;
	const allReady = () => {
		const charts = document.querySelectorAll('[data-chart]');
		if (!charts.length) return false;
		for (const c of charts) {
			const s = c.getAttribute('data-state');
			if (s !== 'ready' && s !== 'empty') return false;
		}
		return true;
	};
	const check = () => {
		const c = w.__change;
		if (!c || c.readyAt != null) return;
		if (!allReady()) c.sawLoading = true;
		else if (c.sawLoading) c.readyAt = performance.now();
	};
	/** the control whose input event started the change being timed (its change event belongs to it) */
	let input: EventTarget | null = null;
	const started = (e: Event) => {
		// input then change for one pick: the first starts it
		const same = e.type === 'change' && e.target === input && w.__change?.readyAt == null;
		input = e.type === 'input' ? e.target : null;
		if (same) return;
		w.__change = { at: e.timeStamp, sawLoading: false, readyAt: null };
		// the page's handlers run after this capture listener; the observer sees their DOM writes
		queueMicrotask(check);
	};
	document.addEventListener('input', started, true);
	document.addEventListener('change', started, true);
	const observe = () =>
		new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
	if (document.documentElement) observe();
	else addEventListener('DOMContentLoaded', observe);
};

/**
 * The last change's time as the user perceives it (see watchChanges), in ms, once its charts are
 * all ready; null when the page saw no change, or none that made a chart load.
 */
export const lastChange = (p: Page): Promise<number | null> =>
	p.evaluate(
		() =>
			new Promise<number | null>((resolve) => {
				const w = window as unknown as { __change: { at: number; sawLoading: boolean; readyAt: number | null } | null };
				const c = w.__change;
				if (!c) return resolve(null);
				// the bench has seen every chart ready: the ready after the change is recorded, or the change loaded nothing
				let frames = 0;
				const done = () => (c.readyAt != null ? resolve(c.readyAt - c.at) : !c.sawLoading || ++frames > 60 ? resolve(null) : requestAnimationFrame(done));
				done();
			})
	);
