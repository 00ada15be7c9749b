import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import { sealCorpus } from '../corpus/validate.ts';
import { DashboardDB } from './db.ts';
import { loadFacts, shippedIdOfHash } from './queries.ts';
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
		const facts = await loadFacts(db);
		expect([facts.metrics.length, facts.places.length]).toEqual([1, 0]);
		// The shipped corpus is stored as chunks only: the row tables hold the user's own documents.
		expect(await db.metrics.count()).toBe(0);
		expect(await storedHash(db)).toBe(sealed.hash);
	});

	test('leaves the previous corpus whole when a write fails half-way', async () => {
		const first = sealCorpus(sampleContent());
		await syncCorpus(db, first);
		const next = sampleContent();
		next.metrics = next.metrics.slice(0, 1);
		// The chunks' write fails after the old chunks were cleared.
		const add = vi.spyOn(db.shipped, 'bulkAdd').mockImplementation(() => {
			throw new Error('disk error');
		});
		await expect(syncCorpus(db, sealCorpus(next))).rejects.toThrow('disk error');
		add.mockRestore();
		expect(await storedHash(db)).toBe(first.hash);
		const facts = await loadFacts(db);
		expect([facts.metrics.length, facts.documents.length]).toEqual([2, 2]);
	});

	test('a shipped document is found by its content hash, and only the shipped one', async () => {
		const corpus = sealCorpus(sampleContent());
		await syncCorpus(db, corpus);
		for (const d of corpus.documents) expect(await shippedIdOfHash(db, d.contentHash)).toBe(d.id);
		expect(await shippedIdOfHash(db, 'e'.repeat(64))).toBeNull();
	});
});

describe('syncCorpus with imported documents', () => {
	async function importOne(hash: string) {
		const doc = { id: 'mine~cccccc', fileName: 'mine.txt', title: '我的文档', publishedAt: null, kind: 'news' as const, length: 50, encoding: 'utf-8', regionCode: null, contentHash: hash, sourceUrl: null };
		await db.transaction('rw', [db.documents, db.metrics, db.texts, db.imports], async () => {
			await db.documents.add(doc);
			await db.metrics.add({ ...sampleContent().metrics[0]!, id: 'mine~cccccc$0', docId: doc.id, evidence: { docId: doc.id, start: 1, end: 5, text: 'x' } });
			await db.texts.add({ docId: doc.id, text: 'x'.repeat(50) });
			await db.imports.add({ docId: doc.id, contentHash: hash, fileName: 'mine.txt', importedAt: '2024-05-01T08:00:00.000Z' });
		});
	}

	test('replaces only shipped records: imported documents, their facts and texts stay', async () => {
		await syncCorpus(db, sealCorpus(sampleContent()));
		await importOne('c'.repeat(64));
		const next = sampleContent();
		next.metrics = next.metrics.slice(0, 1);
		expect(await syncCorpus(db, sealCorpus(next))).toBe('replaced');
		expect(await db.documents.toCollection().primaryKeys()).toEqual(['mine~cccccc']);
		expect((await db.metrics.toArray()).map((m) => m.id)).toEqual(['mine~cccccc$0']);
		expect(await db.texts.count()).toBe(1);
		const facts = await loadFacts(db);
		expect(facts.documents.map((d) => d.id).sort()).toEqual(['mine~cccccc', 'news-a', 'news-b']);
		expect(facts.metrics.map((m) => m.id).sort()).toEqual(['mine~cccccc$0', 'news-a$0']);
	});

	test('a shipped document with the content of an imported one takes its place and keeps its text', async () => {
		await syncCorpus(db, sealCorpus(sampleContent()));
		await importOne('b'.repeat(64).replace(/^b/, 'd'));
		const next = sampleContent();
		next.documents[1]!.contentHash = 'b'.repeat(64).replace(/^b/, 'd');
		await syncCorpus(db, sealCorpus(next));
		expect(await db.documents.count()).toBe(0);
		expect((await loadFacts(db)).documents.map((d) => d.id).sort()).toEqual(['news-a', 'news-b']);
		expect(await db.imports.count()).toBe(0);
		expect((await db.texts.get('news-b'))!.text).toBe('x'.repeat(50));
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

describe('factsStamp', () => {
	test('moves when the corpus, the user\'s documents or corrections change, and only then', async () => {
		const { factsStamp } = await import('./queries.ts');
		const empty = await factsStamp(db);
		await syncCorpus(db, sealCorpus(sampleContent()));
		const stored = await factsStamp(db);
		expect(stored).not.toBe(empty);
		expect(await factsStamp(db)).toBe(stored);
		await db.imports.add({ docId: 'mine', contentHash: 'c'.repeat(64), fileName: 'mine.txt', importedAt: '2024-05-01T08:00:00.000Z' });
		const imported = await factsStamp(db);
		expect(imported).not.toBe(stored);
		await db.edits.put({ key: 'k', docHash: 'c'.repeat(64), kind: 'metric', op: 'confirm', at: '2024-05-01T08:00:00.000Z' } as never);
		const edited = await factsStamp(db);
		expect(edited).not.toBe(imported);
		await db.edits.put({ key: 'k', docHash: 'c'.repeat(64), kind: 'metric', op: 'confirm', at: '2024-05-02T08:00:00.000Z' } as never);
		expect(await factsStamp(db)).not.toBe(edited);
	});
});
