// npm run bench:screen — the big screen's soak test: the tour through 500+ page changes in
// Chromium (clicker presses, each waiting for the new page's charts to draw), then the JS heap
// and the DOM counters after forced garbage collection, against the same after one warm-up round.
// An always-on wall must stay flat: every chart, timer, listener and observer of a page goes with it.
//   SCREEN_CHANGES=500 (page changes), BUILD_DIR (the build to serve), BENCH_BUILD=1 (rebuild first).
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

/** Presses PageDown and waits until the next page is on show with all its charts drawn. */
async function next(p: Page): Promise<void> {
	const before = await p.locator('[data-screen-page]').getAttribute('data-screen-page');
	await p.keyboard.press('PageDown');
	await p.waitForFunction((prev) => {
		const now = document.querySelector('[data-screen-page]')?.getAttribute('data-screen-page');
		const charts = [...document.querySelectorAll('.stage [data-chart]')];
		return now !== prev && charts.length > 0 && charts.every((c) => c.getAttribute('data-state') === 'ready');
	}, before);
}


await page.goto(`${url}screen?kiosk=1&interval=600`);
await page.locator('[data-screen-page="overview"] .stage [data-chart][data-state="ready"], .stage [data-chart][data-state="ready"]').first().waitFor();
// Warm-up: rounds through every page, so lazily loaded code, map geometry and optimised code are in memory.
for (let i = 0; i < WARM_UP; i++) await next(page);
await page.waitForTimeout(1500);
const before = await sample(cdp);

const started = performance.now();
const curve: string[] = [];
for (let i = 1; i <= CHANGES; i++) {
	await next(page);
	if (i % CHECKPOINT === 0 && i < CHANGES) curve.push(`${i}: ${mb((await sample(cdp)).heap)}`);
}
const seconds = (performance.now() - started) / 1000;
await page.waitForTimeout(1500);
const after = await sample(cdp);

const growth = (after.heap - before.heap) / before.heap;
console.log(
	`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Chromium ${browser.version()}; ${new Date().toISOString().slice(0, 10)}`
);
console.log(`/screen at 1920×1080: ${WARM_UP} page changes to warm up, then ${CHANGES} page changes in ${seconds.toFixed(0)} s (${((seconds * 1000) / CHANGES).toFixed(0)} ms each, charts drawn)`);
console.log(`JS heap after GC: ${mb(before.heap)} after warm-up → ${mb(after.heap)} after the run: ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} % (target < ${TARGET * 100} %)`);
console.log(`heap after GC along the run: ${curve.join(', ')}`);
console.log(`DOM nodes ${before.nodes} → ${after.nodes}; JS event listeners ${before.listeners} → ${after.listeners}`);
await browser.close();
await close();
if (growth >= TARGET) process.exitCode = 1;
