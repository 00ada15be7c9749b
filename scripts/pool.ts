// Worker threads that prepare corpus files (scripts/corpus-worker.ts) in batches (extract/batches.ts)
// under a time budget per batch: a worker whose batch overruns is stopped and replaced, the batch's
// files are tried again one by one under the same budget, and a file that overruns alone is reported
// as skipped. Shared by the corpus CLI and the hostile-document benchmark.
import { Worker } from 'node:worker_threads';
import type { PreparedFile } from '../src/lib/corpus/build.ts';
import { batchesOf } from '../src/lib/extract/batches.ts';
import type { Done, Job } from './corpus-worker.ts';

export interface PoolResult {
	prepared: PreparedFile;
	/** wall time from handing the file's batch to a worker to its result, in ms */
	ms: number;
	/** 'timeout' when the budget ran out, 'crash' when the worker died */
	failure?: 'timeout' | 'crash';
}

/**
 * Prepares every job on `lanes` worker threads, each batch under `budgetMs`; calls `onDone` as each
 * job finishes. Results are in job order.
 */
export async function preparePool(jobs: Job[], opts: { lanes: number; budgetMs: number; onDone?: (job: Job, r: PoolResult) => void }): Promise<PoolResult[]> {
	const results: PoolResult[] = new Array(jobs.length);
	const queue: Job[][] = batchesOf(jobs, (j) => j.bytes.length);
	const workerUrl = new URL('./corpus-worker.ts', import.meta.url);
	/** A new worker, once it has loaded: loading never counts against a document's budget. */
	const start = () =>
		new Promise<Worker>((ready, failed) => {
			const w = new Worker(workerUrl);
			w.once('message', () => ready(w));
			w.once('error', failed);
		});
	const finish = (job: Job, result: PoolResult) => {
		results[job.index] = result;
		opts.onDone?.(job, result);
	};
	const lane = async (): Promise<void> => {
		let worker: Worker | null = null;
		try {
			for (let batch = queue.shift(); batch; batch = queue.shift()) {
				worker ??= await start();
				const w = worker;
				const t0 = performance.now();
				const outcome = await new Promise<Done[] | 'timeout' | Error>((settle) => {
					const timer = setTimeout(() => settle('timeout'), opts.budgetMs);
					const cleanup = () => {
						clearTimeout(timer);
						w.off('message', onMessage);
						w.off('error', onError);
					};
					const onMessage = (m: Done[]) => {
						cleanup();
						settle(m);
					};
					const onError = (e: Error) => {
						cleanup();
						settle(e);
					};
					w.on('message', onMessage);
					w.on('error', onError);
					w.postMessage(batch);
				});
				const ms = performance.now() - t0;
				if (Array.isArray(outcome)) {
					outcome.forEach((d, i) => finish(batch![i]!, { prepared: d.prepared, ms }));
					continue;
				}
				void w.terminate();
				worker = null;
				// which file of the batch overran or broke the worker is found by trying each alone
				if (batch.length > 1) {
					queue.unshift(...batch.map((job) => [job]));
					continue;
				}
				const job = batch[0]!;
				const why = outcome === 'timeout' ? `skipped: its extraction took longer than ${opts.budgetMs / 1000} s` : `skipped: its extraction failed (${outcome.message})`;
				finish(job, { prepared: { name: job.name, records: null, warnings: [why] }, ms, failure: outcome === 'timeout' ? 'timeout' : 'crash' });
			}
		} finally {
			if (worker) await worker.terminate();
		}
	};
	await Promise.all(Array.from({ length: Math.min(opts.lanes, Math.max(1, queue.length)) }, lane));
	return results;
}
