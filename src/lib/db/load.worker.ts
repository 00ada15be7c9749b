// The load worker: decodes, parses, validates, hashes and stores the shipped corpus off the page's
// thread (a 100k-document corpus is 174 MB of JSON), saying how far it is. The page fetches the
// file (its stall timeout, the offline copy, the hash check that skips an unchanged file) and
// hands the bytes over without copying them; the worker opens the same IndexedDB database through
// Dexie, and the page's live queries hear of its writes.
import { DashboardDB } from './db.ts';
import { ingestCorpus, type Ingested, type LoadProgress } from './load.ts';

/** What the page sends: the file's bytes (transferred) and the database to write. */
export interface IngestRequest {
	dbName: string;
	parts: Uint8Array[];
}

/** What the worker sends back: progress as it goes, then the result or the error. */
export type IngestReply =
	| ({ type: 'progress' } & LoadProgress)
	| { type: 'done'; result: Ingested }
	| { type: 'error'; name: string; message: string }
	| { type: 'ready' };

const post = (reply: IngestReply) => (self as unknown as Worker).postMessage(reply);

// Said once the module has loaded: only then does the page hand over the bytes.
post({ type: 'ready' });

self.onmessage = async (event: MessageEvent<IngestRequest>) => {
	const db = new DashboardDB(event.data.dbName);
	try {
		// Progress is sent at most every 50 ms: a message per chunk would cost the page more than it tells.
		let last = 0;
		const result = await ingestCorpus(db, event.data.parts, (p) => {
			const now = performance.now();
			if (p.done === 0 || p.done === p.total || now - last > 50) {
				last = now;
				post({ type: 'progress', ...p });
			}
		});
		post({ type: 'done', result });
	} catch (e) {
		const err = e as { name?: string; message?: string };
		post({ type: 'error', name: err?.name ?? 'Error', message: err?.message ?? String(e) });
	} finally {
		db.close();
	}
};
