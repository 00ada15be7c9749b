// The corpus as the views see it. With IndexedDB and a worker (the usual case) the records stay in
// the facts worker (query/facts.worker.ts), which reads them, builds their columns and analysis,
// and answers each view's request (query/engine.ts) with only what it draws: the page holds no
// records, whatever the view. In memory (IndexedDB refused) or without a worker the page reads the
// records itself and the same engine answers in the page.
// Dexie's liveQuery watches a small fingerprint of what the facts are read from (factsStamp); the
// facts are read again when it moves, at most one read at a time and one more after it however
// many changes came meanwhile (1,000 documents imported one after another read the corpus a few
// dozen times, not a thousand); while an import runs, at most every READ_WHILE_IMPORTING_MS, and
// once more when it ends. An import's batches are stored by the facts worker when one runs
// (storeImported): the page's thread only hands them over.
import { liveQuery, type Subscription } from 'dexie';
import { get } from 'svelte/store';
import { db } from '../db/index.ts';
import { factsStamp, loadFacts } from '../db/queries.ts';
import { storeImportedBatch, type BatchOutcome, type ImportItem } from '../db/user.ts';
import { prepareAnalysis } from '../query/analysis.ts';
import { columnsOf } from '../query/columns.ts';
import { QueryEngine, type AnswerTo, type CorpusSummary, type QueryRequest, type Titles } from '../query/engine.ts';
import { FactsWorker } from '../query/facts-client.ts';
import { firstRequests, unnamedIndicators } from '../query/requests.ts';
import { _, locale } from '../i18n/index.ts';
import type { Facts } from '../query/facts.ts';
import { titleOf } from '../query/names.ts';
import { corpusState } from './corpus.svelte.ts';
import { ReadGate } from './readGate.ts';

/** `task`, run at most once at a time, and once more after it however often it was asked for meanwhile. */
function coalesced(task: () => Promise<void>): () => Promise<void> {
	let running: Promise<void> | null = null;
	let again = false;
	const run = async (): Promise<void> => {
		if (running) {
			again = true;
			return running;
		}
		running = (async () => {
			do {
				again = false;
				await task();
			} while (again);
		})();
		try {
			await running;
		} finally {
			running = null;
		}
	};
	return run;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * While an import runs, the corpus is read again at most this often (and once when it ends): a
 * read per batch (20 over 1,000 documents) had the facts worker read the whole corpus and the
 * views ask again each time, for figures nobody looks at mid-import on the import page.
 */
export const READ_WHILE_IMPORTING_MS = 5000;

class FactsState {
	/** The records in the page: read only when no worker runs (the page's engine answers from them). */
	#current = $state.raw<Facts | null>(null);
	/** What the whole corpus is (the filter bar's choices, its scope and date): set by every read. */
	summary = $state.raw<CorpusSummary | null>(null);
	/** Counts the corpus reads the engine answers from: 0 until the first; views ask again when it moves. */
	version = $state(0);
	error = $state<string | null>(null);
	#subscription: Subscription | null = null;
	#started = false;
	/** #begin: the worker (or none) is known once it has resolved */
	#begun: Promise<void> | null = null;
	#worker: FactsWorker | null = null;
	/** when a change of the stored corpus is read: at once, or spaced while an import runs (see importing()) */
	#gate = new ReadGate(() => this.#read(), READ_WHILE_IMPORTING_MS);
	/** the engine in the page (no worker), over `#current` */
	#engine: QueryEngine | null = null;
	/** a view on the page draws from the figures' analysis (page engine only): prepare it before showing a read */
	#analysisWanted = false;
	/** titles of the documents the answers' rows link to */
	readonly #titles = new Map<string, string>();

	/** Whether the views can draw: a read has finished. */
	get ready(): boolean {
		return this.version > 0;
	}

	/** Called by a view whose answers read the figures' analysis, when it is set up (page engine: prepared before a read is shown). */
	wantAnalysis(): void {
		this.#analysisWanted = true;
	}

	start(): void {
		if (this.#started) return;
		this.#started = true;
		this.#begun = this.#begin();
	}

	/**
	 * An import begins: until the returned function is called, changes of the stored corpus are
	 * read at most every READ_WHILE_IMPORTING_MS; when it is called (the import ended), a read put
	 * off is done at once.
	 */
	importing(): () => void {
		return this.#gate.importing();
	}

	#read(): void {
		if (this.#worker) void this.#readWorker();
		else void this.#readPage();
	}

	/**
	 * Stores an import's batch (storeImportedBatch, one transaction): in the facts worker when one
	 * runs, so the page's thread does none of the writing (Dexie's transaction and change tracking,
	 * an IndexedDB request per row: ~1.2 s of the page's 5 s over 1,000 documents), else here. A
	 * worker that died mid-batch stored none of it: the batch is stored here then.
	 */
	async storeImported(items: ImportItem[]): Promise<BatchOutcome[]> {
		await this.#begun;
		const worker = this.#worker;
		if (worker) {
			try {
				return await worker.store(db.name, items);
			} catch (e) {
				if (!worker.failed) throw e;
				this.#fallBack();
			}
		}
		return storeImportedBatch(db, items);
	}

	async #begin(): Promise<void> {
		if (corpusState.storage === 'persistent' && typeof Worker !== 'undefined') {
			try {
				this.#worker = await FactsWorker.shared();
				// Every view's first answer is stored for the next page load (bench:views reads the mark).
				this.#worker.onPrefetched = () => {
					if (performance.getEntriesByName('facts:prefetched').length === 0) performance.mark('facts:prefetched');
				};
			} catch (e) {
				// An old browser, a policy, a script that did not load: the page reads the facts itself.
				console.warn('facts worker unavailable, reading in the page:', message(e));
			}
		}
		this.#subscription ??= liveQuery(() => factsStamp(db)).subscribe({
			next: () => this.#gate.changed(),
			error: (e) => (this.error = message(e))
		});
	}

	/** The first read says how far it is on the load's progress bar. */
	#onRead = (done: number, total: number) => {
		if (!this.ready) corpusState.progress = { phase: 'read', done, total };
	};

	#shown(): void {
		this.#titles.clear();
		this.version++;
		if (performance.getEntriesByName('facts:ready').length === 0) performance.mark('facts:ready');
	}

	/** Has the worker answer from the corpus as it now is, then the views ask it. */
	#readWorker = coalesced(async () => {
		const worker = this.#worker;
		if (!worker) return;
		try {
			// The worker learns of the corpus (its records are read when an answer is not stored), then the views ask.
			// The first requests of every view for this URL, in the interface's language: the worker stores their answers.
			const language = { locale: get(locale) ?? 'zh-CN', unnamed: unnamedIndicators(get(_)) };
			await worker.load(db.name, this.#onRead, firstRequests(location.search, language, location.pathname));
			this.summary = await worker.ask({ type: 'summary' });
			this.#shown();
		} catch (e) {
			console.error(e);
			this.#fallBack();
		}
	});

	/** The worker failed: the page reads the facts and answers from them itself. */
	#fallBack(): void {
		if (!this.#worker) return;
		this.#worker.terminate();
		this.#worker = null;
		void this.#readPage();
	}

	/** Reads the records into the page. */
	#readPage = coalesced(async () => {
		try {
			await this.#prepare(await loadFacts(db, this.#onRead));
		} catch (e) {
			this.error = message(e);
		}
	});

	/**
	 * Builds what the views read of a new corpus read — the filter columns, then (when the engine
	 * runs in the page and a view wants it) the analysis of the figures in slices — and only then
	 * hands the read to the views: they draw from prepared data instead of computing it in one long
	 * task each.
	 */
	async #prepare(read: Facts): Promise<void> {
		const inPage = !this.#worker;
		try {
			columnsOf(read);
			if (inPage && this.#analysisWanted) await prepareAnalysis(read);
		} catch (e) {
			// A view computes what could not be prepared; the read is shown all the same.
			console.error(e);
		}
		this.#current = read;
		if (inPage) {
			this.#engine = new QueryEngine(read);
			this.summary = this.#engine.summary();
			this.#shown();
			// Pages without it (timeline, map, explore) show first; the analysis follows in slices.
			if (!this.#analysisWanted) void prepareAnalysis(read).catch(() => undefined);
		}
	}

	/** The answer to a view's request, from the worker or the page's engine. */
	async ask<R extends QueryRequest>(request: R): Promise<AnswerTo<R>> {
		let answer: AnswerTo<R>;
		if (this.#worker) {
			try {
				answer = await this.#worker.ask(request);
			} catch (e) {
				this.#fallBack();
				throw e;
			}
		} else {
			if (!this.#engine) throw new Error('no corpus read yet');
			answer = this.#engine.answer(request);
		}
		const titles = (answer as { titles?: Titles }).titles;
		if (titles) for (const id in titles) this.#titles.set(id, titles[id]!);
		return answer;
	}

	/** A document's title: from the records when in the page, else from the answers that linked to it. */
	titleOf(id: string): string {
		return this.#current ? titleOf(this.#current.documents, id) : (this.#titles.get(id) ?? id);
	}
}

export const facts = new FactsState();

/**
 * The engine's answer to a view's request, asked again whenever the request or the corpus changes;
 * null until the first answer. An answer to an older request that comes late is dropped. Call it
 * while a component is set up.
 * @example const answer = liveAnswer(() => ({ type: 'overview', filters: currentFilters(), meetings: 50, headlines: 6 }))
 */
export function liveAnswer<R extends QueryRequest>(request: () => R | null): { readonly current: AnswerTo<R> | null; readonly pending: boolean } {
	let current = $state.raw<AnswerTo<R> | null>(null);
	// Whether the newest request is still unanswered (the view still shows the answer before it).
	let pending = $state(true);
	let asked = 0;
	$effect(() => {
		const r = request();
		if (!r || facts.version === 0) return;
		const n = ++asked;
		pending = true;
		facts.ask($state.snapshot(r) as R).then(
			(a) => {
				if (n !== asked) return;
				current = a;
				pending = false;
			},
			(e) => console.error(e)
		);
	});
	return {
		get current() {
			return current;
		},
		get pending() {
			return pending;
		}
	};
}
