import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { factKey, USER_FACT_PREFIX, type UserEdit } from '../corpus/edits.ts';
import { sampleContent } from '../corpus/fixture.ts';
import { SCHEMA_VERSION, type Corpus, type CorpusDocument, type Metric } from '../corpus/schema.ts';
import { sealCorpus } from '../corpus/validate.ts';
import { DashboardDB } from './db.ts';
import { loadFacts } from './queries.ts';
import { storedHash, syncCorpus } from './sync.ts';
import { upgradeMetric } from './upgrade.ts';

const at = '2024-05-01T08:00:00.000Z';
const NEW_FIELDS = ['subject', 'indicator', 'scopeCode', 'change', 'part'] as const;
/** A metric as schema 1 stored it: without what it counts, scope, change and part. */
const schema1Metric = (m: Metric) => Object.fromEntries(Object.entries(m).filter(([k]) => !(NEW_FIELDS as readonly string[]).includes(k))) as Metric;
const schema1Document = (d: CorpusDocument) => Object.fromEntries(Object.entries(d).filter(([k]) => k !== 'sourceUrl')) as CorpusDocument;

test('upgradeMetric fills what schema 2 added: the indicator from the subject or the category', () => {
	const m = sampleContent().metrics[1]!;
	expect(upgradeMetric(schema1Metric(m))).toEqual({ ...m, subject: null, indicator: 'trainees', scopeCode: null, change: null, part: false });
	expect(upgradeMetric(m)).toEqual(m);
});

describe('a stored schema-1 corpus meets a schema-2 one', () => {
	let db: DashboardDB;
	beforeEach(() => {
		db = new DashboardDB(`test-${crypto.randomUUID()}`);
	});
	afterEach(async () => {
		await db.delete();
	});

	test('is replaced whole; the user\'s corrections, own documents and added facts are kept, in the new schema', async () => {
		// What a browser holds from the previous release: a schema-1 corpus …
		const oldContent = sampleContent();
		const old = { schemaVersion: 1, hash: 'b'.repeat(64), documents: oldContent.documents.map(schema1Document), meetings: oldContent.meetings, places: oldContent.places, metrics: oldContent.metrics.map(schema1Metric) } as unknown as Corpus;
		expect(await syncCorpus(db, old)).toBe('stored');
		// … a document the user imported, with a figure of schema 1 …
		const ownDoc: CorpusDocument = { ...oldContent.documents[0]!, id: 'mine', fileName: 'mine.txt', contentHash: 'c'.repeat(64) };
		await db.documents.add(schema1Document(ownDoc));
		await db.imports.add({ docId: 'mine', contentHash: ownDoc.contentHash, fileName: 'mine.txt', importedAt: at });
		const ownMetric = schema1Metric({ ...oldContent.metrics[1]!, id: 'mine$0', docId: 'mine', evidence: { ...oldContent.metrics[1]!.evidence, docId: 'mine' } });
		await db.metrics.add(ownMetric);
		// … a correction of a shipped figure and a figure the user added, both of schema 1.
		const shippedHash = oldContent.documents[0]!.contentHash;
		const patch: UserEdit = { key: factKey('metric', shippedHash, oldContent.metrics[0]!), docHash: shippedHash, kind: 'metric', op: 'patch', patch: { value: 16 }, at };
		const record = schema1Metric({ ...oldContent.metrics[0]!, id: `${USER_FACT_PREFIX}1`, value: 3, evidence: { ...oldContent.metrics[0]!.evidence, start: 100, end: 104 } });
		const added = { key: factKey('metric', shippedHash, record), docHash: shippedHash, kind: 'metric', op: 'add', record, at } as UserEdit;
		await db.edits.bulkPut([patch, added]);

		const next = sealCorpus(sampleContent());
		expect(next.schemaVersion).toBe(SCHEMA_VERSION);
		expect(await syncCorpus(db, next)).toBe('replaced');
		expect(await storedHash(db)).toBe(next.hash);
		expect((await db.meta.get('corpus'))!.schemaVersion).toBe(SCHEMA_VERSION);
		expect(await db.edits.count()).toBe(2);

		const facts = await loadFacts(db);
		// every figure, shipped, the user's own or added by a correction, has the fields of schema 2
		for (const m of facts.metrics) for (const f of NEW_FIELDS) expect(m[f], `${m.id}.${f}`).not.toBeUndefined();
		for (const d of facts.documents) expect(d.sourceUrl).not.toBeUndefined();
		// the correction still applies to the figure of the new corpus
		expect(facts.metrics.find((m) => m.evidence.start === 60 && m.docId === 'news-a')!.value).toBe(16);
		expect(facts.metrics.find((m) => m.id === 'mine$0')!.indicator).toBe('trainees');
		expect(facts.metrics.find((m) => m.id === `${USER_FACT_PREFIX}1`)).toMatchObject({ value: 3, part: false, change: null });
	});
});
