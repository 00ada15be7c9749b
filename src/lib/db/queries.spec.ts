import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { syntheticCorpus } from '../../../scripts/synthetic-corpus.ts';
import { DashboardDB } from './db.ts';
import { loadFacts } from './queries.ts';
import { syncCorpus } from './sync.ts';

let db: DashboardDB;
afterEach(async () => {
	db.close();
	await db.delete();
});

describe('loadFacts', () => {
	test('reads the same facts whatever the chunks per request (the page: one; the facts worker: many)', async () => {
		db = new DashboardDB(`queries-${Math.random()}`);
		const corpus = syntheticCorpus({ docs: 2000, seed: 5 });
		await syncCorpus(db, corpus);
		const seen: number[] = [];
		const one = await loadFacts(db);
		const many = await loadFacts(db, (done) => seen.push(done), 3);
		expect(many).toEqual(one);
		expect(many.metrics.length).toBe(corpus.metrics.length);
		expect(many.documents.map((d) => d.id)).toEqual(corpus.documents.map((d) => d.id));
		// progress by chunk, ending at every record
		expect(seen.length).toBeGreaterThan(3);
		expect(seen.at(-1)).toBe(corpus.documents.length + corpus.meetings.length + corpus.places.length + corpus.metrics.length);
	});
});
