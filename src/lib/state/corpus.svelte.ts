// The app-wide state of the corpus load, as a rune class shared by layout and views.
import corpusUrl from '$data/corpus.json?url';
import { db, openDatabase, useMemory, type OpenHandlers, type StorageMode } from '../db/index.ts';
import { FactsWorker } from '../query/facts-client.ts';
import { CorpusRejectedError, ingestCorpus, loadShippedCorpus, type Ingest, type LoadOutcome, type LoadProgress } from '../db/load.ts';
import { fetchOrCached } from './offline.ts';

export type LoadStatus = 'loading' | 'ready' | 'error';

/** Something the user should know while the app keeps working. */
export type Notice =
	| { kind: 'memory' }
	| { kind: 'refused'; problems: string[] }
	| { kind: 'quota' }
	| { kind: 'timeout'; problems: string[] }
	| { kind: 'upgraded-elsewhere' }
	| { kind: 'blocked' }
	| { kind: 'cleared' };

class CorpusState {
	status = $state<LoadStatus>('loading');
	outcome = $state<LoadOutcome | null>(null);
	storage = $state<StorageMode>('persistent');
	/** what went wrong, one line per problem, when no corpus can be shown */
	errors = $state<string[]>([]);
	notices = $state<Notice[]>([]);
	/** an older tab keeps the database open, so opening it waits: said while loading */
	blocked = $state(false);
	/** a retry of the corpus request is running */
	retrying = $state(false);
	/** the network did not answer the corpus request: the copy saved on this device is shown */
	offline = $state(false);
	/** what the first load is doing and how far it is (null before the first sign of it) */
	progress = $state.raw<LoadProgress | null>(null);
	#opened = false;
	readonly #handlers: OpenHandlers = {
		blocked: () => {
			this.blocked = true;
			if (!this.notices.some((n) => n.kind === 'blocked')) this.notices.push({ kind: 'blocked' });
		},
		// Another tab opening a newer version of the app: let it upgrade, ask this one to reload.
		versionchange: () => this.notices.push({ kind: 'upgraded-elsewhere' }),
		closedByBrowser: () => this.cleared()
	};

	/** Opens storage and loads the shipped corpus, once per page load. */
	async start(): Promise<void> {
		try {
			this.storage = await openDatabase(this.#handlers);
			this.#opened = true;
			this.blocked = false;
			this.notices = this.notices.filter((n) => n.kind !== 'blocked');
			if (this.storage === 'memory') this.notices.push({ kind: 'memory' });
			try {
				await this.#load();
			} catch (e) {
				// Opened, but no room for even the first corpus (a tiny quota): carry on in memory.
				if (!(e instanceof CorpusRejectedError && e.quotaExceeded && this.storage === 'persistent')) throw e;
				this.storage = await useMemory(this.#handlers);
				this.notices.push({ kind: 'memory' });
				await this.#load();
			}
		} catch (e) {
			this.errors = e instanceof CorpusRejectedError ? e.errors : [e instanceof Error ? e.message : String(e)];
			this.status = 'error';
		}
	}

	/** Asks for the corpus file again (after a time-out or a network error); keeps what is shown meanwhile. */
	async retry(): Promise<void> {
		if (!this.#opened) return location.reload();
		this.retrying = true;
		try {
			this.notices = this.notices.filter((n) => n.kind !== 'timeout' && n.kind !== 'refused');
			await this.#load();
		} catch (e) {
			this.errors = e instanceof CorpusRejectedError ? e.errors : [e instanceof Error ? e.message : String(e)];
			if (this.status !== 'ready') this.status = 'error';
		} finally {
			this.retrying = false;
		}
	}

	async #load(): Promise<void> {
		// Offline, the copy the service worker cached: the wall still presents with no network.
		let fromCache = false;
		const result = await loadShippedCorpus(db, corpusUrl, (input, init) => fetchOrCached(input, init, () => (fromCache = true)), {
			onProgress: (p) => (this.progress = p),
			ingest: this.#ingest()
		});
		this.offline = fromCache;
		this.outcome = result.outcome;
		if (result.quotaExceeded) this.notices.push({ kind: 'quota' });
		else if (result.timedOut) this.notices.push({ kind: 'timeout', problems: result.problems });
		else if (result.outcome === 'kept') this.notices.push({ kind: 'refused', problems: result.problems });
		this.errors = [];
		this.status = 'ready';
	}

	/**
	 * Where the corpus file is parsed, checked and stored: in the facts worker, which writes the
	 * same IndexedDB database and keeps the records for the views' answers (query/facts.worker.ts);
	 * in the page when the database is in memory (a worker cannot reach it) or no worker starts.
	 */
	#ingest(): Ingest | undefined {
		if (this.storage !== 'persistent' || typeof Worker === 'undefined') return undefined;
		return async (parts, onProgress) => {
			let worker: FactsWorker;
			try {
				worker = await FactsWorker.shared();
			} catch {
				// Nothing was handed over: the bytes are still the page's.
				return ingestCorpus(db, parts, onProgress);
			}
			return worker.ingest(db.name)(parts, onProgress);
		};
	}

	/** Tells the user that the stored data went away under the open page (site data cleared). */
	cleared(): void {
		if (!this.notices.some((n) => n.kind === 'cleared')) this.notices.push({ kind: 'cleared' });
	}

	dismiss(notice: Notice): void {
		this.notices = this.notices.filter((n) => n !== notice);
	}
}

export const corpusState = new CorpusState();

/** Records `view:ready` the first time a view has drawn its data. */
export function markViewReady(view: string): void {
	if (performance.getEntriesByName('view:ready').length === 0) performance.mark('view:ready', { detail: { view } });
}
