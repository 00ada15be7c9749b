// All corpus facts, read from IndexedDB once and kept live: an import or a new corpus
// updates every view through Dexie's liveQuery.
import { liveQuery, type Subscription } from 'dexie';
import { db } from '../db/index.ts';
import { loadFacts } from '../db/queries.ts';
import type { Facts } from '../query/facts.ts';

class FactsState {
	/** null until the first read has finished */
	current = $state.raw<Facts | null>(null);
	error = $state<string | null>(null);
	#subscription: Subscription | null = null;

	start(): void {
		this.#subscription ??= liveQuery(() => loadFacts(db)).subscribe({
			next: (facts) => {
				if (performance.getEntriesByName('facts:ready').length === 0) performance.mark('facts:ready');
				this.current = facts;
			},
			error: (e) => (this.error = e instanceof Error ? e.message : String(e))
		});
	}
}

export const facts = new FactsState();
