// English throughout (issue 14.2): with the interface in English, no Chinese is left on any route
// except the sources' own words — document titles, meeting names, figures' subjects and evidence,
// which stay as written — and the switch back to 中文.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Corpus } from '../src/lib/corpus/schema.ts';
import { documentTitle, simplified } from '../src/lib/query/names.ts';
import { launchBrowser } from './browser.ts';
import { routesWithReadyMark } from './routes.ts';

const baseURL = inject('baseURL');
const shipped: Corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8'));
const at = (path: string) => new URL(path, baseURL).href;
const doc = shipped.documents.find((d) => shipped.meetings.some((m) => m.docIds.includes(d.id)))!;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The sources' own words, longest first: these stay as written in every language. */
const SOURCE_TEXT = [
	...new Set(
		[
			'中文',
			...shipped.documents.flatMap((d) => [d.title ?? '', documentTitle(d), d.fileName]),
			...shipped.meetings.flatMap((m) => [m.name, simplified(m.name), ...m.evidence.map((e) => e.text)]),
			...shipped.metrics.flatMap((m) => [m.subject ?? '', m.indicator ?? '', m.text ?? '', m.evidence.text, simplified(m.evidence.text)])
		]
			.map((s) => s.replace(/…$/, ''))
			.filter((s) => CJK.test(s))
	)
].sort((a, b) => b.length - a.length);

/** What is left of a piece of page text once the sources' words are taken out. */
function interfaceText(text: string): string {
	let rest = text;
	for (const s of SOURCE_TEXT) if (rest.includes(s)) rest = rest.split(s).join(' ');
	return rest;
}

const ROUTES = routesWithReadyMark(doc.id);

/** Every piece of text a reader or a screen reader gets: text nodes, labels, titles, placeholders. */
const texts = (page: Page) =>
	page.evaluate(() => {
		const out: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			if (n.nodeType === Node.TEXT_NODE) {
				const p = n.parentElement;
				if (p && !p.closest('script, style, template') && n.textContent?.trim()) out.push(n.textContent.trim());
			} else {
				const el = n as Element;
				for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
					const v = el.getAttribute(a);
					if (v?.trim()) out.push(v.trim());
				}
			}
		}
		return out;
	});

let browser: Browser;
let page: Page;
beforeAll(async () => {
	browser = await launchBrowser();
	const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 1000 }, serviceWorkers: 'block' });
	await context.addInitScript(() => localStorage.setItem('zhijiao:locale', 'en'));
	page = await context.newPage();
});
afterAll(async () => {
	await browser?.close();
});

describe('English sweep', () => {
	test.each(ROUTES)('%s has no Chinese outside the sources’ own words', async (path, selector) => {
		await page.goto(at(path));
		await page.locator(selector).first().waitFor({ timeout: 60_000 });
		// Let the last lists and charts settle.
		await page.waitForTimeout(300);
		const left = (await texts(page)).map(interfaceText).filter((t) => CJK.test(t));
		expect([...new Set(left)].slice(0, 30)).toEqual([]);
	});
});

describe('the language button', () => {
	test('switches a Chinese page to English at once, and the page says so in its lang', async () => {
		const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 }, serviceWorkers: 'block' });
		const p = await context.newPage();
		await p.goto(at('/timeline'));
		await p.locator(ROUTES[1]![1]).waitFor({ timeout: 60_000 });
		expect(await p.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
		await p.getByRole('button', { name: '切换到英文' }).click();
		await p.getByRole('button', { name: 'Switch to Chinese' }).waitFor();
		expect(await p.evaluate(() => document.documentElement.lang)).toBe('en');
		const left = (await texts(p)).map(interfaceText).filter((t) => CJK.test(t));
		expect([...new Set(left)].slice(0, 30)).toEqual([]);
		await p.reload();
		await p.locator(ROUTES[1]![1]).waitFor({ timeout: 60_000 });
		expect(await p.evaluate(() => document.documentElement.lang)).toBe('en');
		await context.close();
	});
});
