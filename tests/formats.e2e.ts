// Office documents through /import in Chromium: a PDF and a Word 97-2003 file of the same news
// item (tests/fixtures/formats) go in with the same facts, the PDF's facts say their page, and a
// scan, a password-protected PDF and a file whose extension lies are refused with the reason.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser.ts';
import { rowOf, settled } from './importPage.ts';

const baseURL = inject('baseURL');
const fixture = (name: string, as = name) => ({ name: as, mimeType: 'application/octet-stream', buffer: readFileSync(`tests/fixtures/formats/${name}`) });

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A fresh profile on /import. */
async function importPage(): Promise<Page> {
	const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await page.goto(`${baseURL}import`);
	await page.getByRole('heading', { name: '导入文档' }).waitFor();
	return page;
}

/** The figures the document page lists, in order. */
async function figuresOf(p: Page, name: string): Promise<string[]> {
	await rowOf(p, name).getByRole('link', { name: '核对' }).click();
	await p.getByRole('heading', { name: '全省职业教育产教融合推进会在宜昌召开' }).waitFor();
	await p.locator('.text .mark.metric').first().waitFor();
	return p.locator('[data-figure]').allTextContents();
}

describe('office formats in the browser', () => {
	let pdfFigures: string[] = [];

	test('a PDF goes in with its facts on their pages; a scan, a locked PDF and a lying name are refused', async () => {
		const page = await importPage();
		expect(await page.locator('[data-import-input]').getAttribute('accept')).toContain('.pdf');
		await page.locator('[data-import-input]').setInputFiles([fixture('news.pdf'), fixture('scan.pdf'), fixture('encrypted.pdf'), fixture('lying.docx')]);
		const status = await settled(page, 4);
		expect(status).toEqual({ 'news.pdf': 'done', 'scan.pdf': 'error', 'encrypted.pdf': 'error', 'lying.docx': 'error' });
		expect(await rowOf(page, 'scan.pdf').getByRole('alert').textContent()).toContain('扫描件，无文字层，无法提取');
		expect(await rowOf(page, 'encrypted.pdf').getAttribute('data-import-problem')).toBe('encrypted');
		expect(await rowOf(page, 'lying.docx').getAttribute('data-import-problem')).toBe('mismatch');
		expect(await rowOf(page, 'lying.docx').getByRole('alert').textContent()).toContain('扩展名不符');

		pdfFigures = await figuresOf(page, 'news.pdf');
		expect(pdfFigures.length).toBeGreaterThan(10);
		// the last paragraph's figure is on page 2, the first paragraph's on page 1
		const whereOf = (figure: string) => page.locator('li', { has: page.locator('[data-figure]', { hasText: new RegExp(`^${figure}$`) }) }).locator('[data-where]').first().textContent();
		expect(await whereOf('36个')).toContain('PDF 第 2 页');
		expect(await whereOf('320余人')).toContain('PDF 第 1 页');
		// the text shown is the PDF's text without its running header and page numbers
		const text = await page.locator('.text').textContent();
		expect(text).not.toContain('工作简报');
		expect(text).toContain('改革发展的关键举措');
		await page.screenshot({ path: 'test-results/formats-pdf.png', fullPage: true });
		await page.context().close();
	});

	test('a PDF whose Chinese font is not embedded is read with the CMaps the build carries', async () => {
		const page = await importPage();
		await page.locator('[data-import-input]').setInputFiles([fixture('cidfont.pdf')]);
		expect(await settled(page, 1)).toEqual({ 'cidfont.pdf': 'done' });
		await rowOf(page, 'cidfont.pdf').getByRole('link', { name: '核对' }).click();
		await page.getByRole('heading', { name: '全省职业教育产教融合推进会在宜昌召开' }).waitFor();
		expect(await page.locator('.text').textContent()).toContain('来自武汉');
		await page.context().close();
	});

	test('the same item as a Word 97-2003 file gives the same figures; a truncated one is refused', async () => {
		const page = await importPage();
		await page.locator('[data-import-input]').setInputFiles([fixture('news.doc'), fixture('truncated.doc')]);
		const status = await settled(page, 2);
		expect(status).toEqual({ 'news.doc': 'done', 'truncated.doc': 'error' });
		expect(await rowOf(page, 'truncated.doc').getAttribute('data-import-problem')).toBe('damaged');
		const docFigures = await figuresOf(page, 'news.doc');
		expect(docFigures).toEqual(pdfFigures);
		expect(await page.locator('[data-where]').first().textContent()).not.toContain('PDF');
		await page.context().close();
	});

	// Responsiveness is measured, not asserted: a long-task threshold would fail on a loaded machine.
	// What is asserted is the work that keeps the page responsive: pdf.js never runs on the page.
	test('50 PDFs dropped at once are read in the worker: pdf.js never loads on the page (its long tasks are logged)', async () => {
		const page = await importPage();
		// The same content under 50 names, made in the page (the test harness does not ship 4 MB
		// through the DevTools protocol): each is read and extracted in the worker, then stored or
		// refused as a duplicate on the main thread.
		await page.evaluate((bytes) => ((window as unknown as { pdf: Uint8Array }).pdf = new Uint8Array(bytes)), [...readFileSync('tests/fixtures/formats/news.pdf')]);
		const dropAt = await page.evaluate(() => {
			const w = window as unknown as { pdf: Uint8Array; longTasks: { start: number; duration: number }[] };
			w.longTasks = [];
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
			}).observe({ type: 'longtask' });
			const dt = new DataTransfer();
			for (let i = 0; i < 50; i++) dt.items.add(new File([w.pdf as BlobPart], `report-${String(i).padStart(2, '0')}.pdf`, { type: 'application/pdf' }));
			const at = performance.now();
			document.querySelector('[data-dropzone]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
			return at;
		});
		const status = await settled(page, 50, 180_000);
		expect(Object.values(status).filter((s) => s === 'done')).toHaveLength(1);
		const longTasks = await page.evaluate(() => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks);
		const after = longTasks.filter((t) => t.start > dropAt).map((t) => Math.round(t.duration));
		console.log(`50 PDFs: the drop's own task ${longTasks.filter((t) => t.start <= dropAt).map((t) => Math.round(t.duration)).join(', ') || '< 50'} ms; long tasks after it (ms): ${after.join(', ') || 'none'}`);
		expect(await page.evaluate(() => 'pdfjsWorker' in globalThis || 'pdfjsLib' in globalThis)).toBe(false);
		await page.context().close();
	}, 240_000);
});
