// Makes tests/fixtures/formats/ from news.txt (text written for the project): the same news item
// as .html, .docx, .doc, .wps and .pdf, and the files the readers must refuse. Run once by hand;
// its output is committed, so tests need neither LibreOffice nor the PDF tools.
//
//   apt-get install -y libreoffice-writer-nogui qpdf poppler-utils img2pdf fonts-noto-cjk
//   node scripts/make-format-fixtures.ts
//
// The .docx, .doc and .pdf are LibreOffice's conversions of one flat ODT document set like an
// office's report: 16 pt serif (三号), a running header and a page number footer (— 1 —) on every
// page, so that the PDF reader has chrome to drop and a paragraph that runs over a page break.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIR = 'tests/fixtures/formats';
const text = readFileSync(join(DIR, 'news.txt'), 'utf8').trim();
const [title, byline, ...rest] = text.split('\n');
const paragraphs = rest.filter((p) => p.trim() !== '');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// The web page: a title, the byline and the paragraphs, as a site's article page has them.
writeFileSync(
	join(DIR, 'news.html'),
	`<!doctype html>\n<html lang="zh-CN">\n<head><meta charset="utf-8"><title>${esc(title!)}</title></head>\n<body>\n<article>\n<h1>${esc(title!)}</h1>\n<p>${esc(byline!)}</p>\n${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}\n</article>\n</body>\n</html>\n`
);

const FONT = 'Noto Serif CJK SC';
/** The flat ODT of a title, a byline and paragraphs. */
const fodtOf = (title: string, byline: string, paragraphs: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="${FONT}" svg:font-family="'${FONT}'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="${FONT}" style:font-name-asian="${FONT}" fo:font-size="16pt" style:font-size-asian="16pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/><style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.6cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.6cm"/></style:footer-style></style:page-layout>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="20pt" style:font-size-asian="20pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Byline" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/></style:style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-indent="32pt" fo:text-align="justify" fo:line-height="150%" style:punctuation-wrap="simple"/></style:style>
<style:style style:name="Chrome" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="Chrome">湖北省职业教育学会工作简报</text:p></style:header>
<style:footer><text:p text:style-name="Chrome">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
<text:p text:style-name="Title">${esc(title)}</text:p>
<text:p text:style-name="Byline">${esc(byline)}</text:p>
${paragraphs.map((p) => `<text:p text:style-name="Body">${esc(p)}</text:p>`).join('\n')}
</office:text></office:body></office:document>
`;

/**
 * A PDF as report generators write one: a Chinese font that is not embedded (STSong-Light, the
 * reader's own) addressed through the predefined CMap UniGB-UCS2-H, so its text can be read only
 * with pdf.js's CMap files. Written by hand: one page, one line a paragraph, 12 pt.
 */
function cidFontPdf(lines: string[]): Buffer {
	const hex = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
	const content = `BT /F1 12 Tf 14 TL 56 780 Td ${lines.map((l) => `<${hex(l)}> Tj T*`).join(' ')} ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>',
		'<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
		'<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
		`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
		'<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>'
	];
	let pdf = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((o, i) => {
		offsets.push(Buffer.byteLength(pdf, 'latin1'));
		pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = Buffer.byteLength(pdf, 'latin1');
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(pdf, 'latin1');
}
writeFileSync(join(DIR, 'cidfont.pdf'), cidFontPdf([title!, byline!, paragraphs[0]!.slice(0, 40), paragraphs[0]!.slice(40, 80)]));

const tmp = mkdtempSync(join(tmpdir(), 'formats-'));
try {
	const source = join(tmp, 'news.fodt');
	writeFileSync(source, fodtOf(title!, byline!, paragraphs));
	const convert = (filter: string, from = source) =>
		execFileSync('soffice', [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--convert-to', filter, '--outdir', DIR, from], { stdio: 'inherit' });
	// A new profile's first start only sets itself up and converts nothing: start it once first.
	execFileSync('soffice', [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--terminate_after_init'], { stdio: 'inherit' });
	convert('docx:MS Word 2007 XML');
	convert('doc:MS Word 97');
	convert('pdf:writer_pdf_Export');
	// A long report for the benchmark and the page bookkeeping: the item's paragraphs 12 times over, about 25 pages.
	const long = join(tmp, 'report.fodt');
	writeFileSync(long, fodtOf(title!, byline!, Array.from({ length: 12 }, (_, i) => [`（${i + 1}）`, ...paragraphs]).flat()));
	convert('pdf:writer_pdf_Export', long);
	// WPS Office saves .wps in Word's binary format; without WPS at hand the .doc stands for one.
	copyFileSync(join(DIR, 'news.doc'), join(DIR, 'news.wps'));

	// Refusals. A scan: the first page rendered to an image and wrapped as a PDF, no text layer.
	execFileSync('pdftoppm', ['-r', '60', '-gray', '-png', '-f', '1', '-l', '1', join(DIR, 'news.pdf'), join(tmp, 'page')]);
	execFileSync('img2pdf', ['-o', join(DIR, 'scan.pdf'), join(tmp, 'page-1.png')]);
	// A typed page followed by a scanned one: read, with a warning that page 2 has no text.
	execFileSync('qpdf', ['--empty', '--pages', join(DIR, 'news.pdf'), '1', join(DIR, 'scan.pdf'), '1', '--', join(DIR, 'mixed.pdf')]);
	// Password-protected (a user password: nothing can be read without it).
	execFileSync('qpdf', ['--encrypt', 'secret', 'owner-secret', '256', '--', join(DIR, 'news.pdf'), join(DIR, 'encrypted.pdf')]);
	// Cut short, as a download that stopped half way.
	const pdf = readFileSync(join(DIR, 'news.pdf'));
	writeFileSync(join(DIR, 'truncated.pdf'), pdf.subarray(0, Math.floor(pdf.length / 3)));
	const doc = readFileSync(join(DIR, 'news.doc'));
	writeFileSync(join(DIR, 'truncated.doc'), doc.subarray(0, Math.floor(doc.length / 2)));
	// Extensions that lie: a PDF named .docx, a web page named .pdf.
	copyFileSync(join(DIR, 'news.pdf'), join(DIR, 'lying.docx'));
	copyFileSync(join(DIR, 'news.html'), join(DIR, 'lying.pdf'));
} finally {
	rmSync(tmp, { recursive: true, force: true });
}
