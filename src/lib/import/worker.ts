// The import worker: extraction off the main thread, one file at a time in arrival order. The
// bytes of the next few files are read while one is extracted (a read waits for the browser's
// file backend, time the extraction can use), at most READ_AHEAD files and READ_AHEAD_BYTES.
import { extractFile } from './extractFile.ts';
import { problemBeforeReading, problemOf } from './problems.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const READ_AHEAD = 8;
const READ_AHEAD_BYTES = 8 * 2 ** 20;
/** Files from this size on say when their extraction starts (a row shows '提取中'); smaller ones go from reading to done. */
const SAY_EXTRACTING_FROM = 64 * 2 ** 10;

/**
 * Messages go out together at the end of the current microtasks: a file's end and the next one's
 * start are one message, not two (three messages per small file cost the page ~7 % of its thread
 * over 1,000 files). Sent before any extraction begins (extraction starts after an await), so the
 * page always hears that a file is being read before its time budget can run out.
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
	/** its bytes, once asked for (read ahead or at its turn) */
	bytes: Promise<Uint8Array> | null;
}

const waiting: Waiting[] = [];
let running = false;

const read = (w: Waiting): Promise<Uint8Array> => (w.bytes ??= w.file.arrayBuffer().then((b) => new Uint8Array(b)));

/** Starts reading the files next in line, within the read-ahead bounds (a refused file is never read). */
function readAhead(): void {
	let bytes = 0;
	for (const w of waiting.slice(0, READ_AHEAD)) {
		if (problemBeforeReading(w.file.name, w.file.size)) continue;
		bytes += w.file.size;
		if (bytes > READ_AHEAD_BYTES && w !== waiting[0]) return;
		void read(w).catch(() => undefined);
	}
}

async function run(): Promise<void> {
	if (running) return;
	running = true;
	try {
		for (let w = waiting.shift(); w; w = waiting.shift()) {
			const { job, file } = w;
			// A huge file is refused by its size, before its bytes are read into memory.
			const early = problemBeforeReading(file.name, file.size);
			if (early) {
				post({ type: 'error', job, problem: early });
				continue;
			}
			post({ type: 'progress', job, stage: 'reading' });
			const pending = read(w);
			readAhead();
			let bytes: Uint8Array;
			try {
				bytes = await pending;
			} catch (e) {
				post({ type: 'error', job, problem: problemOf(e) });
				continue;
			}
			// A small file is extracted in milliseconds, before the page draws its stage: not said.
			const result = await extractFile(file.name, bytes, file.size >= SAY_EXTRACTING_FROM ? (stage) => post({ type: 'progress', job, stage }) : undefined);
			post(result.ok ? { type: 'done', job, records: result.records, text: result.text, warnings: result.warnings } : { type: 'error', job, problem: result.problem });
		}
	} finally {
		running = false;
	}
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
	const { job, file } = event.data;
	waiting.push({ job, file, bytes: null });
	void run();
};
