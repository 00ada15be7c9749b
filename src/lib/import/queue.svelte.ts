// The import queue: files wait, go to the extraction worker, and are stored one transaction per
// document. Rows are rune state, so the page shows each file's progress as it moves.
import { db } from '../db/index.ts';
import { storeImportedDocument } from '../db/user.ts';
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

/** Files handed to the worker ahead of the one being stored: keeps it busy without flooding it. */
const AHEAD = 2;
/**
 * Seconds one file may take in the worker, from the start of its reading: a file that takes
 * longer is skipped by name (the worker is replaced) and the queue goes on. Far above the ≤ 1 s
 * a 5 MB document takes, for slow machines.
 */
export const EXTRACT_BUDGET_S = 30;
const ROWS_PER_TASK = 20;

class ImportQueue {
	rows = $state<ImportRow[]>([]);
	#files = new Map<number, File>();
	#worker: Worker | null = null;
	#next = 1;
	#inFlight = 0;
	/** the file the worker is working on and its deadline timer */
	#clock: { job: number; timer: ReturnType<typeof setTimeout> } | null = null;

	/** Rows by status and the overall share done (finished rows count whole), in one pass per change. */
	tally = $derived.by(() => {
		const t = { queued: 0, working: 0, done: 0, error: 0, overall: 0 };
		for (const r of this.rows) {
			t[r.status]++;
			t.overall += progressOf(r.status, r.stage);
		}
		t.overall = this.rows.length ? t.overall / this.rows.length : 0;
		return t;
	});

	/** Queues files a few rows per task: rendering hundreds of rows at once would block the page. */
	add(files: Iterable<File>): void {
		const pending = [...files];
		const step = () => {
			for (const file of pending.splice(0, ROWS_PER_TASK)) {
				const job = this.#next++;
				this.#files.set(job, file);
				this.rows.push({ job, name: file.name, size: file.size, status: 'queued', stage: 'queued', problem: null, duplicateOf: null, docId: null, warnings: [] });
			}
			this.#pump();
			if (pending.length) setTimeout(step, 0);
		};
		step();
	}

	/** Stops the worker at once; files not stored yet are marked cancelled. A document being stored completes or not at all. */
	cancel(): void {
		this.#stopClock();
		this.#worker?.terminate();
		this.#worker = null;
		this.#inFlight = 0;
		for (const row of this.rows)
			if (row.status === 'queued' || (row.status === 'working' && row.stage !== 'storing')) this.#fail(row, { code: 'cancelled', detail: '' });
	}

	/** Forgets finished rows. */
	clearFinished(): void {
		this.rows = this.rows.filter((r) => r.status === 'queued' || r.status === 'working');
	}

	#row(job: number): ImportRow | undefined {
		return this.rows.find((r) => r.job === job);
	}

	#fail(row: ImportRow, problem: FileProblem): void {
		row.status = 'error';
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
		this.#worker?.terminate();
		this.#worker = null;
		this.#inFlight = 0;
		for (const row of this.rows) {
			if (row.status !== 'working' || row.stage === 'storing') continue;
			if (row.job === job) this.#fail(row, { code: 'tooSlow', detail: String(EXTRACT_BUDGET_S) });
			else {
				row.status = 'queued';
				row.stage = 'queued';
			}
		}
		this.#pump();
	}

	#spawn(): Worker {
		const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (e: MessageEvent<FromWorker>) => this.#receive(e.data);
		worker.onerror = (e) => {
			this.#stopClock();
			// The worker itself failed (not one file): report it on every file it held.
			for (const row of this.rows) if (row.status === 'working' && row.stage !== 'storing') this.#fail(row, { code: 'other', detail: e.message });
			this.#worker = null;
			this.#inFlight = 0;
			this.#pump();
		};
		return worker;
	}

	#pump(): void {
		for (const row of this.rows) {
			if (this.#inFlight >= AHEAD) return;
			if (row.status !== 'queued') continue;
			const file = this.#files.get(row.job);
			if (!file) continue;
			this.#worker ??= this.#spawn();
			row.status = 'working';
			row.stage = 'sent';
			this.#inFlight++;
			this.#worker.postMessage({ type: 'extract', job: row.job, file } satisfies ToWorker);
		}
	}

	async #receive(message: FromWorker): Promise<void> {
		const row = this.#row(message.job);
		if (!row || row.status !== 'working') return;
		if (message.type === 'progress') {
			if (message.stage === 'reading') this.#startClock(row.job);
			row.stage = message.stage;
			return;
		}
		if (this.#clock?.job === row.job) this.#stopClock();
		this.#inFlight--;
		this.#files.delete(row.job);
		if (message.type === 'error') {
			this.#fail(row, message.problem);
			this.#pump();
			return;
		}
		row.stage = 'storing';
		row.warnings = message.warnings;
		this.#pump();
		try {
			const stored = await storeImportedDocument(db, { records: message.records, text: message.text, fileName: row.name });
			if (stored.outcome === 'duplicate') {
				row.duplicateOf = stored.existing;
				this.#fail(row, { code: 'duplicate', detail: stored.existing.fileName });
			} else {
				row.docId = stored.docId;
				// Repairs that made the records valid (a cut title …) are warnings like the extractor's.
				if (stored.repairs.length) row.warnings = [...row.warnings, ...stored.repairs];
				row.status = 'done';
				row.stage = 'stored';
			}
		} catch (e) {
			this.#fail(row, { code: 'other', detail: e instanceof Error ? e.message : String(e) });
		}
	}
}

export const importQueue = new ImportQueue();
