import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { syntheticCorpus } from '../../../scripts/synthetic-corpus.ts';
import { sampleContent } from '../corpus/fixture.ts';
import { sealCorpus } from '../corpus/validate.ts';
import { extractFile } from '../import/extractFile.ts';
import { addedEdit, confirmEdit, correctionEdit, deletionEdit, emptyMetricForm, metricPatch } from '../import/review.ts';
import { QueryEngine } from '../query/engine.ts';
import { DashboardDB } from './db.ts';
import { readDocument } from './documentRead.ts';
import { loadFacts } from './queries.ts';
import { syncCorpus } from './sync.ts';
import { saveEdit, storeImportedDocument } from './user.ts';

let db: DashboardDB;
beforeEach(() => {
	db = new DashboardDB(`document-read-${crypto.randomUUID()}`);
});
afterEach(async () => {
	await db.delete();
});

const at = '2026-12-07T00:00:00.000Z';

/** The oracle: the query engine's answer over the whole corpus read back (loadFacts). */
async function engineAnswers(ids: readonly string[]) {
	const engine = new QueryEngine(await loadFacts(db));
	return ids.map((id) => engine.answer({ type: 'document', id }));
}

describe('readDocument', () => {
	test("gives the engine's answer over the whole corpus, for every document and an unknown id", async () => {
		const corpus = syntheticCorpus({ docs: 120, seed: 6 });
		await syncCorpus(db, corpus);
		const ids = [...corpus.documents.map((d) => d.id), 'no-such-document'];
		const expected = await engineAnswers(ids);
		for (const [i, id] of ids.entries()) expect(await readDocument(db, id)).toEqual(expected[i]);
	});

	test('with corrections, deletions, confirmations, an added figure and a meeting two documents report', async () => {
		await syncCorpus(db, sealCorpus(sampleContent()));
		const facts = await loadFacts(db);
		const [a, b] = facts.documents;
		const [first, second] = facts.metrics;
		const meeting = facts.meetings[0]!;
		await saveEdit(db, correctionEdit('metric', a!.contentHash, first!, { value: 16 }, at));
		await saveEdit(db, deletionEdit('metric', a!.contentHash, second!, at)!);
		// the meeting's correction is keyed by the document its evidence starts in (news-a): news-b's page shows it too
		await saveEdit(db, correctionEdit('meeting', a!.contentHash, meeting, { attendees: 300 }, at));
		await saveEdit(db, confirmEdit('document', b!.contentHash, null, at)!);
		const built = metricPatch({ ...emptyMetricForm(), value: '7', unit: '所', category: 'institution' });
		if (!built.ok) throw new Error('invalid form');
		await saveEdit(db, addedEdit({ kind: 'metric', docId: b!.id, docHash: b!.contentHash, text: '新建学校7所', start: 0, end: 6, id: 'added-1', at }, built.value));
		const ids = ['news-a', 'news-b'];
		const expected = await engineAnswers(ids);
		expect(expected[1]!.meetings[0]!.attendees).toBe(300);
		expect(expected[1]!.metrics).toHaveLength(1);
		for (const [i, id] of ids.entries()) expect(await readDocument(db, id)).toEqual(expected[i]);
	});

	test("a document the user imported, beside the shipped corpus: its rows, not the chunks'", async () => {
		await syncCorpus(db, syntheticCorpus({ docs: 40, seed: 3 }));
		const r = await extractFile('annual.gbk.txt', readFileSync('tests/fixtures/docs/annual.gbk.txt'));
		if (!r.ok) throw new Error(r.problem.detail);
		const stored = await storeImportedDocument(db, { records: r.records, text: r.text, fileName: 'annual.gbk.txt' });
		if (stored.outcome !== 'stored') throw new Error(stored.outcome);
		const facts = await loadFacts(db);
		const own = facts.metrics.find((m) => m.docId === stored.docId)!;
		await saveEdit(db, deletionEdit('metric', r.records.document.contentHash, own, at)!);
		const ids = [stored.docId, 'synthetic-000003'];
		const expected = await engineAnswers(ids);
		expect(expected[0]!.document?.id).toBe(stored.docId);
		for (const [i, id] of ids.entries()) expect(await readDocument(db, id)).toEqual(expected[i]);
	});
});
