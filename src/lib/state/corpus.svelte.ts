// The app-wide state of the corpus load, as a rune class shared by layout and views.
import corpusUrl from '$data/corpus.json?url';
import { db } from '../db/index.ts';
import { CorpusRejectedError, loadShippedCorpus } from '../db/load.ts';
import type { SyncOutcome } from '../db/sync.ts';

export type LoadStatus = 'loading' | 'ready' | 'error';

class CorpusState {
	status = $state<LoadStatus>('loading');
	outcome = $state<SyncOutcome | null>(null);
	/** what went wrong, one line per problem */
	errors = $state<string[]>([]);

	/** Loads the shipped corpus once per page load. */
	async start(): Promise<void> {
		try {
			this.outcome = await loadShippedCorpus(db, corpusUrl);
			this.status = 'ready';
		} catch (e) {
			this.errors = e instanceof CorpusRejectedError ? e.errors : [e instanceof Error ? e.message : String(e)];
			this.status = 'error';
		}
	}
}

export const corpusState = new CorpusState();

/** Records `view:ready` the first time a view has drawn its data. */
export function markViewReady(view: string): void {
	if (performance.getEntriesByName('view:ready').length === 0) performance.mark('view:ready', { detail: { view } });
}
