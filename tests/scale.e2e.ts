// The views with a corpus of hundreds of documents (synthetic, built here): long lists are
// searched or shortened instead of putting thousands of elements on the page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { sealCorpus } from '../src/lib/corpus/validate.ts';
import { syntheticCorpus } from '../scripts/synthetic-corpus.ts';
import { launchBrowser } from './browser.ts';

const baseURL = inject('baseURL');

// 400 documents, and one figure reported by six documents of one county.
const base = syntheticCorpus({ docs: 400, seed: 7 });
const reported = base.metrics.find((m) => m.year != null && m.unit !== '%')!;
const home = base.documents.find((d) => d.id === reported.docId)!;
const sameRegion = base.documents.filter((d) => d.id !== home.id).slice(0, 5);
for (const d of sameRegion) d.regionCode = home.regionCode;
const copies = sameRegion.map((d, i) => ({ ...reported, id: `${d.id}$copy${i}`, docId: d.id, evidence: { ...reported.evidence, docId: d.id } }));
const corpus = sealCorpus({ ...base, metrics: [...base.metrics, ...copies] });

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
	browser = await launchBrowser();
	// No service worker: its fetch handler would hide the corpus request from the route below.
	context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 }, serviceWorkers: 'block' });
	await context.route(/\/corpus[^/]*\.json$/, (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(corpus) }));
	page = await context.newPage();
});
afterAll(async () => {
	await browser?.close();
});

const ready = (p: Page, chart: string) => p.locator(`[data-chart="${chart}"][data-state="ready"]`).first().waitFor();

describe('a corpus of hundreds of documents', () => {
	test('the map lists the first 50 meetings, says how many there are and finds the others by name', async () => {
		await page.goto(`${baseURL}map`);
		await ready(page, 'map');
		const list = page.locator('ul.meetings li');
		// "全部会议" plus the first 50
		expect(await list.count()).toBe(51);
		expect(await page.getByText(`显示前 50 场，共 ${corpus.meetings.length} 场`).count()).toBe(1);
		const last = corpus.meetings.at(-1)!;
		await page.getByRole('searchbox', { name: '按名称查找会议' }).fill(last.name);
		// the search is answered by the facts worker: the list narrows when the answer lands
		await expect.poll(async () => {
			const found = await list.locator('.name').allTextContents();
			return found.length > 0 && found.every((name) => name.includes(last.name));
		}).toBe(true);
	});

	test('a figure reported by six documents links three sources and shows the rest on request', async () => {
		await page.goto(`${baseURL}achievements?category=${reported.category}&from=${reported.year}&to=${reported.year}`);
		await ready(page, 'figure-table');
		const row = page.locator('[data-chart="figure-table"] tbody tr').filter({ has: page.locator(`a[href*="${encodeURIComponent(home.id)}"]`) });
		expect(await row.locator('td.sources a').count()).toBe(3);
		await row.getByRole('button', { name: '另 3 篇' }).click();
		const linked = await row.locator('td.sources a').evaluateAll((as) => as.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).pathname.split('/').pop()!)));
		expect(linked.sort()).toEqual([home.id, ...sameRegion.map((d) => d.id)].sort());
	});
});
