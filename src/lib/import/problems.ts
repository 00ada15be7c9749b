// What is wrong with a file the user dropped, as a code the interface words in the user's
// language, and the extractor's own sentence kept as detail.
import { MAX_DOCUMENT_BYTES } from '../extract/decode.ts';
import { DOCUMENT_EXTENSIONS, maxBytesOf } from '../extract/readers/formats.ts';

export type ProblemCode =
	| 'unsupported'
	| 'duplicate'
	| 'empty'
	| 'tooLarge'
	| 'binary'
	| 'encoding'
	| 'docx'
	| 'docxTooBig'
	| 'scanned'
	| 'undecodable'
	| 'encrypted'
	| 'damaged'
	| 'mismatch'
	| 'oldFormat'
	| 'contentTooBig'
	| 'tooSlow'
	| 'cancelled'
	| 'other';

export interface FileProblem {
	code: ProblemCode;
	/** the file's size in MB for tooLarge; the original message otherwise */
	detail: string;
}

/** Files the importer reads, by name: the formats extract/readers knows. */
export const IMPORT_FILE = DOCUMENT_EXTENSIONS;

/** A .docx is a zip that also holds images: its text is checked against the document limit after unpacking. */
export const MAX_DOCX_BYTES = 4 * MAX_DOCUMENT_BYTES;

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/**
 * A problem visible before reading the file: its type or size.
 * @example problemBeforeReading('a.pdf', 10) // { code: 'unsupported', detail: 'a.pdf' }
 */
export function problemBeforeReading(name: string, size: number): FileProblem | null {
	if (!IMPORT_FILE.test(name)) return { code: 'unsupported', detail: name.replace(/^.*\./, '.') };
	if (size === 0) return { code: 'empty', detail: '' };
	const limit = maxBytesOf(name);
	if (size > limit) return { code: 'tooLarge', detail: mb(size) };
	return null;
}

/**
 * The problem an extraction error stands for, from the extractor's messages (UnreadableFileError).
 * @example problemOf(new Error('a.txt: the file is empty')).code // 'empty'
 */
export function problemOf(error: unknown): FileProblem {
	const message = error instanceof Error ? error.message : String(error);
	if (error instanceof Error && error.name === 'DocumentReadError') {
		// A Word, WPS or PDF file its reader refused (extract/readers): scan, password, damage, a lying name, too much inside.
		const { problem, reason } = error as Error & { problem: string; reason: string };
		const code = ({ scanned: 'scanned', undecodable: 'undecodable', encrypted: 'encrypted', damaged: 'damaged', mismatch: 'mismatch', oldFormat: 'oldFormat', tooBig: 'contentTooBig' } as const)[problem] ?? 'other';
		return { code, detail: reason ?? message };
	}
	if (error instanceof Error && error.name === 'DocxError') {
		// A .docx refused by its bounds (docx.ts) says what is too big; the others are damaged.
		const bound = /\((.*(?:expands to|paragraphs|characters of text|parts inside|ZIP64).*)\)$/.exec(message);
		return bound ? { code: 'docxTooBig', detail: bound[1]! } : { code: 'docx', detail: message };
	}
	if (/the file is empty/.test(message)) return { code: 'empty', detail: message };
	const size = /the file is ([\d.]+) MB/.exec(message);
	if (size) return { code: 'tooLarge', detail: size[1]! };
	if (/looks binary/.test(message)) return { code: 'binary', detail: message };
	if (/neither UTF-8 nor GBK/.test(message)) return { code: 'encoding', detail: message };
	return { code: 'other', detail: message };
}
