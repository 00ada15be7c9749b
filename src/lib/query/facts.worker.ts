// The facts worker: owns the corpus's records, their columns and the figures' analysis, and
// answers the views' typed requests (engine.ts) with what they draw. The page never holds the
// records unless a view that lists them is open: reading a 100k-document corpus back from
// IndexedDB (~350 chunks, 175 MB of JSON), building its columns and analysing its 300,000 figures
// take seconds, all of them here, off the page's thread. The worker opens the page's IndexedDB
// database by name (Dexie works in workers); the page tells it when the data changed.
//
// Answers are stored (in the `meta` table, keyed by a digest of factsStamp and the request's text):
// a materialised view of the filter states last asked for, valid as long as the corpus, the
// user's documents and corrections are the same. The records are read only when an answer is not
// stored: a page load that asks what it asked before (the dashboard's landing page, the big
// screen's start) is answered in milliseconds, and a page whose view reads the records itself
// (the timeline, the map) does not have them read twice.
import type { Table } from 'dexie';
import { DashboardDB } from '../db/db.ts';
import { ingestCorpus, type Ingested, type LoadProgress } from '../db/load.ts';
import { factsStamp, loadFacts } from '../db/queries.ts';
import { shareStrings, type Facts } from './facts.ts';
import { QueryEngine, readsAnalysis, type AchievementsRequest, type DocumentRequest, type QueryRequest } from './engine.ts';
import { readDocument } from '../db/documentRead.ts';
import { storeImportedBatch, type ImportItem } from '../db/user.ts';
import { slimPlaces } from './slim.ts';
import { keptForNextVisit } from './requests.ts';
import { prepareAnalysis } from './analysis.ts';
import { prepareTimeline } from './timelineAnswer.ts';
import { buildSnapshot, hasSnapshot, pruneSnapshots, readSnapshot, writeSnapshot, type Snapshot } from './snapshot.ts';
import { nextRequests, warmsNext } from './warmup.ts';
import { BACKGROUND_QUIET_MS, Turns } from './turns.ts';

/**
 * What the page sends. `load`: the corpus of this database is (again) the one to answer from,
 * numbered `read`; `prefetch`: requests to answer and store once its records are read. `ask`:
 * answer a request.
 */
export type FactsWorkerRequest =
	| { type: 'load'; dbName: string; read: number; prefetch?: QueryRequest[] }
	| { type: 'ask'; id: number; request: QueryRequest }
	| { type: 'ingest'; id: number; dbName: string; parts: Uint8Array[] }
	/** an import's batch, stored here in one transaction (storeImportedBatch): the page's thread does none of the writing */
	| { type: 'store'; id: number; dbName: string; items: ImportItem[] };

/**
 * What the worker sends back. `loaded`: the corpus of that load is known (its digest); its records
 * are read when an answer needs them. `prefetched`: the load's prefetch requests are all answered
 * and stored (the next page load finds them).
 */
export type FactsWorkerReply =
	| { type: 'ready' }
	| { type: 'progress'; done: number; total: number }
	| { type: 'loaded'; read: number }
	| { type: 'prefetched'; read: number }
	| {
			type: 'answer';
			id: number;
			answer: unknown;
			/** computed from the records, not found stored */
			computed?: boolean;
			/**
			 * When the ask came (its message handled), its answer began and ended being made, and the reply was
			 * posted, as absolute times (performance.timeOrigin + now): a bench tells the wait behind the worker's
			 * other work from the making and the trip back (bench-asks.ts).
			 */
			timing?: [number, number, number, number];
	  }
	| ({ type: 'ingest-progress'; id: number } & LoadProgress)
	| { type: 'ingested'; id: number; result: Ingested }
	| { type: 'error'; id?: number; read?: number; name: string; message: string };

/** An absolute time (ms since the epoch, sub-millisecond), comparable with the page's. */
const now = () => performance.timeOrigin + performance.now();

/** This worker's scope, taken once: the specs run several copies of this module, each with its own. */
const scope = self as unknown as { postMessage(reply: FactsWorkerReply): void; onmessage: ((event: MessageEvent<FactsWorkerRequest>) => void) | null };
const post = (reply: FactsWorkerReply) => scope.postMessage(reply);

/** The corpus to answer from: the newest load. */
interface Corpus {
	db: DashboardDB;
	read: number;
	/** digest of its factsStamp */
	digest: Promise<string>;
	prefetch: readonly QueryRequest[];
}
let corpus: Corpus | null = null;
/** The engine and the load it was built for. */
let engine: { read: number; digest: string; engine: QueryEngine } | null = null;
/** The records being read, one read at a time, for the load numbered `read`. */
let reading: { read: number; done: Promise<QueryEngine> } | null = null;
let reads: Promise<unknown> = Promise.resolve();

const STORED = 'answers:';
/** Answers stored per corpus at most: the oldest go. */
const KEEP = 40;

async function digest(text: string): Promise<string> {
	const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
	return Array.from(bytes.subarray(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
}

type StoredAnswer = { key: string; answer: unknown; at: number };
const answers = (db: DashboardDB) => db.meta as unknown as Table<StoredAnswer, string>;
const keyOf = (corpusDigest: string, request: QueryRequest) => `${STORED}${corpusDigest}:${JSON.stringify(request)}`;

async function storedAnswer(c: Corpus, request: QueryRequest): Promise<unknown> {
	return (await answers(c.db).get(keyOf(await c.digest, request)))?.answer ?? null;
}

async function store(c: Corpus, corpusDigest: string, request: QueryRequest, answer: unknown): Promise<void> {
	await answers(c.db).put({ key: keyOf(corpusDigest, request), answer, at: Date.now() });
}

/** Drops the stored answers of other corpora, and this one's beyond the newest KEEP. */
async function prune(c: Corpus, corpusDigest: string): Promise<void> {
	const rows = await answers(c.db).where('key').startsWith(STORED).toArray();
	const mine = rows.filter((r) => r.key.startsWith(`${STORED}${corpusDigest}:`)).sort((a, b) => b.at - a.at);
	const old = [...rows.filter((r) => !r.key.startsWith(`${STORED}${corpusDigest}:`)), ...mine.slice(KEEP)];
	if (old.length) await answers(c.db).bulkDelete(old.map((r) => r.key));
	await pruneSnapshots(c.db, corpusDigest);
}

/** The achievements snapshot stored for a corpus digest (snapshot.ts), read once (null: none stored). */
let snapshot: { digest: string; found: Promise<Snapshot | null> } | null = null;
async function snapshotOf(c: Corpus): Promise<Snapshot | null> {
	const d = await c.digest;
	if (snapshot?.digest !== d) snapshot = { digest: d, found: readSnapshot(c.db, d).catch(() => null) };
	return snapshot.found;
}

/** Answers kept per engine and per snapshot: the filter states a user goes back and forth between, and those computed ahead (warm). */
const ANSWERS_KEPT = 40;
/** The answer to a request kept for `owner` by the request's text, made the first time (the oldest of ANSWERS_KEPT let go). */
function kept<O extends object, A>(answers: WeakMap<O, Map<string, A>>, owner: O, request: QueryRequest, make: () => A): A {
	let m = answers.get(owner);
	if (!m) answers.set(owner, (m = new Map()));
	const key = JSON.stringify(request);
	if (!m.has(key)) {
		if (m.size >= ANSWERS_KEPT) m.delete(m.keys().next().value!);
		m.set(key, make());
	}
	return m.get(key)!;
}

/** A snapshot's answers by request text, as memo() keeps the engine's; one that failed is not kept. */
const snapshotMemos = new WeakMap<Snapshot, Map<string, Promise<unknown>>>();
const snapshotAnswer = (s: Snapshot, request: AchievementsRequest): Promise<unknown> =>
	kept(snapshotMemos, s, request, () => {
		const a = s.answer(request);
		a.catch(() => snapshotMemos.get(s)?.delete(JSON.stringify(request)));
		return a;
	});

/** Whether an achievements request is answered from the stored snapshot: when there is one and this load's engine has not built the page's answers. */
async function fromSnapshot(c: Corpus, request: QueryRequest): Promise<Snapshot | null> {
	if (request.type !== 'achievements') return null;
	if (engine?.read === c.read && engine.engine.achievementsReady) {
		// the engine answers from here on: the snapshot's columns and blocks (~30 MB at 100k) are let go
		snapshot = null;
		return null;
	}
	return snapshotOf(c);
}

/**
 * Stores the achievements snapshot of a corpus read (unless stored): the page's answers built, then
 * its columns and blocks written a few at a time, each once the page has been quiet for a while (turns.ts).
 */
async function storeSnapshot(c: Corpus, e: QueryEngine, corpusDigest: string): Promise<void> {
	if (await hasSnapshot(c.db, corpusDigest)) return;
	await prepareAnalysis(e.facts, ANALYSIS_SLICE, yieldTask);
	await turns.quiet(BACKGROUND_QUIET_MS);
	if (corpus !== c) return;
	e.prepareMore();
	await pause();
	await turns.quiet(BACKGROUND_QUIET_MS);
	const parts = buildSnapshot(e, corpusDigest);
	if (!parts) return;
	await writeSnapshot(c.db, parts, async () => {
		await yieldTask();
		await turns.quiet(BACKGROUND_QUIET_MS);
		return corpus === c;
	}, SNAPSHOT_BLOCKS_A_SLICE);
}

/** The engine of the newest load, its records read now if need be (one read at a time). */
function engineOf(c: Corpus): Promise<QueryEngine> {
	if (engine?.read === c.read) return Promise.resolve(engine.engine);
	if (reading?.read === c.read) return reading.done;
	const done = reads.then(async () => {
		// The same corpus as the engine's (the page told of a change that changed nothing it reads): no new read.
		const corpusDigest = await c.digest;
		if (engine?.digest === corpusDigest) {
			if (engine.read < c.read) engine.read = c.read;
			return engine.engine;
		}
		// Progress at most every 50 ms: a message per chunk would cost the page more than it tells.
		let last = 0;
		// the records this worker has just ingested (the corpus's first load): see firstAnswers
		const ingested = stored != null;
		// 16 chunks (~16 MB) a request: a long task here blocks no page, and each request costs a round trip.
		const facts = await loadFacts(
			c.db,
			(done, total) => {
				const now = performance.now();
				if (done === total || now - last > 50) {
					last = now;
					post({ type: 'progress', done, total });
				}
			},
			16,
			stored
		);
		stored = null;
		// one string for each text and document id the records repeat, and of each place only what the
		// answers read (slim.ts; a document's places come from the database): the worker holds them all
		const next = new QueryEngine(slimPlaces(shareStrings(facts)));
		// The columns now; the analysis and the orders in the next task (prefetch), so an ask waiting
		// for this read that does not need them (the explorer's) is answered first: each is built on
		// first use anyway.
		next.prepareColumns();
		if (!engine || engine.read < c.read) engine = { read: c.read, digest: corpusDigest, engine: next };
		if (ingested) firstLoad = c;
		void prune(c, corpusDigest).catch(() => undefined);
		// The views' first requests, answered and stored for the next page load, one per task so the page's asks come between.
		void prefetchOnce(c, next);
		return next;
	});
	reading = { read: c.read, done };
	reads = done.catch(() => undefined);
	return done;
}

/** A pause that lets the page's asks in: a macrotask. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A macrotask without the 4 ms a nested setTimeout waits: a message to this thread's own port. */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
// (in Node, where the specs run this module, a port with a listener would keep the process alive)
(channel.port1 as unknown as { unref?: () => void }).unref?.();
const yieldTask = () =>
	new Promise<void>((resolve) => {
		waiting.push(resolve);
		channel.port2.postMessage(null);
	});

/** Metrics analysed per task: ~50-100 ms at a time, so the page's asks for stored answers come between. */
const ANALYSIS_SLICE = 20000;
/** The analysis a request reads, prepared in slices (one per read, shared by every ask waiting for it). */
const analysed = (e: QueryEngine, request: QueryRequest): Promise<unknown> =>
	readsAnalysis(request) ? prepareAnalysis(e.facts, ANALYSIS_SLICE, yieldTask) : Promise.resolve();

/** The loads whose prefetch is under way (warm waits for it). */
const prefetching = new WeakSet<Corpus>();
/** The prefetch of each load (a later load of the same corpus, from another URL, has its own requests). */
const prefetches = new WeakMap<Corpus, Promise<void>>();
function prefetchOnce(c: Corpus, e: QueryEngine): Promise<void> {
	let p = prefetches.get(c);
	if (!p) prefetches.set(c, (p = prefetch(c, e).catch(() => undefined).finally(() => prefetching.delete(c))));
	return p;
}

/**
 * Answers and stores the load's first requests that are not stored yet, in their order (the
 * current page's own asks were answered, and stored, before), one per task so the page's asks come
 * between; then builds what is left of the engine. Each answer builds only what it reads: the first
 * is stored seconds sooner than after building everything (at 100k documents).
 */
async function prefetch(c: Corpus, e: QueryEngine): Promise<void> {
	prefetching.add(c);
	const corpusDigest = await c.digest;
	// The answers just given are stored first: a transaction commits only when this thread is free,
	// and a page that leaves during the seconds the prefetch takes would otherwise lose them.
	await pause();
	await storing;
	for (const request of c.prefetch) {
		await pause();
		if (corpus !== c) return;
		try {
			if ((await storedAnswer(c, request)) == null) {
				await analysed(e, request);
				// the page's asks first: one waiting for the same analysis is answered before this guess
				await turns.quiet(BACKGROUND_QUIET_MS);
				if (corpus !== c) return;
				await store(c, corpusDigest, request, toStore(e, request));
			}
		} catch {
			// a prefetch is only a guess
		}
	}
	// The achievements snapshot, with the views' first answers (when they include that page's): a later page load
	// answers any of the page's filter states without reading the records. Before saying the prefetch is done: the
	// next page load finds it too.
	if (c.prefetch.some((r) => r.type === 'achievements')) await storeSnapshot(c, e, corpusDigest).catch(() => undefined);
	if (corpus === c) post({ type: 'prefetched', read: c.read });
	await prepareAnalysis(e.facts, ANALYSIS_SLICE, yieldTask);
	// the rest of the engine in two tasks (the timeline's index, then the figure index, the meetings'
	// order and the rest: ~0.5 s each at 100k), each when the page has been quiet for a while
	await turns.quiet(BACKGROUND_QUIET_MS);
	prepareTimeline(e.facts);
	await pause();
	await turns.quiet(BACKGROUND_QUIET_MS);
	e.prepare();
	await pause();
	await turns.quiet(BACKGROUND_QUIET_MS);
	e.prepareMore();
	prefetching.delete(c);
	// the filter states next to the page's view (the records are read now)
	void warm().catch(() => undefined);
}

/**
 * A first request's answer to store for a later page load: the explorer's first page alone when the
 * explorer is not open (all its rows, kept by memo, would be heap for nothing on another page).
 */
const toStore = (e: QueryEngine, request: QueryRequest): unknown => (request.type === 'explore' && !explorerOpen ? e.exploreFirstPage(request) : memo(e, request));

/** The load whose records this worker ingested (the corpus's first load): its first view answer waits for firstAnswers. */
let firstLoad: Corpus | null = null;
/** firstAnswers of each load, once. */
const firstStored = new WeakMap<Corpus, Promise<void>>();

/**
 * The corpus's first load: every first request's answer computed and stored before the page's first
 * view answer is posted. A page left the moment its charts are ready would otherwise leave the
 * later views' answers unstored (at 100k documents they take ~1.5 s of this worker after the
 * overview's), and the next page load of such a view, in a new worker, would read and analyse every
 * record first (4.3 s for /map). One transaction for all, committed before the answer is posted.
 * Only for a first view that reads the figures' analysis (the overview, the map, the achievements
 * page, the screen): the analysis, most of the other answers' cost, is made for it anyway.
 */
function firstAnswers(c: Corpus, e: QueryEngine): Promise<void> {
	let p = firstStored.get(c);
	if (!p)
		firstStored.set(
			c,
			(p = (async () => {
				const corpusDigest = await c.digest;
				const rows: StoredAnswer[] = [];
				for (const request of c.prefetch) {
					if (corpus !== c) return;
					await analysed(e, request);
					rows.push({ key: keyOf(corpusDigest, request), answer: toStore(e, request), at: Date.now() });
				}
				await answers(c.db).bulkPut(rows);
			})().catch(() => undefined))
		);
	return p;
}

/** Whether this page has asked an explore request (the explorer is open): its rows are kept for its next asks. */
let explorerOpen = false;
/**
 * The page's asks in flight and when the last came or was answered: work for later (the prefetch,
 * the snapshot, the engine's remaining indexes) starts a slice only once the
 * page has been quiet for a while (turns.ts), so a user going through the filters never waits behind it.
 */
const turns = new Turns();
/** Resolves once the page has asked nothing for `quietMs` (its views have their first answers). */
const quiet = (quietMs = 500): Promise<void> => turns.quiet(quietMs);
/** The achievements snapshot's blocks built, compressed and stored a slice (each slice ~10-40 ms at 10k, load ~11: 8 a slice took 73-322 ms). */
const SNAPSHOT_BLOCKS_A_SLICE = 2;

/**
 * Reads the records of a corpus once the page has asked nothing for a moment (its first view drawn).
 * Not at once: a tour of the views, each found stored, would start a read of 200 MB on every page it
 * leaves a moment later, and an ask that needs the records starts the read itself, at once (at 100k
 * documents, bench:views with BENCH_STAY=prefetch gave the same filter-change p95 either way:
 * 1,293 ms reading at once, 1,264 ms after the quiet moment, load 2-8).
 */
async function readWhenQuiet(c: Corpus): Promise<void> {
	await quiet();
	if (corpus === c) await engineOf(c);
}

/**
 * Completes the first answers of a load: when some are not stored (a page left before the
 * prefetch of an earlier read had stored them all, or the URL asks for other filters), the records
 * are read once the page's own asks are answered, and the prefetch stores them, so the next page
 * load of any view finds its answer. When all are stored, says so at once.
 */
async function complete(c: Corpus): Promise<void> {
	const corpusDigest = await c.digest;
	const found = await answers(c.db).bulkGet(c.prefetch.map((r) => keyOf(corpusDigest, r)));
	if (found.every((a) => a != null)) {
		if (corpus === c) post({ type: 'prefetched', read: c.read });
		return;
	}
	await quiet();
	if (corpus !== c) return;
	await prefetchOnce(c, await engineOf(c));
}

/** The engine's answers by request text: a view's ask that the prefetch answered a moment before is not computed twice. */
const memos = new WeakMap<QueryEngine, Map<string, unknown>>();
const memo = (e: QueryEngine, request: QueryRequest): unknown => kept(memos, e, request, () => e.answer(request));

/** The page's newest ask of a view the filter bar drives: the filter states next to it are computed at idle (warm). */
let lastAsked: QueryRequest | null = null;
let warming = false;
/** The worker's time spent computing ahead for one view's request at most (a large corpus's answers take tenths of a second each). */
const WARM_BUDGET_MS = 1500;
/** An answer computed ahead that took longer ends the warming of that view: the page's next ask could wait behind the next one. */
const WARM_MAX_ANSWER_MS = 40;
/** Warming waits this long after the page's last ask (each answer computed ahead is one task; an ask waits for one at most). */
const WARM_QUIET_MS = 100;
/**
 * From the stored snapshot, the worker's time spent computing ahead for one view's request at most, and no
 * per-answer cutoff: its first answers are slow once (the first plan's places and year totals, ~230 ms CPU
 * at 100k; each figure block's first gunzip and parse) and cheap after, and warming runs only while the page
 * is quiet (at 100k, stopping after the first slow one left the 2nd and 3rd filter changes to pay it:
 * 209-237 ms).
 */
const WARM_SNAPSHOT_BUDGET_MS = 5000;

/**
 * Once the page has been quiet for a moment and this load's records are read (after each ask, and
 * after a read's prefetch), computes the answers of the filter states a user is likely to pick next
 * from the view last asked (warmup.ts: each other first and last year), one per task and only
 * while no ask is in flight, into the memo: such a change is answered at once, and any other finds
 * the engine's code compiled and its indexes built instead of doing that while the user waits.
 * Starts again for a newer ask. Not on the big screen (no filter bar; its pages rotate).
 */
async function warm(): Promise<void> {
	if (warming) return;
	warming = true;
	try {
		for (;;) {
			await quiet(WARM_QUIET_MS);
			const c = corpus;
			const asked = lastAsked;
			if (!c || !asked || c.prefetch[0]?.type === 'screen') return;
			// an achievements request the stored snapshot answers: computed ahead from it, the records left unread
			const s = await fromSnapshot(c, asked).catch(() => null);
			// else the records read for this load (an ask that needed them, or the read when quiet): warming starts no read
			if (!s && engine?.read !== c.read) return;
			const e = s ? null : engine!.engine;
			// after the prefetch (the next page loads' answers come first), which calls this again when done
			if (e && prefetching.has(c)) return;
			const years = e ? (memo(e, { type: 'summary' }) as { years: number[] }).years : (((await storedAnswer(c, { type: 'summary' }).catch(() => null)) as { years: number[] } | null)?.years ?? []);
			let spent = 0;
			for (const request of nextRequests(asked, years)) {
				await pause();
				// between two guesses only while no ask is in flight, not after a quiet moment as the work for later: a
				// guess is one answer (the engine's stop after one over WARM_MAX_ANSWER_MS), and guessing during a burst
				// of changes pays (bench:views at 10k after a stay, load 12-14: changes p95 83 ms so, 276 ms waiting for
				// WARM_QUIET_MS of quiet, the next year's answer and its blocks not made before the user asks for them)
				while (turns.asking > 0) await pause();
				if (corpus !== c || lastAsked !== asked || spent > (e ? WARM_BUDGET_MS : WARM_SNAPSHOT_BUDGET_MS)) break;
				const t = performance.now();
				if (e) {
					await analysed(e, request);
					memo(e, request);
				} else await snapshotAnswer(s!, request as AchievementsRequest).catch(() => undefined);
				const took = performance.now() - t;
				spent += took;
				// an answer this slow (a large corpus) would keep an ask of the page waiting as long: no more guesses
				if (e && took > WARM_MAX_ANSWER_MS) break;
			}
			if (corpus === c && lastAsked === asked) return;
		}
	} finally {
		warming = false;
	}
}

/** The answers being stored. */
let storing: Promise<unknown> = Promise.resolve();

/** Answers computed (not found stored) since this worker started: said with each answer, for bench:views. */
const computed = new WeakSet<object>();

/** The answer to a request from the newest corpus: stored, else computed (and stored). */
async function answer(request: QueryRequest, timing: number[] = []): Promise<unknown> {
	const c = corpus;
	if (!c) throw new Error('no corpus to answer from');
	// A meeting's details (the timeline's tip): from the records, never stored (one per meeting pointed at).
	if (request.type === 'timelineMeeting') return (await engineOf(c)).answer(request);
	if (engine?.read !== c.read) {
		const stored = await storedAnswer(c, request).catch(() => null);
		if (stored != null) {
			// A view's next asks (a filter change, the explorer's search, sort and scroll, the timeline's tips, the
			// map's picks) need the records: read them once the page's first asks are answered (a read holds this
			// thread in slices of ~16 MB of JSON: an ask behind one waits), so the first of the next asks does not
			// wait for the whole read. Not for the corpus's summary (every page asks it first) nor a document.
			// Nor an achievements request when a snapshot of the corpus is stored: the page's next asks are answered from it.
			if (request.type !== 'summary' && request.type !== 'document')
				void fromSnapshot(c, request)
					.then((s) => (s ? undefined : readWhenQuiet(c)))
					.catch(() => undefined);
			return stored;
		}
	}
	// A document: read from the few chunks that hold it (documentRead.ts), not the whole corpus (its page asks
	// nothing else), and with its places whole (the engine's are slim).
	// An achievements request: from the stored snapshot (snapshot.ts) until this load's engine has the page's answers.
	const s = await fromSnapshot(c, request).catch(() => null);
	const e = s || request.type === 'document' ? null : engine?.read === c.read ? engine.engine : await engineOf(c);
	if (e) await analysed(e, request);
	if (e && firstLoad === c && readsAnalysis(request) && keptForNextVisit(request) && c.prefetch.some((r) => JSON.stringify(r) === JSON.stringify(request))) {
		await firstAnswers(c, e);
	}
	timing[1] = now();
	const result = s ? await snapshotAnswer(s, request as AchievementsRequest) : e ? memo(e, request) : await readDocument(c.db, (request as DocumentRequest).id);
	timing[2] = now();
	if (keptForNextVisit(request)) {
		// stored after the answer is posted: the copy IndexedDB takes of it does not keep the page waiting
		const stored = pause()
			.then(() => c.digest)
			.then((d) => store(c, d, request, result))
			.catch(() => undefined);
		storing = Promise.all([storing, stored]);
	}
	if (result && typeof result === 'object') computed.add(result);
	return result;
}

let db: DashboardDB | null = null;
const open = (dbName: string): DashboardDB => {
	if (db?.name !== dbName) {
		db?.close();
		db = new DashboardDB(dbName);
	}
	return db;
};

/**
 * The shipped corpus this worker stored on the first load (see `ingest`): its first read takes the
 * records from here instead of reading back what it has just written (at 100k documents, seconds).
 */
let stored: { hash: string; facts: Facts } | null = null;

/** The first load: decode, parse, validate, hash and store the corpus file's bytes, saying how far. */
async function ingest(id: number, dbName: string, parts: Uint8Array[]): Promise<void> {
	// Progress at most every 50 ms: a message per chunk would cost the page more than it tells.
	let last = 0;
	const result = await ingestCorpus(
		open(dbName),
		parts,
		(p) => {
			const now = performance.now();
			if (p.done === 0 || p.done === p.total || now - last > 50) {
				last = now;
				post({ type: 'ingest-progress', id, ...p });
			}
		},
		(corpus) => (stored = { hash: corpus.hash, facts: { documents: corpus.documents, meetings: corpus.meetings, places: corpus.places, metrics: corpus.metrics } })
	);
	post({ type: 'ingested', id, result });
}

scope.onmessage = (event: MessageEvent<FactsWorkerRequest>) => {
	const message = event.data;
	if (message.type === 'ingest') {
		ingest(message.id, message.dbName, message.parts).catch((e: { name?: string; message?: string }) =>
			post({ type: 'error', id: message.id, name: e?.name ?? 'Error', message: e?.message ?? String(e) })
		);
		return;
	}
	if (message.type === 'store') {
		// answered like an ask: the batch's outcomes, or its StorageError (nothing of the batch stored)
		storeImportedBatch(open(message.dbName), message.items).then(
			(outcomes) => post({ type: 'answer', id: message.id, answer: outcomes }),
			(e: { name?: string; message?: string }) => post({ type: 'error', id: message.id, name: e?.name ?? 'Error', message: e?.message ?? String(e) })
		);
		return;
	}
	if (message.type === 'load') {
		const target = open(message.dbName);
		const c: Corpus = { db: target, read: message.read, digest: factsStamp(target).then(digest), prefetch: message.prefetch ?? [] };
		corpus = c;
		c.digest.then(
			() => {
				post({ type: 'loaded', read: c.read });
				void complete(c).catch(() => undefined);
			},
			(e: { name?: string; message?: string }) => post({ type: 'error', read: c.read, name: e?.name ?? 'Error', message: e?.message ?? String(e) })
		);
		return;
	}
	const { id, request } = message;
	if (request.type === 'explore') explorerOpen = true;
	if (warmsNext(request)) {
		lastAsked = request;
		void warm().catch(() => undefined);
	}
	turns.begin();
	const timing = [now(), 0, 0, 0];
	answer(request, timing)
		.then(
			(a) => {
				timing[1] ||= timing[0];
				timing[2] ||= timing[1];
				timing[3] = now();
				post({ type: 'answer', id, answer: a, computed: a != null && typeof a === 'object' && computed.has(a), timing: timing as [number, number, number, number] });
			},
			(e: { name?: string; message?: string }) => post({ type: 'error', id, name: e?.name ?? 'Error', message: e?.message ?? String(e) })
		)
		.finally(() => {
			turns.end();
		});
};

// Said once the module has loaded: until then the page cannot tell a worker that fails to start.
post({ type: 'ready' });
