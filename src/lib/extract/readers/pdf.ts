// A PDF's text layer → the document's text and where each page starts in it, through pdf.js.
// pdf.js is loaded on the first PDF only (a dynamic import: the app's pages never carry it). In
// Node it is the legacy build, as pdf.js asks; in the browser the modern one. Either way its
// "worker" runs in the calling thread (pdf.js's own worker module set as `globalThis.pdfjsWorker`):
// the CLI reads in worker threads and the import page in its Web Worker already, so a second
// worker would only cost a start-up and a script URL for the page's CSP to allow.
import { DocumentReadError, MAX_TEXT_CHARACTERS } from './formats.ts';
import { layoutPages, undecodableShare, type PdfItem, type PdfPage, type PdfText } from './pdfLayout.ts';

/** The part of pdf.js used here. */
interface PdfJs {
	getDocument(src: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
}
interface PdfDocument {
	numPages: number;
	getPage(n: number): Promise<{
		getViewport(o: { scale: number }): { width: number; height: number };
		getTextContent(): Promise<{ items: ({ str: string; transform: number[]; width: number; height: number } | { type: string })[] }>;
		cleanup(): void;
	}>;
}

/** pdf.js and the getDocument options that give it its CMap (and, in Node, standard font) files. */
interface Loaded {
	pdfjs: PdfJs;
	dataOptions: Record<string, unknown>;
}

let loading: Promise<Loaded> | null = null;

/**
 * Whether this is a browser build: Vite replaces import.meta.env.SSR by false there, so the
 * bundler drops the Node branch; plain Node (the CLI) has no import.meta.env, Vitest says SSR.
 */
const browserBuild = typeof import.meta.env !== 'undefined' && import.meta.env.SSR === false;

/**
 * pdf.js with its worker side in this thread, loaded once. CMaps — without which a PDF whose
 * Chinese font is not embedded has no readable text — come from pdfjs-dist's own folder in Node
 * and from the build's assets in the browser (pdfData.browser.ts).
 */
function loadPdfJs(): Promise<Loaded> {
	loading ??= (async () => {
		const g = globalThis as { pdfjsWorker?: unknown };
		if (!browserBuild) {
			const [lib, worker, { createRequire }] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs'), import('node:module')]);
			g.pdfjsWorker = worker;
			const root = createRequire(import.meta.url).resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
			return { pdfjs: lib as unknown as PdfJs, dataOptions: { cMapUrl: `${root}cmaps/`, cMapPacked: true, standardFontDataUrl: `${root}standard_fonts/` } };
		}
		const [lib, worker, { bundledDataOptions }] = await Promise.all([import('pdfjs-dist/build/pdf.mjs'), import('pdfjs-dist/build/pdf.worker.mjs'), import('./pdfData.browser.ts')]);
		g.pdfjsWorker = worker;
		return { pdfjs: lib as unknown as PdfJs, dataOptions: bundledDataOptions };
	})();
	return loading;
}

/** What a PDF may hold: a 300-page report has 300 pages; text as for any document. */
export const PDF_LIMITS = { pages: 2000, characters: MAX_TEXT_CHARACTERS };

/** Fewer visible characters than this in the whole file: it has no text layer worth the name. */
const MIN_TEXT = 10;

/**
 * The text of a PDF, one paragraph a line, without running headers, footers and page numbers,
 * and where each page starts in it. Throws DocumentReadError naming the file for a scan without
 * a text layer, a password-protected, damaged or truncated file, or one beyond PDF_LIMITS.
 * Pages without text in a PDF that has some (a scanned page among typed ones) are named in
 * `warnings`: their content is missing from the text.
 * @example (await pdfText('报告.pdf', bytes)).pageStarts // [0, 812, 1650]
 */
export async function pdfText(fileName: string, bytes: Uint8Array, limits = PDF_LIMITS): Promise<PdfText & { warnings: string[] }> {
	const { pdfjs, dataOptions } = await loadPdfJs();
	// pdf.js takes the buffer over: give it a copy so the caller's bytes stay usable.
	const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, stopAtErrors: false, verbosity: 0, ...dataOptions });
	let doc: PdfDocument;
	try {
		doc = await task.promise;
	} catch (e) {
		await task.destroy().catch(() => {});
		const name = (e as { name?: string }).name;
		if (name === 'PasswordException') throw new DocumentReadError(fileName, 'encrypted', 'the PDF is password-protected: open it, remove the password and save it again');
		throw new DocumentReadError(fileName, 'damaged', `a damaged or truncated PDF (${e instanceof Error ? e.message : String(e)})`);
	}
	try {
		if (doc.numPages > limits.pages) throw new DocumentReadError(fileName, 'tooBig', `${doc.numPages} pages, more than the ${limits.pages} a document may have`);
		const pages: PdfPage[] = [];
		let characters = 0;
		for (let n = 1; n <= doc.numPages; n++) {
			let page;
			let content;
			try {
				page = await doc.getPage(n);
				content = await page.getTextContent();
			} catch (e) {
				throw new DocumentReadError(fileName, 'damaged', `page ${n} cannot be read: a damaged or truncated PDF (${e instanceof Error ? e.message : String(e)})`);
			}
			const { width, height } = page.getViewport({ scale: 1 });
			const items: PdfItem[] = [];
			for (const it of content.items) {
				if (!('str' in it)) continue;
				characters += it.str.length;
				const [a, b, , , x, y] = it.transform as [number, number, number, number, number, number];
				items.push({ str: it.str, x, y, size: Math.hypot(a, b) || it.height, width: it.width });
			}
			if (characters > limits.characters) throw new DocumentReadError(fileName, 'tooBig', `more than ${limits.characters} characters of text, more than a document may have`);
			page.cleanup();
			pages.push({ width, height, items });
		}
		const laid = layoutPages(pages);
		if (laid.text.replace(/\s/g, '').length < MIN_TEXT) throw new DocumentReadError(fileName, 'scanned', '扫描件，无文字层，无法提取 (a scan without a text layer: run it through OCR first)');
		if (undecodableShare(laid.text) > 0.3)
			throw new DocumentReadError(fileName, 'undecodable', 'its text layer cannot be decoded (its fonts have no Unicode map): use the original Word file, or run the PDF through OCR');
		const blank = pages.flatMap((p, i) => (p.items.some((it) => it.str.trim() !== '') ? [] : [i + 1]));
		const warnings = blank.length
			? [`${blank.length} of ${pages.length} pages have no text layer (scanned?) and are missing from the text: page${blank.length > 1 ? 's' : ''} ${blank.slice(0, 10).join(', ')}${blank.length > 10 ? ' …' : ''}`]
			: [];
		return { ...laid, warnings };
	} finally {
		await task.destroy().catch(() => {});
	}
}
