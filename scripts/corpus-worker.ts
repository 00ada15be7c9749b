// A corpus CLI worker thread: one file at a time → its prepared records (see prepareFile). Runs
// apart from the main thread so that a document that takes too long can be stopped and skipped.
import { parentPort } from 'node:worker_threads';
import { prepareFile, type PreparedFile } from '../src/lib/corpus/build.ts';
import { docxText } from '../src/lib/import/docx.ts';

export interface Job {
	index: number;
	name: string;
	bytes: Uint8Array;
	sourceUrl: string | null;
}
export interface Done {
	index: number;
	prepared: PreparedFile;
}

/** A job's file through the bounded .docx reader when it is one, then prepareFile. */
export async function runJob(job: Job): Promise<PreparedFile> {
	let bytes = job.bytes;
	if (/\.docx$/i.test(job.name)) {
		try {
			bytes = new TextEncoder().encode(await docxText(job.bytes));
		} catch (e) {
			return { name: job.name, records: null, warnings: [e instanceof Error ? e.message : String(e)] };
		}
	}
	return prepareFile({ name: job.name, bytes, sourceUrl: job.sourceUrl });
}

parentPort?.on('message', async (job: Job) => {
	const done: Done = { index: job.index, prepared: await runJob(job) };
	parentPort!.postMessage(done);
});
// Loaded: the main thread starts a job's clock only now, so loading never counts against a document.
parentPort?.postMessage('ready');
