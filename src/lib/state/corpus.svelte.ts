// The app-wide state of the corpus load, as a rune class shared by layout and views.
import corpusUrl from '$data/corpus.json?url';
import { db, openDatabase, type StorageMode } from '../db/index.ts';
import { CorpusRejectedError, loadShippedCorpus, type LoadOutcome } from '../db/load.ts';
import { fetchOrCached } from './offline.ts';

export type LoadStatus = 'loading' | 'ready' | 'error';

/** Something the user should know while the app keeps working. */
export type Notice =
	| { kind: 'memory' }
	| { kind: 'refused'; problems: string[] }
	| { kind: 'quota' }
	| { kind: 'upgraded-elsewhere' }
	| { kind: 'blocked' };

class CorpusState {
	status = $state<LoadStatus>('loading');
	outcome = $state<LoadOutcome | null>(null);
	storage = $state<StorageMode>('persistent');
	/** what went wrong, one line per problem, when no corpus can be shown */
	errors = $state<string[]>([]);
	notices = $state<Notice[]>([]);

	/** Opens storage and loads the shipped corpus, once per page load. */
	async start(): Promise<void> {
		try {
			this.storage = await openDatabase();
			if (this.storage === 'memory') this.notices.push({ kind: 'memory' });
			// Another tab opening a newer version of the app: let it upgrade, ask this one to reload.
			db.on('versionchange', () => {
				this.notices.push({ kind: 'upgraded-elsewhere' });
				db.close();
				return false;
			});
			db.on('blocked', () => this.notices.push({ kind: 'blocked' }));
			// Offline, the copy the service worker cached: the wall still presents with no network.
			const result = await loadShippedCorpus(db, corpusUrl, fetchOrCached);
			this.outcome = result.outcome;
			if (result.quotaExceeded) this.notices.push({ kind: 'quota' });
			else if (result.outcome === 'kept') this.notices.push({ kind: 'refused', problems: result.problems });
			this.status = 'ready';
		} catch (e) {
			this.errors = e instanceof CorpusRejectedError ? e.errors : [e instanceof Error ? e.message : String(e)];
			this.status = 'error';
		}
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
