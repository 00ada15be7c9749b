// IndexedDB failure modes in a real browser: no storage at all, and another tab upgrading.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
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

describe('storage', () => {
	test('without IndexedDB the app works from memory and says nothing will persist', async () => {
		const context = await browser.newContext({ locale: 'zh-CN' });
		// As in a browser that refuses storage: the API is missing.
		await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
		const page = await context.newPage();
		await page.goto(baseURL);
		await page.locator('[data-notice="memory"]').waitFor();
		await page.locator('[data-chart="totals"][data-state="ready"]').waitFor();
		expect(await page.locator('[data-kpi="documents"] .value').textContent()).toBe(String(shipped.documents.length));
		await page.goto(`${baseURL}explore`);
		await page.locator('[data-chart="explore-table"][data-state="ready"]').waitFor();
		await context.close();
	});

	test('a tab is told to reload when another opens a newer database version, and the other is not blocked', async () => {
		const context = await browser.newContext({ locale: 'zh-CN' });
		const old = await context.newPage();
		await old.goto(baseURL);
		await old.locator('[data-chart="totals"][data-state="ready"]').waitFor();
		const newer = await context.newPage();
		await newer.goto(`${baseURL}favicon.svg`);
		// A future version of the app opening the same database with a higher version.
		const opened = await newer.evaluate(
			() =>
				new Promise<string>((resolve) => {
					const req = indexedDB.open('zhijiao-dashboard', 10_000);
					req.onblocked = () => resolve('blocked');
					req.onsuccess = () => {
						req.result.close();
						resolve('opened');
					};
					req.onerror = () => resolve(`error ${req.error?.name}`);
				})
		);
		expect(opened).toBe('opened');
		await old.locator('[data-notice="upgraded-elsewhere"]').waitFor();
		expect(await old.getByRole('button', { name: '刷新' }).count()).toBe(1);
		await context.close();
	});
});
