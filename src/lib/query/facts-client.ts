// The page's side of the facts worker (facts.worker.ts): starts it, asks it to read the corpus
// and relays how far the read is, and turns each request into a promise of its answer.
import type { Ingest, Ingested, LoadProgress } from '../db/load.ts';
import type { BatchOutcome, ImportItem } from '../db/user.ts';
import type { AnswerTo, QueryRequest } from './engine.ts';
import type { FactsWorkerReply, FactsWorkerRequest } from './facts.worker.ts';

type Pending = { resolve: (a: unknown) => void; reject: (e: Error) => void };

const errorOf = (reply: { name: string; message: string }) => Object.assign(new Error(reply.message), { name: reply.name });

export class FactsWorker {
	readonly #worker: Worker;
	readonly #asked = new Map<number, Pending>();
	readonly #reads = new Map<number, Pending>();
	readonly #ingests = new Map<number, Pending & { progress: (p: LoadProgress) => void }>();
	/** hears how far the read of the records is */
	#progress: (done: number, total: number) => void = () => undefined;
	/** hears that the worker has stored the first answers of every view (for the next page load) */
	onPrefetched: () => void = () => undefined;
	#ids = 0;
	#failed: Error | null = null;

	private constructor(worker: Worker) {
		this.#worker = worker;
		worker.onmessage = (e: MessageEvent<FactsWorkerReply>) => this.#hear(e.data);
		worker.onerror = (e) => {
			e.preventDefault();
			this.#fail(new Error(e.message || 'the facts worker failed'));
		};
	}

	/**
	 * A running facts worker; rejects when none can be started (no Worker, a module worker the
	 * browser refuses, a script that fails to load), so the caller reads the facts in the page.
	 */
	static start(): Promise<FactsWorker> {
		return new Promise((resolve, reject) => {
			let worker: Worker;
			try {
				worker = new Worker(new URL('./facts.worker.ts', import.meta.url), { type: 'module', name: 'facts' });
			} catch (e) {
				return reject(e);
			}
			worker.onerror = (e) => {
				e.preventDefault();
				worker.terminate();
				reject(new Error(e.message || 'the facts worker did not start'));
			};
			worker.onmessage = (e: MessageEvent<FactsWorkerReply>) => {
				if (e.data.type === 'ready') resolve(new FactsWorker(worker));
			};
		});
	}

	#send(message: FactsWorkerRequest): void {
		this.#worker.postMessage(message);
	}

	#hear(reply: FactsWorkerReply): void {
		if (reply.type === 'progress') this.#progress(reply.done, reply.total);
		else if (reply.type === 'loaded') this.#settleReads(reply.read, null);
		else if (reply.type === 'prefetched') this.onPrefetched();
		else if (reply.type === 'ingest-progress') this.#ingests.get(reply.id)?.progress({ phase: reply.phase, done: reply.done, total: reply.total });
		else if (reply.type === 'ingested') {
			this.#ingests.get(reply.id)?.resolve(reply.result);
			this.#ingests.delete(reply.id);
		}
		else if (reply.type === 'answer') {
			// bench:views tells the page loads whose answers were computed (not stored) from the others
			if (reply.computed && performance.getEntriesByName('facts:computed').length === 0) performance.mark('facts:computed');
			this.#asked.get(reply.id)?.resolve(reply.answer);
			this.#asked.delete(reply.id);
		} else if (reply.type === 'error') {
			if (reply.id != null) {
				this.#asked.get(reply.id)?.reject(errorOf(reply));
				this.#asked.delete(reply.id);
				this.#ingests.get(reply.id)?.reject(errorOf(reply));
				this.#ingests.delete(reply.id);
			} else if (reply.read != null) this.#settleReads(reply.read, errorOf(reply));
		}
	}

	/** A read finished: it and any older one still waiting (which the worker skipped for it) are settled. */
	#settleReads(read: number, error: Error | null): void {
		for (const [n, pending] of this.#reads) {
			if (n > read) continue;
			if (error) pending.reject(error);
			else pending.resolve(undefined);
			this.#reads.delete(n);
		}
	}

	#fail(error: Error): void {
		this.#failed = error;
		for (const p of [...this.#asked.values(), ...this.#reads.values(), ...this.#ingests.values()]) p.reject(error);
		this.#asked.clear();
		this.#reads.clear();
		this.#ingests.clear();
	}

	/**
	 * Tells the worker the corpus of database `dbName` changed (or is the one to answer from);
	 * resolves once it knows that corpus, and answers from it. It reads the records when an answer
	 * is not stored, telling `onProgress` how far it is. `prefetch`: requests to answer and store
	 * once the records are read, for the next page load.
	 */
	load(dbName: string, onProgress: (done: number, total: number) => void = () => undefined, prefetch: QueryRequest[] = []): Promise<void> {
		if (this.#failed) return Promise.reject(this.#failed);
		const read = ++this.#ids;
		return new Promise((resolve, reject) => {
			this.#progress = onProgress;
			this.#reads.set(read, { resolve: resolve as (a: unknown) => void, reject });
			this.#send({ type: 'load', dbName, read, prefetch });
		});
	}

	/** The answer to a request, from the newest corpus loaded before it (stored, or computed from its records). */
	ask<R extends QueryRequest>(request: R): Promise<AnswerTo<R>> {
		return this.#answered((id) => ({ type: 'ask', id, request }));
	}

	/**
	 * Stores an import's batch in database `dbName` in one transaction, in the worker (the page's
	 * thread does none of the writing); rejects with the StorageError's name and message when the
	 * batch was refused (nothing of it stored).
	 */
	store(dbName: string, items: ImportItem[]): Promise<BatchOutcome[]> {
		return this.#answered((id) => ({ type: 'store', id, dbName, items }));
	}

	/** Sends a message numbered for its reply (an answer or an error), which settles the promise returned. */
	#answered<A>(message: (id: number) => FactsWorkerRequest): Promise<A> {
		if (this.#failed) return Promise.reject(this.#failed);
		const id = ++this.#ids;
		return new Promise((resolve, reject) => {
			this.#asked.set(id, { resolve: resolve as (a: unknown) => void, reject });
			this.#send(message(id));
		});
	}

	/** The worker itself failed or was stopped (not one request): nothing more is asked of it. */
	get failed(): boolean {
		return this.#failed !== null;
	}

	/**
	 * The first load's Ingest in this worker: the corpus file's bytes are transferred (not copied)
	 * and stored in database `dbName`; the worker keeps the parsed records for its engine.
	 */
	ingest(dbName: string): Ingest {
		return (parts, onProgress) => {
			if (this.#failed) return Promise.reject(this.#failed);
			const id = ++this.#ids;
			return new Promise<Ingested>((resolve, reject) => {
				this.#ingests.set(id, { resolve: resolve as (a: unknown) => void, reject, progress: onProgress });
				const buffers = [...new Set(parts.map((p) => p.buffer))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
				this.#worker.postMessage({ type: 'ingest', id, dbName, parts } satisfies FactsWorkerRequest, buffers);
			});
		};
	}

	static #shared: Promise<FactsWorker> | null = null;
	/** The page's one facts worker, started on first use (the first load and the views share it). */
	static shared(): Promise<FactsWorker> {
		return (FactsWorker.#shared ??= FactsWorker.start());
	}

	terminate(): void {
		this.#worker.terminate();
		this.#fail(new Error('the facts worker was stopped'));
	}
}
