// Dropped files → their records and text, with exactly the corpus CLI's extraction. Runs in the
// import worker; kept apart from the worker's message handling so Node can test it. extractFile
// takes one file; extractFiles takes the files queued together, each with extractFile's result.
import { extractDocuments, type DocumentFacts, type DocumentInput } from '../extract/index.ts';
import { extractFromFile, readDocument, withReadWarnings, type ReadDocument } from '../extract/readers/index.ts';
import type { DocumentRecords } from '../corpus/rebase.ts';
import { plausible } from '../corpus/plausible.ts';
import { problemBeforeReading, problemOf, type FileProblem } from './problems.ts';

export type ExtractResult = { ok: true; records: DocumentRecords; text: string; warnings: string[] } | { ok: false; problem: FileProblem };

/** A file's facts as the import stores them: as in the corpus build, damaged UTF-8 is said, implausible values are cleared with a warning. */
function resultOf(name: string, facts: DocumentFacts): ExtractResult {
	// The extractor returns positions into its prepared text; the reader needs that very text.
	const { document, meetings, places, metrics, warnings, text, replaced } = facts;
	const notes = [...warnings];
	if (/\.(txt|html?)$/i.test(name) && document.encoding === 'utf-8') {
		// (decoding counted them: utf8Damage of these very bytes)
		const invalid = replaced ?? 0;
		if (invalid > 0) notes.push(`${invalid} byte sequence${invalid > 1 ? 's are' : ' is'} not valid UTF-8 (is the file cut short?): read as UTF-8 with U+FFFD in their place`);
	}
	const checked = plausible({ document, meetings, places, metrics });
	return { ok: true, records: checked.records, text, warnings: [...notes, ...checked.warnings] };
}

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
		return resultOf(name, await extractFromFile(name, bytes));
	} catch (e) {
		return { ok: false, problem: problemOf(e) };
	}
}

export interface FileBytes {
	name: string;
	bytes: Uint8Array;
}

/**
 * Several files, in order, each with exactly what extractFile gives it alone: every file through
 * its format's reader (.docx, .doc, .wps, .pdf to text; .txt/.html as they are), then all their
 * texts through extractDocuments together, stage by stage (each stage's code stays warm: about a
 * quarter less time than one file after another). A file that fails, in its reader or its
 * extraction, gets its problem and leaves the others untouched. `onStage(i)` is said for file i as
 * extractFile says it, before its reader runs.
 * @example (await extractFiles([{ name: 'a.txt', bytes }, { name: 'b.docx', bytes: docx }])).map((r) => r.ok)
 */
export async function extractFiles(files: readonly FileBytes[], onStage?: (index: number, stage: 'extracting') => void): Promise<ExtractResult[]> {
	const out: ExtractResult[] = new Array(files.length);
	const inputs: DocumentInput[] = [];
	/** per input: the file it came from and what its reader said */
	const from: { index: number; read: ReadDocument }[] = [];
	for (const [index, { name, bytes }] of files.entries()) {
		const early = problemBeforeReading(name, bytes.length);
		if (early) {
			out[index] = { ok: false, problem: early };
			continue;
		}
		try {
			onStage?.(index, 'extracting');
			const read = await readDocument(name, bytes);
			inputs.push({ fileName: name, bytes: read.bytes, options: { pageStarts: read.pageStarts } });
			from.push({ index, read });
		} catch (e) {
			out[index] = { ok: false, problem: problemOf(e) };
		}
	}
	extractDocuments(inputs).forEach((result, k) => {
		const { index, read } = from[k]!;
		try {
			if ('error' in result) throw result.error;
			out[index] = resultOf(files[index]!.name, withReadWarnings(result.facts, read));
		} catch (e) {
			out[index] = { ok: false, problem: problemOf(e) };
		}
	});
	return out;
}
