// The facts worker: owns the corpus's records, their columns and the figures' analysis, and
// answers the views' typed requests (engine.ts) with what they draw. The page never holds the
// records unless a view that lists them is open: reading a 100k-document corpus back from
// IndexedDB (~350 chunks, 175 MB of JSON), building its columns and analysing its 300,000 figures
// take seconds, all of them here, off the page's thread. The worker opens the page's IndexedDB
// database by name (Dexie works in workers); the page tells it when the data changed.
import { DashboardDB } from '../db/db.ts';
import { factsStamp, loadFacts } from '../db/queries.ts';
import { QueryEngine, type QueryRequest } from './engine.ts';

/**
 * What the page sends. `load`: read (again) the corpus of this database, numbered `read`. `ask`:
 * answer a request; `stored`: only from the answers stored for this corpus (null when none is), at
 * once, without waiting for the records.
 */
export type FactsWorkerRequest = { type: 'load'; dbName: string; read: number } | { type: 'ask'; id: number; request: QueryRequest; stored?: boolean };

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
/** Reads asked for and not finished. */
let pending = 0;
let db: DashboardDB | null = null;

// Answers are stored (in the `meta` table, keyed by a digest of factsStamp and the request) so the
// next page load shows them while the worker reads the records again: a materialised view of the
// last filter states asked for, valid as long as the corpus, the user's documents and corrections
// are the same. At 100,000 documents the read takes seconds; a stored answer comes in milliseconds.
const STORED = 'answers:';
/** The digest of the newest load's corpus (read before its records), once known. */
let corpus: Promise<string | null> = Promise.resolve(null);
/** The digest of the corpus the engine was built from. */
let engineCorpus: string | null = null;
/** Answers stored per corpus at most: the oldest go. */
const KEEP = 40;

async function digest(text: string): Promise<string> {
	const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
	return Array.from(bytes.subarray(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
}

type StoredAnswer = { key: string; answer: unknown; at: number };
const meta = () => db!.meta as unknown as import('dexie').Table<StoredAnswer, string>;
const keyOf = (corpusDigest: string, request: QueryRequest) => `${STORED}${corpusDigest}:${JSON.stringify(request)}`;

async function storedAnswer(request: QueryRequest): Promise<unknown> {
	const c = await corpus;
	if (!c || !db) return null;
	return (await meta().get(keyOf(c, request)))?.answer ?? null;
}

async function store(corpusDigest: string, request: QueryRequest, answer: unknown): Promise<void> {
	if (!db) return;
	await meta().put({ key: keyOf(corpusDigest, request), answer, at: Date.now() });
}

/** Drops the stored answers of other corpora, and this one's beyond the newest KEEP. */
async function prune(corpusDigest: string): Promise<void> {
	if (!db) return;
	const rows = await meta().where('key').startsWith(STORED).toArray();
	const mine = rows.filter((r) => r.key.startsWith(`${STORED}${corpusDigest}:`)).sort((a, b) => b.at - a.at);
	const old = [...rows.filter((r) => !r.key.startsWith(`${STORED}${corpusDigest}:`)), ...mine.slice(KEEP)];
	if (old.length) await meta().bulkDelete(old.map((r) => r.key));
}

async function load(db: DashboardDB, read: number, stamp: Promise<string>): Promise<void> {
	try {
		const corpusDigest = await stamp;
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
		engineCorpus = corpusDigest;
		post({ type: 'loaded', read });
		void prune(corpusDigest).catch(() => undefined);
	} catch (e) {
		const err = e as { name?: string; message?: string };
		post({ type: 'error', read, name: err?.name ?? 'Error', message: err?.message ?? String(e) });
	}
}

const fail = (id: number, e: unknown) => {
	const err = e as { name?: string; message?: string };
	post({ type: 'error', id, name: err?.name ?? 'Error', message: err?.message ?? String(e) });
};

self.onmessage = (event: MessageEvent<FactsWorkerRequest>) => {
	const message = event.data;
	if (message.type === 'load') {
		newest = message.read;
		if (db?.name !== message.dbName) {
			db?.close();
			db = new DashboardDB(message.dbName);
		}
		const target = db;
		// The corpus's digest is known before its records are read: stored answers of it can be given meanwhile.
		const stamp = factsStamp(target).then(digest);
		corpus = stamp.catch(() => null);
		pending++;
		loading = loading.then(() => (message.read === newest ? load(target, message.read, stamp) : undefined)).finally(() => pending--);
		return;
	}
	const { id, request } = message;
	const fromEngine = () =>
		loading.then(() => {
			try {
				if (!engine) throw new Error('no corpus read yet');
				const answer = engine.answer(request);
				post({ type: 'answer', id, answer });
				if (engineCorpus) void store(engineCorpus, request, answer).catch(() => undefined);
			} catch (e) {
				fail(id, e);
			}
		});
	// The engine answers once it has the newest read; while the records are read, an answer stored for this corpus comes at once.
	if (engine && pending === 0 && !message.stored) return void fromEngine();
	void storedAnswer(request)
		.catch(() => null)
		.then((stored) => {
			if (stored != null || message.stored) post({ type: 'answer', id, answer: stored });
			else void fromEngine();
		});
};

// Said once the module has loaded: until then the page cannot tell a worker that fails to start.
post({ type: 'ready' });
