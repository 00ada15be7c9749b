// The same news item as .txt, .html, .docx, .doc, .wps and .pdf (tests/fixtures/formats, made by
// scripts/make-format-fixtures.ts) gives the same facts; the files the readers must refuse are
// refused by name with the reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { zip } from '../../../../scripts/fixture-bytes.ts';
import * as CFB from 'cfb';
import type { DocumentFacts } from '../index.ts';
import { extractFromFile, readDocument } from './index.ts';
import { DocumentReadError } from './formats.ts';

const DIR = join(import.meta.dirname, '../../../../tests/fixtures/formats');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

/** The facts without where they stand: what must not depend on the container. */
function factsOf(f: DocumentFacts) {
	const { id, title, publishedAt, kind, regionCode } = f.document;
	return {
		document: { id, title, publishedAt, kind, regionCode },
		meetings: f.meetings.map(({ evidence, ...m }) => ({ ...m, evidence: evidence.map((e) => e.text) })),
		places: f.places.map(({ evidence, ...p }) => ({ ...p, evidence: evidence.text })),
		metrics: f.metrics.map(({ evidence, ...m }) => ({ ...m, evidence: evidence.text }))
	};
}

const FORMATS = ['html', 'docx', 'doc', 'wps', 'pdf'] as const;

describe('the same document in every format', () => {
	const read = async (ext: string) => extractFromFile(`news.${ext}`, bytesOf(`news.${ext}`));

	test.each(FORMATS)('news.%s gives the facts of news.txt', async (ext) => {
		const txt = await read('txt');
		const other = await read(ext);
		expect(txt.metrics.length).toBeGreaterThan(10);
		expect(txt.meetings.length).toBeGreaterThan(0);
		expect(factsOf(other)).toEqual(factsOf(txt));
	}, 30_000);

	test.each(['txt', ...FORMATS])('every fact of news.%s points into its extracted text', async (ext) => {
		const f = await read(ext);
		for (const e of [...f.metrics.map((m) => m.evidence), ...f.places.map((p) => p.evidence), ...f.meetings.flatMap((m) => m.evidence)]) {
			expect(e.end).toBeLessThanOrEqual(f.text.length);
			const words = f.text.slice(e.start, e.end).replace(/\s+/g, ' ');
			expect(e.text.replace(/…$/, '')).toContain(words.slice(0, 10).trim());
		}
	}, 30_000);

	test('the PDF keeps where its pages start; the last paragraph’s figures are on page 2', async () => {
		const f = await read('pdf');
		expect(f.document.pageStarts).toHaveLength(2);
		expect(f.document.pageStarts![0]).toBe(0);
		const second = f.document.pageStarts![1]!;
		// the page break falls inside a paragraph: 改革发展的关 | 键举措
		expect(f.text.slice(second - 2, second + 3)).toBe('的关键举措');
		const onPage = (start: number) => f.document.pageStarts!.filter((s) => s <= start).length;
		expect(onPage(f.metrics.find((m) => m.value === 320)!.evidence.start)).toBe(1);
		expect(onPage(f.metrics.find((m) => m.value === 36)!.evidence.start)).toBe(2);
		// running header and page numbers are gone, and no space is left between Chinese and digits
		expect(f.text).not.toContain('工作简报');
		expect(f.text).not.toMatch(/—\s*\d\s*—/);
		expect(f.text).toContain('2024年4月18日');
	}, 30_000);

	test('a 16-page report: every page start kept in order, no running header or page number left in its text', async () => {
		const f = await extractFromFile('report.pdf', bytesOf('report.pdf'));
		const starts = f.document.pageStarts!;
		expect(starts).toHaveLength(16);
		expect(starts.every((s, i) => i === 0 || s > starts[i - 1]!)).toBe(true);
		expect(f.text).not.toMatch(/工作简报|—\s*\d+\s*—/);
		expect(f.text.match(/（\d{1,2}）/g)).toHaveLength(12);
	}, 30_000);

	test('a PDF whose Chinese font is not embedded (STSong-Light, UniGB-UCS2-H) is read through pdf.js’s CMaps', async () => {
		const read = await readDocument('cidfont.pdf', bytesOf('cidfont.pdf'));
		const text = new TextDecoder().decode(read.bytes);
		expect(text.split('\n').slice(0, 2)).toEqual(['全省职业教育产教融合推进会在宜昌召开', '2024年4月18日 湖北省职业教育学会']);
		expect(text).toContain('来自武汉');
	}, 30_000);

	test('a PDF with a scanned page among typed ones is read, with a warning naming the page', async () => {
		const f = await extractFromFile('mixed.pdf', bytesOf('mixed.pdf'));
		expect(f.document.pageStarts).toHaveLength(2);
		expect(f.warnings).toContain('1 of 2 pages have no text layer (scanned?) and are missing from the text: page 2');
		expect(f.text).toContain('全省职业教育产教融合推进会在宜昌召开');
	}, 30_000);

	test('documents from text, web pages and Word files have no page starts', async () => {
		for (const ext of ['txt', 'html', 'docx', 'doc']) expect((await read(ext)).document).not.toHaveProperty('pageStarts');
	}, 30_000);
});

/** news.doc with its Word header's flags changed (the encryption bit), written back as a compound file. */
function docWithFlags(set: number): Uint8Array {
	const cfb = CFB.read(bytesOf('news.doc'), { type: 'array' });
	const entry = CFB.find(cfb, 'WordDocument')!;
	const word = Uint8Array.from(entry.content as ArrayLike<number>);
	word[0x0a] = word[0x0a]! | (set & 0xff);
	word[0x0b] = word[0x0b]! | (set >> 8);
	entry.content = word;
	return Uint8Array.from(CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
}

/** What Word writes for a password-protected .docx: a compound file holding EncryptionInfo and EncryptedPackage. */
function encryptedDocx(): Uint8Array {
	const cfb = CFB.utils.cfb_new();
	CFB.utils.cfb_add(cfb, 'EncryptionInfo', new Uint8Array(64));
	CFB.utils.cfb_add(cfb, 'EncryptedPackage', new Uint8Array(4096));
	return Uint8Array.from(CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
}

/** A .docx-shaped zip whose word/document.xml inflates to 80 MB of empty paragraphs (about 80 kB stored); its directory understates the size: only inflating tells. */
const zipBomb = (): Uint8Array => zip([{ name: 'word/document.xml', data: Buffer.alloc(80 * 2 ** 20, '<w:p/>'), declare: 1000 }]);

describe('files that are refused, by name', () => {
	test('a zip bomb named .docx is refused by the .docx bounds before it expands', async () => {
		const bomb = zipBomb();
		expect(bomb.length).toBeLessThan(200 * 1024);
		await expect(readDocument('bomb.docx', bomb)).rejects.toThrow(/^bomb\.docx: not a readable \.docx file \(it expands to more than the 64\.0 MB/);
	}, 30_000);

	test.each([
		{ name: 'scan.pdf', bytes: () => bytesOf('scan.pdf'), problem: 'scanned', words: '扫描件，无文字层，无法提取' },
		{ name: 'encrypted.pdf', bytes: () => bytesOf('encrypted.pdf'), problem: 'encrypted', words: 'password-protected' },
		{ name: 'truncated.pdf', bytes: () => bytesOf('truncated.pdf'), problem: 'damaged', words: 'damaged or truncated' },
		{ name: 'truncated.doc', bytes: () => bytesOf('truncated.doc'), problem: 'damaged', words: 'damaged or truncated' },
		{ name: 'lying.docx', bytes: () => bytesOf('lying.docx'), problem: 'mismatch', words: 'its name says .docx but its content is a PDF file' },
		{ name: 'lying.pdf', bytes: () => bytesOf('lying.pdf'), problem: 'mismatch', words: 'its name says .pdf but its content is a text file' },
		{ name: 'renamed.txt', bytes: () => bytesOf('news.pdf'), problem: 'mismatch', words: 'its name says .txt but its content is a PDF file' },
		{ name: 'renamed.doc', bytes: () => bytesOf('news.docx'), problem: 'mismatch', words: 'its name says .doc but its content is a zip archive' },
		{ name: 'locked.doc', bytes: () => docWithFlags(0x0100), problem: 'encrypted', words: 'password-protected' },
		{ name: 'old.wps', bytes: () => new TextEncoder().encode('WPS 1990s file body that is no compound file'), problem: 'oldFormat', words: 'not a Word 97-2003 file' },
		{ name: 'locked.docx', bytes: () => encryptedDocx(), problem: 'encrypted', words: 'password-protected' },
		{ name: 'huge.pdf', bytes: () => new Uint8Array(41 * 2 ** 20), problem: 'tooBig', words: 'more than the 40 MB' }
	])('$name → $problem', async ({ name, bytes, problem, words }) => {
		const error = await readDocument(name, bytes()).then(
			() => null,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(DocumentReadError);
		expect((error as DocumentReadError).problem).toBe(problem);
		expect((error as Error).message).toContain(`${name}: `);
		expect((error as Error).message).toContain(words);
	}, 30_000);

	test('a .doc saved with its table in 0Table or 1Table, both read (the flag picks the stream)', async () => {
		const text = new TextDecoder().decode((await readDocument('news.doc', bytesOf('news.doc'))).bytes);
		expect(text.split('\n')[0]).toBe('全省职业教育产教融合推进会在宜昌召开');
	});
});
