import { describe, expect, test } from 'vitest';
import { applyCorrections, correctionsFile, mergeCorrections, serializeCorrections, validateCorrections } from './corrections.ts';
import { factKey, type UserEdit } from './edits.ts';
import { sampleContent } from './fixture.ts';
import { sealCorpus, validateCorpus } from './validate.ts';

const at = '2024-05-01T08:00:00.000Z';
const later = '2024-06-01T08:00:00.000Z';
const hashA = 'a'.repeat(64);
const corpus = () => sealCorpus(sampleContent());
const metricKey = factKey('metric', hashA, sampleContent().metrics[0]!);
const patch: UserEdit = { key: metricKey, docHash: hashA, kind: 'metric', op: 'patch', patch: { value: 16 }, at, note: '原文为16份' };
const confirm: UserEdit = { key: `metric:${hashA}:80-92`, docHash: hashA, kind: 'metric', op: 'confirm', at };
const docReviewed: UserEdit = { key: `document:${hashA}:reviewed`, docHash: hashA, kind: 'document', op: 'confirm', at, note: '全文已核' };

describe('applyCorrections', () => {
	test('corrects, confirms and marks a document reviewed, each record carrying its review; the result is a valid corpus', () => {
		const out = applyCorrections(corpus(), [patch, confirm, docReviewed]);
		expect(out.stale).toEqual([]);
		expect(out.applied).toBe(3);
		expect(out.corpus.metrics[0]).toMatchObject({ value: 16, review: { status: 'corrected', at, note: '原文为16份' } });
		expect(out.corpus.metrics[1]).toMatchObject({ value: 12000, review: { status: 'confirmed', at } });
		expect(out.corpus.documents[0]!.review).toEqual({ status: 'confirmed', at, note: '全文已核' });
		expect(out.corpus.documents[1]!.review).toBeUndefined();
		expect(validateCorpus(out.corpus).ok).toBe(true);
	});

	test('a document whose region was corrected can still be marked fully reviewed: that mark wins', () => {
		const region: UserEdit = { key: `document:${hashA}`, docHash: hashA, kind: 'document', op: 'patch', patch: { regionCode: '330000' }, at };
		const doc = applyCorrections(corpus(), [region, { ...docReviewed, at: later }]).corpus.documents[0]!;
		expect(doc).toMatchObject({ regionCode: '330000', review: { status: 'confirmed', at: later, note: '全文已核' } });
		expect(applyCorrections(corpus(), [region]).corpus.documents[0]!.review).toMatchObject({ status: 'corrected' });
	});

	test('without corrections the corpus is the same object, byte for byte', () => {
		const c = corpus();
		const out = applyCorrections(c, []);
		expect(out.corpus).toBe(c);
		expect(JSON.stringify(out.corpus)).toBe(JSON.stringify(corpus()));
	});

	test('is deterministic whatever the order of the edits', () => {
		const a = applyCorrections(corpus(), [patch, confirm, docReviewed]).corpus;
		const b = applyCorrections(corpus(), [docReviewed, confirm, patch]).corpus;
		expect(JSON.stringify(a)).toBe(JSON.stringify(b));
	});

	test.each([
		['correction', { ...patch, key: `metric:${hashA}:500-510` }, 'correction'],
		['confirmation', { ...confirm, key: `metric:${hashA}:1-2` }, 'confirmation'],
		['deletion', { key: `place:${hashA}:3-4`, docHash: hashA, kind: 'place', op: 'delete', at } as UserEdit, 'deletion']
	])('a stale %s is reported by document name and span, never applied', (_name, edit, word) => {
		const out = applyCorrections(corpus(), [edit as UserEdit]);
		expect(out.stale).toHaveLength(1);
		expect(out.stale[0]).toContain('论坛在杭州举行 (news-a.txt)');
		expect(out.stale[0]).toContain(word);
		expect(out.applied).toBe(0);
	});

	test('edits of documents this build does not hold are counted, not reported as stale', () => {
		const other = { ...patch, key: `metric:${'c'.repeat(64)}:1-2`, docHash: 'c'.repeat(64) };
		expect(applyCorrections(corpus(), [other])).toMatchObject({ stale: [], elsewhere: 1, applied: 0 });
	});
});

describe('validateCorrections', () => {
	test('reads an exported file and an exchange file alike', () => {
		expect(validateCorrections(correctionsFile([patch]))).toEqual({ ok: true, edits: [patch] });
		expect(validateCorrections({ ...corpus(), imported: [], texts: [], edits: [patch] })).toEqual({ ok: true, edits: [patch] });
	});

	test.each([
		['not an object', [], 'corrections: must be a JSON object'],
		['no edits', { format: 'zhijiao-corrections' }, 'corrections.edits: must be an array'],
		['another format', { format: 'other', edits: [] }, 'corrections.format'],
		['a newer version', { format: 'zhijiao-corrections', version: 9, edits: [] }, 'corrections.version'],
		['a bad value', { edits: [{ ...patch, patch: { value: -1 } }] }, `edits[0] (${metricKey}).patch.value: must not be negative`],
		['an unknown field', { edits: [{ ...patch, patch: { evidence: 1 } }] }, 'has a field that cannot be corrected'],
		['a bad time', { edits: [{ ...confirm, at: 'yesterday' }] }, '.at: must be an ISO timestamp'],
		['a key of another document', { edits: [{ ...patch, docHash: 'b'.repeat(64) }] }, `edits[0] (${metricKey}).key: does not name a metric`],
		['a key twice', { edits: [patch, { ...patch, patch: { value: 17 } }] }, `edits[1] (${metricKey}).key: repeats the key of edits[0]`]
	])('refuses %s, naming the record and field', (_name, input, message) => {
		const out = validateCorrections(input);
		expect(out.ok).toBe(false);
		if (!out.ok) expect(out.errors.join('\n')).toContain(message);
	});
});

describe('mergeCorrections', () => {
	test('adds new edits and is idempotent: merging the same file twice gives the same bytes', () => {
		const once = mergeCorrections([], [patch, confirm]);
		expect(once.added).toEqual([metricKey, confirm.key].sort());
		const twice = mergeCorrections(once.file.edits, [patch, confirm]);
		expect(twice).toMatchObject({ added: [], conflicts: [] });
		expect(twice.same).toHaveLength(2);
		expect(serializeCorrections(twice.file)).toBe(serializeCorrections(once.file));
	});

	test('the same correction made at another time is no conflict', () => {
		expect(mergeCorrections([patch], [{ ...patch, at: later }])).toMatchObject({ added: [], same: [metricKey], conflicts: [] });
	});

	test('a different correction of a held key is a conflict: the held one stays unless replace', () => {
		const other: UserEdit = { ...patch, patch: { value: 17 }, at: later };
		const kept = mergeCorrections([patch], [other]);
		expect(kept.conflicts).toHaveLength(1);
		expect(kept.conflicts[0]).toContain('kept the held one');
		expect(kept.file.edits).toEqual([patch]);
		const replaced = mergeCorrections([patch], [other], { replace: true });
		expect(replaced.file.edits).toEqual([other]);
	});
});
