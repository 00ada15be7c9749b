// Word 97-2003 (.doc) and WPS (.wps) files → plain text. Both are OLE compound files holding a
// `WordDocument` stream in Word's binary format (WPS Office has saved .wps that way since 2005):
// SheetJS's `cfb` opens the container (it runs unchanged in Node and in a browser worker), and the
// text is read here from the document's piece table ([MS-DOC] 2.8.35): the FIB names the table
// stream and where its CLX is, each piece says where its characters are and whether they are
// 8-bit (cp1252) or UTF-16. Field codes are dropped and their results kept, as Word shows them.
import * as CFB from 'cfb';
import { DocumentReadError, MAX_TEXT_CHARACTERS } from './formats.ts';

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

interface Piece {
	cpStart: number;
	cpEnd: number;
	/** byte offset of the piece's first character in the WordDocument stream */
	offset: number;
	compressed: boolean;
}

const asBytes = (content: unknown): Uint8Array => (content instanceof Uint8Array ? content : Uint8Array.from(content as number[]));

/** The pieces of the CLX at `at` in the table stream. */
function pieces(table: Uint8Array, at: number, length: number, fail: (why: string) => never): Piece[] {
	const end = at + length;
	if (end > table.length) fail('its piece table lies beyond its table stream (a truncated or damaged file)');
	let i = at;
	// Prc entries (formatting) come first: clxt 1, a 16-bit size, the grpprl.
	while (i < end && table[i] === 0x01) i += 3 + u16(table, i + 1);
	if (i >= end || table[i] !== 0x02) fail('no piece table in its CLX (a damaged file)');
	const lcb = u32(table, i + 1);
	const plc = i + 5;
	if (plc + lcb > table.length || lcb < 4 || (lcb - 4) % 12 !== 0) fail('a damaged piece table');
	const n = (lcb - 4) / 12;
	const out: Piece[] = [];
	for (let k = 0; k < n; k++) {
		const fcCompressed = u32(table, plc + 4 * (n + 1) + 8 * k + 2);
		const compressed = (fcCompressed & 0x40000000) !== 0;
		const fc = fcCompressed & 0x3fffffff;
		out.push({ cpStart: u32(table, plc + 4 * k), cpEnd: u32(table, plc + 4 * (k + 1)), offset: compressed ? fc / 2 : fc, compressed });
	}
	return out;
}

/**
 * Word's special characters → plain text: paragraph, cell and row marks and breaks become line
 * ends, field codes (between 0x13 and 0x14) are dropped and field results kept, anchors of
 * pictures, footnotes and drawings dropped, the non-breaking hyphen kept as a hyphen.
 */
function plain(raw: string): string {
	let out = '';
	let depth = 0;
	// per open field: whether its code part is over (its result is shown)
	const inResult: boolean[] = [];
	for (const ch of raw) {
		const c = ch.charCodeAt(0);
		if (c === 0x13) {
			depth++;
			inResult.push(false);
			continue;
		}
		if (c === 0x14) {
			if (depth > 0) inResult[depth - 1] = true;
			continue;
		}
		if (c === 0x15) {
			if (depth > 0) {
				depth--;
				inResult.pop();
			}
			continue;
		}
		if (depth > 0 && !inResult[depth - 1]) continue;
		if (c === 0x0d || c === 0x0b || c === 0x0c || c === 0x07) out += '\n';
		else if (c === 0x09) out += '\t';
		else if (c === 0x1e) out += '-';
		else if (c === 0xa0 || c === 0x3000) out += c === 0xa0 ? ' ' : ch;
		else if (c < 0x20 || c === 0x1f) continue;
		else out += ch;
	}
	return out.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * The text of a .doc or .wps file, one paragraph a line. Throws DocumentReadError naming the file
 * for an encrypted, damaged or truncated file, an encrypted .docx (which is a compound file too)
 * and a compound file that holds no Word document (an old Kingsoft WPS, an Excel sheet renamed).
 * @example wordText('通知.doc', bytes) // '关于召开…的通知\n各市职教社：…'
 */
export function wordText(fileName: string, bytes: Uint8Array, maxCharacters = MAX_TEXT_CHARACTERS): string {
	const fail = (problem: 'damaged' | 'encrypted' | 'oldFormat' | 'tooBig', why: string): never => {
		throw new DocumentReadError(fileName, problem, why);
	};
	const damaged = (why: string): never => fail('damaged', why);
	let container: CFB.CFB$Container;
	try {
		container = CFB.read(bytes, { type: 'array' });
	} catch {
		// cfb's own messages name its internals, not what is wrong with the file
		return damaged('a damaged or truncated Word file');
	}
	const stream = (name: string) => {
		const entry = CFB.find(container, name);
		return entry && entry.content ? asBytes(entry.content) : null;
	};
	if (stream('EncryptionInfo') || stream('EncryptedPackage')) return fail('encrypted', 'the document is password-protected: open it, remove the password and save it again');
	const word = stream('WordDocument');
	if (!word) return fail('oldFormat', 'no Word document inside (an old WPS format, or another program’s file): save it as .docx from WPS or Word');
	if (word.length < 0x1aa || u16(word, 0) !== 0xa5ec) return damaged('its Word header is damaged or cut short');
	const flags = u16(word, 0x0a);
	if (flags & 0x0100) return fail('encrypted', 'the document is password-protected: open it, remove the password and save it again');
	const nFib = u16(word, 2);
	if (nFib < 0xc1) return fail('oldFormat', `written by a Word older than 97 (format ${nFib}): save it as .docx`);
	const table = stream(flags & 0x0200 ? '1Table' : '0Table');
	if (!table) return damaged('its table stream is missing');
	const ccpText = u32(word, 0x4c);
	if (ccpText > maxCharacters) return fail('tooBig', `${ccpText} characters of text, more than the ${maxCharacters} a document may have`);
	const list = pieces(table, u32(word, 0x1a2), u32(word, 0x1a6), damaged);
	// 8-bit pieces are Windows-1252 ([MS-DOC] 2.9.73), which the Encoding standard's 'latin1' is.
	const cp1252 = new TextDecoder('windows-1252');
	const utf16 = new TextDecoder('utf-16le');
	let raw = '';
	for (const p of list) {
		if (p.cpStart >= ccpText) break;
		const count = Math.min(p.cpEnd, ccpText) - p.cpStart;
		if (count <= 0) continue;
		const size = p.compressed ? count : 2 * count;
		if (p.offset + size > word.length) return damaged('its text lies beyond the end of the file (a truncated file)');
		const chunk = word.subarray(p.offset, p.offset + size);
		raw += (p.compressed ? cp1252 : utf16).decode(chunk);
	}
	return plain(raw);
}
