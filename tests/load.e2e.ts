// The first load: in the facts worker, with a progress bar that says what it is doing.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Corpus } from '../src/lib/corpus/schema.ts';
import { launchBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const shipped: Corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8'));

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/**
 * Holds the corpus request until the returned function is called: the bar is looked at before the
 * data can arrive, so the test never depends on timing.
 */
async function holdCorpus(context: BrowserContext): Promise<() => void> {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await context.route(/\/corpus[^/]*\.json$/, async (route) => {
		await released;
		await route.continue();
	});
	return release;
}

describe('first load', () => {
	test('shows a progress bar with its phase while the corpus is fetched, and stores it through the facts worker', async () => {
		const context = await browser.newContext({ locale: 'zh-CN' });
		const page = await context.newPage();
		const workers: string[] = [];
		page.on('worker', (w) => workers.push(w.url()));
		const release = await holdCorpus(context);
		await page.goto(baseURL);
		const bar = page.locator('[data-load-progress]');
		await bar.waitFor();
		expect(await bar.getAttribute('data-phase')).toBe('download');
		expect(await bar.textContent()).toContain('正在下载语料');
		expect(await bar.locator('progress').count()).toBe(1);
		release();
		await page.locator('[data-chart="totals"][data-state="ready"]').waitFor();
		expect(await page.locator('[data-kpi="documents"] .value').textContent()).toBe(String(shipped.documents.length));
		expect(await bar.count()).toBe(0);
		expect(workers.some((url) => /facts\.worker/.test(url))).toBe(true);
		await context.close();
	});

	test('the bar speaks English in an English page', async () => {
		const context = await browser.newContext({ locale: 'en-US' });
		await context.addInitScript(() => localStorage.setItem('zhijiao:locale', 'en'));
		const page = await context.newPage();
		const release = await holdCorpus(context);
		await page.goto(baseURL);
		const bar = page.locator('[data-load-progress]');
		await bar.waitFor();
		expect(await bar.textContent()).toContain('Downloading the corpus');
		release();
		await page.locator('[data-chart="totals"][data-state="ready"]').waitFor();
		await context.close();
	});
});
