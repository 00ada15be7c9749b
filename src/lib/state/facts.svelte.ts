// All corpus facts, read from IndexedDB once and kept live: an import, a correction or a new
// corpus updates every view. Dexie's liveQuery watches a small fingerprint of what the facts are
// read from (factsStamp); the facts are read again when it moves, at most one read at a time and
// one more after it however many changes came meanwhile (1,000 documents imported one after
// another read the corpus a few dozen times, not a thousand).
import { liveQuery, type Subscription } from 'dexie';
import { db } from '../db/index.ts';
import { factsStamp, loadFacts } from '../db/queries.ts';
import { prepareAnalysis } from '../query/analysis.ts';
import { columnsOf } from '../query/columns.ts';
import type { Facts } from '../query/facts.ts';
import { corpusState } from './corpus.svelte.ts';

class FactsState {
	/** null until the first read has finished */
	current = $state.raw<Facts | null>(null);
	error = $state<string | null>(null);
	#subscription: Subscription | null = null;
	/** the newest read: an older one still being prepared is dropped */
	#reads = 0;
	/** a read is running; `#stale`: something changed since it began */
	#reading = false;
	#stale = false;
	/** a view on the page draws from the figures' analysis: prepare it before showing a read */
	#analysisWanted = false;

	/** Called by a view that reads analysisOf(facts.current), when it is set up. */
	wantAnalysis(): void {
		this.#analysisWanted = true;
	}

	start(): void {
		// The first read says how far it is on the load's progress bar.
		const onRead = (done: number, total: number) => {
			if (!this.current) corpusState.progress = { phase: 'read', done, total };
		};
		this.#subscription ??= liveQuery(() => factsStamp(db)).subscribe({
			next: () => void this.#read(onRead),
			error: (e) => (this.error = e instanceof Error ? e.message : String(e))
		});
	}

	/** Reads the facts, once more after the read if they changed meanwhile. */
	async #read(onRead: (done: number, total: number) => void): Promise<void> {
		if (this.#reading) {
			this.#stale = true;
			return;
		}
		this.#reading = true;
		try {
			do {
				this.#stale = false;
				await this.#prepare(await loadFacts(db, onRead));
			} while (this.#stale);
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.#reading = false;
		}
	}

	/**
	 * Builds what the views read of a new corpus read — the filter columns, then (when a view on
	 * the page wants it) the analysis of the figures in slices — and only then hands the read to
	 * the views: they draw from prepared data instead of computing it in one long task each.
	 */
	async #prepare(read: Facts): Promise<void> {
		const n = ++this.#reads;
		try {
			columnsOf(read);
			if (this.#analysisWanted) await prepareAnalysis(read);
		} catch (e) {
			// A view computes what could not be prepared; the read is shown all the same.
			console.error(e);
		}
		if (n !== this.#reads) return;
		if (performance.getEntriesByName('facts:ready').length === 0) performance.mark('facts:ready');
		this.current = read;
		// Pages without it (timeline, map, explore) show first; the analysis follows in slices, ready
		// for a move to the overview or the achievements.
		if (!this.#analysisWanted) void prepareAnalysis(read).catch(() => undefined);
	}
}

export const facts = new FactsState();
