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
import type { FactsWorkerReply, FactsWorkerRequest } from './facts.worker.ts';
import { achievementsRequest, overviewRequest } from './requests.ts';

const g = globalThis as unknown as { self: unknown; postMessage: (m: FactsWorkerReply) => void; onmessage: ((e: { data: FactsWorkerRequest }) => void) | null };

/** A worker started afresh: its replies, and a way to ask. */
async function startWorker() {
	const replies: FactsWorkerReply[] = [];
	const waiting: (() => void)[] = [];
	g.self = globalThis;
	g.postMessage = (m) => {
		replies.push(m);
		for (const w of waiting.splice(0)) w();
	};
	vi.resetModules();
	await import('./facts.worker.ts');
	const until = async (found: () => boolean) => {
		while (!found()) await new Promise<void>((resolve) => waiting.push(resolve));
	};
	let ids = 0;
	return {
		replies,
		reads: () => replies.filter((r) => r.type === 'progress').length,
		async load(dbName: string, read: number, prefetch: QueryRequest[] = []) {
			g.onmessage!({ data: { type: 'load', dbName, read, prefetch } });
			await until(() => replies.some((r) => r.type === 'loaded' && r.read === read));
		},
		async ingest(dbName: string, bytes: Uint8Array) {
			const id = ++ids;
			g.onmessage!({ data: { type: 'ingest', id, dbName, parts: [bytes] } });
			await until(() => replies.some((r) => (r.type === 'ingested' || r.type === 'error') && r.id === id));
			return replies.find((r) => (r.type === 'ingested' || r.type === 'error') && r.id === id)!;
		},
		async ask(request: QueryRequest) {
			const id = ++ids;
			g.onmessage!({ data: { type: 'ask', id, request } });
			await until(() => replies.some((r) => (r.type === 'answer' || r.type === 'error') && r.id === id));
			const reply = replies.find((r) => (r.type === 'answer' || r.type === 'error') && r.id === id)!;
			if (reply.type === 'error') throw new Error(reply.message);
			return (reply as { answer: unknown }).answer;
		}
	};
}

let db: DashboardDB;
beforeEach(async () => {
	db = new DashboardDB(`facts-worker-${Math.random()}`);
	await syncCorpus(db, syntheticCorpus({ docs: 300, seed: 2 }));
});
// Each test has its own database in fake-indexeddb's memory; the worker's connection stays open, so none is deleted.
afterEach(() => db.close());

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
		expect(await again.ask(achievementsRequest(NO_FILTERS, null, null))).toEqual(new QueryEngine(await loadFacts(db)).answer(achievementsRequest(NO_FILTERS, null, null)));
		expect(again.reads()).toBe(0);
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
});
