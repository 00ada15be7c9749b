import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { USER_FACT_PREFIX, UserEditSchema, applyEdits, factKey, staleEdits, type UserEdit } from './edits.ts';
import { sampleContent } from './fixture.ts';

const at = '2024-05-01T08:00:00.000Z';
const hashA = 'a'.repeat(64);

describe('factKey', () => {
	test('names an extracted fact by kind, document content and evidence span, not by id', () => {
		const m = sampleContent().metrics[0]!;
		expect(factKey('metric', hashA, m)).toBe(`metric:${hashA}:60-69`);
		expect(factKey('metric', hashA, { ...m, id: 'other-id$7' })).toBe(factKey('metric', hashA, m));
	});

	test('names a meeting by its first evidence and an added fact by its own id', () => {
		const c = sampleContent();
		expect(factKey('meeting', hashA, c.meetings[0]!)).toBe(`meeting:${hashA}:10-40`);
		expect(factKey('metric', hashA, { ...c.metrics[0]!, id: `${USER_FACT_PREFIX}x` })).toBe(`metric:${hashA}:${USER_FACT_PREFIX}x`);
	});
});

describe('applyEdits', () => {
	const content = sampleContent();
	const metricKey = factKey('metric', hashA, content.metrics[0]!);

	test('returns the facts unchanged when there are no edits', () => {
		expect(applyEdits(content, [])).toBe(content);
	});

	test('patches a corrected figure and leaves the others alone', () => {
		const edits: UserEdit[] = [{ key: metricKey, docHash: hashA, kind: 'metric', op: 'patch', patch: { value: 16, unit: '篇' }, at }];
		const out = applyEdits(content, edits);
		expect(out.metrics[0]).toEqual({ ...content.metrics[0], value: 16, unit: '篇', review: { status: 'corrected', at } });
		expect(out.metrics[1]).toBe(content.metrics[1]);
	});

	test('drops a deleted fact', () => {
		const key = factKey('place', hashA, content.places[0]!);
		expect(applyEdits(content, [{ key, docHash: hashA, kind: 'place', op: 'delete', at }]).places).toEqual([]);
	});

	test('adds a fact to the document that carries its content, whatever that document is called now', () => {
		const record = { ...content.metrics[0]!, id: `${USER_FACT_PREFIX}1`, docId: 'old-id', evidence: { ...content.metrics[0]!.evidence, docId: 'old-id' } };
		const edit: UserEdit = { key: factKey('metric', hashA, record), docHash: hashA, kind: 'metric', op: 'add', record, at };
		const added = applyEdits(content, [edit]).metrics.at(-1)!;
		expect(added).toMatchObject({ id: `${USER_FACT_PREFIX}1`, docId: 'news-a', evidence: { docId: 'news-a' } });
	});

	test('keeps a correction through a re-extraction that renumbers and reorders the facts', () => {
		const edits: UserEdit[] = [{ key: metricKey, docHash: hashA, kind: 'metric', op: 'patch', patch: { value: 99 }, at }];
		const reextracted = { ...content, metrics: [...content.metrics].reverse().map((m, i) => ({ ...m, id: `news-a$${i + 5}` })) };
		const out = applyEdits(reextracted, edits);
		expect(out.metrics.find((m) => m.evidence.start === 60)!.value).toBe(99);
		expect(out.metrics.find((m) => m.evidence.start === 80)!.value).toBe(12000);
	});

	test('keeps a correction when the document is stored under another id (same content)', () => {
		const renamed = structuredClone(content);
		renamed.documents[0]!.id = 'news-a~aaaaaa';
		renamed.metrics.forEach((m) => (m.docId = m.evidence.docId = 'news-a~aaaaaa'));
		const out = applyEdits(renamed, [{ key: metricKey, docHash: hashA, kind: 'metric', op: 'patch', patch: { value: 7 }, at }]);
		expect(out.metrics[0]!.value).toBe(7);
	});

	test('ignores edits whose document or fact is gone', () => {
		const edits: UserEdit[] = [
			{ key: `metric:${'c'.repeat(64)}:1-2`, docHash: 'c'.repeat(64), kind: 'metric', op: 'delete', at },
			{ key: `metric:${hashA}:500-510`, docHash: hashA, kind: 'metric', op: 'delete', at }
		];
		expect(applyEdits(content, edits).metrics).toEqual(content.metrics);
	});
});

describe('staleEdits', () => {
	const content = sampleContent();
	const patch = (key: string, docHash = hashA): UserEdit => ({ key, docHash, kind: 'metric', op: 'patch', patch: { value: 1 }, at });

	test('lists a correction whose fact is no longer extracted in a document still present', () => {
		const stale = patch(`metric:${hashA}:500-510`);
		const applied = applyEdits(content, [stale]);
		expect(staleEdits(applied, [stale])).toEqual([{ edit: stale, document: content.documents[0] }]);
	});

	test('leaves out corrections that apply, deletions, and corrections of removed documents', () => {
		const edits: UserEdit[] = [
			patch(factKey('metric', hashA, content.metrics[0]!)),
			{ key: `metric:${hashA}:500-510`, docHash: hashA, kind: 'metric', op: 'delete', at },
			patch(`metric:${'c'.repeat(64)}:1-2`, 'c'.repeat(64))
		];
		expect(staleEdits(applyEdits(content, edits), edits)).toEqual([]);
	});
});

describe('UserEditSchema', () => {
	test('refuses a patch of a field that cannot be corrected and a value out of range', () => {
		const bad = (patch: object) => v.safeParse(UserEditSchema, { key: 'k', docHash: hashA, kind: 'metric', op: 'patch', patch, at }).success;
		expect(bad({ value: 3 })).toBe(true);
		expect(bad({ docId: 'x' })).toBe(false);
		expect(bad({ value: -1 })).toBe(false);
	});
});

describe('corrections of what a figure counts and of a document region', () => {
	const content = sampleContent();
	const hash = content.documents[0]!.contentHash;
	test('a metric patch may set subject, indicator, scope, change and part', () => {
		const patch = { subject: '学校', indicator: 'schools', scopeCode: '100000', change: 'decrease' as const, part: true };
		expect(v.safeParse(UserEditSchema, { key: 'k', docHash: hashA, kind: 'metric', op: 'patch', patch, at }).success).toBe(true);
		expect(v.safeParse(UserEditSchema, { key: 'k', docHash: hashA, kind: 'metric', op: 'patch', patch: { change: 'up' }, at }).success).toBe(false);
	});
	test('a document patch sets its region, and only its region', () => {
		const ok = (patch: object) => v.safeParse(UserEditSchema, { key: factKey('document', hash), docHash: hash, kind: 'document', op: 'patch', patch, at }).success;
		expect([ok({ regionCode: '100000' }), ok({ regionCode: null }), ok({ title: 'x' }), ok({ regionCode: '1' })]).toEqual([true, true, false, false]);
	});
	test('applies a document region correction to the document with that content', () => {
		const edit: UserEdit = { key: factKey('document', hash), docHash: hash, kind: 'document', op: 'patch', patch: { regionCode: '100000' }, at };
		const out = applyEdits(content, [edit]);
		expect(out.documents[0]!.regionCode).toBe('100000');
		expect(out.documents[1]).toBe(content.documents[1]);
		expect(staleEdits(out, [edit])).toEqual([]);
	});
});
