// The import queue: files wait, go to the extraction worker, and are stored in batches (one
// transaction per batch of up to 50 documents or 250 ms, see batch.ts), by the facts worker when
// one runs (facts.storeImported): the page's thread only shows the progress. Rows are rune state,
// so the page shows each file's progress as it moves. While files are in the queue, the views'
// corpus is read again at most every few seconds (facts.importing), not after every batch.
import type { ImportItem } from '../db/user.ts';
import { facts } from '../state/facts.svelte.ts';
import { ImportBatcher } from './batch.ts';
import type { FileProblem } from './problems.ts';
import type { FromWorker, FromWorkerBatch, ToWorker } from './protocol.ts';
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
 * Files handed to a worker ahead (File handles, not their bytes): enough that it never waits for
 * the page, which hands it more only when it handles the workers' messages, every INBOX_MS (64
 * per 100 ms allows 640 files a second); a worker reads them one at a time.
 */
const AHEAD = 64;
/**
 * Extraction workers: one per core the page does not need, at most three; one on two cores. A
 * second one starts only when the first has a backlog (a few files are not worth its start-up).
 */
const POOL = Math.max(1, Math.min(3, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1));
const BACKLOG = 8;

/** One extraction worker, the files it holds and the budget of the one it is reading. */
interface Slot {
	worker: Worker;
	inFlight: number;
	clock: { job: number; timer: ReturnType<typeof setTimeout> } | null;
}
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
	#slots: Slot[] = [];
	/** the worker each working row was sent to */
	#slotOf = new Map<number, Slot>();
	#next = 1;
	/** rows by job (the rune proxies), and where the first row that may still be queued is */
	#byJob = new Map<number, ImportRow>();
	#scan = 0;
	/** extracted documents waiting to be stored together */
	#batcher = new ImportBatcher<{ row: ImportRow; item: ImportItem }>((batch) => this.#store(batch));
	/** worker messages not handled yet: handled together every INBOX_MS, one page update for many files */
	#inbox: { slot: Slot; message: FromWorker }[] = [];
	#drain: ReturnType<typeof setTimeout> | null = null;
	/**
	 * Rows by status and the sum of their shares done, kept as rows move (#move): counting 1,000
	 * rows again on each of the worker's messages took ~5 % of the import's main thread.
	 */
	#counts = $state({ queued: 0, working: 0, done: 0, error: 0, share: 0 });
	/** ends the facts' slower reads (facts.importing) once no row is queued or working */
	#importEnds: (() => void) | null = null;

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
		if (c.queued + c.working === 0) this.#ended();
	}

	/** Nothing queued or working any more: the corpus is read again now (see facts.importing). */
	#ended(): void {
		this.#importEnds?.();
		this.#importEnds = null;
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
		if (pending.length) this.#importEnds ??= facts.importing();
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
		for (const slot of [...this.#slots]) this.#terminate(slot);
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

	/** Stops a worker; what it sent and the page has not handled yet is dropped with it. */
	#terminate(slot: Slot): void {
		slot.worker.terminate();
		this.#stopClock(slot);
		this.#slots = this.#slots.filter((s) => s !== slot);
		this.#inbox = this.#inbox.filter((m) => m.slot !== slot);
	}

	/** The rows a worker held (sent to it, not yet stored). */
	#heldBy(slot: Slot): ImportRow[] {
		const held: ImportRow[] = [];
		for (const [job, s] of this.#slotOf) {
			const row = this.#row(job);
			if (s === slot && row?.status === 'working' && row.stage !== 'storing') held.push(row);
		}
		return held;
	}

	#fail(row: ImportRow, problem: FileProblem): void {
		this.#move(row, 'error', row.stage);
		row.problem = problem;
		this.#files.delete(row.job);
		this.#slotOf.delete(row.job);
	}

	#stopClock(slot: Slot): void {
		if (slot.clock) clearTimeout(slot.clock.timer);
		slot.clock = null;
	}

	/** Starts the budget of the file a worker has begun. */
	#startClock(slot: Slot, job: number): void {
		this.#stopClock(slot);
		slot.clock = { job, timer: setTimeout(() => this.#overrun(slot, job), EXTRACT_BUDGET_S * 1000) };
	}

	/** A file ran out of time: its worker is replaced, the file skipped, the files behind it queued again. */
	#overrun(slot: Slot, job: number): void {
		const held = this.#heldBy(slot);
		this.#terminate(slot);
		for (const row of held) {
			if (row.job === job) this.#fail(row, { code: 'tooSlow', detail: String(EXTRACT_BUDGET_S) });
			else {
				this.#slotOf.delete(row.job);
				this.#move(row, 'queued', 'queued');
			}
		}
		this.#scan = 0;
		this.#pump();
	}

	#spawn(): Slot {
		const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
		const slot: Slot = { worker, inFlight: 0, clock: null };
		worker.onmessage = (e: MessageEvent<FromWorkerBatch>) => {
			for (const message of e.data) this.#inbox.push({ slot, message });
			this.#drain ??= setTimeout(() => {
				this.#drain = null;
				for (const { slot, message } of this.#inbox.splice(0)) this.#receive(slot, message);
			}, INBOX_MS);
		};
		worker.onerror = (e) => {
			const held = this.#heldBy(slot);
			this.#terminate(slot);
			// The worker itself failed (not one file): report it on every file it held.
			for (const row of held) this.#fail(row, { code: 'other', detail: e.message });
			this.#pump();
			this.#settle();
		};
		this.#slots.push(slot);
		return slot;
	}

	/** The worker for the next file: the least busy, or a new one while all have a backlog. */
	#slotForNext(): Slot | null {
		let best: Slot | null = null;
		for (const s of this.#slots) if (!best || s.inFlight < best.inFlight) best = s;
		if (!best || (best.inFlight >= BACKLOG && this.#slots.length < POOL)) return this.#spawn();
		return best.inFlight < AHEAD ? best : null;
	}

	#pump(): void {
		for (; this.#scan < this.rows.length; this.#scan++) {
			const row = this.rows[this.#scan]!;
			if (row.status !== 'queued') continue;
			const file = this.#files.get(row.job);
			if (!file) continue;
			const slot = this.#slotForNext();
			if (!slot) return;
			this.#move(row, 'working', 'sent');
			slot.inFlight++;
			this.#slotOf.set(row.job, slot);
			slot.worker.postMessage({ type: 'extract', job: row.job, file } satisfies ToWorker);
		}
	}

	#receive(slot: Slot, message: FromWorker): void {
		const row = this.#row(message.job);
		if (!row || row.status !== 'working' || this.#slotOf.get(row.job) !== slot) return;
		if (message.type === 'progress') {
			if (message.stage === 'reading') this.#startClock(slot, row.job);
			this.#move(row, 'working', message.stage);
			return;
		}
		if (slot.clock?.job === row.job) this.#stopClock(slot);
		slot.inFlight--;
		this.#files.delete(row.job);
		this.#slotOf.delete(row.job);
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
		if (this.#slots.every((s) => s.inFlight === 0)) this.#batcher.flushNow();
	}

	/**
	 * Stores one batch in one transaction and finishes its rows. When the transaction fails
	 * (QuotaExceededError …) none of the batch was stored, and each of its files says so by name.
	 */
	async #store(batch: { row: ImportRow; item: ImportItem }[]): Promise<void> {
		try {
			const outcomes = await facts.storeImported(batch.map((b) => b.item));
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
