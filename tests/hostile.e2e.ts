// Hostile content: document text, titles and names are data, never markup. Payloads go through
// the real pipeline (extraction → corpus → IndexedDB → every view) and must never execute.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { buildCorpus } from '../src/lib/corpus/build.ts';
import { launchBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const PWN = 'window.__pwned=1';
const enc = (s: string) => new TextEncoder().encode(s);

const files = [
	{
		name: 'hostile-page.html',
		bytes: enc(`<html><head><title>&lt;img src=x onerror="${PWN}"&gt;论坛</title></head><body>
			<h1>&lt;svg onload=${PWN}&gt;职业教育论坛在杭州举行</h1>
			<p>发布时间：2023-05-20</p>
			<script>${PWN}</script>
			<p>5月18日，&lt;img src=x onerror=${PWN}&gt;职业教育论坛在杭州举行，来自浙江、江苏的代表200余人参加会议。</p>
			<p><a href="javascript:${PWN}">详情</a><iframe src="javascript:${PWN}"></iframe><img src=x onerror="${PWN}"></p>
			<p>会上发布研究报告&lt;b onmouseover=${PWN}&gt;12份。</p>
		</body></html>`)
	},
	{
		name: 'hostile-text.txt',
		bytes: enc(`<script>${PWN}</script>"><img src=x onerror=${PWN}>研讨会在成都召开\n发布时间:2022-06-08\n6月5日，"><svg/onload=${PWN}>西部职业教育研讨会在四川省成都市召开，约300名代表参会。\n=HYPERLINK("http://evil.example","点击")培训教师1.2万人次。`)
	}
];

let browser: Browser;
let page: Page;
const dialogs: string[] = [];
const violations: string[] = [];
const { corpus } = buildCorpus(files);

beforeAll(async () => {
	browser = await launchBrowser();
	// The corpus request is intercepted: requests a service worker handles would bypass the route.
	const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 }, serviceWorkers: 'block' });
	await context.route(/\/corpus[^/]*\.json$/, (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(corpus) }));
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			(window as unknown as { __violations: string[] }).__violations ??= [];
			(window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
		});
	});
	page = await context.newPage();
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
});
afterAll(async () => {
	await browser?.close();
});

const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);

describe('hostile documents', () => {
	test('keep their payloads as text in the corpus', () => {
		expect(corpus.documents).toHaveLength(2);
		const words = JSON.stringify(corpus);
		expect(words).toContain('onerror');
	});

	test.each(['', 'timeline', 'map', 'achievements', 'explore', 'documents/hostile-page', 'documents/hostile-text'])(
		'never run a payload on /%s',
		async (route) => {
			await page.goto(`${baseURL}${route}`);
			await page.locator('[data-chart][data-state="ready"], [data-chart][data-state="empty"]').first().waitFor();
			// Hover every canvas so tooltips render whatever they render.
			for (const canvas of await page.locator('canvas').all()) {
				const box = await canvas.boundingBox();
				if (box) for (const f of [0.25, 0.5, 0.75]) await page.mouse.move(box.x + box.width * f, box.y + box.height * f);
			}
			await page.waitForTimeout(300);
			expect(await pwned()).toBeNull();
			expect(dialogs).toEqual([]);
			const scriptViolations = ((await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])) as string[]).filter((v) => v.startsWith('script'));
			violations.push(...scriptViolations);
			expect(await page.locator('main iframe, main script, main svg[onload], main img[onerror]').count()).toBe(0);
		}
	);

	test('never run a payload imported through /import or restored from a corpus file', async () => {
		const context = await browser.newContext({ locale: 'zh-CN' });
		const p = await context.newPage();
		p.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		await p.goto(`${baseURL}import`);
		await p.locator('[data-import-input]').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.bytes) })));
		await p.waitForFunction(
			() => [...document.querySelectorAll('[data-import-status]')].filter((r) => r.getAttribute('data-import-status') === 'done').length === 2,
			null,
			{ timeout: 60_000 }
		);
		const restored = buildCorpus([{ name: 'restored.txt', bytes: enc(`<img src=x onerror=${PWN}>年会在南京召开\n发布时间:2021-03-01\n3月1日，"><script>${PWN}</script>年会在南京召开，120余人参加。`) }]).corpus;
		await p.locator('[data-restore-input]').setInputFiles({ name: 'restore.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(restored)) });
		await p.locator('[data-restore="done"]').waitFor();
		for (const route of ['', 'explore', 'achievements', 'timeline']) {
			await p.goto(`${baseURL}${route}`);
			await p.locator('[data-chart][data-state="ready"]').first().waitFor();
		}
		const links = await p.locator('a[href^="/documents/"]').evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!))]);
		for (const href of links.slice(0, 5)) {
			await p.goto(`${baseURL}${href.slice(1)}`);
			await p.locator('[data-chart="document"]').waitFor();
		}
		expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
		expect(dialogs).toEqual([]);
		expect(await p.locator('main script, main iframe, main img[onerror], main svg[onload]').count()).toBe(0);
		await context.close();
	});

	test('show a payload in a title literally', async () => {
		await page.goto(`${baseURL}documents/hostile-page`);
		const h1 = page.getByRole('heading', { level: 1 });
		await h1.waitFor();
		expect(await h1.textContent()).toContain('<svg onload=');
		expect(violations).toEqual([]);
	});
});
