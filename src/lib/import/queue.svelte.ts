// The import queue: files wait, go to the extraction worker, and are stored in batches (one
// transaction per batch of up to 50 documents or 250 ms, see batch.ts). Rows are rune state, so
// the page shows each file's progress as it moves.
import { db } from '../db/index.ts';
import { storeImportedBatch, type ImportItem } from '../db/user.ts';
import { ImportBatcher } from './batch.ts';
import type { FileProblem } from './problems.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { progressOf, type ImportStatus, type RowStage } from './progress.ts';

export interface ImportRow {
	job: number;
	name: string;
	size: number;
	status: ImportStatus;
	stage: RowStage;
	problem: FileProblem | null;
	/** set when the same content is already stored */
	duplicateOf: { id: string; title: string | null; fileName: string } | null;
	docId: string | null;
	warnings: string[];
}

/**
 * Files handed to the worker ahead (File handles, not their bytes): enough that it never waits
 * for the page, which hands it more only when it handles the worker's messages, every INBOX_MS
 * (64 per 100 ms allows 640 files a second); the worker reads them one at a time.
 */
const AHEAD = 64;
/**
 * Seconds one file may take in the worker, from the start of its reading: a file that takes
 * longer is skipped by name (the worker is replaced) and the queue goes on. Far above the ≤ 1 s
 * a 5 MB document takes, for slow machines.
 */
export const EXTRACT_BUDGET_S = 30;
const ROWS_PER_TASK = 20;
/**
 * How long the worker's messages gather before the page handles them together: the rows change
 * (and the browser lays out and paints them) ten times a second at most, not at every frame.
 */
const INBOX_MS = 100;

class ImportQueue {
	rows = $state<ImportRow[]>([]);
	#files = new Map<number, File>();
	#worker: Worker | null = null;
	#next = 1;
	#inFlight = 0;
	/** rows by job (the rune proxies), and where the first row that may still be queued is */
	#byJob = new Map<number, ImportRow>();
	#scan = 0;
	/** extracted documents waiting to be stored together */
	#batcher = new ImportBatcher<{ row: ImportRow; item: ImportItem }>((batch) => this.#store(batch));
	/** the file the worker is working on and its deadline timer */
	#clock: { job: number; timer: ReturnType<typeof setTimeout> } | null = null;

	/** worker messages not handled yet: handled together every INBOX_MS, one page update for many files */
	#inbox: FromWorker[] = [];
	#drain: ReturnType<typeof setTimeout> | null = null;
	/**
	 * Rows by status and the sum of their shares done, kept as rows move (#move): counting 1,000
	 * rows again on each of the worker's messages took ~5 % of the import's main thread.
	 */
	#counts = $state({ queued: 0, working: 0, done: 0, error: 0, share: 0 });

	/** Rows by status and the overall share done (finished rows count whole). */
	tally = $derived.by(() => {
		const { queued, working, done, error, share } = this.#counts;
		return { queued, working, done, error, overall: this.rows.length ? share / this.rows.length : 0 };
	});

	/** Moves a row on, keeping the tally. */
	#move(row: ImportRow, status: ImportStatus, stage: RowStage): void {
		const c = this.#counts;
		c[row.status]--;
		c.share -= progressOf(row.status, row.stage);
		row.status = status;
		row.stage = stage;
		c[status]++;
		c.share += progressOf(status, stage);
	}

	#recount(): void {
		const c = { queued: 0, working: 0, done: 0, error: 0, share: 0 };
		for (const r of this.rows) {
			c[r.status]++;
			c.share += progressOf(r.status, r.stage);
		}
		this.#counts = c;
	}

	/** Queues files a few rows per task: rendering hundreds of rows at once would block the page. */
	add(files: Iterable<File>): void {
		const pending = [...files];
		const step = () => {
			for (const file of pending.splice(0, ROWS_PER_TASK)) {
				const job = this.#next++;
				this.#files.set(job, file);
				this.rows.push({ job, name: file.name, size: file.size, status: 'queued', stage: 'queued', problem: null, duplicateOf: null, docId: null, warnings: [] });
				this.#byJob.set(job, this.rows[this.rows.length - 1]!);
				this.#counts.queued++;
			}
			this.#pump();
			if (pending.length) setTimeout(step, 0);
		};
		step();
	}

	/**
	 * Stops the worker at once; files not stored yet (extracted ones waiting for their batch too)
	 * are marked cancelled. The batch being stored completes or not at all.
	 */
	cancel(): void {
		this.#stopClock();
		this.#terminate();
		for (const { row } of this.#batcher.drop()) this.#move(row, 'working', 'queued');
		for (const row of this.rows)
			if (row.status === 'queued' || (row.status === 'working' && row.stage !== 'storing')) this.#fail(row, { code: 'cancelled', detail: '' });
	}

	/** Forgets finished rows. */
	clearFinished(): void {
		this.rows = this.rows.filter((r) => r.status === 'queued' || r.status === 'working');
		this.#byJob = new Map(this.rows.map((r) => [r.job, r]));
		this.#scan = 0;
		this.#recount();
	}

	#row(job: number): ImportRow | undefined {
		return this.#byJob.get(job);
	}

	/** Stops the worker; what it sent and the page has not handled yet is dropped with it. */
	#terminate(): void {
		this.#worker?.terminate();
		this.#worker = null;
		this.#inFlight = 0;
		this.#inbox = [];
		if (this.#drain) clearTimeout(this.#drain);
		this.#drain = null;
	}

	#fail(row: ImportRow, problem: FileProblem): void {
		this.#move(row, 'error', row.stage);
		row.problem = problem;
		this.#files.delete(row.job);
	}

	#stopClock(): void {
		if (this.#clock) clearTimeout(this.#clock.timer);
		this.#clock = null;
	}

	/** Starts the budget of the file the worker has begun. */
	#startClock(job: number): void {
		this.#stopClock();
		this.#clock = { job, timer: setTimeout(() => this.#overrun(job), EXTRACT_BUDGET_S * 1000) };
	}

	/** A file ran out of time: the worker is replaced, the file skipped, the files behind it queued again. */
	#overrun(job: number): void {
		this.#clock = null;
		this.#terminate();
		for (const row of this.rows) {
			if (row.status !== 'working' || row.stage === 'storing') continue;
			if (row.job === job) this.#fail(row, { code: 'tooSlow', detail: String(EXTRACT_BUDGET_S) });
			else this.#move(row, 'queued', 'queued');
		}
		this.#scan = 0;
		this.#pump();
	}

	#spawn(): Worker {
		const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (e: MessageEvent<FromWorker>) => {
			this.#inbox.push(e.data);
			this.#drain ??= setTimeout(() => {
				this.#drain = null;
				for (const message of this.#inbox.splice(0)) this.#receive(message);
			}, INBOX_MS);
		};
		worker.onerror = (e) => {
			this.#stopClock();
			this.#terminate();
			// The worker itself failed (not one file): report it on every file it held.
			for (const row of this.rows) if (row.status === 'working' && row.stage !== 'storing') this.#fail(row, { code: 'other', detail: e.message });
			this.#pump();
			this.#settle();
		};
		return worker;
	}

	#pump(): void {
		for (; this.#scan < this.rows.length; this.#scan++) {
			if (this.#inFlight >= AHEAD) return;
			const row = this.rows[this.#scan]!;
			if (row.status !== 'queued') continue;
			const file = this.#files.get(row.job);
			if (!file) continue;
			this.#worker ??= this.#spawn();
			this.#move(row, 'working', 'sent');
			this.#inFlight++;
			this.#worker.postMessage({ type: 'extract', job: row.job, file } satisfies ToWorker);
		}
	}

	#receive(message: FromWorker): void {
		const row = this.#row(message.job);
		if (!row || row.status !== 'working') return;
		if (message.type === 'progress') {
			if (message.stage === 'reading') this.#startClock(row.job);
			this.#move(row, 'working', message.stage);
			return;
		}
		if (this.#clock?.job === row.job) this.#stopClock();
		this.#inFlight--;
		this.#files.delete(row.job);
		if (message.type === 'error') {
			this.#fail(row, message.problem);
			this.#pump();
			this.#settle();
			return;
		}
		this.#move(row, 'working', 'storing');
		row.warnings = message.warnings;
		this.#batcher.add({ row, item: { records: message.records, text: message.text, fileName: row.name } });
		this.#pump();
		this.#settle();
	}

	/** Nothing left for the worker: the last documents are stored now rather than after the batch's wait. */
	#settle(): void {
		if (this.#inFlight === 0) this.#batcher.flushNow();
	}

	/**
	 * Stores one batch in one transaction and finishes its rows. When the transaction fails
	 * (QuotaExceededError …) none of the batch was stored, and each of its files says so by name.
	 */
	async #store(batch: { row: ImportRow; item: ImportItem }[]): Promise<void> {
		try {
			const outcomes = await storeImportedBatch(
				db,
				batch.map((b) => b.item)
			);
			outcomes.forEach((stored, i) => {
				const row = batch[i]!.row;
				if (stored.outcome === 'duplicate') {
					row.duplicateOf = stored.existing;
					this.#fail(row, { code: 'duplicate', detail: stored.existing.fileName });
				} else if (stored.outcome === 'invalid') this.#fail(row, { code: 'other', detail: stored.message });
				else {
					row.docId = stored.docId;
					// Repairs that made the records valid (a cut title …) are warnings like the extractor's.
					if (stored.repairs.length) row.warnings = [...row.warnings, ...stored.repairs];
					this.#move(row, 'done', 'stored');
				}
			});
		} catch (e) {
			const detail = e instanceof Error ? e.message : String(e);
			for (const { row } of batch) this.#fail(row, { code: 'other', detail });
		}
	}
}

export const importQueue = new ImportQueue();
