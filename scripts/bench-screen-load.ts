// npm run bench:screen-load — the big screen at scale (issue 17): a synthetic corpus of
// BENCH_SIZES documents (default 100000; scripts/synthetic-corpus.ts) loaded once on / (IndexedDB
// filled), then /screen opened warm: the time to its first page drawn (every chart of the stage
// ready), then each page of the tour in turn (a clicker's PageDown, waiting for its charts), the
// longest main-thread task over the screen's load and tour, and the JS heap of the page and of its
// workers after forced garbage collections.
//   BUILD_DIR (the build to serve), BENCH_SIZES=10000,100000, SCREEN_PAGES=overview,map (the tour's
//   pages, as ?pages=; default every page). SCREEN_RELOAD=1: then, once the facts worker has stored
//   the screen's first answers (its prefetch for /screen), /screen opened again: its first page drawn
//   and longest task with every first answer stored (a kiosk's next start).
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { chromiumPath } from '../tests/browser.ts';
import { allChartsReady, describeTask, longestTask, longTasks, serveWithCorpus, watchLongTasks, workersHeapAfterGc } from './bench-page.ts';
import { syntheticCorpus } from './synthetic-corpus.ts';

const BUILD = process.env.BUILD_DIR ?? 'build';
const SIZES = (process.env.BENCH_SIZES ?? '100000').split(',').map(Number);
const PAGES = process.env.SCREEN_PAGES ? `&pages=${process.env.SCREEN_PAGES}` : '';
if (!existsSync(`${BUILD}/index.html`)) throw new Error(`no build in ${BUILD}: BUILD_DIR=${BUILD} npx vite build first`);



/** Resolves when the screen's stage shows `page` with every chart drawn (the ranking page: its rows), in ms since the navigation. */
const stageDrawn = (p: Page, page: string | null) =>
	p
		.waitForFunction(
			(want) => {
				const now = document.querySelector('[data-screen-page]')?.getAttribute('data-screen-page');
				if (want && now !== want) return false;
				if (!document.querySelector('.stage .page')) return false;
				const charts = [...document.querySelectorAll('.stage [data-chart]')];
				const drawn = charts.length > 0 ? charts.every((c) => c.getAttribute('data-state') === 'ready') : document.querySelector('.stage [data-ranking] li') != null;
				return drawn ? performance.now() : false;
			},
			page,
			{ timeout: 180_000, polling: 50 }
		)
		.then((h) => h.jsonValue() as Promise<number>);


const ms = (x: number) => `${x.toFixed(0)} ms`;
const browser = await chromium.launch({
	executablePath: chromiumPath(),
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
});
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}; Chromium ${browser.version()}; ${new Date().toISOString()}; load average ${loadavg()[0]!.toFixed(1)}; build ${BUILD}`);
for (const docs of SIZES) {
	const { url, close } = await serveWithCorpus(BUILD, JSON.stringify(syntheticCorpus({ docs, seed: 1 })));
	const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
	await context.addInitScript(watchLongTasks);
	const page = await context.newPage();
	await page.goto(url, { waitUntil: 'commit' });
	await allChartsReady(page);
	// The screen, warm: IndexedDB holds the corpus.
	await page.goto(`${url}screen?kiosk=1&interval=600${PAGES}`, { waitUntil: 'commit' });
	const first = await stageDrawn(page, null);
	console.log(`\nsynthetic corpus, ${docs} documents (load average ${loadavg()[0]!.toFixed(1)})`);
	const rows: string[] = [];
	const say = (row: string) => (rows.push(row), console.log(`  ${row}`));
	say(`warm load of /screen to its first page drawn: ${ms(first)}; longest main-thread task so far ${ms(await longestTask(page))}`);
	const pages = await page.locator('.tabs li').allTextContents();
	const times: string[] = [];
	for (let i = 1; i < pages.length; i++) {
		const before = await page.locator('[data-screen-page]').getAttribute('data-screen-page');
		if (before === 'replay') {
			const replay = page.locator('[data-replay-step]');
			const left = Number(await replay.getAttribute('data-replay-steps')) - Number(await replay.getAttribute('data-replay-step'));
			for (let k = 0; k < left; k++) await page.keyboard.press('PageDown');
		}
		const t = await page.evaluate(() => performance.now());
		await page.keyboard.press('PageDown');
		await page.waitForFunction((prev) => document.querySelector('[data-screen-page]')?.getAttribute('data-screen-page') !== prev, before);
		const now = await page.locator('[data-screen-page]').getAttribute('data-screen-page');
		times.push(`${now} ${ms((await stageDrawn(page, now)) - t)}`);
		console.log(`  … ${times.at(-1)}`);
	}
	say(`each next page drawn: ${times.join(', ')}`);
	say(`longest main-thread task (screen load and tour): ${ms(await longestTask(page))}`);
	// what ran in the longest ones (the screen's own document; the dashboard's load before it left out)
	const tasks = (await longTasks(page)).filter((t) => t.url.startsWith('/screen')).sort((a, b) => b.ms - a.ms);
	for (const t of tasks.slice(0, 5)) console.log(`    ${describeTask(t)}`);
	if (process.env.SCREEN_RELOAD) {
		await page.waitForFunction(() => performance.getEntriesByName('facts:prefetched').length > 0, null, { timeout: 600_000, polling: 200 }).catch(() => console.log('  (prefetch not done in 10 min)'));
		await page.goto(`${url}screen?kiosk=1&interval=600${PAGES}`, { waitUntil: 'commit' });
		const again = await stageDrawn(page, null);
		say(`/screen again, its first answers stored: first page drawn ${ms(again)}; longest main-thread task ${ms(await longestTask(page))}`);
		const tasks = (await longTasks(page)).filter((t) => t.url.startsWith('/screen') && !t.carried).sort((a, b) => b.ms - a.ms);
		for (const t of tasks.slice(0, 3)) console.log(`    ${describeTask(t)}`);
	}
	const cdp = await context.newCDPSession(page);
	for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	const workers = await workersHeapAfterGc(cdp);
	say(`JS heap after garbage collection: page ${(usedSize / 2 ** 20).toFixed(0)} MB, workers ${(workers / 2 ** 20).toFixed(0)} MB (load average ${loadavg()[0]!.toFixed(1)})`);
	await context.close();
	await close();
}
await browser.close();
