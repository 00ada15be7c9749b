// The facts worker with the achievements snapshot (snapshot.ts), run in Node on fake-indexeddb as
// facts.worker.spec.ts runs it: a worker that read a corpus stores the snapshot with the views' first
// answers; a later one answers the achievements page's new filter states from it, reading no record.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { syntheticCorpus } from '../../../scripts/synthetic-corpus.ts';
import { deletionEdit } from '../import/review.ts';
import { DashboardDB } from '../db/db.ts';
import { loadFacts } from '../db/queries.ts';
import { syncCorpus } from '../db/sync.ts';
import { NO_FILTERS } from '../state/filters.ts';
import { QueryEngine, type QueryRequest } from './engine.ts';
import { startWorker } from './testWorker.ts';
import { achievementsRequest, firstRequests, unnamedIndicators } from './requests.ts';
import { SNAPSHOT } from './snapshot.ts';

let db: DashboardDB;
beforeEach(async () => {
	db = new DashboardDB(`snapshot-worker-${Math.random()}`);
	await syncCorpus(db, syntheticCorpus({ docs: 300, seed: 4 }));
});
afterEach(() => db.close());

const snapshotKeys = async () => ((await db.meta.toCollection().primaryKeys()) as string[]).filter((k) => k.startsWith(SNAPSHOT));
const requests = firstRequests('', { locale: 'zh-CN', unnamed: unnamedIndicators((key) => key) });

describe('the facts worker with the achievements snapshot', () => {
	test('stores it with the first answers; a later worker answers new filter states from it without reading the records', async () => {
		const first = await startWorker();
		await first.load(db.name, 1, requests);
		await first.ask(requests[0]!);
		await first.prefetched(1);
		expect((await snapshotKeys()).length).toBeGreaterThan(1);

		const engine = new QueryEngine(await loadFacts(db));
		const again = await startWorker();
		await again.load(db.name, 1, requests);
		for (const r of [
			achievementsRequest({ ...NO_FILTERS, from: 2021 }, null, null),
			achievementsRequest({ ...NO_FILTERS, from: 2019, to: 2022, region: '330000' }, null, null),
			achievementsRequest({ ...NO_FILTERS, kind: 'news' }, 'schools', null)
		])
			expect(await again.ask(r)).toEqual(engine.answer(r));
		expect(again.reads()).toBe(0);
		// each answer computed (not found stored)
		expect(again.replies.flatMap((r) => (r.type === 'answer' ? [r.computed] : []))).toEqual([true, true, true]);
	});

	test('a corrected corpus is not answered from the snapshot of the corpus before; the new one replaces it', async () => {
		const first = await startWorker();
		await first.load(db.name, 1, requests);
		await first.ask(requests[0]!);
		await first.prefetched(1);
		const before = await snapshotKeys();

		const facts = await loadFacts(db);
		const m = facts.metrics[0]!;
		const doc = facts.documents.find((d) => d.id === m.docId)!;
		await db.edits.put(deletionEdit('metric', doc.contentHash, m, '2026-12-07T00:00:00Z')!);
		const engine = new QueryEngine(await loadFacts(db));
		const next = await startWorker();
		await next.load(db.name, 2, requests);
		const r = achievementsRequest({ ...NO_FILTERS, from: 2020 }, null, null);
		expect(await next.ask(r)).toEqual(engine.answer(r));
		expect(next.reads()).toBeGreaterThan(0);
		await next.prefetched(2);
		const after = await snapshotKeys();
		expect(after.length).toBeGreaterThan(1);
		expect(after.some((k) => before.includes(k))).toBe(false);
	});
});
