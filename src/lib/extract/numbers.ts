// Arabic and Chinese numerals → exact numbers, with the approximate markers around them.
// Our own code on purpose: every package checked fails one of the hard cases (see
// shared/research/extraction.md). Values are computed from digit strings, never by
// multiplying floats, so 4.52万 is exactly 45200 and 16.4亿 exactly 1640000000.

import { hasCode } from './chars.ts';
import type { Qualifier, Span } from './types.ts';

/** The result of parsing one numeral: `high` is the upper bound of a range such as 两三, else null. */
export interface ParsedNumeral {
	value: number;
	high: number | null;
	/** written as a percentage (百分之六十) */
	percent: boolean;
}

/**
 * What a numeral token is:
 * number (plain), percent, year (二〇二三 or a 4-digit year before 年/届/级),
 * range (两三, 三四十, 3-5: value is the lower bound), vague (数百, 百余, 数以千计: lower bound).
 */
export type NumberKind = 'number' | 'percent' | 'year' | 'range' | 'vague';

/** A numeral found in a text. `start`/`end` cover the numeral, `after` also covers adjacent markers (余, 多, %, 以上). */
export interface NumberToken extends Span {
	value: number;
	high: number | null;
	kind: NumberKind;
	/** qualifier read from the markers next to the numeral; `exact` when there are none */
	qualifier: Qualifier;
	/** true when the numeral uses Chinese digits only (no Arabic digit) */
	chinese: boolean;
	/** index just past the numeral and its trailing markers: where a unit would start */
	after: number;
}

const DIGIT: Record<string, number> = {
	零: 0,
	〇: 0,
	一: 1,
	二: 2,
	两: 2,
	三: 3,
	四: 4,
	五: 5,
	六: 6,
	七: 7,
	八: 8,
	九: 9,
	壹: 1,
	贰: 2,
	叁: 3,
	肆: 4,
	伍: 5,
	陆: 6,
	柒: 7,
	捌: 8,
	玖: 9
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
/** DIGIT and SMALL_UNIT by char code (-1 and 0: none), for parseChinesePositional. */
const DIGIT_OF = new Int8Array(0x10000).fill(-1);
for (const [ch, d] of Object.entries(DIGIT)) DIGIT_OF[ch.charCodeAt(0)] = d;
const SMALL_UNIT_OF = new Uint16Array(0x10000);
for (const [ch, u] of Object.entries(SMALL_UNIT)) SMALL_UNIT_OF[ch.charCodeAt(0)] = u;
const WAN = '万'.charCodeAt(0);
const YI = '亿'.charCodeAt(0);
/** Powers of ten of the big units, so decimals can be scaled as strings. */
const BIG_POW: Record<string, number> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };

/**
 * Scales a decimal digit string by 10^pow without floating-point multiplication.
 * @example scaleDecimal('4.52', 4) // 45200
 */
export function scaleDecimal(digits: string, pow: number): number {
	const clean = digits.replace(/,/g, '');
	const dot = clean.indexOf('.');
	const int = dot < 0 ? clean : clean.slice(0, dot);
	const frac = dot < 0 ? '' : clean.slice(dot + 1);
	const padded = frac.padEnd(pow, '0');
	const whole = (int + padded.slice(0, pow)).replace(/^0+(?=\d)/, '');
	const rest = padded.slice(pow).replace(/0+$/, '');
	return Number(rest ? `${whole}.${rest}` : whole);
}

/** Power of ten of a magnitude suffix such as 万, 亿, 十万, 万亿; null when it is not one. */
function suffixPow(s: string): number | null {
	let pow = 0;
	for (const ch of s) {
		const p = BIG_POW[ch];
		if (p === undefined) return null;
		pow += p;
	}
	return pow;
}

/**
 * Positional Chinese numeral → integer (一千一百七十五 → 1175, 十万八千 → 108000,
 * 两万五 → 25000). Returns null for strings that are not well formed (十四五, 万万万).
 */
function parseChinesePositional(s: string): number | null {
	let yi = 0; // everything already multiplied by 亿
	let wan = 0; // the 万 section
	let sec = 0; // the part below 万
	let digit = -1; // a pending digit, -1 when none
	let lastUnit = 0; // the last small/big unit seen, for 两万五 = 25000
	let zero = false; // a 零 since the last unit: 一千零五 is 1005, not 1500
	let any = false;
	// by code unit through tables (a one-character string and a keyed lookup per character cost
	// more); a unit of a pair outside the BMP is in no table, as its code point was in no record
	for (let i = 0; i < s.length; i++) {
		const code = s.charCodeAt(i);
		const d = DIGIT_OF[code]!;
		if (d >= 0) {
			if (digit > 0) return null; // two digits without a unit between: not positional
			if (d === 0) {
				zero = true;
				digit = -1;
				continue;
			}
			digit = d;
			any = true;
			continue;
		}
		const u = SMALL_UNIT_OF[code]!;
		if (u > 0) {
			if (digit < 0 && sec > 0 && !zero) return null; // 百十 etc.
			sec += (digit < 0 ? 1 : digit) * u;
			digit = -1;
			lastUnit = u;
			zero = false;
			any = true;
			continue;
		}
		if (code === WAN || code === YI) {
			const big = code === WAN ? 1e4 : 1e8;
			let part = (code === YI ? wan : 0) + sec + Math.max(digit, 0);
			if (part === 0) {
				if (any) return null; // 万万, 亿亿
				part = 1; // a leading bare 万 (数万, 上万)
			}
			if (code === WAN) {
				if (wan > 0) return null;
				wan = part * big;
			} else {
				if (yi > 0) return null;
				yi = part * big;
				wan = 0;
			}
			sec = 0;
			digit = -1;
			lastUnit = big;
			zero = false;
			any = true;
			continue;
		}
		return null;
	}
	if (!any) return null;
	let tail = Math.max(digit, 0);
	// 两万五 / 三千五: a trailing digit right after a unit stands for the next lower place.
	if (digit > 0 && !zero && lastUnit >= 100) tail = digit * (lastUnit / 10);
	return yi + wan + sec + tail;
}

const RANGE_RE = /^([一二两三四五六七八九])([二两三四五六七八九])([十百千万亿]{0,3})$/;
const ARABIC_RE = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([十百千万亿]{0,3})$/;

/**
 * Parses one whole numeral: Arabic (with commas, decimals and a 万/亿 suffix), Chinese
 * positional, 〇-digit years, ranges (lower bound in `value`) and 百分之 percentages.
 * @example parseNumeral('2.7万') // { value: 27000, high: null, percent: false }
 */
export function parseNumeral(input: string): ParsedNumeral | null {
	let s = input.trim();
	let percent = false;
	if (s.startsWith('百分之')) {
		percent = true;
		s = s.slice(3);
	} else if (s.endsWith('%')) {
		percent = true;
		s = s.slice(0, -1);
	}
	if (s === '') return null;
	// a plain integer, the most common numeral: ARABIC_RE would read it as its own value
	if (allIn(s, ASCII_DIGIT)) return { value: Number(s), high: null, percent };
	// both of ARABIC_RE's alternatives start with a digit
	const a = isDigitCode(s.charCodeAt(0)) ? ARABIC_RE.exec(s) : null;
	if (a) {
		const pow = suffixPow(a[3]);
		if (pow === null) return null;
		// a plain integer (no comma, decimals or magnitude) is its own value: nothing to scale
		const plain = pow === 0 && a[2] === undefined && !a[1].includes(',');
		return { value: plain ? Number(a[1]) : scaleDecimal(a[1] + (a[2] ?? ''), pow), high: null, percent };
	}
	// 百分之六十点五: a Chinese decimal point
	const point = s.indexOf('点');
	if (point > 0) {
		const int = parseChinesePositional(s.slice(0, point));
		const frac = [...s.slice(point + 1)].map((c) => DIGIT[c]);
		if (int === null || frac.length === 0 || frac.some((d) => d === undefined)) return null;
		return { value: Number(`${int}.${frac.join('')}`), high: null, percent };
	}
	// RANGE_RE matches 2 to 5 characters only
	const r = s.length >= 2 && s.length <= 5 ? RANGE_RE.exec(s) : null;
	if (r) {
		const lo = DIGIT[r[1]];
		const hi = DIGIT[r[2]];
		const pow = suffixPow(r[3]);
		if (hi > lo && hi - lo <= 2 && pow !== null) {
			return { value: scaleDecimal(String(lo), pow), high: scaleDecimal(String(hi), pow), percent };
		}
	}
	if (isDigitString(s)) {
		// 二〇二三: digit by digit, only when written with a zero sign (or four digits, a year)
		if (!/[〇零]/.test(s) && s.length < 4) return null;
		return { value: Number([...s].map((c) => DIGIT[c]).join('')), high: null, percent };
	}
	const v = parseChinesePositional(s);
	return v === null ? null : { value: v, high: null, percent };
}

// One alternation per surface form; every quantifier is bounded so no input backtracks badly.
// Sticky: scanNumbers tries it only where a numeral can begin (TOKEN_FIRST), which finds the same
// leftmost matches as a global search while skipping the ordinary text in a plain loop.
const TOKEN_RE =
	/百分之[零〇一二两三四五六七八九十百千点]{1,12}|数以[十百千万亿]{1,2}计|(?:\d{1,3}(?:,\d{3}){1,5}|\d{1,20})(?:\.\d{1,10})?(?:[十百千万亿]{1,3})?|[零〇一二两三四五六七八九十百千万亿]{1,24}/y;
/** Every character an alternative of TOKEN_RE can start with; keep in step with TOKEN_RE. */
const TOKEN_FIRST = new Uint8Array(0x10000);
for (const c of '0123456789百数零〇一二两三四五六七八九十千万亿') TOKEN_FIRST[c.charCodeAt(0)] = 1;

// Character classes of the numerals by char code (a regex call per token cost more than the token):
/** [十百千万亿], the places */
const PLACE = 1;
/** [〇零一二两三四五六七八九], the Chinese digits */
const CJK_DIGIT = 2;
/** [〇零一二三四五六七八九], the digits of a numeral written digit by digit (二〇二三) */
const SPELLED_DIGIT = 4;
/** [0-9] */
const ASCII_DIGIT = 8;
const NUMERAL_CLASS = new Uint8Array(0x10000);
for (const c of '十百千万亿') NUMERAL_CLASS[c.charCodeAt(0)] |= PLACE;
for (const c of '〇零一二两三四五六七八九') NUMERAL_CLASS[c.charCodeAt(0)] |= CJK_DIGIT;
for (const c of '〇零一二三四五六七八九') NUMERAL_CLASS[c.charCodeAt(0)] |= SPELLED_DIGIT;
for (const c of '0123456789') NUMERAL_CLASS[c.charCodeAt(0)] |= ASCII_DIGIT;
/** Whether `s` is not empty and every character of it is of the class (as /^[class]+$/). */
function allIn(s: string, cls: number): boolean {
	if (s.length === 0) return false;
	for (let i = 0; i < s.length; i++) if (!(NUMERAL_CLASS[s.charCodeAt(i)] & cls)) return false;
	return true;
}
/** Whether some character of `s` is of the class (as /[class]/). */
function someIn(s: string, cls: number): boolean {
	for (let i = 0; i < s.length; i++) if (NUMERAL_CLASS[s.charCodeAt(i)] & cls) return true;
	return false;
}
/** Whether `s` is 2 to 4 such digits (as /^[〇零一二三四五六七八九]{2,4}$/). */
const isDigitString = (s: string): boolean => s.length >= 2 && s.length <= 4 && allIn(s, SPELLED_DIGIT);
/** Measure words and markers that may follow a lone Chinese digit when it counts something. */
const MEASURE_CHARS = '个人名位项篇份所场期届次家批本部门条种类字分套件册座台支组节间处户元倍年月日号岁点时天周级国省市县班队辆吨亩米成余多';
/** MEASURE_CHARS by char code: one table read instead of a scan of its 64 characters per lone digit. */
const IS_MEASURE = new Uint8Array(0x10000);
for (let k = 0; k < MEASURE_CHARS.length; k++) IS_MEASURE[MEASURE_CHARS.charCodeAt(k)] = 1;
/** Whether char code c (-1 past either end of the text) is one of MEASURE_CHARS. */
const isMeasureCode = (c: number): boolean => c >= 0 && IS_MEASURE[c] === 1;

/** Prefix markers, longest first, with the qualifier they signal. */
const PREFIXES: ReadonlyArray<readonly [string, Qualifier]> = [
	['不少于', 'atLeast'],
	['不低于', 'atLeast'],
	['将近', 'nearly'],
	['接近', 'nearly'],
	['近乎', 'nearly'],
	['不到', 'nearly'],
	['不足', 'nearly'],
	['大约', 'about'],
	['超过', 'over'],
	['突破', 'over'],
	['至少', 'atLeast'],
	['破', 'over'],
	['约', 'about'],
	['近', 'nearly'],
	['超', 'over'],
	['逾', 'over']
];
/** Marker characters read by char code (text[i] would make a string per number). */
const YU = '余'.charCodeAt(0);
const DUO = '多'.charCodeAt(0);
const LE = '了'.charCodeAt(0);
const DOT = 46;
const PERCENT = 37;
const SHU = '数'.charCodeAt(0);
const YI_CHAR = '以'.charCodeAt(0);
const JI = '几'.charCodeAt(0);
const SHANG = '上'.charCodeAt(0);
const CHENG = '成'.charCodeAt(0);
const SHI = '十'.charCodeAt(0);
const NIAN = '年'.charCodeAt(0);

/** Last characters of the prefix markers, by char code: before most numbers there is none, and the list need not be walked. */
const PREFIX_LAST = new Uint8Array(0x10000);
for (const [m] of PREFIXES) PREFIX_LAST[m.charCodeAt(m.length - 1)] = 1;
/** Characters that make a preceding 约 part of a word (签约, 制约) rather than "about". */
const YUE_WORD = '签制节公预合条契相邀特履违践';
/** Characters that make a preceding 近 part of a word (最近, 附近, 接近 is handled as a whole). */
const JIN_WORD = '最附临亲贴';
/** Characters that make a preceding 破 part of a verb other than 突破 (打破纪录). */
const PO_WORD = '打攻击冲看识爆';

/**
 * The qualifier signalled by a marker just before `start` (约, 近, 超过, 不少于 …), or null.
 * An interposed 了 is skipped: 超过了100人.
 * @example prefixQualifier('约700名', 1) // 'about'
 */
export function prefixQualifier(text: string, start: number): { qualifier: Qualifier; start: number } | null {
	let end = start;
	if (text.charCodeAt(end - 1) === LE) end--;
	if (end < 1 || !PREFIX_LAST[text.charCodeAt(end - 1)]) return null;
	// (by index: destructuring each pair made an iterator per marker)
	for (let k = 0; k < PREFIXES.length; k++) {
		const m = PREFIXES[k]![0];
		const q = PREFIXES[k]![1];
		const s = end - m.length;
		// startsWith compares in place; a slice per marker made fifteen strings per number
		if (s < 0 || !text.startsWith(m, s)) continue;
		if (m === '约' && YUE_WORD.includes(text[s - 1] ?? '#')) return null;
		if (m === '近' && JIN_WORD.includes(text[s - 1] ?? '#')) return null;
		// 破 alone is 突破 shortened (游客破百万); 打破, 攻破 and 击破 break something else
		if (m === '破' && PO_WORD.includes(text[s - 1] ?? '#')) return null;
		return { qualifier: q, start: s };
	}
	return null;
}

/**
 * The qualifier of a marker starting at `pos` after a number or its unit
 * (以上, 及以上, 左右, 上下, 前后, 余, 多), with the index past it; null when none.
 * @example suffixQualifier('人以上', 1) // { qualifier: 'atLeast', end: 3 }
 */
export function suffixQualifier(text: string, pos: number): { qualifier: Qualifier; end: number } | null {
	// every marker starts with one of these: after most numbers and units there is none
	if (!hasCode('及以左上前余多', text.charCodeAt(pos))) return null;
	if (text.startsWith('及以上', pos)) return { qualifier: 'atLeast', end: pos + 3 };
	if (text.startsWith('以上', pos)) return { qualifier: 'atLeast', end: pos + 2 };
	if (text.startsWith('左右', pos) || text.startsWith('上下', pos) || text.startsWith('前后', pos)) return { qualifier: 'about', end: pos + 2 };
	const c = text.charCodeAt(pos);
	if (c === YU || c === DUO) return { qualifier: 'over', end: pos + 1 };
	return null;
}

// Character tests by char code: readToken runs for every numeral, and a regex call per
// neighbouring character cost more than the rest of the token.
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
/** The char code at `i`, or -1 outside the text (charCodeAt's NaN there would deoptimise the callers). */
const codeAt = (s: string, i: number): number => (i >= 0 && i < s.length ? s.charCodeAt(i) : -1);

/** [0-9A-Za-z.] by char code (-1, past either end of the text, is none of them). */
function isAsciiWordCode(c: number): boolean {
	return isDigitCode(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
}

/**
 * Finds the numerals of `norm` (inside `range` when given) that can stand for a quantity:
 * Arabic numbers, Chinese numerals, 〇-years, ranges, percentages and vague magnitudes.
 * Bare Chinese words that only look numeric (全国两会, 年过半百, 统一零售价, 十四五) yield nothing.
 * @example scanNumbers('共150余人参加')[0] // { value: 150, qualifier: 'over', start: 1, end: 4, after: 5, … }
 */
export function scanNumbers(norm: string, range?: Span): NumberToken[] {
	const out: NumberToken[] = [];
	eachNumber(norm, range, (tok) => {
		out.push(tok);
		return true;
	});
	return out;
}

/**
 * scanNumbers' tokens handed to `take` one by one, in the same order, until it returns false: a
 * megabyte of figures need not be held as hundreds of thousands of tokens at once (most die young,
 * where the collector's work is least).
 */
export function eachNumber(norm: string, range: Span | undefined, take: (tok: NumberToken) => boolean): void {
	// mergeArabicRanges on the fly: a token is handed on once the next one says whether they join
	let pending: NumberToken | null = null;
	let going = true;
	scanTokens(norm, range, (b) => {
		const a = pending;
		if (a === null) {
			pending = b;
			return true;
		}
		pending = null;
		const joined = joinedRange(norm, a, b);
		if (joined) return (going = take(joined));
		pending = b;
		return (going = take(a));
	});
	if (going && pending !== null) take(pending);
}

function scanTokens(norm: string, range: Span | undefined, take: (tok: NumberToken) => boolean): void {
	const from = range?.start ?? 0;
	const to = range?.end ?? norm.length;
	/** The character at i inside the range, else -1 (a match must not run past `to`). */
	const codeIn = (i: number): number => (i < to ? norm.charCodeAt(i) : -1);
	// matches must not run past `to`, so the regex reads a slice ending there (made when needed)
	let text: string | null = null;
	for (let at = from; at < to; ) {
		const c = norm.charCodeAt(at);
		if (!TOKEN_FIRST[c]) {
			at++;
			continue;
		}
		// A Chinese digit not followed by another numeral character (统一, 一体化): TOKEN_RE would
		// match it alone, and readToken rejects a lone digit unless a measure word follows it
		// (read in the whole text, as readToken reads it).
		if (NUMERAL_CLASS[c]! & CJK_DIGIT && !(NUMERAL_CLASS[codeIn(at + 1)]! & (CJK_DIGIT | PLACE)) && !isMeasureCode(codeAt(norm, at + 1))) {
			at++;
			continue;
		}
		let raw: string;
		if (isDigitCode(c)) raw = norm.slice(at, at + arabicLength(norm, at, to));
		else if (NUMERAL_CLASS[c]! & (CJK_DIGIT | PLACE) && !(c === BAI && at + 3 <= to && norm.startsWith('分之', at + 1))) {
			// TOKEN_RE's last alternative, [零〇一二两三四五六七八九十百千万亿]{1,24}: the only one that can
			// start here unless 百 opens 百分之 (数以… starts with 数)
			let len = 1;
			while (len < 24 && NUMERAL_CLASS[codeIn(at + len)]! & (CJK_DIGIT | PLACE)) len++;
			raw = norm.slice(at, at + len);
		} else {
			// TOKEN_RE's only alternative starting with 数 is 数以…计: 数 before anything but 以 (数字, 人数) starts none
			if (c === SHU && codeIn(at + 1) !== YI_CHAR) {
				at++;
				continue;
			}
			text ??= from === 0 && to === norm.length ? norm : norm.slice(from, to);
			TOKEN_RE.lastIndex = at - from;
			const m = TOKEN_RE.exec(text);
			if (m === null) {
				at++;
				continue;
			}
			raw = m[0];
		}
		const tok = readToken(norm, at, raw, to);
		at += raw.length; // never empty
		if (tok && !take(tok)) return;
	}
}

const COMMA = 44;
const BAI = '百'.charCodeAt(0);

/**
 * The length of TOKEN_RE's match at `at` in text[0, n), where text[at] is a digit (only its Arabic alternative
 * starts with one), read by hand: a regex call per number cost more than the rest of it.
 * (?:\d{1,3}(?:,\d{3}){1,5}|\d{1,20})(?:\.\d{1,10})?(?:[十百千万亿]{1,3})?, tried in that order.
 */
function arabicLength(text: string, at: number, n: number): number {
	// n: where the text ends for the match
	const digit = (i: number): boolean => i < n && isDigitCode(text.charCodeAt(i));
	// the run's length matters only up to 21 (≤ 3 for a comma group, at most 20 taken): reading a
	// longer run to its end at every one of its numbers would be quadratic in it
	let run = 1;
	while (run <= 20 && digit(at + run)) run++;
	let i = at + run;
	// \d{1,3}(?:,\d{3}){1,5}: only a run of at most three digits can be followed by the comma
	let groups = 0;
	if (run <= 3) {
		while (groups < 5 && i < n && text.charCodeAt(i) === COMMA && digit(i + 1) && digit(i + 2) && digit(i + 3)) {
			i += 4;
			groups++;
		}
	}
	// else \d{1,20}
	if (groups === 0) i = at + Math.min(run, 20);
	// (?:\.\d{1,10})?
	if (i < n && text.charCodeAt(i) === DOT && digit(i + 1)) {
		let k = 1;
		while (k < 10 && digit(i + 1 + k)) k++;
		i += 1 + k;
	}
	// (?:[十百千万亿]{1,3})?
	for (let p = 0; p < 3 && i < n && NUMERAL_CLASS[text.charCodeAt(i)]! & PLACE; p++) i++;
	return i - at;
}

function readToken(norm: string, start: number, raw: string, limit: number): NumberToken | null {
	const end = start + raw.length;
	// the characters around the numeral by code (-1 past either end): no one-character strings
	const prev = codeAt(norm, start - 1);
	const next = codeAt(norm, end);
	const arabic = isDigitCode(raw.charCodeAt(0));
	let kind: NumberKind = 'number';
	let value: number;
	let high: number | null = null;
	let qualifier: Qualifier = 'exact';
	let after = end;

	if (raw.startsWith('数以')) {
		const pow = suffixPow(raw.slice(2, -1));
		if (pow === null) return null;
		return { start, end, value: 10 ** pow, high: null, kind: 'vague', qualifier: 'over', chinese: true, after };
	}
	if (arabic) {
		// part of a longer identifier, a phone number, a version or a code
		if (isAsciiWordCode(prev) || isAsciiWordCode(next) && next !== DOT) return null;
		if (next === DOT && isDigitCode(codeAt(norm, end + 1))) return null;
		// a plain integer is its own value (what parseNumeral returns for it), without the parse
		if (allIn(raw, ASCII_DIGIT)) value = Number(raw);
		else {
			const p = parseNumeral(raw);
			if (!p) return null;
			value = p.value;
		}
		if (next === PERCENT) {
			kind = 'percent';
			after = end + 1;
		}
	} else if (raw.startsWith('百分之')) {
		const p = parseNumeral(raw);
		if (!p) return null;
		value = p.value;
		kind = 'percent';
	} else {
		const placeOnly = allIn(raw, PLACE);
		if ((prev === SHU || prev === JI) && NUMERAL_CLASS[raw.charCodeAt(0)] & PLACE) {
			const p = parseNumeral(raw);
			if (!p) return null;
			return { start: start - 1, end, value: p.value, high: null, kind: 'vague', qualifier: 'over', chinese: true, after: skipOverMarker(norm, end, limit) };
		}
		if (placeOnly) {
			// a bare 百/千/万 is a number only with a marker: 百余所, 近百万, 上千人
			// 成千上万, 成百上千: an idiom of multitude, no count (its 上万 is not "over 10,000")
			if (prev === SHANG && start >= 3 && norm.charCodeAt(start - 3) === CHENG && NUMERAL_CLASS[norm.charCodeAt(start - 2)]! & PLACE) return null;
			// 上 signals "over" only before a bare magnitude (上百, 上千, 上万)
			const pre = prev === SHANG ? { qualifier: 'over' as Qualifier, start: start - 1 } : prefixQualifier(norm, start);
			const marked = next === YU || next === DUO || (pre !== null && pre.qualifier !== 'atLeast');
			// 十 is a number of its own before a measure word (十部门, 十万人): unlike 百 or 千, no vague magnitude
			if (!marked && raw.charCodeAt(0) === SHI && raw.length <= 2 && isMeasureCode(next)) {
				const p = parseNumeral(raw);
				if (!p) return null;
				return { start, end, value: p.value, high: null, kind: 'number', qualifier: 'exact', chinese: true, after: end };
			}
			if (!marked || raw.length > 3) return null;
			const p = parseNumeral(raw);
			if (!p) return null;
			const q: Qualifier = pre && pre.qualifier === 'nearly' ? 'nearly' : pre && pre.qualifier === 'about' ? 'about' : 'over';
			return { start, end, value: p.value, high: null, kind: 'vague', qualifier: q, chinese: true, after: skipOverMarker(norm, end, limit) };
		}
		if (!someIn(raw, CJK_DIGIT)) return null;
		// a lone Chinese digit is a number only before a measure word: 两个 yes, 两会 no
		if (raw.length === 1 && !isMeasureCode(next)) return null;
		const p = parseNumeral(raw);
		if (!p) return null;
		value = p.value;
		high = p.high;
		if (high !== null) kind = 'range';
		else if (isDigitString(raw)) {
			// 二〇二三年: a year written digit by digit; any other digit string is not a number
			if (raw.length !== 4 || next !== NIAN) return null;
			kind = 'year';
		}
	}
	// 40多万, 十余万: the approximate marker sits between the number and its magnitude
	if (kind === 'number' && (next === DUO || next === YU) && (norm[end + 1] === '万' || norm[end + 1] === '亿') && end + 2 <= limit) {
		const pow = suffixPow(norm[end + 1]) ?? 0;
		return { start, end: end + 2, value: scaleDecimal(String(value), pow), high: null, kind, qualifier: 'over', chinese: !arabic, after: end + 2 };
	}
	if (arabic && kind === 'number' && raw.length === 4 && allIn(raw, ASCII_DIGIT) && value >= 1900 && value <= 2100 && hasCode('年届级', next)) kind = 'year';

	const pre = kind === 'year' ? null : prefixQualifier(norm, start);
	if (pre) qualifier = pre.qualifier;
	if (kind !== 'year') {
		const suf = after < limit ? suffixQualifier(norm, after) : null;
		if (suf && (suf.qualifier !== 'about' || kind === 'percent')) {
			// 余/多 belong to the numeral (3000多人); 以上/左右 right after a percentage too
			if (qualifier === 'exact') qualifier = suf.qualifier;
			after = suf.end;
		}
		if (kind === 'range') qualifier = 'atLeast';
	}
	return { start, end, value, high, kind, qualifier, chinese: !arabic, after };
}

function skipOverMarker(norm: string, pos: number, limit: number): number {
	return pos < limit && (norm.charCodeAt(pos) === YU || norm.charCodeAt(pos) === DUO) ? pos + 1 : pos;
}

const RANGE_SEP = '-~～—–至到';

/**
 * 3-5个, 10至20人: two Arabic numbers joined by a dash become one range token (lower bound as
 * value), or null when the token `b` after `a` does not join it.
 */
function joinedRange(norm: string, a: NumberToken, b: NumberToken): NumberToken | null {
	if (
		!a.chinese &&
		!b.chinese &&
		a.kind === 'number' &&
		(b.kind === 'number' || b.kind === 'percent') &&
		a.qualifier === 'exact' &&
		b.start === a.end + 1 &&
		RANGE_SEP.includes(norm[a.end]) &&
		b.value > a.value
	) {
		return { ...a, end: b.end, high: b.value, kind: b.kind === 'percent' ? 'percent' : 'range', qualifier: 'atLeast', after: b.after };
	}
	return null;
}
