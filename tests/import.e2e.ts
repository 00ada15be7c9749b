import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { validateExchange } from '../src/lib/corpus/exchange.ts';
import type { Corpus } from '../src/lib/corpus/schema.ts';
import { launchBrowser } from './browser.ts';

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

/** Waits until the import page lists `n` rows and none is still queued or working. */
async function settled(p: Page, n: number): Promise<Record<string, string>> {
	await p.waitForFunction(
		(n) => {
			const rows = document.querySelectorAll('[data-import-status]');
			return rows.length === n && [...rows].every((r) => ['done', 'error'].includes(r.getAttribute('data-import-status')!));
		},
		n,
		{ timeout: 60_000 }
	);
	const rows = await p.locator('[data-import-status]').evaluateAll((els) => els.map((el) => [el.getAttribute('data-import-file'), el.getAttribute('data-import-status')]));
	return Object.fromEntries(rows);
}

const rowOf = (p: Page, name: string) => p.locator(`[data-import-file="${name}"]`).last();

/** Reads a whole object store straight from IndexedDB, without the app's code. */
const idbAll = (p: Page, store: string) =>
	p.evaluate(
		(store) =>
			new Promise<any[]>((resolve, reject) => {
				const open = indexedDB.open('zhijiao-dashboard');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const req = open.result.transaction(store).objectStore(store).getAll();
					req.onsuccess = () => {
						resolve(req.result);
						open.result.close();
					};
				};
			}),
		store
	);

/** Made-up news items, each with a meeting, a place and figures; `seed` keeps batches apart. */
function syntheticDocuments(n: number, seed: string) {
	const cities = ['杭州', '南京', '成都', '武汉', '西安', '长沙', '郑州', '济南', '福州', '昆明'];
	return Array.from({ length: n }, (_, i) => {
		const city = cities[i % cities.length]!;
		const month = (i % 12) + 1;
		const text = [
			`${city}职业教育第${i + 1}次工作推进会召开（${seed}）`,
			'',
			`发布时间：2022-${String(month).padStart(2, '0')}-15`,
			'',
			`${month}月12日，${city}职业教育第${i + 1}次工作推进会在${city}市召开，来自各地的代表${100 + i}余人参加会议。`,
			`会议期间共培训教师${1000 + i * 7}人次，签订校企合作协议${10 + (i % 30)}项，发布研究报告${3 + (i % 9)}份。`,
			`${'与会代表围绕产教融合、专业建设和人才培养开展了交流研讨。'.repeat(6)}`
		].join('\n');
		return { name: `${seed}-${String(i).padStart(3, '0')}.txt`, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') };
	});
}

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
		expect((await idbAll(page, 'documents')).length).toBe(shipped.documents.length + 5);
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
		const values = await page.locator('[data-chart="explore-table"] .body .cell.value').allTextContents();
		expect(values).toEqual(['480']);
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
			expect(await p.locator('[data-chart="explore-table"] .body .cell.value').allTextContents()).toEqual(['480']);
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

	test('stays responsive while 200 documents import: no main-thread task over 50 ms', async () => {
		await page.goto(`${baseURL}import`);
		await page.locator('[data-import-input]').waitFor();
		// The files are made in the page before measuring: building 200 File objects is the test's
		// work, not the app's. The app's part starts with the drop.
		const docs = syntheticDocuments(200, 'bench').map((f) => ({ name: f.name, text: f.buffer.toString('utf8') }));
		const dataTransfer = await page.evaluateHandle((docs) => {
			const dt = new DataTransfer();
			for (const d of docs) dt.items.add(new File([d.text], d.name, { type: 'text/plain' }));
			return dt;
		}, docs);
		await page.evaluate(() => {
			const w = window as unknown as { longTasks: number[] };
			w.longTasks = [];
			new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask' });
		});
		const started = Date.now();
		await page.locator('[data-dropzone]').dispatchEvent('drop', { dataTransfer });
		const status = await settled(page, 200);
		const elapsed = Date.now() - started;
		const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
		console.log(`[import bench] 200 documents in ${elapsed} ms; long tasks: ${JSON.stringify(longTasks)}`);
		expect(Object.values(status).every((s) => s === 'done')).toBe(true);
		expect(longTasks).toEqual([]);
	});

	test('a reload in the middle of an import leaves no half-written document', async () => {
		await page.goto(`${baseURL}import`);
		await page.locator('[data-import-input]').setInputFiles(syntheticDocuments(120, 'reload'));
		await page.waitForFunction(() => document.querySelectorAll('[data-import-status="done"]').length >= 10);
		await page.reload();
		await page.getByRole('heading', { name: '导入文档' }).waitFor();
		const [documents, texts, imports, metrics, places, meetings] = await Promise.all(['documents', 'texts', 'imports', 'metrics', 'places', 'meetings'].map((s) => idbAll(page, s)));
		const docIds = new Set(documents!.map((d) => d.id));
		const own = imports!.filter((i) => i.docId.startsWith('reload-'));
		expect(own.length).toBeGreaterThanOrEqual(10);
		expect(own.length).toBeLessThan(120);
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
