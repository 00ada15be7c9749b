// Reviewed corrections as data: data/corrections.json holds the edits reviewers made in the
// browser (the exchange file's `edits`, keyed by content hash and span), and the corpus CLI
// applies them after extraction. An exported corrections file, an exchange file and the
// repository's file share the shape `{ edits: [...] }`, so any of them can be merged or applied.
import * as v from 'valibot';
import { applyEdits, factKeys, UserEditSchema, type UserEdit } from './edits.ts';
import { stableStringify } from './hash.ts';
import type { Corpus, CorpusDocument } from './schema.ts';
import { sealCorpus } from './validate.ts';

/** What the file says it is; an exchange file (no `format`) is read for its edits too. */
export const CORRECTIONS_FORMAT = 'zhijiao-corrections';
export const CORRECTIONS_VERSION = 1;

export interface CorrectionsFile {
	format: typeof CORRECTIONS_FORMAT;
	version: typeof CORRECTIONS_VERSION;
	edits: UserEdit[];
}

const MAX_ERRORS = 50;

/** Edits in key order, so the same corrections always give the same file. */
const byKey = (a: UserEdit, b: UserEdit) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The file a reviewer exports from /import and a maintainer merges: the edits alone, sorted.
 * @example correctionsFile([edit]).edits.length // 1
 */
export function correctionsFile(edits: readonly UserEdit[]): CorrectionsFile {
	return { format: CORRECTIONS_FORMAT, version: CORRECTIONS_VERSION, edits: [...edits].sort(byKey) };
}

/** The file as written: tab-indented JSON and a final newline, byte-identical for the same edits. */
export function serializeCorrections(file: CorrectionsFile): string {
	return JSON.stringify(file, null, '\t') + '\n';
}

export type CorrectionsValidation = { ok: true; edits: UserEdit[] } | { ok: false; errors: string[] };

/**
 * Checks an untrusted corrections file: every problem named by record (index and key) and field,
 * a key given twice, a key that does not match its kind and document.
 * @example validateCorrections({ edits: [{ key: 'x' }] }).ok // false: edits[0] (x).kind: …
 */
export function validateCorrections(input: unknown): CorrectionsValidation {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) return { ok: false, errors: ['corrections: must be a JSON object with an "edits" array'] };
	const raw = input as Record<string, unknown>;
	if (raw.format !== undefined && raw.format !== CORRECTIONS_FORMAT) return { ok: false, errors: [`corrections.format: is ${JSON.stringify(raw.format)}, expected "${CORRECTIONS_FORMAT}"`] };
	if (raw.version !== undefined && raw.version !== CORRECTIONS_VERSION) return { ok: false, errors: [`corrections.version: is ${JSON.stringify(raw.version)}, this tool reads version ${CORRECTIONS_VERSION}`] };
	if (!Array.isArray(raw.edits)) return { ok: false, errors: ['corrections.edits: must be an array'] };
	const errors: string[] = [];
	const edits: UserEdit[] = [];
	const seen = new Map<string, number>();
	raw.edits.forEach((e, i) => {
		const key = e && typeof e === 'object' && 'key' in e ? ` (${String((e as { key: unknown }).key)})` : '';
		const parsed = v.safeParse(UserEditSchema, e, { abortPipeEarly: true });
		if (!parsed.success) {
			for (const issue of parsed.issues) errors.push(`edits[${i}]${key}${issue.path ? `.${issue.path.map((p) => p.key).join('.')}` : ''}: ${issue.message}`);
			return;
		}
		const edit = parsed.output;
		if (!edit.key.startsWith(`${edit.kind}:${edit.docHash}`)) errors.push(`edits[${i}]${key}.key: does not name a ${edit.kind} of document ${edit.docHash.slice(0, 12)}…`);
		const first = seen.get(edit.key);
		if (first !== undefined) errors.push(`edits[${i}]${key}.key: repeats the key of edits[${first}]`);
		else seen.set(edit.key, i);
		edits.push(edit);
	});
	if (errors.length) return { ok: false, errors: errors.length > MAX_ERRORS ? [...errors.slice(0, MAX_ERRORS), `… and ${errors.length - MAX_ERRORS} more problems`] : errors };
	return { ok: true, edits: edits.sort(byKey) };
}

export interface AppliedCorrections {
	corpus: Corpus;
	/** edits that changed, confirmed, added or removed a record */
	applied: number;
	/** one line per correction whose fact is no longer extracted, naming the document and the fact */
	stale: string[];
	/** edits of documents this build does not hold (another input folder): left alone */
	elsewhere: number;
}

/** Where a stale edit was made, for the report: `metric 60-69 in 2023年工作总结 (a.txt)`. */
function describe(edit: UserEdit, doc: CorpusDocument): string {
	const span = edit.key.slice(`${edit.kind}:${edit.docHash}:`.length) || 'document';
	return `${edit.kind} ${span} in ${doc.title ?? doc.fileName} (${doc.fileName})`;
}

/**
 * The corpus with the corrections applied (applyEdits: patched, confirmed, added, deleted, each
 * record marked with its review) and sealed again. Deterministic: the edits carry their own
 * times, nothing reads a clock. A correction, confirmation or deletion whose fact is no longer
 * extracted in a document of this build is reported by name in `stale`, never dropped silently.
 * @example applyCorrections(corpus, edits).stale // ['metric 500-510 in 年度报告 (a.txt): …']
 */
export function applyCorrections(corpus: Corpus, edits: readonly UserEdit[]): AppliedCorrections {
	const byHash = new Map(corpus.documents.map((d) => [d.contentHash, d]));
	const keys = factKeys(corpus);
	const stale: string[] = [];
	let elsewhere = 0;
	const usable: UserEdit[] = [];
	for (const edit of [...edits].sort(byKey)) {
		const doc = byHash.get(edit.docHash);
		if (!doc) {
			elsewhere++;
			continue;
		}
		if (edit.op !== 'add' && !keys.has(edit.key)) {
			stale.push(`${describe(edit, doc)}: the ${edit.op === 'confirm' ? 'confirmation' : edit.op === 'delete' ? 'deletion' : 'correction'} finds no such fact any more (key ${edit.key})`);
			continue;
		}
		usable.push(edit);
	}
	if (usable.length === 0) return { corpus, applied: 0, stale, elsewhere };
	const out = applyEdits(corpus, usable);
	return { corpus: sealCorpus(out), applied: usable.length, stale, elsewhere };
}

export interface MergeResult {
	file: CorrectionsFile;
	/** keys new to the file */
	added: string[];
	/** keys the file held with the same content: nothing to do */
	same: string[];
	/** keys the file held with other content: `key: kept … / incoming …` */
	conflicts: string[];
}

/** An edit's content without its time: two reviewers agreeing at different times do not conflict. */
const content = (e: UserEdit) => {
	const { at: _at, ...rest } = e;
	return stableStringify(rest);
};

/**
 * Adds an exported file's edits to the repository's corrections. A key the file already holds
 * with other content is a conflict: the held edit stays (or, with `replace`, the incoming one
 * wins) and the conflict is reported. Merging the same file twice changes nothing.
 * @example mergeCorrections([], [edit]).added // [edit.key]
 */
export function mergeCorrections(held: readonly UserEdit[], incoming: readonly UserEdit[], opts: { replace?: boolean } = {}): MergeResult {
	const byKeyMap = new Map(held.map((e) => [e.key, e]));
	const added: string[] = [];
	const same: string[] = [];
	const conflicts: string[] = [];
	for (const edit of [...incoming].sort(byKey)) {
		const old = byKeyMap.get(edit.key);
		if (!old) {
			byKeyMap.set(edit.key, edit);
			added.push(edit.key);
		} else if (content(old) === content(edit)) same.push(edit.key);
		else {
			conflicts.push(`${edit.key}: held ${summary(old)} (${old.at}), incoming ${summary(edit)} (${edit.at}); ${opts.replace ? 'took the incoming one' : 'kept the held one'}`);
			if (opts.replace) byKeyMap.set(edit.key, edit);
		}
	}
	return { file: correctionsFile([...byKeyMap.values()]), added, same, conflicts };
}

/** An edit in a few words for a conflict line. */
function summary(e: UserEdit): string {
	if (e.op === 'patch') return `patch ${JSON.stringify(e.patch)}`;
	if (e.op === 'add') return `add ${e.record.id}`;
	return e.op;
}
