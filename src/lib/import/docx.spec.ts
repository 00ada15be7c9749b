import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { zip } from '../../../scripts/fixture-bytes.ts';
import { checkDocx, DOCX_LIMITS, docxText, DocxError } from './docx.ts';

const body = (xml: string) => `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${xml}</w:body></w:document>`;
const small = { ...DOCX_LIMITS, inflatedBytes: 2 ** 20, paragraphs: 1000, characters: 10_000 };

describe('checkDocx bounds what a .docx may expand to before it is read', () => {
	test('accepts a real .docx', async () => {
		await expect(checkDocx(readFileSync('tests/fixtures/docs/meeting.docx'))).resolves.toBeUndefined();
	});

	const cases: Array<[string, () => Uint8Array, RegExp]> = [
		['not a zip', () => new TextEncoder().encode('这不是 Word 文档'), /not a zip archive/],
		['no word/document.xml', () => zip([{ name: 'a.txt', data: 'x' }]), /no word\/document\.xml/],
		['declared sizes beyond the bound', () => zip([{ name: 'word/document.xml', data: body(''), declare: 2 ** 30 }]), /expands to 1024\.0 MB/],
		['a directory that understates a bomb', () => zip([{ name: 'word/document.xml', data: body('<w:p/>'.repeat(400_000)), declare: 100 }]), /understates word\/document\.xml/],
		['too many paragraphs', () => zip([{ name: 'word/document.xml', data: body('<w:p></w:p>'.repeat(1001)) }]), /1001 paragraphs/],
		['too many characters', () => zip([{ name: 'word/document.xml', data: body(`<w:p><w:r><w:t>${'字'.repeat(10_001)}</w:t></w:r></w:p>`) }]), /10001 characters/],
		['too many parts', () => zip(Array.from({ length: DOCX_LIMITS.entries + 1 }, (_, i) => ({ name: `p${i}`, data: '' }))), /parts inside/]
	];
	test.each(cases)('refuses %s', async (_, make, reason) => {
		const error = await checkDocx(make(), small).then(
			() => null,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(DocxError);
		expect((error as Error).message).toMatch(reason);
	});

	test('refuses 4 million empty paragraphs whose directory claims 1000 bytes, with the default bounds', async () => {
		// 25 MB of <w:p/> deflates to about 25 kB: mammoth would turn it into millions of lines.
		const chunk = new TextEncoder().encode('<w:p/>'.repeat(1 << 16));
		const bomb = zip([{ name: 'word/document.xml', data: new Uint8Array(chunk.length * 64).map((_, i) => chunk[i % chunk.length]!), declare: 1000 }]);
		await expect(checkDocx(bomb)).rejects.toThrow(/understates|paragraphs/);
		// 25 MB built and inflated: about a second on a quiet machine, many on a busy one.
	}, 60_000);

	test('docxText reads what passes', async () => {
		const text = await docxText(zip([{ name: 'word/document.xml', data: body('<w:p><w:r><w:t>职业教育论坛在南京举行</w:t></w:r></w:p>') }]));
		expect(text.trim()).toBe('职业教育论坛在南京举行');
	});
});
