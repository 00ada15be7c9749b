// The import page's stale corrections (engine.ts's `stale` request, issue 17): which of the user's
// corrections and confirmations find nothing to correct any more (corpus/edits.ts's staleEdits),
// computed where the records are (the facts worker, or the page's engine in memory) instead of from
// every record read into the page. Only the facts of the documents the corrections name are keyed:
// staleEdits over them gives what it gives over the whole corpus (staleAnswer.spec.ts compares).
import type { CorpusDocument } from '../corpus/schema.ts';
import { anchorOf, staleEdits, type FactTables, type UserEdit } from '../corpus/edits.ts';
import type { Facts } from './facts.ts';

/** A correction as the request names it: its fact's key and its document's content hash. */
export type StaleCandidate = Pick<UserEdit, 'key' | 'docHash'>;

export interface StaleRequest {
	type: 'stale';
	/** the corrections and confirmations (patch and confirm edits) to check */
	edits: StaleCandidate[];
}

/** A stale correction: its key, and the document it is in (what the import page links to). */
export interface StaleRow {
	key: string;
	document: Pick<CorpusDocument, 'id' | 'title' | 'fileName'>;
}

/**
 * The stale corrections among `r.edits`, in their order (staleEdits over the whole corpus).
 * @example staleAnswer(facts, { type: 'stale', edits: [{ key: 'metric:ab…:500-510', docHash: 'ab…' }] })[0]?.document.id
 */
export function staleAnswer(facts: Facts, r: StaleRequest): StaleRow[] {
	if (r.edits.length === 0) return [];
	// the content hashes the corrections name (as their document, and in their key)
	const hashes = new Set<string>();
	for (const e of r.edits) hashes.add(e.docHash).add(e.key.split(':')[1] ?? '');
	const hashOf = new Map<string, string>();
	for (const d of facts.documents) hashOf.set(d.id, d.contentHash);
	const named = <T extends Parameters<typeof anchorOf>[0]>(rows: readonly T[]) => rows.filter((x) => hashes.has(hashOf.get(anchorOf(x)?.docId ?? '') ?? ''));
	const tables: FactTables = {
		documents: facts.documents.filter((d) => hashes.has(d.contentHash)),
		meetings: named(facts.meetings),
		places: named(facts.places),
		metrics: named(facts.metrics)
	};
	// staleEdits reads only an edit's op, key and docHash: the candidates are patches to it
	const edits = r.edits.map((e) => ({ ...e, op: 'patch' }) as UserEdit);
	return staleEdits(tables, edits).map(({ edit, document }) => ({ key: edit.key, document: { id: document.id, title: document.title, fileName: document.fileName } }));
}
