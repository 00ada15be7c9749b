// The division a figure describes (FORMAT.md: `scope`): the division its clause names — a place
// (其中滨州市8所), a list of places (北京、天津有9所 → the country), provinces by short names
// (京津两地), 全国 — else one named earlier in its sentence; null when that is the document's own
// region. Venues (在X举行) and places inside institution names (北京理工大学) describe no figure.

import { cityOf, provinceOf } from '../geo/gazetteer.ts';
import { abbreviatedProvinces, commonDivision, NATIONAL } from './region.ts';
import type { PlaceMention, Span } from './types.ts';
import { everyMatchHolds, hasCode, holdsCode } from './chars.ts';
import { firstStartingAt } from './spans.ts';
import { outsideMainland } from './places.ts';

export interface ScopeInput {
	norm: string;
	/** where the figure's sentence starts */
	sentenceStart: number;
	/** where the figure's clause starts and ends */
	clauseStart: number;
	clauseEnd: number;
	/** the number's start and the unit's end */
	start: number;
	end: number;
	/** the document's division references (scopeRefs), sorted by start */
	refs: readonly Ref[];
	/** the document's region */
	regionCode: string | null;
}

/** A division named in the text: a place, provinces by short names, 全国/全省 …; `weak` marks a venue. */
export interface Ref {
	start: number;
	end: number;
	code: string;
	/** a venue (在X举行) or a division that only names an institution: not a figure's scope */
	weak: boolean;
}

/** After a place: the rest of an institution's name (北京理工大学, 天津市人民政府, 北京某某科技发展股份有限公司). */
const INSTITUTION_AFTER = /^[^\s,，。、；;：:和及与的在\d]{0,16}?(?:大学|学院|学校|中学|职专|职高|职教中心|集团|公司|医院|研究院|政府|教育局|教育厅|教委|职教社|职业教育社|学会|协会|电视台|日报)/;
/** A count of the divisions a list just named (广东、江苏两省). */
const COUNTED_DIVISIONS = /^[两二三四五六七八九十]{1,2}(?:省|市|县|区|地)/;
/** Words that stand for a division: the country, or the document's own province, city or county. */
// 省内 opening its words (省内14个市) stands for the province as 全省 does; 省内外 and 城市内 do not
const WHOLE = /全国|我国|教育部|[全我本]([省市区县])(?![场域长委])|(?<![\u4e00-\u9fff])([省市区县])内(?![外容涵部])/g;
const AUTONOMOUS = new Set(['150000', '450000', '540000', '640000', '650000']);

/** The division 全省 / 全市 … stands for, given the document's region. */
function wholeOf(level: string, region: string | null): string | null {
	if (!region || region === NATIONAL) return null;
	if (level === '省') return provinceOf(region)?.code ?? null;
	if (level === '市') return cityOf(region)?.code ?? null;
	if (level === '区' && AUTONOMOUS.has(region.slice(0, 2) + '0000')) return provinceOf(region)?.code ?? null;
	return region;
}

/** Words that may open a clause before the division it is about (来自全国…, 其中滨州市…, 目前通辽市…). */
const TOPIC_LEAD = /^(?:来自|其中|目前|现在|截至目前|由|据|经|同时|此外|另外|在)?$/;
/** After a place: the rest of a title or a ranking (全国技术能手, 全国第一; 第一届 is an ordinal), not a division described. */
const NOT_SCOPE_AFTER = /^[^,，。；;、在]{0,8}?(?:第一(?![届次批期])|前列|领先|首位|一流|能手|模范|标兵|先进|称号|委员会|协会|学会|联合会|总会|工会|组织|兵团|大赛|比赛|竞赛|联赛)/;

/** Every NOT_SCOPE_AFTER match holds one of these (checked when the module loads). */
const NOT_SCOPE_CHARS = '第列领首流手范兵进称会织赛';
if (!everyMatchHolds(NOT_SCOPE_AFTER, NOT_SCOPE_CHARS)) throw new Error('NOT_SCOPE_CHARS is not exact');
/** NOT_SCOPE_AFTER.test(after), the regex (slow to fail: it is tried after each of the first 9 characters) called only where it can match. */
const notScopeAfter = (after: string): boolean => holdsCode(after, NOT_SCOPE_CHARS, 0, after.length) && NOT_SCOPE_AFTER.test(after);
/** After a place: a dateline's date or its 讯/电 (北京4月29日电). */
const DATELINE_AFTER = /^\d{1,2}月\d{1,2}日|^[讯电]/;
/** Whether char code `c` can open a DATELINE_AFTER match: a digit, 讯 or 电. */
const opensDateline = (c: number): boolean => (c >= 48 && c <= 57) || c === XUN || c === DIAN;

/** Words for other countries before a figure of people (东盟国家, 沿线国家, 境外): no division of China holds them. */
const FOREIGN = /东盟|国家和地区|沿线国家|各国|外国|国外|境外|海外|外籍|外方/;
if (!everyMatchHolds(FOREIGN, '国外盟')) throw new Error('FOREIGN: every match must hold 国, 外 or 盟');
/** Whether norm[from, to) holds 国, 外 or 盟 (see FOREIGN). */
function holdsForeignCue(norm: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = norm.charCodeAt(i);
		if (c === GUO || c === WAI || c === MENG) return true;
	}
	return false;
}
const GUO = '国'.charCodeAt(0);
const WAI = '外'.charCodeAt(0);
const MENG = '盟'.charCodeAt(0);

/**
 * The one-character names of provinces that abbreviatedProvinces reads (region.ts keeps them to
 * itself; scope.spec.ts checks this list against it on every code unit).
 */
export const SHORT_NAMES = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔滇藏陕甘青宁新港澳台';
const IS_SHORT_NAME = new Uint8Array(0x10000);
for (let k = 0; k < SHORT_NAMES.length; k++) IS_SHORT_NAME[SHORT_NAMES.charCodeAt(k)] = 1;

/**
 * Whether norm[from, to) holds two short names side by side: abbreviatedProvinces of that text
 * returns nothing otherwise (each run it reports starts with such a pair).
 * Reads every second character (from + 1, from + 3, …) and its neighbours only where it is a
 * short name: of two adjacent characters inside the range, one is read, so no pair is missed.
 */
export function hasShortNamePair(norm: string, from: number, to: number): boolean {
	for (let j = from + 1; j < to; j += 2) {
		if (!IS_SHORT_NAME[norm.charCodeAt(j)]) continue;
		if (IS_SHORT_NAME[norm.charCodeAt(j - 1)] || (j + 1 < to && IS_SHORT_NAME[norm.charCodeAt(j + 1)])) return true;
	}
	return false;
}


/**
 * The division references inside the given ranges of a document (the sentences of its figures),
 * in text order: places (not inside an institution's name, a title, a ranking or a dateline; a
 * venue after 在 marked weak), provinces by short names (京津两地) and 全国 / 全省 / 我市 … words.
 * Ranges must be sorted and disjoint; only the text near figures is read.
 * @example scopeRefs(norm, [{ start: 0, end: 40 }], places, '370000')
 */
export function scopeRefs(norm: string, ranges: readonly Span[], places: readonly PlaceMention[], regionCode: string | null): Ref[] {
	const raw: Ref[] = [];
	for (const range of ranges) {
		for (let i = firstStartingAt(places, range.start); i < places.length && places[i]!.end <= range.end; i++) {
			const p = places[i]!;
			const after = norm.slice(p.end, p.end + 14);
			// (甲、乙两省教育厅: a list's count of divisions, the bodies of each, not one institution's name)
			if ((INSTITUTION_AFTER.test(after) && !COUNTED_DIVISIONS.test(after)) || notScopeAfter(after) || (opensDateline(after.charCodeAt(0)) && DATELINE_AFTER.test(after))) continue;
			const c1 = norm.charCodeAt(p.start - 1);
			// 新华社北京4月29日电: a dateline
			if (DATELINE_BEFORE.has(c1)) continue;
			const c0 = c1 === SHENG || c1 === SHI ? norm.charCodeAt(p.start - 2) : c1;
			const venue = c0 === ZAI || c0 === YU;
			// Taiwan, Hong Kong and Macao are no division the documents' places count: a figure there is the country's
			raw.push({ start: p.start, end: p.end, code: outsideMainland(p.code) ? NATIONAL : p.code, weak: venue });
		}
		const text = norm.slice(range.start, range.end);
		// abbreviatedProvinces finds nothing without two short names side by side: a scan of norm
		// itself (reading the slice costs more per character) tells the ranges worth its call
		if (hasShortNamePair(norm, range.start, range.end)) for (const a of abbreviatedProvinces(text)) raw.push({ start: range.start + a.start, end: range.start + a.end, code: commonDivision(a.codes) ?? NATIONAL, weak: false });
		WHOLE.lastIndex = 0;
		for (let m = WHOLE.exec(text); m; m = WHOLE.exec(text)) {
			if (notScopeAfter(text.slice(m.index + m[0].length, m.index + m[0].length + 10))) continue;
			const level = m[1] ?? m[2];
			const code = level ? wholeOf(level, regionCode) : NATIONAL;
			if (code) raw.push({ start: range.start + m.index, end: range.start + m.index + m[0].length, code, weak: false });
		}
	}
	return raw.sort((a, b) => a.start - b.start);
}

/**
 * The last of the references inside norm[from, to), lists (A、B和C) merged into one and adjacent
 * names narrowed; with `topicsOf`, the last that is not a venue and opens its clause in the
 * sentence starting there (isTopic). Only the reference being merged is kept, not the list.
 */
function lastRefIn(input: ScopeInput, from: number, to: number, topicsOf: number | null = null): Ref | undefined {
	const { norm, refs } = input;
	// the reference being merged and the last merged one accepted, in locals: no object is made
	// per reference read, only the one returned
	let merging = false;
	let start = 0;
	let end = 0;
	let code = '';
	let weak = false;
	let found = false;
	let foundStart = 0;
	let foundEnd = 0;
	let foundCode = '';
	let foundWeak = false;
	for (let i = firstStartingAt(refs, from); i < refs.length && refs[i]!.end <= to; i++) {
		const r = refs[i]!;
		if (merging) {
			// the gap between the names, read by char code (no slice): empty when they touch or overlap
			const gap = Math.max(0, r.start - end);
			const c = norm.charCodeAt(end);
			// adjacent names narrow (宁夏银川市西夏区 → 西夏区)
			if (weak === r.weak && (gap === 0 || (gap === 1 && (c === SHENG || c === SHI)))) {
				end = r.end;
				code = r.code;
				continue;
			}
			// names joined by 、和及与 are one list (→ their common division)
			if ((gap === 1 && hasCode('、和及与,，', c)) || (gap === 2 && norm.startsWith('以及', end))) {
				end = r.end;
				code = commonDivision([code, r.code]) ?? NATIONAL;
				continue;
			}
			// the merged reference is complete
			if (accepted(norm, start, weak, topicsOf)) (found = true), (foundStart = start), (foundEnd = end), (foundCode = code), (foundWeak = weak);
		}
		merging = true;
		start = r.start;
		end = r.end;
		code = r.code;
		weak = r.weak;
	}
	if (merging && accepted(norm, start, weak, topicsOf)) return { start, end, code, weak };
	return found ? { start: foundStart, end: foundEnd, code: foundCode, weak: foundWeak } : undefined;
}

/** Whether lastRefIn takes a merged reference: any, or with `topicsOf`, one that is no venue and opens its clause. */
function accepted(norm: string, start: number, weak: boolean, topicsOf: number | null): boolean {
	return topicsOf === null || (!weak && isTopic(norm, start, topicsOf));
}

/** Whether a reference opens its clause (the clause's topic), so it sets the scope of what follows. */
function isTopic(norm: string, refStart: number, sentenceStart: number): boolean {
	// the clause opens at most a few words before a topic: look back no further than that
	let i = refStart;
	const stop = Math.max(sentenceStart, refStart - 6);
	while (i > stop && !CLAUSE_MARK.has(norm.charCodeAt(i - 1))) i--;
	if (i > sentenceStart && !CLAUSE_MARK.has(norm.charCodeAt(i - 1))) return false;
	// TOPIC_LEAD's words are at most four characters
	return refStart - i <= 4 && TOPIC_LEAD.test(norm.slice(i, refStart));
}

const DENG = '等'.charCodeAt(0);

/** The common division of the references in the figure's clause before it, when they differ from `last`'s. */
function examplesRef(input: ScopeInput, last: Ref): Ref {
	const codes: string[] = [];
	for (let i = firstStartingAt(input.refs, input.clauseStart); i < input.refs.length && input.refs[i]!.end <= input.start; i++) {
		const r = input.refs[i]!;
		if (!r.weak) codes.push(r.code);
	}
	const common = codes.length >= 2 ? commonDivision(codes) : null;
	return common && common !== last.code ? { ...last, code: common } : last;
}

/** The reference starting at `pos`, when it is not a venue. */
function refAt(input: ScopeInput, pos: number): Ref | undefined {
	const i = firstStartingAt(input.refs, pos);
	const r = input.refs[i];
	return r && r.start === pos && !r.weak ? r : undefined;
}

/** Characters before a place in a dateline (新华社北京…电, 中新网…), by char code. */
const DATELINE_BEFORE = new Set([...'社网报台'].map((c) => c.charCodeAt(0)));
const SHENG = '省'.charCodeAt(0);
const SHI = '市'.charCodeAt(0);
const ZAI = '在'.charCodeAt(0);
const YU = '于'.charCodeAt(0);
const XUN = '讯'.charCodeAt(0);
const DIAN = '电'.charCodeAt(0);

/** Marks that end a clause, by char code. */
const CLAUSE_MARK = new Set([...',，:：;；'].map((c) => c.charCodeAt(0)));

/**
 * Whether the words norm[nearFrom, start) before a figure ending at `end` speak of other countries:
 * those who come from there (来自…国家的), or people of those countries named right before the number (各国17位部长).
 */
function foreignBefore(norm: string, nearFrom: number, start: number, end: number): boolean {
	// (every FOREIGN match holds 国, 外 or 盟: the words are sliced and read only when they hold one)
	if (!holdsForeignCue(norm, nearFrom, start)) return false;
	const near = norm.slice(nearFrom, start);
	return FOREIGN.test(near) && (near.includes('来自') || (hasCode('名位人', norm.charCodeAt(end - 1)) && FOREIGN.test(near.slice(-6))));
}

/**
 * scopeOf for a document whose figures' sentences name no division (no refs): only a clause about
 * other countries gives a scope then. Same answer as scopeOf with refs empty, without its input object.
 */
export function scopeWithoutRefs(norm: string, clauseStart: number, start: number, end: number, regionCode: string | null): string | null {
	return foreignBefore(norm, Math.max(clauseStart, start - 24), start, end) ? (regionCode === NATIONAL ? null : NATIONAL) : null;
}

/**
 * The scope of a figure: the division its clause names (nearest before the number, else after
 * it in the clause), else the nearest one named earlier in its sentence; null when that is the
 * document's region or nothing is named.
 * @example scopeOf({ norm: '其中滨州市8所', … regionCode: '370000' }) // '371600'
 */
export function scopeOf(input: ScopeInput): string | null {
	const { norm, sentenceStart, clauseStart, start, regionCode } = input;
	// the clause before the number: the nearest division, a venue included (在天津已连续举办3届)
	let ref = lastRefIn(input, clauseStart, start);
	// examples closed by 等 that name divisions in several items (甲县的A、乙市的B等4个): all of them
	if (ref && norm.charCodeAt(start - 1) === DENG) ref = examplesRef(input, ref);
	// 东盟国家的380位代表, 来自境外的: a clause about other countries counts beyond any division (the country)
	// (named after the clause's nearest division, if any: 来自中国、某国等东盟国家的; people, not what a
	// region built abroad: 在海外建成的20个鲁班工坊 are the region's)
	if (foreignBefore(norm, Math.max(ref ? ref.end : clauseStart, start - 24), start, input.end)) return regionCode === NATIONAL ? null : NATIONAL;
	// a division right after the measure word names whose the counted are (27名西藏选手)
	if (!ref) ref = refAt(input, input.end);
	// else the topic of an earlier clause of the sentence (通辽市目前拥有…，特色产业学院11个)
	if (!ref && sentenceStart < clauseStart) {
		ref = lastRefIn(input, sentenceStart, clauseStart, sentenceStart);
	}
	if (!ref || ref.code === regionCode) return null;
	return ref.code;
}
