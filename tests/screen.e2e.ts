// The big screen (/screen): crisp and scroll-free at 1366×768, 1920×1080 and 4K, legible from
// the back of a room, driven by a clicker or by itself, focused by the dashboard's filters and
// still presenting when the venue's network is gone.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Corpus } from '../src/lib/corpus/schema.ts';
import { analyseFigures, categoryTotals, headlines, matchFigures } from '../src/lib/query/achievements.ts';
import { filterFacts } from '../src/lib/query/facts.ts';
import { coverage } from '../src/lib/query/overview.ts';
import { replaySteps } from '../src/lib/screen/replay.ts';
import { replayStart } from '../src/lib/screen/tour.ts';
import { formatDate, formatFigure } from '../src/lib/views/format.ts';
import { NO_FILTERS } from '../src/lib/state/filters.ts';
import { launchBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const at = (path: string): string => new URL(path, baseURL).href;
const shipped: Corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8'));
/** Long enough that the tour never moves by itself during a test that drives it. */
const STILL = 'kiosk=1&interval=600';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function open(options: { width: number; height: number; deviceScaleFactor?: number }): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: options.width, height: options.height }, deviceScaleFactor: options.deviceScaleFactor ?? 1 });
	const page = await context.newPage();
	page.on('pageerror', (e) => {
		throw e;
	});
	return { context, page };
}

const screenPage = (p: Page) => p.locator('[data-screen-page]').getAttribute('data-screen-page');

/** Resolves once every chart of the page on show has drawn, and the count-ups have landed. */
async function settled(p: Page, page: string): Promise<void> {
	await p.locator(`[data-screen-page="${page}"]`).waitFor();
	await p.waitForFunction(() => {
		const charts = [...document.querySelectorAll('.stage [data-chart]')];
		return charts.length > 0 && charts.every((c) => c.getAttribute('data-state') === 'ready');
	});
	// Count-ups land on the first frame after their 1.2 s: wait that long, then for two frames
	// drawn after it (on a busy machine frames come late; a fixed wait alone would measure too soon).
	await p.waitForTimeout(1500);
	await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Overflow, the smallest visible text and the canvases' backing stores, measured in the page. */
const measure = (p: Page) =>
	p.evaluate(() => {
		const root = document.scrollingElement!;
		const small: { text: string; size: number }[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const text = n.textContent?.trim();
			const el = n.parentElement;
			if (!text || !el || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
			const range = document.createRange();
			range.selectNodeContents(n);
			const box = range.getBoundingClientRect();
			if (box.width === 0 || box.height === 0) continue;
			const size = parseFloat(getComputedStyle(el).fontSize);
			if (size < innerHeight / 60) small.push({ text: text.slice(0, 30), size });
		}
		const canvases = [...document.querySelectorAll('canvas')]
			.filter((c) => c.clientWidth > 0 && c.clientHeight > 0)
			.map((c) => ({
				width: c.width,
				height: c.height,
				expectedWidth: c.clientWidth * devicePixelRatio,
				expectedHeight: c.clientHeight * devicePixelRatio,
				transformed: getComputedStyle(c).transform !== 'none'
			}));
		return {
			overflowX: root.scrollWidth - root.clientWidth,
			overflowY: root.scrollHeight - root.clientHeight,
			small,
			minimum: innerHeight / 60,
			canvases
		};
	});

/** Waits until the /screen worker has installed, i.e. cached the whole build. */
async function workerActive(p: Page): Promise<void> {
	// Up to a minute: installing caches the whole build, slow on a busy machine.
	for (let i = 0; i < 600; i++) {
		// getRegistration answers with the site-wide registration until the /screen one exists.
		const active = await p.evaluate(async () => {
			const r = await navigator.serviceWorker.getRegistration('/screen');
			return r != null && new URL(r.scope).pathname === '/screen' && r.active?.state === 'activated';
		});
		if (active) return;
		await p.waitForTimeout(100);
	}
	throw new Error('the /screen service worker did not activate');
}

const SIZES = [
	{ name: '1080', width: 1920, height: 1080, deviceScaleFactor: 1 },
	{ name: '4k', width: 3840, height: 2160, deviceScaleFactor: 1 },
	{ name: '4k-dpr2', width: 1920, height: 1080, deviceScaleFactor: 2 },
	{ name: '768', width: 1366, height: 768, deviceScaleFactor: 1 }
];
const PAGES = ['overview', 'map', 'timeline', 'achievements', 'replay'];

describe('layout at wall sizes', () => {
	test.each(SIZES)('$name: no scrollbars, no text under 1/60 of the height, canvases at device pixels, on every page', async (size) => {
		const { context, page } = await open(size);
		await page.goto(at(`/screen?${STILL}`));
		for (const name of PAGES) {
			await settled(page, name);
			const m = await measure(page);
			expect(m.overflowX, `${name}: horizontal overflow`).toBeLessThanOrEqual(0);
			expect(m.overflowY, `${name}: vertical overflow`).toBeLessThanOrEqual(0);
			expect(m.small, `${name}: text smaller than ${m.minimum.toFixed(1)} px`).toEqual([]);
			expect(m.canvases.length, `${name}: canvases drawn`).toBeGreaterThan(0);
			for (const c of m.canvases) {
				expect(c.transformed).toBe(false);
				expect(Math.abs(c.width - c.expectedWidth), `${name}: canvas ${c.width} px for ${c.expectedWidth}`).toBeLessThanOrEqual(2);
				expect(Math.abs(c.height - c.expectedHeight), `${name}: canvas ${c.height} px for ${c.expectedHeight}`).toBeLessThanOrEqual(2);
			}
			if (name === 'overview' && size.name !== '4k-dpr2') await page.screenshot({ path: `test-results/screen-${size.name}.png` });
			if (name === 'replay' && size.name === '1080') await page.screenshot({ path: 'test-results/screen-1080-replay.png' });
			await page.keyboard.press('PageDown');
		}
		await context.close();
	});
});

describe('clicker and keyboard', () => {
	let context: BrowserContext;
	let page: Page;
	beforeAll(async () => {
		({ context, page } = await open({ width: 1920, height: 1080 }));
	});
	afterAll(async () => {
		await context.close();
	});

	test('PageDown, → and Space go forward; PageUp and ← go back', async () => {
		await page.goto(at(`/screen?${STILL}`));
		await settled(page, 'overview');
		const seen: (string | null)[] = [];
		for (const key of ['PageDown', 'ArrowRight', 'Space', 'PageUp', 'ArrowLeft', 'ArrowLeft']) {
			await page.keyboard.press(key);
			seen.push(await screenPage(page));
		}
		expect(seen).toEqual(['map', 'timeline', 'achievements', 'timeline', 'map', 'overview']);
		expect(await page.locator('footer [aria-current="step"]').textContent()).toBe('总览');
	});

	test('B and . blank the screen and bring it back', async () => {
		const root = page.locator('[data-screen-page]');
		await page.keyboard.press('b');
		expect(await root.getAttribute('data-blank')).toBe('true');
		expect(await page.locator('.blank').isVisible()).toBe(true);
		await page.keyboard.press('b');
		expect(await root.getAttribute('data-blank')).toBe('false');
		await page.keyboard.press('.');
		expect(await root.getAttribute('data-blank')).toBe('true');
		await page.keyboard.press('.');
		expect(await page.locator('.blank').count()).toBe(0);
	});

	test('P pauses the tour and says so, P again resumes it', async () => {
		const root = page.locator('[data-screen-page]');
		expect(await root.getAttribute('data-screen-state')).toBe('running');
		await page.keyboard.press('p');
		expect(await root.getAttribute('data-screen-state')).toBe('paused');
		expect(await page.getByRole('status').filter({ hasText: '已暂停' }).isVisible()).toBe(true);
		await page.keyboard.press('p');
		expect(await root.getAttribute('data-screen-state')).toBe('running');
	});

	test('a paused tour stays on its page', async () => {
		await page.goto(at('/screen?kiosk=1&interval=1'));
		await page.locator('[data-screen-page="map"]').waitFor();
		await page.keyboard.press('P');
		const paused = await screenPage(page);
		// Three ticks of the page's own one-second clock: a running tour (interval 1 s) would have
		// moved on by then, however slowly the machine runs the page's timers.
		const clock = page.locator('[data-clock]');
		const ticks = new Set([await clock.textContent()]);
		await expect.poll(async () => ticks.add(await clock.textContent()).size, { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(4);
		expect(await screenPage(page)).toBe(paused);
	});

	test('the cycling tooltip shows on the map with no mouse', async () => {
		await page.goto(at(`/screen?${STILL}`));
		await settled(page, 'overview');
		await page.keyboard.press('PageDown');
		await settled(page, 'map');
		const tip = page.locator('[data-chart="map"] div').filter({ hasText: /会议: \d+ · 提及: \d+/ }).last();
		await tip.waitFor();
		expect(await tip.isVisible()).toBe(true);
	});

	test('without kiosk=1 it waits on a start overlay; the first clicker press starts the show on its first page', async () => {
		await page.goto(at('/screen?interval=600'));
		await page.getByRole('button', { name: '开始放映' }).waitFor();
		const root = page.locator('[data-screen-page]');
		expect(await root.getAttribute('data-screen-state')).toBe('idle');
		expect(await page.getByRole('button', { name: '开始放映' }).isVisible()).toBe(true);
		await page.keyboard.press('PageDown');
		expect(await root.getAttribute('data-screen-state')).toBe('running');
		expect(await screenPage(page)).toBe('overview');
		expect(await page.getByRole('button', { name: '开始放映' }).count()).toBe(0);
		expect(await page.getByRole('button', { name: '全屏' }).isVisible()).toBe(true);
	});

	test('Esc goes back to the dashboard route it came from, keeping the filters', async () => {
		await page.goto(at('/map?region=370000&from=2023'));
		await page.getByRole('link', { name: '大屏' }).click();
		await page.waitForURL(/\/screen\?/);
		expect(new URL(page.url()).searchParams.get('region')).toBe('370000');
		expect(new URL(page.url()).searchParams.get('from')).toBe('2023');
		expect(await page.locator('header.bar').count()).toBe(0);
		await page.keyboard.press('PageDown');
		await page.keyboard.press('Escape');
		await page.waitForURL(/\/map\?/);
		expect(new URL(page.url()).pathname).toBe('/map');
		expect(new URL(page.url()).search).toBe('?from=2023&region=370000');
	});
});

describe('the tour', () => {
	test('the kiosk URL opens straight into the running tour and moves on by itself', async () => {
		const { context, page } = await open({ width: 1366, height: 768 });
		await page.goto(at('/screen?kiosk=1&interval=1'));
		const root = page.locator('[data-screen-page]');
		expect(await root.getAttribute('data-screen-state')).toBe('running');
		expect(await page.getByRole('button', { name: '开始放映' }).count()).toBe(0);
		// Moving on with no key pressed is the point; how soon depends on the machine (default 30 s).
		await page.locator('[data-screen-page="map"]').waitFor();
		await page.locator('[data-screen-page="timeline"]').waitFor();
		expect(await page.locator('[data-clock]').textContent()).toMatch(/^\d{2}:\d{2}:\d{2}$/);
		await context.close();
	});

	test('the replay plays the meetings in time order and cites each source', async () => {
		const { context, page } = await open({ width: 1920, height: 1080 });
		await page.goto(at(`/screen?${STILL}`));
		await settled(page, 'overview');
		for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
		await settled(page, 'replay');
		// Robust to the shipped corpus: the steps are those the replay's own logic makes of it.
		const all = filterFacts(shipped, NO_FILTERS);
		const steps = replaySteps(all.meetings, all.docById);
		const caption = page.locator('.caption');
		// The latest 30 are told; the earlier ones start lit and counted.
		const first = steps[replayStart(steps.length)]!;
		expect(await caption.textContent()).toContain(formatDate(first.meeting.startDate!));
		if (first.source) expect(await caption.textContent()).toContain('来源：《');
		expect(await page.locator('[data-replay-steps]').getAttribute('data-replay-steps')).toBe(String(steps.length));
		await context.close();
	});

	test('one clicker press steps one meeting in the replay; unknown attendance reads 参会人数不详, never 0人; 近 totals stay 近', async () => {
		const { context, page } = await open({ width: 1920, height: 1080 });
		await page.goto(at(`/screen?${STILL}`));
		await settled(page, 'overview');
		await page.keyboard.press('p'); // paused: the replay moves only when pressed
		for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
		await page.locator('[data-screen-page="replay"]').waitFor();
		const all = filterFacts(shipped, NO_FILTERS);
		const steps = replaySteps(all.meetings, all.docById);
		const replay = page.locator('[data-replay-step]');
		const attendees = page.locator('[data-attendees]');
		// Up to 12 presses, or the whole replay: each press one meeting, the page stays the replay.
		const start = replayStart(steps.length);
		for (let i = start; i < Math.min(start + 12, steps.length); i++) {
			expect(await replay.getAttribute('data-replay-step')).toBe(String(i));
			expect(await screenPage(page)).toBe('replay');
			const { attendees: total, attendeesQualifier } = steps[i]!.totals;
			if (total == null) await expect.poll(() => attendees.textContent()).toContain('参会人数不详');
			else await expect.poll(() => attendees.textContent(), { timeout: 30_000 }).toContain(formatFigure(total, '人', attendeesQualifier, 'zh-CN'));
			const text = (await attendees.textContent()) ?? '';
			expect(text).not.toMatch(/^\s*0人/);
			if (attendeesQualifier === 'nearly') expect(text).not.toContain('余');
			const caption = (await page.locator('.caption').textContent()) ?? '';
			if (steps[i]!.meeting.attendees == null) expect(caption).toContain('参会人数不详');
			await page.keyboard.press('PageDown');
		}
		// Back steps back one meeting too.
		const here = Number(await replay.getAttribute('data-replay-step'));
		await page.keyboard.press('PageUp');
		expect(await replay.getAttribute('data-replay-step')).toBe(String(here - 1));
		await context.close();
	});

	test('stamps the corpus version: the latest publication date, the document count and the hash prefix', async () => {
		const { context, page } = await open({ width: 1920, height: 1080 });
		await page.goto(at(`/screen?${STILL}`));
		await settled(page, 'overview');
		const latest = shipped.documents.map((d) => d.publishedAt ?? '').sort().at(-1)!;
		const [y, m, d] = latest.split('-').map(Number);
		expect(await page.locator('[data-stamp]').textContent()).toContain(`数据截至 ${y}年${m}月${d}日 · ${shipped.documents.length} 篇文档 · 版本 ${shipped.hash.slice(0, 8)}`);
		await context.close();
	});
});

describe('focus from the dashboard', () => {
	test("?region=500000 shows only 重庆's figures", async () => {
		const { context, page } = await open({ width: 1920, height: 1080 });
		await page.goto(at(`/screen?region=500000&${STILL}`));
		await settled(page, 'overview');
		const filtered = filterFacts(shipped, { ...NO_FILTERS, region: '500000' });
		const everything = coverage(filterFacts(shipped, NO_FILTERS));
		const expected = coverage(filtered);
		const shown = Object.fromEntries(
			await page.locator('.kpi[data-kpi]').evaluateAll((els) => els.map((el) => [el.getAttribute('data-kpi'), Number(el.querySelector('[data-value]')!.getAttribute('data-value'))]))
		);
		expect(shown).toEqual({ documents: expected.documents, meetings: expected.meetings, provinces: expected.provinces, cities: expected.cities, metrics: expected.metrics });
		expect(expected.metrics).toBeLessThan(everything.metrics);
		const categories = await page.locator('.headlines li[data-kpi]').evaluateAll((els) => els.map((el) => el.getAttribute('data-kpi')));
		const docs = new Map(shipped.documents.map((d) => [d.id, d]));
		const picked = matchFigures(analyseFigures(shipped.metrics, docs), { ...NO_FILTERS, region: '500000' }, docs);
		// The overview's indicator headlines; category totals only when no indicator can be quoted.
		const quoted = headlines(picked.figures, 6).map((h) => `indicator:${h.indicator}`);
		const own = quoted.length ? quoted : categoryTotals(picked.figures).filter((h) => h.category !== 'other').map((h) => `category:${h.category}`);
		expect(categories).toEqual(own.slice(0, categories.length));
		expect(await page.locator('[data-filters]').textContent()).toContain('重庆市');
		await context.close();
	});
});

describe('offline', () => {
	test('after one visit, /screen reloads and presents with the network gone', async () => {
		const { context, page } = await open({ width: 1920, height: 1080 });
		await page.goto(at(`/screen?${STILL}`));
		await settled(page, 'overview');
		// Offline only once the worker has installed, i.e. cached the whole build.
		await workerActive(page);
		await context.setOffline(true);
		await page.reload();
		await settled(page, 'overview');
		expect(await page.evaluate(() => new URL(navigator.serviceWorker.controller!.scriptURL).pathname)).toBe('/service-worker.js');
		expect(await page.evaluate(async () => new URL((await navigator.serviceWorker.getRegistration())!.scope).pathname)).toBe('/screen');
		expect(Number(await page.locator('.kpi[data-kpi="documents"] [data-value]').getAttribute('data-value'))).toBe(shipped.documents.length);
		await page.keyboard.press('PageDown');
		await settled(page, 'map');
		await page.screenshot({ path: 'test-results/screen-offline.png' });
		await context.close();
	});

	test('the corpus request is never answered by the worker, so it stays visible to the network layer (and a newer corpus is always seen)', async () => {
		const { context, page } = await open({ width: 1280, height: 900 });
		await page.goto(at(`/screen?${STILL}`));
		await workerActive(page);
		let routed = 0;
		await page.route(/\/corpus[^/]*\.json$/, (route) => {
			routed++;
			return route.continue();
		});
		await page.goto(baseURL);
		await page.locator('[data-chart="totals"][data-state="ready"]').waitFor();
		expect(routed).toBeGreaterThan(0);
		await context.close();
	});
});
