// One JSON file with everything the browser holds: the corpus (shipped and imported documents,
// facts as extracted), the user's own texts and their corrections. The file is itself a valid
// corpus (extra top-level fields are ignored by corpus readers such as the scorer), so the same
// validation guards it, plus checks of the user's part.
import * as v from 'valibot';
import { cleanNotes, noteErrors, type SpeakerNote } from '../screen/notes.ts';
import { UserEditSchema, type UserEdit } from './edits.ts';
import { sha256Hex } from './hash.ts';
import { rebaseDocument } from './rebase.ts';
import { MAX_DOCUMENT_ID, MAX_ID, repairRecords, shortId } from './repair.ts';
import type { Corpus, CorpusContent, CorpusDocument, Meeting, Metric, Place } from './schema.ts';
import { sealCorpus, validateCorpus } from './validate.ts';

/** A document's full text, kept only for documents the user imported (their own). */
export interface DocumentText {
	docId: string;
	text: string;
}

export interface UserData {
	/** ids of the documents that are the user's own */
	imported: string[];
	texts: DocumentText[];
	edits: UserEdit[];
	/** the presenter's speaker notes per page of the wall (absent in files written before them) */
	notes?: SpeakerNote[];
}

export type Exchange = Corpus & UserData;

const MAX_ERRORS = 50;

/**
 * Seals the content and adds the user's part.
 * @example JSON.stringify(exchangeFile(content, { imported: [], texts: [], edits: [] }))
 */
export function exchangeFile(content: CorpusContent, user: UserData): Exchange {
	return { ...sealCorpus(content), ...user };
}

const TextSchema = v.object({ docId: v.pipe(v.string(), v.minLength(1, 'must not be empty')), text: v.string() });

/** Checks the user's part against the corpus it came with. */
function userErrors(input: Record<string, unknown>, corpus: Corpus): string[] {
	const errors: string[] = [];
	const docs = new Map(corpus.documents.map((d) => [d.id, d]));
	const list = (name: string): unknown[] => {
		const value = input[name];
		if (value === undefined) return [];
		if (!Array.isArray(value)) {
			errors.push(`${name}: must be an array`);
			return [];
		}
		return value;
	};
	list('imported').forEach((id, i) => {
		if (typeof id !== 'string') errors.push(`imported[${i}]: must be a document id (a string)`);
		else if (!docs.has(id)) errors.push(`imported[${i}]: names a document that is not in the corpus (${id})`);
	});
	list('texts').forEach((t, i) => {
		const parsed = v.safeParse(TextSchema, t);
		if (!parsed.success) {
			for (const issue of parsed.issues) errors.push(`texts[${i}]${issue.path ? `.${issue.path.map((p) => p.key).join('.')}` : ''}: ${issue.message}`);
			return;
		}
		const at = `texts[${i}] (${parsed.output.docId})`;
		const doc = docs.get(parsed.output.docId);
		if (!doc) errors.push(`${at}.docId: names a document that is not in the corpus`);
		else if (parsed.output.text.length !== doc.length) errors.push(`${at}.text: has ${parsed.output.text.length} characters, the document ${doc.length}`);
		else if (sha256Hex(parsed.output.text) !== doc.contentHash) errors.push(`${at}.text: does not match the document's contentHash`);
	});
	list('edits').forEach((e, i) => {
		const parsed = v.safeParse(UserEditSchema, e, { abortPipeEarly: true });
		const key = e && typeof e === 'object' && 'key' in e ? ` (${String((e as { key: unknown }).key)})` : '';
		if (!parsed.success)
			for (const issue of parsed.issues) errors.push(`edits[${i}]${key}${issue.path ? `.${issue.path.map((p) => p.key).join('.')}` : ''}: ${issue.message}`);
	});
	errors.push(...noteErrors(input.notes));
	return errors;
}

export type ExchangeValidation = { ok: true; exchange: Exchange } | { ok: false; errors: string[] };

/**
 * Validates an uploaded file: the corpus (validateCorpus) and the user's part, each problem
 * named by record and field.
 * @example validateExchange(JSON.parse(text))
 */
export function validateExchange(input: unknown): ExchangeValidation {
	const corpus = validateCorpus(input);
	if (!corpus.ok) return corpus;
	const raw = input as Record<string, unknown>;
	const errors = userErrors(raw, corpus.corpus);
	if (errors.length) return { ok: false, errors: errors.length > MAX_ERRORS ? [...errors.slice(0, MAX_ERRORS), `… and ${errors.length - MAX_ERRORS} more problems`] : errors };
	return {
		ok: true,
		exchange: {
			...corpus.corpus,
			imported: (raw.imported as string[] | undefined) ?? [],
			texts: ((raw.texts as DocumentText[] | undefined) ?? []).map(({ docId, text }) => ({ docId, text })),
			edits: ((raw.edits as unknown[] | undefined) ?? []).map((e) => v.parse(UserEditSchema, e)),
			...(raw.notes !== undefined ? { notes: cleanNotes(raw.notes) } : {})
		}
	};
}

/** What restoring a file adds to the database. */
export interface ExchangePlan {
	documents: CorpusDocument[];
	meetings: Meeting[];
	places: Place[];
	metrics: Metric[];
	texts: DocumentText[];
	/** the added documents with the file each came from */
	imports: { docId: string; contentHash: string; fileName: string; title: string | null }[];
	edits: UserEdit[];
	/** documents left out because the database already holds their content */
	skipped: CorpusDocument[];
	/** what was repaired on the way in (ids shortened or renamed so they fit and collide with nothing) */
	repairs: string[];
}

/** Fact ids the database already holds, per table: a restored fact must not take one. */
export interface TakenIds {
	meetings: ReadonlySet<string>;
	places: ReadonlySet<string>;
	metrics: ReadonlySet<string>;
}

const MAX_REPAIRS = 50;

/** Adds a repair line; past MAX_REPAIRS only the count in the last line grows. */
function note(repairs: string[], line: string): void {
	if (repairs.length < MAX_REPAIRS) repairs.push(line);
	else repairs[MAX_REPAIRS] = `… and ${Number(/\d+/.exec(repairs[MAX_REPAIRS] ?? '')?.[0] ?? 0) + 1} more repairs`;
}

const NONE: TakenIds = { meetings: new Set(), places: new Set(), metrics: new Set() };

/** Rows whose id another row (held, or earlier in this plan) has, renamed `id~2`, `id~3`, …; `taken` grows. */
function freeIds<T extends { id: string }>(rows: T[], taken: Set<string>, table: string, repairs: string[]): T[] {
	return rows.map((row) => {
		if (!taken.has(row.id)) {
			taken.add(row.id);
			return row;
		}
		let id = row.id;
		for (let n = 2; taken.has(id); n++) id = `${shortId(row.id, 190)}~${n}`;
		taken.add(id);
		note(repairs, `${table} ${row.id}: the database holds this id already, restored as ${id}`);
		return { ...row, id };
	});
}

/**
 * Decides what a validated file adds: every document whose content the database does not hold
 * yet, as the user's own, under its imported id (see importedId). Meetings keep
 * only the documents that are added. Edits are taken as they are (keyed by content, not id).
 * @example planExchange(exchange, [{ id: 'a', contentHash: '…' }]).skipped
 */
export function planExchange(
	exchange: Exchange,
	existing: readonly Pick<CorpusDocument, 'id' | 'contentHash'>[],
	takenIds: TakenIds = NONE
): ExchangePlan {
	const heldHashes = new Set(existing.map((d) => d.contentHash));
	const takenDocs = new Set(existing.map((d) => d.id));
	const plan: ExchangePlan = { documents: [], meetings: [], places: [], metrics: [], texts: [], imports: [], edits: exchange.edits, skipped: [], repairs: [] };
	const textOf = new Map(exchange.texts.map((t) => [t.docId, t.text]));
	// Facts grouped once: a file with 330k figures must not be scanned once per document.
	const placesOf = groupBy(exchange.places, (p) => p.docId);
	const metricsOf = groupBy(exchange.metrics, (m) => m.docId);
	const added = new Map<string, string>();
	for (const doc of exchange.documents) {
		if (heldHashes.has(doc.contentHash)) {
			plan.skipped.push(doc);
			continue;
		}
		heldHashes.add(doc.contentHash);
		const suffixed = importedId(doc.id, doc.contentHash);
		const candidate = takenDocs.has(suffixed) ? `${shortId(doc.id, MAX_DOCUMENT_ID - 65)}~${doc.contentHash}` : suffixed;
		// Rebasing can lengthen fact ids: repaired so they fit (a valid file needs nothing else, and
		// a document of 330k figures is not checked record by record again).
		const rebased = rebaseDocument({ document: doc, meetings: [], places: placesOf.get(doc.id) ?? [], metrics: metricsOf.get(doc.id) ?? [] }, candidate);
		const tooLong = (r: { id: string }) => r.id.length > MAX_ID;
		const { records: own, warnings } =
			tooLong(rebased.document) || rebased.places.some(tooLong) || rebased.metrics.some(tooLong) ? repairRecords(rebased) : { records: rebased, warnings: [] };
		const id = own.document.id;
		takenDocs.add(id);
		added.set(doc.id, id);
		for (const w of warnings) note(plan.repairs, `${id}: ${w}`);
		plan.documents.push(own.document);
		// One at a time: push(...rows) overflows the call stack for a few hundred thousand rows.
		for (const p of own.places) plan.places.push(p);
		for (const m of own.metrics) plan.metrics.push(m);
		const text = textOf.get(doc.id);
		if (text !== undefined) plan.texts.push({ docId: id, text });
		plan.imports.push({ docId: id, contentHash: doc.contentHash, fileName: doc.fileName, title: doc.title });
	}
	for (const m of exchange.meetings) {
		const docIds = m.docIds.filter((d) => added.has(d)).map((d) => added.get(d)!);
		if (docIds.length === 0) continue;
		const evidence = m.evidence.filter((e) => added.has(e.docId)).map((e) => ({ ...e, docId: added.get(e.docId)! }));
		const first = m.docIds.find((d) => added.has(d))!;
		const id = m.id.startsWith(first) ? added.get(first)! + m.id.slice(first.length) : m.id;
		plan.meetings.push({ ...m, id: id.length > 200 ? shortId(id, 196) : id, docIds, evidence });
	}
	plan.meetings = freeIds(plan.meetings, new Set(takenIds.meetings), 'meeting', plan.repairs);
	plan.places = freeIds(plan.places, new Set(takenIds.places), 'place', plan.repairs);
	plan.metrics = freeIds(plan.metrics, new Set(takenIds.metrics), 'metric', plan.repairs);
	return plan;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const row of rows) {
		const k = key(row);
		const list = out.get(k);
		if (list) list.push(row);
		else out.set(k, [row]);
	}
	return out;
}

/**
 * The id of a document the user imports: the extracted id (from the file name) and the start
 * of its content hash, so it never takes the id of a shipped document with other content, now
 * or in a later corpus. Idempotent, so a re-imported export keeps its ids. An id longer than
 * MAX_DOCUMENT_ID is shortened first (see shortId), so the id and its facts' ids stay within
 * the schema's 200 characters.
 * @example importedId('annual', 'ab12cd…') // 'annual~ab12cd'
 */
export function importedId(id: string, contentHash: string): string {
	const suffix = `~${contentHash.slice(0, 6)}`;
	const base = MAX_DOCUMENT_ID - 10;
	return id.endsWith(suffix) && id.length <= base + suffix.length ? id : `${shortId(id, base)}${suffix}`;
}
