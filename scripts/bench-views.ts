// npm run bench:views — the dashboard's speed in Chromium on synthetic corpora of 1k, 10k and
// 100k documents (scripts/synthetic-corpus.ts) and on the shipped corpus:
//   first load to all charts ready (and when the progress bar first showed), warm load (IndexedDB
//   filled), filter change p50/p95 (as the user perceives it: from the select's input event in the page to all
//   charts ready; and as the bench drives it: from before Playwright's selectOption to its seeing them ready), the longest main-thread task (PerformanceObserver 'longtask')
//   over all of it and the longest of each phase with what ran in them (long animation frames'
//   scripts: bench-page.ts watchLongTasks), the JS heap of the page and of its workers after forced garbage collections,
//   and the initial JavaScript (gzip) of the first page. Each corpus's figures are also appended as one JSON line to
//   bench-results/views.jsonl (git-ignored), for scripts that compare runs.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { allChartsReady, describeTask, lastChange, launchChromium, longTasks, pct, serveWithCorpus, watchChanges, watchLongTasks, workersHeapAfterGc, type LongTask } from './bench-page.ts';
import { serveStatic } from './static-server.ts';
import { changeParts, partsText, watchAsks, type ChangeParts } from './bench-asks.ts';
import { syntheticCorpus } from './synthetic-corpus.ts';

const ROUTES = ['/', '/timeline', '/map', '/achievements', '/explore'];
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const CHANGES = 20;
/**
 * BENCH_STAY=prefetch: after the first load, stay on the page until the facts worker has stored
 * every view's first answer (as a user who looks at the overview for a while), and say how long
 * that took. By default the warm loads start at once, as soon as the first page's charts are ready.
 */
const STAY = process.env.BENCH_STAY === 'prefetch';
/** BENCH_FILTER_PAUSE=ms: the filter changes start that long after /achievements is ready (default 0: at once). */
const FILTER_PAUSE = Number(process.env.BENCH_FILTER_PAUSE ?? 0);
/** Whether the page has marked something (performance.mark) yet. */
const marked = (p: Page, name: string) => p.evaluate((n) => performance.getEntriesByName(n).length > 0, name);

/** The built site measured: build/, or BUILD_DIR (as for the end-to-end tests), so parallel work trees keep apart. */
const BUILD = process.env.BUILD_DIR ?? 'build';
if (!existsSync(`${BUILD}/index.html`) || process.env.BENCH_BUILD) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });

const browser = await launchChromium(['--disable-component-update', '--disable-sync']);


/** Resolves with the time the load's progress bar first showed (null when it never did before the charts). */
const progressShown = (p: Page) =>
	p.evaluate(
		() =>
			new Promise<number | null>((resolve) => {
				if (document.querySelector('[data-load-progress]')) return resolve(performance.now());
				const obs = new MutationObserver(() => {
					if (document.querySelector('[data-load-progress]')) {
						obs.disconnect();
						resolve(performance.now());
					} else if (document.querySelector('[data-chart]')) {
						obs.disconnect();
						resolve(null);
					}
				});
				obs.observe(document.documentElement, { subtree: true, childList: true });
			})
	);

const ms = (x: number) => `${x.toFixed(0)} ms`;

async function measure(label: string, corpusJson: string | null, docs: number) {
	const { url, close } = await serveWithCorpus(BUILD, corpusJson);
	const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
	await context.addInitScript(watchLongTasks);
	await context.addInitScript(watchChanges);
	await context.addInitScript(watchAsks);
	const page = await context.newPage();
	// The long tasks of each phase (first load, each warm load, the filter changes), with what ran in
	// them; those a document ran after the bench looked (until it navigated away) are the previous
	// phase's, "after ready".
	const phases = new Map<string, LongTask[]>();
	let previous = '';
	const note = async (phase: string) => {
		for (const t of await longTasks(page)) {
			const key = t.carried ? `${previous}, after ready` : phase;
			phases.set(key, [...(phases.get(key) ?? []), t]);
		}
		previous = phase;
	};
	await page.goto(url, { waitUntil: 'commit' });
	const [shown, first] = await Promise.all([progressShown(page).catch(() => null), allChartsReady(page)]);
	await note('first load /');
	const rows: string[] = [`first load of / to all charts ready: ${ms(first)}${shown != null ? ` (progress shown at ${ms(shown)})` : ''}`];
	// Whether the facts worker had stored every view's first answer when the warm loads began (they do not wait for it).
	let prefetched = await marked(page, 'facts:prefetched');
	let prefetchMs: number | null = null;
	if (STAY && !prefetched) {
		prefetchMs = await page.evaluate(
			(at) =>
				new Promise<number>((resolve) => {
					const poll = () => (performance.getEntriesByName('facts:prefetched').length ? resolve(performance.now() - at) : setTimeout(poll, 100));
					poll();
				}),
			first
		);
		prefetched = true;
	}
	rows.push(
		`every view's first answer stored when the warm loads began: ${prefetched ? 'yes' : 'no'}${prefetchMs != null ? ` (stayed ${ms(prefetchMs)} after the charts for it: BENCH_STAY=prefetch)` : ''}`
	);
	const warm: Record<string, number> = {};
	/** the warm loads with an answer the facts worker computed (it was not stored) before their charts were ready */
	const computedOn: string[] = [];
	for (const route of ROUTES) {
		await page.goto(url + route.slice(1));
		warm[route] = Math.round(await allChartsReady(page));
		if (await marked(page, 'facts:computed')) computedOn.push(route);
		await note(`warm ${route}`);
		rows.push(`warm load of ${route}: ${ms(warm[route])}`);
	}
	rows.push(`warm loads with an answer computed, not stored (the records read): ${computedOn.join(', ') || 'none'}`);
	// Filter changes on /achievements: alternate the first year between two values.
	await page.goto(`${url}achievements`);
	await allChartsReady(page);
	await note('/achievements before the filter changes');
	// BENCH_FILTER_PAUSE=ms: wait before the first change, as a user who looks at the page first (default: at once)
	if (FILTER_PAUSE) await page.waitForTimeout(FILTER_PAUSE);
	const years = await page.locator('select[name="from"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
	/** as the bench drives a change: from before Playwright's selectOption (its actionability checks) to its seeing every chart ready */
	const times: number[] = [];
	/** as the user perceives it: from the select's input event to every chart ready (watchChanges, in the page) */
	const perceived: number[] = [];
	/** where each change's time went (bench-asks.ts) */
	const parts: (ChangeParts | null)[] = [];
	for (let i = 0; i < CHANGES && years.length; i++) {
		const year = years[i % years.length]!;
		const t = await page.evaluate(() => performance.now());
		await page.locator('select[name="from"]').selectOption(year);
		await page.waitForURL(new RegExp(`from=${year}`));
		const ready = await allChartsReady(page);
		times.push(ready - t);
		// a change that loaded nothing (none does on this page) counts as the bench's figure
		perceived.push((await lastChange(page)) ?? ready - t);
		parts.push(await changeParts(page));
	}
	await note('filter changes on /achievements');
	if (times.length) {
		rows.push(`filter change on /achievements (${times.length}×), from the select's input event to all charts ready: p50 ${ms(pct(perceived, 50))}, p95 ${ms(pct(perceived, 95))}`);
		rows.push(`  in order: ${perceived.map((x) => x.toFixed(0)).join(' ')} ms`);
		rows.push(`  each: event→ask/queued in the worker/waited there/made/back/render ms (s: answered from the store or the snapshot, not computed): ${parts.map(partsText).join(' ')}`);
		rows.push(`  as the bench drives it (Playwright's selectOption, waitForURL and polling included): p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}`);
	}
	const before = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
	const cdp = await context.newCDPSession(page);
	for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	const workersHeap = await workersHeapAfterGc(cdp);
	rows.push(`JS heap after the run: ${(before / 2 ** 20).toFixed(0)} MB, after garbage collection ${(usedSize / 2 ** 20).toFixed(0)} MB; the page's workers after garbage collection ${(workersHeap / 2 ** 20).toFixed(0)} MB`);
	const all = [...phases.values()].flat();
	const longest = Math.max(0, ...all.map((t) => t.ms));
	rows.push(`longest main-thread task: ${ms(longest)}; the longest of each phase:`);
	const byPhase: Record<string, LongTask[]> = {};
	for (const [phase, tasks] of phases) {
		byPhase[phase] = [...tasks].sort((a, b) => b.ms - a.ms).slice(0, 3);
		rows.push(`  ${phase}: ${tasks.length} over 50 ms`);
		for (const t of byPhase[phase]) rows.push(`    ${describeTask(t)}`);
	}
	console.log(`\n${label}\n  ${rows.join('\n  ')}`);
	record({
		docs,
		firstLoadMs: Math.round(first),
		progressShownMs: shown == null ? null : Math.round(shown),
		warmMs: warm,
		prefetchedBeforeWarm: prefetched,
		stayedForPrefetchMs: prefetchMs == null ? null : Math.round(prefetchMs),
		warmComputed: computedOn,
		// from the select's input event in the page (what the user perceives); the bench's own window beside it
		filterP50Ms: perceived.length ? Math.round(pct(perceived, 50)) : null,
		filterP95Ms: perceived.length ? Math.round(pct(perceived, 95)) : null,
		filterMs: perceived.map(Math.round),
		filterParts: parts,
		filterPauseMs: FILTER_PAUSE,
		filterBenchP50Ms: times.length ? Math.round(pct(times, 50)) : null,
		filterBenchP95Ms: times.length ? Math.round(pct(times, 95)) : null,
		longestTaskMs: Math.round(longest),
		longestTaskByPhaseMs: Object.fromEntries([...phases].map(([phase, tasks]) => [phase, Math.max(...tasks.map((t) => t.ms))])),
		longTasksByPhase: byPhase,
		heapMB: Math.round(usedSize / 2 ** 20),
		workersHeapMB: Math.round(workersHeap / 2 ** 20),
		heapBeforeGcMB: Math.round(before / 2 ** 20)
	});
	await context.close();
	await close();
}


/** Appends one corpus's figures to bench-results/views.jsonl, with when and where they were measured. */
function record(figures: Record<string, unknown>) {
	mkdirSync('bench-results', { recursive: true });
	const line = { date: new Date().toISOString(), machine: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`, chromium: browser.version(), loadavg: Number(loadavg()[0]!.toFixed(1)), ...figures };
	appendFileSync('bench-results/views.jsonl', `${JSON.stringify(line)}\n`);
}

async function initialJs() {
	const { url, close } = await serveStatic(BUILD, 0);
	const context = await browser.newContext();
	const page = await context.newPage();
	let raw = 0;
	let gz = 0;
	// Worker scripts are counted apart: they download beside the page and compile off its thread.
	const workers = new Set<string>();
	let workerGz = 0;
	page.on('worker', (w) => workers.add(w.url()));
	page.on('response', async (r) => {
		if (!r.url().endsWith('.js')) return;
		const body = await r.body();
		const size = gzipSync(body).length;
		if (workers.has(r.url()) || /\/workers\//.test(r.url())) {
			workerGz += size;
			return;
		}
		raw += body.length;
		gz += size;
	});
	await page.goto(url);
	await allChartsReady(page);
	await page.waitForTimeout(300);
	await context.close();
	await close();
	return { raw, gz, workerGz };
}

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Chromium ${browser.version()}; ${new Date().toISOString().slice(0, 10)}; load average ${loadavg()[0]!.toFixed(1)}`);
const js = await initialJs();
console.log(`initial JavaScript of /: ${(js.raw / 1024).toFixed(0)} KB raw, ${(js.gz / 1024).toFixed(0)} KB gzip (target ≤ 350 KB); workers' scripts ${(js.workerGz / 1024).toFixed(0)} KB gzip besides`);
const shippedDocs: number = JSON.parse(readFileSync('data/corpus.json', 'utf8')).documents.length;
if (!process.env.BENCH_SKIP_SHIPPED) await measure(`shipped corpus (${shippedDocs} documents)`, null, shippedDocs);
for (const docs of SIZES) {
	const corpus = JSON.stringify(syntheticCorpus({ docs, seed: 1 }));
	const label = `synthetic corpus, ${docs} documents (${(corpus.length / 2 ** 20).toFixed(1)} MB)`;
	try {
		await measure(label, corpus, docs);
	} catch (e) {
		// A corpus too large for the page (the tab crashes) is a result too: say so and go on.
		console.log(`\n${label}\n  did not complete: ${(e as Error).message.split('\n')[0]}`);
	}
}
await browser.close();
