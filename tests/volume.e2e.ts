// Every view at real volume (issue 13): the map keeps China's proportions in any box and never
// overlaps its labels, the timeline keeps year ticks and readable lanes, the year and region
// pickers show what the URL asks for, names are shown and searched in Simplified, sources are
// named by title. Assertions are properties of whatever corpus ships, so they hold for the
// 5-document seed and the ~400-document national corpus alike.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Corpus } from '../src/lib/corpus/schema.ts';
import { division } from '../src/lib/geo/gazetteer.ts';
import { simplified, titleOf } from '../src/lib/query/names.ts';
import { corpusScope } from '../src/lib/screen/stamp.ts';
import { launchBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const at = (path: string): string => new URL(path, baseURL).href;
const shipped: Corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8'));

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function open(width: number, height: number, path: string): Promise<Page> {
	const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height } });
	await context.addInitScript(() => Object.assign(window, { __charts__: {} }));
	const page = await context.newPage();
	page.on('pageerror', (e) => {
		throw e;
	});
	await page.goto(at(path));
	return page;
}

/** Waits for a chart handed to tests (window.__charts__) to be drawn. */
const chartReady = (p: Page, name: string) =>
	p.waitForFunction((n) => (window as unknown as { __charts__: Record<string, unknown> }).__charts__[n] && document.querySelector(`[data-chart="${n}"][data-state="ready"]`), name);

/**
 * Pixels per degree of longitude over pixels per degree of latitude, from convertToPixel of two
 * longitudes and two latitudes: a constant (ECharts' 0.75 for China) when the map is not stretched.
 */
const proportion = (p: Page, name: string) =>
	p.evaluate((n) => {
		const chart = (window as unknown as { __charts__: Record<string, { convertToPixel(f: object, v: number[]): number[] }> }).__charts__[n]!;
		const px = (v: number[]) => chart.convertToPixel({ geoIndex: 0 }, v);
		const [a, b, c] = [px([100, 30]), px([120, 30]), px([100, 40])];
		return (b[0]! - a[0]!) / 20 / ((a[1]! - c[1]!) / 10);
	}, name);

/** Labels the chart shows (not hidden by overlap), as boxes, and the pairs of them that overlap. */
const labelOverlaps = (p: Page, name: string) =>
	p.evaluate((n) => {
		type El = {
			ignore?: boolean;
			invisible?: boolean;
			style?: { text?: string };
			getTextContent?(): El | undefined;
			childrenRef?(): El[];
			getBoundingRect(): { clone(): { applyTransform(m: unknown): void; x: number; y: number; width: number; height: number } };
			getComputedTransform(): unknown;
		};
		const chart = (window as unknown as { __charts__: Record<string, { getZr(): { storage: { getRoots(): El[]; getDisplayList(update: boolean): unknown } } }> }).__charts__[n]!;
		const texts: El[] = [];
		const visit = (el: El, hidden: boolean) => {
			const off = hidden || !!el.ignore || !!el.invisible;
			const t = el.getTextContent?.();
			if (t && !off && !t.ignore && !t.invisible && t.style?.text) texts.push(t);
			for (const c of el.childrenRef?.() ?? []) visit(c, off);
		};
		chart.getZr().storage.getDisplayList(true);
		for (const r of chart.getZr().storage.getRoots()) visit(r, false);
		const boxes = texts.map((t) => {
			const r = t.getBoundingRect().clone();
			const m = t.getComputedTransform();
			if (m) r.applyTransform(m);
			return { text: t.style!.text!, x: r.x, y: r.y, w: r.width, h: r.height };
		});
		const overlaps: string[] = [];
		for (let i = 0; i < boxes.length; i++)
			for (let j = i + 1; j < boxes.length; j++) {
				const [a, b] = [boxes[i]!, boxes[j]!];
				if (a.x + a.w - 1 > b.x && b.x + b.w - 1 > a.x && a.y + a.h - 1 > b.y && b.y + b.h - 1 > a.y) overlaps.push(`${a.text} / ${b.text}`);
			}
		return { labels: boxes.length, overlaps };
	}, name);

describe('map at real volume', () => {
	test.each([
		[1440, 900],
		[1024, 768],
		[390, 844]
	])('keeps China’s proportions and never overlaps labels at %i×%i', async (width, height) => {
		const page = await open(width, height, '/map');
		await chartReady(page, 'map');
		expect(await proportion(page, 'map')).toBeCloseTo(0.75, 2);
		const { labels, overlaps } = await labelOverlaps(page, 'map');
		expect(labels).toBeGreaterThan(5);
		expect(overlaps).toEqual([]);
		await page.screenshot({ path: `test-results/volume-map-${width}x${height}.png` });
		await page.context().close();
	});

	test.each([
		[1920, 1080],
		[1080, 1920],
		[3840, 1080]
	])('the wall’s map keeps China’s proportions at %i×%i', async (width, height) => {
		// The show of the map alone, paused at once: no cycling tooltip or highlight while measuring.
		const page = await open(width, height, '/screen?kiosk=1&interval=600&pages=map');
		await page.locator('[data-screen-page="map"]').waitFor();
		await page.keyboard.press('p');
		await chartReady(page, 'map');
		expect(await proportion(page, 'map')).toBeCloseTo(0.75, 2);
		await page.screenshot({ path: `test-results/volume-screen-map-${width}x${height}.png` });
		await page.context().close();
	});
});

describe('timeline at real volume', () => {
	const years = shipped.meetings.flatMap((m) => (m.startDate ? [Number(m.startDate.slice(0, 4))] : []));

	test('ticks every year across the whole span, labels at least 40 px apart, lanes never thinner than a line of text', async () => {
		const page = await open(1440, 900, '/timeline');
		const chart = page.locator('[data-chart="timeline"][data-state="ready"]');
		await chart.waitFor();
		const ticks = await page.locator('[data-chart="timeline"] .axis .tick').evaluateAll((ts) =>
			ts.map((t) => ({ label: t.querySelector('text')?.textContent ?? '', x: t.getBoundingClientRect().x }))
		);
		const span = Math.max(...years) - Math.min(...years);
		// One tick per year of the meetings' span (the axis is padded, so a few more).
		expect(ticks.length).toBeGreaterThanOrEqual(span);
		const labelled = ticks.filter((t) => t.label);
		expect(labelled.length).toBeGreaterThanOrEqual(Math.min(3, span + 1));
		for (let i = 1; i < labelled.length; i++) expect(labelled[i]!.x - labelled[i - 1]!.x).toBeGreaterThanOrEqual(40);
		const lanes = Number(await chart.getAttribute('data-lanes'));
		// The plot is 320 px: at most 19 lanes of 16 px; the rest goes to the "+N more" row.
		expect(lanes).toBeLessThanOrEqual(19);
		const overflow = Number(await chart.getAttribute('data-overflow'));
		expect(overflow).toBeGreaterThanOrEqual(0);
		await page.screenshot({ path: 'test-results/volume-timeline.png', fullPage: true });
		await page.context().close();
	});

	test('the wall timeline keeps its lanes a line of text tall', async () => {
		const page = await open(1920, 1080, '/screen?kiosk=1&interval=600');
		await page.locator('[data-screen-page="overview"]').waitFor();
		await page.keyboard.press('p');
		const small = page.locator('[data-chart="screen-timeline"][data-state="ready"]');
		await small.waitFor();
		const box = (await small.boundingBox())!;
		const lanes = Number(await small.getAttribute('data-lanes'));
		// 26 px text at 1080p, lanes at least 1.3 of it: the overview's small panel holds only a few.
		expect(lanes * 26 * 1.3).toBeLessThanOrEqual(box.height);
		await page.context().close();
	});
});

describe('filters', () => {
	test('year pickers show the years the URL asks for, even where no fact falls', async () => {
		const page = await open(1280, 900, '/timeline?from=1901&to=1903');
		await page.locator('[data-chart="timeline"]').waitFor();
		await expect.poll(() => page.locator('select[name="from"]').inputValue()).toBe('1901');
		expect(await page.locator('select[name="to"]').inputValue()).toBe('1903');
		await page.context().close();
	});

	test('the region picker offers every province with a meeting, grouped with its cities, in administrative order', async () => {
		const page = await open(1280, 900, '/');
		await page.locator('[data-chart="totals"][data-state="ready"]').waitFor();
		const select = page.locator('select[name="region"]');
		await expect.poll(() => select.locator('option').count(), { timeout: 30_000 }).toBeGreaterThan(1);
		const offered = await select.evaluate((s) =>
			[...s.children].map((c) => (c.tagName === 'OPTGROUP' ? [...c.children].map((o) => (o as HTMLOptionElement).value) : [(c as HTMLOptionElement).value]))
		);
		const codes = offered.flat().filter(Boolean);
		// Administrative order: provinces by code, each group's province first, then its places by code.
		const provinces = offered.filter((g) => g[0]).map((g) => g[0]!);
		expect(provinces).toEqual([...provinces].sort());
		for (const group of offered) expect(group.slice(1)).toEqual([...group.slice(1)].sort());
		for (const group of offered) for (const code of group.slice(1)) expect(code.slice(0, 2)).toBe(group[0]!.slice(0, 2));
		for (const m of shipped.meetings) {
			const venue = m.provinceCode;
			if (venue && division(venue)) expect(codes).toContain(venue);
			if (m.cityCode && division(m.cityCode)?.level === 'city') expect(codes).toContain(m.cityCode);
		}
		await page.context().close();
	});
});

describe('names and sources', () => {
	const traditional = shipped.meetings.find((m) => simplified(m.name) !== m.name);

	test.skipIf(!traditional)('a Simplified search finds a meeting written in Traditional, on the map and in the explorer', async () => {
		const m = traditional!;
		const query = simplified(m.name).slice(0, 10);
		const page = await open(1280, 900, '/map');
		await page.locator('[data-chart="map"][data-state="ready"]').waitFor();
		const search = page.getByRole('searchbox', { name: '按名称查找会议' });
		if (await search.count()) await search.fill(query);
		await page.getByRole('button', { name: simplified(m.name) }).first().waitFor();
		expect(await page.getByText(m.name, { exact: true }).count()).toBe(0);

		await page.goto(at('/explore'));
		const box = page.getByRole('searchbox').first();
		await box.fill(query);
		await expect.poll(() => page.getByText(simplified(m.name)).count()).toBeGreaterThan(0);
		await page.context().close();
	});

	test('the overview says what the data is and how current', async () => {
		const page = await open(1440, 900, '/');
		const scope = corpusScope(shipped.documents);
		const line = page.locator('.scope');
		await line.waitFor();
		const text = (await line.textContent()) ?? '';
		expect(text).toContain(`${scope.documents} 篇文档`);
		expect(text).toContain(`来自 ${scope.provinces} 个省份`);
		if (scope.years) expect(text).toContain(scope.years[0] === scope.years[1] ? `${scope.years[0]}` : `${scope.years[0]}–${scope.years[1]}`);
		if (scope.asOf) expect(text).toContain('数据截至');
		await page.context().close();
	});

	const linked = shipped.documents.find((d) => d.sourceUrl?.startsWith('http'));
	test.skipIf(!linked)('the document page links to the original page and is titled in Simplified', async () => {
		const d = linked!;
		const page = await open(1280, 900, `/documents/${encodeURIComponent(d.id)}`);
		const link = page.locator('a.original');
		await link.waitFor();
		expect(await link.getAttribute('href')).toBe(new URL(d.sourceUrl!).href);
		expect(await link.getAttribute('rel')).toContain('noopener');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(d.title ? simplified(d.title) : d.fileName);
		await page.context().close();
	});

	test('the timeline’s undated list names sources by title', async () => {
		const undated = shipped.meetings.find((m) => !m.startDate);
		const page = await open(1280, 900, '/timeline');
		await page.locator('[data-chart="timeline"][data-state="ready"], [data-chart="timeline"][data-state="empty"]').first().waitFor();
		if (undated) {
			const link = page.locator('.undated a').first();
			expect(await link.textContent()).toBe(titleOf(shipped.documents, shipped.meetings.filter((m) => !m.startDate)[0]!.docIds[0]!));
		} else expect(await page.locator('.undated').count()).toBe(0);
		await page.context().close();
	});
});
