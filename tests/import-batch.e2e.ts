// The import stores extracted documents in batches (src/lib/import/batch.ts): every document of a
// drop is stored, listed and counted however the batches fall; a copy and an unreadable file are
// each reported by name; a batch the disk refuses stores none of its documents and says so on
// each of its files. Work is bounded by counts (120 documents), not by time.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser.ts';
import { idbAll, settled } from './importPage.ts';
import { syntheticDocuments } from './synthetic-import.ts';

const baseURL = inject('baseURL');

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The import page, its first start (the shipped corpus stored) over. */
async function importPage(p: Page): Promise<void> {
	await p.goto(`${baseURL}import`);
	await p.locator('[data-import-input]').waitFor();
	await p.waitForLoadState('networkidle');
}

describe('an import of 120 documents in batches', () => {
	// With the cores the browser says it has: 2 gives one extraction worker, 4 gives three.
	test.each([2, 4])('stores, lists and counts every document; a copy and an unreadable file are each named (%i cores)', async (cores) => {
		const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
		try {
			const p = await context.newPage();
			await p.addInitScript((cores) => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => cores }), cores);
			await p.addInitScript(() => {
				// Every extraction worker the page starts is counted.
				const w = window as unknown as { workers: number; Worker: typeof Worker };
				w.workers = 0;
				const Native = w.Worker;
				w.Worker = class extends Native {
					constructor(url: string | URL, options?: WorkerOptions) {
						super(url, options);
						// import workers only: not the corpus load's, not the facts worker (query/facts.worker.ts)
						if (String(url).includes('worker') && !String(url).includes('load') && !String(url).includes('facts')) w.workers++;
					}
				};
			});
			await importPage(p);
			const docs = syntheticDocuments(120, 'batch');
			const copy = { ...docs[7]!, name: 'copy-of-batch-007.txt' };
			const unreadable = { name: 'unreadable.txt', mimeType: 'text/plain', buffer: readFileSync('tests/fixtures/docs/binary.txt') };
			// The copy and the unreadable file come among the others, so they fall inside a batch.
			const files = [...docs.slice(0, 60), copy, unreadable, ...docs.slice(60)];
			await p.locator('[data-import-input]').setInputFiles(files);
			const status = await settled(p, 122);

			expect(docs.filter((d) => status[d.name] !== 'done').map((d) => d.name)).toEqual([]);
			const copyRow = p.locator('[data-import-file="copy-of-batch-007.txt"]');
			expect([await copyRow.getAttribute('data-import-status'), await copyRow.getAttribute('data-import-problem')]).toEqual(['error', 'duplicate']);
			expect(await copyRow.getByRole('alert').textContent()).toContain('batch-007.txt');
			const badRow = p.locator('[data-import-file="unreadable.txt"]');
			expect([await badRow.getAttribute('data-import-status'), await badRow.getAttribute('data-import-problem')]).toEqual(['error', 'binary']);

			// counted: the summary says 120 imported and 2 failed or skipped
			expect(await p.locator('[data-import-overall]').textContent()).toContain('已导入 120 个，失败或跳过 2 个');
			// listed: the user's documents on the page, from the database
			await p.locator('[data-chart="imported"][data-items="120"]').waitFor();
			// stored: each document whole, once
			const [imports, documents, texts] = await Promise.all(['imports', 'documents', 'texts'].map((s) => idbAll(p, s)));
			const ids = new Set(imports!.map((i) => i.docId));
			expect(ids.size).toBe(120);
			expect(documents!.filter((d) => ids.has(d.id!)).length).toBe(120);
			expect(texts!.filter((t) => ids.has(t.docId!)).length).toBe(120);
			const workers = await p.evaluate(() => (window as unknown as { workers: number }).workers);
			if (cores === 2) expect(workers).toBe(1);
			else expect(workers).toBeGreaterThan(1);
		} finally {
			await context.close();
		}
	}, 180_000);

	test('a batch the disk runs out of room in stores none of its documents and names each file', async () => {
		const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
		try {
			// The disk fills up in the middle of the batch: three rows go in, the fourth is refused. The
			// batch is stored by the facts worker (query/facts.worker.ts), which init scripts do not
			// reach: its module starts the same way (the shipped corpus it stores goes to 'shipped').
			await context.route(/\/workers\/facts\.worker[^/]*\.js$/, async (route) => {
				const response = await route.fetch();
				const refuse = `{ const add = IDBObjectStore.prototype.add; let left = 3; IDBObjectStore.prototype.add = function (...args) { if (this.name === 'shipped' || left-- > 0) return add.apply(this, args); throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); }; }\n`;
				await route.fulfill({ response, body: refuse + (await response.text()) });
			});
			const p = await context.newPage();
			await importPage(p);
			const before = (await idbAll(p, 'documents')).length;
			// … and the same in the page, where the batch is stored when no facts worker runs.
			await p.evaluate(() => {
				const add = IDBObjectStore.prototype.add;
				let left = 3;
				IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
					if (left-- > 0) return add.apply(this, args);
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				};
			});
			const docs = syntheticDocuments(5, 'full');
			await p.locator('[data-import-input]').setInputFiles(docs);
			const status = await settled(p, 5);
			expect(Object.values(status)).toEqual(['error', 'error', 'error', 'error', 'error']);
			for (const d of docs) expect(await p.locator(`[data-import-file="${d.name}"]`).getByRole('alert').textContent()).toContain('存储空间已满');
			expect((await idbAll(p, 'documents')).length).toBe(before);
			expect((await idbAll(p, 'imports')).length).toBe(0);
		} finally {
			await context.close();
		}
	}, 120_000);
});
