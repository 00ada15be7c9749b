import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { validateExchange } from '../src/lib/corpus/exchange.ts';
import type { Corpus } from '../src/lib/corpus/schema.ts';
import { launchBrowser } from './browser.ts';
import { idbAll, rowOf, settled } from './importPage.ts';
import { syntheticDocuments } from './synthetic-import.ts';

const baseURL = inject('baseURL');
const shipped: Corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8'));
const fixture = (name: string) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(`tests/fixtures/docs/${name}`) });

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
	browser = await launchBrowser();
	context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
	page = await context.newPage();
});
afterAll(async () => {
	await browser?.close();
});

describe('import', () => {
	test('imports a batch from the file picker: GBK, .docx and HTML go in, broken files say why', async () => {
		await page.goto(`${baseURL}import`);
		await page.getByRole('heading', { name: '导入文档' }).waitFor();
		await page.locator('[data-import-input]').setInputFiles(['annual.gbk.txt', 'meeting.docx', 'page.html', 'binary.txt', 'empty.txt'].map(fixture));
		const status = await settled(page, 5);
		expect(status).toEqual({ 'annual.gbk.txt': 'done', 'meeting.docx': 'done', 'page.html': 'done', 'binary.txt': 'error', 'empty.txt': 'error' });
		expect(await rowOf(page, 'binary.txt').getByRole('alert').textContent()).toContain('二进制');
		expect(await rowOf(page, 'empty.txt').getByRole('alert').textContent()).toContain('文件是空的');
		const imported = page.locator('[data-chart="imported"]');
		await expect.poll(() => imported.getAttribute('data-items')).toBe('3');
		expect(await imported.getByText('江南职业教育校企合作推进会在苏州召开').count()).toBe(1);
		await page.screenshot({ path: 'test-results/import.png', fullPage: true });
	});

	test('imports files dropped on the page (a synthetic drop event)', async () => {
		const files = ['news-utf8.txt', 'speech.txt'].map((name) => ({ name, bytes: [...readFileSync(`tests/fixtures/docs/${name}`)] }));
		const dataTransfer = await page.evaluateHandle((files) => {
			const dt = new DataTransfer();
			for (const f of files) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'text/plain' }));
			return dt;
		}, files);
		await page.locator('[data-dropzone]').dispatchEvent('drop', { dataTransfer });
		const status = await settled(page, 7);
		expect([status['news-utf8.txt'], status['speech.txt']]).toEqual(['done', 'done']);
	});

	test('refuses a file whose content is already stored, and says so', async () => {
		await page.locator('[data-import-input]').setInputFiles([{ ...fixture('annual.gbk.txt'), name: 'copy-of-annual.gbk.txt' }]);
		await settled(page, 8);
		const row = rowOf(page, 'copy-of-annual.gbk.txt');
		expect(await row.getAttribute('data-import-status')).toBe('error');
		expect(await row.getAttribute('data-import-problem')).toBe('duplicate');
		expect(await row.getByRole('alert').textContent()).toContain('annual.gbk.txt');
		// The row table holds the user's own documents only (the shipped corpus is stored in chunks): still the five.
		expect((await idbAll(page, 'documents')).length).toBe(5);
	});

	test('a corrected figure shows in the document, and in the explorer after a reload', async () => {
		await rowOf(page, 'annual.gbk.txt').getByRole('link', { name: '核对' }).click();
		await page.getByRole('heading', { name: '山西省职业教育年会在太原召开' }).waitFor();
		// the reader highlights the extracted facts in the user's own text (once the text and the
		// facts, two reads, have both arrived)
		await page.locator('.text .mark.metric').first().waitFor();
		const fact = page.locator('li', { has: page.locator('[data-figure]', { hasText: '48篇' }) });
		await fact.getByRole('button', { name: '更正' }).click();
		await fact.locator('input[name="value"]').fill('480');
		await fact.getByRole('button', { name: '保存' }).click();
		await page.locator('[data-figure]', { hasText: '480篇' }).waitFor();
		expect(await page.locator('[data-figure]', { hasText: /^48篇$/ }).count()).toBe(0);
		await page.screenshot({ path: 'test-results/import-review.png', fullPage: true });

		await page.reload();
		await page.goto(`${baseURL}explore`);
		await page.locator('[data-chart="explore-table"][data-state="ready"]').waitFor();
		await page.getByRole('searchbox').fill('优秀论文');
		// the search is answered by the facts worker: the table shows it when the answer lands
		await expect.poll(() => page.locator('[data-chart="explore-table"] .body .cell.value').allTextContents()).toEqual(['480']);
	});

	test('deletes a fact and adds one from a text selection', async () => {
		await page.goto(`${baseURL}import`);
		await page.locator('[data-chart="imported"]').getByRole('link', { name: '西部职业教育研讨会在成都召开' }).click();
		await page.locator('.text').waitFor();
		const metrics = page.locator('li', { has: page.locator('[data-figure]') });
		const before = await metrics.count();
		await metrics.filter({ hasText: '6场' }).getByRole('button', { name: '删除' }).click();
		await expect.poll(() => metrics.count()).toBe(before - 1);
		// select 专题讲座 in the text and add it as a place-less meeting… as a figure, to keep it short
		await page.evaluate(() => {
			const el = document.querySelector('.text')!;
			const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const i = n.textContent!.indexOf('举办专题讲座');
				if (i >= 0) {
					const r = document.createRange();
					r.setStart(n, i);
					r.setEnd(n, i + 6);
					getSelection()!.removeAllRanges();
					getSelection()!.addRange(r);
					break;
				}
			}
			el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
		});
		const form = page.locator('[data-add-form]');
		await form.locator('select[name="kind"]').selectOption('place');
		await form.locator('input[name="place"]').fill('成都');
		await form.getByRole('button', { name: '保存' }).click();
		await page.locator('.places li', { hasText: '手动添加' }).waitFor();
		expect(await page.locator('.places li', { hasText: '手动添加' }).textContent()).toContain('成都市');
	});

	test('exports everything as one JSON file that validates and restores in a fresh browser', async () => {
		await page.goto(`${baseURL}import`);
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export]').click()]);
		const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
		const check = validateExchange(file);
		expect(check.ok).toBe(true);
		expect(file.imported).toHaveLength(5);
		expect(file.edits.length).toBe(3);

		const fresh = await browser.newContext({ locale: 'zh-CN' });
		try {
			const p = await fresh.newPage();
			await p.goto(`${baseURL}import`);
			await p.locator('[data-restore-input]').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
			const done = p.locator('[data-restore="done"]');
			await done.waitFor();
			expect(await done.textContent()).toContain('新增 5 个文档');
			await p.goto(`${baseURL}explore`);
			await p.locator('[data-chart="explore-table"][data-state="ready"]').waitFor();
			await p.getByRole('searchbox').fill('优秀论文');
			await expect.poll(() => p.locator('[data-chart="explore-table"] .body .cell.value').allTextContents()).toEqual(['480']);
			// an invalid file names the record and field, and changes nothing
			const bad = structuredClone(file);
			bad.metrics[0].qualifier = 'roughly';
			bad.edits[0].kind = 'person';
			const before = (await idbAll(p, 'documents')).length;
			await p.goto(`${baseURL}import`);
			await p.locator('[data-restore-input]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...bad, documents: bad.documents.slice(0, -1) })) });
			const alert = p.locator('[data-restore="invalid"]');
			await alert.waitFor();
			expect(await alert.textContent()).toContain(`metrics[0] (${bad.metrics[0].id}).qualifier`);
			expect((await idbAll(p, 'documents')).length).toBe(before);
		} finally {
			await fresh.close();
		}
	});

	// How fast, and with how long main-thread tasks, is a benchmark (npm run bench:import): wall
	// time depends on the machine's load. The test checks the work: every document extracted by the
	// worker, and the page showing documents done while others still wait.
	test('extracts 200 documents in the worker and shows each one done as it lands', async () => {
		const fresh = await browser.newContext({ locale: 'zh-CN' });
		try {
			const p = await fresh.newPage();
			// The page's own listener on every worker it starts: which jobs came back extracted.
			await p.addInitScript(() => {
				const w = window as unknown as { extracted: number[]; Worker: typeof Worker };
				w.extracted = [];
				const Native = w.Worker;
				w.Worker = class extends Native {
					constructor(url: string | URL, options?: WorkerOptions) {
						super(url, options);
						// (the import worker posts its messages of a moment together, as an array)
						this.addEventListener('message', (e: MessageEvent) => {
							for (const m of Array.isArray(e.data) ? e.data : [e.data]) if (m?.type === 'done' && m.records?.metrics?.length > 0) w.extracted.push(m.job);
						});
					}
				};
			});
			await p.goto(`${baseURL}import`);
			await p.locator('[data-import-input]').waitFor();
			const docs = syntheticDocuments(200, 'bench').map((f) => ({ name: f.name, text: f.buffer.toString('utf8') }));
			const dataTransfer = await p.evaluateHandle((docs) => {
				const dt = new DataTransfer();
				for (const d of docs) dt.items.add(new File([d.text], d.name, { type: 'text/plain' }));
				return dt;
			}, docs);
			// Each rendered frame notes how many rows are done: a page that extracted on its main
			// thread, or stored everything at the end, would draw no frame between none and all.
			await p.evaluate(() => {
				const w = window as unknown as { doneInFrames: number[] };
				w.doneInFrames = [];
				const frame = () => {
					const done = document.querySelectorAll('[data-import-status="done"]').length;
					w.doneInFrames.push(done);
					if (done < 200) requestAnimationFrame(frame);
				};
				requestAnimationFrame(frame);
			});
			await p.locator('[data-dropzone]').dispatchEvent('drop', { dataTransfer });
			const status = await settled(p, 200);
			expect(Object.values(status).filter((s) => s !== 'done')).toEqual([]);
			const { extracted, doneInFrames } = await p.evaluate(() => {
				const w = window as unknown as { extracted: number[]; doneInFrames: number[] };
				return { extracted: w.extracted, doneInFrames: w.doneInFrames };
			});
			expect(new Set(extracted).size).toBe(200);
			expect(doneInFrames.some((n) => n > 0 && n < 200)).toBe(true);
		} finally {
			await fresh.close();
		}
	}, 120_000);

	test('a reload in the middle of an import leaves no half-written document', async () => {
		await page.goto(`${baseURL}import`);
		// 600 files: stored in batches at 100-odd a second, most are still to come when the page reloads.
		await page.locator('[data-import-input]').setInputFiles(syntheticDocuments(600, 'reload'));
		await page.waitForFunction(() => document.querySelectorAll('[data-import-status="done"]').length >= 10);
		await page.reload();
		await page.getByRole('heading', { name: '导入文档' }).waitFor();
		const [documents, texts, imports, metrics, places, meetings] = await Promise.all(['documents', 'texts', 'imports', 'metrics', 'places', 'meetings'].map((s) => idbAll(page, s)));
		const docIds = new Set(documents!.map((d) => d.id));
		const own = imports!.filter((i) => i.docId.startsWith('reload-'));
		expect(own.length).toBeGreaterThanOrEqual(10);
		expect(own.length).toBeLessThan(600);
		// every imported document is whole: record, text and facts; no fact without its document
		for (const i of imports!) expect(docIds.has(i.docId) && texts!.some((t) => t.docId === i.docId)).toBe(true);
		for (const d of documents!.filter((d) => d.id.startsWith('reload-'))) {
			expect(imports!.some((i) => i.docId === d.id)).toBe(true);
			expect(metrics!.filter((m) => m.docId === d.id).length).toBeGreaterThan(0);
		}
		for (const f of [...metrics!, ...places!]) expect(docIds.has(f.docId)).toBe(true);
		for (const m of meetings!) expect(m.docIds.every((d: string) => docIds.has(d))).toBe(true);
	});
});

describe('corrections that no longer apply', () => {
	test('are listed on the import page, with their document and change, until the user removes them', async () => {
		const fresh = await browser.newContext({ locale: 'zh-CN' });
		const p = await fresh.newPage();
		await p.goto(`${baseURL}import`);
		await p.getByRole('heading', { name: '导入文档' }).waitFor();
		// A correction made before a new corpus moved its figure: same document content, no fact at that span.
		const doc = shipped.documents.find((d) => d.title)!;
		const key = `metric:${doc.contentHash}:999990-999999`;
		await p.evaluate(
			(edit) =>
				new Promise<void>((resolve, reject) => {
					const open = indexedDB.open('zhijiao-dashboard');
					open.onsuccess = () => {
						const tx = open.result.transaction('edits', 'readwrite');
						tx.objectStore('edits').put(edit);
						tx.oncomplete = () => (open.result.close(), resolve());
						tx.onerror = () => reject(tx.error);
					};
				}),
			{ key, docHash: doc.contentHash, kind: 'metric', op: 'patch', patch: { value: 999 }, at: '2026-01-01T00:00:00.000Z' }
		);
		// Written behind the app's back: the app sees it on its next start.
		await p.reload();
		const list = p.locator('[data-chart="stale-edits"]');
		await list.waitFor();
		expect(await list.locator('li a').textContent()).toBe(doc.title);
		expect(await list.locator('li small').textContent()).toBe('成果数据 · 数值: 999');
		await list.getByRole('button', { name: '删除此更正' }).click();
		await list.waitFor({ state: 'detached' });
		expect(await idbAll(p, 'edits')).toEqual([]);
		await fresh.close();
	});
});
