// Figures that mean what they say, end to end: documents whose correct totals are known go
// through the real import (extraction in the worker, storage, views), and the overview and
// /achievements show those totals — a breakdown and a decrease never added to their total, a
// stock never added over years, the country a region of its own, 近 + 余 written 约.
//
// The fixtures (tests/fixtures/indicators, our own text) on top of an empty shipped corpus:
// - 宁夏 2015: 42 schools; 2500 teachers trained
// - 宁夏 2016: 40 schools, of which 6 + 12 model schools (parts), 2 fewer than the year before
//   (a change); 3000余 teachers trained; 5 training bases
// - 青海 2016: 30 schools; 近2000 teachers trained; 4 training bases
// - 中华职业教育社 2017 (national): 11200 schools; 5万余 teachers trained
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { SCHEMA_VERSION } from '../src/lib/corpus/schema.ts';
import { sealCorpus } from '../src/lib/corpus/validate.ts';
import { launchBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const DIR = 'tests/fixtures/indicators';
const files = readdirSync(DIR)
	.sort()
	.map((name) => ({ name, mimeType: 'text/plain', buffer: readFileSync(`${DIR}/${name}`) }));
const empty = sealCorpus({ schemaVersion: SCHEMA_VERSION, documents: [], meetings: [], places: [], metrics: [] });

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
	browser = await launchBrowser();
	context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
	await context.addInitScript(() => Object.assign(window, { __charts__: {} }));
	await context.route(/\/corpus[^/]*\.json$/, (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(empty) }));
	page = await context.newPage();
	await page.goto(`${baseURL}import`);
	await page.getByRole('heading', { name: '导入文档' }).waitFor();
	await page.locator('[data-import-input]').setInputFiles(files);
	await page.waitForFunction(
		(n) => {
			const rows = document.querySelectorAll('[data-import-status]');
			return rows.length === n && [...rows].every((r) => r.getAttribute('data-import-status') === 'done');
		},
		files.length,
		{ timeout: 60_000 }
	);
}, 120_000);
afterAll(async () => {
	await browser?.close();
});

interface Card {
	value: number;
	text: string;
}
/** The overview's headline cards by indicator: the value, and the card's whole text. */
async function headlines(p: Page): Promise<Record<string, Card>> {
	await p.locator('[data-chart="headlines"][data-state="ready"]').waitFor();
	const rows = await p.locator('[data-kpi^="indicator:"]').evaluateAll((els) =>
		els.map((el) => [el.getAttribute('data-kpi')!.slice('indicator:'.length), { value: Number(el.getAttribute('data-value')), text: el.textContent!.replace(/\s+/g, ' ').trim() }] as const)
	);
	return Object.fromEntries(rows);
}

/** A drawn chart's bars: category (year or place) → [value, label]. */
async function bars(p: Page, chart: string): Promise<Record<string, [number, string]>> {
	await p.locator(`[data-chart="${chart}"][data-state="ready"]`).waitFor();
	return p.evaluate((chart) => {
		type Option = { series: { data: { name: string; value: number | null; label?: string }[]; label: { formatter?: unknown } }[] };
		const c = (window as unknown as { __charts__: Record<string, { getOption(): Option }> }).__charts__[chart]!;
		// every series' bars (the country's beside the places' sum): a year has a bar in one of them here
		return Object.fromEntries(c.getOption().series.flatMap((s) => s.data.flatMap((d) => (d.value == null ? [] : [[d.name, [d.value, d.label ?? '']] as const]))));
	}, chart);
}

/** The names of a chart's series, in order. */
function seriesNames(p: Page, chart: string): Promise<(string | undefined)[]> {
	return p.evaluate((chart) => {
		const c = (window as unknown as { __charts__: Record<string, { getOption(): { series: { name?: string }[] } }> }).__charts__[chart]!;
		return c.getOption().series.map((s) => s.name);
	}, chart);
}

describe('indicators end to end', () => {
	test('the overview quotes each indicator for its latest year, with the source title and year', async () => {
		await page.goto(baseURL);
		const cards = await headlines(page);
		// 2017: the national figure alone (the provinces' 2016 figures are another year)
		expect(cards.schools).toMatchObject({ value: 11200 });
		expect(cards.schools!.text).toContain('1.12万所');
		expect(cards.schools!.text).toContain('2017');
		expect(cards.schools!.text).toContain('中华职业教育社2017年工作报告');
		expect(cards['teachers-trained']).toMatchObject({ value: 50000 });
		expect(cards['teachers-trained']!.text).toContain('5万余人次');
		// 2016: 宁夏 5 + 青海 4, a sum of two places that says so
		expect(cards['training-bases']).toMatchObject({ value: 9 });
		expect(cards['training-bases']!.text).toContain('2个地区合计');
	});

	test('drilled into a province, the headline is its total, not its total plus its breakdown and decrease', async () => {
		await page.goto(`${baseURL}?region=640000`);
		const cards = await headlines(page);
		expect(cards.schools).toMatchObject({ value: 40 });
		expect(cards.schools!.text).toContain('40所');
		expect(cards.schools!.text).toContain('2016');
		expect(cards.schools!.text).toContain('宁夏回族自治区2016年职业教育工作报告');
	});

	test('/achievements shows an indicator by year and by region: national apart, stocks by latest year, hedges combined', async () => {
		await page.goto(`${baseURL}achievements?indicator=schools`);
		expect(await page.locator('select[name="indicator"]').inputValue()).toBe('schools');
		// by year: 2015 宁夏 42; 2016 宁夏 40 + 青海 30 (never 40 + 6 + 12 + 2); 2017 the country
		const byYear = await bars(page, 'achievements-by-year');
		expect(Object.fromEntries(Object.entries(byYear).map(([y, [v]]) => [y, v]))).toEqual({ '2015': 42, '2016': 70, '2017': 11200 });
		// … the country's figure a series of its own beside the places' sum, never one line of both
		expect(await seriesNames(page, 'achievements-by-year')).toEqual(['全国', '各地区合计']);
		// by region: the country a bar of its own; 宁夏 its latest level (2016: 40), not 42 + 40
		const byRegion = await bars(page, 'achievements-by-region');
		expect(Object.fromEntries(Object.entries(byRegion).map(([r, [v]]) => [r, v]))).toEqual({ 全国: 11200, 宁夏回族自治区: 40, 青海省: 30 });

		await page.locator('select[name="indicator"]').selectOption('teachers-trained');
		await page.waitForURL(/indicator=teachers-trained/);
		await page.waitForFunction(() => {
			const c = (window as unknown as { __charts__: Record<string, { getOption(): { series: { data: { name: string; value: number | null }[] }[] } }> }).__charts__['achievements-by-year'];
			return c?.getOption().series.some((s) => s.data.some((d) => d.name === '2015' && d.value != null)) && document.querySelector('[data-chart="achievements-by-year"]')?.getAttribute('data-items') === '3';
		});
		const trained = await bars(page, 'achievements-by-year');
		expect(trained['2016']![0]).toBe(5000);
		// 3000余 + 近2000: about, never 余
		const label = await page.evaluate(() => {
			const c = (window as unknown as { __charts__: Record<string, { getOption(): { series: { name?: string; label: { formatter: (p: { name: string }) => string } }[] } }> }).__charts__['achievements-by-year']!;
			const series = c.getOption().series;
			return (series.find((s) => s.name === '各地区合计') ?? series[0]!).label.formatter({ name: '2016' });
		});
		expect(label).toBe('约5000人次');
		const byPlace = await bars(page, 'achievements-by-region');
		// a flow adds its years: 宁夏 2500 + 3000余
		expect(byPlace['宁夏回族自治区']).toEqual([5500, '5500余人次']);
		expect(byPlace['青海省']).toEqual([2000, '近2000人次']);
		expect(byPlace['全国']![0]).toBe(50000);
	});

	test('the breakdown and the decrease are listed, marked, beside the total', async () => {
		await page.goto(`${baseURL}achievements?indicator=schools&region=640000`);
		await page.locator('[data-chart="figure-table"][data-state="ready"]').waitFor();
		const rows = await page.locator('[data-chart="figure-table"] tbody tr').evaluateAll((els) => els.map((el) => el.querySelector('.value')!.textContent!.replace(/\s+/g, '')));
		expect(rows).toEqual(expect.arrayContaining(['40所', '6所其中', '12所其中', '42所']));
		expect(rows.some((r) => r.startsWith('2所') && r.includes('减少'))).toBe(true);
	});

	test('corrections set a document region and mark a figure as a part; the totals follow', async () => {
		const docId = await page.evaluate(
			() =>
				new Promise<string>((resolve, reject) => {
					const open = indexedDB.open('zhijiao-dashboard');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const req = open.result.transaction('imports').objectStore('imports').getAll();
						req.onsuccess = () => {
							resolve((req.result as { docId: string; fileName: string }[]).find((i) => i.fileName === 'qinghai-2016.txt')!.docId);
							open.result.close();
						};
					};
				})
		);
		await page.goto(`${baseURL}documents/${encodeURIComponent(docId)}`);
		await page.getByRole('heading', { name: '青海省2016年职业教育工作总结' }).waitFor();
		// The document's region: 青海 → 甘肃
		await page.getByRole('button', { name: '更正地区' }).click();
		await page.locator('[data-edit-form="document"] input[name="region"]').fill('甘肃省');
		await page.locator('[data-edit-form="document"]').getByRole('button', { name: '保存' }).click();
		await page.locator('dd', { hasText: '甘肃省' }).waitFor();
		// 新建实训基地4个 is (say) a part of another figure: no longer added
		const fact = page.locator('li', { has: page.locator('[data-figure]', { hasText: /^4个$/ }) });
		await fact.getByRole('button', { name: '更正' }).click();
		await fact.locator('input[name="part"]').check();
		await fact.getByRole('button', { name: '保存' }).click();
		await fact.getByText('已更正').waitFor();

		await page.goto(`${baseURL}achievements?indicator=schools&from=2016&to=2016`);
		const byRegion = await bars(page, 'achievements-by-region');
		expect(Object.fromEntries(Object.entries(byRegion).map(([r, [v]]) => [r, v]))).toEqual({ 宁夏回族自治区: 40, 甘肃省: 30 });
		await page.goto(baseURL);
		// 2016: 宁夏 5 only, the 4 is a part now
		expect((await headlines(page))['training-bases']).toMatchObject({ value: 5 });
	});

	test('the region filter offers the whole country as a region of its own', async () => {
		await page.goto(`${baseURL}achievements?indicator=schools&region=100000`);
		const byRegion = await bars(page, 'achievements-by-region');
		expect(Object.keys(byRegion)).toEqual(['全国']);
		expect(await page.locator('select[name="region"] option[value="100000"]').textContent()).toBe('全国');
	});
});
