// The kiosk recovers by itself: a wall whose data fails to load reloads until it comes, and a wall
// whose tab crashed says so when it is started again. `watchdog=1` sets the watchdog's base wait
// to 1 s (30 s on a real wall).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const CORPUS = /\/corpus[^/]*\.json$/;

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('kiosk watchdog', () => {
	test('a wall whose data fails to load reloads itself until it shows, and says so in its corner', async () => {
		// The request interception needs the page's own fetch: the wall's service worker is kept out.
		const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block', viewport: { width: 1280, height: 720 } });
		let requests = 0;
		await context.route(CORPUS, (r) => {
			requests++;
			return r.fulfill({ status: 503, body: 'down' });
		});
		const page = await context.newPage();
		await page.goto(`${baseURL}screen?kiosk=1&watchdog=1`);
		const notice = page.locator('[data-watchdog="load-error"]');
		await notice.waitFor({ timeout: 30_000 });
		expect(await notice.textContent()).toContain('自动重新载入');
		// the reloaded page says so at once; its own request for the corpus may still be on its way
		await expect.poll(() => requests).toBeGreaterThanOrEqual(2);
		// The network comes back: the next reload brings the wall up; the notice stays for a while.
		await context.unroute(CORPUS);
		await page.locator('.screen [data-kpi="documents"]').waitFor({ timeout: 30_000 });
		expect(await notice.count()).toBe(1);
		await context.close();
	});

	test('a wall started again after its tab crashed says that its last run was interrupted', async () => {
		const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 720 } });
		const wall = await context.newPage();
		await wall.goto(`${baseURL}screen?kiosk=1`);
		await wall.locator('.screen [data-kpi="documents"]').waitFor();
		await expect.poll(() => wall.evaluate(() => localStorage.getItem('zhijiao:kiosk')), { timeout: 15_000 }).toContain('"clean":false');
		const cdp = await context.newCDPSession(wall);
		const crashed = new Promise((resolve) => wall.once('crash', resolve));
		// The renderer dies at once: the command itself never gets an answer.
		void cdp.send('Page.crash').catch(() => undefined);
		await crashed;
		const again = await context.newPage();
		await again.goto(`${baseURL}screen?kiosk=1`);
		const notice = again.locator('[data-watchdog="interrupted"]');
		await notice.waitFor();
		expect(await notice.textContent()).toContain('意外中断');
		await context.close();
	});
});
