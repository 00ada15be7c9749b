// Exports that stand on their own: a saved chart or timeline carries its title, filters, unit,
// data date and sources' count in its pixels; the CSV names its columns in the interface language
// and cites each row's source; a printout (A4, both ways) has no controls and no clipped chart.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Corpus } from '../src/lib/corpus/schema.ts';
import { launchBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const corpus: Corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8'));

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A page in `lang`, `width` × `height`, that lets tests reach chart instances (window.__charts__). */
async function open(lang: 'zh-CN' | 'en', width = 1400, height = 1000): Promise<Page> {
	const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height }, acceptDownloads: true });
	await context.addInitScript((l) => {
		Object.assign(window, { __charts__: {} });
		localStorage.setItem('zhijiao:locale', l);
	}, lang);
	return context.newPage();
}

const ready = (p: Page, chart: string) => p.locator(`[data-chart="${chart}"][data-state="ready"]`).first().waitFor();

/** Downloads what clicking `button` saves. */
async function download(p: Page, button: ReturnType<Page['locator']>): Promise<{ name: string; bytes: Buffer }> {
	const [d] = await Promise.all([p.waitForEvent('download'), button.click()]);
	return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

/** A PNG's width and height from its IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** The caption's first lines as caption.ts lays them out (CSS pixels): title 18 px bold, filters 13 px. */
const CAPTION_FONT = `'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif`;
const TITLE_LINE = { font: `700 18px ${CAPTION_FONT}`, y: 16 + (18 * 1.45) / 2 };
const FILTERS_LINE = { font: `400 13px ${CAPTION_FONT}`, y: 16 + 18 * 1.45 + (13 * 1.45) / 2 };

/**
 * Reads a saved PNG in the page: how much of `lines` (text drawn by the browser itself at the
 * caption's place and scale) its header band reproduces (intersection over union of dark pixels),
 * and how many dark pixels its header and footer bands hold.
 */
async function readPicture(p: Page, png: Buffer, plotHeight: number, lines: Array<{ text: string; font: string; y: number }>) {
	return p.evaluate(
		async ({ b64, plotHeight, lines }) => {
			const img = new Image();
			img.src = `data:image/png;base64,${b64}`;
			await img.decode();
			const canvas = document.createElement('canvas');
			[canvas.width, canvas.height] = [img.width, img.height];
			const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
			ctx.drawImage(img, 0, 0);
			const dark = (data: Uint8ClampedArray, i: number) => data[i]! + data[i + 1]! + data[i + 2]! < 3 * 140;
			const inkIn = (y0: number, y1: number) => {
				const data = ctx.getImageData(0, y0, img.width, Math.max(1, y1 - y0)).data;
				let n = 0;
				for (let i = 0; i < data.length; i += 4) if (dark(data, i)) n++;
				return n;
			};
			const scale = 2;
			const matches = lines.map(({ text, font, y }) => {
				const band = [Math.floor((y - 12) * scale), Math.ceil((y + 12) * scale)] as const;
				const ref = document.createElement('canvas');
				[ref.width, ref.height] = [img.width, img.height];
				const r = ref.getContext('2d', { willReadFrequently: true })!;
				r.fillStyle = '#fff';
				r.fillRect(0, 0, ref.width, ref.height);
				r.scale(scale, scale);
				r.font = font;
				r.textBaseline = 'middle';
				r.fillStyle = '#1d2733';
				r.fillText(text, 16, y);
				const a = ctx.getImageData(0, band[0], img.width, band[1] - band[0]).data;
				const b = r.getImageData(0, band[0], img.width, band[1] - band[0]).data;
				let both = 0;
				let either = 0;
				for (let i = 0; i < a.length; i += 4) {
					const [x, z] = [dark(a, i), dark(b, i)];
					if (x && z) both++;
					if (x || z) either++;
				}
				return either ? both / either : 0;
			});
			// The header band: above the plot's top (the plot is the image's height less both bands).
			const header = Math.round(lines[lines.length - 1]!.y * scale + 12 * scale);
			return { matches, headerInk: inkIn(0, header), footerInk: inkIn(img.height - 24 * scale, img.height), plotTop: img.height - plotHeight * scale };
		},
		{ b64: png.toString('base64'), plotHeight, lines }
	);
}

describe('a saved chart', () => {
	test('is the plot under its title and filters and over its unit, data date and sources, in its pixels', async () => {
		const page = await open('zh-CN');
		await page.goto(`${baseURL}achievements?from=2019&to=2023`);
		await ready(page, 'achievements-by-year');
		const chart = page.locator('[data-chart="achievements-by-year"]');
		const box = (await chart.boundingBox())!;
		const heading = (await page.locator('section', { has: chart }).locator('h2').textContent())!.trim();
		// The page's heading ends with the unit in brackets; the picture names the unit in its footer.
		const title = heading.replace(/（[^（]*）$/, '');
		const { name, bytes } = await download(page, chart.getByRole('button', { name: /下载图片/ }));
		expect(name).toMatch(/\.png$/);
		expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
		const size = pngSize(bytes);
		// As wide as the chart at twice its size, and taller: the caption bands above and below.
		expect(size.width).toBe(Math.round(box.width) * 2);
		expect(size.height).toBeGreaterThan(Math.round(box.height) * 2 + 2 * 60);

		const read = await readPicture(page, bytes, box.height, [
			{ text: title, ...TITLE_LINE },
			{ text: '年份：2019—2023年', ...FILTERS_LINE }
		]);
		// The title and the filters drawn where the caption puts them: the same dark pixels, give or take antialiasing.
		expect(read.matches[0]).toBeGreaterThan(0.8);
		expect(read.matches[1]).toBeGreaterThan(0.8);
		// A wrong text at the same place does not match (the comparison can fail).
		const wrong = await readPicture(page, bytes, box.height, [{ text: '完全不同的标题文字', ...TITLE_LINE }]);
		expect(wrong.matches[0]).toBeLessThan(0.5);
		expect(read.headerInk).toBeGreaterThan(200);
		expect(read.footerInk).toBeGreaterThan(100);

		// The plain plot has none of it: its top rows are the chart's own margin.
		const plain = await page.evaluate(() => {
			const c = (window as unknown as { __charts__: Record<string, { getDataURL(o: object): string }> }).__charts__['achievements-by-year']!;
			return c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }).split(',')[1]!;
		});
		const bare = await readPicture(page, Buffer.from(plain, 'base64'), box.height, [{ text: title, ...TITLE_LINE }]);
		expect(bare.matches[0]).toBeLessThan(0.5);
		await page.context().close();
	});

	test('carries its caption in English when the interface is in English', async () => {
		const page = await open('en');
		await page.goto(`${baseURL}achievements?region=500000`);
		await ready(page, 'achievements-by-indicator');
		const chart = page.locator('[data-chart="achievements-by-indicator"]');
		const box = (await chart.boundingBox())!;
		const { bytes } = await download(page, chart.getByRole('button', { name: /Download image/ }));
		const read = await readPicture(page, bytes, box.height, [
			{ text: 'Figures by indicator', ...TITLE_LINE },
			{ text: 'Region: Chongqing', ...FILTERS_LINE }
		]);
		expect(read.matches[1]).toBeGreaterThan(0.8);
		expect(read.matches[0]).toBeGreaterThan(0.8);
		await page.context().close();
	});

	test('the map names what it is coloured by', async () => {
		const page = await open('zh-CN');
		await page.goto(`${baseURL}map`);
		await ready(page, 'map');
		const chart = page.locator('[data-chart="map"]');
		const box = (await chart.boundingBox())!;
		const { bytes } = await download(page, chart.getByRole('button', { name: /下载图片/ }));
		expect(pngSize(bytes).height).toBeGreaterThan(Math.round(box.height) * 2 + 2 * 60);
		const read = await readPicture(page, bytes, box.height, [
			{ text: '地图 · 全国', ...TITLE_LINE },
			{ text: '筛选：全部数据 · 着色：会议数', ...FILTERS_LINE }
		]);
		expect(read.matches).toEqual([expect.any(Number), expect.any(Number)]);
		expect(Math.min(...read.matches)).toBeGreaterThan(0.8);
		await page.context().close();
	});
});

describe('the saved timeline', () => {
	test('saves as a PNG with its caption and as an SVG whose caption is text', async () => {
		const page = await open('zh-CN');
		await page.goto(`${baseURL}timeline?from=2021&to=2023`);
		await ready(page, 'timeline');
		const plot = (await page.locator('[data-chart="timeline"] .plot').boundingBox())!;
		const png = await download(page, page.getByRole('button', { name: /下载时间轴图片（PNG/ }));
		expect(png.name).toBe('会议时间轴.png');
		const size = pngSize(png.bytes);
		expect(size.width).toBe(Math.round(plot.width) * 2);
		expect(size.height).toBeGreaterThan(Math.round(plot.height) * 2 + 2 * 60);
		const read = await readPicture(page, png.bytes, plot.height, [
			{ text: '会议时间轴', ...TITLE_LINE },
			{ text: '年份：2021—2023年', ...FILTERS_LINE }
		]);
		expect(read.matches[0]).toBeGreaterThan(0.8);
		// The filters line goes on (the period in view, the meetings drawn): its start matches less exactly.
		expect(read.footerInk).toBeGreaterThan(100);

		const svg = await download(page, page.getByRole('button', { name: /下载时间轴图片（SVG/ }));
		expect(svg.name).toBe('会议时间轴.svg');
		const text = svg.bytes.toString('utf8');
		expect(text).toMatch(/^<\?xml[^>]*>\s*<svg /);
		const drawn = corpus.meetings.filter((m) => m.startDate && +m.startDate.slice(0, 4) >= 2021 && +m.startDate.slice(0, 4) <= 2023);
		expect(text).toContain('>会议时间轴</text>');
		expect(text).toMatch(new RegExp(`>年份：2021—2023年 · 时段：[^<]+ · 会议：${drawn.length.toLocaleString('zh-CN')} 场</text>`));
		expect(text).toMatch(/>数据截至 \d{4}年\d{1,2}月\d{1,2}日 · 来源文档 [\d,]+ 篇 · 职教数据看板</);
		// The marks as an image, the axis as SVG with its year labels.
		expect(text).toContain('<image href="data:image/png;base64,');
		expect(text).toContain('>2022年</text>');
		// It is an SVG a browser draws: as an image it loads and has the size it says.
		const dims = await page.evaluate(async (s) => {
			const img = new Image();
			img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(s)}`;
			await img.decode();
			return [img.naturalWidth, img.naturalHeight];
		}, text);
		expect(dims[0]).toBe(Math.round(plot.width));
		expect(dims[1]).toBe(size.height / 2);
		await page.context().close();
	});
});

describe('the CSV', () => {
	const addressed = new Map(corpus.documents.filter((d) => d.sourceUrl).map((d) => [d.id, d.sourceUrl!]));

	test.each([
		['zh-CN', '导出 CSV', '类型,日期,地区,类别,指标,统计对象,数值,单位,限定,范围,增减,其中,内容,来源文档,来源网址,文档编号'],
		['en', 'Export CSV', 'Type,Date,Region,Category,Indicator,Counts,Value,Unit,Qualifier,Scope,Change,part,Text,Source document,Source address,Document ID']
	] as const)('in %s names its columns in that language and cites every row’s source', async (lang, button, header) => {
		expect(addressed.size).toBeGreaterThan(0);
		const page = await open(lang);
		await page.goto(`${baseURL}explore`);
		await page.locator('[data-chart="explore-table"][data-state="ready"]').waitFor();
		const { name, bytes } = await download(page, page.getByRole('button', { name: button }));
		expect(name).toMatch(/\.csv$/);
		const csv = bytes.toString('utf8');
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe(header);
		// The last three cells: the source's title, its address and its id (titles and addresses may be quoted).
		const rows = lines.slice(1).map((l) => /,("(?:[^"]|"")*"|[^,]*),([^,]*)$/.exec(l)!);
		expect(rows.every(Boolean)).toBe(true);
		const withAddress = rows.filter((m) => addressed.has(m[2]!));
		expect(withAddress.length).toBeGreaterThan(0);
		for (const m of withAddress) expect(m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"').replace(/^'/, '')).toBe(addressed.get(m[2]!));
		// Every word of the type column in the interface language.
		const types = new Set(lines.slice(1).map((l) => l.split(',')[0]));
		expect([...types].sort()).toEqual(lang === 'en' ? ['Figure', 'Meeting'] : ['会议', '成果']);
		await page.context().close();
	});
});

describe('printing', () => {
	// A4 at 96 dpi less the 12 mm margins of print.css: 210 mm → 703 px wide, 297 mm → 1032 px.
	test.each([
		['portrait', 703, 1032],
		['landscape', 1032, 703]
	] as const)('on A4 %s: no navigation, filter controls or buttons, the filters as text, every chart within the page', async (_name, width, height) => {
		const page = await open('zh-CN', width, height);
		for (const [route, chart] of [
			['achievements?from=2019&to=2023&region=500000', 'achievements-by-year'],
			['map?from=2019&to=2023&region=500000', 'map'],
			['timeline?from=2019&to=2023&region=500000', 'timeline']
		] as const) {
			await page.emulateMedia({ media: 'screen' });
			await page.goto(`${baseURL}${route}`);
			await ready(page, chart);
			expect(await page.locator('form.filters select[name="from"]').count()).toBe(1);
			await page.emulateMedia({ media: 'print' });
			// Gone from paper: the filter form, the navigation, every button.
			await expect.poll(() => page.locator('form.filters').isVisible()).toBe(false);
			expect(await page.locator('header nav').first().isVisible()).toBe(false);
			const buttons = await page.locator('main button').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
			expect(buttons).toBe(0);
			// The filters in words instead.
			const header = page.locator('[data-print-filters]');
			expect(await header.isVisible()).toBe(true);
			expect(await header.textContent()).toContain('年份：2019—2023年 · 地区：重庆市');
			// Every chart's pictures inside the page and inside the chart's own box.
			const overflow = await page.evaluate(() => {
				const out: string[] = [];
				const pageWidth = document.documentElement.clientWidth;
				for (const el of document.querySelectorAll<HTMLElement>('[data-chart] canvas, [data-chart] svg.axis')) {
					if (!el.offsetParent && getComputedStyle(el).display === 'none') continue;
					const r = el.getBoundingClientRect();
					if (r.width === 0) continue;
					const box = el.closest('[data-chart]')!.getBoundingClientRect();
					if (r.left < -0.5 || r.right > pageWidth + 0.5 || r.right > box.right + 0.5) out.push(`${el.closest('[data-chart]')!.getAttribute('data-chart')}: ${r.left}–${r.right} in ${box.left}–${box.right} of ${pageWidth}`);
				}
				return out;
			});
			expect(overflow).toEqual([]);
			// The chart's picture is drawn at the paper's size (not a cleared canvas waiting for a frame).
			const painted = await page.evaluate((name) => {
				const c = document.querySelector<HTMLCanvasElement>(`[data-chart="${name}"] canvas`)!;
				const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
				let n = 0;
				for (let i = 3; i < data.length; i += 4) if (data[i]) n++;
				return n;
			}, chart);
			expect(painted).toBeGreaterThan(1000);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
		}
		await page.context().close();
	});

	test('page.pdf() makes A4 pages both ways, and the chart is back at the screen size afterwards', async () => {
		const page = await open('zh-CN');
		await page.goto(`${baseURL}map?from=2019&to=2023`);
		await ready(page, 'map');
		for (const landscape of [false, true]) {
			const pdf = await page.pdf({ format: 'A4', landscape });
			expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'))!;
			const [w, h] = [Number(box[1]), Number(box[2])];
			// A4 is 595.3 × 841.9 points (Chromium rounds to its own grid).
			const [a, b] = landscape ? [841.9, 595.3] : [595.3, 841.9];
			expect(Math.abs(w - a)).toBeLessThan(1.5);
			expect(Math.abs(h - b)).toBeLessThan(1.5);
		}
		// Back on screen the chart is drawn at the screen's size again.
		const canvas = page.locator('[data-chart="map"] canvas').first();
		const [chartBox, canvasBox] = [(await page.locator('[data-chart="map"]').boundingBox())!, (await canvas.boundingBox())!];
		expect(Math.abs(canvasBox.width - chartBox.width)).toBeLessThan(2);
		await page.context().close();
	});
});
