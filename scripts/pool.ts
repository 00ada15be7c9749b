// Worker threads that prepare corpus files (scripts/corpus-worker.ts) under a time budget per
// file: a worker whose file overruns is stopped and replaced, and the file is reported as skipped.
// Shared by the corpus CLI and the hostile-document benchmark.
import { Worker } from 'node:worker_threads';
import type { PreparedFile } from '../src/lib/corpus/build.ts';
import type { Done, Job } from './corpus-worker.ts';

export interface PoolResult {
	prepared: PreparedFile;
	/** wall time from handing the file to a worker to its result, in ms */
	ms: number;
	/** 'timeout' when the budget ran out, 'crash' when the worker died */
	failure?: 'timeout' | 'crash';
}

/**
 * Prepares every job on `lanes` worker threads, each job under `budgetMs`; calls `onDone` as each
 * finishes. Results are in job order.
 */
export async function preparePool(jobs: Job[], opts: { lanes: number; budgetMs: number; onDone?: (job: Job, r: PoolResult) => void }): Promise<PoolResult[]> {
	const results: PoolResult[] = new Array(jobs.length);
	let next = 0;
	const workerUrl = new URL('./corpus-worker.ts', import.meta.url);
	/** A new worker, once it has loaded: loading never counts against a document's budget. */
	const start = () =>
		new Promise<Worker>((ready, failed) => {
			const w = new Worker(workerUrl);
			w.once('message', () => ready(w));
			w.once('error', failed);
		});
	const lane = async (): Promise<void> => {
		let worker: Worker | null = null;
		try {
			while (next < jobs.length) {
				const job = jobs[next++]!;
				worker ??= await start();
				const w = worker;
				const t0 = performance.now();
				const outcome = await new Promise<PreparedFile | 'timeout' | Error>((settle) => {
					const timer = setTimeout(() => settle('timeout'), opts.budgetMs);
					const cleanup = () => {
						clearTimeout(timer);
						w.off('message', onMessage);
						w.off('error', onError);
					};
					const onMessage = (m: Done) => {
						cleanup();
						settle(m.prepared);
					};
					const onError = (e: Error) => {
						cleanup();
						settle(e);
					};
					w.on('message', onMessage);
					w.on('error', onError);
					w.postMessage(job);
				});
				const ms = performance.now() - t0;
				let result: PoolResult;
				if (outcome === 'timeout' || outcome instanceof Error) {
					void w.terminate();
					worker = null;
					const why = outcome === 'timeout' ? `skipped: its extraction took longer than ${opts.budgetMs / 1000} s` : `skipped: its extraction failed (${outcome.message})`;
					result = { prepared: { name: job.name, records: null, warnings: [why] }, ms, failure: outcome === 'timeout' ? 'timeout' : 'crash' };
				} else result = { prepared: outcome, ms };
				results[job.index] = result;
				opts.onDone?.(job, result);
			}
		} finally {
			if (worker) await worker.terminate();
		}
	};
	await Promise.all(Array.from({ length: Math.min(opts.lanes, Math.max(1, jobs.length)) }, lane));
	return results;
}
