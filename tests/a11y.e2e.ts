// Accessibility (issue 14.5): axe-core finds no serious or critical WCAG 2.1 A/AA violation on any
// route, in either language, on a desk and on a phone; the charts' 下载 buttons meet AA contrast; each
// chart carries a text alternative with a row per mark; the map and the timeline are reached with
// Tab and used with the keys alone.
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Corpus } from '../src/lib/corpus/schema.ts';
import { launchBrowser } from './browser.ts';
import { routesWithReadyMark } from './routes.ts';

const baseURL = inject('baseURL');
const at = (path: string) => new URL(path, baseURL).href;
const shipped: Corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8'));
const doc = shipped.documents.find((d) => shipped.meetings.some((m) => m.docIds.includes(d.id)))!;
const ROUTES = routesWithReadyMark(doc.id);

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function open(lang: 'zh-CN' | 'en', viewport = { width: 1440, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ locale: lang, viewport, serviceWorkers: 'block' });
	if (lang === 'en') await context.addInitScript(() => localStorage.setItem('zhijiao:locale', 'en'));
	return { context, page: await context.newPage() };
}

async function visit(page: Page, path: string, ready: string): Promise<void> {
	await page.goto(at(path));
	await page.locator(ready).first().waitFor({ timeout: 60_000 });
	await page.waitForTimeout(300);
}

/** Serious and critical violations of WCAG 2.0/2.1 A and AA, each with a few of its elements. */
async function violations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('axe-core on every route', () => {
	for (const [lang, viewport] of [
		['zh-CN', { width: 1440, height: 900 }],
		['en', { width: 1440, height: 900 }],
		['zh-CN', { width: 390, height: 844 }],
		['en', { width: 390, height: 844 }]
	] as const) {
		describe(`${lang} at ${viewport.width}×${viewport.height}`, () => {
			let context: BrowserContext;
			let page: Page;
			beforeAll(async () => {
				({ context, page } = await open(lang, viewport));
			});
			afterAll(async () => {
				await context?.close();
			});
			test.each(ROUTES)('%s has no serious or critical violation', async (path, ready) => {
				await visit(page, path, ready);
				expect(await violations(page)).toEqual([]);
			});
		});
	}
});

/** WCAG's contrast ratio of two opaque sRGB colours. */
function contrast(a: number[], b: number[]): number {
	const lum = ([r, g, b]: number[]) =>
		[r!, g!, b!].map((c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)).reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i]!, 0);
	const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
}

describe('the charts’ controls and text alternatives', () => {
	let context: BrowserContext;
	let page: Page;
	beforeAll(async () => {
		({ context, page } = await open('zh-CN'));
	});
	afterAll(async () => {
		await context?.close();
	});

	test('the 下载 buttons meet WCAG AA contrast (4.5:1) at full opacity, hovered or not', async () => {
		await visit(page, '/achievements', '[data-chart="achievements-by-year"][data-state="ready"]');
		const saves = page.locator('.chart .save');
		expect(await saves.count()).toBeGreaterThan(0);
		for (const save of await saves.all()) {
			// What is painted: the text colour over the button's own background, through every ancestor's opacity.
			const look = await save.evaluate((el) => {
				const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
				let opacity = 1;
				for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
				const s = getComputedStyle(el);
				return { text: rgb(s.color), background: rgb(s.backgroundColor), opacity };
			});
			expect(look.opacity).toBe(1);
			expect(look.background[3] ?? 1).toBe(1);
			expect(contrast(look.text, look.background)).toBeGreaterThanOrEqual(4.5);
		}
	});

	test('every achievements chart has a hidden table with a row per mark, in the chart’s own words', async () => {
		await visit(page, '/achievements', '[data-chart="achievements-by-region"][data-state="ready"]');
		for (const name of ['achievements-by-year', 'achievements-by-region', 'achievements-by-indicator']) {
			const chart = page.locator(`[data-chart="${name}"]`);
			await chart.and(page.locator('[data-state="ready"]')).waitFor();
			const marks = Number(await chart.getAttribute('data-items'));
			const table = chart.locator('[data-chart-table]');
			expect(await table.locator('tbody tr').count()).toBe(marks);
			// A screen reader reaches it (a table in the accessibility tree), a sighted reader does not see it.
			expect(await chart.getByRole('table').count()).toBe(1);
			expect(await table.evaluate((t) => t.parentElement!.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
			expect(await table.locator('caption').textContent()).toMatch(/数据表$/);
		}
		// The region chart's first row reads as its bar label does (the largest place, with its unit).
		const region = page.locator('[data-chart="achievements-by-region"] [data-chart-table] tbody tr').last();
		expect(await region.locator('td').textContent()).toMatch(/\d/);
	});

	test('the map’s table lists the areas with meetings, largest first; the timeline’s counts every meeting by year', async () => {
		await visit(page, '/map', '[data-chart="map"][data-state="ready"]');
		const rows = page.locator('[data-chart="map"] [data-chart-table] tbody tr');
		expect(await rows.count()).toBeGreaterThan(1);
		const counts = (await rows.locator('td').allTextContents()).slice(0, -1).map(Number).filter(Number.isFinite);
		expect(counts.length).toBeGreaterThan(0);
		expect(counts).toEqual([...counts].sort((a, b) => b - a));

		await visit(page, '/timeline', '[data-chart="timeline"][data-state="ready"]');
		const total = Number(await page.locator('[data-total]').getAttribute('data-total'));
		const perYear = await page.locator('[data-chart="timeline"] [data-chart-table] tbody td').allTextContents();
		expect(perYear.map((n) => Number(n.replace(/,/g, ''))).reduce((a, b) => a + b, 0)).toBe(total);
	});
});

describe('the keyboard', () => {
	let context: BrowserContext;
	let page: Page;
	beforeAll(async () => {
		({ context, page } = await open('zh-CN', { width: 1280, height: 900 }));
	});
	afterAll(async () => {
		await context?.close();
	});

	/** Presses Tab until the focus is on `selector`; how many presses it took (fails after `limit`). */
	async function tabTo(selector: string, limit = 80): Promise<number> {
		for (let n = 1; n <= limit; n++) {
			await page.keyboard.press('Tab');
			if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return n;
		}
		throw new Error(`${selector} not reached in ${limit} presses of Tab`);
	}

	test('the first Tab offers a skip link that takes the focus past the header to the page', async () => {
		await visit(page, '/', ROUTES[0]![1]);
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: '跳到正文' });
		expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
		expect(await skip.isVisible()).toBe(true);
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
	});

	test('the map: Tab reaches it, arrows move between provinces, Enter drills into one, Escape comes back', async () => {
		await visit(page, '/map', '[data-chart="map"][data-state="ready"]');
		await page.locator('[data-scope="china"]').waitFor();
		await tabTo('[data-map-keys]');
		const keys = page.locator('[data-map-keys]');
		const announce = page.locator('[data-map-announce]');
		expect(await keys.getAttribute('aria-label')).toContain('方向键');

		await page.keyboard.press('ArrowRight');
		const first = await keys.getAttribute('data-map-keys');
		expect(first).toMatch(/^\d{6}$/);
		// The area is read out with its name and its count.
		await expect.poll(() => announce.textContent()).toMatch(/：\d/);
		const visited = new Set([first]);
		for (const key of ['ArrowDown', 'ArrowLeft', 'ArrowLeft', 'ArrowUp', 'ArrowRight']) {
			await page.keyboard.press(key);
			visited.add(await keys.getAttribute('data-map-keys'));
		}
		expect(visited.size).toBeGreaterThan(2);
		// ECharts shows the area's tip as the mouse would.
		const code = (await keys.getAttribute('data-map-keys'))!;
		const heard = (await announce.textContent())!;
		expect(heard.length).toBeGreaterThan(2);

		await page.keyboard.press('Enter');
		await page.waitForURL((u) => u.searchParams.get('region') === code);
		await page.locator(`[data-scope="${code}"]`).waitFor();
		await page.locator('[data-chart="map"][data-state="ready"]').waitFor();
		// Still on the map: the keys go on among the province's cities.
		expect(await page.evaluate(() => document.activeElement?.matches('[data-map-keys]'))).toBe(true);
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => keys.getAttribute('data-map-keys')).toMatch(new RegExp(`^${code.slice(0, 2)}`));

		await page.keyboard.press('Escape');
		await page.waitForURL((u) => !u.searchParams.has('region'));
		await page.locator('[data-scope="china"]').waitFor();
	});

	test('the timeline: Tab reaches it, arrows walk the meetings with their tip read out, Enter opens the source', async () => {
		await visit(page, '/timeline', '[data-chart="timeline"][data-state="ready"]');
		await tabTo('[data-chart="timeline"] [role="application"]');
		await page.keyboard.press('ArrowRight');
		const tip = page.getByRole('tooltip');
		await tip.waitFor();
		const firstName = await tip.locator('.name').textContent();
		await expect.poll(() => page.locator('[data-chart="timeline"] [aria-live]').textContent()).toContain(firstName!);
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => tip.locator('.name').textContent()).not.toBe(firstName);
		const source = await tip.getByRole('link').first().getAttribute('href');
		await page.keyboard.press('Enter');
		await page.waitForURL((u) => source != null && u.pathname === new URL(source, baseURL).pathname);
	});
});
