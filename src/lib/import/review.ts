// Corrections from the review forms: form fields (strings) → checked patches, new facts and the
// UserEdit records that store them. Pure, so every rule is tested in Node.
import * as v from 'valibot';
import { USER_FACT_PREFIX, UserEditSchema, documentReviewKey, factKey, type DocumentPatch, type FactKind, type MeetingPatch, type MetricPatch, type PlacePatch, type UserEdit } from '../corpus/edits.ts';
import type { Evidence, Meeting, Metric, Place } from '../corpus/schema.ts';
import { indicatorOf, isKnownIndicator } from '../indicators/indicators.ts';
import { findMetrics } from '../extract/metrics.ts';
import { fold } from '../extract/fold.ts';
import { scanNumbers } from '../extract/numbers.ts';
import type { MetricCategory, Qualifier } from '../extract/types.ts';
import { coordinates, division, lookupName, venueFields, type Division } from '../geo/gazetteer.ts';

/** A field the user must fix, with a message code the form words (review.invalid.<code>). */
export interface FieldError {
	field: string;
	code: 'required' | 'number' | 'unit' | 'year' | 'date' | 'dateOrder' | 'place';
}

export type Built<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export interface MetricForm {
	value: string;
	unit: string;
	qualifier: Qualifier;
	category: MetricCategory;
	year: string;
	/** what is counted, as the text names it; empty: not said */
	subject: string;
	/** a vocabulary indicator id; empty: the one the subject maps to */
	indicator: string;
	/** the division the figure describes when not the document's region (a name, 全国); empty: the document's */
	scope: string;
	change: '' | 'increase' | 'decrease';
	part: boolean;
}
/** An empty metric form. */
export const emptyMetricForm = (): MetricForm => ({ value: '', unit: '', qualifier: 'exact', category: 'other', year: '', subject: '', indicator: '', scope: '', change: '', part: false });

/** A metric's form filled from the metric. */
export function metricForm(m: Metric): MetricForm {
	return filledForm(m, isKnownIndicator(m.indicator) ? m.indicator : '');
}

/** The form of a figure's fields, extracted or stored, with the indicator to show. */
function filledForm(m: Pick<Metric, 'value' | 'unit' | 'qualifier' | 'category' | 'year' | 'subject' | 'scopeCode' | 'change' | 'part'>, indicator: string): MetricForm {
	return {
		value: String(m.value),
		unit: m.unit,
		qualifier: m.qualifier,
		category: m.category,
		year: m.year ? String(m.year) : '',
		subject: m.subject ?? '',
		indicator,
		scope: regionFormName(m.scopeCode),
		change: m.change ?? '',
		part: m.part
	};
}

/** A document's region as the user writes it: a division's name, 全国, or empty for none. */
export interface DocumentForm {
	region: string;
}

/** What the user writes for the whole country. */
const NATIONAL_NAMES = new Set(['全国', '中国', '全国范围', 'national', 'China']);

/**
 * The code of a region the user names: 全国 is 100000, else the division the name stands for.
 * @example regionByName('全国') // '100000'
 */
export function regionByName(name: string): string | undefined {
	const n = name.trim();
	if (NATIONAL_NAMES.has(n)) return '100000';
	if (/^\d{6}$/.test(n) && division(n)) return n;
	return divisionByName(n)?.code;
}

/** The name a region code is written as in a form. */
export const regionFormName = (code: string | null | undefined): string => (code ? (code === '100000' ? '全国' : (division(code)?.name ?? code)) : '');
export interface MeetingForm {
	name: string;
	startDate: string;
	endDate: string;
	/** a division's name, as the user writes it (杭州, 杭州市); empty for no venue */
	place: string;
}
export interface PlaceForm {
	place: string;
}

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The division a name stands for: the least ambiguous reading, the higher level first. */
export function divisionByName(name: string): Division | undefined {
	const rank = { province: 0, city: 1, county: 2 } as const;
	return [...lookupName(name.trim())].sort((a, b) => rank[a.level] - rank[b.level])[0];
}

/**
 * A metric's corrected fields from its form.
 * @example metricPatch({ value: '1.5', unit: '万人', qualifier: 'exact', category: 'training', year: '' }) // { ok: true, value: { value: 1.5, … year: null } }
 */
export function metricPatch(form: MetricForm): Built<Required<Omit<MetricPatch, 'cumulative'>>> {
	const errors: FieldError[] = [];
	const subject = form.subject.trim().slice(0, 40) || null;
	const scope = form.scope.trim();
	const scopeCode = scope ? regionByName(scope) : null;
	if (scopeCode === undefined) errors.push({ field: 'scope', code: 'place' });
	const value = Number(form.value.replace(/[,，\s]/g, ''));
	if (form.value.trim() === '' || !Number.isFinite(value) || value < 0) errors.push({ field: 'value', code: 'number' });
	const unit = form.unit.trim();
	if (unit.length < 1 || unit.length > 12) errors.push({ field: 'unit', code: 'unit' });
	const year = form.year.trim() === '' ? null : Number(form.year);
	if (year !== null && !(Number.isInteger(year) && year >= 1900 && year <= 2100)) errors.push({ field: 'year', code: 'year' });
	if (errors.length) return { ok: false, errors };
	const indicator = form.indicator.trim() || indicatorOf(subject, unit, form.category);
	return {
		ok: true,
		value: { value, unit, qualifier: form.qualifier, category: form.category, year, subject, indicator, scopeCode: scopeCode ?? null, change: form.change || null, part: form.part }
	};
}

/**
 * A document's corrected region from its form: a division, 全国 (100000), or none.
 * @example documentPatch({ region: '全国' }) // { ok: true, value: { regionCode: '100000' } }
 */
export function documentPatch(form: DocumentForm): Built<Required<DocumentPatch>> {
	const name = form.region.trim();
	if (!name) return { ok: true, value: { regionCode: null } };
	const code = regionByName(name);
	if (!code) return { ok: false, errors: [{ field: 'region', code: 'place' }] };
	return { ok: true, value: { regionCode: code } };
}

/** The edit that stores a correction of a document's region. */
export function documentEdit(docHash: string, patch: DocumentPatch, at: string): UserEdit {
	return checked({ key: factKey('document', docHash), docHash, kind: 'document', op: 'patch', patch, at });
}

/**
 * A meeting's corrected name, dates and venue from its form. The end date defaults to the start.
 * @example meetingPatch({ name: '年会', startDate: '2020-09-10', endDate: '', place: '太原' }).ok // true
 */
export function meetingPatch(form: MeetingForm): Built<MeetingPatch> {
	const errors: FieldError[] = [];
	const name = form.name.trim();
	if (name.length < 1 || name.length > 300) errors.push({ field: 'name', code: 'required' });
	const start = form.startDate.trim() || null;
	const end = form.endDate.trim() || start;
	if (start && !ISO_DATE.test(start)) errors.push({ field: 'startDate', code: 'date' });
	if (end && !ISO_DATE.test(end)) errors.push({ field: 'endDate', code: 'date' });
	else if (end && !start) errors.push({ field: 'startDate', code: 'required' });
	else if (start && end && (end.length !== start.length || end < start)) errors.push({ field: 'endDate', code: 'dateOrder' });
	const place = form.place.trim();
	const d = place ? divisionByName(place) : undefined;
	if (place && !d) errors.push({ field: 'place', code: 'place' });
	if (errors.length) return { ok: false, errors };
	const datePrecision = start ? ({ 4: 'year', 7: 'month', 10: 'day' } as const)[start.length as 4 | 7 | 10] : null;
	return { ok: true, value: { name, startDate: start, endDate: end, datePrecision, ...venueFields(d?.code) } };
}

/**
 * A place's corrected division from its form.
 * @example placePatch({ place: '成都' }) // { ok: true, value: { name: '成都市', adcode: '510100', … } }
 */
export function placePatch(form: PlaceForm): Built<Required<PlacePatch>> {
	const d = divisionByName(form.place);
	const coord = d ? coordinates(d.code) : undefined;
	if (!d || !coord) return { ok: false, errors: [{ field: 'place', code: 'place' }] };
	return { ok: true, value: { name: d.name, adcode: d.code, level: d.level, lng: coord[0], lat: coord[1] } };
}

type AnyFact = Meeting | Place | Metric;

/** Fails loudly when a built edit breaks the stored shape: the forms above must never let one through. */
const checked = (edit: UserEdit): UserEdit => v.parse(UserEditSchema, edit);

/**
 * The edit that stores a correction: a patch of an extracted fact, or the whole record again
 * for a fact the user added.
 */
export function correctionEdit(kind: FactKind, docHash: string, fact: AnyFact, patch: MetricPatch | MeetingPatch | PlacePatch, at: string): UserEdit {
	const key = factKey(kind, docHash, fact);
	if (fact.id.startsWith(USER_FACT_PREFIX)) return checked({ key, docHash, kind, op: 'add', record: { ...fact, ...patch }, at } as UserEdit);
	return checked({ key, docHash, kind, op: 'patch', patch, at } as UserEdit);
}

/**
 * A reviewer's mark that an extracted fact (or, without a fact, the whole document) is right as
 * it is; it travels with the corrections (see corrections.ts). An added fact needs none (null).
 * @example confirmEdit('metric', hash, metric, at).op // 'confirm'
 */
export function confirmEdit(kind: FactKind | 'document', docHash: string, fact: AnyFact | null, at: string, note?: string): UserEdit | null {
	if (fact?.id.startsWith(USER_FACT_PREFIX)) return null;
	const key = kind === 'document' || !fact ? documentReviewKey(docHash) : factKey(kind, docHash, fact);
	const text = note?.trim();
	return checked({ key, docHash, kind, op: 'confirm', at, ...(text ? { note: text } : {}) } as UserEdit);
}

/** An edit with the reviewer's note (trimmed; none when empty). */
export function withNote(edit: UserEdit, note: string): UserEdit {
	const text = note.trim();
	return text ? checked({ ...edit, note: text }) : edit;
}

/** Deleting an extracted fact stores a deletion; deleting an added one removes its edit (null here). */
export function deletionEdit(kind: FactKind, docHash: string, fact: AnyFact, at: string): UserEdit | null {
	if (fact.id.startsWith(USER_FACT_PREFIX)) return null;
	return checked({ key: factKey(kind, docHash, fact), docHash, kind, op: 'delete', at } as UserEdit);
}

const EVIDENCE_MAX = 60;

/** The evidence of a selection, cut to a short phrase like the extractor's. */
export function selectionEvidence(docId: string, text: string, start: number, end: number): Evidence {
	const words = text.slice(start, end).replace(/\s+/g, ' ').trim();
	return { docId, start, end, text: words.length > EVIDENCE_MAX ? `${words.slice(0, EVIDENCE_MAX - 1)}…` : words };
}

/** What a metric form starts with for a selection: the extractor's reading of it, else its first number. */
export function metricDraft(selection: string): MetricForm {
	const norm = fold(selection);
	const found = findMetrics(norm, [{ start: 0, end: norm.length }])[0];
	if (found) return filledForm(found, '');
	const n = scanNumbers(norm)[0];
	return { ...emptyMetricForm(), value: n ? String(n.value) : '', qualifier: n?.qualifier ?? 'exact' };
}

export interface NewFact {
	kind: FactKind;
	docId: string;
	docHash: string;
	/** the document's text and the selection in it */
	text: string;
	start: number;
	end: number;
	id: string;
	at: string;
}

/**
 * A fact the user adds by selecting its words, as the edit that stores it.
 * @example addedEdit({ kind: 'place', … }, { name: '成都市', adcode: '510100', … }).op // 'add'
 */
export function addedEdit(f: NewFact, patch: MetricPatch | MeetingPatch | PlacePatch): UserEdit {
	const evidence = selectionEvidence(f.docId, f.text, f.start, f.end);
	const id = `${USER_FACT_PREFIX}${f.id}`;
	let record: AnyFact;
	if (f.kind === 'metric') {
		const p = patch as Required<Omit<MetricPatch, 'cumulative'>>;
		record = {
			id, docId: f.docId, value: p.value, unit: p.unit, qualifier: p.qualifier, category: p.category, cumulative: false, year: p.year,
			subject: p.subject ?? null, indicator: p.indicator ?? indicatorOf(p.subject, p.unit, p.category), scopeCode: p.scopeCode ?? null,
			change: p.change ?? null, part: p.part ?? false, text: evidence.text, evidence
		} satisfies Metric;
	} else if (f.kind === 'place') {
		const p = patch as Required<PlacePatch>;
		record = { id, docId: f.docId, ...p, mentions: 1, evidence } satisfies Place;
	} else {
		const p = patch as MeetingPatch;
		const m: Meeting = {
			id,
			name: p.name ?? evidence.text,
			startDate: p.startDate ?? null,
			endDate: p.endDate ?? null,
			datePrecision: p.datePrecision ?? null,
			...venueFields(null),
			...p,
			attendees: null,
			attendeesQualifier: null,
			participantCodes: [],
			docIds: [f.docId],
			evidence: [evidence]
		};
		const code = m.countyCode ?? m.cityCode ?? m.provinceCode;
		record = { ...m, participantCodes: code ? [code] : [] };
	}
	return checked({ key: factKey(f.kind, f.docHash, record), docHash: f.docHash, kind: f.kind, op: 'add', record, at: f.at } as UserEdit);
}
