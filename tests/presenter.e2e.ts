// Presenting (issue 16): the presenter view at /screen/presenter beside the wall, in two pages of
// one browser context (the BroadcastChannel between them), the show chosen by URL, the wall's
// controls for a presenter, and the wall's new pages at 16:9, 32:9 and portrait.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Corpus } from '../src/lib/corpus/schema.ts';
import { filterFacts } from '../src/lib/query/facts.ts';
import { replaySteps } from '../src/lib/screen/replay.ts';
import { NO_FILTERS } from '../src/lib/state/filters.ts';
import { launchBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const at = (path: string): string => new URL(path, baseURL).href;
const shipped: Corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8'));
/** Long enough that the tour never moves by itself during a test that drives it. */
const STILL = 'interval=600';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function context(viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
	return browser.newContext({ locale: 'zh-CN', viewport });
}

async function open(c: BrowserContext, path: string): Promise<Page> {
	const page = await c.newPage();
	page.on('pageerror', (e) => {
		throw e;
	});
	await page.goto(at(path));
	return page;
}

const pageOf = (p: Page, root = '[data-screen-page]') => p.locator(root).first().getAttribute('data-screen-page');
/** The wall has its data and shows a page. */
const wallReady = (p: Page) => p.locator('.stage .page').first().waitFor();
/** The presenter has its data. */
const presenterReady = (p: Page) => p.locator('.presenter .slide.current').waitFor();
const expectPage = (p: Page, name: string) => expect.poll(() => pageOf(p), { timeout: 15_000 }).toBe(name);

/** A wall and its presenter in one context, each drawn and the presenter seeing the wall. */
async function openPair(c: BrowserContext): Promise<{ wall: Page; presenter: Page }> {
	const wall = await open(c, `/screen?kiosk=1&${STILL}`);
	await wallReady(wall);
	const presenter = await open(c, `/screen/presenter?${STILL}`);
	await presenterReady(presenter);
	await expect.poll(() => presenter.locator('.presenter').getAttribute('data-wall')).toBe('open');
	return { wall, presenter };
}

describe('the presenter view beside the wall', () => {
	test('the presenter steers the wall and the wall steers the presenter; a blanked wall comes back with any key', async () => {
		const c = await context();
		const { wall, presenter } = await openPair(c);
		await expectPage(presenter, 'overview');

		await presenter.keyboard.press('PageDown');
		await expectPage(wall, 'map');
		await expectPage(presenter, 'map');
		await wall.keyboard.press('PageDown');
		await expectPage(presenter, 'timeline');
		await presenter.keyboard.press('ArrowLeft');
		await expectPage(wall, 'map');

		// B on the presenter blanks the wall; PageDown then only brings the picture back.
		await presenter.keyboard.press('b');
		await expect.poll(() => wall.locator('[data-screen-page]').getAttribute('data-blank')).toBe('true');
		await expect.poll(() => presenter.locator('.presenter').getAttribute('data-blank')).toBe('true');
		await presenter.keyboard.press('PageDown');
		await expect.poll(() => wall.locator('[data-screen-page]').getAttribute('data-blank')).toBe('false');
		expect(await pageOf(wall)).toBe('map');
		// The buttons do what the keys do.
		await presenter.getByRole('button', { name: '下一页 →' }).click();
		await expectPage(wall, 'timeline');
		await c.close();
	});

	test('closing one leaves the other working, and a wall opened again follows the presenter', async () => {
		const c = await context();
		const { wall, presenter } = await openPair(c);

		await wall.close();
		await expect.poll(() => presenter.locator('.presenter').getAttribute('data-wall')).toBe('closed');
		expect(await presenter.getByRole('button', { name: '打开大屏' }).isVisible()).toBe(true);
		// Alone, the presenter's keys move its own show.
		await presenter.keyboard.press('PageDown');
		await expectPage(presenter, 'map');
		await presenter.keyboard.press('PageDown');
		await expectPage(presenter, 'timeline');

		const again = await open(c, `/screen?kiosk=1&${STILL}`);
		await wallReady(again);
		await expectPage(again, 'timeline');
		await expect.poll(() => presenter.locator('.presenter').getAttribute('data-wall')).toBe('open');

		await presenter.close();
		await again.keyboard.press('PageDown');
		await expectPage(again, 'achievements');
		await c.close();
	});

	test("the presenter's clicker steps the wall's replay one meeting per press, and shows which", async () => {
		const c = await context();
		const wall = await open(c, `/screen?kiosk=1&pages=replay,overview&${STILL}`);
		await wall.locator('[data-replay-step]').waitFor();
		const presenter = await open(c, `/screen/presenter?pages=replay,overview&${STILL}`);
		await presenterReady(presenter);
		await expect.poll(() => presenter.locator('.presenter').getAttribute('data-wall')).toBe('open');
		// paused first: a running replay moves on by itself every few seconds
		await wall.keyboard.press('p');
		await expect.poll(() => presenter.locator('.presenter').getAttribute('data-paused')).toBe('true');
		const first = Number(await wall.locator('[data-replay-step]').getAttribute('data-replay-step'));
		await expect.poll(() => presenter.locator('.slide [data-replay-step]').getAttribute('data-replay-step')).toBe(String(first));
		await presenter.keyboard.press('PageDown');
		await expect.poll(() => wall.locator('[data-replay-step]').getAttribute('data-replay-step')).toBe(String(first + 1));
		await expect.poll(() => presenter.locator('.slide [data-replay-step]').getAttribute('data-replay-step')).toBe(String(first + 1));
		expect(await pageOf(wall)).toBe('replay');
		await c.close();
	});

	test('the presenter lists the figures of the page with document, date and evidence', async () => {
		const c = await context();
		const presenter = await open(c, `/screen/presenter?pages=achievements,replay&${STILL}`);
		await presenterReady(presenter);
		await expectPage(presenter, 'achievements');
		const first = presenter.locator('.figures li[data-figure]').first();
		await first.waitFor();
		const source = first.locator('[data-source]').first();
		const docId = await source.getAttribute('data-source');
		const doc = shipped.documents.find((d) => d.id === docId)!;
		expect(doc).toBeDefined();
		expect(await source.locator('a').textContent()).toContain('《');
		if (doc.publishedAt) expect(await source.textContent()).toContain(doc.publishedAt.slice(0, 4));
		const evidence = await source.locator('.evidence').textContent();
		expect(shipped.metrics.some((m) => m.docId === docId && m.evidence.text === evidence)).toBe(true);
		// The replay: the meeting on show with its source.
		await presenter.keyboard.press('PageDown');
		await expectPage(presenter, 'replay');
		expect(await presenter.locator('.figures li[data-figure^="meeting:"] [data-source]').count()).toBeGreaterThan(0);
		await c.close();
	});

	test('speaker notes are kept per page and survive a reload', async () => {
		const c = await context();
		const presenter = await open(c, `/screen/presenter?${STILL}`);
		await presenterReady(presenter);
		const notes = presenter.locator('textarea[data-notes]');
		await expect.poll(() => notes.isEnabled()).toBe(true);
		await notes.fill('先讲总体情况，再讲山东');
		await expect.poll(() => presenter.locator('[data-notes-status]').getAttribute('data-notes-status')).toBe('saved');
		// Arrows typed in the notes move the caret, not the show.
		await notes.press('ArrowLeft');
		expect(await pageOf(presenter)).toBe('overview');
		await presenter.locator('h1').click();
		await presenter.keyboard.press('PageDown');
		await expectPage(presenter, 'map');
		await expect.poll(() => notes.getAttribute('data-notes')).toBe('map');
		expect(await notes.inputValue()).toBe('');
		await notes.fill('地图页：讲会议分布');
		await presenter.locator('h1').click();
		await presenter.keyboard.press('PageUp');
		await expect.poll(() => notes.getAttribute('data-notes')).toBe('overview');

		await presenter.reload();
		await presenterReady(presenter);
		await expect.poll(() => notes.inputValue()).toBe('先讲总体情况，再讲山东');
		await presenter.keyboard.press('PageDown');
		await expect.poll(() => notes.inputValue()).toBe('地图页：讲会议分布');
		await c.close();
	});
});

describe('the show as a URL and the wall controls', () => {
	test('?pages= chooses and orders the pages; the copied link carries pages, interval and region', async () => {
		const c = await context({ width: 1920, height: 1080 });
		await c.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
		const wall = await open(c, `/screen?pages=achievements,overview,map&interval=20&region=370000`);
		await wall.getByRole('button', { name: '开始放映' }).waitFor();
		await wall.keyboard.press('PageDown');
		await wallReady(wall);
		expect(await pageOf(wall)).toBe('achievements');
		expect(await wall.locator('footer .tabs li').allTextContents()).toEqual(['成果', '总览', '地图']);
		await wall.keyboard.press('PageDown');
		await expectPage(wall, 'overview');
		await wall.keyboard.press('PageDown');
		await expectPage(wall, 'map');
		await wall.keyboard.press('PageDown');
		await expectPage(wall, 'achievements');
		await wall.getByRole('button', { name: '复制链接' }).click();
		await wall.locator('[data-copied]').waitFor();
		const copied = await wall.evaluate(() => navigator.clipboard.readText());
		expect(copied).toBe(at('/screen?pages=achievements,overview,map&interval=20&region=370000'));
		await c.close();
	});

	test('a chosen page without data for the filters is skipped, not shown empty', async () => {
		// A province whose documents report no dated meeting: the replay has nothing to tell there.
		const candidates = [...new Set(shipped.documents.map((d) => d.regionCode?.slice(0, 2)).filter(Boolean))].map((p) => `${p}0000`);
		const region = candidates.find((code) => {
			const f = filterFacts(shipped, { ...NO_FILTERS, region: code });
			return replaySteps(f.meetings, f.docById).length === 0 && f.metrics.length > 0;
		});
		if (!region) return console.warn('skipped: every province of the shipped corpus has a dated meeting');
		const c = await context({ width: 1920, height: 1080 });
		const wall = await open(c, `/screen?pages=replay,timeline,overview&region=${region}&kiosk=1&${STILL}`);
		await wallReady(wall);
		expect(await pageOf(wall)).toBe('overview');
		await wall.keyboard.press('PageDown');
		expect(await pageOf(wall)).toBe('overview');
		await c.close();
	});

	test('kiosk mode hides the key hints, the page tabs and the buttons', async () => {
		const c = await context({ width: 1920, height: 1080 });
		const wall = await open(c, `/screen?kiosk=1&${STILL}`);
		await wallReady(wall);
		expect(await wall.locator('footer .keys').isVisible()).toBe(false);
		expect(await wall.locator('footer .tabs').isVisible()).toBe(false);
		expect(await wall.getByRole('button', { name: '复制链接' }).isVisible()).toBe(false);
		const windowed = await open(c, `/screen?${STILL}`);
		await windowed.keyboard.press('PageDown');
		await wallReady(windowed);
		expect(await windowed.locator('footer .keys').isVisible()).toBe(true);
		expect(await windowed.locator('footer .tabs').isVisible()).toBe(true);
		await c.close();
	});

	test('S opens the presenter view in a window of its own', async () => {
		const c = await context({ width: 1920, height: 1080 });
		const wall = await open(c, `/screen?kiosk=1&pages=map,overview&${STILL}`);
		await wallReady(wall);
		const [popup] = await Promise.all([c.waitForEvent('page'), wall.keyboard.press('s')]);
		await popup.waitForURL(/\/screen\/presenter\?pages=map,overview&interval=600&kiosk=1$/);
		await presenterReady(popup);
		await expectPage(popup, 'map');
		await c.close();
	});
});

/** Resolves once every chart of the wall's page has drawn and its count-ups have landed. */
async function settled(p: Page): Promise<void> {
	await p.waitForFunction(() => {
		const charts = [...document.querySelectorAll('.stage [data-chart]')];
		return document.querySelector('.stage .page') != null && charts.every((c) => c.getAttribute('data-state') === 'ready');
	});
	await p.waitForTimeout(1500);
	await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

const WALLS = [
	{ name: '16x9', width: 1920, height: 1080 },
	{ name: '32x9', width: 3840, height: 1080 },
	{ name: 'portrait', width: 1080, height: 1920 },
	{ name: '48x9', width: 5760, height: 1080 }
];

describe('the wall at 16:9, 32:9 and portrait', () => {
	test.each(WALLS)('$name: every page without scrollbars, the new pages filled', async (size) => {
		const c = await context({ width: size.width, height: size.height });
		// The replay last: a press there steps one meeting, not the page.
		const wall = await open(c, `/screen?kiosk=1&pages=overview,ranking,trend,achievements,replay&${STILL}`);
		for (const name of ['overview', 'ranking', 'trend', 'achievements', 'replay']) {
			await expectPage(wall, name);
			await settled(wall);
			const overflow = await wall.evaluate(() => {
				const root = document.scrollingElement!;
				return [root.scrollWidth - root.clientWidth, root.scrollHeight - root.clientHeight];
			});
			expect(overflow, `${name}: overflow`).toEqual([0, 0]);
			if (name === 'ranking') {
				expect(await wall.locator('[data-ranking="meetings"] li').count()).toBeGreaterThan(3);
				expect(await wall.locator('[data-latest] li').count()).toBeGreaterThan(3);
			}
			if (name === 'trend') expect(await wall.locator('[data-ranking="indicator"] li').count()).toBeGreaterThan(0);
			await wall.screenshot({ path: `test-results/presenter-wall-${size.name}-${name}.png` });
			await wall.keyboard.press('PageDown');
		}
		await c.close();
	});

	test('the presenter view at 1280×800', async () => {
		const c = await context();
		const presenter = await open(c, `/screen/presenter?pages=achievements&${STILL}`);
		await presenterReady(presenter);
		await presenter.locator('.figures li[data-figure]').first().waitFor();
		// Nothing of the view runs off a laptop's screen but the list of figures, which scrolls.
		const overflow = await presenter.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight);
		expect(overflow).toBeLessThanOrEqual(0);
		await presenter.screenshot({ path: 'test-results/presenter-1280.png' });
		await c.close();
	});

	test('in English: every string translated', async () => {
		const c = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
		await c.addInitScript(() => localStorage.setItem('zhijiao:locale', 'en'));
		const presenter = await open(c, `/screen/presenter?pages=trend,ranking&${STILL}`);
		await presenterReady(presenter);
		await presenter.locator('.figures li[data-figure]').first().waitFor();
		const text = (await presenter.locator('.presenter').innerText()) + (await presenter.locator('textarea').getAttribute('placeholder'));
		expect(text).toContain('Presenter view');
		// Document titles and evidence stay Chinese; no message key shows untranslated.
		expect(text).not.toMatch(/\bscreen\.[a-z]/);
		await presenter.screenshot({ path: 'test-results/presenter-1280-en.png' });
		const wall = await open(c, `/screen?kiosk=1&pages=ranking,trend&${STILL}`);
		await wallReady(wall);
		// A wall opened beside the presenter follows it (the presenter is on the trend).
		await expect.poll(() => wall.locator('.page-title').textContent()).toBe('Indicator trend');
		await c.close();
	});
});
