// Shared by the benchmarks that drive the built site: a copy of a build serving another corpus,
// when a page's charts have drawn, its long tasks, its workers' heap, percentiles.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { serveStatic } from './static-server.ts';

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

/** An init script: collects the page's long tasks (over 50 ms) from its start, for longestTask(). */
export const watchLongTasks = () => {
	const w = window as unknown as { __longTasks: number[] };
	w.__longTasks = [];
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.__longTasks.push(e.duration);
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		// no longtask timing in this browser
	}
};

/** The longest main-thread task of the page so far, in ms (0 when none went over 50 ms); `forget`: start counting anew. */
export const longestTask = (p: Page, forget = false) =>
	p.evaluate((reset) => {
		const w = window as unknown as { __longTasks?: number[] };
		const m = Math.max(0, ...(w.__longTasks ?? []));
		if (reset) w.__longTasks = [];
		return m;
	}, forget);

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
