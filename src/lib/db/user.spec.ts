import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { factKey } from '../corpus/edits.ts';
import { importedId, validateExchange } from '../corpus/exchange.ts';
import { sampleContent } from '../corpus/fixture.ts';
import { sealCorpus } from '../corpus/validate.ts';
import { extractFile } from '../import/extractFile.ts';
import { DashboardDB } from './db.ts';
import { StorageError } from './errors.ts';
import { loadFacts } from './queries.ts';
import { joinChunks } from './shipped.ts';
import { syncCorpus } from './sync.ts';
import { exportExchange, importExchange, removeImportedDocument, saveEdit, storeImportedBatch, storeImportedDocument } from './user.ts';

let db: DashboardDB;
beforeEach(() => {
	db = new DashboardDB(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
	vi.restoreAllMocks();
	await db.delete();
});

const at = '2024-05-01T08:00:00.000Z';

async function imported(name: string) {
	const r = await extractFile(name, readFileSync(`tests/fixtures/docs/${name}`));
	if (!r.ok) throw new Error(r.problem.detail);
	return { records: r.records, text: r.text, fileName: name };
}

describe('storeImportedDocument', () => {
	test('stores the document, its text, facts and import mark under an id that carries its content', async () => {
		const doc = await imported('annual.gbk.txt');
		const stored = await storeImportedDocument(db, doc);
		const id = importedId('annual', doc.records.document.contentHash);
		expect(stored).toEqual({ outcome: 'stored', docId: id, repairs: [] });
		expect((await db.texts.get(id))!.text).toBe(doc.text);
		expect(await db.metrics.where('docId').equals(id).count()).toBe(doc.records.metrics.length);
		expect((await db.imports.get(id))!.fileName).toBe('annual.gbk.txt');
	});

	test('refuses the same content a second time, naming the stored document', async () => {
		const doc = await imported('annual.gbk.txt');
		await storeImportedDocument(db, doc);
		const again = await storeImportedDocument(db, { ...doc, fileName: 'copy.txt' });
		expect(again).toMatchObject({ outcome: 'duplicate', existing: { title: '山西省职业教育年会在太原召开' } });
		expect(await db.documents.count()).toBe(1);
	});

	test('refuses content the shipped corpus already has', async () => {
		const content = sampleContent();
		const doc = await imported('annual.gbk.txt');
		content.documents[0]!.contentHash = doc.records.document.contentHash;
		await syncCorpus(db, sealCorpus(content));
		expect((await storeImportedDocument(db, doc)).outcome).toBe('duplicate');
	});

	test('writes nothing of a document when one of its writes fails, and says why', async () => {
		const doc = await imported('page.html');
		// A row of another document already holds the id its first figure will get.
		const id = importedId(doc.records.document.id, doc.records.document.contentHash);
		await db.metrics.add({ ...doc.records.metrics[0]!, id: `${id}$0`, docId: 'elsewhere' });
		const failure = await storeImportedDocument(db, doc).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(StorageError);
		expect((failure as StorageError).fault).toBe('collision');
		expect([await db.documents.count(), await db.texts.count(), await db.imports.count(), await db.places.count(), await db.meetings.count(), await db.metrics.count()]).toEqual([0, 0, 0, 0, 0, 1]);
	});

	test('stores an <h1> over 300 characters and a 196-character file name repaired, so the backup restores', async () => {
		const title = '职业教育'.repeat(80);
		const name = `${'年'.repeat(191)}.html`;
		expect(name).toHaveLength(196);
		const r = await extractFile(name, new TextEncoder().encode(`<html><body><h1>${title}</h1><p>发布时间：2023-05-20</p><p>5月18日，职业教育论坛在杭州举行，200余人参加。</p></body></html>`));
		if (!r.ok) throw new Error(r.problem.detail);
		const stored = await storeImportedDocument(db, { records: r.records, text: r.text, fileName: name });
		expect(stored.outcome).toBe('stored');
		if (stored.outcome !== 'stored') return;
		// the extractor cuts such a title itself; the repair step would cut one it let through
		expect((await db.documents.get(stored.docId))!.title!.length).toBeLessThanOrEqual(300);
		expect(stored.docId.length).toBeLessThanOrEqual(180);
		const check = validateExchange(JSON.parse(JSON.stringify(await exportExchange(db))));
		expect(check.ok ? [] : check.errors).toEqual([]);
	});
});

describe('storeImportedBatch', () => {
	test('stores a batch in one go; a copy within the batch, stored or shipped content is refused by name', async () => {
		const content = sampleContent();
		const [gbk, html, docx] = await Promise.all([imported('annual.gbk.txt'), imported('page.html'), imported('meeting.docx')]);
		content.documents[0]!.contentHash = docx.records.document.contentHash;
		await syncCorpus(db, sealCorpus(content));
		await storeImportedDocument(db, html);
		const outcomes = await storeImportedBatch(db, [gbk, { ...gbk, fileName: 'copy.txt' }, { ...html, fileName: 'again.html' }, docx]);
		expect(outcomes.map((o) => o.outcome)).toEqual(['stored', 'duplicate', 'duplicate', 'duplicate']);
		expect(outcomes[1]).toMatchObject({ existing: { title: '山西省职业教育年会在太原召开', fileName: 'annual.gbk.txt' } });
		expect(outcomes[2]).toMatchObject({ existing: { fileName: 'page.html' } });
		expect(outcomes[3]).toMatchObject({ existing: { id: content.documents[0]!.id } });
		expect(await db.imports.count()).toBe(2);
	});

	test('a batch whose write fails stores none of its documents', async () => {
		const [gbk, html] = await Promise.all([imported('annual.gbk.txt'), imported('page.html')]);
		const id = importedId(html.records.document.id, html.records.document.contentHash);
		await db.metrics.add({ ...html.records.metrics[0]!, id: `${id}$0`, docId: 'elsewhere' });
		const failure = await storeImportedBatch(db, [gbk, html]).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(StorageError);
		expect([await db.documents.count(), await db.texts.count(), await db.imports.count(), await db.metrics.count()]).toEqual([0, 0, 0, 1]);
	});
});

describe('corrections on read', () => {
	test('loadFacts shows a saved correction and removeImportedDocument keeps it for a re-import', async () => {
		const doc = await imported('page.html');
		const { docId } = (await storeImportedDocument(db, doc)) as { docId: string };
		const hash = doc.records.document.contentHash;
		const metric = (await db.metrics.where('docId').equals(docId).first())!;
		await saveEdit(db, { key: factKey('metric', hash, metric), docHash: hash, kind: 'metric', op: 'patch', patch: { value: 333 }, at });
		expect((await loadFacts(db)).metrics.find((m) => m.id === metric.id)!.value).toBe(333);
		await removeImportedDocument(db, docId);
		expect(await db.documents.count()).toBe(0);
		await storeImportedDocument(db, doc);
		expect((await loadFacts(db)).metrics.find((m) => m.evidence.start === metric.evidence.start)!.value).toBe(333);
	});
});

describe('exportExchange / importExchange', () => {
	test('a file exported from one database restores documents, texts and corrections in another', async () => {
		await syncCorpus(db, sealCorpus(sampleContent()));
		const doc = await imported('meeting.docx');
		await storeImportedDocument(db, doc);
		const hash = doc.records.document.contentHash;
		const metric = (await db.metrics.toArray()).find((m) => m.docId !== 'news-a')!;
		await saveEdit(db, { key: factKey('metric', hash, metric), docHash: hash, kind: 'metric', op: 'patch', patch: { value: 24 }, at });
		const file = JSON.parse(JSON.stringify(await exportExchange(db)));

		const other = new DashboardDB(`test-${crypto.randomUUID()}`);
		try {
			await syncCorpus(other, sealCorpus(sampleContent()));
			const check = validateExchange(file);
			if (!check.ok) throw new Error(check.errors.join('\n'));
			const plan = await importExchange(other, check.exchange);
			expect([plan.documents.length, plan.skipped.length, plan.edits.length]).toEqual([1, 2, 1]);
			const facts = await loadFacts(other);
			expect(facts.metrics.find((m) => m.id === metric.id)!.value).toBe(24);
			expect((await other.texts.get(metric.docId))!.text).toBe(doc.text);
			expect(await importExchange(other, check.exchange).then((p) => p.documents.length)).toBe(0);
		} finally {
			await other.delete();
		}
	});
});

describe('storage faults', () => {
	const quota = () => {
		throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
	};

	test('a correction refused for want of space is an error to show, not a silent no-op', async () => {
		vi.spyOn(db.edits, 'put').mockImplementation(quota);
		const content = sampleContent();
		const edit = { key: factKey('metric', content.documents[0]!.contentHash, content.metrics[0]!), docHash: content.documents[0]!.contentHash, kind: 'metric', op: 'delete', at } as const;
		await expect(saveEdit(db, edit)).rejects.toMatchObject({ name: 'StorageError', fault: 'quota' });
		expect(await db.edits.count()).toBe(0);
	});

	test('a restore that runs out of space writes nothing of the file', async () => {
		const doc = await imported('page.html');
		await storeImportedDocument(db, doc);
		const check = validateExchange(JSON.parse(JSON.stringify(await exportExchange(db))));
		if (!check.ok) throw new Error(check.errors.join('\n'));
		const other = new DashboardDB(`test-${crypto.randomUUID()}`);
		try {
			vi.spyOn(other.metrics, 'bulkAdd').mockImplementation(quota);
			await expect(importExchange(other, check.exchange)).rejects.toMatchObject({ fault: 'quota' });
			expect([await other.documents.count(), await other.texts.count(), await other.imports.count(), await other.places.count()]).toEqual([0, 0, 0, 0]);
		} finally {
			await other.delete();
		}
	});

	test('a file whose fact ids the database already holds restores under new ids', async () => {
		const doc = await imported('page.html');
		await storeImportedDocument(db, doc);
		const check = validateExchange(JSON.parse(JSON.stringify(await exportExchange(db))));
		if (!check.ok) throw new Error(check.errors.join('\n'));
		const other = new DashboardDB(`test-${crypto.randomUUID()}`);
		try {
			// Rows of another document that took the ids first (a hand-edited or older file).
			const clash = check.exchange.metrics.map((m) => ({ ...m, docId: 'elsewhere' }));
			await other.metrics.bulkAdd(clash);
			const plan = await importExchange(other, check.exchange);
			expect(plan.documents).toHaveLength(1);
			expect(plan.repairs.length).toBeGreaterThan(0);
			expect(await other.metrics.count()).toBe(clash.length * 2);
		} finally {
			await other.delete();
		}
	});
});

describe('DashboardDB migration', () => {
	test('opens a version 2 database keeping its rows, marks documents with a text as imported and keeps the others as the shipped chunks', async () => {
		const name = `test-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		old.version(1).stores({ documents: 'id, publishedAt, kind, contentHash', meetings: 'id, startDate, provinceCode, cityCode, *docIds', places: 'id, docId, adcode, level', metrics: 'id, docId, category, year, unit', meta: 'key' });
		old.version(2).stores({ texts: 'docId' });
		const content = sampleContent();
		await old.table('documents').bulkAdd(content.documents);
		await old.table('metrics').bulkAdd(content.metrics);
		await old.table('texts').add({ docId: 'news-b', text: 'b' });
		await old.table('meta').put({ key: 'corpus', hash: 'h', schemaVersion: 1, storedAt: at });
		expect(old.verno).toBe(2);
		old.close();

		const next = new DashboardDB(name);
		try {
			await next.open();
			expect(next.verno).toBe(5);
			// Version 5's speaker notes start empty.
			expect(await next.notes.count()).toBe(0);
			expect(await next.documents.count()).toBe(2);
			expect(await next.metrics.count()).toBe(2);
			expect((await next.meta.get('corpus'))!.hash).toBe('h');
			expect((await next.imports.toArray()).map((i) => [i.docId, i.contentHash])).toEqual([['news-b', 'b'.repeat(64)]]);
			expect(await next.edits.count()).toBe(0);
			const shipped = joinChunks(await next.shipped.toArray());
			expect(shipped.documents.map((d) => d.id)).toEqual(['news-a']);
			expect(shipped.metrics.map((m) => m.docId)).toEqual(['news-a', 'news-a']);
			const facts = await loadFacts(next);
			expect(facts.documents.map((d) => d.id).sort()).toEqual(['news-a', 'news-b']);
			expect(facts.metrics).toHaveLength(2);
		} finally {
			await next.delete();
		}
	});
});
