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
 * the page, which hands it more only when it handles the workers' messages, every INBOX_MS. A
 * worker extracts the files it holds together, up to a batch of 64 (worker.ts): twice that keeps
 * the next batch waiting while one is extracted (128 per 100 ms allows 1,280 files a second).
 */
const AHEAD = 128;
/**
 * Extraction workers: one per core the page does not need, at most three; one on two cores. A
 * second one starts only when the first has a backlog (a few files are not worth its start-up).
 */
const POOL = Math.max(1, Math.min(3, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1));
const BACKLOG = 8;

/**
 * The batch a worker is on (its files extracted together, see worker.ts) and its time budget:
 * `jobs` not finished yet, `size` the files it began with.
 */
interface Clock {
	jobs: Set<number>;
	size: number;
	timer: ReturnType<typeof setTimeout>;
}
/** One extraction worker, the files it holds and the budget of the batch it is on. */
interface Slot {
	worker: Worker;
	inFlight: number;
	clock: Clock | null;
}
/**
 * Seconds one batch of files may take in the worker, from the start of its reading, as in the
 * corpus CLI: a batch that takes longer is stopped (the worker is replaced) and its files are sent
 * again one by one; a file that takes longer alone is skipped by name and the queue goes on. Far
 * above the ≤ 1 s a 5 MB document (a batch of its own) takes, for slow machines.
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
	/** jobs to extract in a batch of their own: their batch overran its budget or broke its worker */
	#alone = new Set<number>();
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
		this.#alone.delete(row.job);
	}

	/** A row its worker held goes back in the queue (its worker was stopped), to be sent again. */
	#requeue(row: ImportRow): void {
		this.#slotOf.delete(row.job);
		this.#move(row, 'queued', 'queued');
	}

	#stopClock(slot: Slot): void {
		if (slot.clock) clearTimeout(slot.clock.timer);
		slot.clock = null;
	}

	/** Starts the budget of the batch a worker has begun. */
	#startClock(slot: Slot, jobs: number[]): void {
		this.#stopClock(slot);
		const clock: Clock = { jobs: new Set(jobs), size: jobs.length, timer: setTimeout(() => this.#overrun(slot, clock), EXTRACT_BUDGET_S * 1000) };
		slot.clock = clock;
	}

	/** A file of the worker's batch is finished: the budget stops with the batch's last. */
	#finishedIn(slot: Slot, job: number): void {
		if (slot.clock?.jobs.delete(job) && slot.clock.jobs.size === 0) this.#stopClock(slot);
	}

	/**
	 * The worker's batch ran out of time or broke the worker, which is stopped: a file that was
	 * alone in its batch gets `problem` (skipped by name); the files of a larger batch are sent again
	 * one by one, to find the one at fault; the files behind the batch are queued again.
	 */
	#stopped(slot: Slot, clock: Clock, problem: FileProblem): void {
		const held = this.#heldBy(slot);
		this.#terminate(slot);
		for (const row of held) {
			if (!clock.jobs.has(row.job)) this.#requeue(row);
			else if (clock.size === 1) this.#fail(row, problem);
			else {
				this.#alone.add(row.job);
				this.#requeue(row);
			}
		}
		this.#scan = 0;
		this.#pump();
		this.#settle();
	}

	/** What a worker said and the page has not handled yet, handled now: which batch it is on is then current. */
	#hear(slot: Slot): void {
		const heard = this.#inbox.filter((m) => m.slot === slot);
		this.#inbox = this.#inbox.filter((m) => m.slot !== slot);
		for (const { message } of heard) this.#receive(slot, message);
	}

	/** The budget of a batch ran out, unless the worker's messages waiting in the inbox finish it. */
	#overrun(slot: Slot, clock: Clock): void {
		this.#hear(slot);
		if (slot.clock === clock) this.#stopped(slot, clock, { code: 'tooSlow', detail: String(EXTRACT_BUDGET_S) });
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
			this.#hear(slot);
			// During a batch: as when it overruns, only the file that breaks the worker alone fails.
			if (slot.clock) return this.#stopped(slot, slot.clock, { code: 'other', detail: e.message });
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
			slot.worker.postMessage({ type: 'extract', job: row.job, file, ...(this.#alone.has(row.job) ? { alone: true } : {}) } satisfies ToWorker);
		}
	}

	#receive(slot: Slot, message: FromWorker): void {
		if (message.type === 'batch') {
			const jobs = message.jobs.filter((job) => this.#slotOf.get(job) === slot);
			if (jobs.length > 0) this.#startClock(slot, jobs);
			return;
		}
		const row = this.#row(message.job);
		if (!row || row.status !== 'working' || this.#slotOf.get(row.job) !== slot) return;
		if (message.type === 'progress') {
			this.#move(row, 'working', message.stage);
			return;
		}
		this.#finishedIn(slot, row.job);
		slot.inFlight--;
		this.#files.delete(row.job);
		this.#slotOf.delete(row.job);
		this.#alone.delete(row.job);
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
