// Reviewed facts for everyone: a correction and a confirmation made in the browser are exported
// from /import, merged with `corrections:merge` into a corrections file (twice: idempotent),
// built into a corpus by the CLI from a fixture folder, and shown on the overview, the explorer
// and the document page when that corpus is served.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Corpus } from '../src/lib/corpus/schema.ts';
import { validateCorpus } from '../src/lib/corpus/validate.ts';
import { filterFacts } from '../src/lib/query/facts.ts';
import { reviewedCount } from '../src/lib/query/review.ts';
import { NO_FILTERS } from '../src/lib/state/filters.ts';
import { launchBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const FIXTURES = 'tests/fixtures/docs';
const work = mkdtempSync(join(tmpdir(), 'review-e2e-'));

function node(args: string[]) {
	const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The fixture folder built by the CLI, with the given corrections (or none). */
function build(out: string, corrections?: string): Corpus {
	const r = node(['scripts/corpus.ts', '--in', FIXTURES, '--out', out, ...(corrections ? ['--corrections', corrections] : ['--no-corrections'])]);
	expect(r.code, r.stderr).toBe(0);
	return JSON.parse(readFileSync(out, 'utf8'));
}

const base = build(join(work, 'base.json'));
const target = base.metrics.find((m) => m.docId === 'annual')!;
const other = base.metrics.find((m) => m.docId === 'annual' && m.id !== target.id)!;

let browser: Browser;
const contexts: BrowserContext[] = [];
/** A page whose app is served `corpus` (no service worker, so the route sees the request). */
async function pageWith(corpus: Corpus): Promise<Page> {
	const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', acceptDownloads: true });
	contexts.push(context);
	await context.route(/\/corpus[^/]*\.json$/, (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(corpus) }));
	return context.newPage();
}

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	rmSync(work, { recursive: true, force: true });
});

describe('reviewed facts travel from the browser into the shipped corpus', { timeout: 180_000 }, () => {
	const exported = join(work, 'exported.json');
	const corrections = join(work, 'corrections.json');
	const built = join(work, 'built.json');

	test('a figure corrected with a note, another confirmed and a document marked fully reviewed are exported alone', async () => {
		const page = await pageWith(base);
		await page.goto(`${baseURL}documents/annual`);
		const fact = page.locator(`li[id="${target.id}"]`);
		await fact.getByRole('button', { name: '更正' }).click();
		await fact.locator('[data-edit-form="metric"] input[name="value"]').fill(String(target.value + 1));
		await fact.locator('[data-edit-form="metric"] input[name="note"]').fill('核对原件');
		await fact.locator('[data-edit-form="metric"]').getByRole('button', { name: '保存' }).click();
		await fact.getByText('已更正').waitFor();
		const second = page.locator(`li[id="${other.id}"]`);
		await second.locator('[data-action="confirm"]').click();
		await second.locator('[data-review="confirmed"]').waitFor();
		await page.goto(`${baseURL}documents/speech`);
		await page.locator('[data-action="confirm-document"]').click();
		await page.locator('dd [data-review="confirmed"]').waitFor();

		await page.goto(`${baseURL}import`);
		const button = page.locator('[data-export-corrections]');
		await expect.poll(() => button.textContent()).toContain('3');
		const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
		expect(download.suggestedFilename()).toMatch(/^zhijiao-corrections-\d{4}-\d{2}-\d{2}\.json$/);
		await download.saveAs(exported);
		const file = JSON.parse(readFileSync(exported, 'utf8'));
		expect(Object.keys(file).sort()).toEqual(['edits', 'format', 'version']);
		expect(file.edits.map((e: { op: string }) => e.op).sort()).toEqual(['confirm', 'confirm', 'patch']);
	});

	test('the merge command adds the file, and merging it again changes nothing', () => {
		const first = node(['scripts/corrections-merge.ts', exported, '--into', corrections]);
		expect(first.code, first.stderr).toBe(0);
		expect(first.stdout).toContain('3 added, 0 already there, 0 conflicts');
		const bytes = readFileSync(corrections);
		const again = node(['scripts/corrections-merge.ts', exported, '--into', corrections]);
		expect(again.stdout).toContain('0 added, 3 already there, 0 conflicts');
		expect(readFileSync(corrections).equals(bytes)).toBe(true);
	});

	test('the CLI builds the corrections into a valid corpus, the same bytes every time', () => {
		const corpus = build(built, corrections);
		expect(validateCorpus(corpus).ok).toBe(true);
		expect(corpus.metrics.find((m) => m.id === target.id)).toMatchObject({ value: target.value + 1, review: { status: 'corrected', note: '核对原件' } });
		expect(corpus.metrics.find((m) => m.id === other.id)).toMatchObject({ value: other.value, review: { status: 'confirmed' } });
		expect(corpus.metrics.filter((m) => m.review)).toHaveLength(2);
		expect(corpus.documents.find((d) => d.id === 'speech')?.review).toMatchObject({ status: 'confirmed' });
		const again = join(work, 'again.json');
		build(again, corrections);
		expect(readFileSync(again).equals(readFileSync(built))).toBe(true);
	});

	test('served, the built corpus shows what was reviewed on the overview, the explorer and the document page', async () => {
		const corpus: Corpus = JSON.parse(readFileSync(built, 'utf8'));
		const page = await pageWith(corpus);
		await page.goto(baseURL);
		// the two figures of annual, and every figure and meeting of the reviewed document
		const expected = reviewedCount(filterFacts(corpus, NO_FILTERS)).reviewed;
		expect(expected).toBeGreaterThan(2);
		const line = page.locator('[data-reviewed]');
		await line.waitFor();
		expect(await line.getAttribute('data-reviewed')).toBe(String(expected));
		expect(await line.getAttribute('data-shown')).toBe(String(corpus.metrics.length + corpus.meetings.length));

		await page.goto(`${baseURL}explore`);
		await page.locator('[data-chart="explore-table"][data-state="ready"]').waitFor();
		await page.locator('[data-reviewed-only]').check();
		await expect.poll(() => page.locator('[data-chart="explore-table"]').getAttribute('data-items')).toBe(String(expected));

		await page.goto(`${baseURL}documents/annual`);
		const fact = page.locator(`li[id="${target.id}"] [data-review="corrected"]`);
		await fact.waitFor();
		expect(await fact.textContent()).toContain('核对原件');
	});
});
