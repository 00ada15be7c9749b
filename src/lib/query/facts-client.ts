// The page's side of the facts worker (facts.worker.ts): starts it, asks it to read the corpus
// and relays how far the read is, and turns each request into a promise of its answer.
import type { AnswerTo, QueryRequest } from './engine.ts';
import type { FactsWorkerReply, FactsWorkerRequest } from './facts.worker.ts';

type Pending = { resolve: (a: unknown) => void; reject: (e: Error) => void };

const errorOf = (reply: { name: string; message: string }) => Object.assign(new Error(reply.message), { name: reply.name });

export class FactsWorker {
	readonly #worker: Worker;
	readonly #asked = new Map<number, Pending>();
	readonly #reads = new Map<number, Pending & { progress: (done: number, total: number) => void }>();
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
		if (reply.type === 'progress') this.#reads.get(reply.read)?.progress(reply.done, reply.total);
		else if (reply.type === 'loaded') this.#settleReads(reply.read, null);
		else if (reply.type === 'answer') {
			this.#asked.get(reply.id)?.resolve(reply.answer);
			this.#asked.delete(reply.id);
		} else if (reply.type === 'error') {
			if (reply.id != null) {
				this.#asked.get(reply.id)?.reject(errorOf(reply));
				this.#asked.delete(reply.id);
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
		for (const p of [...this.#asked.values(), ...this.#reads.values()]) p.reject(error);
		this.#asked.clear();
		this.#reads.clear();
	}

	/** Has the worker read the corpus of database `dbName` (again); resolves once its answers come from that read. */
	load(dbName: string, onProgress: (done: number, total: number) => void = () => undefined): Promise<void> {
		if (this.#failed) return Promise.reject(this.#failed);
		const read = ++this.#ids;
		return new Promise((resolve, reject) => {
			this.#reads.set(read, { resolve: resolve as (a: unknown) => void, reject, progress: onProgress });
			this.#send({ type: 'load', dbName, read });
		});
	}

	/** The answer to a request, from the newest corpus read asked for before it (or stored for that corpus). */
	ask<R extends QueryRequest>(request: R): Promise<AnswerTo<R>>;
	/** `stored`: only an answer stored for the corpus being read, at once; null when there is none. */
	ask<R extends QueryRequest>(request: R, stored: true): Promise<AnswerTo<R> | null>;
	ask<R extends QueryRequest>(request: R, stored = false): Promise<AnswerTo<R> | null> {
		if (this.#failed) return Promise.reject(this.#failed);
		const id = ++this.#ids;
		return new Promise((resolve, reject) => {
			this.#asked.set(id, { resolve: resolve as (a: unknown) => void, reject });
			this.#send({ type: 'ask', id, request, stored });
		});
	}

	terminate(): void {
		this.#worker.terminate();
		this.#fail(new Error('the facts worker was stopped'));
	}
}
