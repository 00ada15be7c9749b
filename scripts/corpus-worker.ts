// A corpus CLI worker thread: a batch of files → each one's prepared records (see prepareFiles).
// Runs apart from the main thread so that a batch that takes too long can be stopped and its files
// tried again one by one, the one that overruns skipped.
import { parentPort } from 'node:worker_threads';
import { prepareFiles, reasonOf, type InputFile, type PreparedFile } from '../src/lib/corpus/build.ts';
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

/**
 * Jobs' files through their format's reader (extract/readers: .docx, .doc, .wps, .pdf to text), then
 * prepareFiles on those read; a file the reader refuses gets its reason. In job order.
 */
export async function runJobs(jobs: readonly Job[]): Promise<PreparedFile[]> {
	const out: PreparedFile[] = new Array(jobs.length);
	const inputs: InputFile[] = [];
	const at: number[] = [];
	const readWarnings: Array<string[] | undefined> = [];
	for (const [i, job] of jobs.entries()) {
		try {
			const read = await readDocument(job.name, job.bytes);
			inputs.push({ name: job.name, bytes: read.bytes, sourceUrl: job.sourceUrl, pageStarts: read.pageStarts });
			at.push(i);
			readWarnings.push(read.warnings);
		} catch (e) {
			out[i] = { name: job.name, records: null, warnings: [reasonOf(e, job.name)] };
		}
	}
	prepareFiles(inputs).forEach((prepared, k) => {
		const before = readWarnings[k];
		out[at[k]!] = before?.length ? { ...prepared, warnings: [...before, ...prepared.warnings] } : prepared;
	});
	return out;
}

/** One job alone (the hostile-document spec reads files this way). */
export async function runJob(job: Job): Promise<PreparedFile> {
	return (await runJobs([job]))[0]!;
}

parentPort?.on('message', async (jobs: Job[]) => {
	const prepared = await runJobs(jobs);
	const done: Done[] = jobs.map((job, i) => ({ index: job.index, prepared: prepared[i]! }));
	parentPort!.postMessage(done);
});
// Loaded: the main thread starts a batch's clock only now, so loading never counts against a document.
parentPort?.postMessage('ready');
