// npm run bench:screen — the big screen's soak test: the tour through 500+ page changes in
// Chromium (clicker presses, each waiting for the new page's charts to draw), then the JS heap
// and the DOM counters after forced garbage collection, against the same after one warm-up round.
// An always-on wall must stay flat: every chart, timer, listener and observer of a page goes with it.
// The presenter view (/screen/presenter) is open beside it in the same browser context and follows
// every change over the BroadcastChannel; its heap is sampled the same way.
//   SCREEN_CHANGES=500 (page changes), BUILD_DIR (the build to serve), BENCH_BUILD=1 (rebuild first),
//   SCREEN_PRESENTER=0 (without the presenter view).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { chromiumPath } from '../tests/browser.ts';
import { serveStatic } from './static-server.ts';

const CHANGES = Number(process.env.SCREEN_CHANGES ?? 500);
/** Page changes before the baseline: V8 keeps compiling and collecting type feedback for the first rounds. */
const WARM_UP = Number(process.env.SCREEN_WARM_UP ?? 100);
const CHECKPOINT = 100;
const DIR = process.env.BUILD_DIR ?? 'build';
const TARGET = 0.1;
const PRESENTER = process.env.SCREEN_PRESENTER !== '0';

if (!existsSync(`${DIR}/index.html`) || process.env.BENCH_BUILD) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
const { url, close } = await serveStatic(DIR, 0);
const browser = await chromium.launch({
	executablePath: chromiumPath(),
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
});
const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('HeapProfiler.enable');
const presenter = PRESENTER ? await context.newPage() : null;
const presenterCdp = presenter ? await context.newCDPSession(presenter) : null;
await presenterCdp?.send('HeapProfiler.enable');

const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;

interface Sample {
	heap: number;
	nodes: number;
	listeners: number;
}

async function sample(session: CDPSession): Promise<Sample> {
	// Several passes: the first frees objects whose finalisers release more.
	for (let i = 0; i < 3; i++) await session.send('HeapProfiler.collectGarbage');
	const { usedSize } = await session.send('Runtime.getHeapUsage');
	const counters = await session.send('Memory.getDOMCounters');
	return { heap: usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners };
}

/** Presses PageDown and waits until the next page is on show with all its charts drawn (and the presenter followed). */
async function next(p: Page): Promise<void> {
	const before = await p.locator('[data-screen-page]').getAttribute('data-screen-page');
	// On the replay a press steps one meeting: through to its closing frame first.
	if (before === 'replay') {
		const replay = p.locator('[data-replay-step]');
		const left = Number(await replay.getAttribute('data-replay-steps')) - Number(await replay.getAttribute('data-replay-step'));
		for (let i = 0; i < left; i++) await p.keyboard.press('PageDown');
	}
	await p.keyboard.press('PageDown');
	const now = await p.waitForFunction((prev) => {
		const now = document.querySelector('[data-screen-page]')?.getAttribute('data-screen-page');
		const charts = [...document.querySelectorAll('.stage [data-chart]')];
		// The ranking page has no chart: its rows are its content.
		const drawn = charts.length > 0 ? charts.every((c) => c.getAttribute('data-state') === 'ready') : document.querySelector('.stage [data-ranking] li') != null;
		return now !== prev && drawn && now;
	}, before);
	const shown = await now.jsonValue();
	if (presenter) await presenter.waitForFunction((want) => document.querySelector('[data-screen-page]')?.getAttribute('data-screen-page') === want, shown);
}


await page.goto(`${url}screen?kiosk=1&interval=600`);
await page.locator('[data-screen-page="overview"] .stage [data-chart][data-state="ready"], .stage [data-chart][data-state="ready"]').first().waitFor();
if (presenter) {
	await presenter.goto(`${url}screen/presenter?interval=600`);
	await presenter.locator('.presenter[data-wall="open"] .slide.current').waitFor();
}
// Warm-up: rounds through every page, so lazily loaded code, map geometry and optimised code are in memory.
for (let i = 0; i < WARM_UP; i++) await next(page);
await page.waitForTimeout(1500);
/** the page the baseline is taken on: the final sample is taken on the same one, like with like */
const baselinePage = await page.locator('[data-screen-page]').getAttribute('data-screen-page');
const before = await sample(cdp);
const presenterBefore = presenterCdp ? await sample(presenterCdp) : null;

const started = performance.now();
const curve: string[] = [];
for (let i = 1; i <= CHANGES; i++) {
	await next(page);
	if (i % CHECKPOINT === 0 && i < CHANGES) curve.push(`${i}: ${mb((await sample(cdp)).heap)}`);
}
// On to the page the baseline was taken on (pages hold different charts and data).
let extra = 0;
while ((await page.locator('[data-screen-page]').getAttribute('data-screen-page')) !== baselinePage && extra < 20) {
	await next(page);
	extra++;
}
const seconds = (performance.now() - started) / 1000;
await page.waitForTimeout(1500);
const after = await sample(cdp);
const presenterAfter = presenterCdp ? await sample(presenterCdp) : null;

const growth = (after.heap - before.heap) / before.heap;
const presenterGrowth = presenterBefore && presenterAfter ? (presenterAfter.heap - presenterBefore.heap) / presenterBefore.heap : 0;
console.log(
	`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Chromium ${browser.version()}; ${new Date().toISOString().slice(0, 10)}`
);
console.log(`/screen at 1920×1080: ${WARM_UP} page changes to warm up, then ${CHANGES} page changes (+${extra} back to the baseline's page, ${baselinePage}) in ${seconds.toFixed(0)} s (${((seconds * 1000) / (CHANGES + extra)).toFixed(0)} ms each, charts drawn)`);
console.log(`JS heap after GC: ${mb(before.heap)} after warm-up → ${mb(after.heap)} after the run: ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} % (target < ${TARGET * 100} %)`);
console.log(`heap after GC along the run: ${curve.join(', ')}`);
console.log(`DOM nodes ${before.nodes} → ${after.nodes}; JS event listeners ${before.listeners} → ${after.listeners}`);
if (presenterBefore && presenterAfter)
	console.log(
		`presenter view open beside it, following every change: JS heap ${mb(presenterBefore.heap)} → ${mb(presenterAfter.heap)}: ${presenterGrowth >= 0 ? '+' : ''}${(presenterGrowth * 100).toFixed(1)} %; DOM nodes ${presenterBefore.nodes} → ${presenterAfter.nodes}; listeners ${presenterBefore.listeners} → ${presenterAfter.listeners}`
	);
else console.log('presenter view: not open (SCREEN_PRESENTER=0)');
await browser.close();
await close();
if (growth >= TARGET || presenterGrowth >= TARGET) process.exitCode = 1;
