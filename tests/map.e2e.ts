import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Corpus } from '../src/lib/corpus/schema.ts';
import { simplified } from '../src/lib/query/names.ts';
import { STAGED_POINTS } from '../src/lib/charts/mapOption.ts';
import { syntheticCorpus } from '../scripts/synthetic-corpus.ts';
import { launchBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const at = (path: string): string => new URL(path, baseURL).href;
const shipped: Corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8'));

/** Cities and counties the corpus names, hosts meetings in or sends participants from: the map's points. */
function expectedPlaces(province?: string): number {
	const codes = new Set<string>();
	for (const p of shipped.places) codes.add(p.adcode);
	for (const m of shipped.meetings) for (const c of [m.countyCode ?? m.cityCode ?? m.provinceCode, ...m.participantCodes]) if (c) codes.add(c);
	return [...codes].filter((c) => !c.endsWith('0000') && (!province || c.startsWith(province.slice(0, 2)))).length;
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
const outside: string[] = [];

beforeAll(async () => {
	browser = await launchBrowser();
	context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
	// The view hands its chart instance to tests that ask for it (for convertToPixel).
	await context.addInitScript(() => Object.assign(window, { __charts__: {} }));
	page = await context.newPage();
	page.on('request', (r) => {
		const url = r.url();
		if (!url.startsWith(baseURL) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
	});
});
afterAll(async () => {
	await browser?.close();
});

const map = (p: Page) => p.locator('[data-chart="map"]');

async function ready(p: Page, scope: string): Promise<number> {
	await p.locator(`[data-scope="${scope}"]`).waitFor();
	await p.locator('[data-chart="map"][data-state="ready"]').waitFor();
	return Number(await map(p).getAttribute('data-items'));
}

/**
 * A spot inside 山东省 where a click lands on the province itself: at least 14 px from every point
 * and clear of every label shown, searched on a grid (where the points are depends on the corpus).
 */
async function openGround(p: Page): Promise<[number, number]> {
	const spot = await p.evaluate(() => {
		type Rect = { x: number; y: number; width: number; height: number };
		type El = { ignore?: boolean; style?: { text?: string }; getTextContent?(): El | undefined; childrenRef?(): El[]; getBoundingRect(): Rect & { clone(): Rect & { applyTransform(m: unknown): void } }; getComputedTransform(): unknown };
		const chart = (window as unknown as {
			__charts__: { map: {
				getOption(): { series: { data: number[][] }[] };
				convertToPixel(f: object, v: number[]): number[];
				getModel(): { getComponent(t: string): { coordinateSystem: { getRegionByCoord(c: number[]): { name: string } | null } } };
				getZr(): { storage: { getRoots(): El[] } };
			} };
		}).__charts__.map;
		const points = chart.getOption().series[1]!.data.map((d) => chart.convertToPixel({ geoIndex: 0 }, d.slice(0, 2)));
		const labels: Rect[] = [];
		const visit = (el: El, hidden: boolean) => {
			const off = hidden || !!el.ignore;
			const t = el.getTextContent?.();
			if (t && !off && !t.ignore && t.style?.text) {
				const r = t.getBoundingRect().clone();
				const m = t.getComputedTransform();
				if (m) r.applyTransform(m);
				labels.push(r);
			}
			for (const c of el.childrenRef?.() ?? []) visit(c, off);
		};
		for (const r of chart.getZr().storage.getRoots()) visit(r, false);
		const geo = chart.getModel().getComponent('geo').coordinateSystem;
		for (let lat = 37.6; lat >= 34.8; lat -= 0.2)
			for (let lng = 115.8; lng <= 122.2; lng += 0.2) {
				if (geo.getRegionByCoord([lng, lat])?.name !== '山东省') continue;
				const [x, y] = chart.convertToPixel({ geoIndex: 0 }, [lng, lat]);
				if (points.some(([px, py]) => Math.hypot(px! - x!, py! - y!) < 14)) continue;
				if (labels.some((r) => x! > r.x - 4 && x! < r.x + r.width + 4 && y! > r.y - 4 && y! < r.y + r.height + 4)) continue;
				return [lng, lat] as [number, number];
			}
		return null;
	});
	if (!spot) throw new Error('no spot of 山东省 free of points and labels');
	return spot;
}

/** Clicks the map at a longitude and latitude, like a user would. */
async function clickAt(p: Page, lngLat: [number, number]): Promise<void> {
	const [x, y] = await p.evaluate(
		(at) =>
			(window as unknown as { __charts__: { map: { convertToPixel(f: object, v: number[]): number[] } } }).__charts__.map.convertToPixel(
				{ geoIndex: 0 },
				at
			),
		lngLat
	);
	const box = (await map(p).locator('canvas').first().boundingBox())!;
	await p.mouse.click(box.x + x!, box.y + y!);
}

/**
 * Drilled into a province: some points, no more than the corpus places there, every one inside it.
 * (Which of the corpus's places fall on the province map depends on the filters; robust to any corpus.)
 */
async function expectInside(p: Page, province: string): Promise<void> {
	const items = await ready(p, province);
	expect(items).toBeGreaterThan(0);
	expect(items).toBeLessThanOrEqual(expectedPlaces(province));
	const codes = await p.evaluate(() =>
		// a point is a row: longitude, latitude, weight, size, code, name (POINT_ROW)
		(window as unknown as { __charts__: { map: { getOption(): { series: { data: string[][] }[] } } } }).__charts__.map.getOption().series[1]!.data.map((d) => d[4]!)
	);
	expect(codes.every((c) => c.startsWith(province.slice(0, 2)))).toBe(true);
}

/** How many areas (with a division code: ECharts adds 南海诸岛 without one), points and lines the chart draws. */
const drawn = (p: Page) =>
	p.evaluate(() => {
		const chart = (window as unknown as { __charts__: { map: { getOption(): { series: { data: { code?: string }[] }[] } } } }).__charts__.map;
		const [areas, points, lines] = chart.getOption().series;
		return [areas!.data.filter((d) => d.code).length, points!.data.length, lines!.data.length];
	});

describe('map', () => {
	test('draws the provinces, and every city and county of the corpus as a point', async () => {
		await page.goto(at('/map'));
		await page.getByRole('heading', { name: '地图', exact: true }).waitFor();
		const items = await ready(page, 'china');
		expect(items).toBeGreaterThan(0);
		expect(items).toBe(expectedPlaces());
		const [areas, points] = await drawn(page);
		expect(areas).toBe(34);
		expect(points).toBe(items);
		expect(await page.evaluate(() => (performance.getEntriesByName('view:ready')[0] as PerformanceMark | undefined)?.detail?.view)).toBe('map');
		expect(await page.title()).toBe('地图 · 职教数据看板');
	});

	test('draws a selected meeting’s lines from its participants to its venue and lists them', async () => {
		const m = shipped.meetings.find((x) => x.participantCodes.length > 1)!;
		// A long list is searched (it shows the first 50); names are shown in Simplified.
		const search = page.getByRole('searchbox', { name: '按名称查找会议' });
		if (await search.count()) await search.fill(simplified(m.name));
		await page.getByRole('button', { name: simplified(m.name) }).first().click();
		await page.locator('[data-chart="map"][data-state="ready"]').waitFor();
		const venue = m.countyCode ?? m.cityCode ?? m.provinceCode;
		expect((await drawn(page))[2]).toBe(m.participantCodes.filter((c) => c !== venue).length);
		const participants = page.locator('[data-participants]');
		expect(Number(await participants.getAttribute('data-participants'))).toBe(m.participantCodes.length);
		expect(await participants.getByText('会场').count()).toBe(1);
	});

	test('looks right: Taiwan, Hainan and the 南海诸岛 inset drawn (screenshot kept as an artifact)', async () => {
		await page.screenshot({ path: 'test-results/map.png', fullPage: true });
		const regions = await page.evaluate(() => {
			const chart = (window as unknown as { __charts__: { map: { getModel(): unknown } } }).__charts__.map;
			const geo = (chart.getModel() as { getComponent(t: string): { coordinateSystem: { regions: { name: string }[] } } }).getComponent('geo');
			return geo.coordinateSystem.regions.map((r) => r.name);
		});
		expect(regions).toEqual(expect.arrayContaining(['台湾省', '海南省', '南海诸岛', '香港特别行政区', '澳门特别行政区']));
	});

	test('clicking a province drills into it and filters every view by it; back returns to China', async () => {
		await page.getByRole('button', { name: '全部会议' }).click();
		await clickAt(page, await openGround(page)); // inside 山东省, away from any point
		await page.waitForURL(/[?&]region=370000\b/);
		await expectInside(page, '370000');
		expect((await drawn(page))[0]).toBe(16);
		await page.getByRole('button', { name: /返回全国/ }).click();
		await page.waitForURL((url) => !url.searchParams.has('region'));
		expect(await ready(page, 'china')).toBe(expectedPlaces());
	});

	test('opens drilled into 山东省 from a shared link (screenshot kept as an artifact)', async () => {
		await page.goto(at('/map?region=370000'));
		await expectInside(page, '370000');
		await page.screenshot({ path: 'test-results/map-shandong.png', fullPage: true });
	});

	test('opens drilled into the province of a city in the URL, with that city selected', async () => {
		await page.goto(at('/map?region=371600'));
		await expectInside(page, '370000');
	});

	test('without IndexedDB (the engine in the page) draws the same map, and a meeting’s lines', async () => {
		const memory = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
		await memory.addInitScript(() => Object.assign(window, { __charts__: {} }));
		await memory.addInitScript(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
		const p = await memory.newPage();
		await p.goto(at('/map'));
		await p.locator('[data-notice="memory"]').waitFor();
		expect(await ready(p, 'china')).toBe(expectedPlaces());
		expect((await drawn(p)).slice(0, 2)).toEqual([34, expectedPlaces()]);
		const m = shipped.meetings.find((x) => x.participantCodes.length > 1)!;
		const search = p.getByRole('searchbox', { name: '按名称查找会议' });
		if (await search.count()) await search.fill(simplified(m.name));
		await p.getByRole('button', { name: simplified(m.name) }).first().click();
		const venue = m.countyCode ?? m.cityCode ?? m.provinceCode;
		await expect.poll(async () => (await drawn(p))[2]).toBe(m.participantCodes.filter((c) => c !== venue).length);
		await memory.close();
	});

	test('a map of over a thousand points is drawn in parts, and is ready only once every point is drawn', async () => {
		// ~1,000 documents name over a thousand counties: the map is set in parts (mapStages) and ECharts
		// draws the points 400 a frame; data-state says ready on ECharts' 'finished', not on the first frame.
		const large = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
		await large.addInitScript(() => Object.assign(window, { __charts__: {} }));
		const corpus = JSON.stringify(syntheticCorpus({ docs: 1000, seed: 7 }));
		await large.route(/\/corpus[^/]*\.json$/, (r) => r.fulfill({ contentType: 'application/json', body: corpus }));
		const p = await large.newPage();
		await p.goto(at('map'));
		const items = await ready(p, 'china');
		expect(items).toBeGreaterThanOrEqual(STAGED_POINTS);
		const drawn = await p.evaluate(() => {
			type Group = { traverse(f: (el: { type?: string }) => void): void };
			const chart = (window as unknown as {
				__charts__: { map: { getModel(): { getSeriesByIndex(i: number): object }; getViewOfSeriesModel(s: object): { group: Group } } };
			}).__charts__.map;
			let symbols = 0;
			chart.getViewOfSeriesModel(chart.getModel().getSeriesByIndex(1)).group.traverse((el) => void (el.type === 'path' || symbols++));
			return symbols;
		});
		// every point's mark is in the chart when it says ready (a symbol is a group holding its path)
		expect(drawn).toBeGreaterThanOrEqual(items);
		await large.close();
	});

	test('asks nothing of any other origin: the geometry ships with the app', () => {
		expect(outside).toEqual([]);
	});
});
