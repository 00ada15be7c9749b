import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Corpus } from '../src/lib/corpus/schema.ts';
import { firstDocuments } from '../src/lib/corpus/fixture.ts';
import { simplified } from '../src/lib/query/names.ts';
import { launchBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const shipped: Corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8'));

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
	browser = await launchBrowser();
	// The corpus request is intercepted below: requests a service worker handles would bypass page.route.
	context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
	page = await context.newPage();
});
afterAll(async () => {
	await browser?.close();
});

/** The outcome the app recorded with its corpus:ready mark on this page load. */
const corpusOutcome = (p: Page) =>
	p.evaluate(() => (performance.getEntriesByName('corpus:ready')[0] as PerformanceMark | undefined)?.detail?.outcome ?? null);

async function kpis(p: Page): Promise<Record<string, number>> {
	await p.locator('[data-chart="totals"][data-state="ready"]').waitFor();
	const entries = await p.locator('[data-kpi]').evaluateAll((els) =>
		els.map((el) => [el.getAttribute('data-kpi'), Number(el.querySelector('.value')!.textContent!.replace(/,/g, ''))])
	);
	return Object.fromEntries(entries);
}

/** Counts rows of a store straight from IndexedDB, without the app's code. */
/** Rows of one fact table in the stored shipped chunks (the row tables hold only the user's own documents). */
const idbCount = (p: Page, table: string) =>
	p.evaluate(
		(table) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('zhijiao-dashboard');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const req = open.result.transaction('shipped').objectStore('shipped').getAll(IDBKeyRange.bound(`${table}:`, `${table}:\uffff`));
					req.onsuccess = () => {
						resolve((req.result as { count?: number; rows?: unknown[] }[]).reduce((n, c) => n + (c.count ?? c.rows?.length ?? 0), 0));
						open.result.close();
					};
				};
			}),
		table
	);

describe('overview', () => {
	test('stores the shipped corpus in IndexedDB on the first visit and shows its totals', async () => {
		await page.goto(baseURL);
		await page.getByRole('heading', { name: '概览' }).waitFor();
		const shown = await kpis(page);
		expect(shown).toMatchObject({ documents: shipped.documents.length, meetings: shipped.meetings.length, metrics: shipped.metrics.length });
		expect(await corpusOutcome(page)).toBe('stored');
		expect(await idbCount(page, 'documents')).toBe(shipped.documents.length);
		expect(await page.evaluate(() => performance.getEntriesByName('view:ready').length)).toBe(1);
	});

	test('lists every meeting with its name', async () => {
		const list = page.locator('[data-chart="meeting-list"]');
		await list.and(page.locator('[data-state="ready"]')).waitFor();
		// The latest 50 are listed (the timeline has them all), by name in Simplified characters.
		const shown = Math.min(shipped.meetings.length, 50);
		expect(Number(await list.getAttribute('data-items'))).toBe(shown);
		const names = new Set(shipped.meetings.map((m) => simplified(m.name)));
		const rows = await list.locator('tbody tr td:first-child').allTextContents();
		expect(rows).toHaveLength(shown);
		for (const name of rows) expect(names.has(name)).toBe(true);
	});

	test('skips the write on a reload when the stored hash matches', async () => {
		await page.reload();
		await kpis(page);
		expect(await corpusOutcome(page)).toBe('unchanged');
	});

	test('draws its totals from IndexedDB, not from the fetched file', async () => {
		// Remove one meeting behind the app's back: the hash still matches, so nothing is rewritten,
		// and the page must show what the database holds.
		await page.evaluate(
			() =>
				new Promise<void>((resolve) => {
					const open = indexedDB.open('zhijiao-dashboard');
					open.onsuccess = () => {
						// The shipped facts are read from their chunks: take a meeting out of the first.
						const tx = open.result.transaction(['shipped', 'meta'], 'readwrite');
						const store = tx.objectStore('shipped');
						const get = store.get('meetings:000000');
						// The views' answers stored for this corpus (facts.worker.ts) are derived from it: they go too.
						tx.objectStore('meta').delete(IDBKeyRange.bound('answers:', 'answers:\uffff'));
						get.onsuccess = () => {
							const rows = JSON.parse(get.result.json).slice(1);
							store.put({ ...get.result, count: rows.length, json: JSON.stringify(rows) });
							tx.oncomplete = () => {
								open.result.close();
								resolve();
							};
						};
					};
				})
		);
		await page.reload();
		expect((await kpis(page)).meetings).toBe(shipped.meetings.length - 1);
	});

	test('replaces the stored corpus when a new one ships', async () => {
		const sealed = firstDocuments(shipped, 2);
		await page.route(/\/corpus[^/]*\.json$/, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(sealed) }));
		await page.reload();
		const shown = await kpis(page);
		expect(await corpusOutcome(page)).toBe('replaced');
		expect(shown).toMatchObject({ documents: 2, meetings: sealed.meetings.length, metrics: sealed.metrics.length });
		expect(await idbCount(page, 'metrics')).toBe(sealed.metrics.length);
		await page.unroute(/\/corpus[^/]*\.json$/);
	});

	test('refuses a corpus that fails validation, says which record and field, and keeps the last good one', async () => {
		const bad = structuredClone(shipped);
		Object.assign(bad.metrics[0]!, { qualifier: 'roughly' });
		await page.route(/\/corpus[^/]*\.json$/, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(bad) }));
		await page.reload();
		const alert = page.getByRole('alert');
		await alert.waitFor();
		expect(await alert.textContent()).toContain(`metrics[0] (${shipped.metrics[0]!.id}).qualifier`);
		expect(await corpusOutcome(page)).toBe('kept');
		expect((await kpis(page)).documents).toBe(2);
		await page.unroute(/\/corpus[^/]*\.json$/);
	});

	test('looks right (screenshot kept as a test artifact)', async () => {
		const fresh = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
		const p = await fresh.newPage();
		await p.goto(baseURL);
		await kpis(p);
		await p.screenshot({ path: 'test-results/overview.png', fullPage: true });
		expect(await p.title()).toBe('概览 · 职教数据看板');
		await fresh.close();
	});
});
