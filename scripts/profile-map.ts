// node scripts/profile-map.ts — where the map page's main thread goes when the map is drawn again
// (issue 17, longest task ≤ 100 ms), in Chromium on synthetic corpora (scripts/synthetic-corpus.ts):
// /map loaded (first visit, then once more warm), then measure changes (meetings ⇄ an indicator),
// each timed from the input to the map drawn again, with the chart's setOption (synchronous) and
// its paint (ECharts' next frame, to its 'rendered' event), the longest main-thread task
// (PerformanceObserver 'longtask'), the main thread's tasks by their own CPU time (a trace: what a
// busy machine inflates least), and a CDP CPU profile of the changes: self time by function. A map
// drawn in parts (mapStages) shows one setOption per part.
//   BUILD_DIR=build-NAME BENCH_SIZES=10000,100000 node scripts/profile-map.ts
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { allChartsReady, launchChromium, machineLine, mainThreadTasks, pct, serveWithCorpus, TASK_CATEGORIES } from './bench-page.ts';
import { syntheticCorpus } from './synthetic-corpus.ts';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const BUILD = process.env.BUILD_DIR ?? 'build';
const TIMES = Number(process.env.BENCH_TIMES ?? 8);
if (!existsSync(`${BUILD}/index.html`)) throw new Error(`no build in ${BUILD}: BUILD_DIR=${BUILD} KIT_OUT_DIR=… npx vite build first`);


/** In the page before the app: long tasks, and the map chart's setOption and paint timed. */
const instrument = () => {
	const w = window as unknown as { __longTasks: number[]; __charts__: Record<string, unknown>; __draws: { set: number; paint: number }[] };
	w.__longTasks = [];
	w.__draws = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) w.__longTasks.push(e.duration);
	}).observe({ type: 'longtask', buffered: true });
	const charts: Record<string, unknown> = {};
	const wrapped = new WeakSet<object>();
	w.__charts__ = new Proxy(charts, {
		set(target, key, chart: { setOption: (...a: unknown[]) => unknown; on: (e: string, f: () => void) => void }) {
			target[key as string] = chart;
			if (key === 'map' && !wrapped.has(chart)) {
				wrapped.add(chart);
				let started = 0;
				const set = chart.setOption.bind(chart);
				chart.setOption = (...a: unknown[]) => {
					const t = performance.now();
					const r = set(...a);
					const end = performance.now();
					started = end;
					w.__draws.push({ set: end - t, paint: NaN });
					return r;
				};
				chart.on('rendered', () => {
					const last = w.__draws[w.__draws.length - 1];
					if (last && Number.isNaN(last.paint)) last.paint = performance.now() - started;
				});
			}
			return true;
		}
	});
};

const drain = (p: Page) =>
	p.evaluate(() => {
		const w = window as unknown as { __longTasks: number[]; __draws: { set: number; paint: number }[] };
		const r = { longest: Math.max(0, ...w.__longTasks), draws: w.__draws.slice() };
		w.__longTasks = [];
		w.__draws = [];
		return r;
	});

/** Resolves (performance.now()) once the map's data-state went away from ready and back, plus a frame. */
const redrawn = async (p: Page): Promise<() => Promise<number>> => {
	await p.evaluate(() => {
		const w = window as unknown as { __redrawn: Promise<number> };
		w.__redrawn = new Promise<number>((resolve) => {
			const chart = document.querySelector('[data-chart="map"]')!;
			// Svelte writes data-state only when it changes: any write is a departure from 'ready'.
			const obs = new MutationObserver(() => {
				if (chart.getAttribute('data-state') !== 'ready') return;
				obs.disconnect();
				requestAnimationFrame(() => resolve(performance.now()));
			});
			obs.observe(chart, { attributes: true, attributeFilter: ['data-state'] });
			setTimeout(() => resolve(NaN), 60_000);
		});
	});
	return () => p.evaluate(() => (window as unknown as { __redrawn: Promise<number> }).__redrawn);
};

const f0 = (n: number) => n.toFixed(0);

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	hitCount?: number;
	children?: number[];
}

const T0 = Date.now();
const step = (what: string) => process.env.PROFILE_VERBOSE && console.error(`[${((Date.now() - T0) / 1000).toFixed(1)} s] ${what}`);
const browser = await launchChromium();
console.log(machineLine(browser, `build ${BUILD}`));

for (const docs of SIZES) {
	const { url, close } = await serveWithCorpus(BUILD, JSON.stringify(syntheticCorpus({ docs, seed: 1 })));
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	await context.addInitScript(instrument);
	const page = await context.newPage();
	step(`${docs}: first load`);
	await page.goto(`${url}map`, { waitUntil: 'commit' });
	await allChartsReady(page);
	step(`${docs}: drawn, waiting for the prefetch`);
	await page.waitForFunction(() => performance.getEntriesByName('facts:prefetched').length > 0, null, { timeout: 300_000, polling: 200 }).catch(() => undefined);
	step(`${docs}: warm load`);
	await browser.startTracing(page, { categories: TASK_CATEGORIES });
	await page.goto(`${url}map`);
	await allChartsReady(page);
	await page.waitForTimeout(500);
	const warmTasks = mainThreadTasks(await browser.stopTracing());
	step(`${docs}: measure changes`);
	const warm = await drain(page);
	const rows = [
		`warm load: longest task ${f0(warm.longest)} ms; map draws ${warm.draws.map((d) => `setOption ${f0(d.set)} + paint ${f0(d.paint)}`).join(', ')}`,
		`warm load: main-thread tasks over 30 ms, thread CPU / wall (trace): ${warmTasks.map((t) => `${t.cpuMs}/${t.wallMs}`).join(', ')} ms`
	];

	const measures = await page.locator('select[name="measure"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
	const cdp = await context.newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	await cdp.send('Profiler.start');
	await browser.startTracing(page, { categories: TASK_CATEGORIES });
	const times: number[] = [];
	const tasks: number[] = [];
	const sets: number[] = [];
	const paints: number[] = [];
	for (let i = 0; i < TIMES && measures.length > 1; i++) {
		const m = i % 2 ? 'meetings' : measures[1]!;
		const t = await page.evaluate(() => performance.now());
		const done = await redrawn(page);
		await page.locator('select[name="measure"]').selectOption(m);
		times.push((await done()) - t);
		step(`${docs}: change ${i} ${m}`);
		await page.waitForTimeout(100);
		const d = await drain(page);
		tasks.push(d.longest);
		for (const x of d.draws) (sets.push(x.set), paints.push(x.paint));
	}
	const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
	const changeTasks = mainThreadTasks(await browser.stopTracing());
	rows.push(
		`measure changes: main-thread tasks over 30 ms: ${changeTasks.length}; the longest by thread CPU / wall (trace): ${changeTasks
			.slice(0, 8)
			.map((t) => `${t.cpuMs}/${t.wallMs}`)
			.join(', ')} ms`
	);
	rows.push(
		`measure change (${times.length}×): update p50 ${f0(pct(times, 50))} / p95 ${f0(pct(times, 95))} ms; longest task p50 ${f0(pct(tasks, 50))} / max ${f0(Math.max(...tasks))} ms; setOption p50 ${f0(pct(sets, 50))} / max ${f0(Math.max(...sets))} ms; paint p50 ${f0(pct(paints, 50))} / max ${f0(Math.max(...paints))} ms`
	);
	// Self time by function (samples × their intervals).
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<string, number>();
	let total = 0;
	profile.samples.forEach((id, i) => {
		const n = byId.get(id)!;
		const dt = (profile.timeDeltas[i] ?? 0) / 1000;
		const { functionName, url: u, lineNumber, columnNumber } = n.callFrame;
		if (functionName === '(idle)' || functionName === '(program)') return;
		const key = `${functionName || "(anonymous)"} ${u.split("/").pop()}:${lineNumber + 1}:${columnNumber + 1}`;
		self.set(key, (self.get(key) ?? 0) + dt);
		total += dt;
	});
	rows.push(`CPU profile: ${f0(total)} ms busy over ${times.length} changes; top self time:`);
	for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 25))) rows.push(`  ${f0(v).padStart(6)} ms  ${k}`);
	console.log(`\nsynthetic corpus, ${docs} documents (load average ${loadavg()[0]!.toFixed(1)})\n  ${rows.join('\n  ')}`);
	if (process.env.SCREENSHOT_DIR) {
		await page.locator('select[name="measure"]').selectOption('meetings');
		await allChartsReady(page);
		await page.waitForTimeout(300);
		await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, `map-${docs}.png`) });
	}
	await context.close();
	await close();
}
await browser.close();
