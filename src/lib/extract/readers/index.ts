// One file of any format the project reads → its text for extractDocument: one reader per format,
// the same in the corpus CLI (Node worker threads) and the import page (a Web Worker). Text and web
// pages go through as bytes (their decoding is the extractor's); a .docx through mammoth after its
// zip is bounded; a .doc or .wps through the compound-file reader; a PDF through pdf.js. A file
// whose content is not what its name says is refused first.
import { extractDocument, type DocumentFacts } from '../index.ts';
import { docxText } from '../../import/docx.ts';
import { checkExtension, containerOf, DocumentReadError, maxBytesOf, type Format } from './formats.ts';
import { wordText } from './word.ts';

export { DocumentReadError, DOCUMENT_EXTENSIONS, ACCEPTED_EXTENSIONS, formatOfName, maxBytesOf } from './formats.ts';

export interface ReadDocument {
	format: Format;
	/** what extractDocument reads under the file's name: the file itself for text, UTF-8 text otherwise */
	bytes: Uint8Array;
	/** for a PDF: where each page starts in the text */
	pageStarts: number[] | null;
	/** what the reader could not take over, e.g. a PDF's pages without text */
	warnings?: string[];
}

const utf8 = new TextEncoder();

/**
 * Reads a document file of any known format to what extractDocument takes. Throws
 * DocumentReadError (or DocxError from the .docx bounds) naming the file when it cannot or may
 * not be read: its content is not what its name says, it is too large, encrypted, damaged,
 * truncated, or a scan without text.
 * @example (await readDocument('讲话.pdf', bytes)).pageStarts // [0, 640]
 */
export async function readDocument(fileName: string, bytes: Uint8Array): Promise<ReadDocument> {
	const limit = maxBytesOf(fileName);
	if (bytes.length > limit) throw new DocumentReadError(fileName, 'tooBig', `the file is ${(bytes.length / 2 ** 20).toFixed(1)} MB, more than the ${limit / 2 ** 20} MB a document may have`);
	const format = checkExtension(fileName, bytes);
	switch (format) {
		case 'text':
		case 'html':
			return { format, bytes, pageStarts: null };
		case 'docx':
			if (containerOf(bytes) === 'cfb') {
				// Word keeps a password-protected .docx in a compound file; anything else there is a .doc renamed.
				const text = wordText(fileName, bytes);
				return { format, bytes: utf8.encode(text), pageStarts: null };
			}
			try {
				return { format, bytes: utf8.encode(await docxText(bytes)), pageStarts: null };
			} catch (e) {
				// DocxError (the zip's bounds, mammoth) keeps its name for the import page's codes, and names the file
				if (e instanceof Error && !e.message.startsWith(`${fileName}: `)) e.message = `${fileName}: ${e.message}`;
				throw e;
			}
		case 'doc':
		case 'wps':
			if (containerOf(bytes) !== 'cfb') throw new DocumentReadError(fileName, 'oldFormat', 'not a Word 97-2003 file (an old WPS format, or another program’s file): save it as .docx from WPS or Word');
			return { format, bytes: utf8.encode(wordText(fileName, bytes)), pageStarts: null };
		case 'pdf': {
			// Loaded on the first PDF only: the reader pulls in pdf.js.
			const { pdfText } = await import('./pdf.ts');
			const { text, pageStarts, warnings } = await pdfText(fileName, bytes);
			return { format, bytes: utf8.encode(text), pageStarts, warnings };
		}
	}
}

/**
 * One document file → its facts and the text their offsets point into, whatever its format: the
 * one path the CLI and the import worker share.
 * @example (await extractFromFile('通知.doc', bytes)).meetings[0].name
 */
export async function extractFromFile(fileName: string, bytes: Uint8Array): Promise<DocumentFacts> {
	const read = await readDocument(fileName, bytes);
	return withReadWarnings(extractDocument(fileName, read.bytes, { pageStarts: read.pageStarts }), read);
}

/**
 * A document's facts with what its reader could not take over (a PDF's pages without text) said
 * before the extractor's own warnings: extractFromFile's facts, for the import worker's batches too.
 */
export function withReadWarnings(facts: DocumentFacts, read: Pick<ReadDocument, 'warnings'>): DocumentFacts {
	return { ...facts, warnings: [...(read.warnings ?? []), ...facts.warnings] };
}
