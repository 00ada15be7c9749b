// The achievements page answered from the stored snapshot (src/lib/query/snapshot.ts) in Chromium:
// after a visit that stayed until the facts worker had stored the views' first answers (and with
// them the snapshot), a page load of /achievements with filters nobody asked before is answered
// from the snapshot, reading no record; it must show what a fresh profile computes from the records.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser.ts';

const baseURL = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const newPage = async () => (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } })).newPage();
const CHARTS = ['achievements-by-indicator', 'achievements-by-year', 'achievements-by-region', 'figure-table'];

/** What the page shows once every chart is drawn: its text (the table's rows and the conflicts among it), and each chart's count of items. */
async function shown(p: Page) {
	for (const chart of CHARTS)
		await p.locator(`[data-chart="${chart}"][data-state="ready"], [data-chart="${chart}"][data-state="empty"]`).first().waitFor({ timeout: 60_000 });
	const items = await Promise.all(CHARTS.map((c) => p.locator(`[data-chart="${c}"]`).first().getAttribute('data-items')));
	return { items, text: await p.locator('main').innerText() };
}

/** The keys of the snapshot stored in this page's database. */
const snapshotKeys = (p: Page) =>
	p.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('zhijiao-dashboard');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const request = open.result.transaction('meta').objectStore('meta').getAllKeys();
					request.onsuccess = () => {
						resolve((request.result as string[]).filter((k) => k.startsWith('snapshot:')));
						open.result.close();
					};
				};
			})
	);

describe('the achievements snapshot', () => {
	test('a later page load answers new filter states from it, showing what the records give', { timeout: 180_000 }, async () => {
		const visitor = await newPage();
		await visitor.goto(baseURL);
		// stays until every view's first answer (and the snapshot) is stored
		await visitor.waitForFunction(() => performance.getEntriesByName('facts:prefetched').length > 0, null, { timeout: 120_000 });
		expect((await snapshotKeys(visitor)).length).toBeGreaterThan(1);
		for (const search of ['?from=2023', '?to=2021&category=training', '?region=330000']) {
			await visitor.goto(`${baseURL}achievements${search}`);
			const fromSnapshot = await shown(visitor);
			// the oracle: a fresh profile, whose first load computes the answer from the records
			const fresh = await newPage();
			await fresh.goto(`${baseURL}achievements${search}`);
			expect(fromSnapshot).toEqual(await shown(fresh));
			await fresh.context().close();
		}
		await visitor.context().close();
	});
});
