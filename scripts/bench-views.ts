// npm run bench:views — the dashboard's speed in Chromium on synthetic corpora of 1k, 10k and
// 100k documents (scripts/synthetic-corpus.ts) and on the shipped corpus:
//   first load to all charts ready, warm load (IndexedDB filled), filter change p50/p95,
//   and the initial JavaScript (gzip) of the first page.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, tmpdir, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { chromiumPath } from '../tests/browser.ts';
import { serveStatic } from './static-server.ts';
import { syntheticCorpus } from './synthetic-corpus.ts';

const ROUTES = ['/', '/timeline', '/map', '/achievements', '/explore'];
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const CHANGES = 20;

/** The built site measured: build/, or BUILD_DIR (as for the end-to-end tests), so parallel work trees keep apart. */
const BUILD = process.env.BUILD_DIR ?? 'build';
if (!existsSync(`${BUILD}/index.html`) || process.env.BENCH_BUILD) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });

/**
 * A copy of build/ shipping another corpus in place of data/corpus.json, served like production
 * (hashed files cached for good), as if the app had been built with that corpus.
 */
async function serveWithCorpus(corpusJson: string | null) {
	if (corpusJson == null) return serveStatic(BUILD, 0);
	const dir = mkdtempSync(join(tmpdir(), 'bench-build-'));
	cpSync(BUILD, dir, { recursive: true });
	const assets = join(dir, '_app/immutable/assets');
	const file = readdirSync(assets).find((f) => /^corpus.*\.json$/.test(f))!;
	writeFileSync(join(assets, file), corpusJson);
	const served = await serveStatic(dir, 0);
	return { ...served, close: async () => (await served.close(), rmSync(dir, { recursive: true, force: true })) };
}
const browser = await chromium.launch({
	executablePath: chromiumPath(),
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
});

/** Resolves, in the page, with the time when every chart on it is ready or empty. */
const allChartsReady = (p: Page) =>
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
				obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
			})
	);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function measure(label: string, corpusJson: string | null) {
	const { url, close } = await serveWithCorpus(corpusJson);
	const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
	const page = await context.newPage();
	await page.goto(url);
	const first = await allChartsReady(page);
	const rows: string[] = [`first load of / to all charts ready: ${ms(first)}`];
	for (const route of ROUTES) {
		await page.goto(url + route.slice(1));
		rows.push(`warm load of ${route}: ${ms(await allChartsReady(page))}`);
	}
	// Filter changes on /achievements: alternate the first year between two values.
	await page.goto(`${url}achievements`);
	await allChartsReady(page);
	const years = await page.locator('select[name="from"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
	const times: number[] = [];
	for (let i = 0; i < CHANGES && years.length; i++) {
		const year = years[i % years.length]!;
		const t = await page.evaluate(() => performance.now());
		await page.locator('select[name="from"]').selectOption(year);
		await page.waitForURL(new RegExp(`from=${year}`));
		times.push((await allChartsReady(page)) - t);
	}
	if (times.length) rows.push(`filter change on /achievements (${times.length}×): p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}`);
	const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
	rows.push(`JS heap after the run: ${(heap / 2 ** 20).toFixed(0)} MB`);
	console.log(`\n${label}\n  ${rows.join('\n  ')}`);
	await context.close();
	await close();
}

async function initialJs() {
	const { url, close } = await serveStatic(BUILD, 0);
	const context = await browser.newContext();
	const page = await context.newPage();
	let raw = 0;
	let gz = 0;
	page.on('response', async (r) => {
		if (!r.url().endsWith('.js')) return;
		const body = await r.body();
		raw += body.length;
		gz += gzipSync(body).length;
	});
	await page.goto(url);
	await allChartsReady(page);
	await page.waitForTimeout(300);
	await context.close();
	await close();
	return { raw, gz };
}

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Chromium ${browser.version()}; ${new Date().toISOString().slice(0, 10)}`);
const js = await initialJs();
console.log(`initial JavaScript of /: ${(js.raw / 1024).toFixed(0)} KB raw, ${(js.gz / 1024).toFixed(0)} KB gzip (target ≤ 350 KB)`);
await measure(`shipped corpus (${JSON.parse(readFileSync('data/corpus.json', 'utf8')).documents.length} documents)`, null);
for (const docs of SIZES) {
	const corpus = JSON.stringify(syntheticCorpus({ docs, seed: 1 }));
	const label = `synthetic corpus, ${docs} documents (${(corpus.length / 2 ** 20).toFixed(1)} MB)`;
	try {
		await measure(label, corpus);
	} catch (e) {
		// A corpus too large for the page (the tab crashes) is a result too: say so and go on.
		console.log(`\n${label}\n  did not complete: ${(e as Error).message.split('\n')[0]}`);
	}
}
await browser.close();
