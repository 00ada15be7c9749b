// Dates and date ranges in Chinese text, resolved to inclusive ISO ranges.
// The grammar is a tokenizer (years, months, days, relative words) followed by a left-to-right
// composition of adjacent tokens, so every regex is a flat alternation: no nested quantifiers,
// linear in the text length.
import { hasCode, isSpaceCode } from './chars.ts';
import type { DatePrecision, DateRange, Span } from './types.ts';

/** Where a mention's year came from: written, relative (今年/去年), the reference date, or an earlier year. */
export type YearSource = 'text' | 'relative' | 'ref' | 'context';

/** A date found in a text. The span and the range both have start/end, so the range sits under `date`. */
export interface DateMention extends Span {
	date: DateRange;
	yearSource: YearSource;
}

export interface FindDatesOptions {
	/** The document's reference date (its publication date); anchors 今年, 去年, 今天 and year-less dates. */
	ref: DateRange | null;
	/** The day the text calls 今天 (a news dateline's day), when it differs from `ref`; 昨天 is the day before. */
	today?: DateRange | null;
}

const CN_DIGIT: Record<string, number> = {
	〇: 0, 零: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9
};
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
/** The numerals parseSmallNumber reads (its former pattern [〇零○一二两三四五六七八九十百千万]), by char code: a digit's value, else -1. */
const CN_DIGIT_OF = new Int8Array(0x10000).fill(-1);
for (const c of '〇零○一二两三四五六七八九') CN_DIGIT_OF[c.charCodeAt(0)] = CN_DIGIT[c]!;
/** A unit's value by char code, else 0. */
const CN_UNIT_OF = new Int32Array(0x10000);
for (const [c, v] of Object.entries(CN_UNIT)) CN_UNIT_OF[c.charCodeAt(0)] = v;

/**
 * A non-negative integer written in digits or Chinese numerals (up to the 万s); null when unreadable.
 * @example parseSmallNumber('一百二十') // 120
 */
export function parseSmallNumber(s: string): number | null {
	// /^\d+$/ read by char code: most numbers read are written in digits
	let digits = s.length > 0;
	for (let k = 0; digits && k < s.length; k++) digits = isDigit(s.charCodeAt(k));
	if (digits) return Number(s);
	// /^[〇零○一二两三四五六七八九十百千万]+$/ and /[十百千万]/, read by char code
	if (s.length === 0) return null;
	let units = false;
	for (let k = 0; k < s.length; k++) {
		const c = s.charCodeAt(k);
		if (CN_UNIT_OF[c]! > 0) units = true;
		else if (CN_DIGIT_OF[c]! < 0) return null;
	}
	// Digit-by-digit form (二〇二三) has no units.
	if (!units) {
		let v = 0;
		for (let k = 0; k < s.length; k++) v = v * 10 + CN_DIGIT_OF[s.charCodeAt(k)]!;
		return v;
	}
	let total = 0;
	let section = 0;
	let digit = 0;
	for (let k = 0; k < s.length; k++) {
		const c = s.charCodeAt(k);
		if (CN_DIGIT_OF[c]! >= 0) digit = CN_DIGIT_OF[c]!;
		else {
			const unit = CN_UNIT_OF[c]!;
			if (unit === 10000) {
				total += (section + digit) * unit;
				section = 0;
			} else section += (digit || (unit === 10 || (section === 0 && total === 0) ? 1 : 0)) * unit;
			digit = 0;
		}
	}
	return total + section + digit;
}

const pad = (n: number): string => String(n).padStart(2, '0');

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month m (1–12) of year y; years outside 100–9999 (which Date.UTC reads otherwise) ask Date. */
function daysIn(y: number, m: number): number {
	if (!(y >= 100 && y <= 9999 && Number.isInteger(y))) return new Date(Date.UTC(y, m, 0)).getUTCDate();
	return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1]!;
}

function validDay(y: number, m: number, d: number): boolean {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

function shiftDay(iso: string, days: number): string {
	const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + days * 86400000;
	const d = new Date(t);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const yearOf = (r: DateRange): number => Number(r.start.slice(0, 4));
const monthOf = (r: DateRange): number | null => (r.precision === 'year' ? null : Number(r.start.slice(5, 7)));

type TokKind = 'Y' | 'H' | 'M' | 'D' | 'N' | 'F' | 'RD' | 'RM';
interface Tok extends Span {
	kind: TokKind;
	/** Y: absolute year or null; H: 1 | 2; M, D, N: the number; RD: day offset; RM: month offset */
	value: number;
	/** Y only: year offset from the anchor when written 今年/去年/明年 */
	rel?: number;
	/** F only: the full date */
	iso?: string;
}

const CN_SMALL = '[一二三四五六七八九十]{1,3}';
const CN_YEAR = '[〇零○一二三四五六七八九]{4}';
const CONNECTOR = /^\s*(?:—{1,2}|–|-|－|～|~|至|到)\s*/;
/** Every character a CONNECTOR match can start with, white space aside (keep in step with it). */
const CONNECTOR_FIRST = '—–-－～~至到';
/** A weekday in brackets or a time of day between a date and the range connector. */
const FILLER = /^\s*(?:[(（](?:星期|周)[一二三四五六日天][)）])?\s*/;
const FILLER_AT = new RegExp(FILLER.source.slice(1), 'y');

/** The length of FILLER's match at norm[at]: empty unless a space or an opening bracket stands there. */
function fillerAt(norm: string, at: number): number {
	const c = norm.charCodeAt(at);
	if (!isSpaceCode(c) && c !== 0x28 && c !== 0xff08) return 0;
	FILLER_AT.lastIndex = at;
	return FILLER_AT.exec(norm)![0].length;
}

/** CONNECTOR's match in the four characters at norm[at], or null; tried only when one of them can start it. */
function connectorAt(norm: string, at: number): RegExpExecArray | null {
	const c = norm.charCodeAt(at);
	if (!isSpaceCode(c) && !hasCode(CONNECTOR_FIRST, c)) return null;
	return CONNECTOR.exec(norm.slice(at, at + 4));
}

// The token grammar is one flat alternation, held here as three: a token starts with an ASCII
// digit, a Chinese numeral (NUMERAL_FIRST) or the first character of a relative word (WORD_FIRST),
// three disjoint sets whose union is TOKEN_FIRST (checked below). No alternative's first character
// lies in two of them, so at any position only the alternatives of its character's set can match,
// and each set keeps their order: the sticky match of the set's pattern is the one the whole
// alternation would find there. Each exec then fills a few groups instead of 17.
// Sticky: tokenize tries them only where a token can begin (TOKEN_FIRST), the same positions a
// global search would stop at, without making the engine attempt the lookbehinds everywhere.
/** The alternatives led by an ASCII digit; the group that matched says the token kind. */
const DIGIT_TOKEN = new RegExp(
	[
		// 1-4: ISO-like full date 2024-5-14, 2024/05/14, 2024.5.14
		'(?<![\\d.])((?:19|20)\\d{2})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\d.])',
		// 5-6: a garbled date with the separators lost: 2021330日
		'(?<!\\d)((?:19|20)\\d{2})(\\d{2,4})日',
		// 7: a written year 2023年
		'(?<!\\d)(\\d{4})\\s?年(?!代|级|龄|限)',
		// 8: a two-digit year, only right before a month (21年3月)
		`(?<![\\d.])(\\d{2})年(?=\\d{1,2}月|${CN_SMALL}月)`,
		// 9: month
		'(?<![\\d.])(\\d{1,2})月',
		// 10: day
		'(?<![\\d.第])(\\d{1,2})[日号]',
		// 11: a bare number right before a range connector (9 in 11月9—10日)
		'(?<![\\d.])(\\d{1,4})(?=\\s*(?:—|–|-|－|～|~|至|到))'
	].join('|'),
	'y'
);
/** The alternatives led by a Chinese numeral, in the same order. */
const NUMERAL_TOKEN = new RegExp(
	[
		// 1: a written year 二〇二三年
		`(?<!\\d)(${CN_YEAR})\\s?年(?!代|级|龄|限)`,
		// 2: month
		'(?<![\\d.])(十[一二]?|[一二三四五六七八九])月',
		// 3: day
		'(?<![\\d.第])([一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]',
		// 4: a bare number right before a range connector
		`(?<![\\d.])(${CN_SMALL})(?=\\s*(?:—|–|-|－|～|~|至|到))`
	].join('|'),
	'y'
);
/** The alternatives led by a relative word (or 度, 上, 下 of a half year), in the same order. */
const WORD_TOKEN = new RegExp(
	[
		// 1: relative years
		'(今年|去年|明年|前年|当年|同年|本年)(?!度?[的]?[上下]半年)',
		// 2-3: half years, optionally relative
		'(今年|去年|明年|前年|当年|同年|本年)?度?(上|下)半年',
		// 4: relative days
		'(前一天|前一日|前一晚|次日|翌日|第二天|当天|当日|同日|同一天|今天|今日|昨天|昨日|前天)',
		// 5: relative months
		'(上个月|上月|本月|这个月|下个月|下月)',
		// 6: recently (日前, 近日): the reference month
		'(日前|近日)(?![期子])'
	].join('|'),
	'y'
);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** Every character a token can start with (DIGIT_TOKEN, NUMERAL_TOKEN, WORD_TOKEN); keep in step with them. */
const TOKEN_FIRST = new Uint8Array(0x10000);
for (const c of '0123456789〇零○一二三四五六七八九十今去明前当同本度上下次翌第昨这日近') TOKEN_FIRST[c.charCodeAt(0)] = 1;
/**
 * What follows a run of ASCII digits when a token starts at it (keep in step with DIGIT_TOKEN): every
 * alternative led by a digit reads the whole run (the next character is never a digit) and then
 * one of these — a date separator, 年, 月, 日, 号, a range connector, or white space (\s?年,
 * \s* before a connector). After any other character no token starts in the run.
 */
const AFTER_DIGITS = new Uint8Array(0x10000);
for (const c of '-/.年月日号—–－～~至到') AFTER_DIGITS[c.charCodeAt(0)] = 1;
for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c)) AFTER_DIGITS[c] = 1;

/**
 * The characters that may follow a non-digit first character in NUMERAL_TOKEN or WORD_TOKEN (keep in
 * step with them): 上 starts a token only as 上半年, 上个月 or 上月, a Chinese numeral only before
 * another numeral, 月, 日, 号, a space or a range connector. Words this common (上, 一, 第, 这 …)
 * are otherwise tried with the whole pattern wherever they stand.
 */
const NEXT_OF_WORD = new Map<number, string>(
	Object.entries({ 上: '半个月', 下: '半个月', 本: '年月', 同: '年日一', 当: '年天日', 前: '年一天', 第: '二', 这: '个', 度: '上下', 今: '年天日', 去: '年', 明: '年', 次: '日', 翌: '日', 昨: '天日', 日: '前', 近: '日' }).map(([k, v]) => [k.charCodeAt(0), v])
);
/**
 * The third character of the words whose first two say little (keep in step with WORD_TOKEN): 第二 starts
 * a token only as 第二天, 这个 as 这个月, 上个 and 下个 as 上个月 and 下个月, 同一 as 同一天,
 * 前一 as 前一天, 前一日 or 前一晚.
 */
const THIRD_OF_WORD = new Map<number, string>(
	Object.entries({ 第二: '天', 这个: '月', 上个: '月', 下个: '月', 同一: '天', 前一: '天日晚' }).map(([k, v]) => [(k.charCodeAt(0) << 16) | k.charCodeAt(1), v])
);
const NUMERAL_FIRST = new Uint8Array(0x10000);
for (const c of '〇零○一二三四五六七八九十') NUMERAL_FIRST[c.charCodeAt(0)] = 1;
const NEXT_OF_NUMERAL = new Uint8Array(0x10000);
for (const c of '〇零○一二三四五六七八九十月日号—–-－～~至到') NEXT_OF_NUMERAL[c.charCodeAt(0)] = 1;
// JavaScript's \s: CN_SMALL may be followed by spaces before its connector
for (const c of '\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff') NEXT_OF_NUMERAL[c.charCodeAt(0)] = 1;
for (let c = 0x2000; c <= 0x200a; c++) NEXT_OF_NUMERAL[c] = 1;

/** NEXT_OF_WORD as a table of its words and a set of (word << 16) | next pairs. */
const WORD_FIRST = new Uint8Array(0x10000);
const WORD_NEXT_PAIRS = new Set<number>();
for (const [c, words] of NEXT_OF_WORD) {
	WORD_FIRST[c] = 1;
	for (let k = 0; k < words.length; k++) WORD_NEXT_PAIRS.add((c << 16) | words.charCodeAt(k));
}
// TOKEN_FIRST is split three ways (DIGIT_TOKEN, NUMERAL_TOKEN, WORD_TOKEN): each of its characters
// must lie in exactly one of the sets, and no other character in any
for (let c = 0; c < 0x10000; c++) {
	if ((isDigit(c) ? 1 : 0) + NUMERAL_FIRST[c]! + WORD_FIRST[c]! !== TOKEN_FIRST[c]) throw new Error(`date tokens: ${String.fromCharCode(c)} in no set or in two`);
}

/** Whether a token may start with char code c followed by char codes next and third (NaN past the end). */
function canFollow(c: number, next: number, third: number): boolean {
	if (isDigit(c)) return true;
	if (NUMERAL_FIRST[c]) return NEXT_OF_NUMERAL[next] === 1;
	if (WORD_FIRST[c] === 0) return true;
	// (at the end, next is NaN and the pair (c << 16) | 0, which no word has)
	const pair = (c << 16) | next;
	if (!WORD_NEXT_PAIRS.has(pair)) return false;
	const thirds = THIRD_OF_WORD.get(pair);
	return thirds === undefined || hasCode(thirds, third);
}

/**
 * What follows a run of Chinese numerals (NUMERAL_FIRST) when a token starts in it (keep in step with
 * NUMERAL_TOKEN): each of its alternatives reads numerals up to the run's
 * end and then 年 (or a space and 年), 月, 日, 号, a range connector or white space. After any other
 * character no token starts anywhere in the run.
 */
const AFTER_NUMERALS = new Uint8Array(0x10000);
for (const c of '年月日号—–-－～~至到') AFTER_NUMERALS[c.charCodeAt(0)] = 1;
for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c)) AFTER_NUMERALS[c] = 1;

const REL_YEAR: Record<string, number> = { 今年: 0, 本年: 0, 当年: 0, 同年: 0, 去年: -1, 前年: -2, 明年: 1 };
const REL_DAY: Record<string, number> = {
	前一天: -1, 前一日: -1, 前一晚: -1, 昨天: -1, 昨日: -1, 前天: -2,
	次日: 1, 翌日: 1, 第二天: 1,
	当天: 0, 当日: 0, 同日: 0, 同一天: 0, 今天: 0, 今日: 0
};
const REL_MONTH: Record<string, number> = { 上个月: -1, 上月: -1, 本月: 0, 这个月: 0, 下个月: 1, 下月: 1 };
/** Relative days anchored on the reference date rather than on the previous date in the text. */
const TODAY_WORDS = new Set(['今天', '今日', '昨天', '昨日', '前天']);

function tokenize(norm: string): Tok[] {
	const toks: Tok[] = [];
	// Leftmost matches, left to right, as a global search would find them: every token is non-empty.
	const n = norm.length;
	for (let at = 0; at < n; ) {
		// characters no token starts with are passed in a tight loop
		let c = 0;
		while (at < n && TOKEN_FIRST[(c = norm.charCodeAt(at))] === 0) at++;
		if (at >= n) break;
		// the end of the run of ASCII digits starting at `at`, when c is a digit
		let runEnd = -1;
		if (isDigit(c)) {
			// Inside a run of digits nothing can start: every alternative led by a digit has a (?<!\d) lookbehind.
			if (at > 0 && isDigit(norm.charCodeAt(at - 1))) {
				at++;
				continue;
			}
			let end = at + 1;
			while (end < norm.length && isDigit(norm.charCodeAt(end))) end++;
			if (end === norm.length || !AFTER_DIGITS[norm.charCodeAt(end)]) {
				at = end;
				continue;
			}
			runEnd = end;
		} else {
			if (NUMERAL_FIRST[c] === 1 && (at === 0 || NUMERAL_FIRST[norm.charCodeAt(at - 1)] === 0)) {
				// at the start of a run of Chinese numerals: pass all of it unless a token can end it
				let end = at + 1;
				while (end < n && NUMERAL_FIRST[norm.charCodeAt(end)] === 1) end++;
				if (end === n || AFTER_NUMERALS[norm.charCodeAt(end)] === 0) {
					at = end;
					continue;
				}
			}
			// 日 and 近 start a token only as 日前 and 近日: they are too common to try the whole pattern at each
			if (!canFollow(c, norm.charCodeAt(at + 1), norm.charCodeAt(at + 2))) {
				at++;
				continue;
			}
		}
		const end = runEnd >= 0 ? digitToken(norm, at, runEnd, toks) : NUMERAL_FIRST[c] === 1 ? numeralToken(norm, at, toks) : wordToken(norm, at, toks);
		at = end < 0 ? at + 1 : end;
	}
	return toks;
}

const DOT = 0x2e;
const YEAR_CHAR = 0x5e74; // 年
const MONTH_CHAR = 0x6708; // 月
const DAY_CHARS = '日号';
/** What DIGIT_TOKEN's year alternative may not be followed by: (?!代|级|龄|限). */
const NOT_AFTER_YEAR = '代级龄限';

/**
 * DIGIT_TOKEN's match at norm[at] (the start of a run of ASCII digits ending at runEnd, before one of
 * AFTER_DIGITS), its token (if valid) pushed to toks; the match's end, or -1 for none.
 */
function digitToken(norm: string, at: number, runEnd: number, toks: Tok[]): number {
	// The commonest tokens are read by char code, with exactly the match DIGIT_TOKEN finds there (no
	// digit precedes `at`, and \d{1,2} or \d{4} cannot end inside the run, a digit being no 月, 日 or 年):
	// - 1-2 digits and 月, not after '.': the month (1-4: 4 digits and a separator; 5-6: 6-8 digits; 7-8: 年);
	//   after '.' no alternative matches (9-11 look behind for it; 日, 号 and 月 are no connector);
	// - 1-2 digits and 日 or 号, not after '.' or 第: the day (9: 月), none after them;
	// - 4 digits and 年: the year unless 代, 级, 龄 or 限 follows, then none (1: a separator; 5-6: more
	//   digits; 8-10: 1-2 digits; 11: a connector).
	// Anything else asks the pattern.
	const digits = runEnd - at;
	const next = norm.charCodeAt(runEnd);
	const prev = at > 0 ? norm.charCodeAt(at - 1) : -1;
	if (digits <= 2 && next === MONTH_CHAR) {
		if (prev === DOT) return -1;
		const v = digitsValue(norm, at, runEnd);
		if (v >= 1 && v <= 12) toks.push({ kind: 'M', start: at, end: runEnd + 1, value: v });
		return runEnd + 1;
	}
	if (digits <= 2 && hasCode(DAY_CHARS, next)) {
		if (prev === DOT || prev === 0x7b2c /* 第 */) return -1;
		const v = digitsValue(norm, at, runEnd);
		if (v >= 1 && v <= 31) toks.push({ kind: 'D', start: at, end: runEnd + 1, value: v });
		return runEnd + 1;
	}
	if (digits === 4 && next === YEAR_CHAR) {
		if (hasCode(NOT_AFTER_YEAR, norm.charCodeAt(runEnd + 1))) return -1;
		const y = digitsValue(norm, at, runEnd);
		if (y >= 1900 && y <= 2099) toks.push({ kind: 'Y', start: at, end: runEnd + 1, value: y });
		return runEnd + 1;
	}
	DIGIT_TOKEN.lastIndex = at;
	const m = DIGIT_TOKEN.exec(norm);
	if (!m) return -1;
	const start = at;
	const end = start + m[0].length;
	if (m[1]) {
		const y = Number(m[1]);
		const mo = Number(m[3]);
		const d = Number(m[4]);
		if (validDay(y, mo, d)) toks.push({ kind: 'F', start, end, value: 0, iso: `${y}-${pad(mo)}-${pad(d)}` });
	} else if (m[5]) {
		const iso = garbled(Number(m[5]), m[6]!);
		if (iso) toks.push({ kind: 'F', start, end, value: 0, iso });
	} else if (m[7]) {
		const y = parseSmallNumber(m[7])!;
		if (y >= 1900 && y <= 2099) toks.push({ kind: 'Y', start, end, value: y });
	} else if (m[8]) toks.push({ kind: 'Y', start, end, value: 2000 + Number(m[8]) });
	else if (m[9]) pushMonth(toks, start, end, m[9]);
	else if (m[10]) pushDay(toks, start, end, m[10]);
	else if (m[11]) pushNumber(toks, start, end, m[11]);
	return end;
}

/** NUMERAL_TOKEN's match at norm[at] (at a Chinese numeral), as digitToken. */
function numeralToken(norm: string, at: number, toks: Tok[]): number {
	NUMERAL_TOKEN.lastIndex = at;
	const m = NUMERAL_TOKEN.exec(norm);
	if (!m) return -1;
	const start = at;
	const end = start + m[0].length;
	if (m[1]) {
		const y = parseSmallNumber(m[1])!;
		if (y >= 1900 && y <= 2099) toks.push({ kind: 'Y', start, end, value: y });
	} else if (m[2]) pushMonth(toks, start, end, m[2]);
	else if (m[3]) pushDay(toks, start, end, m[3]);
	else if (m[4]) pushNumber(toks, start, end, m[4]);
	return end;
}

/** WORD_TOKEN's match at norm[at] (at the first character of a relative word), as digitToken. */
function wordToken(norm: string, at: number, toks: Tok[]): number {
	WORD_TOKEN.lastIndex = at;
	const m = WORD_TOKEN.exec(norm);
	if (!m) return -1;
	const start = at;
	const end = start + m[0].length;
	if (m[1]) toks.push({ kind: 'Y', start, end, value: 0, rel: REL_YEAR[m[1]]! });
	else if (m[3]) {
		// A relative word before 上半年 is its own year token so composition sees Y H.
		if (m[2]) {
			toks.push({ kind: 'Y', start, end: start + m[2].length, value: 0, rel: REL_YEAR[m[2]]! });
			toks.push({ kind: 'H', start: start + m[2].length, end, value: m[3] === '上' ? 1 : 2 });
		} else toks.push({ kind: 'H', start, end, value: m[3] === '上' ? 1 : 2 });
	} else if (m[4]) toks.push({ kind: 'RD', start, end, value: REL_DAY[m[4]]! });
	else if (m[5]) toks.push({ kind: 'RM', start, end, value: REL_MONTH[m[5]]! });
	else if (m[6]) toks.push({ kind: 'RM', start, end, value: 0 });
	return end;
}

/** The number the ASCII digits norm[start, end) write (as Number would read them). */
function digitsValue(norm: string, start: number, end: number): number {
	let v = 0;
	for (let k = start; k < end; k++) v = v * 10 + norm.charCodeAt(k) - 48;
	return v;
}

function pushMonth(toks: Tok[], start: number, end: number, written: string): void {
	const v = parseSmallNumber(written)!;
	if (v >= 1 && v <= 12) toks.push({ kind: 'M', start, end, value: v });
}

function pushDay(toks: Tok[], start: number, end: number, written: string): void {
	const v = parseSmallNumber(written)!;
	if (v >= 1 && v <= 31) toks.push({ kind: 'D', start, end, value: v });
}

function pushNumber(toks: Tok[], start: number, end: number, written: string): void {
	const v = parseSmallNumber(written);
	if (v != null) toks.push({ kind: 'N', start, end, value: v });
}

/** 2021 + '330' → 2021-03-30 when exactly one split of the digits is a valid month and day. */
function garbled(y: number, rest: string): string | null {
	const found: string[] = [];
	for (const ml of [1, 2]) {
		if (rest.length - ml < 1 || rest.length - ml > 2) continue;
		const mo = Number(rest.slice(0, ml));
		const d = Number(rest.slice(ml));
		if (rest[ml] === '0' && rest.length - ml === 1) continue;
		if (validDay(y, mo, d)) found.push(`${y}-${pad(mo)}-${pad(d)}`);
	}
	return found.length === 1 ? found[0]! : null;
}

/** The parts of one end of a date expression before its year is known. */
interface Point extends Span {
	year?: number;
	rel?: number;
	half?: 1 | 2;
	month?: number;
	day?: number;
	iso?: string;
	/** a bare number (no 日): only meaningful as the first day of a range */
	bare?: number;
}

/** Whether b follows a directly or after one white-space character (as String.prototype.trim reads it). */
const adjacent = (norm: string, a: number, b: number): boolean => b === a || (b === a + 1 && isSpaceCode(norm.charCodeAt(a)));

/** toks[j] when it is of `kind` and adjacent to `end`, else null. */
function tokAt(norm: string, toks: Tok[], j: number, end: number, kind: TokKind): Tok | null {
	const t = toks[j];
	return t && t.kind === kind && adjacent(norm, end, t.start) ? t : null;
}

/** Reads one date end (Y? (H | M (D|N)?)? or F) starting at toks[i]; returns it and the next index. */
function readPoint(norm: string, toks: Tok[], i: number, allowBare: boolean): [Point, number] | null {
	const first = toks[i]!;
	if (first.kind === 'F') return [{ start: first.start, end: first.end, iso: first.iso! }, i + 1];
	const p: Point = { start: first.start, end: first.start };
	let j = i;
	let t = tokAt(norm, toks, j, p.end, 'Y');
	if (t) {
		if (t.rel != null) p.rel = t.rel;
		else p.year = t.value;
		p.end = t.end;
		j++;
	}
	t = tokAt(norm, toks, j, p.end, 'H');
	if (t) {
		p.half = t.value as 1 | 2;
		p.end = t.end;
		return [p, j + 1];
	}
	t = tokAt(norm, toks, j, p.end, 'M');
	if (t) {
		p.month = t.value;
		p.end = t.end;
		j++;
		t = tokAt(norm, toks, j, p.end, 'D');
		if (t) {
			p.day = t.value;
			p.end = t.end;
			j++;
		} else if (allowBare && (t = tokAt(norm, toks, j, p.end, 'N'))) {
			p.bare = t.value;
			p.end = t.end;
			j++;
		}
	} else if (j === i) {
		// A day or bare number alone only continues a range (至31日), never starts a date.
		if (allowBare && first.kind === 'N' && first.value >= 1900 && first.value <= 2099) {
			return [{ start: first.start, end: first.end, bare: first.value }, i + 1];
		}
		return null;
	}
	return j === i ? null : [p, j];
}

interface Resolved {
	y: number;
	m?: number;
	d?: number;
	half?: 1 | 2;
}

/**
 * The ranges toRange made for the document being read, by their year, month and day: a page that writes
 * one date ten thousand times holds one object for it (no caller changes a range; each makes a new one).
 */
const madeRanges = new Map<number, DateRange>();

function toRange(r: Resolved): DateRange | null {
	const { y, m, d } = r;
	// (only plain years, months and days of small integers are keyed: y, m and d each read back from the key)
	const keyed = !r.half && Number.isInteger(y) && y >= 0 && y < 100000 && (m == null || (Number.isInteger(m) && m >= 0 && m < 100)) && (d == null || (m != null && Number.isInteger(d) && d >= 0 && d < 100));
	if (!keyed) return makeRange(r);
	const key = ((y * 101 + (m == null ? 100 : m)) * 101 + (d == null ? 100 : d));
	let made = madeRanges.get(key);
	if (made === undefined) {
		const fresh = makeRange(r);
		if (fresh === null) return null;
		madeRanges.set(key, (made = fresh));
	}
	return made;
}

function makeRange(r: Resolved): DateRange | null {
	if (r.half) {
		const a = r.half === 1 ? 1 : 7;
		return { start: `${r.y}-${pad(a)}`, end: `${r.y}-${pad(a + 5)}`, precision: 'month' };
	}
	if (r.m == null) return { start: String(r.y), end: String(r.y), precision: 'year' };
	if (r.d == null) return { start: `${r.y}-${pad(r.m)}`, end: `${r.y}-${pad(r.m)}`, precision: 'month' };
	if (!validDay(r.y, r.m, r.d)) return null;
	const iso = `${r.y}-${pad(r.m)}-${pad(r.d)}`;
	return { start: iso, end: iso, precision: 'day' };
}

const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

/** Cuts a range to the coarser of two precisions (2024-01-05 .. 2024-06 → 2024-01 .. 2024-06). */
function atPrecision(iso: string, p: DatePrecision): string {
	return p === 'year' ? iso.slice(0, 4) : p === 'month' ? iso.slice(0, 7) : iso;
}

function monthShift(y: number, m: number, by: number): [number, number] {
	const k = y * 12 + (m - 1) + by;
	return [Math.floor(k / 12), (k % 12) + 1];
}

/**
 * Finds dates and date ranges in folded text and resolves them to inclusive ISO ranges.
 * Year-less dates take the year of an earlier full date in the same sentence, else the
 * reference date's year (one year earlier when that would put the date after the reference),
 * else the last year written earlier in the text.
 * @example findDates('11月9—10日,年会举行', { ref: { start: '2019-11-14', end: '2019-11-14', precision: 'day' } })
 *   // [{ start: 0, end: 8, date: { start: '2019-11-09', end: '2019-11-10', precision: 'day' }, yearSource: 'ref' }]
 */
export function findDates(norm: string, opts: FindDatesOptions): DateMention[] {
	const { ref } = opts;
	madeRanges.clear();
	const toks = tokenize(norm);
	const out: DateMention[] = [];
	let lastYear: number | null = null;
	let sentenceYear: { y: number; at: number } | null = null;
	let lastDay: string | null = null;

	// Sentence ends, in order: whether one lies between two offsets is a binary search, so a giant
	// line without any stays linear. They are listed as far as asked (up to the first one at or
	// after `from`): the text is read once at most, and only up to where a question reaches.
	const breaks: number[] = [];
	let listedTo = 0;
	const nextBreak = (from: number): number => {
		const list = breaks;
		while (listedTo < norm.length && (list.length === 0 || list[list.length - 1]! < from)) {
			if (SENTENCE_BREAK[norm.charCodeAt(listedTo)]) list.push(listedTo);
			listedTo++;
		}
		let lo = 0;
		let hi = list.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (list[mid]! < from) lo = mid + 1;
			else hi = mid;
		}
		return lo < list.length ? list[lo]! : norm.length;
	};
	// Whether a sentence end lies in norm[from, to). It is asked with `from` the last dated point
	// (which only moves on, to where the previous question ended) and growing `to`: the text is
	// scanned on from where the last question stopped, so the scans add up to one pass.
	let scanFrom = -1;
	let scanTo = -1;
	let scanHit = false;
	const sentenceBreak = (from: number, to: number): boolean => {
		if (from !== scanFrom || to < scanTo || (scanHit && to === scanTo)) {
			scanFrom = from;
			scanTo = from;
			scanHit = false;
		}
		// on a hit scanTo stays at the sentence end found, which lies before every later `to`
		while (!scanHit && scanTo < to) {
			if (SENTENCE_BREAK[norm.charCodeAt(scanTo)]) scanHit = true;
			else scanTo++;
		}
		return scanHit;
	};
	/** index into toks of the token being composed, for the look-ahead below */
	let at = 0;

	for (let i = 0; i < toks.length; ) {
		const tok = toks[i]!;
		at = i;
		if (tok.kind === 'RD' || tok.kind === 'RM') {
			const r = relative(tok);
			if (r) {
				out.push({ start: tok.start, end: tok.end, date: r.range, yearSource: 'relative' });
				if (r.range.precision === 'day') lastDay = r.range.start;
			}
			i++;
			continue;
		}
		const a = readPoint(norm, toks, i, true);
		if (!a) {
			const lone = loneDay(i);
			if (lone) {
				out.push(lone.mention);
				if (lone.mention.date.precision === 'day') lastDay = lone.mention.date.start;
				i = lone.next;
			} else i++;
			continue;
		}
		let [p, j] = a;
		let q: Point | null = null;
		const afterFiller = p.end + fillerAt(norm, p.end);
		const conn = connectorAt(norm, afterFiller);
		if (conn && toks[j]) {
			const at = afterFiller + conn[0].length;
			if (toks[j]!.start === at) {
				const b = readPointOrDay(norm, toks, j);
				if (b) {
					[q, j] = b;
					// The range end may carry its own weekday: (星期五)
					q.end += fillerAt(norm, q.end);
					q.end = trimEnd(norm, q.end);
				}
			}
		}
		i = j;
		if (p.bare != null && !q) continue;
		if (p.bare != null && p.month == null && !(q && q.year != null)) continue;

		const anchored = anchorYear(p);
		if (!anchored) continue;
		const [y, source] = anchored;

		const startR: Resolved = p.iso
			? { y, m: Number(p.iso.slice(5, 7)), d: Number(p.iso.slice(8, 10)) }
			: p.month == null && p.bare != null
				? { y }
				: { y, m: p.month, d: p.day ?? p.bare, half: p.half };
		let endR: Resolved | null = null;
		if (q) {
			if (q.iso) endR = { y: Number(q.iso.slice(0, 4)), m: Number(q.iso.slice(5, 7)), d: Number(q.iso.slice(8, 10)) };
			else {
				const qy = q.year ?? (q.rel != null ? y - (p.rel ?? 0) + q.rel : y);
				if (q.month == null && q.day == null && q.half == null) endR = { y: qy };
				else if (q.month == null && q.half == null) endR = { y: qy, m: startR.m, d: q.day };
				else endR = { y: qy, m: q.month, d: q.day, half: q.half };
			}
		}
		const s = toRange(startR);
		if (!s) continue;
		let range: DateRange = s;
		if (endR) {
			const e = toRange(endR);
			if (e) {
				const prec = PRECISION_RANK[e.precision] < PRECISION_RANK[s.precision] ? e.precision : s.precision;
				const st = atPrecision(s.start, prec);
				const en = atPrecision(e.end, prec);
				if (en >= st) range = { start: st, end: en, precision: prec };
			}
		}
		// A year-less date later than the reference date belongs to the year before it.
		// (a reference known to the year only says nothing of which day came first)
		if (source === 'ref' && ref && ref.precision !== 'year' && range.start.slice(0, range.precision === 'day' ? 10 : 7) > ref.start.slice(0, range.precision === 'day' ? 10 : 7)) {
			range = { start: String(y - 1) + range.start.slice(4), end: String(Number(range.end.slice(0, 4)) - 1) + range.end.slice(4), precision: range.precision };
		}
		const end = q ? q.end : p.end;
		// a year mistyped with three digits right before (208年11月27日) is part of the date, not of the text before it
		out.push({ start: source !== 'text' && brokenYearBefore(norm, p.start) ? p.start - 4 : p.start, end, date: range, yearSource: source });
		if (source === 'text') lastYear = y;
		// Later year-less dates in the same sentence share this one's year (9月26日…持续至9月28日).
		if (range.precision !== 'year') sentenceYear = { y: Number(range.start.slice(0, 4)), at: p.start };
		if (range.precision === 'day') lastDay = range.start;
	}
	return out;

	/**
	 * A day without its month (18日, 27日至28日) where news dates an event: before a venue, a time of
	 * day or a held-verb (27日在北京开幕, 18日上午，…). It lies in the reference month, or the month
	 * before when the day is later than the reference day (a report on the 2nd of events on the 30th).
	 */
	function loneDay(i: number): { mention: DateMention; next: number } | null {
		if (!ref || ref.precision === 'year') return null;
		const first = toks[i]!;
		if (first.kind !== 'D' && first.kind !== 'N') return null;
		const before = first.start > 0 ? norm[first.start - 1]! : '';
		if (before !== '' && '每月第号.0123456789'.includes(before)) return null;
		if (first.start > 1 && norm[first.start - 2] === '每') return null;
		let last = first;
		let next = i + 1;
		if (first.kind === 'N') {
			const conn = connectorAt(norm, first.end);
			const t = toks[i + 1];
			if (!conn || !t || t.kind !== 'D' || t.start !== first.end + conn[0].length) return null;
			last = t;
			next = i + 2;
		} else {
			const conn = connectorAt(norm, first.end);
			const t = toks[i + 1];
			if (conn && t && t.kind === 'D' && t.start === first.end + conn[0].length) {
				last = t;
				next = i + 2;
			}
		}
		if (!LONE_DAY_FOLLOW.test(norm.slice(last.end, last.end + 8))) return null;
		const ry = yearOf(ref);
		const rm = monthOf(ref)!;
		const rd = ref.precision === 'day' ? Number(ref.start.slice(8, 10)) : 31;
		const [y, m] = first.value > rd ? monthShift(ry, rm, -1) : [ry, rm];
		if (!validDay(y, m, first.value) || !validDay(y, m, last.value) || last.value < first.value) return null;
		const range: DateRange = { start: `${y}-${pad(m)}-${pad(first.value)}`, end: `${y}-${pad(m)}-${pad(last.value)}`, precision: 'day' };
		return { mention: { start: first.start, end: last.end, date: range, yearSource: 'ref' }, next };
	}

	/** The year of a point: written, relative to the anchor, or borrowed from context. */
	function anchorYear(p: Point): [number, YearSource] | null {
		const written = p.iso ? Number(p.iso.slice(0, 4)) : (p.year ?? (p.bare != null && p.month == null ? p.bare : undefined));
		if (written != null) return [written, 'text'];
		if (p.rel != null) {
			// 当年 / 同年 point back at the year just written; 今年 / 去年 at the reference date.
			const back = /^(当年|同年)/.test(norm.slice(p.start, p.end));
			const refYear = ref ? yearOf(ref) : null;
			const base: number | null = back ? (lastYear ?? refYear) : (refYear ?? lastYear);
			return base == null ? null : [base + p.rel, 'relative'];
		}
		if (sentenceYear && !sentenceBreak(sentenceYear.at, p.start)) return [sentenceYear.y, 'context'];
		if (ref) return [yearOf(ref), 'ref'];
		if (lastYear != null) return [lastYear, 'context'];
		// 3月29日下午，2013年全省技能大赛开幕: with nothing earlier, the year the same sentence writes next.
		const ahead = yearAhead(p.end);
		return ahead == null ? null : [ahead, 'context'];
	}

	/** The first written year after `from` in the same sentence, or null. */
	function yearAhead(from: number): number | null {
		const end = nextBreak(from);
		for (let k = at; k < toks.length && k < at + 24; k++) {
			const t = toks[k]!;
			if (t.start < from) continue;
			// (a date after the sentence's end is no evidence: the bare year below is still looked for)
			if (t.start >= end) break;
			if (t.kind === 'Y' && t.rel == null) return t.value;
			if (t.kind === 'F') return Number(t.iso!.slice(0, 4));
		}
		// 8月20日，2025安徽职业教育研讨会: a year opening a name without 年
		const bare = BARE_YEAR.exec(norm.slice(from, Math.min(end, from + 120)));
		return bare ? Number(bare[1]) : null;
	}

	function relative(tok: Tok): { range: DateRange } | null {
		if (tok.kind === 'RM') {
			if (!ref || ref.precision === 'year') return null;
			const [yy, mm] = monthShift(yearOf(ref), monthOf(ref)!, tok.value);
			return { range: { start: `${yy}-${pad(mm)}`, end: `${yy}-${pad(mm)}`, precision: 'month' } };
		}
		const today = TODAY_WORDS.has(norm.slice(tok.start, tok.end));
		const now = opts.today ?? ref;
		const base = today ? (now?.precision === 'day' ? now.start : null) : lastDay;
		if (!base) return null;
		const iso = shiftDay(base, tok.value);
		return { range: { start: iso, end: iso, precision: 'day' } };
	}
}

/** Whether a year mistyped with three digits (208年) ends at `at`, no digit before it. */
function brokenYearBefore(norm: string, at: number): boolean {
	if (at < 4 || norm.charCodeAt(at - 1) !== 0x5e74 /* 年 */) return false;
	for (let i = at - 4; i < at - 1; i++) if (!isDigit(norm.charCodeAt(i))) return false;
	return at === 4 || !isDigit(norm.charCodeAt(at - 5));
}

/** A year written without 年 before a name (2025安徽…论坛), not a count (2025人, 2023届). */
const BARE_YEAR = /(?<![\d.\-/])((?:19|20)\d{2})(?=[\u4e00-\u9fff“"])(?![届人元名个所项次万亿件位多余年月日])/;
const SENTENCE_BREAK = new Uint8Array(0x10000);
for (const c of '。！？!?\n') SENTENCE_BREAK[c.charCodeAt(0)] = 1;

/** What follows a day written without its month when it dates an event (27日在北京开幕, 18日上午). */
const LONE_DAY_FOLLOW = /^\s*(?:[(（](?:星期|周)[一二三四五六日天][)）])?\s*(?:在|上午|下午|中午|晚上|晚|早上|凌晨|[，,]|召开|举行|举办|开幕|闭幕|开班|开赛|开营|落幕|落下帷幕|隆重|于|起|电|讯|从)/;

/** A range end: a full point, or a lone day (至31日, 到十五号). */
function readPointOrDay(norm: string, toks: Tok[], j: number): [Point, number] | null {
	const t = toks[j]!;
	if (t.kind === 'D') return [{ start: t.start, end: t.end, day: t.value }, j + 1];
	return readPoint(norm, toks, j, false);
}

function trimEnd(norm: string, end: number): number {
	while (end > 0 && /\s/.test(norm[end - 1]!)) end--;
	return end;
}

const DATE_LINE = /((?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})(?:\s*[-年/.]\s*|[ \t]+(?=\d{1,2}\s*[-/.]))(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*[-月/.]\s*(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])/;

/**
 * The first full date (year, month and day) in a short line, or null.
 * A photo site's line may set the year off by a space alone (2021 05/ 08 15:03).
 * @example parseDateLine('发布时间：2019-3-20 08:35') // { start: '2019-03-20', end: '2019-03-20', precision: 'day' }
 */
export function parseDateLine(s: string): DateRange | null {
	const m = DATE_LINE.exec(s);
	if (!m) return null;
	const y = parseSmallNumber(m[1]!);
	const mo = parseSmallNumber(m[2]!);
	const d = parseSmallNumber(m[3]!);
	if (y == null || mo == null || d == null || y < 1900 || !validDay(y, mo, d)) return null;
	const iso = `${y}-${pad(mo)}-${pad(d)}`;
	return { start: iso, end: iso, precision: 'day' };
}
