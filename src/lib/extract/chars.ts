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
