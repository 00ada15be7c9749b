import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { USER_FACT_PREFIX, UserEditSchema, applyEdits, factKey } from '../corpus/edits.ts';
import { sampleContent } from '../corpus/fixture.ts';
import { addedEdit, confirmEdit, correctionEdit, deletionEdit, documentEdit, documentPatch, meetingPatch, metricDraft, metricPatch, placePatch, withNote, type MetricForm } from './review.ts';

/** A metric form with the fields that say what a figure counts left as the extractor had them. */
const form = (f: Partial<MetricForm>): MetricForm => ({ value: '', unit: '', qualifier: 'exact', category: 'other', year: '', subject: '', indicator: '', scope: '', change: '', part: false, ...f });

const at = '2024-05-01T08:00:00.000Z';
const hash = 'a'.repeat(64);

describe('metricPatch', () => {
	test('turns the form into typed fields', () => {
		expect(metricPatch(form({ value: '1,200', unit: ' 人次 ', qualifier: 'over', category: 'training', year: '2022' }))).toEqual({
			ok: true,
			value: { value: 1200, unit: '人次', qualifier: 'over', category: 'training', year: 2022, subject: null, indicator: 'trainees', scopeCode: null, change: null, part: false }
		});
	});

	test('names every field that is wrong', () => {
		const r = metricPatch(form({ value: 'abc', unit: '', qualifier: 'exact', category: 'other', year: '20', scope: '不存在的地方' }));
		expect(r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['scope:place', 'value:number', 'unit:unit', 'year:year']);
	});

	test.each<[Partial<MetricForm>, object]>([
		[{ subject: '培訓教師', unit: '人次' }, { subject: '培訓教師', indicator: 'teachers-trained' }],
		[{ subject: '温室大棚', unit: '个', indicator: 'training-bases' }, { indicator: 'training-bases' }],
		[{ scope: '全国' }, { scopeCode: '100000' }],
		[{ scope: '滨州' }, { scopeCode: '371600' }],
		[{ change: 'decrease', part: true }, { change: 'decrease', part: true }]
	])('sets what the figure counts, where, and whether it is a change or part: %j', (fields, expected) => {
		const r = metricPatch(form({ value: '4', unit: '所', ...fields }));
		expect(r.ok && r.value).toMatchObject(expected);
	});
});

describe('documentPatch', () => {
	test.each([
		['全国', { ok: true, value: { regionCode: '100000' } }],
		['河北省', { ok: true, value: { regionCode: '130000' } }],
		['', { ok: true, value: { regionCode: null } }],
		['不存在的地方', { ok: false, errors: [{ field: 'region', code: 'place' }] }]
	])('%s → %j', (region, expected) => expect(documentPatch({ region })).toEqual(expected));

	test('stores a region correction that applies to the document with that content', () => {
		const content = sampleContent();
		const docHash = content.documents[0]!.contentHash;
		const edit = documentEdit(docHash, { regionCode: '100000' }, at);
		expect(applyEdits(content, [edit]).documents[0]!.regionCode).toBe('100000');
	});
});

describe('meetingPatch', () => {
	test('resolves the venue and reads the precision from the date', () => {
		const r = meetingPatch({ name: '年会', startDate: '2020-09', endDate: '', place: '太原' });
		expect(r).toEqual({ ok: true, value: { name: '年会', startDate: '2020-09', endDate: '2020-09', datePrecision: 'month', province: '山西省', provinceCode: '140000', city: '太原市', cityCode: '140100', county: null, countyCode: null } });
	});

	test.each([
		[{ name: '', startDate: '', endDate: '', place: '' }, 'name:required'],
		[{ name: '会', startDate: '2020/1/1', endDate: '', place: '' }, 'startDate:date'],
		[{ name: '会', startDate: '2020-05-02', endDate: '2020-05-01', place: '' }, 'endDate:dateOrder'],
		[{ name: '会', startDate: '', endDate: '', place: '不存在的地方' }, 'place:place']
	])('refuses %j (%s)', (form, expected) => {
		const r = meetingPatch(form);
		expect(r.ok ? '' : `${r.errors[0]!.field}:${r.errors[0]!.code}`).toBe(expected);
	});
});

describe('placePatch', () => {
	test('gives the division, level and coordinates of a name', () => {
		const r = placePatch({ place: '成都' });
		expect(r.ok && r.value).toMatchObject({ name: '成都市', adcode: '510100', level: 'city' });
	});
});

describe('edits from the review', () => {
	const c = sampleContent();

	test('a correction of an extracted fact is a patch under its key; of an added fact, the whole record', () => {
		const m = c.metrics[0]!;
		expect(correctionEdit('metric', hash, m, { value: 20 }, at)).toEqual({ key: factKey('metric', hash, m), docHash: hash, kind: 'metric', op: 'patch', patch: { value: 20 }, at });
		const added = { ...m, id: `${USER_FACT_PREFIX}1` };
		expect(correctionEdit('metric', hash, added, { value: 20 }, at)).toMatchObject({ op: 'add', record: { ...added, value: 20 } });
	});

	test('deleting an added fact removes its edit instead of storing a deletion', () => {
		expect(deletionEdit('place', hash, c.places[0]!, at)).toMatchObject({ op: 'delete' });
		expect(deletionEdit('place', hash, { ...c.places[0]!, id: `${USER_FACT_PREFIX}2` }, at)).toBeNull();
	});

	test.each(['metric', 'meeting', 'place'] as const)('a %s added from a selection is a valid record the views then show', (kind) => {
		const text = '会议于杭州举行，共培训教师300人次。';
		const patch = kind === 'metric' ? metricPatch(metricDraft(text.slice(10, 18))) : kind === 'meeting' ? meetingPatch({ name: '研讨会', startDate: '2022', endDate: '', place: '杭州' }) : placePatch({ place: '杭州' });
		if (!patch.ok) throw new Error('form');
		const edit = addedEdit({ kind, docId: 'news-a', docHash: hash, text, start: 3, end: 5, id: 'x', at }, patch.value);
		expect(v.safeParse(UserEditSchema, edit).success).toBe(true);
		const shown = applyEdits(c, [edit]);
		const list = kind === 'metric' ? shown.metrics : kind === 'meeting' ? shown.meetings : shown.places;
		expect(list.at(-1)!.id).toBe(`${USER_FACT_PREFIX}x`);
	});

	test('a selection of a figure starts the form with the extractor’s reading', () => {
		expect(metricDraft('共培训教师300人次')).toMatchObject({ value: '300', unit: '人次', category: 'training' });
		expect(metricDraft('一些文字')).toMatchObject({ value: '', unit: '' });
	});
});

describe('confirmations and notes', () => {
	const c = sampleContent();
	test.each([
		['a figure', () => confirmEdit('metric', hash, c.metrics[0]!, at), `metric:${hash}:60-69`],
		['a meeting, with a note', () => confirmEdit('meeting', hash, c.meetings[0]!, at, ' 与原件一致 '), `meeting:${hash}:10-40`],
		['a whole document', () => confirmEdit('document', hash, null, at), `document:${hash}:reviewed`]
	])('confirms %s without changing it', (_name, make, key) => {
		const edit = make()!;
		expect(edit).toMatchObject({ key, op: 'confirm' });
		expect(v.safeParse(UserEditSchema, edit).success).toBe(true);
		const out = applyEdits(c, [edit]);
		const marked = [...out.documents, ...out.meetings, ...out.metrics].filter((r) => r.review);
		expect(marked).toHaveLength(1);
		expect(marked[0]!.review).toMatchObject({ status: 'confirmed', at });
	});

	test('the note is trimmed and kept; a fact the user added needs no confirmation', () => {
		expect(confirmEdit('meeting', hash, c.meetings[0]!, at, ' 与原件一致 ')?.note).toBe('与原件一致');
		expect(confirmEdit('metric', hash, { ...c.metrics[0]!, id: `${USER_FACT_PREFIX}x` }, at)).toBeNull();
	});

	test('withNote adds a note to a correction, and none when it is blank', () => {
		const edit = documentEdit(hash, { regionCode: '330000' }, at);
		expect(withNote(edit, '  据落款 ').note).toBe('据落款');
		expect(withNote(edit, '   ')).toBe(edit);
	});
});
