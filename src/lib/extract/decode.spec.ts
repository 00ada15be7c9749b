import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { decodeBytes, strictUtf8, utf8Damage } from './decode.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** 职业教育 in GBK. */
const GBK = new Uint8Array([0xd6, 0xb0, 0xd2, 0xb5, 0xbd, 0xcc, 0xd3, 0xfd]);
const TEXT = '全省职业教育工作会议在太原召开，来自各市的代表120余人参加会议。';

describe('utf8Damage', () => {
	test.each([
		['clean ASCII', utf8('abc'), { valid: 0, invalid: 0 }],
		['clean Chinese', utf8('职业'), { valid: 2, invalid: 0 }],
		['a character cut after its first byte', utf8('职业').subarray(0, 4), { valid: 1, invalid: 1 }],
		['a character cut after its second byte', utf8('职业').subarray(0, 5), { valid: 1, invalid: 1 }],
		['a stray continuation byte', new Uint8Array([0x61, 0x80, 0x62]), { valid: 0, invalid: 1 }],
		['an overlong form', new Uint8Array([0xc0, 0xaf]), { valid: 0, invalid: 2 }],
		['a surrogate', new Uint8Array([0xed, 0xa0, 0x80]), { valid: 0, invalid: 3 }]
	])('%s', (_, bytes, expected) => {
		expect(utf8Damage(bytes)).toEqual(expected);
		// The count matches what TextDecoder replaces.
		expect(new TextDecoder().decode(bytes).split('\ufffd').length - 1).toBe(expected.invalid);
	});
});

describe('decodeBytes on damaged UTF-8', () => {
	test('a UTF-8 file cut at any byte stays UTF-8, with the cut character replaced and counted', () => {
		const bytes = utf8(TEXT);
		for (let cut = bytes.length - 1; cut > bytes.length - 60; cut--) {
			const out = decodeBytes(bytes.subarray(0, cut), 'a.txt');
			expect(out.encoding).toBe('utf-8');
			expect(TEXT.startsWith(out.text.replace(/\ufffd$/, ''))).toBe(true);
			expect(out.replaced ?? 0).toBe(out.text.endsWith('\ufffd') ? 1 : 0);
		}
	});

	test('a UTF-8 file with a damaged byte in the middle stays UTF-8', () => {
		const bytes = utf8(TEXT + TEXT);
		bytes[10] = 0xff;
		const out = decodeBytes(bytes, 'a.txt');
		expect(out).toMatchObject({ encoding: 'utf-8', replaced: 3 });
		expect(out.text).toContain('来自各市的代表');
	});

	test.each([
		['GBK text', GBK],
		['GBK text cut mid-character', GBK.subarray(0, 7)],
		['GBK text with ASCII around it', new Uint8Array([...utf8('2023 '), ...GBK, ...utf8(' ok')])]
	])('%s is still read as GB18030', (_, bytes) => {
		expect(decodeBytes(bytes, 'a.txt').encoding).toBe('gb18030');
	});

	test('UTF-8 under a label that says GBK (a .gbk. name, a gb2312 meta) is read as UTF-8', () => {
		const long = TEXT.repeat(3);
		expect(decodeBytes(utf8(long), 'a.gbk.txt')).toEqual({ text: long, encoding: 'utf-8' });
		expect(decodeBytes(utf8(`<meta charset="gb2312"><p>${long}</p>`), 'a.html').encoding).toBe('utf-8');
		expect(decodeBytes(GBK, 'a.gbk.txt').encoding).toBe('gb18030');
	});

	test('damaged UTF-8 reads as TextDecoder reads it, its damage counted as utf8Damage counts it', () => {
		// well-formed text with a few damaged sequences: stray and cut bytes, overlong and surrogate forms, a byte-order mark inside
		const text = fc.string({ unit: 'binary', minLength: 20, maxLength: 60 }).map((s) => new TextEncoder().encode(`职业教育${s.replace(/[\u0000-\u001f]/g, 'x')}会议`));
		const damage = fc.constantFrom([0x80], [0xff], [0xe8], [0xe8, 0x81], [0xf0, 0x9f, 0x98], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf]).map((a) => Uint8Array.from(a));
		const replacing = new TextDecoder();
		fc.assert(
			fc.property(fc.array(fc.tuple(text, damage), { minLength: 1, maxLength: 6 }), fc.boolean(), (pairs, cut) => {
				const parts = pairs.flat();
				const bytes = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
				let at = 0;
				for (const p of parts) bytes.set(p, (at += p.length) - p.length);
				const input = cut ? bytes.subarray(0, -1) : bytes;
				const out = decodeBytes(input, 'a.txt');
				fc.pre(out.encoding === 'utf-8');
				expect(out.text).toBe(replacing.decode(input));
				expect(out.replaced ?? 0).toBe(utf8Damage(input).invalid);
			}),
			{ seed: 11, numRuns: 1500 }
		);
	});

	test('clean UTF-8 reports no replacement', () => {
		expect(decodeBytes(utf8(TEXT), 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-8' });
	});
});

describe('strictUtf8', () => {
	const fatal = new TextDecoder('utf-8', { fatal: true });
	const reference = (b: Uint8Array): string | null => {
		try {
			return fatal.decode(b);
		} catch {
			return null;
		}
	};
	// pieces: valid UTF-8 of any code points (lone surrogates included), stray bytes, cut sequences, overlong and surrogate forms
	const piece = fc.oneof(
		fc.string({ unit: 'binary', maxLength: 40 }).map((s) => new TextEncoder().encode(s)),
		fc.uint8Array({ maxLength: 8 }),
		fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }).map((s) => new TextEncoder().encode(s).subarray(0, -1)),
		fc.constantFrom([0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xef, 0xbb, 0xbf]).map((a) => Uint8Array.from(a))
	);

	it('gives what TextDecoder in fatal mode gives (the text, or null where it throws)', () => {
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
				const bytes = new Uint8Array(pieces.reduce((a, p) => a + p.length, 0));
				let at = 0;
				for (const p of pieces) bytes.set(p, (at += p.length) - p.length);
				// a leading byte-order mark is decodeBytes' to take off before
				fc.pre(!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf));
				expect(strictUtf8(bytes)).toBe(reference(bytes));
			}),
			{ seed: 7, numRuns: 2000 }
		);
	});
});

describe('decodeBytes on control bytes', () => {
	// strict UTF-8 is answered before the bytes are counted: the refusal must not depend on it
	test.each([
		['valid UTF-8 with NULs', utf8(`${TEXT}\u0000\u0000\u0000`), true],
		['valid UTF-8 with one control byte in 200', utf8(`${TEXT.repeat(3)}\u0001`), false],
		['valid UTF-8 with form feeds and escapes only', utf8(`${TEXT}\u000c\u001b`.repeat(20)), false],
		['GBK with NULs', new Uint8Array([...GBK, 0, 0, 0, 0]), true]
	])('%s: refused as binary %s, as binaryShare counts the bytes', (_, bytes, refused) => {
		const run = () => decodeBytes(bytes, 'a.txt');
		if (refused) expect(run).toThrow(/binary/);
		else expect(run).not.toThrow();
	});
	test('any text with control characters: refused exactly when more than 1 % of the bytes are C0 controls other than tab, newlines, form feed and escape', () => {
		const control = fc.constantFrom(...'\u0000\u0001\u0008\u000b\u000e\u001a\u001c\u001f\t\n\r\u000c\u001b');
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.constantFrom('职', '业', 'a', '。'), control), { minLength: 1, maxLength: 300 }), (chars) => {
				const bytes = utf8(chars.join(''));
				const bad = [...bytes].filter((b) => b === 0 || (b < 0x20 && ![0x09, 0x0a, 0x0d, 0x0c, 0x1b].includes(b))).length;
				const refused = (() => {
					try {
						decodeBytes(bytes, 'a.txt');
						return false;
					} catch (e) {
						return /binary/.test((e as Error).message);
					}
				})();
				expect(refused).toBe(bad / bytes.length > 0.01);
			})
		);
	});
});
