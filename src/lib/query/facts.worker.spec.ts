// The facts worker's protocol, run in Node on fake-indexeddb: each test imports the module afresh,
// as a page load starts a new worker.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { syntheticCorpus } from '../../../scripts/synthetic-corpus.ts';
import { deletionEdit } from '../import/review.ts';
import { DashboardDB } from '../db/db.ts';
import { loadFacts } from '../db/queries.ts';
import { syncCorpus } from '../db/sync.ts';
import { NO_FILTERS } from '../state/filters.ts';
import { QueryEngine, type QueryRequest } from './engine.ts';
import { startWorker } from './testWorker.ts';
import { achievementsRequest, firstRequests, overviewRequest, unnamedIndicators } from './requests.ts';

// Work for later (the prefetch, the snapshot) waits for the page to be quiet for BACKGROUND_QUIET_MS
// (turns.ts, its own spec); here it starts at once, so the tests that wait for it wait no longer than
// the work takes.
vi.mock('./turns.ts', async (original) => ({ ...(await original<typeof import('./turns.ts')>()), BACKGROUND_QUIET_MS: 0 }));

let db: DashboardDB;
beforeEach(async () => {
	db = new DashboardDB(`facts-worker-${Math.random()}`);
	await syncCorpus(db, syntheticCorpus({ docs: 300, seed: 2 }));
});
// Each test has its own database in fake-indexeddb's memory; the worker's connection stays open, so none is deleted.
afterEach(() => db.close());

/** The keys of the answers stored in a database. */
const storedKeys = async (d: DashboardDB) => ((await d.meta.toArray()) as { key: string }[]).map((r) => r.key).filter((k) => k.startsWith('answers:'));
const language = { locale: 'zh-CN', unnamed: unnamedIndicators((key) => key) };

describe('the facts worker', () => {
	test('answers what the engine answers over the stored facts, reading the records once', async () => {
		const worker = await startWorker();
		await worker.load(db.name, 1);
		const engine = new QueryEngine(await loadFacts(db));
		expect(await worker.ask({ type: 'summary' })).toEqual(engine.summary());
		const read = worker.reads();
		expect(read).toBeGreaterThan(0);
		expect(await worker.ask(overviewRequest(NO_FILTERS))).toEqual(engine.answer(overviewRequest(NO_FILTERS)));
		const filtered = achievementsRequest({ ...NO_FILTERS, from: 2022 }, null, null);
		expect(await worker.ask(filtered)).toEqual(engine.answer(filtered));
		expect(worker.reads()).toBe(read);
	});

	test('a new worker answers what was asked before without reading the records; the prefetch stores a view’s first request', async () => {
		const first = await startWorker();
		await first.load(db.name, 1, [achievementsRequest(NO_FILTERS, null, null)]);
		const summary = await first.ask({ type: 'summary' });
		const overview = await first.ask(overviewRequest(NO_FILTERS));
		// the prefetch stores its answers a few tasks after the read
		await vi.waitFor(async () => expect(((await db.meta.toArray()) as { key: string }[]).filter((r) => r.key.startsWith('answers:'))).toHaveLength(3));

		const again = await startWorker();
		await again.load(db.name, 1);
		expect(await again.ask({ type: 'summary' })).toEqual(summary);
		expect(await again.ask(overviewRequest(NO_FILTERS))).toEqual(overview);
		// given before any read; the overview's answer then starts one (for the filter change that follows)
		expect(again.reads()).toBe(0);
		// each answer says whether it was computed (the first worker's) or found stored (this one's)
		const computedOf = (w: typeof first) => w.replies.flatMap((r) => (r.type === 'answer' ? [r.computed] : []));
		expect(computedOf(first)).toEqual([true, true]);
		expect(computedOf(again)).toEqual([false, false]);
		expect(await again.ask(achievementsRequest(NO_FILTERS, null, null))).toEqual(new QueryEngine(await loadFacts(db)).answer(achievementsRequest(NO_FILTERS, null, null)));
		await again.readEnded();
	});

	test('the first load: stores the corpus file, then answers from the records it parsed, not read back', async () => {
		const fresh = new DashboardDB(`facts-worker-${Math.random()}`);
		const corpus = syntheticCorpus({ docs: 200, seed: 9 });
		const worker = await startWorker();
		const done = await worker.ingest(fresh.name, new TextEncoder().encode(JSON.stringify(corpus)));
		expect(done).toMatchObject({ type: 'ingested', result: { ok: true, outcome: 'stored', hash: corpus.hash } });
		expect(worker.replies.some((r) => r.type === 'ingest-progress' && r.phase === 'store')).toBe(true);
		await worker.load(fresh.name, 1);
		const engine = new QueryEngine(await loadFacts(fresh));
		expect(await worker.ask({ type: 'summary' })).toEqual(engine.summary());
		expect(await worker.ask(overviewRequest(NO_FILTERS))).toEqual(engine.answer(overviewRequest(NO_FILTERS)));
		expect(worker.reads()).toBe(0);
		fresh.close();
	});

	test('the first load: every view’s first answer is stored before the first view’s answer is given (a page left at once leaves none to compute)', async () => {
		const fresh = new DashboardDB(`facts-worker-${Math.random()}`);
		const corpus = syntheticCorpus({ docs: 200, seed: 9 });
		const requests = firstRequests('', language);
		const worker = await startWorker();
		await worker.ingest(fresh.name, new TextEncoder().encode(JSON.stringify(corpus)));
		await worker.load(fresh.name, 1, requests);
		await worker.ask({ type: 'summary' });
		const overview = await worker.ask(requests[0]!);
		// no waiting for the prefetch: stored when the answer came
		const keys = await storedKeys(fresh);
		for (const r of requests) expect(keys.some((k) => k.endsWith(`:${JSON.stringify(r)}`))).toBe(true);
		const engine = new QueryEngine(await loadFacts(fresh));
		expect(overview).toEqual(engine.answer(requests[0]!));
		const again = await startWorker();
		await again.load(fresh.name, 1, requests);
		for (const r of requests) expect(await again.ask(r)).toEqual(engine.answer(r));
		expect(again.reads()).toBe(0);
		fresh.close();
	});

	test('a corrected corpus is read again: no stored answer of the corpus before is given', async () => {
		const first = await startWorker();
		await first.load(db.name, 1);
		const before = (await first.ask(overviewRequest(NO_FILTERS))) as { coverage: { metrics: number } };
		const facts = await loadFacts(db);
		const doc = facts.documents.find((d) => facts.metrics.some((m) => m.docId === d.id))!;
		await db.edits.put(deletionEdit('metric', doc.contentHash, facts.metrics.find((m) => m.docId === doc.id)!, '2026-12-07T00:00:00Z')!);

		const read = first.reads();
		await first.load(db.name, 2);
		const after = (await first.ask(overviewRequest(NO_FILTERS))) as { coverage: { metrics: number } };
		expect(after.coverage.metrics).toBe(before.coverage.metrics - 1);
		expect(first.reads()).toBeGreaterThan(read);
	});

	test('after a read, stores the first answer of every view for the URL, then says so; a new worker answers them all without reading', async () => {
		const search = '?from=2018';
		const requests = firstRequests(search, language);
		expect(requests.map((r) => r.type)).toContain('explore');
		const first = await startWorker();
		await first.load(db.name, 1, requests);
		await first.ask({ type: 'summary' });
		await first.ask(requests[0]!);
		await vi.waitFor(() => expect(first.replies.some((r) => r.type === 'prefetched' && r.read === 1)).toBe(true));
		expect(await storedKeys(db)).toHaveLength(requests.length + 1);

		const engine = new QueryEngine(await loadFacts(db));
		const again = await startWorker();
		await again.load(db.name, 1, requests);
		// all stored: said at once
		await vi.waitFor(() => expect(again.replies.some((r) => r.type === 'prefetched' && r.read === 1)).toBe(true));
		// the first is given before any read; each view's stored answer then starts one (for the asks that follow)
		expect(await again.ask(requests[0]!)).toEqual(engine.answer(requests[0]!));
		expect(again.reads()).toBe(0);
		for (const r of requests) expect(await again.ask(r)).toEqual(engine.answer(r));
		await again.readEnded();
	});

	test('a page that left before the prefetch had stored everything: the next load reads the records once its own asks are answered, and stores the rest', async () => {
		const requests = firstRequests('', language);
		const first = await startWorker();
		await first.load(db.name, 1);
		// the landing page's answer alone is stored (its page left before any prefetch)
		const overview = await first.ask(requests[0]!);
		await vi.waitFor(async () => expect(await storedKeys(db)).toHaveLength(1));

		const next = await startWorker();
		await next.load(db.name, 1, requests);
		// its own ask is answered from the stored answer, before any read
		expect(await next.ask(requests[0]!)).toEqual(overview);
		expect(next.reads()).toBe(0);
		await vi.waitFor(() => expect(next.replies.some((r) => r.type === 'prefetched' && r.read === 1)).toBe(true), { timeout: 20_000 });
		expect(next.reads()).toBeGreaterThan(0);
		expect(await storedKeys(db)).toHaveLength(requests.length);

		const third = await startWorker();
		await third.load(db.name, 1, requests);
		await vi.waitFor(() => expect(third.replies.some((r) => r.type === 'prefetched' && r.read === 1)).toBe(true));
		const keys = await storedKeys(db);
		for (const r of requests) expect(keys.some((k) => k.endsWith(`:${JSON.stringify(r)}`))).toBe(true);
		expect(await third.ask(requests[0]!)).toEqual(overview);
		expect(third.reads()).toBe(0);
		await third.readEnded();
	});

	test('answers a document request with the document and its own facts, as the engine does', async () => {
		const worker = await startWorker();
		await worker.load(db.name, 1);
		const facts = await loadFacts(db);
		const engine = new QueryEngine(facts);
		for (const id of [facts.documents[0]!.id, facts.documents[7]!.id, 'no-such-document']) {
			const request = { type: 'document' as const, id };
			expect(await worker.ask(request)).toEqual(engine.answer(request));
		}
		expect(((await worker.ask({ type: 'document', id: 'no-such-document' })) as { document: unknown }).document).toBeNull();
		// from the chunks that hold the document: the records are not read
		expect(worker.reads()).toBe(0);
		// the same once the records are read for another answer (still from the database: the engine's places are slim)
		await worker.ask(overviewRequest(NO_FILTERS));
		const id = facts.documents[9]!.id;
		expect(await worker.ask({ type: 'document', id })).toEqual(engine.answer({ type: 'document', id }));
	});
});
