import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import { sealCorpus } from '../corpus/validate.ts';
import { DashboardDB } from './db.ts';
import { loadFacts } from './queries.ts';
import { storedHash, syncCorpus } from './sync.ts';

let db: DashboardDB;
beforeEach(() => {
	db = new DashboardDB(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
	await db.delete();
});

describe('syncCorpus', () => {
	test('stores a corpus on the first visit and skips the write when the hash matches', async () => {
		const corpus = sealCorpus(sampleContent());
		expect(await syncCorpus(db, corpus)).toBe('stored');
		expect(await storedHash(db)).toBe(corpus.hash);
		const storedAt = (await db.meta.get('corpus'))!.storedAt;
		expect(await syncCorpus(db, corpus)).toBe('unchanged');
		expect((await db.meta.get('corpus'))!.storedAt).toBe(storedAt);
	});

	test('replaces the whole corpus when a new one ships', async () => {
		await syncCorpus(db, sealCorpus(sampleContent()));
		const next = sampleContent();
		next.metrics = next.metrics.slice(0, 1);
		next.places = [];
		const sealed = sealCorpus(next);
		expect(await syncCorpus(db, sealed)).toBe('replaced');
		expect(await db.metrics.count()).toBe(1);
		expect(await db.places.count()).toBe(0);
		expect(await storedHash(db)).toBe(sealed.hash);
	});

	test('leaves the previous corpus whole when a write fails half-way', async () => {
		const first = sealCorpus(sampleContent());
		await syncCorpus(db, first);
		const broken = sampleContent();
		// Two metrics with one id: the second bulkAdd fails after the tables were cleared.
		broken.metrics[1]!.id = broken.metrics[0]!.id;
		await expect(syncCorpus(db, sealCorpus(broken))).rejects.toThrow();
		expect(await storedHash(db)).toBe(first.hash);
		expect(await db.metrics.count()).toBe(2);
		expect(await db.documents.count()).toBe(2);
	});
});

describe('loadFacts', () => {
	test('reads every table of the stored corpus', async () => {
		const content = sampleContent();
		await syncCorpus(db, sealCorpus(content));
		const facts = await loadFacts(db);
		expect([facts.documents.length, facts.meetings.length, facts.places.length, facts.metrics.length]).toEqual([2, 1, 1, 2]);
		expect(facts.meetings[0]).toEqual(content.meetings[0]);
	});
});
