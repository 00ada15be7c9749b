// A corpus CLI worker thread: one file at a time → its prepared records (see prepareFile). Runs
// apart from the main thread so that a document that takes too long can be stopped and skipped.
import { parentPort } from 'node:worker_threads';
import { prepareFile, type PreparedFile } from '../src/lib/corpus/build.ts';
import { readDocument } from '../src/lib/extract/readers/index.ts';

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

/** A job's file through its format's reader (extract/readers: .docx, .doc, .wps, .pdf to text), then prepareFile. */
export async function runJob(job: Job): Promise<PreparedFile> {
	let read;
	try {
		read = await readDocument(job.name, job.bytes);
	} catch (e) {
		return { name: job.name, records: null, warnings: [e instanceof Error ? e.message.replace(`${job.name}: `, '') : String(e)] };
	}
	const prepared = prepareFile({ name: job.name, bytes: read.bytes, sourceUrl: job.sourceUrl, pageStarts: read.pageStarts });
	return read.warnings?.length ? { ...prepared, warnings: [...read.warnings, ...prepared.warnings] } : prepared;
}

parentPort?.on('message', async (job: Job) => {
	const done: Done = { index: job.index, prepared: await runJob(job) };
	parentPort!.postMessage(done);
});
// Loaded: the main thread starts a job's clock only now, so loading never counts against a document.
parentPort?.postMessage('ready');
