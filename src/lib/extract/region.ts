// The division whose work a document reports (FORMAT.md, "What a figure counts, where …"):
// the reporting body's area, else the area of the event. A national body (中华职业教育社, 教育部,
// 中国职业技术教育学会) or a 全国 event reports for the whole country (100000); a 全省 report for
// its province; an event named after a division (宣城市首届…大赛) for that division, wherever
// its venue lies.

import { division, isWithin, lookupName, provinceOf, cityOf, parentOf } from '../geo/gazetteer.ts';
import { fold } from './fold.ts';
import { findPlaces } from './places.ts';
import type { PlaceMention, Span } from './types.ts';
import { hasCode } from './chars.ts';
import { firstStartingAt } from './spans.ts';

/** The code of the whole country. */
export const NATIONAL = '100000';

export interface RegionInput {
	norm: string;
	body: Span[];
	/** place mentions of the body, in text order */
	places: PlaceMention[];
	/** the span of the title line when the page has a title, else null */
	title: Span | null;
	/** meetings reported as held, in text order: their names and venues */
	meetings: ReadonlyArray<{ name: string; venueCode: string | null; start: number }>;
}

/** One-character names of provinces, as in 川渝两地, 京津冀, 粤黔协作. */
const PROVINCE_ABBR: Record<string, string> = {
	京: '110000', 津: '120000', 冀: '130000', 晋: '140000', 蒙: '150000', 辽: '210000', 吉: '220000', 黑: '230000',
	沪: '310000', 苏: '320000', 浙: '330000', 皖: '340000', 闽: '350000', 赣: '360000', 鲁: '370000', 豫: '410000',
	鄂: '420000', 湘: '430000', 粤: '440000', 桂: '450000', 琼: '460000', 渝: '500000', 川: '510000', 蜀: '510000',
	黔: '520000', 滇: '530000', 藏: '540000', 陕: '610000', 甘: '620000', 青: '630000', 宁: '640000', 新: '650000',
	港: '810000', 澳: '820000', 台: '710000'
};
/** Characters that may follow a run of short names for it to name provinces (川渝两地, 川渝杯, 京津5所). */
const ABBR_AFTER = /^(?:两地|两省|三省|四省|[两三四五]省[区市]|杯|协作|合作|对口|地区|\d)/;
/** The characters an ABBR_AFTER match starts with (keep in step with it). */
const ABBR_AFTER_FIRST = '两三四五杯协合对地0123456789';
/** Full names that begin like a run of short names (辽宁 is not 辽 + 宁). */
const FULL_NAMES = ['辽宁', '吉林', '宁夏', '青海', '台湾', '新疆', '天津', '北京', '南京', '新津', '青岛'];
/** Short-name characters by char code, so the scan tests one array cell per character. */
const IS_ABBR = new Uint8Array(0x10000);
for (const c of Object.keys(PROVINCE_ABBR)) IS_ABBR[c.charCodeAt(0)] = 1;

/**
 * Provinces named together by their one-character names (川渝两地, “川渝杯”, 粤黔协作), with the span of each run.
 * @example abbreviatedProvinces('川渝两地78所学校')[0].codes // ['510000', '500000']
 */
export function abbreviatedProvinces(s: string): Array<{ start: number; end: number; codes: string[] }> {
	const out: Array<{ start: number; end: number; codes: string[] }> = [];
	for (let i = 0; i < s.length - 1; i++) {
		if (!IS_ABBR[s.charCodeAt(i)] || !IS_ABBR[s.charCodeAt(i + 1)]) continue;
		let j = i + 2;
		while (j < s.length && j - i < 4 && IS_ABBR[s.charCodeAt(j)]) j++;
		// the longest run of 2–4 followed by a word that makes it a list of provinces
		let end = -1;
		for (let k = j; k >= i + 2; k--) {
			if (hasCode(ABBR_AFTER_FIRST, s.charCodeAt(k)) && ABBR_AFTER.test(s.slice(k, k + 4))) {
				end = k;
				break;
			}
		}
		if (end < 0) {
			i = j - 1;
			continue;
		}
		const run = s.slice(i, end);
		const pre = s.slice(Math.max(0, i - 1), i + 1);
		if (!FULL_NAMES.some((n) => run.includes(n)) && !(pre.length === 2 && FULL_NAMES.includes(pre))) {
			const codes = [...new Set([...run].map((c) => PROVINCE_ABBR[c]!))];
			if (codes.length >= 2) out.push({ start: i, end, codes });
		}
		i = end - 1;
	}
	return out;
}

/**
 * The smallest division containing every code (a province and its city → the province;
 * two provinces → the country).
 * @example commonDivision(['371600', '371300']) // '370000'
 */
export function commonDivision(codes: readonly string[]): string | null {
	if (codes.length === 0) return null;
	const chain = (c: string): string[] => {
		const out = [c];
		for (let p = parentOf(c); p; p = parentOf(p.code)) out.push(p.code);
		out.push(NATIONAL);
		return out;
	};
	let common = chain(codes[0]!);
	for (const c of codes.slice(1)) {
		if (c === NATIONAL) return NATIONAL;
		const set = new Set(chain(c));
		common = common.filter((x) => set.has(x));
	}
	return common[0] ?? NATIONAL;
}

/** National bodies reporting their own work, and events of the whole country. */
const NATIONAL_BODY = /中华职业教育社|中华职教社|中国职业技术教育学会|中国职教学会|中国[^，,。、\s]{0,6}(?:研究院|学会|协会)|教育部(?:召开|举行|举办|发布|印发|介绍|新闻|例行)|从教育部|全国[^，,。、\s]{0,10}(?:集团|联席会议|学会|协会)|[我全]国共有|全国有|^我国/;
/** Characters that make a following 中华职业教育社 a local branch (湖南中华职业教育社, 省中华职教社). */
const LOCAL_BEFORE = /[省市县区州盟南北东西江川海港澳岛门]$/;
/** 全国 … in the name of a meeting or a group: the country's event. */
// (中国(河南)—东盟…: a province named in brackets after 中国 holds the event, not the country)
const NATIONAL_EVENT = /全国|中国(?![-—–与和]|[(（][\u4e00-\u9fff]{2,8}[)）])/;

/** Characters of the lead (after the headline) searched for a national body. */
const LEAD = 260;
const LEAD_SENTENCES = 3;
const FULL_STOP = '。'.charCodeAt(0);

/** A local branch of a national body named in the headline (重庆市中华职业教育社): its division. */
function localBranch(norm: string, s: string, offset: number, places: readonly PlaceMention[]): string | null {
	const m = /中华职业教育社|中华职教社|职业教育学会|职业技术教育学会|教育局|教育厅/.exec(s);
	if (!m) return null;
	const at = offset + m.index;
	const p = places.find((x) => x.end === at || (x.end === at - 1 && /[省市县区]/.test(norm[at - 1] ?? '')));
	return p ? p.code : null;
}

/** 全省/我省 … phrases by the level they speak for. */
const AUTONOMOUS = new Set(['150000', '450000', '540000', '640000', '650000']);

/** Whether a 中华职业教育社-like match at `at` is a national body, not a local branch named after its area. */
function isNationalAt(norm: string, at: number, places: readonly PlaceMention[]): boolean {
	const pre = norm.slice(Math.max(0, at - 1), at);
	if (LOCAL_BEFORE.test(pre)) return false;
	return !places.some((p) => p.end === at || (p.end === at - 1 && /[省市县区]/.test(norm[at - 1] ?? '')));
}

/** A sentence ending in the attending of its list of guests (…出席会议, …参加了开幕式). */
const GUEST_LIST_END = /(?:出席|参加|莅临|到会)了?(?:会议|大会|活动|仪式|开幕式|论坛|成立大会)?(?:并(?:讲话|致辞))?$/;

/** Verbs of holding an event: a sentence with one names its holder, not only its guests. */
const HOLDS = /主办|承办|举办|召开|组织|发起/;
/** The text with each sentence that lists the guests attending blanked out (offsets kept). */
function withoutGuestLists(s: string): string {
	if (!s.includes('出席') && !s.includes('参加') && !s.includes('莅临') && !s.includes('到会')) return s;
	let out = '';
	let from = 0;
	for (let i = 0; i <= s.length; i++) {
		if (i < s.length && s.charCodeAt(i) !== FULL_STOP) continue;
		const sentence = s.slice(from, i);
		// (not a sentence that also names who holds the event: 由某社主办，…200余人出席活动)
		out += GUEST_LIST_END.test(sentence) && !HOLDS.test(sentence) ? ' '.repeat(sentence.length) : sentence;
		if (i < s.length) out += s[i];
		from = i + 1;
	}
	return out;
}

/**
 * Whether `s` (an excerpt of norm starting at `offset`) first names a national body: the first
 * 中华职业教育社 decides, so a local branch's news that also names the national body stays local.
 */
function namesNationalBody(norm: string, s: string, offset: number, places: readonly PlaceMention[]): boolean {
	const m = NATIONAL_BODY.exec(s);
	if (!m) return false;
	return !/^中华职/.test(m[0]) || isNationalAt(norm, offset + m.index, places);
}

/**
 * The division a run of place names in a name stands for: the deepest of the first chain of
 * adjacent names (宁夏银川市西夏区 → 西夏区), else the first (浙江省暨绍兴市 → 浙江省);
 * several provinces by their short names (川渝杯) → the country.
 */
function namedDivision(text: string, offset: number, places: readonly PlaceMention[], venueAfter = true, doc?: ReadonlyMap<string, number>): string | null {
	// provinces paired for a joint event (川渝杯, 川渝两地); 粤黔协作 is one side's work
	const abbr = abbreviatedProvinces(text).filter((a) => /^(?:杯|两地|两省|三省)/.test(text.slice(a.end)));
	const own = places.filter((p) => {
		if (p.start < offset || p.end > offset + text.length) return false;
		// 在双鸭山市召开: a venue in a headline, not whose work it is
		if (venueAfter && /[在于赴到]$/.test(text.slice(0, p.start - offset))) return false;
		return true;
	});
	if (abbr.length && (own.length === 0 || abbr[0]!.start + offset < own[0]!.start)) return commonDivision(abbr[0]!.codes);
	if (own.length === 0) return null;
	if (doc) {
		// a joint event (山东省…暨青岛市…): the division the document names most, the first on a tie
		const n = (c: string): number => doc.get(c) ?? 0;
		const best = own.reduce((a, b) => (n(b.code) > n(a.code) ? b : a));
		if (best !== own[0]) return best.code;
	}
	let code = own[0]!.code;
	let end = own[0]!.end;
	for (const p of own.slice(1)) {
		if (p.start - end > 1 || !isWithin(p.code, code)) break;
		code = p.code;
		end = p.end;
	}
	return code;
}

const INSTITUTION_NAME = /([\u4e00-\u9fff]{2,8}?)(?:职业技术学院|职业学院|职业技术大学|职业大学|技师学院|职业中专|职业学校|中等专业学校|高等专科学校)/;

/**
 * The division an institution's name starts with (曲阜远东职业技术学院 → 曲阜市), when the name
 * is the first institution of `s` and its first two to four characters name one division only.
 */
function institutionDivision(s: string): string | null {
	const m = INSTITUTION_NAME.exec(s);
	if (!m) return null;
	for (let n = Math.min(4, m[1]!.length); n >= 2; n--) {
		const found = lookupName(m[1]!.slice(0, n));
		if (found.length === 1) return found[0]!.code;
	}
	return null;
}

/**
 * The place mentions of a meeting's name, with offsets into the name: those of the document where
 * the name is written out near the meeting, else the name read on its own.
 */
function placesOfName(norm: string, name: string, near: number, places: readonly PlaceMention[]): PlaceMention[] {
	const at = name ? norm.indexOf(name, Math.max(0, near - name.length - 200)) : -1;
	if (at < 0) return findPlaces(name, [{ start: 0, end: name.length }]);
	const inside = (p: PlaceMention): boolean => p.start >= at && p.end <= at + name.length;
	const shifted = (p: PlaceMention): PlaceMention => ({ ...p, start: p.start - at, end: p.end - at });
	// places in text order (as findPlaces gives them): only those starting in the name are read, not tens of thousands
	let sorted = true;
	for (let i = 1; i < places.length && sorted; i++) sorted = places[i - 1]!.start <= places[i]!.start;
	if (!sorted) return places.filter(inside).map(shifted);
	const out: PlaceMention[] = [];
	for (let i = firstStartingAt(places, at); i < places.length && places[i]!.start < at + name.length; i++) if (inside(places[i]!)) out.push(shifted(places[i]!));
	return out;
}

/** How often the body says 全省 / 全市 / 全区 / 全县 (我省, 本市 …), by level. */
function wholeCounts(norm: string, body: readonly Span[]): Record<string, number> {
	const counts: Record<string, number> = { 省: 0, 市: 0, 区: 0, 县: 0 };
	for (const s of body) {
		for (let i = s.start; i < s.end - 1; i++) {
			const c = norm.charCodeAt(i);
			if (c !== QUAN && c !== WO && c !== BEN) continue;
			// (by char code: 全省 is said thousands of times in a long report)
			const level = norm.charCodeAt(i + 1);
			if (level !== SHENG && level !== SHI && level !== QU && level !== XIAN) continue;
			// 全市场, 全区域, 本市场: not a division
			const after = norm.charCodeAt(i + 2);
			if (after === CHANG || after === YU || after === ZHANG || after === WEI) continue;
			counts[String.fromCharCode(level)]!++;
		}
	}
	return counts;
}
const QUAN = '全'.charCodeAt(0);
const WO = '我'.charCodeAt(0);
const BEN = '本'.charCodeAt(0);
const [SHENG, SHI, QU, XIAN] = [...'省市区县'].map((c) => c.charCodeAt(0));
const [CHANG, YU, ZHANG, WEI] = [...'场域长委'].map((c) => c.charCodeAt(0));

/** How many mentions each division has, by code, in the order each code first comes. */
function countCodes(places: readonly PlaceMention[]): Map<string, number> {
	const n = new Map<string, number>();
	for (const p of places) n.set(p.code, (n.get(p.code) ?? 0) + 1);
	return n;
}

/** The division that 全省 / 全市 / 全区 / 全县 speaks for, from the places the document names. */
function wholeDivision(counts: Record<string, number>, places: readonly PlaceMention[], min = 1, only?: '省', mentions?: () => ReadonlyMap<string, number>): string | null {
	let level = only ?? (['省', '市', '区', '县'] as const).filter((k) => counts[k]! > 0).sort((a, b) => counts[b]! - counts[a]!)[0];
	if (!level || counts[level]! < min || places.length === 0) return null;
	const majority = (codes: Array<string | undefined>): string | null => {
		const n = new Map<string, number>();
		for (const c of codes) if (c) n.set(c, (n.get(c) ?? 0) + 1);
		return [...n].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
	};
	// the same majority over the mentions counted by code (in the order each code first comes): what a
	// code stands for is looked up once per code, not once per mention of it
	const byCode = mentions ? mentions() : countCodes(places);
	const majorityOf = (of: (code: string) => string | undefined, keep: (code: string) => boolean = () => true): string | null => {
		const n = new Map<string, number>();
		for (const [code, k] of byCode) {
			if (!keep(code)) continue;
			const c = of(code);
			if (c) n.set(c, (n.get(c) ?? 0) + k);
		}
		return [...n].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
	};
	const province = majorityOf((code) => provinceOf(code)?.code);
	const city = majorityOf((code) => cityOf(code)?.code, (code) => !province || code.startsWith(province.slice(0, 2)));
	// 全省 and 全市 both said: the document speaks for the one it names more (青岛 ten times, 山东 four)
	if (!only && level === '省' && counts['市']! > 0 && city && province && city !== province) {
		const named = (c: string): number => places.filter((p) => p.code === c || isWithin(p.code, c)).length;
		const own = (c: string): number => places.filter((p) => p.code === c).length;
		if (named(city) >= own(province)) level = '市';
	}
	if (level === '省' || (level === '区' && province && AUTONOMOUS.has(province))) return province;
	if (level === '市') return city;
	const counties = places.filter((p) => p.level === 'county');
	return majority(counties.map((p) => p.code));
}

/** A division's round of a national event: 全国…大赛(中职组)河北省选拔赛, …新疆区预赛, …某市赛区. */
const ROUND = /全国[^，,。]{0,40}?(?:省|自治区|市|区|州)(?:选拔赛|预赛|初赛|复赛|赛区|分赛区|选拔)/;

/**
 * The division whose work the document reports, or null when the text gives no way to tell.
 * @example documentRegion({ norm, body, places, title, meetings }) // '370000'
 */
export function documentRegion(input: RegionInput): string | null {
	const { norm, body, places, meetings } = input;
	// a 转自/来源 line taken for the headline says nothing about the article
	// (and a "headline" of hundreds of characters is a paragraph)
	const title = input.title && input.title.end - input.title.start <= 200 && !/^(?:本文)?(?:转自|来源|转载|发布者)/.test(norm.slice(input.title.start, input.title.end)) ? input.title : null;
	const start = body[0]?.start ?? 0;
	const titleText = title ? norm.slice(title.start, title.end) : '';
	const leadStart = title ? title.end : start;
	let lead = norm.slice(leadStart, Math.min(norm.length, leadStart + LEAD));
	// the first sentences only: a national body named later is a guest, not the reporter
	for (let i = 0, n = 0; i < lead.length; i++) {
		if (lead.charCodeAt(i) === FULL_STOP && ++n === LEAD_SENTENCES) {
			lead = lead.slice(0, i);
			break;
		}
	}

	let cached: Record<string, number> | null = null;
	const counts = (): Record<string, number> => (cached ??= wholeCounts(norm, body));
	let mentions: Map<string, number> | null = null;
	const mentionCounts = (): Map<string, number> => {
		if (mentions) return mentions;
		return (mentions = countCodes(places));
	};

	// 1. a national body or a national event in the headline, a local branch named there, or a national body in the lead
	if (title && namesNationalBody(norm, titleText, title.start, places)) return NATIONAL;
	// 学院承办…全国…大赛: the host's news, not the country's
	const hostNews = title !== null && /^[^，,。全]{0,20}(?:学院|学校|我校|承办)[^，,。全]{0,20}全国/.test(titleText);
	// 全国…大赛河北省选拔赛: a division's round of a national event is the division's
	const round = ROUND.test(titleText);
	if (title && /^[^，,。]{0,20}全国/.test(titleText) && !hostNews && !round) return NATIONAL;
	const branch = title ? localBranch(norm, titleText, title.start, places) : null;
	if (branch) return branch;
	// 全省3家企业入选… in the headline, no division named there: the province's news, though a ministry's notice opens the lead
	if (title && /[全我本]省/.test(titleText) && !namedDivision(titleText, title.start, places, true, mentionCounts())) {
		const w = wholeDivision(counts(), places, 1, '省', mentionCounts);
		if (w && division(w)?.level === 'province') return w;
	}
	// (a sentence listing the guests who attended names their bodies, not the reporter: 全国某专家组成员、某司副处长…出席会议)
	// (the guest lists blanked only for a lead that names a national body at all)
	if (namesNationalBody(norm, lead, leadStart, places) && namesNationalBody(norm, withoutGuestLists(lead), leadStart, places)) return NATIONAL;
	const first = meetings[0];
	const firstName = first ? fold(first.name) : '';
	const firstPlaces = first ? placesOfName(norm, firstName, first.start, places) : [];
	const nationalAt = firstName.replace(/中国(?:式|特色)/g, '中国xx').search(NATIONAL_EVENT);
	if (nationalAt >= 0 && !hostNews && !round && !ROUND.test(firstName) && !firstPlaces.some((p) => p.start < nationalAt)) return NATIONAL;

	// 2. the division the headline is about (not the venue it names after 在)
	if (title) {
		const named = namedDivision(titleText, title.start, places, true, mentionCounts());
		if (named) return named;
		const school = institutionDivision(titleText);
		if (school && !/[在于赴到]$/.test(titleText.slice(0, titleText.search(INSTITUTION_NAME)))) return school;
		if (/[全我本]省/.test(titleText)) {
			const w = wholeDivision(counts(), places, 1, '省', mentionCounts);
			if (w && division(w)?.level === 'province') return w;
		}
	}
	// 3. the division the first meeting is named after
	if (first) {
		const named = namedDivision(firstName, 0, firstPlaces, false, mentionCounts());
		if (named) return named;
	}
	// 4. 全省 / 全市 … phrases of the body, said at least twice
	const whole = wholeDivision(counts(), places, 2, undefined, mentionCounts);
	if (whole) return whole;
	// 5. the first meeting's venue, unless the document speaks mostly of the area around it
	const count = new Map<string, { n: number; first: number; level: number }>();
	const rank = { county: 0, city: 1, province: 2 } as const;
	for (const p of places) {
		const c = count.get(p.code) ?? { n: 0, first: p.start, level: rank[p.level] };
		c.n++;
		count.set(p.code, c);
	}
	// the most named, the more precise winning a tie of several mentions, the first a tie of single ones
	const top = [...count].sort((a, b) => b[1].n - a[1].n || (b[1].n > 1 ? a[1].level - b[1].level : 0) || a[1].first - b[1].first)[0];
	const venue = meetings.map((m) => m.venueCode).find((c) => c != null);
	if (venue) {
		const v = count.get(venue)?.n ?? 0;
		if (top && top[1].n >= 3 && top[1].n > 2 * v && isWithin(venue, top[0])) return top[0];
		// a district of the venue's city that the document names more: its own news (莲湖区 at a 西安 contest)
		if (top && top[1].n > v && isWithin(top[0], venue)) return top[0];
		return venue;
	}
	// 6. the institution a report opens with, else the place named most (a single mention only in the lead)
	if (!title && /报告|总结/.test(lead)) {
		const school = institutionDivision(lead);
		if (school) return school;
	}
	if (!top) return null;
	// places over many provinces, none of them most of the mentions (a country-wide list): the country
	if (count.size >= SPREAD) {
		const byProvince = new Map<string, number>();
		for (const p of places) {
			const code = provinceOf(p.code)?.code;
			if (code) byProvince.set(code, (byProvince.get(code) ?? 0) + 1);
		}
		if (byProvince.size >= SPREAD && Math.max(...byProvince.values()) * 2 < places.length) return NATIONAL;
	}
	if (top[1].n >= 2 || top[1].first < start + 200) return top[0];
	return null;
}
/** How many provinces a document's places must span before, none dominating, it is the country's. */
const SPREAD = 6;
