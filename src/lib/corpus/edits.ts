// The user's corrections to extracted facts. They are stored apart from the facts and applied
// on read, so a re-extraction or a new shipped corpus never loses them.
//
// A fact is named by a key that does not depend on where it sits in an array or on its
// document's id: its kind, its document's content hash and its evidence span. The same text
// always gives the same offsets, so the key finds the fact again after any re-extraction that
// still reports it at the same place.
import * as v from 'valibot';
import { DocumentRecord, MeetingRecord, MetricRecord, PlaceRecord, type CorpusDocument, type Evidence, type Meeting, type Metric, type Place, type Review } from './schema.ts';

export type FactKind = 'meeting' | 'place' | 'metric';
export const FACT_KINDS: readonly FactKind[] = ['meeting', 'place', 'metric'];
/** What an edit corrects: a fact, or a document's own fields (its region). */
export type EditKind = FactKind | 'document';

/** Ids of facts the user added start with this; extracted ids never do (they start with a document id). */
export const USER_FACT_PREFIX = 'user:';

export const METRIC_FIELDS = ['value', 'unit', 'qualifier', 'category', 'year', 'cumulative', 'subject', 'indicator', 'scopeCode', 'change', 'part'] as const;
export const DOCUMENT_FIELDS = ['regionCode'] as const;
export const MEETING_FIELDS = [
	'name',
	'startDate',
	'endDate',
	'datePrecision',
	'province',
	'provinceCode',
	'city',
	'cityCode',
	'county',
	'countyCode',
	'attendees',
	'attendeesQualifier'
] as const;
export const PLACE_FIELDS = ['name', 'adcode', 'level', 'lng', 'lat'] as const;

const MetricPatch = v.strictObject(v.partial(v.pick(MetricRecord, METRIC_FIELDS)).entries, 'has a field that cannot be corrected');
const MeetingPatch = v.strictObject(v.partial(v.pick(MeetingRecord, MEETING_FIELDS)).entries, 'has a field that cannot be corrected');
const PlacePatch = v.strictObject(v.partial(v.pick(PlaceRecord, PLACE_FIELDS)).entries, 'has a field that cannot be corrected');
const DocumentPatch = v.strictObject(v.partial(v.pick(DocumentRecord, DOCUMENT_FIELDS)).entries, 'has a field that cannot be corrected');

export type MetricPatch = v.InferOutput<typeof MetricPatch>;
export type MeetingPatch = v.InferOutput<typeof MeetingPatch>;
export type PlacePatch = v.InferOutput<typeof PlacePatch>;
export type DocumentPatch = v.InferOutput<typeof DocumentPatch>;

const Key = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(300, 'is longer than 300 characters'));
const Hash = DocumentRecord.entries.contentHash;
const At = v.pipe(v.string(), v.isoTimestamp('must be an ISO timestamp'));

const Note = v.optional(v.pipe(v.string(), v.maxLength(500, 'is longer than 500 characters')));
const base = { key: Key, docHash: Hash, at: At, note: Note };
/**
 * One stored correction; `key` is the fact's key (see factKey). `confirm` marks a fact checked
 * without changing it (a document: all of its facts checked); `note` is the reviewer's.
 */
export const UserEditSchema = v.variant('kind', [
	v.variant('op', [
		v.object({ ...base, kind: v.literal('metric'), op: v.literal('patch'), patch: MetricPatch }),
		v.object({ ...base, kind: v.literal('metric'), op: v.literal('delete') }),
		v.object({ ...base, kind: v.literal('metric'), op: v.literal('confirm') }),
		v.object({ ...base, kind: v.literal('metric'), op: v.literal('add'), record: MetricRecord })
	]),
	v.variant('op', [
		v.object({ ...base, kind: v.literal('meeting'), op: v.literal('patch'), patch: MeetingPatch }),
		v.object({ ...base, kind: v.literal('meeting'), op: v.literal('delete') }),
		v.object({ ...base, kind: v.literal('meeting'), op: v.literal('confirm') }),
		v.object({ ...base, kind: v.literal('meeting'), op: v.literal('add'), record: MeetingRecord })
	]),
	v.variant('op', [
		v.object({ ...base, kind: v.literal('place'), op: v.literal('patch'), patch: PlacePatch }),
		v.object({ ...base, kind: v.literal('place'), op: v.literal('delete') }),
		v.object({ ...base, kind: v.literal('place'), op: v.literal('confirm') }),
		v.object({ ...base, kind: v.literal('place'), op: v.literal('add'), record: PlaceRecord })
	]),
	v.variant('op', [
		v.object({ ...base, kind: v.literal('document'), op: v.literal('patch'), patch: DocumentPatch }),
		v.object({ ...base, kind: v.literal('document'), op: v.literal('confirm') })
	])
]);
export type UserEdit = v.InferOutput<typeof UserEditSchema>;

type AnyFact = Meeting | Place | Metric;

/** The review mark an applied edit leaves on its record (see Review). */
export function reviewOf(edit: UserEdit): Review {
	const status = edit.op === 'add' ? 'added' : edit.op === 'confirm' ? 'confirmed' : 'corrected';
	return edit.note ? { status, at: edit.at, note: edit.note } : { status, at: edit.at };
}

/** The evidence a fact is anchored at: a meeting's first report, the one evidence of the others. */
export function anchorOf(fact: AnyFact): Evidence | undefined {
	return Array.isArray(fact.evidence) ? fact.evidence[0] : fact.evidence;
}

/**
 * The stable key of a fact: kind, document content hash and evidence span (or, for a fact the
 * user added, its own id); a document's own key is its content hash.
 * @example factKey('metric', 'ab…', metric) // 'metric:ab…:60-69'
 */
export function factKey(kind: EditKind, docHash: string, fact?: AnyFact): string {
	if (kind === 'document' || !fact) return `document:${docHash}`;
	if (fact.id.startsWith(USER_FACT_PREFIX)) return `${kind}:${docHash}:${fact.id}`;
	const at = anchorOf(fact);
	return `${kind}:${docHash}:${at ? `${at.start}-${at.end}` : fact.id}`;
}

/**
 * The key of a document's "fully reviewed" mark: apart from its region correction, so a reviewer
 * can correct the region and still mark the whole document reviewed.
 * @example documentReviewKey('ab…') // 'document:ab…:reviewed'
 */
export const documentReviewKey = (docHash: string): string => `${factKey('document', docHash)}:reviewed`;

export interface FactTables {
	documents: CorpusDocument[];
	meetings: Meeting[];
	places: Place[];
	metrics: Metric[];
}

/** Points an added fact at the document that now carries its content (ids may differ between imports). */
function rebind<T extends AnyFact>(record: T, docId: string): T {
	const ev = (e: Evidence): Evidence => ({ ...e, docId });
	if ('docIds' in record) return { ...record, docIds: [docId], evidence: record.evidence.map(ev) };
	return { ...record, docId, evidence: ev(record.evidence as Evidence) } as T;
}

/**
 * The facts as the user sees them: corrections applied, deletions left out, additions included.
 * Edits whose document is absent or whose fact is no longer extracted change nothing.
 * @example applyEdits(facts, [{ kind: 'metric', op: 'delete', key, … }]).metrics // without that metric
 */
export function applyEdits<T extends FactTables>(facts: T, edits: readonly UserEdit[]): T {
	if (edits.length === 0) return facts;
	const byKey = new Map(edits.map((e) => [e.key, e]));
	const hashOf = new Map(facts.documents.map((d) => [d.id, d.contentHash]));
	const idOf = new Map(facts.documents.map((d) => [d.contentHash, d.id]));

	function edited<F extends AnyFact>(kind: FactKind, rows: F[]): F[] {
		const out: F[] = [];
		for (const row of rows) {
			const hash = hashOf.get(anchorOf(row)?.docId ?? '');
			const edit = hash ? byKey.get(factKey(kind, hash, row)) : undefined;
			if (!edit || edit.kind !== kind) out.push(row);
			else if (edit.op === 'patch') out.push({ ...row, ...edit.patch, review: reviewOf(edit) });
			else if (edit.op === 'confirm') out.push({ ...row, review: reviewOf(edit) });
			// 'delete' drops the row; 'add' never shares a key with an extracted fact
		}
		for (const edit of edits) {
			if (edit.kind !== kind || edit.op !== 'add') continue;
			const docId = idOf.get(edit.docHash);
			if (docId) out.push({ ...rebind(edit.record as F, docId), review: reviewOf(edit) });
		}
		return out;
	}

	const documents = facts.documents.map((d) => {
		const edit = byKey.get(factKey('document', d.contentHash));
		const reviewed = byKey.get(documentReviewKey(d.contentHash));
		let out = d;
		if (edit?.kind === 'document') out = edit.op === 'patch' ? { ...out, ...edit.patch, review: reviewOf(edit) } : { ...out, review: reviewOf(edit) };
		// The whole document reviewed says more than a corrected region: its mark wins.
		if (reviewed?.kind === 'document' && reviewed.op === 'confirm') out = { ...out, review: reviewOf(reviewed) };
		return out;
	});

	return {
		...facts,
		documents,
		meetings: edited('meeting', facts.meetings),
		places: edited('place', facts.places),
		metrics: edited('metric', facts.metrics)
	};
}

/** A correction of some fields of a fact. */
export type PatchEdit = Extract<UserEdit, { op: 'patch' }>;

/** A mark that a fact or document was checked and is right as extracted. */
export type ConfirmEdit = Extract<UserEdit, { op: 'confirm' }>;

/** A correction that finds nothing to correct, with the document it was made in. */
export interface StaleEdit {
	edit: PatchEdit | ConfirmEdit;
	document: CorpusDocument;
}

/**
 * The key of every fact of a corpus that an edit may name: each meeting, place and figure (a merged
 * meeting by its first report's span, as applyEdits looks for it), each document and its review mark.
 * @example factKeys(corpus).has('metric:ab…:500-510')
 */
export function factKeys(facts: FactTables): Set<string> {
	const hashOf = new Map(facts.documents.map((d) => [d.id, d.contentHash]));
	const keys = new Set<string>();
	const collect = (kind: FactKind, rows: AnyFact[]) => {
		for (const row of rows) {
			const hash = hashOf.get(anchorOf(row)?.docId ?? '');
			if (hash) keys.add(factKey(kind, hash, row));
		}
	};
	collect('meeting', facts.meetings);
	collect('place', facts.places);
	collect('metric', facts.metrics);
	for (const d of facts.documents) keys.add(factKey('document', d.contentHash)).add(documentReviewKey(d.contentHash));
	return keys;
}

/**
 * Corrections of facts that are no longer extracted where they were (a new corpus or extractor
 * moved or dropped them), in documents still present: they change nothing now, and the user should
 * see them rather than lose them silently. Deletions never count (their fact is gone either way),
 * nor do corrections of removed documents (kept for a re-import).
 * @example staleEdits(facts, edits)[0]?.edit.key // 'metric:ab…:500-510'
 */
export function staleEdits(applied: FactTables, edits: readonly UserEdit[]): StaleEdit[] {
	const patches = edits.filter((e): e is PatchEdit | ConfirmEdit => e.op === 'patch' || e.op === 'confirm');
	if (patches.length === 0) return [];
	const byHash = new Map(applied.documents.map((d) => [d.contentHash, d]));
	const keys = factKeys(applied);
	return patches.flatMap((edit) => {
		const document = byHash.get(edit.docHash);
		return document && !keys.has(edit.key) ? [{ edit, document }] : [];
	});
}
