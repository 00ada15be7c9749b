import { describe, expect, test } from 'vitest';
import { assembleCorpus, buildCorpus, meetingKey, mergeMeetings, prepareFile } from './build.ts';
import type { Meeting } from './schema.ts';
import { validateCorpus } from './validate.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

let n = 0;
/** A meeting record of document `doc` with what a test sets. */
function meeting(doc: string, patch: Partial<Meeting>): Meeting {
	return {
		id: `${doc}#${n++}`,
		name: '全省职教社工作研讨班暨规范化建设现场推进会',
		startDate: '2023-05-29',
		endDate: '2023-05-31',
		datePrecision: 'day',
		province: '山东省',
		provinceCode: '370000',
		city: null,
		cityCode: null,
		county: null,
		countyCode: null,
		attendees: null,
		attendeesQualifier: null,
		participantCodes: [],
		docIds: [doc],
		evidence: [{ docId: doc, start: 0, end: 4, text: '推进会' }],
		...patch
	};
}

describe('mergeMeetings', () => {
	const cases: Array<[string, Partial<Meeting>, Partial<Meeting>, number]> = [
		['the same name and dates', {}, {}, 1],
		['a day range inside the month another report gives (2023年5月29日—31日 and 2023年5月)', {}, { startDate: '2023-05', endDate: '2023-05', datePrecision: 'month' }, 1],
		['a month inside the year another report gives', { startDate: '2023-05', endDate: '2023-05', datePrecision: 'month' }, { startDate: '2023', endDate: '2023', datePrecision: 'year' }, 1],
		['Traditional and Simplified names', { name: '全省職教社工作研討班暨規範化建設現場推進會' }, {}, 1],
		['a name with quotes and a space more', {}, { name: '全省职教社工作研讨班暨“规范化建设”现场 推进会' }, 1],
		['one name inside the other', {}, { name: '2023年全省职教社工作研讨班暨规范化建设现场推进会' }, 1],
		['a city given by one report only', { cityCode: '370100', city: '济南市' }, {}, 1],
		['dates that do not overlap', {}, { startDate: '2023-06-05', endDate: '2023-06-05' }, 2],
		['different provinces', {}, { provinceCode: '410000', province: '河南省' }, 2],
		['different cities of one province', { cityCode: '370100' }, { cityCode: '370200' }, 2],
		['different sessions of a series', { name: '山西省第十六届职业院校技能大赛' }, { name: '山西省第十七届职业院校技能大赛' }, 2],
		['different meetings on the same day', {}, { name: '全国职业院校技能大赛开幕式' }, 2],
		['a contest and a seminar sharing most characters (2019年某市中职学校技能大赛, 2019年某市中职学校技能比赛工作研讨会)', { name: '2019年某市中职学校技能大赛' }, { name: '2019年某市中职学校技能比赛工作研讨会' }, 2],
		['an undated report', {}, { startDate: null, endDate: null, datePrecision: null }, 2],
		['an undated report of a first edition (首届) and a dated one', { name: '首届某某职业技能大赛' }, { name: '首届某某职业技能大赛', startDate: null, endDate: null, datePrecision: null }, 1],
		['two undated reports of a numbered edition', { name: '第三届某某职教论坛', startDate: null, endDate: null, datePrecision: null }, { name: '第三届某某职教论坛', startDate: null, endDate: null, datePrecision: null }, 1],
		['two undated reports of one edition in different provinces', { name: '第三届某某职教论坛', startDate: null, endDate: null, datePrecision: null }, { name: '第三届某某职教论坛', startDate: null, endDate: null, datePrecision: null, provinceCode: '410000', province: '河南省' }, 2],
		['an undated report of a year\'s edition (2023年) and a dated one', { name: '2023年某某工作会议' }, { name: '2023年某某工作会议', startDate: null, endDate: null, datePrecision: null }, 1]
	];
	test.each(cases)('%s', (_, a, b, count) => {
		expect(mergeMeetings([meeting('x', a), meeting('y', b)])).toHaveLength(count);
		// The order of the reports does not change whether they merge.
		expect(mergeMeetings([meeting('y', b), meeting('x', a)])).toHaveLength(count);
	});

	test('an undated report of an edition that two reports date apart joins neither', () => {
		const edition = { name: '第三届某某职教论坛' };
		const undated = { ...edition, startDate: null, endDate: null, datePrecision: null };
		expect(mergeMeetings([meeting('x', edition), meeting('y', { ...edition, startDate: '2023-09-01', endDate: '2023-09-01' }), meeting('z', undated)])).toHaveLength(3);
	});

	test('an undated record that takes a later report\'s date merges with reports of that date', () => {
		const edition = { name: '首届某某职业技能大赛' };
		const merged = mergeMeetings([meeting('x', { ...edition, startDate: null, endDate: null, datePrecision: null }), meeting('y', edition), meeting('z', { ...edition, name: '首届某某职业技能大赛开幕' })]);
		expect(merged.map((m) => m.docIds)).toEqual([['x', 'y', 'z']]);
	});

	test('keeps all sources, the most precise date and a Simplified name', () => {
		const [m] = mergeMeetings([
			meeting('dev12', { name: '全省職教社工作研討班暨規範化建設現場推進會', startDate: '2023-05', endDate: '2023-05', datePrecision: 'month', attendees: 120, attendeesQualifier: 'over' }),
			meeting('001', { cityCode: '371600', city: '滨州市' })
		]);
		expect(m).toMatchObject({
			name: '全省职教社工作研讨班暨规范化建设现场推进会',
			startDate: '2023-05-29',
			endDate: '2023-05-31',
			datePrecision: 'day',
			cityCode: '371600',
			attendees: 120,
			docIds: ['dev12', '001']
		});
		expect(m!.evidence).toHaveLength(2);
	});

	test('meetingKey folds Traditional characters, full-width digits, quotes and spaces', () => {
		expect(meetingKey('２０２３年“全省職教社” 工作會議')).toBe('2023年全省职教社工作会议');
	});
});

describe('prepareFile and assembleCorpus', () => {
	const good = utf8('职业教育工作会议在太原召开\n发布时间：2023-05-10\n5月9日，全省职业教育工作会议在太原召开，来自各市的代表120余人参加会议。');

	test('keeps a document whose values are implausible, cleared with warnings', () => {
		const p = prepareFile({ name: 'odd.txt', bytes: utf8(`${'标题很长'.repeat(100)}\n发布时间：9999-12-31\n去年，培训教师-5000人，投入9999999999999999999亿元。`) });
		expect(p.records).not.toBeNull();
		expect(p.records!.document.publishedAt).toBeNull();
		expect((p.records!.document.title ?? '').length).toBeLessThanOrEqual(300);
		expect(p.warnings.join('\n')).toMatch(/publishedAt/);
	});

	test('gives a document from a file named .txt an id', () => {
		const p = prepareFile({ name: '.txt', bytes: good });
		expect(p.records!.document.id).toMatch(/^doc-[0-9a-f]{8}$/);
	});

	test('leaves out an unreadable file by name and builds the others', () => {
		const r = buildCorpus([
			{ name: 'empty.txt', bytes: new Uint8Array() },
			{ name: 'good.txt', bytes: good },
			{ name: `${'长'.repeat(194)}.txt`, bytes: utf8('另一篇：职业教育论坛在南京举行。') }
		]);
		expect(r.read).toBe(2);
		expect(r.warnings).toContain('empty.txt: the file is empty');
		expect(validateCorpus(r.corpus).ok).toBe(true);
	});

	test('a document whose records cannot be made valid is left out by name; the others go through', () => {
		const ok = prepareFile({ name: 'good.txt', bytes: good });
		const bad = prepareFile({ name: 'bad.txt', bytes: good });
		bad.records = { ...bad.records!, document: { ...bad.records!.document, id: 'bad', contentHash: 'not a hash' } };
		// assembleCorpus trusts prepareFile; a broken record here is a bug and is reported as such.
		expect(() => assembleCorpus([ok, bad])).toThrow(/contentHash/);
	});

	test('a second document with a taken id is renamed; the same text twice is left out', () => {
		const r = buildCorpus([
			{ name: 'a.txt', bytes: good },
			{ name: 'a.html', bytes: utf8('<p>另一篇：职业教育论坛在南京举行。</p>') },
			{ name: 'a.utf8.txt', bytes: good }
		]);
		expect(r.corpus.documents.map((d) => d.id)).toEqual(['a', expect.stringMatching(/^a~[0-9a-f]{6}$/)]);
		expect(r.warnings).toContain('a.utf8.txt: left out, the same text as a.txt');
		expect(validateCorpus(r.corpus).ok).toBe(true);
	});

	test('keeps the source address given for a file', () => {
		const r = buildCorpus([{ name: 'good.txt', bytes: good, sourceUrl: 'https://example.org/a.html' }]);
		expect(r.corpus.documents[0]!.sourceUrl).toBe('https://example.org/a.html');
	});
});
