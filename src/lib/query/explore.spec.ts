import { describe, expect, test } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import { NO_FILTERS } from '../state/filters.ts';
import { csvCell, exploreRows, searchRows, sortRows, toCsv } from './explore.ts';
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
