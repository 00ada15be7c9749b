// Bytes → text. The same code runs in Node and in a Web Worker: TextDecoder knows
// UTF-8, UTF-16 and GB18030 (a superset of GBK and GB2312) in both; Node reads valid UTF-8 faster.

/** A file that cannot be turned into text, with a reason a user can act on. */
export class UnreadableFileError extends Error {
	readonly fileName: string;
	constructor(fileName: string, reason: string) {
		super(`${fileName}: ${reason}`);
		this.name = 'UnreadableFileError';
		this.fileName = fileName;
	}
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
	text: string;
	encoding: TextEncoding;
	/**
	 * characters that could not be decoded and were replaced by U+FFFD (UTF-8 with damage): for UTF-8,
	 * always utf8Damage(bytes).invalid when that is above 0, so the caller need not read the bytes again
	 */
	replaced?: number;
}

/** Larger files are not documents a person wrote: a dump, an archive or the wrong file. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/**
 * Counts a byte string's UTF-8: well-formed multi-byte sequences and ill-formed ones (a stray
 * continuation byte, a lead byte without its continuation, an overlong or surrogate form). One
 * linear pass, no allocation. `spots`, when given, receives each ill-formed sequence's start and end
 * (as pairs, up to MAX_SPOTS of them): what TextDecoder replaces by one U+FFFD each.
 * @example utf8Damage(bytes.subarray(0, -1)) // { valid: 120, invalid: 1 } for Chinese text cut mid-character
 */
export function utf8Damage(bytes: Uint8Array, spots?: number[]): { valid: number; invalid: number } {
	let valid = 0;
	let invalid = 0;
	const n = bytes.length;
	let i = 0;
	while (i < n) {
		const b = bytes[i]!;
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let lo = 0x80;
		let hi = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) need = 1;
		else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			if (b === 0xe0) lo = 0xa0;
			else if (b === 0xed) hi = 0x9f;
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			if (b === 0xf0) lo = 0x90;
			else if (b === 0xf4) hi = 0x8f;
		} else {
			if (spots && spots.length < MAX_SPOTS * 2) spots.push(i, i + 1);
			invalid++;
			i++;
			continue;
		}
		let k = 1;
		for (; k <= need && i + k < n; k++) {
			const c = bytes[i + k]!;
			if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) break;
		}
		if (k > need) {
			valid++;
			i += need + 1;
		} else {
			// The maximal ill-formed prefix counts once, as TextDecoder replaces it by one U+FFFD.
			if (spots && spots.length < MAX_SPOTS * 2) spots.push(i, i + k);
			invalid++;
			i += k;
		}
	}
	return { valid, invalid };
}

/** Ill-formed sequences utf8Damage notes at most: a file with more is decoded by TextDecoder. */
const MAX_SPOTS = 256;

/**
 * Whether bytes that are not strictly UTF-8 are still UTF-8 text with a few damaged characters
 * (a file cut mid-character, a flipped byte) rather than GBK: its well-formed multi-byte
 * sequences far outnumber the ill-formed ones. GBK text rarely forms valid UTF-8 sequences.
 */
function mostlyUtf8({ valid, invalid }: { valid: number; invalid: number }): boolean {
	return invalid > 0 && valid >= 4 * invalid && invalid <= 1 + valid / 20;
}

const GB_LABELS = /^(gbk|gb2312|gb_2312-80|gb18030|x-gbk|cp936|euc-cn)$/i;

/** The charset an HTML page declares in its first bytes, if any. */
function declaredCharset(bytes: Uint8Array): string | null {
	// one character per byte: TextDecoder's latin1 (windows-1252) takes ~200 µs on 4 KB of UTF-8 bytes,
	// and it differs from this only on 0x80–0x9F, none of which the pattern below can match
	// (in Node, the buffer module's latin1, the same one character per byte, made natively)
	const first = bytes.subarray(0, 4096);
	const head = nodeBuffer ? nodeBuffer.Buffer.from(first.buffer, first.byteOffset, first.byteLength).toString('latin1') : String.fromCharCode.apply(null, first as unknown as number[]);
	const m = /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w-]{2,40})/i.exec(head);
	return m?.[1]?.toLowerCase() ?? null;
}

/**
 * One decoder per encoding (and fatality), made on first use: making a TextDecoder costs more than
 * decoding a short page. A decode without { stream: true } starts afresh, even after a fatal error.
 */
const decoders = new Map<string, TextDecoder>();
function decoder(encoding: string, fatal = false): TextDecoder {
	const key = fatal ? `${encoding}!` : encoding;
	let d = decoders.get(key);
	if (!d) decoders.set(key, (d = new TextDecoder(encoding, { fatal })));
	return d;
}

type NodeBuffer = {
	Buffer: { from(b: ArrayBufferLike, offset: number, length: number): { toString(encoding: 'latin1'): string } };
	isUtf8(bytes: Uint8Array): boolean;
	transcode(bytes: Uint8Array, from: 'utf8', to: 'utf16le'): { toString(encoding: 'utf16le'): string };
};
/** Node's buffer module when running in Node (the CLI, the bench); absent in a browser's worker. */
const nodeBuffer = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:buffer') as NodeBuffer | undefined;

/**
 * The bytes (without a leading byte-order mark) as strictly valid UTF-8, as TextDecoder's fatal
 * mode reads them, or null when they are not. In Node, validation and transcoding to UTF-16 by
 * simdutf, then a two-byte string made by copying: about 2.5× faster than TextDecoder, which builds
 * its string through V8's own UTF-8 decoder; the same text (spec'd against TextDecoder).
 */
export function strictUtf8(bytes: Uint8Array): string | null {
	if (nodeBuffer) return nodeBuffer.isUtf8(bytes) ? nodeBuffer.transcode(bytes, 'utf8', 'utf16le').toString('utf16le') : null;
	try {
		return decoder('utf-8', true).decode(bytes);
	} catch {
		return null;
	}
}

/**
 * Damaged UTF-8 as TextDecoder (replacement mode) reads it, from the ill-formed sequences
 * utf8Damage noted: the well-formed stretches between them through strictUtf8 (fast in Node), one
 * U+FFFD for each. Null when it cannot tell (all spots not noted, a stretch strictUtf8 refuses, a
 * leading byte-order mark, which TextDecoder would take off): the caller decodes with TextDecoder.
 */
function stitchedUtf8(bytes: Uint8Array, spots: number[], invalid: number): string | null {
	if (!nodeBuffer || spots.length !== invalid * 2 || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) return null;
	let out = '';
	let from = 0;
	for (let k = 0; k <= spots.length; k += 2) {
		const to = k < spots.length ? spots[k]! : bytes.length;
		if (to > from) {
			const piece = strictUtf8(bytes.subarray(from, to));
			if (piece === null) return null;
			out += piece;
		}
		if (k < spots.length) {
			out += '\ufffd';
			from = spots[k + 1]!;
		}
	}
	return out;
}

/** The characters of the bytes binaryShare counts (keep in step with it). */
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f]/;
/**
 * What text.ts's cleanText changes or drops: \r, the control characters it removes and the code range
 * of toned pinyin vowels (keep in step with it). It holds every BINARY_CONTROL character, so text
 * without any of these is no binary file either: one search answers both for most documents.
 */
export const CLEANED = /[\u0000-\u0008\u000b-\u001f\u007f\ufeff\u00e0-\u01dc]/;

/** Share of bytes that never occur in text (NUL and most C0 controls). */
function binaryShare(bytes: Uint8Array): number {
	const n = Math.min(bytes.length, 8192);
	let bad = 0;
	for (let i = 0; i < n; i++) {
		const b = bytes[i]!;
		if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b)) bad++;
	}
	return n === 0 ? 0 : bad / n;
}

/**
 * Decodes a document's bytes: a byte-order mark wins, then a `.gbk.` file name or an
 * HTML charset declaration, then strict UTF-8, then UTF-8 with a few damaged characters
 * (`replaced` says how many), and GB18030 when the bytes are not UTF-8.
 * Throws UnreadableFileError for empty or binary files.
 * @example decodeBytes(bytes, 'a.gbk.txt').encoding // 'gb18030'
 */
export function decodeBytes(bytes: Uint8Array, fileName: string): DecodedText {
	const decoded = decodeDocument(bytes, fileName);
	return decoded.plain ? { text: decoded.text, encoding: decoded.encoding } : decoded;
}

/**
 * decodeBytes, and `plain` when the text is known to hold none of CLEANED's characters (strict
 * UTF-8 searched once for them, which also tells it is no binary file): cleanText need not search it again.
 */
export function decodeDocument(bytes: Uint8Array, fileName: string): DecodedText & { plain?: true } {
	if (bytes.length === 0) throw new UnreadableFileError(fileName, 'the file is empty');
	if (bytes.length > MAX_DOCUMENT_BYTES)
		throw new UnreadableFileError(
			fileName,
			`the file is ${(bytes.length / 2 ** 20).toFixed(1)} MB, more than the ${MAX_DOCUMENT_BYTES / 2 ** 20} MB a document may have (is it the right file? split it otherwise)`
		);
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		// (TextDecoder would take off a second mark as well: such a file goes to it)
		const rest = bytes.subarray(3);
		const strict = rest[0] === 0xef && rest[1] === 0xbb && rest[2] === 0xbf ? null : strictUtf8(rest);
		if (strict !== null) return { text: strict, encoding: 'utf-8' };
		const { invalid } = utf8Damage(bytes);
		return { text: decoder('utf-8').decode(rest), encoding: 'utf-8', ...(invalid > 0 ? { replaced: invalid } : {}) };
	}
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return { text: decoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return { text: decoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
	const declared = /\.html?$/i.test(fileName) ? declaredCharset(bytes) : null;
	const hintsGb = /\.(gbk|gb2312|gb18030)\./i.test(fileName) || (declared != null && GB_LABELS.test(declared));
	// Strict UTF-8, the commonest document, is decoded first: a byte below 0x80 is its own character
	// there, so text holding none of the control characters binaryShare counts has none of its bytes,
	// and one search of the text answers what binaryShare would read the bytes for.
	const strict = hintsGb ? null : strictUtf8(bytes);
	if (strict !== null && !CLEANED.test(strict)) return { text: strict, encoding: 'utf-8', plain: true };
	if (strict !== null && !BINARY_CONTROL.test(strict)) return { text: strict, encoding: 'utf-8' };
	if (binaryShare(bytes) > 0.01)
		throw new UnreadableFileError(fileName, 'the file looks binary (control bytes), not a text or HTML document');
	if (!hintsGb) {
		if (strict !== null) return { text: strict, encoding: 'utf-8' };
		// Not strictly UTF-8: UTF-8 with a few damaged characters stays UTF-8 (a truncated file
		// read as GB18030 would be mojibake throughout); otherwise Chinese documents that are
		// not UTF-8 are nearly always GBK/GB18030.
		const spots: number[] = [];
		const damage = utf8Damage(bytes, spots);
		if (mostlyUtf8(damage)) return { text: stitchedUtf8(bytes, spots, damage.invalid) ?? decoder('utf-8').decode(bytes), encoding: 'utf-8', replaced: damage.invalid };
	}
	if (hintsGb) {
		// A label that lies (a UTF-8 page declaring gb2312, a UTF-8 file named .gbk.txt): bytes that
		// are flawless UTF-8 with many multi-byte characters are UTF-8, which GBK text never is.
		const damage = utf8Damage(bytes);
		if (damage.invalid === 0 && damage.valid >= 8) return { text: decoder('utf-8').decode(bytes), encoding: 'utf-8' };
	}
	const text = decoder('gb18030').decode(bytes);
	const replaced = text.split('\ufffd').length - 1;
	if (replaced > Math.max(8, text.length / 50))
		throw new UnreadableFileError(fileName, 'the bytes are neither UTF-8 nor GBK/GB18030 text');
	return { text, encoding: 'gb18030' };
}
