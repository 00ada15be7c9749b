// .docx → plain text through mammoth, for the import worker and the corpus CLI alike. A .docx is a
// zip: 3 MB of it can expand to a gigabyte of paragraphs, and mammoth (through JSZip) inflates
// everything before it looks. So the container is inspected first — entry count and declared sizes
// from the zip's central directory, then the real inflated size of every entry (the directory can
// lie), then the paragraphs and characters of word/document.xml — and refused beyond the bounds
// with a message naming the file. Only then does mammoth read it. Its browser build (picked by the
// bundler for the worker) reads `arrayBuffer`; its Node build reads `buffer`: both are given.
import mammoth from 'mammoth';

/** Thrown for a .docx that cannot or may not be read: not a zip, no word/document.xml, too big inside. */
export class DocxError extends Error {
	constructor(reason: string) {
		super(`not a readable .docx file (${reason})`);
		this.name = 'DocxError';
	}
}

/** What a .docx may expand to: far above any report or speech, far below what hurts a tab. */
export const DOCX_LIMITS = {
	/** zip entries (a long report has a few dozen) */
	entries: 2000,
	/** all entries inflated together */
	inflatedBytes: 64 * 2 ** 20,
	/** paragraphs of word/document.xml (a 300-page report has about 10,000) */
	paragraphs: 200_000,
	/** characters of text, as for a text document (5 MB of UTF-8 Chinese is about 1.7 M characters) */
	characters: 5 * 2 ** 20
};

interface Entry {
	name: string;
	method: number;
	compressedSize: number;
	size: number;
	localOffset: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** The zip's central directory: every entry's name, method, sizes and where its data starts. */
function centralDirectory(bytes: Uint8Array, limits = DOCX_LIMITS): Entry[] {
	// The end-of-central-directory record sits in the last 22 + 65,535 bytes.
	let eocd = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
		if (u32(bytes, i) === 0x06054b50) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw new DocxError('not a zip archive');
	const count = u16(bytes, eocd + 10);
	const offset = u32(bytes, eocd + 16);
	if (count === 0xffff || offset === 0xffffffff) throw new DocxError('a ZIP64 archive, far larger than a document');
	if (count > limits.entries) throw new DocxError(`${count} parts inside, more than the ${limits.entries} a document has`);
	const entries: Entry[] = [];
	const names = new TextDecoder();
	let at = offset;
	for (let k = 0; k < count; k++) {
		if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new DocxError('a damaged zip directory');
		const nameLength = u16(bytes, at + 28);
		entries.push({
			method: u16(bytes, at + 10),
			compressedSize: u32(bytes, at + 20),
			size: u32(bytes, at + 24),
			localOffset: u32(bytes, at + 42),
			name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength))
		});
		at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
	}
	return entries;
}

/** An entry's stored bytes (still compressed), from its local header. */
function rawData(bytes: Uint8Array, e: Entry): Uint8Array {
	const at = e.localOffset;
	if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw new DocxError(`a damaged zip entry (${e.name})`);
	const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
	if (start + e.compressedSize > bytes.length) throw new DocxError(`a truncated zip entry (${e.name})`);
	return bytes.subarray(start, start + e.compressedSize);
}

/**
 * Inflates one entry, stopping as soon as it passes `budget` bytes: the real size, whatever the
 * directory declares. Returns null when over budget.
 */
async function inflateBounded(data: Uint8Array, method: number, budget: number, name: string): Promise<Uint8Array | null> {
	if (method === 0) return data.length > budget ? null : data;
	if (method !== 8) throw new DocxError(`a zip entry compressed with method ${method} (${name})`);
	const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.length;
			if (total > budget) {
				await reader.cancel();
				return null;
			}
			chunks.push(value);
		}
	} catch (e) {
		throw new DocxError(`a damaged zip entry (${name}: ${e instanceof Error ? e.message : String(e)})`);
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

/**
 * Checks that a .docx stays within `limits` when read: throws DocxError naming what is too big.
 * Inflates each entry once, up to what is left of the budget, so a bomb costs at most the budget.
 * @example await checkDocx(bytes) // throws DocxError('… 1.1 GB inside …') for a zip bomb
 */
export async function checkDocx(bytes: Uint8Array, limits = DOCX_LIMITS): Promise<void> {
	const entries = centralDirectory(bytes, limits);
	const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
	const declared = entries.reduce((n, e) => n + e.size, 0);
	if (declared > limits.inflatedBytes) throw new DocxError(`it expands to ${mb(declared)}, more than the ${mb(limits.inflatedBytes)} a document may`);
	const main = entries.find((e) => e.name === 'word/document.xml');
	if (!main) throw new DocxError('no word/document.xml inside');
	let left = limits.inflatedBytes;
	for (const e of entries) {
		if (e.name.endsWith('/')) continue;
		const data = await inflateBounded(rawData(bytes, e), e.method, left, e.name);
		if (data == null) throw new DocxError(`it expands to more than the ${mb(limits.inflatedBytes)} a document may (its zip directory understates ${e.name})`);
		left -= data.length;
		if (e === main) {
			const xml = new TextDecoder().decode(data);
			const paragraphs = (xml.match(/<w:p[\s>/]/g) ?? []).length;
			if (paragraphs > limits.paragraphs) throw new DocxError(`${paragraphs} paragraphs, more than the ${limits.paragraphs} a document may have`);
			let characters = 0;
			for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) characters += m[1]!.length;
			if (characters > limits.characters) throw new DocxError(`${characters} characters of text, more than the ${limits.characters} a document may have`);
		}
	}
}

/**
 * The paragraphs of a .docx as text, one paragraph a line pair (mammoth's raw text), after
 * checkDocx has bounded what it may expand to.
 * @example await docxText(bytes) // '标题\n\n正文…'
 */
export async function docxText(bytes: Uint8Array, limits = DOCX_LIMITS): Promise<string> {
	await checkDocx(bytes, limits);
	const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	let text: string;
	try {
		const input = { arrayBuffer, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
		text = (await mammoth.extractRawText(input)).value;
	} catch (e) {
		throw new DocxError(e instanceof Error ? e.message : String(e));
	}
	if (text.length > limits.characters) throw new DocxError(`${text.length} characters of text, more than the ${limits.characters} a document may have`);
	return text;
}
