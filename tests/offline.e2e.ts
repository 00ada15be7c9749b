// Offline once loaded (issue 14.1): after one visit, every route reloads and draws its data with the
// browser context offline, served by the site-wide service worker; the corpus request is never
// answered by the worker while online, so a newer corpus is always seen; the app is installable.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Corpus } from '../src/lib/corpus/schema.ts';
import { firstDocuments } from '../src/lib/corpus/fixture.ts';
import { launchBrowser } from './browser.ts';
import { hasHeader, routesWithReadyMark } from './routes.ts';

const baseURL = inject('baseURL');
const shipped: Corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8'));
const at = (path: string) => new URL(path, baseURL).href;
const doc = shipped.documents[0]!;

const ROUTES = routesWithReadyMark(doc.id);

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Waits until the site-wide worker has installed (cached the whole build) and controls the page. */
async function controlled(page: Page): Promise<void> {
	// Up to a minute: installing caches the whole build, slow on a busy machine.
	await page.waitForFunction(
		async () => {
			const r = await navigator.serviceWorker.getRegistration('/');
			return r?.active?.state === 'activated' && navigator.serviceWorker.controller != null;
		},
		undefined,
		{ timeout: 60_000, polling: 100 }
	);
}

/**
 * Goes to `path` with the context offline. Open question (see the report of issue 14): about one
 * run in three, the very first navigation after going offline reaches Chromium's network stack
 * (net::ERR_INTERNET_DISCONNECTED) instead of the worker, which answers the next one; not seen
 * in a stand-alone script doing the same steps. Tolerated once here, never twice.
 */
async function offlineGoto(page: Page, path: string): Promise<void> {
	try {
		await page.goto(at(path));
	} catch (e) {
		if (!String(e).includes('ERR_INTERNET_DISCONNECTED')) throw e;
		await page.goto(at(path));
	}
}

async function drawn(page: Page, selector: string): Promise<void> {
	await page.locator(selector).first().waitFor({ timeout: 60_000 });
	expect(await page.locator('[data-load-error]').count()).toBe(0);
}

describe('offline', () => {
	let context: BrowserContext;
	let page: Page;
	beforeAll(async () => {
		context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
		page = await context.newPage();
		await page.goto(at('/'));
		await drawn(page, ROUTES[0]![1]);
		await controlled(page);
		// The first visit ends with a page the worker served (as any later visit is).
		await page.reload();
		await drawn(page, ROUTES[0]![1]);
	});
	afterAll(async () => {
		await context?.close();
	});

	test.each(ROUTES)('%s opens and reloads with the network gone', async (path, selector) => {
		await context.setOffline(true);
		try {
			await offlineGoto(page, path);
			await drawn(page, selector);
			await page.reload();
			await drawn(page, selector);
			if (hasHeader(path)) {
				// The header says so, with the date of the newest document saved on this device.
				const badge = page.locator('[data-offline]');
				await badge.waitFor();
				const newest = shipped.documents.map((d) => d.publishedAt ?? '').sort().at(-1)!;
				await expect.poll(() => badge.textContent()).toContain(`${Number(newest.slice(0, 4))}年`);
			}
		} finally {
			await context.setOffline(false);
		}
	});

	test('back online, the offline badge goes away', async () => {
		await context.setOffline(true);
		await offlineGoto(page, '/');
		await page.locator('[data-offline]').waitFor();
		await context.setOffline(false);
		// Playwright's going online fires the page's 'online' event.
		await page.locator('[data-offline]').waitFor({ state: 'detached' });
		expect(await page.locator('[data-offline]').count()).toBe(0);
	});

	test('online, the corpus request goes past the worker to the network, so a newer corpus is seen', async () => {
		let asked = 0;
		await context.route(/\/corpus[^/]*\.json$/, (route) => {
			asked++;
			return route.continue();
		});
		try {
			await page.goto(at('/'));
			await drawn(page, ROUTES[0]![1]);
			expect(await page.evaluate(() => navigator.serviceWorker.controller != null)).toBe(true);
			expect(asked).toBeGreaterThan(0);
		} finally {
			await context.unroute(/\/corpus[^/]*\.json$/);
		}
	});
});

describe('offline, then a newer corpus', () => {
	test('a page opened offline takes the newer corpus once the network is back, without a reload', async () => {
		const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(at('/'));
		await drawn(page, ROUTES[0]![1]);
		await controlled(page);
		// As in the sweep above: the first visit ends with a page the worker served. (Right after the
		// worker takes control, Chromium has been seen sending the very next navigation past it.)
		await page.reload();
		await drawn(page, ROUTES[0]![1]);
		await context.setOffline(true);
		await offlineGoto(page, '/');
		await page.locator('[data-offline]').waitFor();
		expect(Number(await page.locator('[data-scope-documents]').getAttribute('data-scope-documents'))).toBe(shipped.documents.length);

		// A new corpus ships while the page is offline: two documents only.
		const sealed = firstDocuments(shipped, 2);
		await context.route(/\/corpus[^/]*\.json$/, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(sealed) }));
		await context.setOffline(false);
		await page.locator('[data-scope-documents="2"]').waitFor();
		await page.locator('[data-offline]').waitFor({ state: 'detached' });
		expect(await page.locator('[data-offline]').count()).toBe(0);
		await context.close();
	});
});

describe('installable', () => {
	test('the manifest names the app, starts full-screen or standalone at /, and its icons load', async () => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.goto(at('/'));
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		const manifest = await (await page.request.get(at(href!))).json();
		expect(manifest.name).toBeTruthy();
		expect(manifest.short_name).toBeTruthy();
		expect(manifest.start_url).toBe('/');
		expect(['standalone', 'fullscreen']).toContain(manifest.display);
		const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
		expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
		for (const icon of manifest.icons) {
			const res = await page.request.get(at(icon.src));
			expect(res.ok(), icon.src).toBe(true);
			expect(res.headers()['content-type']).toContain(icon.type);
		}
		await context.close();
	});
});
