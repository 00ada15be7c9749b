import { get } from 'svelte/store';
import { describe, expect, test } from 'vitest';
import { _, locale } from '../i18n/index.ts';
import { NO_FILTERS, type Filters } from '../state/filters.ts';
import { exportCaption, layoutCaption, wrapText, type CaptionInput, type Translate } from './caption.ts';

/** The app's own catalogues, formatted by svelte-i18n as the interface formats them. */
function catalogue(lang: 'zh-CN' | 'en'): Translate {
	locale.set(lang);
	const format = get(_);
	return (key, options) => format(key, options);
}

const base: CaptionInput = { title: 'T', filters: NO_FILTERS, unit: null, asOf: '2023-08-11', sources: 12 };
const f = (patch: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...patch });

describe('exportCaption', () => {
	test.each<[string, 'zh-CN' | 'en', Partial<CaptionInput>, { filters: string; footer: string }]>([
		['no filters', 'zh-CN', {}, { filters: '筛选：全部数据', footer: '数据截至 2023年8月11日 · 来源文档 12 篇 · 职教数据看板' }],
		['no filters', 'en', {}, { filters: 'Filters: all data', footer: 'Data as of Aug 11, 2023 · 12 source documents · Vocational Education Dashboard' }],
		['one year', 'zh-CN', { filters: f({ from: 2023, to: 2023 }) }, { filters: '年份：2023年', footer: '数据截至 2023年8月11日 · 来源文档 12 篇 · 职教数据看板' }],
		['a year range', 'en', { filters: f({ from: 2019, to: 2023 }) }, { filters: 'Years: 2019–2023', footer: 'Data as of Aug 11, 2023 · 12 source documents · Vocational Education Dashboard' }],
		['an open start', 'zh-CN', { filters: f({ from: 2019 }) }, { filters: '年份：2019年起', footer: '数据截至 2023年8月11日 · 来源文档 12 篇 · 职教数据看板' }],
		['an open end', 'en', { filters: f({ to: 2020 }) }, { filters: 'Years: up to 2020', footer: 'Data as of Aug 11, 2023 · 12 source documents · Vocational Education Dashboard' }],
		[
			'region, category, kind, an indicator and a unit',
			'zh-CN',
			{ filters: f({ region: '500000', category: 'training', kind: 'news' }), extra: [{ label: '指标', value: '培训人次' }], unit: '人次' },
			{ filters: '地区：重庆市 · 类别：培训 · 文档类型：新闻 · 指标：培训人次', footer: '单位：人次 · 数据截至 2023年8月11日 · 来源文档 12 篇 · 职教数据看板' }
		],
		[
			'region, category, kind, an indicator and a unit',
			'en',
			{ filters: f({ region: '500000', category: 'training', kind: 'news' }), extra: [{ label: 'Indicator', value: 'Trainees' }], unit: '人次' },
			{
				filters: 'Region: Chongqing · Category: Training · Document kind: News · Indicator: Trainees',
				footer: 'Unit: person-times · Data as of Aug 11, 2023 · 12 source documents · Vocational Education Dashboard'
			}
		],
		['the whole country', 'zh-CN', { filters: f({ region: '100000' }) }, { filters: '地区：全国', footer: '数据截至 2023年8月11日 · 来源文档 12 篇 · 职教数据看板' }],
		['the whole country', 'en', { filters: f({ region: '100000' }) }, { filters: 'Region: Whole country', footer: 'Data as of Aug 11, 2023 · 12 source documents · Vocational Education Dashboard' }],
		['a bare count, one source, no date', 'en', { unit: '个', sources: 1, asOf: null }, { filters: 'Filters: all data', footer: 'Unit: count · Data date unknown · 1 source document · Vocational Education Dashboard' }],
		['a bare count, thousands of sources, no date', 'zh-CN', { unit: '个', sources: 12345, asOf: null }, { filters: '筛选：全部数据', footer: '单位：个 · 数据日期不详 · 来源文档 12,345 篇 · 职教数据看板' }]
	])('%s (%s)', (_name, lang, patch, expected) => {
		const caption = exportCaption({ ...base, ...patch }, catalogue(lang), lang);
		expect(caption).toEqual({ title: 'T', ...expected });
	});
});

/** A monospace measure: every character 10 px, CJK the same. */
const mono = (s: string) => [...s].length * 10;

describe('wrapText', () => {
	test.each<[string, string, number, string[]]>([
		['fits on one line', 'Years: 2023', 200, ['Years: 2023']],
		['breaks between words', 'Region: Chongqing · Category: Training', 200, ['Region: Chongqing ·', 'Category: Training']],
		['breaks between CJK characters', '地区：重庆市 · 类别：培训', 60, ['地区：重庆市', '· 类别：培', '训']],
		['keeps closing punctuation with its character', '一二三四五，六', 50, ['一二三四五，', '六']],
		['cuts a word longer than a line', 'https://example.org/x', 100, ['https://ex', 'ample.org/', 'x']],
		['drops blank text', '   ', 100, []],
		['mixes scripts', '来源 12 documents', 80, ['来源 12', 'document', 's']]
	])('%s', (_name, text, width, lines) => {
		const out = wrapText(text, width, mono);
		expect(out).toEqual(lines);
		for (const line of out) if (!/，$/.test(line)) expect(mono(line)).toBeLessThanOrEqual(width);
	});
});

describe('layoutCaption', () => {
	const caption = { title: '成果按年份', filters: '筛选：全部数据', footer: '数据截至 2023年8月11日 · 来源文档 12 篇' };
	test('puts the title and filters in the header band and the rest in the footer band', () => {
		const layout = layoutCaption(caption, 800, (s) => mono(s));
		expect(layout.header.map((l) => l.text)).toEqual(['成果按年份', '筛选：全部数据']);
		expect(layout.footer.map((l) => l.text)).toEqual(['数据截至 2023年8月11日 · 来源文档 12 篇']);
		expect(layout.header[0]!.font).toMatch(/^700 18px/);
		expect(layout.headerHeight).toBeGreaterThan(18 + 13);
		expect(layout.header.every((l) => l.y < layout.headerHeight)).toBe(true);
		expect(layout.footer.every((l) => l.y < layout.footerHeight)).toBe(true);
	});
	test('a narrow image gets more lines and taller bands', () => {
		const wide = layoutCaption(caption, 800, (s) => mono(s));
		const narrow = layoutCaption(caption, 80, (s) => mono(s));
		expect(narrow.footer.length).toBeGreaterThan(1);
		expect(narrow.footerHeight).toBeGreaterThan(wide.footerHeight);
		expect(narrow.headerHeight).toBeGreaterThan(wide.headerHeight);
	});
});
