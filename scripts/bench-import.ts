// npm run bench:import — how the import page copes with a batch: 200 generated documents
// (tests/synthetic-import.ts) dropped on /import of the built site in Chromium, each run in a
// fresh profile. Measures the time from the drop to the last row done, the main thread's long
// tasks (PerformanceObserver 'longtask', > 50 ms) and the longest gap between drawn frames. The end
// is polled every 50 ms, by the overall line (every 5 ms, querying 1,000 rows cost the page ~8 % of
// its main thread; every 50 ms, ~5 %).
// Target: no long task. A speed figure, so it lives here and not in a test: it moves with the
// machine's other load (measure on a quiet machine; the load average is printed).
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { launchChromium } from './bench-page.ts';
import { syntheticDocuments } from '../tests/synthetic-import.ts';
import { serveStatic } from './static-server.ts';

const DOCS = Number(process.env.BENCH_DOCS ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** BENCH_PROFILE=1: a CPU profile of the page's main thread during the first run, summed by function (self time). */
const PROFILE = Boolean(process.env.BENCH_PROFILE);
/** BENCH_TRACE=1 (or a path ending .json to keep it): a Chromium trace of the first run, the page's main-thread time summed by event (layout, style, script …). */
const TRACE = Boolean(process.env.BENCH_TRACE);

interface TraceEvent {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	/** the thread's CPU time in the event */
	tdur?: number;
	args?: { name?: string; data?: { url?: string } };
}

/**
 * CPU time (and busy wall time) of each thread of the page's renderer that ran scripts, from its
 * top-level trace events: the extraction worker's CPU is the import's extraction work, a figure
 * the machine's other load moves far less than wall time.
 */
function threadCpu(events: TraceEvent[]): string[] {
	const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
	const threads = new Map<string, { script: string; events: TraceEvent[] }>();
	for (const e of events) {
		const key = `${e.pid}:${e.tid}`;
		const t = threads.get(key) ?? threads.set(key, { script: '', events: [] }).get(key)!;
		if (e.ph === 'X') t.events.push(e);
		const url = e.args?.data?.url;
		if (url && !t.script && /\.js$/.test(url)) t.script = url.split('/').pop()!.replace(/-[\w-]{8}\.js$/, '');
	}
	const rows: [string, number, number][] = [];
	for (const [key, t] of threads) {
		if (!t.script && names.get(key) !== 'CrRendererMain') continue;
		let cpu = 0;
		let wall = 0;
		let end = -1;
		for (const e of t.events.sort((a, b) => a.ts - b.ts))
			if (e.ts >= end) {
				cpu += e.tdur ?? 0;
				wall += e.dur ?? 0;
				end = e.ts + (e.dur ?? 0);
			}
		rows.push([`${names.get(key)}${t.script ? ` (${t.script})` : ''}`, cpu / 1000, wall / 1000]);
	}
	return rows.sort((a, b) => b[1] - a[1]).map(([name, cpu, wall]) => `${cpu.toFixed(0).padStart(7)} ms CPU (${wall.toFixed(0)} ms busy)  ${name}`);
}

/** Main-thread time by top-level trace event: the renderer's main thread is the one named CrRendererMain. */
function traceTimes(events: TraceEvent[], top = 15): string[] {
	const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
	const ms = new Map<string, number>();
	for (const e of events) if (e.ph === 'X' && e.dur && main.has(`${e.pid}:${e.tid}`)) ms.set(e.name, (ms.get(e.name) ?? 0) + e.dur / 1000);
	return [...ms]
		.sort((a, b) => b[1] - a[1])
		.slice(0, top)
		.map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`);
}

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** Self time and total time (the function and what it called) per function of a CDP CPU profile, the largest first. */
function selfTimes(profile: { nodes: (ProfileNode & { children?: number[] })[]; samples: number[]; timeDeltas: number[] }, top = 15): string[] {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const name = (id: number) => {
		const f = byId.get(id)!.callFrame;
		return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
	};
	const self = new Map<string, number>();
	const total = new Map<string, number>();
	profile.samples.forEach((id, i) => {
		const ms = (profile.timeDeltas[i] ?? 0) / 1000;
		self.set(name(id), (self.get(name(id)) ?? 0) + ms);
		const seen = new Set<string>();
		for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) seen.add(name(n));
		for (const k of seen) total.set(k, (total.get(k) ?? 0) + ms);
	});
	const lines = (m: Map<string, number>, n = top) =>
		[...m]
			.filter(([k]) => !k.startsWith('(root)'))
			.sort((a, b) => b[1] - a[1])
			.slice(0, n)
			.map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`);
	return ['  self:', ...lines(self), '  total:', ...lines(total, 45)];
}


/** The built site measured: build/, or BUILD_DIR, so parallel work trees keep apart. */
const BUILD = process.env.BUILD_DIR ?? 'build';
if (!existsSync(`${BUILD}/index.html`) || process.env.BENCH_BUILD) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });

interface Run {
	ms: number;
	longTasks: number[];
	maxFrameGap: number;
	done: number;
}

async function run(browser: Browser, url: string, seed: string, profile = false): Promise<Run> {
	const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
	try {
		const page = await context.newPage();
		// BENCH_CORES: the cores the page is told it has (the import's worker pool follows them).
		if (process.env.BENCH_CORES) await page.addInitScript((n) => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => n }), Number(process.env.BENCH_CORES));
		await page.goto(`${url}import`);
		await page.locator('[data-import-input]').waitFor();
		// Let the first start (the shipped corpus written to IndexedDB) finish: it is not the import.
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(1500);
		// BENCH_CSS: a style sheet added to the page, to try a rendering change without a build (e.g. '.rows{display:none}': the rows' share of the frames)
		if (process.env.BENCH_CSS) await page.addStyleTag({ content: process.env.BENCH_CSS });
		// The files are made before measuring: building File objects is the benchmark's work, not the app's.
		const docs = syntheticDocuments(DOCS, seed).map((f) => ({ name: f.name, text: f.buffer.toString('utf8') }));
		const dataTransfer = await page.evaluateHandle((docs) => {
			const dt = new DataTransfer();
			for (const d of docs) dt.items.add(new File([d.text], d.name, { type: 'text/plain' }));
			return dt;
		}, docs);
		await page.evaluate(() => {
			const w = window as unknown as { bench: { longTasks: number[]; frames: number[] } };
			w.bench = { longTasks: [], frames: [] };
			new PerformanceObserver((list) => list.getEntries().forEach((e) => w.bench.longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask' });
			const frame = (t: number) => {
				w.bench.frames.push(t);
				requestAnimationFrame(frame);
			};
			requestAnimationFrame(frame);
		});
		const cdp = profile && PROFILE ? await context.newCDPSession(page) : null;
		if (cdp) {
			await cdp.send('Profiler.enable');
			await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
			await cdp.send('Profiler.start');
		}
		if (profile && TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8', 'disabled-by-default-v8.cpu_profiler'] });
		const started = await page.evaluate(() => performance.now());
		await page.locator('[data-dropzone]').dispatchEvent('drop', { dataTransfer });
		const ended = await page.evaluateHandle(
			(n) =>
				new Promise<number>((resolve) => {
					// the overall line says when every row is finished; the rows are read only then (reading
					// 1,000 rows at each poll cost the page ~5 % of its main thread)
					const finished = () => {
						// (the line itself, found before the rows; a selector of its value would scan the whole page while it does not match)
						if (document.querySelector('[data-import-overall]')?.getAttribute('data-import-overall') !== 'finished') return false;
						const rows = document.querySelectorAll('[data-import-status]');
						return rows.length === n && [...rows].every((r) => ['done', 'error'].includes(r.getAttribute('data-import-status')!));
					};
					const check = () => {
						if (finished()) resolve(performance.now());
						else setTimeout(check, 50);
					};
					check();
				}),
			DOCS
		);
		const result = await page.evaluate(
			({ ended, started }) => {
				const w = window as unknown as { bench: { longTasks: number[]; frames: number[] } };
				const frames = w.bench.frames.filter((t) => t >= started && t <= ended);
				let maxFrameGap = 0;
				for (let i = 1; i < frames.length; i++) maxFrameGap = Math.max(maxFrameGap, frames[i]! - frames[i - 1]!);
				return {
					ms: ended - started,
					longTasks: w.bench.longTasks,
					maxFrameGap,
					done: document.querySelectorAll('[data-import-status="done"]').length
				};
			},
			{ ended: await ended.jsonValue(), started }
		);
		if (profile && TRACE) {
			const raw = await browser.stopTracing();
			if (process.env.BENCH_TRACE!.endsWith('.json')) writeFileSync(process.env.BENCH_TRACE!, raw);
			const trace = JSON.parse(raw.toString('utf8')) as { traceEvents: TraceEvent[] };
			console.log(`main thread by trace event, nested events counted in each (first run):\n${traceTimes(trace.traceEvents, 25).join('\n')}`);
			console.log(`threads that ran scripts, CPU by top-level trace event (first run):\n${threadCpu(trace.traceEvents).join('\n')}`);
		}
		if (cdp) {
			const { profile } = await cdp.send('Profiler.stop');
			console.log(`main thread, self time by function (first run):\n${selfTimes(profile as never).join('\n')}`);
		}
		return result;
	} finally {
		await context.close();
	}
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

const browser = await launchChromium(['--disable-component-update', '--disable-sync']);
const { url, close } = await serveStatic(BUILD, 0);
console.log(
	`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; Chromium ${browser.version()}; ${new Date().toISOString().slice(0, 10)}; load average ${loadavg()[0]!.toFixed(1)}`
);
const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) {
	const r = await run(browser, url, `bench${i}`, (PROFILE || TRACE) && i === 0);
	runs.push(r);
	console.log(
		`run ${i + 1}: ${r.done}/${DOCS} done in ${r.ms.toFixed(0)} ms (${((DOCS * 1000) / r.ms).toFixed(0)} documents/s); ` +
			`long tasks: ${r.longTasks.length ? r.longTasks.join(', ') + ' ms' : 'none'}; longest frame gap ${r.maxFrameGap.toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)}`
	);
}
const tasks = runs.flatMap((r) => r.longTasks);
console.log(
	`\n${DOCS} documents, median of ${RUNS}: ${median(runs.map((r) => r.ms)).toFixed(0)} ms; ` +
		`long tasks in all runs: ${tasks.length} (longest ${tasks.length ? Math.max(...tasks) : 0} ms; target 0); ` +
		`longest frame gap: median ${median(runs.map((r) => r.maxFrameGap)).toFixed(0)} ms, worst ${Math.max(...runs.map((r) => r.maxFrameGap)).toFixed(0)} ms`
);
await browser.close();
await close();
