// .docx → plain text through mammoth. Its browser build (picked by the bundler for the worker)
// reads `arrayBuffer`; its Node build, used by the unit specs, reads `buffer`: both are given.
import mammoth from 'mammoth';

/** Thrown for a .docx mammoth cannot open (not a zip, no word/document.xml). */
export class DocxError extends Error {
	constructor(reason: string) {
		super(`not a readable .docx file (${reason})`);
		this.name = 'DocxError';
	}
}

/**
 * The paragraphs of a .docx as text, one paragraph a line pair (mammoth's raw text).
 * @example await docxText(bytes) // '标题\n\n正文…'
 */
export async function docxText(bytes: Uint8Array): Promise<string> {
	const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	try {
		const input = { arrayBuffer, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
		return (await mammoth.extractRawText(input)).value;
	} catch (e) {
		throw new DocxError(e instanceof Error ? e.message : String(e));
	}
}
