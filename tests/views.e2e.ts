import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Corpus } from '../src/lib/corpus/schema.ts';
import { indicatorLabel } from '../src/lib/indicators/indicators.ts';
import { exploreRows, searchRows } from '../src/lib/query/explore.ts';
import { filterFacts } from '../src/lib/query/facts.ts';
import { simplified } from '../src/lib/query/names.ts';
import { NO_FILTERS } from '../src/lib/state/filters.ts';
import { launchBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const corpus: Corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8'));
const regionOf = new Map(corpus.documents.map((d) => [d.id, d.regionCode]));
const yearOf = (m: Corpus['metrics'][number]) => m.year ?? Number(corpus.documents.find((d) => d.id === m.docId)?.publishedAt?.slice(0, 4) ?? NaN);

let browser: Browser;
let page: Page;
beforeAll(async () => {
	browser = await launchBrowser();
	page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } })).newPage();
});
afterAll(async () => {
	await browser?.close();
});

const ready = (p: Page, chart: string) => p.locator(`[data-chart="${chart}"][data-state="ready"], [data-chart="${chart}"][data-state="empty"]`).first().waitFor();
const items = async (p: Page, chart: string) => Number(await p.locator(`[data-chart="${chart}"]`).first().getAttribute('data-items'));
const query = (p: Page) => new URL(p.url()).searchParams;

describe('achievements', () => {
	test('draws figures by indicator, and the chosen indicator by year and region', async () => {
		await page.goto(`${baseURL}achievements`);
		await ready(page, 'achievements-by-indicator');
		const indicators = new Set(corpus.metrics.map((m) => m.indicator));
		expect(await items(page, 'achievements-by-indicator')).toBe(Math.min(indicators.size, 15));
		await ready(page, 'achievements-by-year');
		await ready(page, 'achievements-by-region');
		await ready(page, 'figure-table');
		expect(await page.getByRole('heading', { name: '成果', exact: true }).count()).toBe(1);
	});

	test('saves a chart as a PNG twice its size, named after the chart', async () => {
		await page.goto(`${baseURL}achievements`);
		await ready(page, 'achievements-by-indicator');
		const chart = page.locator('[data-chart="achievements-by-indicator"]');
		const box = (await chart.boundingBox())!;
		const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /下载图片/ }).click()]);
		expect(download.suggestedFilename()).toBe('各指标成果数据条数的条形图.png');
		const png = readFileSync((await download.path())!);
		// PNG signature, then the IHDR chunk's width and height (big-endian) at bytes 16 and 20.
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
		// As wide as the chart; taller, for the caption above and below the plot (tests/exports.e2e.ts reads it).
		expect(png.readUInt32BE(16)).toBe(Math.round(box.width) * 2);
		expect(png.readUInt32BE(20)).toBeGreaterThan(Math.round(box.height) * 2);
	});

	test('shows only 重庆 figures for region=500000', async () => {
		await page.goto(`${baseURL}achievements?region=500000`);
		await ready(page, 'figure-table');
		const expected = corpus.metrics.filter((m) => (m.scopeCode ?? regionOf.get(m.docId))?.startsWith('50'));
		expect(expected.length).toBeGreaterThan(0);
		const regions = await page.locator('[data-chart="figure-table"] tbody tr').evaluateAll((els) => els.map((el) => el.getAttribute('data-region')));
		expect(regions.length).toBeGreaterThan(0);
		expect(regions.every((r) => r?.startsWith('50'))).toBe(true);
	});

	test('clicking an indicator bar shows that indicator, and the choice lands in the URL', async () => {
		const p = await page.context().newPage();
		await p.addInitScript(() => Object.assign(window, { __charts__: {} }));
		await p.goto(`${baseURL}achievements`);
		await ready(p, 'achievements-by-indicator');
		// The most reported indicator is the last bar (drawn on top); click the middle of it once the
		// bars have grown to their length ('ready' comes with the first frame, the animation goes on).
		const [x, y, top] = await p.evaluate(async () => {
			const chart = (window as unknown as { __charts__: Record<string, { convertToPixel(f: object, v: number[]): number[]; getOption(): { series: { data: { value: number; indicator: string }[] }[] } }> }).__charts__['achievements-by-indicator']!;
			await new Promise((done) => setTimeout(done, 1500));
			// and two frames drawn after that: on a busy machine frames come late.
			await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
			const data = chart.getOption().series[0]!.data;
			return [...chart.convertToPixel({ seriesIndex: 0 }, [data[data.length - 1]!.value / 2, data.length - 1]), data[data.length - 1]!.indicator] as [number, number, string];
		});
		await p.locator('[data-chart="achievements-by-indicator"] canvas').first().click({ position: { x: x!, y: y! } });
		await p.waitForURL(/indicator=/);
		const indicator = query(p).get('indicator')!;
		expect(indicator).toBe(top);
		expect(await p.locator('select[name="indicator"]').inputValue()).toBe(indicator);
		await p.close();
	});
});

describe('filters in the URL', () => {
	test('a year chosen in the filter bar lands in the URL, survives a reload, and back undoes it', async () => {
		await page.goto(`${baseURL}explore`);
		await ready(page, 'explore-table');
		const all = await items(page, 'explore-table');
		await page.locator('select[name="from"]').selectOption('2021');
		await page.waitForURL(/from=2021/);
		await page.locator('select[name="to"]').selectOption('2021');
		await page.waitForURL(/to=2021/);
		const in2021 =
			corpus.metrics.filter((m) => yearOf(m) === 2021).length + corpus.meetings.filter((m) => m.startDate?.startsWith('2021')).length;
		await page.waitForFunction((n) => document.querySelector('[data-chart="explore-table"]')?.getAttribute('data-items') === String(n), in2021);
		await page.reload();
		await ready(page, 'explore-table');
		expect(await items(page, 'explore-table')).toBe(in2021);
		expect(await page.locator('select[name="from"]').inputValue()).toBe('2021');
		await page.goBack();
		await page.goBack();
		await page.waitForFunction((n) => document.querySelector('[data-chart="explore-table"]')?.getAttribute('data-items') === String(n), all);
		expect(query(page).get('from')).toBeNull();
	});

	test('navigation links keep the filters', async () => {
		await page.goto(`${baseURL}?region=500000`);
		await ready(page, 'totals');
		expect(await page.getByRole('link', { name: '成果', exact: true }).getAttribute('href')).toBe('/achievements?region=500000');
	});
});

describe('explore', () => {
	test('searches, sorts and exports exactly the rows shown', async () => {
		await page.goto(`${baseURL}explore`);
		await ready(page, 'explore-table');
		await page.getByRole('searchbox').fill('人次');
		// The rows the explorer's own search keeps (text, unit, subject, indicator, region…), whatever the corpus.
		const nameOf = (i: string) => indicatorLabel(i, 'zh-CN', () => '未注明内容');
		const shown = searchRows(exploreRows(filterFacts(corpus, NO_FILTERS), nameOf), '人次').length;
		expect(shown).toBeGreaterThan(0);
		await page.waitForFunction((n) => document.querySelector('[data-chart="explore-table"]')?.getAttribute('data-items') === String(n), shown);
		await page.getByRole('button', { name: /^数值/ }).click();
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
		const csv = readFileSync((await download.path())!, 'utf8');
		expect(csv.startsWith('\ufeff')).toBe(true);
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe('类型,日期,地区,类别,指标,统计对象,数值,单位,限定,范围,增减,其中,内容,来源文档,来源网址,文档编号');
		expect(lines).toHaveLength(shown + 1);
		const values = lines.slice(1).map((l) => Number(l.split(',')[6]));
		expect(values).toEqual([...values].sort((a, b) => b - a));
	});

	test('renders only the rows in view', async () => {
		await page.getByRole('searchbox').fill('');
		await ready(page, 'explore-table');
		expect(await page.locator('[data-chart="explore-table"] .body [role="row"]').count()).toBeLessThan(40);
	});
});

describe('documents', () => {
	test('shows a document with every figure and its evidence, reachable from a figure link', async () => {
		const m = corpus.metrics[0]!;
		await page.goto(`${baseURL}documents/${m.docId}#${encodeURIComponent(m.id)}`);
		await page.locator('[data-chart="document"][data-state="ready"]').waitFor();
		const doc = corpus.documents.find((d) => d.id === m.docId)!;
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(doc.title ? simplified(doc.title) : doc.fileName);
		expect(await page.locator(`li[id="${m.id}"] blockquote`).textContent()).toContain(m.evidence.text);
		expect(await page.locator(`[id="${m.id}"]`).getAttribute('data-target')).toBe('true');
	});

	test('says so for an unknown document', async () => {
		await page.goto(`${baseURL}documents/nope`);
		expect(await page.getByRole('alert').textContent()).toContain('nope');
	});
});

describe('language', () => {
	test('switches to English and keeps the choice after a reload', async () => {
		await page.goto(baseURL);
		await ready(page, 'totals');
		await page.getByRole('button', { name: '切换到英文' }).click();
		await page.getByRole('link', { name: 'Achievements' }).waitFor();
		await page.reload();
		await page.getByRole('heading', { name: 'Overview' }).waitFor();
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
		await page.getByRole('button', { name: 'Switch to Chinese' }).click();
		await page.getByRole('heading', { name: '概览' }).waitFor();
	});
});
