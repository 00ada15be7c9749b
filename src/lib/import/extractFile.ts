// One dropped file → its records and text, with exactly the corpus CLI's extraction. Runs in
// the import worker; kept apart from the worker's message handling so Node can test it.
import { extractFromFile } from '../extract/readers/index.ts';
import type { DocumentRecords } from '../corpus/rebase.ts';
import { plausible } from '../corpus/plausible.ts';
import { problemBeforeReading, problemOf, type FileProblem } from './problems.ts';

export type ExtractResult = { ok: true; records: DocumentRecords; text: string; warnings: string[] } | { ok: false; problem: FileProblem };

/**
 * Reads and extracts one file through the format readers (extract/readers): .txt/.html as bytes
 * (UTF-8 or GBK, decoded by the extractor), .docx, .doc, .wps and .pdf through their text.
 * @example await extractFile('a.txt', bytes) // { ok: true, records, text, warnings }
 */
export async function extractFile(name: string, bytes: Uint8Array, onStage?: (stage: 'extracting') => void): Promise<ExtractResult> {
	const early = problemBeforeReading(name, bytes.length);
	if (early) return { ok: false, problem: early };
	try {
		onStage?.('extracting');
		// The extractor returns positions into its prepared text; the reader needs that very text.
		const { document, meetings, places, metrics, warnings, text, replaced } = await extractFromFile(name, bytes);
		// As in the corpus build: damaged UTF-8 is said, implausible values are cleared with a warning.
		const notes = [...warnings];
		if (/\.(txt|html?)$/i.test(name) && document.encoding === 'utf-8') {
			// (decoding counted them: utf8Damage of these very bytes)
			const invalid = replaced ?? 0;
			if (invalid > 0) notes.push(`${invalid} byte sequence${invalid > 1 ? 's are' : ' is'} not valid UTF-8 (is the file cut short?): read as UTF-8 with U+FFFD in their place`);
		}
		const checked = plausible({ document, meetings, places, metrics });
		return { ok: true, records: checked.records, text, warnings: [...notes, ...checked.warnings] };
	} catch (e) {
		return { ok: false, problem: problemOf(e) };
	}
}
