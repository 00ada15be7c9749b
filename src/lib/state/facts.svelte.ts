// All corpus facts, read from IndexedDB once and kept live: an import or a new corpus
// updates every view through Dexie's liveQuery.
import { liveQuery, type Subscription } from 'dexie';
import { db } from '../db/index.ts';
import { loadFacts } from '../db/queries.ts';
import type { Facts } from '../query/facts.ts';
import { corpusState } from './corpus.svelte.ts';

class FactsState {
	/** null until the first read has finished */
	current = $state.raw<Facts | null>(null);
	error = $state<string | null>(null);
	#subscription: Subscription | null = null;

	start(): void {
		// The first read says how far it is on the load's progress bar.
		const onRead = (done: number, total: number) => {
			if (!this.current) corpusState.progress = { phase: 'read', done, total };
		};
		this.#subscription ??= liveQuery(() => loadFacts(db, onRead)).subscribe({
			next: (facts) => {
				if (performance.getEntriesByName('facts:ready').length === 0) performance.mark('facts:ready');
				this.current = facts;
			},
			error: (e) => (this.error = e instanceof Error ? e.message : String(e))
		});
	}
}

export const facts = new FactsState();
