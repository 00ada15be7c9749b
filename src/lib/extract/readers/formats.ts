// Which format a file is: by its name (what the user says it is) and by its first bytes (what it
// is). A file whose bytes contradict its extension is refused rather than read as something else.
import { MAX_DOCUMENT_BYTES } from '../decode.ts';

/** The formats the readers know. */
export type Format = 'text' | 'html' | 'docx' | 'doc' | 'wps' | 'pdf';

/** Every document file the CLI and the importer read, by name. */
export const DOCUMENT_EXTENSIONS = /\.(txt|html?|docx|doc|wps|pdf)$/i;

/** The extensions as the import page's `accept` list and messages show them. */
export const ACCEPTED_EXTENSIONS = ['.txt', '.html', '.htm', '.docx', '.doc', '.wps', '.pdf'] as const;

/**
 * The format a file name claims, or null when it is no document the readers know.
 * @example formatOfName('报告.PDF') // 'pdf'
 */
export function formatOfName(name: string): Format | null {
	const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
	switch (ext) {
		case 'txt':
			return 'text';
		case 'html':
		case 'htm':
			return 'html';
		case 'docx':
		case 'doc':
		case 'wps':
		case 'pdf':
			return ext;
		default:
			return null;
	}
}

/** What a file's first bytes say it is. */
export type Container = 'pdf' | 'zip' | 'cfb' | 'other';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/**
 * The container a file's bytes are: a PDF (%PDF- within the first kilobyte, as readers allow), a
 * zip (a .docx), an OLE compound file (.doc, .wps, an encrypted .docx) or anything else.
 * @example containerOf(new TextEncoder().encode('%PDF-1.7')) // 'pdf'
 */
export function containerOf(bytes: Uint8Array): Container {
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'cfb';
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
	// each '%' of the first kilobyte tried, found natively: a text file is looked at for every file read
	const head = bytes.subarray(0, 1024);
	for (let i = head.indexOf(0x25); i >= 0 && i + 5 <= head.length; i = head.indexOf(0x25, i + 1))
		if (head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return 'pdf';
	return 'other';
}

/** Why a file was refused, as a code the import page words in the user's language. */
export type ReadProblem = 'scanned' | 'undecodable' | 'encrypted' | 'damaged' | 'mismatch' | 'tooBig' | 'oldFormat';

/** A document file that cannot or may not be read; the message names the file. */
export class DocumentReadError extends Error {
	readonly fileName: string;
	readonly problem: ReadProblem;
	readonly reason: string;
	constructor(fileName: string, problem: ReadProblem, reason: string) {
		super(`${fileName}: ${reason}`);
		this.name = 'DocumentReadError';
		this.fileName = fileName;
		this.problem = problem;
		this.reason = reason;
	}
}

const CONTAINER_NAMES: Record<Container, string> = { pdf: 'a PDF file', zip: 'a zip archive (.docx)', cfb: 'a Word 97-2003 / WPS compound file (.doc)', other: 'a text file' };
const EXPECTED: Record<Format, Container[]> = { text: ['other'], html: ['other'], docx: ['zip', 'cfb'], doc: ['cfb'], wps: ['cfb', 'other'], pdf: ['pdf'] };

/**
 * Refuses a file whose bytes are another format than its extension says (a PDF renamed .docx, a
 * web page saved as .pdf). A .docx may be a compound file: that is how Word encrypts one, and the
 * .docx reader says so. A .wps may be an old Kingsoft file that is no compound file: its reader says so.
 * @example checkExtension('a.pdf', bytes) // throws DocumentReadError('a.pdf: … is a zip archive …')
 */
export function checkExtension(fileName: string, bytes: Uint8Array): Format {
	const claimed = formatOfName(fileName);
	if (!claimed) throw new DocumentReadError(fileName, 'mismatch', 'not a document format that can be read (.txt, .html, .docx, .doc, .wps, .pdf)');
	const actual = containerOf(bytes);
	if (!EXPECTED[claimed].includes(actual)) {
		const ext = fileName.replace(/^.*\./, '.').toLowerCase();
		throw new DocumentReadError(fileName, 'mismatch', `its name says ${ext} but its content is ${CONTAINER_NAMES[actual]}: rename it to its real type`);
	}
	return claimed;
}

/** What a document of each format may weigh as a file: text as before; Word and PDF files carry images. */
export const MAX_FILE_BYTES: Record<Format, number> = {
	text: MAX_DOCUMENT_BYTES,
	html: MAX_DOCUMENT_BYTES,
	docx: 4 * MAX_DOCUMENT_BYTES,
	doc: 4 * MAX_DOCUMENT_BYTES,
	wps: 4 * MAX_DOCUMENT_BYTES,
	pdf: 8 * MAX_DOCUMENT_BYTES
};

/**
 * The most bytes a file of this name may have (a name of no known format: the text limit).
 * @example maxBytesOf('a.pdf') // 41943040
 */
export function maxBytesOf(name: string): number {
	const format = formatOfName(name);
	return format ? MAX_FILE_BYTES[format] : MAX_DOCUMENT_BYTES;
}

/** What the text of a Word or PDF file may be: as much as a text document (about 1.7 M Chinese characters in 5 MB). */
export const MAX_TEXT_CHARACTERS = 5 * 2 ** 20;
