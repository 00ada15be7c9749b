import { describe, expect, test } from 'vitest';
import type { CorpusDocument } from '../corpus/schema.ts';
import { documentTitle, nameMatches, searchKey, simplified, titleOf } from './names.ts';

describe('simplified', () => {
	test.each([
		['世界職業技術教育大會', '世界职业技术教育大会'],
		['中華職業教育社（重慶）', '中华职业教育社（重庆）'],
		['already 简体', 'already 简体'],
		['２０２３年', '２０２３年'],
		['', '']
	])('%s → %s', (from, to) => {
		expect(simplified(from)).toBe(to);
		expect(simplified(from).length).toBe(from.length);
	});
});

describe('nameMatches', () => {
	test.each([
		['世界職業技術教育大會', '世界职业技术教育', true],
		['世界职业技术教育大会', '世界職業技術教育', true],
		['世界職業技術教育大會', '大会 世界', true],
		['世界職業技術教育大會', '全国', false],
		['ＡＢＣ论坛', 'abc', true],
		['任何会议', '  ', true]
	])('%s contains %s: %s', (name, query, hit) => {
		expect(nameMatches(name, query)).toBe(hit);
	});
	test('folds case and width for search keys', () => {
		expect(searchKey('ＷＯＲＬＤ 職業')).toBe('world 职业');
	});
});

describe('documentTitle', () => {
	const doc = (title: string | null, fileName = '0140.txt') => ({ title, fileName });
	test.each([
		[doc('關於召開年會的通知'), '关于召开年会的通知'],
		[doc(null), '0140.txt'],
		[doc('   '), '0140.txt'],
		[doc('长'.repeat(60)), `${'长'.repeat(39)}…`]
	])('%o is named %s', (d, name) => {
		expect(documentTitle(d)).toBe(name);
	});
	test('looks titles up by id, unknown ids naming themselves', () => {
		const docs = [{ id: 'a', title: '職教', fileName: 'a.txt' }, { id: 'b', title: null, fileName: 'b.html' }] as unknown as CorpusDocument[];
		expect(titleOf(docs, 'a')).toBe('职教');
		expect(titleOf(docs, 'b')).toBe('b.html');
		expect(titleOf(docs, 'zz')).toBe('zz');
	});
});
