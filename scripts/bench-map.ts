// node scripts/bench-map.ts — the map page's interactions in Chromium on synthetic corpora
// (scripts/synthetic-corpus.ts), after a first load has filled IndexedDB and the facts worker has
// stored every view's first answer: the warm load of /map, then measure changes, meeting picks,
// meeting searches and filter changes on it, each timed from the input to the map drawn again (or
// the list shown), with the longest main-thread task of each (PerformanceObserver 'longtask').
//   BUILD_DIR=build-NAME BENCH_SIZES=10000,100000 node scripts/bench-map.ts
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { allChartsReady, launchChromium, longestTask, machineLine, pct, serveWithCorpus, watchLongTasks } from './bench-page.ts';
import { syntheticCorpus } from './synthetic-corpus.ts';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const BUILD = process.env.BUILD_DIR ?? 'build';
const TIMES = 8;
if (!existsSync(`${BUILD}/index.html`)) throw new Error(`no build in ${BUILD}: BUILD_DIR=${BUILD} KIT_OUT_DIR=… npx vite build first`);



/**
 * Starts watching the map page for the answer to an input: resolves (performance.now()) at the
 * first change under its layout (the list, the pressed meeting, the chart's label, data-state…) once
 * every chart is ready again and a frame has been drawn. Call before the input.
 */
const answered = async (p: Page): Promise<() => Promise<number>> => {
	await p.evaluate(() => {
		const w = window as unknown as { __answered: Promise<number> };
		w.__answered = new Promise<number>((resolve, reject) => {
			const layout = document.querySelector('.layout')!;
			const ready = () => [...document.querySelectorAll('[data-chart]')].every((c) => c.getAttribute('data-state') === 'ready' || c.getAttribute('data-state') === 'empty');
			let changed = false;
			const check = () => {
				if (!changed || !ready()) return;
				obs.disconnect();
				requestAnimationFrame(() => resolve(performance.now()));
			};
			const obs = new MutationObserver(() => {
				changed = true;
				check();
			});
			obs.observe(layout, { subtree: true, childList: true, attributes: true, characterData: true });
			setTimeout(() => reject(new Error('no answer shown')), 120_000);
		});
	});
	return () => p.evaluate(() => (window as unknown as { __answered: Promise<number> }).__answered);
};

const now = (p: Page) => p.evaluate(() => performance.now());
const summary = (label: string, times: number[], tasks: number[]) =>
	`${label} (${times.length}×): p50 ${pct(times, 50).toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms, longest task ${Math.max(0, ...tasks).toFixed(0)} ms`;

const browser = await launchChromium();
console.log(machineLine(browser));

for (const docs of SIZES) {
	const { url, close } = await serveWithCorpus(BUILD, JSON.stringify(syntheticCorpus({ docs, seed: 1 })));
	const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
	await context.addInitScript(watchLongTasks);
	const page = await context.newPage();
	await page.goto(url, { waitUntil: 'commit' });
	await allChartsReady(page);
	// Every view's first answer stored (the worker's prefetch), as after a first visit (a build without the mark: BENCH_PREFETCH_WAIT ms, 5 minutes).
	await page.waitForFunction(() => performance.getEntriesByName('facts:prefetched').length > 0, null, { timeout: Number(process.env.BENCH_PREFETCH_WAIT ?? 300_000), polling: 200 }).catch(() => undefined);
	const rows: string[] = [];

	await page.goto(`${url}map`);
	const warm = await allChartsReady(page);
	rows.push(`warm load of /map: ${warm.toFixed(0)} ms, longest task ${(await longestTask(page, true)).toFixed(0)} ms`);

	// Measure changes: the first few indicators offered, and back to the meetings.
	const measures = await page.locator('select[name="measure"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
	let times: number[] = [];
	let tasks: number[] = [];
	for (let i = 0; i < TIMES && measures.length > 1; i++) {
		const m = i % 2 ? 'meetings' : measures[1 + ((i >> 1) % (measures.length - 1))]!;
		const t = await now(page);
		const done = await answered(page);
		await page.locator('select[name="measure"]').selectOption(m);
		times.push((await done()) - t);
		tasks.push(await longestTask(page, true));
	}
	if (times.length) rows.push(summary('measure change', times, tasks));

	// Meeting picks: the listed meetings one after another (the participants card names each).
	times = [];
	tasks = [];
	const buttons = page.locator('ul.meetings li button');
	for (let i = 0; i < TIMES; i++) {
		const t = await now(page);
		const done = await answered(page);
		await buttons.nth(1 + (i % 10)).click();
		times.push((await done()) - t);
		tasks.push(await longestTask(page, true));
	}
	rows.push(summary('meeting pick', times, tasks));
	await buttons.first().click();
	await allChartsReady(page);

	// Searches: a word typed at once, the list answering with its first matches.
	times = [];
	tasks = [];
	const search = page.locator('input.search');
	if (await search.count()) {
		for (const word of ['职业', '職業教育', '论坛', '技能大赛', '培训班', '工作会议', '年会', '']) {
			const t = await now(page);
			await search.fill(word);
			await page.waitForFunction((w) => {
				const names = [...document.querySelectorAll('ul.meetings li:not(:first-child) .name')].map((e) => e.textContent ?? '');
				return w === '' || names.every((n) => n.includes(w.replace('職業', '职业')));
			}, word);
			times.push((await now(page)) - t);
			tasks.push(await longestTask(page, true));
		}
		rows.push(summary('meeting search', times, tasks));
	}

	// Filter changes on the map: the first year, alternating, as bench-views does on /achievements.
	times = [];
	tasks = [];
	const years = await page.locator('select[name="from"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
	for (let i = 0; i < TIMES && years.length; i++) {
		const year = years[(i * 3) % years.length]!;
		const t = await now(page);
		const done = await answered(page);
		await page.locator('select[name="from"]').selectOption(year);
		times.push((await done()) - t);
		tasks.push(await longestTask(page, true));
	}
	if (times.length) rows.push(summary('filter change', times, tasks));
	console.log(`\nsynthetic corpus, ${docs} documents\n  ${rows.join('\n  ')}`);
	await context.close();
	await close();
}
console.log(`load average at the end ${loadavg()[0]!.toFixed(1)}`);
await browser.close();
