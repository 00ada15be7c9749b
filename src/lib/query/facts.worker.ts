// The facts worker: owns the corpus's records, their columns and the figures' analysis, and
// answers the views' typed requests (engine.ts) with what they draw. The page never holds the
// records unless a view that lists them is open: reading a 100k-document corpus back from
// IndexedDB (~350 chunks, 175 MB of JSON), building its columns and analysing its 300,000 figures
// take seconds, all of them here, off the page's thread. The worker opens the page's IndexedDB
// database by name (Dexie works in workers); the page tells it when the data changed.
import { DashboardDB } from '../db/db.ts';
import { loadFacts } from '../db/queries.ts';
import { QueryEngine, type QueryRequest } from './engine.ts';

/** What the page sends. `load`: read (again) the corpus of this database, numbered `read`. */
export type FactsWorkerRequest = { type: 'load'; dbName: string; read: number } | { type: 'ask'; id: number; request: QueryRequest };

/** What the worker sends back. */
export type FactsWorkerReply =
	| { type: 'ready' }
	| { type: 'progress'; read: number; done: number; total: number }
	| { type: 'loaded'; read: number }
	| { type: 'answer'; id: number; answer: unknown }
	| { type: 'error'; id?: number; read?: number; name: string; message: string };

const post = (reply: FactsWorkerReply) => (self as unknown as Worker).postMessage(reply);

let engine: QueryEngine | null = null;
/** The read being made: asks wait for it, so a view never sees the corpus before a change. */
let loading: Promise<void> = Promise.resolve();
let newest = 0;

async function load(dbName: string, read: number): Promise<void> {
	const db = new DashboardDB(dbName);
	try {
		// Progress at most every 50 ms: a message per chunk would cost the page more than it tells.
		let last = 0;
		const facts = await loadFacts(db, (done, total) => {
			const now = performance.now();
			if (done === total || now - last > 50) {
				last = now;
				post({ type: 'progress', read, done, total });
			}
		});
		// A newer read was asked for meanwhile: it replaces this one.
		if (read !== newest) return;
		const next = new QueryEngine(facts);
		next.prepare();
		engine = next;
		post({ type: 'loaded', read });
	} catch (e) {
		const err = e as { name?: string; message?: string };
		post({ type: 'error', read, name: err?.name ?? 'Error', message: err?.message ?? String(e) });
	} finally {
		db.close();
	}
}

self.onmessage = (event: MessageEvent<FactsWorkerRequest>) => {
	const message = event.data;
	if (message.type === 'load') {
		newest = message.read;
		loading = loading.then(() => (message.read === newest ? load(message.dbName, message.read) : undefined));
		return;
	}
	const { id, request } = message;
	void loading.then(() => {
		try {
			if (!engine) throw new Error('no corpus read yet');
			post({ type: 'answer', id, answer: engine.answer(request) });
		} catch (e) {
			const err = e as { name?: string; message?: string };
			post({ type: 'error', id, name: err?.name ?? 'Error', message: err?.message ?? String(e) });
		}
	});
};

// Said once the module has loaded: until then the page cannot tell a worker that fails to start.
post({ type: 'ready' });
