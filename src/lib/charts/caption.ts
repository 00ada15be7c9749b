// What a saved chart says about itself: its title, the filters it was drawn under, its unit, how
// current its data is and how many documents it rests on — composed onto the exported image so the
// picture still makes sense in a slide or a report, away from the dashboard. Pure: the words come
// in through `t` (the interface catalogue), so the same code is tested in Node in both languages.
import { localeDate } from '../i18n/dates.ts';
import { unitLabel } from '../i18n/units.ts';
import { placeName } from '../geo/gazetteer.ts';
import type { Filters } from '../state/filters.ts';

/** A message from the interface catalogue (svelte-i18n's `$_`). */
export type Translate = (key: string, options?: { values?: Record<string, string | number> }) => string;

/** One thing the picture is limited to: 地区：重庆市. */
export interface Facet {
	label: string;
	value: string;
}

export interface CaptionInput {
	/** the chart's title as the page shows it */
	title: string;
	/** the global filters in force */
	filters: Filters;
	/** what the chart itself adds (its indicator, the map's measure), in the interface language */
	extra?: readonly Facet[];
	/** the unit as the corpus writes it (人次); null when the chart counts things of several kinds */
	unit?: string | null;
	/** the newest document's date (ISO), null when no document has one */
	asOf: string | null;
	/** how many documents the drawn data comes from */
	sources: number;
}

/** The caption's text: a title, one line of filters, one line of unit, date, sources and app. */
export interface Caption {
	title: string;
	filters: string;
	footer: string;
}

/** The whole country's code in the filters (see FilterBar). */
const NATIONAL = '100000';

/**
 * The active filters as facets in the interface language; none set → 筛选：全部数据.
 * @example filterFacets({ ...NO_FILTERS, from: 2023, to: 2023 }, t, 'zh-CN') // [{ label: '年份', value: '2023年' }]
 */
export function filterFacets(f: Filters, t: Translate, locale: string): Facet[] {
	const facets: Facet[] = [];
	const years = yearRange(f.from, f.to, t);
	if (years) facets.push({ label: t('export.years'), value: years });
	if (f.region) facets.push({ label: t('filters.region'), value: f.region === NATIONAL ? t('indicator.national') : placeName(f.region, locale) });
	if (f.category) facets.push({ label: t('filters.category'), value: t(`category.${f.category}`) });
	if (f.kind) facets.push({ label: t('filters.kind'), value: t(`kind.${f.kind}`) });
	return facets.length ? facets : [{ label: t('filters.label'), value: t('export.allData') }];
}

function yearRange(from: number | null, to: number | null, t: Translate): string | null {
	if (from == null && to == null) return null;
	if (from != null && to != null) return from === to ? t('export.year', { values: { year: from } }) : t('export.yearRange', { values: { from, to } });
	return from != null ? t('export.yearFrom', { values: { year: from } }) : t('export.yearTo', { values: { year: to! } });
}

/**
 * Facets as one line: 年份：2019—2023年 · 地区：重庆市.
 * @example facetLine([{ label: '地区', value: '重庆市' }], t) // '地区：重庆市'
 */
export function facetLine(facets: readonly Facet[], t: Translate): string {
	return facets.map((f) => t('export.facet', { values: { label: f.label, value: f.value } })).join(t('export.separator'));
}

/**
 * The caption of a saved chart, every word in the interface language (`locale`).
 * @example exportCaption({ title: '成果按年份', filters: NO_FILTERS, unit: '人次', asOf: '2023-08-11', sources: 12 }, t, 'zh-CN')
 *   // { title: '成果按年份', filters: '筛选：全部数据', footer: '单位：人次 · 数据截至 2023年8月11日 · 来源文档 12 篇 · 职教数据看板' }
 */
export function exportCaption(input: CaptionInput, t: Translate, locale: string): Caption {
	const facets = [...filterFacets(input.filters, t, locale), ...(input.extra ?? [])];
	const footer: string[] = [];
	if (input.unit != null) {
		const unit = locale.startsWith('zh') ? input.unit : unitLabel(input.unit, locale) || t('units.bare');
		footer.push(t('export.unit', { values: { unit } }));
	}
	footer.push(input.asOf ? t('export.asOf', { values: { date: localeDate(input.asOf, locale) } }) : t('export.noDate'));
	footer.push(t('export.sources', { values: { n: input.sources } }));
	footer.push(t('app.name'));
	return {
		title: input.title,
		filters: facetLine(facets, t),
		footer: footer.join(t('export.separator'))
	};
}

/** Characters a line may break before or after without a space: CJK ideographs, kana, hangul and full-width punctuation. */
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/**
 * Cuts `text` into lines no wider than `maxWidth` as `measure` reports widths: between words, and
 * between any two CJK characters; a word wider than a line is cut where it must be.
 * @example wrapText('会议 培训', 40, (s) => s.length * 10) // ['会议 ', '培训']
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
	// Tokens: one CJK character, or a run of other non-space characters; trailing spaces stay with it.
	const tokens = text.match(/(?:[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+|\s+)/g) ?? [];
	const lines: string[] = [];
	let line = '';
	const push = () => {
		if (line.trim()) lines.push(line.trimEnd());
		line = '';
	};
	for (const token of tokens) {
		if (/^\s+$/.test(token)) {
			if (line) line += token;
			continue;
		}
		if (measure((line + token).trimEnd()) <= maxWidth) {
			line += token;
			continue;
		}
		// A CJK line keeps closing punctuation with the character before it rather than starting a line with it.
		if (line && !(CJK.test(token) && /^[，。、；：！？）》」』,.;:!?)]$/.test(token))) push();
		if (measure(token) <= maxWidth) {
			line += token;
			continue;
		}
		for (const ch of token) {
			if (line && measure(line + ch) > maxWidth) push();
			line += ch;
		}
	}
	push();
	return lines;
}

/** One line of a band, in CSS pixels from the band's top-left. */
export interface CaptionLine {
	text: string;
	font: string;
	/** baseline-middle y */
	y: number;
	color: string;
}

export interface CaptionLayout {
	header: CaptionLine[];
	headerHeight: number;
	footer: CaptionLine[];
	footerHeight: number;
	/** left and right padding */
	padding: number;
}

export const CAPTION_FONT = `'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif`;
const TITLE = { size: 18, weight: '700', color: '#1d2733' };
const FILTERS = { size: 13, weight: '400', color: '#1d2733' };
const FOOTER = { size: 12, weight: '400', color: '#5b6776' };
const PADDING = 16;
const LEADING = 1.45;

/**
 * Where each caption line goes on an image `width` CSS pixels wide: a header band (title, filters)
 * above the plot and a footer band (unit, date, sources) below it, lines wrapped to fit.
 * @example layoutCaption(caption, 600, (text, font) => ctx.measureText(text).width).headerHeight
 */
export function layoutCaption(caption: Caption, width: number, measure: (text: string, font: string) => number): CaptionLayout {
	const inner = Math.max(40, width - 2 * PADDING);
	const band = (parts: Array<{ text: string; style: typeof TITLE }>, top: number) => {
		const lines: CaptionLine[] = [];
		let y = top;
		for (const { text, style } of parts) {
			const font = `${style.weight} ${style.size}px ${CAPTION_FONT}`;
			const step = style.size * LEADING;
			for (const line of wrapText(text, inner, (s) => measure(s, font))) {
				lines.push({ text: line, font, y: y + step / 2, color: style.color });
				y += step;
			}
		}
		return { lines, height: y - top };
	};
	const header = band(
		[
			{ text: caption.title, style: TITLE },
			{ text: caption.filters, style: FILTERS }
		],
		PADDING
	);
	const footer = band([{ text: caption.footer, style: FOOTER }], PADDING / 2);
	return {
		header: header.lines,
		headerHeight: Math.ceil(header.height + PADDING + PADDING / 2),
		footer: footer.lines,
		footerHeight: Math.ceil(footer.height + PADDING),
		padding: PADDING
	};
}
