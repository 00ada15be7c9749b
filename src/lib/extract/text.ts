// One document's bytes → a PreparedDocument the extractors read.
import { CLEANED, decodeDocument, type TextEncoding } from './decode.ts';
import { fold } from './fold.ts';
import { htmlToText } from './html.ts';
import { bodySpans, classifyLines, publicationDate } from './layout.ts';
import type { PreparedDocument } from './types.ts';

/** Documents the pipeline reads, by file name. */
export const DOCUMENT_FILE = /\.(txt|html?)$/i;

/**
 * A document's id: its file name without folders and extensions (a.gbk.txt → a).
 * @example documentId('dev/b.gbk.txt') // 'b'
 */
export function documentId(fileName: string): string {
	return fileName.replace(/^.*[\\/]/, '').replace(/(\.(gbk|gb2312|gb18030|utf-?8))?\.(txt|html?|docx|doc|wps|pdf)$/i, '');
}

/**
 * Line ends as \n, no control characters other than tab and newline. `plain`: the text is known to
 * hold none of CLEANED's characters (decodeDocument searched it), so it is returned as it is.
 */
function cleanText(text: string, plain = false): string {
	// most documents need none of the three passes below: one search for any character they change
	// (CLEANED: \r, the control characters dropped and TONED_RANGE; keep in step with them) answers them
	if (plain || !CLEANED.test(text)) return text;
	return stripInsertedPinyin(text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff]/g, ''));
}

/**
 * A toned pinyin syllable in brackets right after a Chinese character: 職業(yè)教育, 发【fā】布. Some
 * sites insert them as reading aids (or as scraper bait); they split words, so they are dropped.
 * A syllable must carry a tone mark, so an abbreviation in brackets (CAD) stays.
 */
const INSERTED_PINYIN = /[(（【\[][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}[)）】\]]/g;
const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;
/** The code range holding every toned vowel (à U+00E0 … ǜ U+01DC): one range test per character scans 3× faster than TONED's class. */
const TONED_RANGE = /[\u00e0-\u01dc]/;
const isCjk = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;

/**
 * Removes pinyin inserted after characters; offsets of the result are the document's offsets.
 * @example stripInsertedPinyin('職業(yè)教育') // '職業教育'
 */
export function stripInsertedPinyin(text: string): string {
	// toned vowels are rare in Chinese text: most documents are answered by one scan
	if (!TONED_RANGE.test(text) || !TONED.test(text)) return text;
	let out = '';
	let from = 0;
	for (const m of text.matchAll(INSERTED_PINYIN)) {
		// the character before the bracket (or before one space) must be Chinese
		let at = m.index;
		if (at > 0 && /\s/.test(text[at - 1]!)) at--;
		if (at === 0 || !isCjk(text.charCodeAt(at - 1))) continue;
		out += text.slice(from, at);
		from = m.index + m[0].length;
	}
	return from === 0 ? text : out + text.slice(from);
}

export interface PreparedWithEncoding extends PreparedDocument {
	encoding: TextEncoding;
	/** U+FFFD put in for damaged UTF-8 (decodeBytes' count; absent when none) */
	replaced?: number;
	/** the file's bytes when they are exactly the UTF-8 of `text` (a clean UTF-8 file taken as it is): what its hash reads */
	utf8?: Uint8Array;
}

/**
 * Decodes, strips page chrome and folds a document for extraction.
 * Throws UnreadableFileError when the bytes are not a text document.
 * @example prepareDocument('a.txt', new TextEncoder().encode('标题\n正文。')).title // '标题'
 */
export function prepareDocument(fileName: string, bytes: Uint8Array): PreparedWithEncoding {
	const { text: decoded, encoding, replaced, plain } = decodeDocument(bytes, fileName);
	const isHtml = /\.html?$/i.test(fileName) || /^\s*<(!doctype html|html)/i.test(decoded.slice(0, 200));
	const page = isHtml ? htmlToText(decoded) : null;
	// (the decoded text's search for what cleanText changes serves only when it is the text cleaned)
	const text = page ? cleanText(page.text) : cleanText(decoded, plain);
	// strictly valid UTF-8 without a byte-order mark (decodeBytes gives no count of damage for it) is
	// decoded without change: when nothing was cleaned, the bytes are the text's UTF-8
	const exact = encoding === 'utf-8' && !replaced && !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) && text === decoded;
	const norm = fold(text);
	const lines = classifyLines(norm);
	const titleLine = lines.find((l) => l.role === 'title');
	const published = publicationDate(norm, lines, page ? fold(stripInsertedPinyin(page.pageText)) : norm);
	return {
		id: documentId(fileName),
		fileName: fileName.replace(/^.*[\\/]/, ''),
		text,
		norm,
		body: bodySpans(lines),
		title: (page?.title != null ? stripInsertedPinyin(page.title) : null) ?? (titleLine ? text.slice(titleLine.start, titleLine.end) : null),
		published,
		encoding,
		...(replaced ? { replaced } : {}),
		...(exact ? { utf8: bytes } : {})
	};
}
