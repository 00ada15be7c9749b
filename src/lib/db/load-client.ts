// The page's side of the load worker (load.worker.ts): hands it the corpus bytes and relays its
// progress. When no worker can be started (an old browser, a policy), the caller parses in the page.
import type { DashboardDB } from './db.ts';
import type { Ingest } from './load.ts';
import type { IngestReply } from './load.worker.ts';

/** The worker could not be started: nothing was handed over, the bytes are still the caller's. */
export class WorkerUnavailableError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'WorkerUnavailableError';
	}
}

/**
 * An Ingest that runs in a module worker, writing `db`'s database. The bytes are transferred, not
 * copied, and only once the worker has said it is running, so a worker that fails to start leaves
 * them to the caller (WorkerUnavailableError).
 */
export function workerIngest(db: DashboardDB): Ingest {
	return (parts, onProgress) =>
		new Promise((resolve, reject) => {
			let worker: Worker;
			try {
				worker = new Worker(new URL('./load.worker.ts', import.meta.url), { type: 'module', name: 'corpus-load' });
			} catch (e) {
				return reject(new WorkerUnavailableError((e as Error).message));
			}
			let started = false;
			const finish = (settle: () => void) => {
				worker.terminate();
				settle();
			};
			worker.onerror = (e) => {
				e.preventDefault();
				finish(() => reject(started ? new Error(e.message || 'the load worker failed') : new WorkerUnavailableError(e.message || 'the load worker did not start')));
			};
			worker.onmessage = (e: MessageEvent<IngestReply>) => {
				const reply = e.data;
				if (reply.type === 'ready') {
					started = true;
					const buffers = [...new Set(parts.map((p) => p.buffer))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
					worker.postMessage({ dbName: db.name, parts }, buffers);
				} else if (reply.type === 'progress') onProgress({ phase: reply.phase, done: reply.done, total: reply.total });
				else if (reply.type === 'done') finish(() => resolve(reply.result));
				else
					finish(() => {
						const err = new Error(reply.message);
						err.name = reply.name;
						reject(err);
					});
			};
		});
}
