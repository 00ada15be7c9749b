// The import worker: extraction off the main thread, in arrival order. The files queued here when
// it is free are extracted together as a batch (nextBatch: the corpus CLI's bounds, 64 files or
// 256 KB; extractFiles: each stage over every file while its code is warm, each file's result what
// it gives alone). A batch's files are read in one request (readTogether: a file read alone cost
// the worker more than its extraction), the next batch's while one is extracted (a read waits for
// the browser's file backend, time the extraction can use). The page keeps the time budget: it
// hears when a batch starts ('batch'); a batch that overruns is stopped with the worker and its
// files sent again one by one (`alone`), so only the slow file is skipped by name.
import { extractFiles } from './extractFile.ts';
import { nextBatch } from './nextBatch.ts';
import { problemBeforeReading, problemOf } from './problems.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** Files from this size on say when their extraction starts (a row shows '提取中'); smaller ones go from reading to done. */
const SAY_EXTRACTING_FROM = 64 * 2 ** 10;

/**
 * Messages go out together at the end of the current microtasks: a batch's start and its files'
 * reading are one message, and so are its files' results (three messages per small file cost the
 * page ~7 % of its thread over 1,000 files). Sent before any extraction begins (extraction starts
 * after an await), so the page always hears that a batch has started before its budget can run out.
 */
let outbox: FromWorker[] = [];
const post = (message: FromWorker) => {
	if (outbox.push(message) === 1)
		queueMicrotask(() => {
			const batch = outbox;
			outbox = [];
			(self as unknown as Worker).postMessage(batch);
		});
};

interface Waiting {
	job: number;
	file: File;
	size: number;
	alone: boolean;
	/** its bytes, once asked for (read ahead or at its turn) */
	bytes: Promise<Uint8Array> | null;
}

const waiting: Waiting[] = [];
let running = false;

const readAlone = (file: File): Promise<Uint8Array> => file.arrayBuffer().then((b) => new Uint8Array(b));

/**
 * Starts reading the files of a batch not read yet, as one read of them all (a Blob of the files:
 * one request to the browser's file backend instead of one per file), each file then a view of its
 * part. When that read fails or comes back another size (a file changed since it was dropped),
 * each file is read alone, so a file that cannot be read fails alone.
 */
function readTogether(batch: readonly Waiting[]): void {
	const unread = batch.filter((w) => !w.bytes);
	if (unread.length === 0) return;
	const total = unread.reduce((a, w) => a + w.size, 0);
	const all = unread.length === 1 ? null : new Blob(unread.map((w) => w.file)).arrayBuffer();
	let at = 0;
	for (const w of unread) {
		const from = at;
		at += w.size;
		w.bytes = all
			? all.then((b) => (b.byteLength === total ? new Uint8Array(b, from, w.size) : Promise.reject(new Error('changed')))).catch(() => readAlone(w.file))
			: readAlone(w.file);
		w.bytes.catch(() => undefined); // (its failure is said at its turn)
	}
}

/** Starts reading the next batch while this one is extracted (a refused file is never read). */
function readAhead(): void {
	readTogether(nextBatch(waiting.filter((w) => !problemBeforeReading(w.file.name, w.file.size))));
}

/** A file refused by its name or size, before its bytes are read into memory: said at once. */
function refused(w: Waiting): boolean {
	const early = problemBeforeReading(w.file.name, w.file.size);
	if (early) post({ type: 'error', job: w.job, problem: early });
	return early !== null;
}

async function run(): Promise<void> {
	if (running) return;
	running = true;
	try {
		for (let batch = nextBatch(waiting, refused); batch.length > 0; batch = nextBatch(waiting, refused)) {
			post({ type: 'batch', jobs: batch.map((w) => w.job) });
			for (const w of batch) post({ type: 'progress', job: w.job, stage: 'reading' });
			readTogether(batch);
			const pending = batch.map((w) => w.bytes!);
			readAhead();
			const files: { w: Waiting; bytes: Uint8Array }[] = [];
			for (const [k, w] of batch.entries()) {
				try {
					files.push({ w, bytes: await pending[k]! });
				} catch (e) {
					post({ type: 'error', job: w.job, problem: problemOf(e) });
				}
			}
			// A small file is extracted in milliseconds, before the page draws its stage: not said.
			const results = await extractFiles(
				files.map(({ w, bytes }) => ({ name: w.file.name, bytes })),
				(i, stage) => files[i]!.w.size >= SAY_EXTRACTING_FROM && post({ type: 'progress', job: files[i]!.w.job, stage })
			);
			results.forEach((result, i) => {
				const { job } = files[i]!.w;
				post(result.ok ? { type: 'done', job, records: result.records, text: result.text, warnings: result.warnings } : { type: 'error', job, problem: result.problem });
			});
		}
	} finally {
		running = false;
	}
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
	const { job, file, alone } = event.data;
	waiting.push({ job, file, size: file.size, alone: alone === true, bytes: null });
	void run();
};
