// IndexedDB and network failure modes in a real browser: no storage at all, no quota at open,
// another tab upgrading or blocking, a corpus request that never answers, site data cleared
// under the open page, a full disk on Save, and a backup restored in a fresh profile.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Corpus } from '../src/lib/corpus/schema.ts';
import { launchBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const shipped: Corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8'));

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const ready = (page: Page) => page.locator('[data-chart="totals"][data-state="ready"]').waitFor();

/** Opens the app and checks that it says it works from memory and shows the whole corpus. */
async function runsFromMemory(context: BrowserContext): Promise<Page> {
	const page = await context.newPage();
	await page.goto(baseURL);
	await page.locator('[data-notice="memory"]').waitFor();
	await ready(page);
	expect(await page.locator('[data-kpi="documents"] .value').textContent()).toBe(String(shipped.documents.length));
	return page;
}

describe('storage', () => {
	test('without IndexedDB the app works from memory and says nothing will persist', async () => {
		const context = await browser.newContext({ locale: 'zh-CN' });
		// As in a browser that refuses storage: the API is missing.
		await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
		const page = await runsFromMemory(context);
		await page.goto(`${baseURL}explore`);
		await page.locator('[data-chart="explore-table"][data-state="ready"]').waitFor();
		await context.close();
	});

	test('a tab is told to reload when another opens a newer database version, and the other is not blocked', async () => {
		const context = await browser.newContext({ locale: 'zh-CN' });
		const old = await context.newPage();
		await old.goto(baseURL);
		await old.locator('[data-chart="totals"][data-state="ready"]').waitFor();
		const newer = await context.newPage();
		await newer.goto(`${baseURL}favicon.svg`);
		// A future version of the app opening the same database with a higher version.
		const opened = await newer.evaluate(
			() =>
				new Promise<string>((resolve) => {
					const req = indexedDB.open('zhijiao-dashboard', 10_000);
					req.onblocked = () => resolve('blocked');
					req.onsuccess = () => {
						req.result.close();
						resolve('opened');
					};
					req.onerror = () => resolve(`error ${req.error?.name}`);
				})
		);
		expect(opened).toBe('opened');
		await old.locator('[data-notice="upgraded-elsewhere"]').waitFor();
		expect(await old.getByRole('button', { name: '刷新' }).count()).toBe(1);
		await context.close();
	});
});

const CORPUS = /\/corpus[^/]*\.json$/;

describe('storage faults', () => {
	test('no quota at all when the database opens: the app works from memory and says so', async () => {
		const context = await browser.newContext({ locale: 'zh-CN' });
		// As Chromium with a tiny quota: the open request fails with QuotaExceededError.
		await context.addInitScript(() => {
			const open = IDBFactory.prototype.open;
			IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
				if (name !== 'zhijiao-dashboard') return open.call(this, name, version);
				const req = { error: new DOMException('The quota has been exceeded.', 'QuotaExceededError'), result: undefined, readyState: 'done', transaction: null, source: null, onsuccess: null, onblocked: null, onupgradeneeded: null, onerror: null as null | ((e: unknown) => void), addEventListener() {}, removeEventListener() {} };
				setTimeout(() => req.onerror?.({ target: req, type: 'error', preventDefault() {}, stopPropagation() {} }));
				return req as unknown as IDBOpenDBRequest;
			};
		});
		await runsFromMemory(context);
		await context.close();
	});

	test('a quota too small for the first corpus: the app carries on in memory and says so', async () => {
		const context = await browser.newContext({ locale: 'zh-CN' });
		// The database opens, then every write to the browser's IndexedDB is refused.
		await context.addInitScript(() => {
			const refuse = () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			};
			IDBObjectStore.prototype.add = refuse;
			IDBObjectStore.prototype.put = refuse;
		});
		// The corpus is stored by the facts worker (query/facts.worker.ts), which init scripts do not reach: its module starts the same way.
		await context.route(/\/workers\/facts\.worker[^/]*\.js$/, async (route) => {
			const response = await route.fetch();
			const refuse = `{ const refuse = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); }; IDBObjectStore.prototype.add = refuse; IDBObjectStore.prototype.put = refuse; }\n`;
			await route.fulfill({ response, body: refuse + (await response.text()) });
		});
		await runsFromMemory(context);
		await context.close();
	});

	test('an old tab that keeps the database open: the loading page says so, and goes on once it closes', async () => {
		const context = await browser.newContext({ locale: 'zh-CN' });
		const old = await context.newPage();
		await old.goto(`${baseURL}favicon.svg`);
		// An old build of the app: holds version 1 open and ignores requests to close.
		await old.evaluate(
			() =>
				new Promise<void>((resolve) => {
					const req = indexedDB.open('zhijiao-dashboard', 1);
					req.onsuccess = () => {
						req.result.onversionchange = () => undefined;
						(window as unknown as { __old: IDBDatabase }).__old = req.result;
						resolve();
					};
				})
		);
		const page = await context.newPage();
		await page.goto(baseURL);
		const notice = page.locator('[data-notice="blocked"]');
		await notice.waitFor();
		expect(await notice.textContent()).toContain('关闭或刷新其他看板标签页');
		await old.evaluate(() => (window as unknown as { __old: IDBDatabase }).__old.close());
		await ready(page);
		expect(await notice.count()).toBe(0);
		await context.close();
	});

	test('a corpus request that never answers: the stored corpus shows with a notice, and Retry fetches again', async () => {
		const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.goto(baseURL);
		await ready(page);
		// Stalled venue Wi-Fi: the request is sent and nothing ever comes back.
		await context.route(CORPUS, () => undefined);
		await page.reload();
		await page.locator('[data-notice="timeout"]').waitFor({ timeout: 45_000 });
		await ready(page);
		expect(await page.locator('[data-notice="timeout"]').textContent()).toContain('没有响应');
		await context.unroute(CORPUS);
		await page.locator('[data-notice="timeout"] [data-retry]').click();
		await expect.poll(() => page.locator('[data-notice="timeout"]').count(), { timeout: 20_000 }).toBe(0);
		await context.close();
	});

	test('a corpus request that never answers on a first visit ends in an error with Retry, not an endless spinner', async () => {
		const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
		await context.route(CORPUS, () => undefined);
		const page = await context.newPage();
		await page.goto(baseURL);
		const error = page.locator('[data-load-error]');
		await error.waitFor({ timeout: 45_000 });
		expect(await error.textContent()).toMatch(/秒内没有响应/);
		await context.unroute(CORPUS);
		await error.locator('[data-retry]').click();
		await ready(page);
		await context.close();
	});

	test('site data cleared while the app is open: the page says so', async () => {
		const context = await browser.newContext({ locale: 'zh-CN' });
		const page = await context.newPage();
		await page.goto(baseURL);
		await ready(page);
		const cdp = await context.newCDPSession(page);
		await cdp.send('Storage.clearDataForOrigin', { origin: new URL(baseURL).origin, storageTypes: 'indexeddb' });
		const notice = page.locator('[data-notice="cleared"]');
		await notice.waitFor();
		expect(await notice.textContent()).toContain('已被清除');
		await context.close();
	});
});

/** Imports `files` on /import and waits until every row has finished. */
async function importFiles(page: Page, files: Array<{ name: string; text: string }>): Promise<void> {
	await page.goto(`${baseURL}import`);
	await page.locator('[data-import-input]').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) })));
	await page.locator(`[data-import-overall="finished"]`).waitFor({ timeout: 60_000 });
}

async function exportFile(page: Page): Promise<string> {
	await page.goto(`${baseURL}import`);
	const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export]').click()]);
	return readFileSync((await download.path())!, 'utf8');
}

async function restoreFile(page: Page, json: string): Promise<string> {
	await page.goto(`${baseURL}import`);
	await page.locator('[data-restore-input]').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(json) });
	const done = page.locator('[data-restore]');
	await done.waitFor();
	expect(await done.getAttribute('data-restore'), (await done.textContent()) ?? '').toBe('done');
	return (await done.textContent()) ?? '';
}

describe('backups', () => {
	let context: BrowserContext;
	let page: Page;
	beforeAll(async () => {
		context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
		page = await context.newPage();
	});
	afterAll(async () => {
		await context?.close();
	});

	test('a backup with an <h1> over 300 characters and a 196-character file name restores in a fresh profile and in the same one', async () => {
		const title = '关于进一步推进职业教育产教融合'.repeat(25);
		const name = `${'年度工作报告'.repeat(31)}12345.html`;
		expect([title.length > 300, name.length]).toEqual([true, 196]);
		await importFiles(page, [
			{ name, text: `<html><body><h1>${title}</h1><p>发布时间：2023-05-20</p><p>5月18日，职业教育论坛在杭州举行，来自浙江、江苏的代表200余人参加，发布研究报告12份。</p></body></html>` }
		]);
		const row = page.locator(`[data-import-file="${name}"]`);
		expect(await row.getAttribute('data-import-status')).toBe('done');
		const backup = await exportFile(page);

		const fresh = await browser.newContext({ locale: 'zh-CN' });
		try {
			const other = await fresh.newPage();
			await other.goto(baseURL);
			await ready(other);
			expect(await restoreFile(other, backup)).toContain('新增 1 个文档');
			await other.goto(`${baseURL}import`);
			expect(await other.locator('[data-chart="imported"] a').first().textContent()).toContain('关于进一步推进职业教育产教融合');
		} finally {
			await fresh.close();
		}
		expect(await restoreFile(page, backup)).toContain('新增 0 个文档');
	});

	test('a correction the disk has no room for is said, not silently dropped', async () => {
		await page.goto(`${baseURL}import`);
		await page.locator('[data-chart="imported"] a').first().click();
		await page.locator('.text .mark.metric').first().waitFor();
		const fact = page.locator('li', { has: page.locator('[data-figure]', { hasText: '12份' }) });
		await fact.getByRole('button', { name: '更正' }).click();
		await fact.locator('input[name="value"]').fill('120');
		// The disk fills up: every IndexedDB write is refused from now on.
		await page.evaluate(() => {
			IDBObjectStore.prototype.put = () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			};
		});
		await fact.getByRole('button', { name: '保存' }).click();
		const error = page.locator('[data-save-error]');
		await error.waitFor();
		expect(await error.textContent()).toContain('存储空间已满');
		expect(await page.locator('[data-figure]', { hasText: '120份' }).count()).toBe(0);
	});
});
