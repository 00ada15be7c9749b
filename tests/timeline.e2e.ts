import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Corpus, Meeting } from '../src/lib/corpus/schema.ts';
import { layoutTimeline } from '../src/lib/charts/timeline.ts';
import { simplified, titleOf } from '../src/lib/query/names.ts';
import { formatDateRange } from '../src/lib/views/format.ts';
import { launchBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const shipped: Corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8'));
const yearOf = (m: Meeting) => (m.startDate ? Number(m.startDate.slice(0, 4)) : null);
/** Undated meetings have no place on a time axis: the chart draws the dated ones and the view lists the rest. */
const dated = shipped.meetings.filter((m) => m.startDate);
const inYears = (from: number, to: number) => dated.filter((m) => yearOf(m)! >= from && yearOf(m)! <= to);
const url = (query = '') => new URL(`timeline${query}`, baseURL).href;

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
	browser = await launchBrowser();
	context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
	page = await context.newPage();
});
afterAll(async () => {
	await browser?.close();
});

const chart = (p: Page) => p.locator('[data-chart="timeline"]');

/** Waits until the chart is ready and draws `items` meetings, then returns them. */
async function drawn(p: Page, items?: number): Promise<number> {
	const sel = `[data-chart="timeline"][data-state="ready"]${items == null ? '' : `[data-items="${items}"]`}`;
	await p.locator(sel).waitFor();
	return Number(await chart(p).getAttribute('data-items'));
}

const years = (p: Page) => {
	const q = new URL(p.url()).searchParams;
	return { from: q.get('from'), to: q.get('to') };
};

/** The CSS-pixel centre of a solidly filled mark (a day-precision meeting), read from the canvas. */
const solidMark = (p: Page) =>
	p.locator('[data-chart="timeline"] canvas').evaluate((canvas: HTMLCanvasElement) => {
		const brand = getComputedStyle(canvas).getPropertyValue('--brand').trim();
		const [r, g, b] = [1, 3, 5].map((i) => parseInt(brand.slice(i, i + 2), 16));
		const { width, height } = canvas;
		const data = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
		const solid = (x: number, y: number) => {
			const k = (y * width + x) * 4;
			return data[k] === r && data[k + 1] === g && data[k + 2] === b && data[k + 3] === 255;
		};
		const scale = width / canvas.clientWidth;
		// A pixel whose neighbours two pixels away are all brand-coloured lies inside a filled mark, not on a dashed outline.
		for (let y = 2; y < height - 2; y++)
			for (let x = 2; x < width - 2; x++)
				if (solid(x, y) && solid(x - 2, y) && solid(x + 2, y) && solid(x, y - 2) && solid(x, y + 2)) return { x: x / scale, y: y / scale };
		return null;
	});

describe('timeline', () => {
	test('draws every dated meeting and lists the undated ones', async () => {
		await page.goto(url());
		await page.getByRole('heading', { name: '会议时间轴', level: 1 }).waitFor();
		expect(await drawn(page)).toBe(dated.length);
		const counts = page.locator('[data-total]');
		expect(Number(await counts.getAttribute('data-total'))).toBe(shipped.meetings.length);
		expect(Number(await counts.getAttribute('data-undated'))).toBe(shipped.meetings.length - dated.length);
		// Names are shown in Simplified characters.
		for (const m of shipped.meetings.filter((m) => !m.startDate).slice(0, 20)) await page.getByText(simplified(m.name)).first().waitFor();
		expect(await page.title()).toBe('会议时间轴 · 职教数据看板');
		const ready = await page.evaluate(() => (performance.getEntriesByName('view:ready')[0] as PerformanceMark | undefined)?.detail?.view);
		expect(ready).toBe('timeline');
		expect(await page.getByRole('application', { name: /会议时间轴/ }).count()).toBe(1);
	});

	test('draws exactly the meetings of the years in the URL', async () => {
		await page.goto(url('?from=2023&to=2023'));
		expect(await drawn(page, inYears(2023, 2023).length)).toBe(inYears(2023, 2023).length);
	});

	test('shows the name, dates, venue and sources (by title) of the mark under the pointer', async () => {
		const at = await solidMark(page);
		expect(at).not.toBeNull();
		const box = (await page.locator('[data-chart="timeline"] canvas').boundingBox())!;
		await page.mouse.move(box.x + at!.x, box.y + at!.y);
		const tip = page.getByRole('tooltip');
		await tip.waitFor();
		// Whichever 2023 meeting with exact days is under the pointer (the corpus decides which).
		const name = await tip.locator('.name').textContent();
		const shown = inYears(2023, 2023).find((m) => m.datePrecision === 'day' && simplified(m.name) === name)!;
		expect(shown).toBeDefined();
		expect(await tip.textContent()).toContain(formatDateRange(shown.startDate, shown.endDate));
		const link = tip.getByRole('link').first();
		expect(await link.getAttribute('href')).toMatch(new RegExp(`^/documents/${shown.docIds[0]}`));
		expect(await link.textContent()).toBe(titleOf(shipped.documents, shown.docIds[0]!));
		await page.mouse.move(box.x + 2, box.y + 2);
		await tip.waitFor({ state: 'detached' });
	});

	test('moves between meetings in time order with the arrow keys and opens the source with Enter', async () => {
		await page.goto(url());
		await drawn(page, dated.length);
		// The chart's own order (start, end, id), whatever the corpus.
		const ordered = layoutTimeline(dated).items.map((i) => i.meeting);
		await page.getByRole('application').focus();
		await page.keyboard.press('ArrowRight');
		expect(await page.getByRole('tooltip').locator('.name').textContent()).toBe(simplified(ordered[0]!.name));
		await page.keyboard.press('ArrowRight');
		expect(await page.getByRole('tooltip').locator('.name').textContent()).toBe(simplified(ordered[1]!.name));
		await page.keyboard.press('Enter');
		await page.waitForURL((u) => u.pathname === `/documents/${ordered[1]!.docIds[0]}`);
		await page.goBack();
		await drawn(page, dated.length);
	});

	test('brushing the axis sets whole years in the URL, and reload and back/forward keep them', async () => {
		await page.goto(url());
		const all = await drawn(page, dated.length);
		const overlay = (await page.locator('[data-chart="timeline"] .brush .overlay').boundingBox())!;
		const y = overlay.y + overlay.height / 2;
		await page.mouse.move(overlay.x + 4, y);
		await page.mouse.down();
		await page.mouse.move(overlay.x + overlay.width * 0.2, y, { steps: 8 });
		await page.mouse.up();
		await page.waitForURL((u) => u.searchParams.has('from'));
		const { from, to } = years(page);
		expect(from).toMatch(/^\d{4}$/);
		expect(Number(to)).toBeGreaterThanOrEqual(Number(from));
		const expected = inYears(Number(from), Number(to)).length;
		expect(expected).toBeLessThan(all);
		expect(await drawn(page, expected)).toBe(expected);

		await page.reload();
		expect(await drawn(page, expected)).toBe(expected);
		expect(years(page)).toEqual({ from, to });

		await page.goBack();
		expect(await drawn(page, all)).toBe(all);
		expect(years(page)).toEqual({ from: null, to: null });
		await page.goForward();
		expect(await drawn(page, expected)).toBe(expected);
		expect(years(page)).toEqual({ from, to });
	});

	test('zooms with the buttons and the keyboard without losing the meetings', async () => {
		await page.goto(url());
		await drawn(page, dated.length);
		const range = page.locator('[data-chart="timeline"] .range');
		const before = await range.textContent();
		await page.getByRole('button', { name: '放大' }).click();
		await expect.poll(() => range.textContent()).not.toBe(before);
		await page.getByRole('application').focus();
		await page.keyboard.press('0');
		await expect.poll(() => range.textContent()).toBe(before);
		expect(await drawn(page)).toBe(dated.length);
	});

	test('without IndexedDB (the engine in the page) draws the same meetings, and the tip names its meeting', async () => {
		const memory = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
		await memory.addInitScript(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
		const p = await memory.newPage();
		await p.goto(url('?from=2023&to=2023'));
		await p.locator('[data-notice="memory"]').waitFor();
		expect(await drawn(p, inYears(2023, 2023).length)).toBe(inYears(2023, 2023).length);
		const ordered = layoutTimeline(inYears(2023, 2023)).items.map((i) => i.meeting);
		await p.getByRole('application').focus();
		await p.keyboard.press('End');
		const tip = p.getByRole('tooltip');
		expect(await tip.locator('.name').textContent()).toBe(simplified(ordered.at(-1)!.name));
		expect(await tip.getByRole('link').first().textContent()).toBe(titleOf(shipped.documents, ordered.at(-1)!.docIds[0]!));
		await memory.close();
	});

	test('looks right (screenshot kept as a test artifact)', async () => {
		const fresh = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
		const p = await fresh.newPage();
		await p.goto(url());
		await drawn(p, dated.length);
		await p.screenshot({ path: 'test-results/timeline.png', fullPage: true });
		await p.getByRole('application').focus();
		await p.keyboard.press('ArrowRight');
		await p.getByRole('tooltip').waitFor();
		await p.screenshot({ path: 'test-results/timeline-tooltip.png', fullPage: true });
		expect(await p.getByRole('tooltip').isVisible()).toBe(true);
		await fresh.close();
	});
});
