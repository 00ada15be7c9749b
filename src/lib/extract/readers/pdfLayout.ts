// A PDF's positioned text pieces → the document's text, page by page: pieces grouped into lines
// by their baseline and read left to right, lines top to bottom; running headers and footers
// (the same line at the top or bottom of most pages) and page numbers dropped; the lines of a
// paragraph joined — Chinese without a space, English with one, a word broken by a hyphen made
// whole — and a paragraph ended where a line stops short, the next is indented or set apart, or
// the type size changes; a table row (cells apart by a wide gap) is a line of its own. Pure: pdf.ts
// feeds it pdf.js's text content.

/** One piece of text as pdf.js places it: baseline origin (PDF units, y up), type size, width. */
export interface PdfItem {
	str: string;
	x: number;
	y: number;
	size: number;
	width: number;
}

export interface PdfPage {
	width: number;
	height: number;
	items: PdfItem[];
}

interface Line {
	text: string;
	/** the line opens with an ideographic space or two spaces: a paragraph indented by characters, not by position */
	indent: boolean;
	/** the line has cells apart by a wide gap (a table row): it stands as a paragraph of its own */
	cells: boolean;
	left: number;
	right: number;
	y: number;
	size: number;
}

export interface PdfText {
	text: string;
	/** where each page's text starts in `text` (page 1 at index 0) */
	pageStarts: number[];
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’…—]/;
const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9(]/;

/**
 * The spaces typesetters put between Chinese and Latin letters or digits (LibreOffice and Word's
 * autospacing write them into the text layer) taken out: 2024 年 4 月 → 2024年4月.
 * @example closeCjkSpacing('共 320 余人') // '共320余人'
 */
export function closeCjkSpacing(line: string): string {
	return line
		.replace(/([\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])[ \u00a0\u2002\u2009]+(?=[A-Za-z0-9%.+-])/g, '$1')
		.replace(/([A-Za-z0-9%.])[ \u00a0\u2002\u2009]+(?=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])/g, '$1');
}

/**
 * The share of a text's visible characters that stand for no character: private-use code points
 * and U+FFFD, what pdf.js gives for a font without a Unicode map.
 * @example undecodableShare('\ue000\ue001职业') // 0.5
 */
export function undecodableShare(text: string): number {
	let visible = 0;
	let bad = 0;
	for (const ch of text) {
		if (/\s/.test(ch)) continue;
		visible++;
		const c = ch.codePointAt(0)!;
		if ((c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd || c >= 0xf0000) bad++;
	}
	return visible === 0 ? 0 : bad / visible;
}

/** A page's pieces → its lines, top to bottom, each read left to right. */
export function pageLines(page: PdfPage): Line[] {
	const rows: { y: number; size: number; items: PdfItem[] }[] = [];
	for (const it of page.items) {
		if (it.str === '') continue;
		const size = it.size > 0 ? it.size : 10;
		const row = rows.find((r) => Math.abs(r.y - it.y) < 0.4 * Math.min(size, r.size));
		if (row) {
			row.items.push(it);
			row.size = Math.max(row.size, size);
		} else rows.push({ y: it.y, size, items: [it] });
	}
	rows.sort((a, b) => b.y - a.y);
	const lines: Line[] = [];
	for (const row of rows) {
		row.items.sort((a, b) => a.x - b.x);
		let text = '';
		let end = -Infinity;
		for (const it of row.items) {
			const gap = it.x - end;
			// a gap wider than a character and a half parts table cells: kept as a tab until the spacing is closed
			if (text !== '' && gap > 1.5 * row.size) text += '\t';
			else if (text !== '' && gap > 0.25 * row.size && !/\s$/.test(text) && !/^\s/.test(it.str) && !(CJK.test(text.slice(-1)) && CJK.test(it.str[0]!))) text += ' ';
			text += it.str;
			end = Math.max(end, it.x + it.width);
		}
		const indent = /^(\u3000|[ \u00a0]{2})/.test(text);
		const cells = text.includes('\t');
		text = closeCjkSpacing(text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufeff\u00ad]/g, '').replace(/[^\S\t]+/g, ' '))
			.replace(/\s*\t\s*/g, ' ')
			.trim();
		if (text === '') continue;
		const first = row.items.find((i) => i.str.trim() !== '') ?? row.items[0]!;
		lines.push({ text, indent, cells, left: first.x, right: end, y: row.y, size: row.size });
	}
	return lines;
}

/** A page number as it stands alone at a page's foot or head: 3, - 3 -, — 3 —, 第3页, 第 3 页 共 9 页, 3/9, Page 3 of 9. */
const PAGE_NUMBER = /^[-—–―_~·•\s]*(?:(?:第\s*)?[0-9０-９]{1,4}\s*页?(?:\s*[/／]\s*(?:共\s*)?[0-9０-９]{1,4}\s*页?|\s*共\s*[0-9０-９]{1,4}\s*页)?|page\s*[0-9]{1,4}(?:\s*of\s*[0-9]{1,4})?|[ivxlc]{1,6})[-—–―_~·•\s]*$/i;

/** A line's text as compared across pages: numbers and spaces do not count (第3期 on page 3). */
const chromeKey = (text: string) => text.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, '');

/** The share of a page's height, at its top and its bottom, where headers and footers stand. */
const MARGIN_BAND = 0.15;

/**
 * Lines that are page chrome: page numbers at a page's head or foot, and lines that stand at the
 * head or foot of at least half the pages (two at least) with the same words.
 */
function chromeOf(pages: { page: PdfPage; lines: Line[] }[]): Set<Line> {
	const chrome = new Set<Line>();
	const edges = pages.map(({ page, lines }) => {
		const band = (l: Line) => l.y > page.height * (1 - MARGIN_BAND) || l.y < page.height * MARGIN_BAND;
		// the first two and last two lines, when they stand in the margins
		return [...lines.slice(0, 2), ...lines.slice(-2)].filter((l, i, all) => band(l) && all.indexOf(l) === i);
	});
	const seen = new Map<string, number>();
	for (const lines of edges) for (const key of new Set(lines.map((l) => chromeKey(l.text)))) seen.set(key, (seen.get(key) ?? 0) + 1);
	const needed = Math.max(2, Math.ceil(pages.length / 2));
	for (const lines of edges) {
		for (const l of lines) if (PAGE_NUMBER.test(l.text) || (pages.length >= 2 && (seen.get(chromeKey(l.text)) ?? 0) >= needed)) chrome.add(l);
	}
	return chrome;
}

/** The usual distance between a page's lines (its median), or null with fewer than 3 lines. */
function linePitch(lines: Line[]): number | null {
	const gaps = lines
		.slice(1)
		.map((l, i) => lines[i]!.y - l.y)
		.filter((g) => g > 0)
		.sort((a, b) => a - b);
	return gaps.length >= 2 ? gaps[Math.floor(gaps.length / 2)]! : null;
}

/** Joins the next line of a paragraph: no space after Chinese, a hyphen that broke a word removed. */
function joinLine(para: string, next: string): string {
	if (/[A-Za-z]-$/.test(para) && /^[a-z]/.test(next)) return para.slice(0, -1) + next;
	if (LATIN_END.test(para) && LATIN_START.test(next)) return `${para} ${next}`;
	if (/[,.;:!?)]$/.test(para) && LATIN_START.test(next)) return `${para} ${next}`;
	return para + next;
}

/**
 * Pages → the document's text, one paragraph a line, and where each page starts in it.
 * @example layoutPages(pages).text // '全省职业教育…召开\n2024年4月18日…'
 */
export function layoutPages(pages: PdfPage[]): PdfText {
	const withLines = pages.map((page) => ({ page, lines: pageLines(page) }));
	const chrome = chromeOf(withLines);
	let text = '';
	const pageStarts: number[] = [];
	let para = '';
	let prev: Line | null = null;
	let prevPage: { left: number; right: number } | null = null;
	const flush = () => {
		if (para === '') return;
		text += (text === '' ? '' : '\n') + para;
		para = '';
	};
	for (const { lines: all } of withLines) {
		const lines = all.filter((l) => !chrome.has(l));
		const left = Math.min(...lines.map((l) => l.left));
		const right = Math.max(...lines.map((l) => l.right));
		const pitch = linePitch(lines);
		let pageStart: number | null = null;
		for (const line of lines) {
			const frame = prev && prevPage && pageStart == null ? prevPage : { left, right };
			const samePage = pageStart != null;
			let breaks = prev == null;
			if (prev) {
				const size = Math.max(prev.size, line.size);
				const short = prev.right < frame.right - 1.5 * size;
				const indented = line.indent || line.left > left + 0.8 * line.size;
				const apart = samePage && pitch != null && prev.y - line.y > 1.35 * pitch;
				const resized = Math.abs(prev.size - line.size) > 1;
				breaks = short || indented || apart || resized || prev.cells || line.cells;
			}
			if (breaks) flush();
			para = para === '' ? line.text : joinLine(para, line.text);
			// the line's words end the paragraph, which will start after the text and a line end
			if (pageStart == null) pageStart = (text === '' ? 0 : text.length + 1) + para.length - line.text.length;
			prev = line;
		}
		pageStarts.push(pageStart ?? (text === '' ? 0 : text.length + 1) + para.length);
		if (lines.length) prevPage = { left, right };
	}
	flush();
	return { text, pageStarts: pageStarts.map((s) => Math.min(s, text.length)) };
}
