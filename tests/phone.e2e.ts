// Phones (issue 14.3): at 390×844 every route fits the screen's width (nothing scrolls sideways
// but a table inside its own box), the sections sit behind a menu button, the filters in a drawer
// whose button counts the ones set, and the long lists start with a screenful of cards. A desk
// (1440×900) keeps its full header and filter bar.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Corpus } from '../src/lib/corpus/schema.ts';
import { launchBrowser } from './browser.ts';
import { hasHeader, routesWithReadyMark } from './routes.ts';

const baseURL = inject('baseURL');
const at = (path: string) => new URL(path, baseURL).href;
const shipped: Corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8'));
const doc = shipped.documents.find((d) => shipped.meetings.some((m) => m.docIds.includes(d.id)))!;
const ROUTES = routesWithReadyMark(doc.id);
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1440, height: 900 };

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function open(viewport: { width: number; height: number }, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
	const context = await browser.newContext({ locale: lang, viewport, serviceWorkers: 'block' });
	if (lang === 'en') await context.addInitScript(() => localStorage.setItem('zhijiao:locale', 'en'));
	contexts.push(context);
	return context.newPage();
}

async function visit(page: Page, path: string, ready: string): Promise<void> {
	await page.goto(at(path));
	await page.locator(ready).first().waitFor({ timeout: 60_000 });
	// The last lists and charts settle (a chart sizes itself a frame after its box).
	await page.waitForTimeout(300);
}

/** How wide the page is against the window, and what sticks out (for the failure message). */
const overflow = (page: Page) =>
	page.evaluate(() => {
		const width = innerWidth;
		const wide = [...document.querySelectorAll('body *')]
			.filter((el) => {
				const r = el.getBoundingClientRect();
				// inside a box that scrolls or hides (a table in its own box, the hidden text alternatives) is fine
				for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
					const o = getComputedStyle(p).overflowX;
					if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return false;
				}
				return r.width > 0 && r.right > width + 1;
			})
			.slice(0, 5)
			.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
		return { scrollWidth: document.documentElement.scrollWidth, width, wide };
	});

describe('a phone, 390×844', () => {
	let page: Page;
	beforeAll(async () => {
		page = await open(PHONE);
	});

	test.each(ROUTES)('%s fits the width: no sideways scrolling', async (path, ready) => {
		await visit(page, path, ready);
		const o = await overflow(page);
		expect(o.wide).toEqual([]);
		expect(o.scrollWidth).toBeLessThanOrEqual(o.width);
	});

	test.each(ROUTES.filter(([p]) => hasHeader(p)))('%s in English fits the width too', async (path, ready) => {
		const en = await open(PHONE, 'en');
		await visit(en, path, ready);
		const o = await overflow(en);
		expect(o.wide).toEqual([]);
		expect(o.scrollWidth).toBeLessThanOrEqual(o.width);
		await en.context().close();
	});

	test('the header is one row: brand, language and a menu button that opens the sections', async () => {
		await visit(page, '/', ROUTES[0]![1]);
		const header = await page.locator('header.bar').boundingBox();
		expect(header!.height).toBeLessThan(80);
		const nav = page.getByRole('navigation', { name: '主导航' });
		expect(await nav.isVisible()).toBe(false);
		// The language switch is on screen without opening anything.
		const lang = page.getByRole('button', { name: /切换到英文/ });
		expect(await lang.isVisible()).toBe(true);
		const box = await lang.boundingBox();
		expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);

		const menu = page.locator('[data-menu-button]');
		expect(await menu.getAttribute('aria-expanded')).toBe('false');
		await menu.click();
		expect(await menu.getAttribute('aria-expanded')).toBe('true');
		await nav.waitFor({ state: 'visible' });
		expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
		// Every section and the big screen are in it, one per line, each a finger wide.
		const links = nav.getByRole('link');
		expect(await links.count()).toBe(6);
		for (const link of await links.all()) expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(32);
		expect(await page.getByRole('link', { name: '大屏' }).isVisible()).toBe(true);
		await nav.getByRole('link', { name: '地图' }).click();
		await page.waitForURL((u) => u.pathname === '/map');
		// A new page closes the menu.
		await page.locator('[data-chart="map"][data-state="ready"]').waitFor({ timeout: 60_000 });
		expect(await menu.getAttribute('aria-expanded')).toBe('false');
		expect(await nav.isVisible()).toBe(false);
		// Escape closes it too, from inside.
		await menu.click();
		await nav.getByRole('link').first().focus();
		await page.keyboard.press('Escape');
		expect(await nav.isVisible()).toBe(false);
	});

	test('the filters sit in a drawer whose button counts the ones set', async () => {
		await visit(page, '/achievements', '[data-chart="figure-table"]');
		const button = page.locator('[data-filters-button]');
		const form = page.getByRole('form', { name: '筛选' });
		expect(await button.textContent()).toContain('筛选');
		expect(await button.getAttribute('data-active')).toBe('0');
		expect(await form.isVisible()).toBe(false);
		await button.click();
		await form.waitFor({ state: 'visible' });
		const region = shipped.documents.find((d) => d.regionCode?.endsWith('0000'))!.regionCode!;
		await form.locator('select[name="region"]').selectOption(region);
		await page.waitForURL((u) => u.searchParams.get('region') === region);
		await form.locator('select[name="from"]').selectOption({ index: 1 });
		await page.waitForURL((u) => u.searchParams.has('from'));
		await expect.poll(() => button.getAttribute('data-active')).toBe('2');
		expect(await button.textContent()).toContain('筛选（2）');
		expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
		// Closed again, the page shows the count and the filtered figures.
		await button.click();
		expect(await form.isVisible()).toBe(false);
		// A shared link opens with its filters counted.
		await visit(page, `/timeline?region=${region}&from=2020&to=2023&kind=news`, '[data-chart="timeline"]');
		expect(await page.locator('[data-filters-button]').getAttribute('data-active')).toBe('3');
	});

	test('figures and meetings are cards, a screenful first and more on demand, not a page thousands of pixels tall', async () => {
		await visit(page, '/achievements', '[data-chart="figure-table"][data-state="ready"]');
		const table = page.locator('[data-chart="figure-table"]');
		const first = Number(await table.getAttribute('data-items'));
		expect(first).toBeLessThanOrEqual(20);
		// Each card is as wide as the screen allows, not a column one character wide.
		const card = await table.locator('tbody tr').first().boundingBox();
		expect(card!.width).toBeGreaterThan(300);
		expect(card!.height).toBeLessThan(260);
		expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(8000);
		const more = table.locator('[data-more]');
		if (await more.count()) {
			await more.click();
			await expect.poll(async () => Number(await table.getAttribute('data-items'))).toBeGreaterThan(first);
		}

		await visit(page, '/', '[data-chart="meeting-list"][data-state="ready"]');
		const list = page.locator('[data-chart="meeting-list"]');
		expect(Number(await list.getAttribute('data-items'))).toBeLessThanOrEqual(10);
		expect((await list.locator('tbody tr').first().boundingBox())!.width).toBeGreaterThan(300);
		expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(6000);
	});

	test('the explorer’s table scrolls sideways inside its own box, its search and CSV button on screen', async () => {
		await visit(page, '/explore', '[data-chart="explore-table"][data-state="ready"]');
		const box = page.locator('[data-chart="explore-table"]');
		const scroll = await box.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
		expect(scroll.scroll).toBeGreaterThan(scroll.client);
		for (const control of [page.getByRole('searchbox'), page.getByRole('button', { name: /CSV/ })]) {
			const b = await control.boundingBox();
			expect(b!.x).toBeGreaterThanOrEqual(0);
			expect(b!.x + b!.width).toBeLessThanOrEqual(PHONE.width);
		}
	});

	test('charts and the map are as wide as the screen allows', async () => {
		await visit(page, '/map', '[data-chart="map"][data-state="ready"]');
		const map = await page.locator('[data-chart="map"]').boundingBox();
		expect(map!.width).toBeGreaterThan(300);
		expect(map!.x + map!.width).toBeLessThanOrEqual(PHONE.width);
		await visit(page, '/achievements', '[data-chart="achievements-by-year"][data-state="ready"]');
		for (const chart of await page.locator('.chart[data-chart^="achievements-"]').all()) {
			const b = await chart.boundingBox();
			expect(b!.width).toBeGreaterThan(300);
			expect(b!.x + b!.width).toBeLessThanOrEqual(PHONE.width);
		}
		await visit(page, '/timeline', '[data-chart="timeline"][data-state="ready"]');
		const canvas = await page.locator('[data-chart="timeline"] canvas').boundingBox();
		expect(canvas!.width).toBeGreaterThan(300);
	});
});

describe('a desk, 1440×900', () => {
	test.each(ROUTES)('%s: no sideways scrolling, the sections and filters in view without a menu', async (path, ready) => {
		const page = await open(DESK);
		await visit(page, path, ready);
		expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(DESK.width);
		if (hasHeader(path)) {
			expect(await page.getByRole('navigation', { name: '主导航' }).isVisible()).toBe(true);
			expect(await page.locator('[data-menu-button]').isVisible()).toBe(false);
			expect(await page.locator('[data-filters-button]').isVisible()).toBe(false);
			expect(await page.getByRole('form', { name: '筛选' }).isVisible()).toBe(true);
		}
		await page.context().close();
	});
});
