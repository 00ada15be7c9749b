// Office formats in `npm run bench:extract` (issue 15): how fast the readers turn PDF and Word
// files into text (readDocument), and files into facts (extractFromFile), single-threaded, on the
// committed fixtures of tests/fixtures/formats (a 2-page news item, a 16-page report). Runnable
// on its own too: node scripts/bench-formats.ts
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { extractFromFile, readDocument } from '../src/lib/extract/readers/index.ts';

const DIR = 'tests/fixtures/formats';
const FILES = ['report.pdf', 'news.pdf', 'news.doc', 'news.docx'];
/** Each file is read this many times at least, and until 2 MB of input have gone through. */
const MIN_RUNS = 20;
const MIN_BYTES = 2 * 2 ** 20;

export async function benchFormats(): Promise<void> {
	for (const name of FILES) {
		const bytes = new Uint8Array(readFileSync(`${DIR}/${name}`));
		const runs = Math.max(MIN_RUNS, Math.ceil(MIN_BYTES / bytes.length));
		await extractFromFile(name, bytes); // loads pdf.js, warms the extractor
		let characters = 0;
		const t0 = performance.now();
		for (let i = 0; i < runs; i++) characters = (await readDocument(name, bytes)).bytes.length;
		const readMs = (performance.now() - t0) / runs;
		const t1 = performance.now();
		for (let i = 0; i < runs; i++) await extractFromFile(name, bytes);
		const allMs = (performance.now() - t1) / runs;
		const mbps = (ms: number) => (bytes.length / 2 ** 20 / (ms / 1000)).toFixed(1);
		console.log(
			`${name} (${(bytes.length / 1024).toFixed(0)} KB, ${(characters / 1024).toFixed(0)} KB of UTF-8 text, ${runs} runs): read ${readMs.toFixed(1)} ms = ${mbps(readMs)} MB/s, ${(1000 / readMs).toFixed(0)} documents/s; read + extract ${allMs.toFixed(1)} ms = ${mbps(allMs)} MB/s, ${(1000 / allMs).toFixed(0)} documents/s`
		);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFormats();
