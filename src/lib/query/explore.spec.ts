import { get } from 'svelte/store';
import { describe, expect, test } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import { _, locale } from '../i18n/index.ts';
import { NO_FILTERS } from '../state/filters.ts';
import fc from 'fast-check';
import { csvCell, csvTable, exploreRows, searchRows, sortPairwise, sortRows, toCsv, type ExploreRow, type SortKey, type Translate } from './explore.ts';
import { filterFacts } from './facts.ts';

const rows = exploreRows(filterFacts(sampleContent(), NO_FILTERS));

describe('exploreRows', () => {
	test('lists every meeting and figure with its region and year', () => {
		expect(rows.map((r) => [r.type, r.date, r.region, r.value, r.unit])).toEqual([
			['meeting', '2022-10-18', '杭州市', 120, '人'],
			['metric', '2022', '杭州市', 15, '份'],
			['metric', '2022', '杭州市', 12000, '人次']
		]);
	});
});

test('a figure row carries its subject, indicator, scope, change and part', () => {
	const c = sampleContent();
	c.documents[0]!.regionCode = '130000';
	c.metrics[0] = { ...c.metrics[0]!, subject: '学校', indicator: 'schools', scopeCode: '110000', change: 'decrease', part: true };
	c.metrics[1] = { ...c.metrics[1]!, scopeCode: '100000' };
	const r = exploreRows(filterFacts(c, NO_FILTERS), (i) => `<${i}>`).filter((x) => x.type === 'metric');
	expect(r.map((x) => [x.subject, x.indicator, x.scope, x.change, x.part])[0]).toEqual(['学校', '<schools>', '北京市', 'decrease', true]);
	expect(r.find((x) => x.scope === '全国')).toBeDefined();
});

describe('searchRows and sortRows', () => {
	test('keeps rows containing every word', () => expect(searchRows(rows, '培训 人次').map((r) => r.value)).toEqual([12000]));
	test('sorts by value both ways', () => {
		expect(sortRows(rows, 'value', 'desc').map((r) => r.value)).toEqual([12000, 120, 15]);
		expect(sortRows(rows, 'value', 'asc').map((r) => r.value)).toEqual([15, 120, 12000]);
	});
	test('keeps empty cells last whichever the direction', () => {
		const withEmpty = [...rows, { ...rows[0]!, id: 'x', value: null }];
		expect(sortRows(withEmpty, 'value', 'asc').at(-1)!.id).toBe('x');
		expect(sortRows(withEmpty, 'value', 'desc').at(-1)!.id).toBe('x');
	});
});

describe('CSV', () => {
	test.each([
		['=1+1', `"'=1+1"`],
		['+86 10 1234', `"'+86 10 1234"`],
		['-2', `"'-2"`],
		['@SUM(A1)', `"'@SUM(A1)"`],
		[' =1+1', `"' =1+1"`],
		['\u3000=cmd|\' /C calc\'!A0', `"'\u3000=cmd|' /C calc'!A0"`],
		['＝HYPERLINK("http://x")', `"'＝HYPERLINK(""http://x"")"`],
		['＋1', `"'＋1"`],
		['\u00a0-1', `"'\u00a0-1"`],
		['\nline', `"'\nline"`],
		[' 培训', ' 培训'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['培训教师', '培训教师']
	])('writes the cell %j as %s', (value, cell) => expect(csvCell(value)).toBe(cell));
	test('writes numbers as numbers, even negative ones', () => expect(csvCell(-5)).toBe('-5'));
	test('starts with a byte-order mark and ends lines with CRLF', () => {
		expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('\ufeffa,b\r\n1,x\r\n');
	});
});

describe('csvTable', () => {
	/** The app's own catalogues, formatted by svelte-i18n as the interface formats them. */
	const catalogue = (lang: 'zh-CN' | 'en'): Translate => {
		locale.set(lang);
		const format = get(_);
		return (key, options) => format(key, options);
	};
	const content = sampleContent();
	content.documents[0]!.sourceUrl = 'https://example.org/news/a.html';
	content.documents[0]!.title = '論壇在杭州舉行';
	content.metrics[0] = { ...content.metrics[0]!, scopeCode: '100000', change: 'increase', part: true, qualifier: 'over' };
	const filtered = filterFacts(content, NO_FILTERS);
	const table = (lang: 'zh-CN' | 'en') => csvTable(exploreRows(filtered, (i) => `<${i}>`), filtered.docById, catalogue(lang), lang);

	test.each<['zh-CN' | 'en', string[], Array<Array<string | number | null>>]>([
		[
			'zh-CN',
			['类型', '日期', '地区', '类别', '指标', '统计对象', '数值', '单位', '限定', '范围', '增减', '其中', '内容', '来源文档', '来源网址', '文档编号'],
			[
				['会议', '2022-10-18', '杭州市', null, null, null, 120, '人', '余', null, null, null, '华东职业教育协作论坛', '论坛在杭州举行', 'https://example.org/news/a.html', 'news-a'],
				['成果', '2022', '杭州市', '科研成果', '<研究报告>', '研究报告', 15, '份', '余', '全国', '增加', '其中', '发布研究报告15份', '论坛在杭州举行', 'https://example.org/news/a.html', 'news-a'],
				['成果', '2022', '杭州市', '培训', '<培训教师>', '培训教师', 12000, '人次', null, '杭州市', null, null, '累计培训教师1.2万人次', '论坛在杭州举行', 'https://example.org/news/a.html', 'news-a']
			]
		],
		[
			'en',
			['Type', 'Date', 'Region', 'Category', 'Indicator', 'Counts', 'Value', 'Unit', 'Qualifier', 'Scope', 'Change', 'part', 'Text', 'Source document', 'Source address', 'Document ID'],
			[
				['Meeting', '2022-10-18', 'Hangzhou', null, null, null, 120, 'people', '+', null, null, null, '华东职业教育协作论坛', '论坛在杭州举行', 'https://example.org/news/a.html', 'news-a'],
				['Figure', '2022', 'Hangzhou', 'Research', '<研究报告>', '研究报告', 15, 'copies', '+', 'Whole country', 'increase', 'part', '发布研究报告15份', '论坛在杭州举行', 'https://example.org/news/a.html', 'news-a'],
				['Figure', '2022', 'Hangzhou', 'Training', '<培训教师>', '培训教师', 12000, 'person-times', null, 'Hangzhou', null, null, '累计培训教师1.2万人次', '论坛在杭州举行', 'https://example.org/news/a.html', 'news-a']
			]
		]
	])('names its columns and words in %s; every row carries its source title, address and id', (lang, header, rows) => {
		const t = table(lang);
		expect(t.header).toEqual(header);
		expect(t.rows).toEqual(rows);
		expect(t.rows.every((r) => r.length === header.length)).toBe(true);
	});

	test('a document without a title is named by its file, one without an address leaves the cell empty', () => {
		const c = sampleContent();
		c.metrics[0] = { ...c.metrics[0]!, docId: 'news-b' };
		const f = filterFacts(c, NO_FILTERS);
		const row = csvTable(exploreRows(f).filter((r) => r.docId === 'news-b'), f.docById, catalogue('zh-CN'), 'zh-CN').rows[0]!;
		expect(row.slice(-3)).toEqual(['news-b.html', null, 'news-b']);
	});

	test('the exported text still neutralises formulas in any column, the address included', () => {
		const c = sampleContent();
		c.documents[0]!.sourceUrl = '=HYPERLINK("http://x")';
		const f = filterFacts(c, NO_FILTERS);
		const t = csvTable(exploreRows(f), f.docById, catalogue('en'), 'en');
		const csv = toCsv(t.header, t.rows);
		expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
		expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
	});
});

describe('sortRows', () => {
	// Cells drawn from small pools, so rows tie often; text with Traditional, full-width and Latin forms.
	const texts = ['2022', '2022-10', '2022-10-18', '2021-01-05', '杭州市', '北京市', '培训', '培訓', 'ABC', 'abc', 'ＡＢＣ', '', ' ', '人次', '全国'];
	const row = fc.record({
		id: fc.string(),
		type: fc.constantFrom('metric', 'meeting'),
		date: fc.option(fc.constantFrom(...texts)),
		region: fc.option(fc.constantFrom(...texts)),
		category: fc.option(fc.constantFrom('training', 'institution', 'funding')),
		value: fc.option(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }))),
		unit: fc.option(fc.constantFrom('人', '所')),
		qualifier: fc.constant(null),
		text: fc.constantFrom(...texts),
		docId: fc.constantFrom('a', 'b', 'B', '0001'),
		subject: fc.option(fc.constantFrom(...texts)),
		indicator: fc.option(fc.constantFrom(...texts)),
		scope: fc.option(fc.constantFrom(...texts)),
		change: fc.option(fc.constantFrom('increase', 'decrease')),
		part: fc.option(fc.boolean()),
		reviewed: fc.constant(null)
	}) as fc.Arbitrary<ExploreRow>;
	const keys: SortKey[] = ['type', 'date', 'region', 'category', 'value', 'text', 'docId', 'subject', 'indicator', 'scope', 'change', 'part'];

	test('orders as comparing each pair of cells does (stable, empty cells last)', () => {
		fc.assert(
			fc.property(fc.array(row, { maxLength: 60 }), fc.constantFrom(...keys), fc.constantFrom('asc', 'desc'), (rows, key, dir) => {
				expect(sortRows(rows, key, dir)).toEqual(sortPairwise(rows, key, dir === 'asc' ? 1 : -1));
			}),
			{ numRuns: 400, seed: 17 }
		);
	});
});
