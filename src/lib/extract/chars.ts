// Character tests by char code, shared by the extractors' hot loops: reading norm[i] would make a
// one-character string for every character read.

/**
 * Whether char code `c` is white space as JavaScript's \s (and String.prototype.trim) read it.
 * @example isSpaceCode(0x3000) // true (the ideographic space)
 */
export const isSpaceCode = (c: number): boolean =>
	c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/**
 * Whether one of the (few) characters of `chars` has char code `c`; no string is made per test.
 * @example hasCode('第前首', '第'.charCodeAt(0)) // true
 */
export function hasCode(chars: string, c: number): boolean {
	for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
	return false;
}

/**
 * Whether s[from, to) holds a character of `chars` (a few): a scan by char code, no slice.
 * @example holdsCode('95个项目(中职', '(（', 0, 8) // true
 */
export function holdsCode(s: string, chars: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) if (hasCode(chars, s.charCodeAt(i))) return true;
	return false;
}

/**
 * Up to 32 guard bits on characters. Each bit is set on the characters every match of some pattern
 * starts with or holds (firstChars, everyMatchHolds), so one pass ORing the bits of a text's
 * characters tells which patterns can match it: a regex is called only where its bit is set.
 * Stored as a byte per char code (the index of the character's bit set) and the few distinct bit
 * sets: a quarter of the cache lines a table of 32-bit words spreads the CJK block over.
 * @example const g = new CharBits(); const contest = g.bit('赛'); (g.in('技能大赛') & contest) !== 0 // true
 */
export class CharBits {
	/** each char code's entry in #masks (0: no bits) */
	readonly #index = new Uint8Array(0x10000);
	/** the distinct bit sets in use; entry 0 is empty */
	readonly #masks = new Uint32Array(256);
	#sets = 1;
	#used = 0;

	/** A new bit, set on each of `chars`. */
	bit(chars: string): number {
		if (this.#used === 32) throw new Error('more than 32 guard bits in one table');
		const bit = 1 << this.#used++;
		for (let k = 0; k < chars.length; k++) this.add(chars.charCodeAt(k), bit);
		return bit;
	}

	/** Sets `bits` on char code `c`. */
	add(c: number, bits: number): void {
		const mask = (this.#masks[this.#index[c]!]! | bits) >>> 0;
		let k = 1;
		while (k < this.#sets && this.#masks[k] !== mask) k++;
		if (k === this.#sets) {
			if (k === 256) throw new Error('more than 255 distinct bit sets in one table');
			this.#masks[this.#sets++] = mask;
		}
		this.#index[c] = k;
	}

	/** The bits of char code `c`. */
	of(c: number): number {
		return this.#masks[this.#index[c]!]!;
	}

	/** The bits of the characters of s[from, to). */
	in(s: string, from = 0, to = s.length): number {
		const index = this.#index;
		const masks = this.#masks;
		let mask = 0;
		for (let i = from; i < to; i++) mask |= masks[index[s.charCodeAt(i)]!]!;
		return mask;
	}
}

/**
 * Up to 8 guard bits on characters, as CharBits, in a byte per char code: a quarter of its cache
 * lines, for the guards of one hot loop that needs no more bits (the characters a text holds are
 * spread over the CJK block, so the table's width decides how much of it a page touches).
 * @example const g = new ByteBits(); const mountain = g.bit('山'); (g.of['山'.charCodeAt(0)]! & mountain) !== 0 // true
 */
export class ByteBits {
	/** the bits of each char code */
	readonly of = new Uint8Array(0x10000);
	#used = 0;

	/** A new bit, set on each of `chars`. */
	bit(chars: string): number {
		if (this.#used === 8) throw new Error('more than 8 guard bits in one byte table');
		const bit = 1 << this.#used++;
		for (let k = 0; k < chars.length; k++) this.of[chars.charCodeAt(k)] |= bit;
		return bit;
	}
}

/**
 * Every character a match of `re` can start with, read from its source: a text holding none of
 * them has no match, so a scan of the text's characters can spare a regex call. Covers
 * alternations of literals, groups, character classes (not negated), \d and lookarounds before
 * the first character; throws for a pattern whose first character it cannot tell (an optional
 * or empty start, `.`, a negated class, \s or \w, flags other than g and y), so a guard built
 * from it is exact or is not built.
 * @example firstChars(/(?<!工业)大类|专业/) // '大专'
 */
export function firstChars(re: RegExp): string {
	if (re.flags.replace(/[gy]/g, '') !== '') throw new Error(`firstChars: flags ${re.flags} of ${re}`);
	const out = new Set<string>();
	firstOfDisjunction(re.source, 0, re.source.length, out);
	return [...out].join('');
}

function cannot(src: string, at: number): never {
	throw new Error(`firstChars: cannot tell the first character of /${src}/ at ${at}`);
}

/** Index of the `)` closing the group that opens at `i`. */
function closeGroup(src: string, i: number): number {
	let depth = 0;
	for (let k = i; k < src.length; k++) {
		const c = src[k];
		if (c === '\\') k++;
		else if (c === '[') k = closeClass(src, k);
		else if (c === '(') depth++;
		else if (c === ')' && --depth === 0) return k;
	}
	return cannot(src, i);
}

/** Index of the `]` closing the class that opens at `i`. */
function closeClass(src: string, i: number): number {
	for (let k = i + 1; k < src.length; k++) {
		if (src[k] === '\\') k++;
		else if (src[k] === ']') return k;
	}
	return cannot(src, i);
}

/** The alternatives of src[from, to), split at its top-level `|`, as [start, end) pairs. */
function alternatives(src: string, from: number, to: number): Array<[number, number]> {
	const out: Array<[number, number]> = [];
	let start = from;
	for (let k = from; k <= to; k++) {
		if (k === to || src[k] === '|') {
			out.push([start, k]);
			start = k + 1;
		} else if (src[k] === '\\') k++;
		else if (src[k] === '[') k = closeClass(src, k);
		else if (src[k] === '(') k = closeGroup(src, k);
	}
	return out;
}

/** Whether the group opening at `i` is a lookaround: it consumes nothing. */
const isLookaround = (src: string, i: number): boolean => /^\(\?<?[=!]/.test(src.slice(i, i + 4));

/** Where the body of the group opening at `i` begins: after `(`, `(?:` or `(?<name>`. */
const groupBody = (src: string, i: number): number => (src.startsWith('(?:', i) ? i + 3 : src.startsWith('(?<', i) ? src.indexOf('>', i) + 1 : i + 1);

function firstOfDisjunction(src: string, from: number, to: number, out: Set<string>): void {
	for (const [start, end] of alternatives(src, from, to)) firstOfAlternative(src, start, end, out);
}

function firstOfAlternative(src: string, from: number, to: number, out: Set<string>): void {
	let i = from;
	// anchors and lookarounds consume nothing: the first character comes after them
	for (;;) {
		if (i >= to) cannot(src, i);
		if (src[i] === '^') i++;
		else if (isLookaround(src, i)) i = closeGroup(src, i) + 1;
		else break;
	}
	const c = src[i]!;
	const chars = new Set<string>();
	let end: number;
	if (c === '(') {
		end = closeGroup(src, i) + 1;
		firstOfDisjunction(src, groupBody(src, i), end - 1, chars);
	} else if (c === '[') {
		end = closeClass(src, i) + 1;
		if (src[i + 1] === '^') cannot(src, i);
		classChars(src, i + 1, end - 1, chars);
	} else if (c === '\\') {
		end = i + 2;
		escapeChars(src, i, chars);
	} else if (c === '.' || c === '$' || c === ')' || c === '|' || c === '*' || c === '+' || c === '?' || c === '{') {
		return cannot(src, i);
	} else {
		end = i + 1;
		chars.add(c);
	}
	// an optional first element lets the match start with what follows it
	if (end < to && (src[end] === '?' || src[end] === '*' || src.startsWith('{0', end))) cannot(src, end);
	for (const ch of chars) out.add(ch);
}

function escapeChars(src: string, i: number, out: Set<string>): Set<string> {
	const e = src[i + 1] ?? '';
	if (e === 'd') for (const d of '0123456789') out.add(d);
	else if (/^[^\w]$/.test(e) && e !== '') out.add(e);
	else cannot(src, i);
	return out;
}

function classChars(src: string, from: number, to: number, out: Set<string>): Set<string> {
	for (let k = from; k < to; k++) {
		if (src[k] === '\\') {
			escapeChars(src, k, out);
			k++;
			continue;
		}
		if (src[k + 1] === '-' && k + 2 < to) {
			const hi = src[k + 2] === '\\' ? cannot(src, k) : src.charCodeAt(k + 2);
			for (let c = src.charCodeAt(k); c <= hi; c++) out.add(String.fromCharCode(c));
			k += 2;
			continue;
		}
		out.add(src[k]!);
	}
	return out;
}

/** Whether every character of the set `read` gives is among `chars` (false when it cannot be read: \s, \w …). */
function allAmong(read: () => Set<string>, chars: string): boolean {
	try {
		const set = read();
		return set.size > 0 && [...set].every((c) => chars.includes(c));
	} catch {
		return false;
	}
}

/**
 * Whether every match of `re` holds one of `chars`, read from its source: each alternative must
 * hold an element, not optional, that is one of them, a class (not negated) or escape (\d) all of
 * whose characters are among them, or a group of which this holds (other classes and escapes, `.`
 * and lookarounds count for nothing). False when it cannot tell, so a guard on these characters
 * is built only when it is exact: a text holding none of them has no match.
 * @example everyMatchHolds(/馆藏|藏书|生均/, '藏均') // true
 * @example everyMatchHolds(/(?:来源|作者)\s*[:：]/, ':：') // true
 */
export function everyMatchHolds(re: RegExp, chars: string): boolean {
	if (re.flags.replace(/[gy]/g, '') !== '') return false;
	try {
		return disjunctionHolds(re.source, 0, re.source.length, chars);
	} catch {
		return false;
	}
}

function disjunctionHolds(src: string, from: number, to: number, chars: string): boolean {
	return alternatives(src, from, to).every(([start, end]) => alternativeHolds(src, start, end, chars));
}

function alternativeHolds(src: string, from: number, to: number, chars: string): boolean {
	let holds = false;
	for (let i = from; i < to; ) {
		const c = src[i]!;
		let end: number;
		let counts = false;
		if (c === '\\') {
			// \uXXXX, \xXX and \cX are one element (of no character read here)
			const e = src[i + 1];
			end = i + (e === 'u' ? 6 : e === 'x' ? 4 : e === 'c' ? 3 : 2);
			counts = allAmong(() => escapeChars(src, i, new Set()), chars);
		} else if (c === '[') {
			end = closeClass(src, i) + 1;
			counts = src[i + 1] !== '^' && allAmong(() => classChars(src, i + 1, end - 1, new Set()), chars);
		} else if (c === '(') {
			end = closeGroup(src, i) + 1;
			if (!isLookaround(src, i)) counts = disjunctionHolds(src, groupBody(src, i), end - 1, chars);
		} else {
			end = i + 1;
			counts = !'^$.'.includes(c) && chars.includes(c);
		}
		// a quantifier that allows none makes the element optional
		const q = src[end];
		if (q === '?' || q === '*' || src.startsWith('{0', end)) counts = false;
		if (q === '?' || q === '*' || q === '+') end++;
		else if (q === '{') end = src.indexOf('}', end) + 1;
		if (src[end] === '?') end++; // lazy
		holds ||= counts;
		i = end;
	}
	return holds;
}
