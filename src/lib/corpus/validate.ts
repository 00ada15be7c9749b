// Checking a corpus at every boundary: messages name the record and the field.
import * as v from 'valibot';
import { sha256Hex, stableStringify } from './hash.ts';
import { CorpusSchema, SCHEMA_VERSION, type Corpus, type CorpusContent } from './schema.ts';

export type Validation = { ok: true; corpus: Corpus } | { ok: false; errors: string[] };

const MAX_ERRORS = 50;

/** `metrics[3] (m:dev01:2).unit` for a valibot issue path into a corpus. */
function where(input: unknown, issue: v.BaseIssue<unknown>): string {
	const keys = issue.path?.map((p) => p.key) ?? [];
	if (keys.length === 0) return 'corpus';
	let out = '';
	let node: unknown = input;
	keys.forEach((key, i) => {
		node = node != null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key as string] : undefined;
		out += typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`;
		// Name a record by its id so a reader can find it without counting.
		if (typeof key === 'number' && i === 1 && node && typeof node === 'object' && 'id' in node)
			out += ` (${String((node as { id: unknown }).id)})`;
	});
	return out;
}

/** Cross-record rules the schema cannot express: unique ids, references, spans inside documents. */
function consistency(c: CorpusContent): string[] {
	const errors: string[] = [];
	/** document id → its length in characters */
	const docs = new Map<string, number>();
	/** document id → the index of its first record */
	const firstAt = new Map<string, number>();
	c.documents.forEach((d, i) => {
		const first = firstAt.get(d.id);
		if (first !== undefined) errors.push(`documents[${i}] (${d.id}).id: repeats the id of documents[${first}]`);
		else {
			firstAt.set(d.id, i);
			docs.set(d.id, d.length);
		}
	});
	const docLength = (id: string) => docs.get(id);
	const checkEvidence = (path: string, e: { docId: string; end: number }) => {
		const len = docLength(e.docId);
		if (len === undefined) errors.push(`${path}.docId: names a document that is not in the corpus (${e.docId})`);
		else if (e.end > len) errors.push(`${path}.end: ${e.end} lies past the end of document ${e.docId} (${len} characters)`);
	};
	for (const [table, rows] of [['meetings', c.meetings], ['places', c.places], ['metrics', c.metrics]] as const) {
		const seen = new Set<string>();
		rows.forEach((r, i) => {
			const at = `${table}[${i}] (${r.id})`;
			if (seen.has(r.id)) errors.push(`${at}.id: repeats an id of ${table}`);
			seen.add(r.id);
			if ('docId' in r && !docs.has(r.docId)) errors.push(`${at}.docId: names a document that is not in the corpus (${r.docId})`);
			if ('docIds' in r) r.docIds.forEach((d, k) => docs.has(d) || errors.push(`${at}.docIds[${k}]: names a document that is not in the corpus (${d})`));
			const ev = Array.isArray(r.evidence) ? r.evidence : [r.evidence];
			ev.forEach((e, k) => checkEvidence(Array.isArray(r.evidence) ? `${at}.evidence[${k}]` : `${at}.evidence`, e));
		});
	}
	return errors;
}

/** The hash a corpus with this content must carry. */
export function corpusHash(content: CorpusContent): string {
	const { schemaVersion, documents, meetings, places, metrics } = content;
	return sha256Hex(stableStringify({ schemaVersion, documents, meetings, places, metrics }));
}

/**
 * Adds the content hash to a corpus, right after the schema version: a reader can then tell a
 * file it already holds from the first bytes (see peekHash) without parsing all of it.
 */
export function sealCorpus(content: CorpusContent): Corpus {
	const { schemaVersion, documents, meetings, places, metrics } = content;
	return { schemaVersion, hash: corpusHash(content), documents, meetings, places, metrics };
}

/**
 * The hash a corpus file declares near its start, or null. Only a hint: a file is trusted after
 * validateCorpus, and a matching hint only ever means "keep what was validated before".
 * @example peekHash('{"schemaVersion":1,"hash":"ab…"') // 'ab…'
 */
export function peekHash(text: string): string | null {
	return /^\s*\{\s*"schemaVersion"\s*:\s*\d+\s*,\s*"hash"\s*:\s*"([0-9a-f]{64})"/.exec(text.slice(0, 200))?.[1] ?? null;
}

/**
 * Problems of corpus content before it is sealed (shape and cross-references, no hash): what the
 * corpus build checks for each document on its own. Empty when the content is valid.
 * @example checkContent({ schemaVersion: 2, documents: [doc], meetings, places, metrics }) // []
 */
export function checkContent(content: CorpusContent): string[] {
	const parsed = v.safeParse(CorpusSchema, { ...content, hash: '0'.repeat(64) }, { abortPipeEarly: true });
	if (!parsed.success) return parsed.issues.slice(0, MAX_ERRORS).map((issue) => `${where(content, issue)}: ${issue.message}`);
	return consistency(parsed.output).slice(0, MAX_ERRORS);
}

/**
 * Validates untrusted corpus JSON: shape, cross-references and the content hash.
 * @example validateCorpus(JSON.parse(text)).ok
 */
export function validateCorpus(input: unknown): Validation {
	const checked = checkCorpus(input);
	if ('ok' in checked) return checked;
	return hashVerdict(checked.corpus, checked.errors, corpusHash(checked.corpus));
}

/**
 * validateCorpus with the hash computed by `hashText` (the facts worker's Web Crypto digest on the first load): the
 * same checks and the same messages.
 * @example await validateCorpusAsync(JSON.parse(text), sha256HexAsync)
 */
export async function validateCorpusAsync(input: unknown, hashText: (text: string) => Promise<string>): Promise<Validation> {
	const checked = checkCorpus(input);
	if ('ok' in checked) return checked;
	const { schemaVersion, documents, meetings, places, metrics } = checked.corpus;
	return hashVerdict(checked.corpus, checked.errors, await hashText(stableStringify({ schemaVersion, documents, meetings, places, metrics })));
}

/** Shape and cross-references: a refusal, or the parsed corpus with its cross-reference problems. */
function checkCorpus(input: unknown): Validation & { ok: false } | { corpus: Corpus; errors: string[] } {
	if (input === null || typeof input !== 'object' || Array.isArray(input))
		return { ok: false, errors: ['corpus: must be a JSON object with documents, meetings, places and metrics'] };
	const version = (input as { schemaVersion?: unknown }).schemaVersion;
	if (version !== SCHEMA_VERSION)
		return { ok: false, errors: [`corpus.schemaVersion: is ${JSON.stringify(version)}, this app reads version ${SCHEMA_VERSION}`] };
	const parsed = v.safeParse(CorpusSchema, input, { abortPipeEarly: true });
	if (!parsed.success) {
		const errors = parsed.issues.slice(0, MAX_ERRORS).map((issue) => `${where(input, issue)}: ${issue.message}`);
		if (parsed.issues.length > MAX_ERRORS) errors.push(`… and ${parsed.issues.length - MAX_ERRORS} more problems`);
		return { ok: false, errors };
	}
	return { corpus: parsed.output, errors: consistency(parsed.output) };
}

function hashVerdict(corpus: Corpus, errors: string[], expected: string): Validation {
	if (corpus.hash !== expected) errors.push(`corpus.hash: does not match the content (expected ${expected}); the file was changed or is incomplete`);
	return errors.length ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true, corpus };
}
