// The import worker extracts the files it holds together as a batch, under one time budget
// (queue.svelte.ts, EXTRACT_BUDGET_S): a batch that overruns, or breaks its worker, is stopped and
// its files are sent again one by one, so only the file at fault is skipped by name, as in the
// corpus CLI. The page's Worker is wrapped to simulate such files: once a worker starts a batch
// holding a file named hang…, the page hears nothing more from it (a worker stuck in a loop); one
// holding a file named crash… fails with an error event. The budget runs on the page's fake clock
// (Playwright's clock, moved on by the test): no wall time counts.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser.ts';
import { settled } from './importPage.ts';
import { syntheticDocuments } from './synthetic-import.ts';

const baseURL = inject('baseURL');

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

interface Seen {
	/** every file handed to an import worker: the worker (in order of start), its job and name, and whether it was to go alone */
	sent: { worker: number; job: number; name: string; alone: boolean }[];
	/** the batches that went silent or crashed: the worker and the batch's jobs */
	hung: { worker: number; jobs: number[] }[];
}

/** The import page with its import workers wrapped (see above), on two cores (one worker at a time), the fake clock installed. */
async function wrappedImportPage(context: BrowserContext): Promise<Page> {
	const p = await context.newPage();
	await p.clock.install();
	await p.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 2 }));
	await p.addInitScript(() => {
		const w = window as unknown as Seen & { Worker: typeof Worker };
		w.sent = [];
		w.hung = [];
		let started = 0;
		const Native = w.Worker;
		w.Worker = class extends Native {
			#n = started++;
			// import workers only: not the corpus load's, not the facts worker (query/facts.worker.ts)
			#importer: boolean;
			#faulty = new Map<number, 'hang' | 'crash'>();
			#silent = false;
			constructor(url: string | URL, options?: WorkerOptions) {
				super(url, options);
				this.#importer = String(url).includes('worker') && !String(url).includes('load') && !String(url).includes('facts');
			}
			postMessage(message: unknown, options?: Transferable[] | StructuredSerializeOptions): void {
				const m = message as { type?: string; job: number; file: File; alone?: boolean };
				if (this.#importer && m?.type === 'extract') {
					w.sent.push({ worker: this.#n, job: m.job, name: m.file.name, alone: m.alone === true });
					const fault = /^(hang|crash)/.exec(m.file.name)?.[1] as 'hang' | 'crash' | undefined;
					if (fault) this.#faulty.set(m.job, fault);
				}
				super.postMessage(message, options as StructuredSerializeOptions);
			}
			get onmessage() {
				return super.onmessage;
			}
			set onmessage(handler: ((this: Worker, e: MessageEvent) => unknown) | null) {
				if (!this.#importer || !handler) {
					super.onmessage = handler;
					return;
				}
				super.onmessage = (e: MessageEvent) => {
					if (this.#silent) return;
					const heard: { type: string; jobs?: number[]; stage?: string }[] = [];
					let crash = false;
					for (const m of e.data as { type: string; jobs?: number[]; stage?: string }[]) {
						const fault = m.type === 'batch' ? m.jobs!.map((j) => this.#faulty.get(j)).find(Boolean) : undefined;
						if (fault) {
							this.#silent = true;
							crash = fault === 'crash';
							w.hung.push({ worker: this.#n, jobs: m.jobs! });
						} else if (this.#silent && !(m.type === 'progress' && m.stage === 'reading')) continue;
						heard.push(m);
					}
					handler.call(this as unknown as Worker, { data: heard } as MessageEvent);
					if (crash) this.onerror?.call(this as unknown as Worker, new ErrorEvent('error', { message: 'simulated crash' }));
				};
			}
		};
	});
	await openImportPage(p);
	return p;
}

/** Opens /import and waits until its first start is over. */
async function openImportPage(p: Page): Promise<void> {
	await p.goto(`${baseURL}import`);
	await p.locator('[data-import-input]').waitFor();
	await p.waitForLoadState('networkidle');
}

describe('an import whose batch overruns its time budget or breaks its worker', () => {
	test('tries the batch’s files one by one and skips only the file that overruns alone, by name', async () => {
		const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
		try {
			const p = await wrappedImportPage(context);
			const docs = syntheticDocuments(21, 'budget');
			const hang = { ...syntheticDocuments(1, 'hang')[0]!, name: 'hang.txt' };
			const files = [...docs.slice(0, 10), hang, ...docs.slice(10)];
			await p.locator('[data-import-input]').setInputFiles(files);

			const seen = () => p.evaluate(() => ({ sent: (window as unknown as Seen).sent, hung: (window as unknown as Seen).hung }));
			// The batch holding hang.txt goes silent; its budget runs out on the clock.
			await p.waitForFunction(() => (window as unknown as Seen).hung.length === 1);
			const first = (await seen()).hung[0]!;
			expect(first.jobs.length).toBeGreaterThan(1);
			await p.clock.runFor(31_000);
			// Its files are sent again, each alone; hang.txt, alone, goes silent again and overruns.
			await p.waitForFunction(() => (window as unknown as Seen).hung.length === 2);
			const second = (await seen()).hung[1]!;
			expect(second.jobs.length).toBe(1);
			await p.clock.runFor(31_000);

			const status = await settled(p, files.length);
			expect(files.filter((f) => status[f.name] !== (f === hang ? 'error' : 'done')).map((f) => f.name)).toEqual([]);
			expect(await p.locator('[data-import-file="hang.txt"]').getAttribute('data-import-problem')).toBe('tooSlow');

			const { sent } = await seen();
			const hangJob = sent.find((s) => s.name === 'hang.txt')!.job;
			expect(second.jobs).toEqual([hangJob]);
			// every file of the batch that overran went again alone (those behind hang.txt twice: its
			// worker was stopped before them), and no other file did
			expect([...new Set(sent.filter((s) => s.alone).map((s) => s.job))].sort((a, b) => a - b)).toEqual([...first.jobs].sort((a, b) => a - b));
			expect(sent.filter((s) => s.name === 'hang.txt').map((s) => s.alone)).toEqual([false, true]);
		} finally {
			await context.close();
		}
	}, 180_000);

	test('a file that breaks its worker fails by name, alone; the other files of its batch go in', async () => {
		const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
		try {
			const p = await wrappedImportPage(context);
			const docs = syntheticDocuments(21, 'sound');
			const crash = { ...syntheticDocuments(1, 'crashing')[0]!, name: 'crash.txt' };
			const files = [...docs.slice(0, 10), crash, ...docs.slice(10)];
			await p.locator('[data-import-input]').setInputFiles(files);

			const status = await settled(p, files.length);
			expect(files.filter((f) => status[f.name] !== (f === crash ? 'error' : 'done')).map((f) => f.name)).toEqual([]);
			const row = p.locator('[data-import-file="crash.txt"]');
			expect(await row.getAttribute('data-import-problem')).toBe('other');
			expect(await row.getByRole('alert').textContent()).toContain('simulated crash');
			const { sent, hung } = await p.evaluate(() => ({ sent: (window as unknown as Seen).sent, hung: (window as unknown as Seen).hung }));
			// its batch broke the worker: sent again file by file, crash.txt broke the next one alone
			expect(hung.length).toBe(2);
			expect(hung[0]!.jobs.length).toBeGreaterThan(1);
			expect(hung[1]!.jobs).toEqual([sent.find((s) => s.name === 'crash.txt')!.job]);
			expect(sent.filter((s) => s.name === 'crash.txt').map((s) => s.alone)).toEqual([false, true]);
		} finally {
			await context.close();
		}
	}, 180_000);
});

describe('files read together', () => {
	// The import worker reads a batch's files as one Blob; when that read fails, each file is read
	// alone, so only a file that cannot be read fails. The worker's module is served with its Blob
	// reads patched (init scripts do not reach workers): every read of several files together fails,
	// and one file cannot be read at all.
	test('a batch whose joint read fails is read file by file; only the unreadable file fails, by name', async () => {
		const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
		try {
			await context.route(/\/workers\/worker-[\w-]+\.js$/, async (route) => {
				const response = await route.fetch();
				const patch =
					`{ const read = Blob.prototype.arrayBuffer; const told = new BroadcastChannel('joint-reads'); Blob.prototype.arrayBuffer = function () { ` +
					`if (!(this instanceof File)) { told.postMessage(this.size); return Promise.reject(new DOMException('simulated', 'NotReadableError')); } ` +
					`if (this.name === 'gone.txt') return Promise.reject(new DOMException('the file changed on disk', 'NotReadableError')); ` +
					`return read.call(this); }; }\n`;
				await route.fulfill({ response, body: patch + (await response.text()) });
			});
			const p = await context.newPage();
			await p.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 2 }));
			// the joint reads the worker tried (and that failed)
			await p.addInitScript(() => {
				const w = window as unknown as { jointReads: number };
				w.jointReads = 0;
				new BroadcastChannel('joint-reads').onmessage = () => w.jointReads++;
			});
			await openImportPage(p);
			const docs = syntheticDocuments(40, 'joint');
			const gone = { ...syntheticDocuments(1, 'gone')[0]!, name: 'gone.txt' };
			const files = [...docs.slice(0, 20), gone, ...docs.slice(20)];
			await p.locator('[data-import-input]').setInputFiles(files);
			const status = await settled(p, files.length);
			expect(files.filter((f) => status[f.name] !== (f === gone ? 'error' : 'done')).map((f) => f.name)).toEqual([]);
			expect(await p.locator('[data-import-file="gone.txt"]').getByRole('alert').textContent()).toContain('the file changed on disk');
			expect(await p.evaluate(() => (window as unknown as { jointReads: number }).jointReads)).toBeGreaterThan(0);
		} finally {
			await context.close();
		}
	}, 180_000);
});
