import { describe, expect, test } from 'vitest';
import { factKey, type UserEdit } from './edits.ts';
import { exchangeFile, importedId, planExchange, validateExchange } from './exchange.ts';
import { sampleContent } from './fixture.ts';
import { sha256Hex } from './hash.ts';

const text = 'x'.repeat(200);
function sample() {
	const content = sampleContent();
	content.documents[0]!.contentHash = sha256Hex(text);
	const edit: UserEdit = { key: factKey('metric', content.documents[0]!.contentHash, content.metrics[0]!), docHash: content.documents[0]!.contentHash, kind: 'metric', op: 'patch', patch: { value: 16 }, at: '2024-05-01T08:00:00.000Z' };
	return exchangeFile(content, { imported: ['news-a'], texts: [{ docId: 'news-a', text }], edits: [edit] });
}

describe('validateExchange', () => {
	test('accepts an exported file after a JSON round trip, user data included', () => {
		const file = sample();
		const result = validateExchange(JSON.parse(JSON.stringify(file)));
		expect(result).toEqual({ ok: true, exchange: file });
	});

	test('carries the speaker notes, and reads a file written before notes existed', () => {
		const notes = [{ page: 'map' as const, text: '先讲山东的三次会议', updatedAt: '2024-05-01T08:00:00.000Z' }];
		const file = exchangeFile(sampleContent(), { imported: [], texts: [], edits: [], notes });
		const result = validateExchange(JSON.parse(JSON.stringify(file)));
		expect(result.ok && result.exchange.notes).toEqual(notes);
		const { notes: _, ...old } = file;
		const before = validateExchange(JSON.parse(JSON.stringify(old)));
		expect(before.ok && before.exchange.notes).toBeUndefined();
	});

	test('reads a plain corpus (from the CLI) as one without user data', () => {
		const { imported, texts, edits, ...corpus } = sample();
		const result = validateExchange(corpus);
		expect(result.ok && [result.exchange.imported, result.exchange.texts, result.exchange.edits]).toEqual([[], [], []]);
	});

	test.each([
		['a metric with a bad qualifier', (f: any) => (f.metrics[0].qualifier = 'roughly'), /^metrics\[0\] \(news-a\$0\)\.qualifier: /, true],
		['an import mark of an unknown document', (f: any) => (f.imported = ['ghost']), /^imported\[0\]: names a document that is not in the corpus \(ghost\)/, false],
		['a text that is not the document', (f: any) => (f.texts[0].text = 'y'.repeat(200)), /^texts\[0\] \(news-a\)\.text: does not match/, false],
		['an edit of an unknown kind', (f: any) => (f.edits[0].kind = 'person'), /^edits\[0\] \(metric:[0-9a-f]+:60-69\)\.kind: /, false],
		['an edit with a negative value', (f: any) => (f.edits[0].patch.value = -3), /^edits\[0\] \(.*\)\.patch\.value: must not be negative/, false],
		['a note of an unknown page', (f: any) => (f.notes = [{ page: 'slides', text: 'x', updatedAt: '2024-05-01T08:00:00.000Z' }]), /^notes\[0\]\.page: must be a page of the wall/, false]
	])('refuses %s, naming the record and field', (_name, mutate, message, reseal) => {
		const file: any = structuredClone(sample());
		mutate(file);
		if (reseal) file.hash = exchangeFile(file, file).hash;
		const result = validateExchange(file);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors[0]).toMatch(message);
	});
});

describe('planExchange', () => {
	test('adds documents whose content is new under an imported id, and skips the ones held', () => {
		const file = sample();
		const plan = planExchange(file, [{ id: 'news-b', contentHash: file.documents[1]!.contentHash }]);
		const id = importedId('news-a', file.documents[0]!.contentHash);
		expect(plan.documents.map((d) => d.id)).toEqual([id]);
		expect(plan.skipped.map((d) => d.id)).toEqual(['news-b']);
		expect(plan.metrics.map((m) => [m.id, m.docId])).toEqual([[`${id}$0`, id], [`${id}$1`, id]]);
		expect(plan.texts).toEqual([{ docId: id, text }]);
		// the meeting was reported by both; only the added document remains its source
		expect(plan.meetings.map((m) => [m.id, m.docIds])).toEqual([[`${id}#0`, [id]]]);
		expect(plan.edits).toEqual(file.edits);
	});

	test('keeps ids that are already imported ids, so a re-imported export keeps its links', () => {
		const file = sample();
		const once = planExchange(file, []);
		const again = planExchange(exchangeFile({ ...file, documents: once.documents, meetings: once.meetings, places: once.places, metrics: once.metrics }, file), []);
		expect(again.documents.map((d) => d.id)).toEqual(once.documents.map((d) => d.id));
	});
});

describe('planExchange on hostile files', () => {
	test('renames facts whose ids the database already holds instead of failing the whole restore', () => {
		const file = sample();
		const id = importedId('news-a', file.documents[0]!.contentHash);
		const plan = planExchange(file, [], { meetings: new Set([`${id}#0`]), places: new Set(), metrics: new Set([`${id}$0`, `${id}$0~2`]) });
		expect(plan.metrics.map((m) => m.id)).toEqual([`${id}$0~3`, `${id}$1`]);
		expect(plan.meetings.map((m) => m.id)).toEqual([`${id}#0~2`]);
		expect(plan.repairs).toHaveLength(2);
	});

	test('plans a document with 330,000 figures without overflowing the call stack', () => {
		const file = sample();
		const m = file.metrics[0]!;
		file.metrics = Array.from({ length: 330_000 }, (_, i) => ({ ...m, id: `news-a$${i}` }));
		const plan = planExchange(file, []);
		expect(plan.metrics).toHaveLength(330_000);
		expect(plan.repairs).toEqual([]);
	}, 60_000);

	test('keeps every restored id within 200 characters, the facts of a document under the longest id too', () => {
		const file = sample();
		const long = 'z'.repeat(200);
		file.documents[0]!.id = long;
		file.metrics = file.metrics.map((m) => ({ ...m, id: `${long.slice(0, 196)}$${m.id.slice(-1)}`, docId: long, evidence: { ...m.evidence, docId: long } }));
		file.places = file.places.map((p) => ({ ...p, docId: long, evidence: { ...p.evidence, docId: long } }));
		file.meetings = file.meetings.map((x) => ({ ...x, docIds: x.docIds.map((d) => (d === 'news-a' ? long : d)), evidence: x.evidence.map((e) => ({ ...e, docId: long })) }));
		const plan = planExchange(file, []);
		const ids = [...plan.documents, ...plan.meetings, ...plan.places, ...plan.metrics].map((r) => r.id);
		expect(Math.max(...ids.map((i) => i.length))).toBeLessThanOrEqual(200);
		expect(plan.metrics.every((x) => plan.documents.some((d) => d.id === x.docId))).toBe(true);
	});
});

describe('importedId', () => {
	test('adds the start of the content hash once', () => {
		expect(importedId('annual', 'ab12cd'.padEnd(64, '0'))).toBe('annual~ab12cd');
		expect(importedId('annual~ab12cd', 'ab12cd'.padEnd(64, '0'))).toBe('annual~ab12cd');
	});
});
