// One document's records made valid by construction, before they are stored or written: what
// the schema would refuse is repaired (cut, shortened, cleared) with a warning, and a fact that
// cannot be repaired is left out with a warning. Only the document record itself can make the
// whole document fail (see `ok`). Pure: Node (the CLI) and the browser (the import, the restore).
import * as v from 'valibot';
import { sha256Hex } from './hash.ts';
import { rebaseDocument, type DocumentRecords } from './rebase.ts';
import { DocumentRecord, MeetingRecord, MetricRecord, PlaceRecord, type Evidence, type Meeting, type Metric, type Place } from './schema.ts';

/** Longest id the schema takes. */
export const MAX_ID = 200;
/** Longest name, title or file name the schema takes. */
export const MAX_NAME = 300;
/**
 * Longest document id kept as it is: room for the import suffix (`~ab12cd`) and the fact
 * suffixes (`$123`, `@330100`) within MAX_ID.
 */
export const MAX_DOCUMENT_ID = 160;
const MAX_EVIDENCE = 80;
const MAX_TEXT = 80;
const MAX_SUBJECT = 40;
const MAX_URL = 2000;
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export interface Repaired<T> {
	/** the records, valid for the schema (when ok) */
	records: T;
	/** one line per repair or omission, naming the record and the field */
	warnings: string[];
	/** false when the document record itself could not be made valid: store nothing */
	ok: boolean;
}

/**
 * `id` when it fits in `max` characters, else its start and a hash of the whole: distinct ids
 * stay distinct, and the same id always gives the same short one.
 * @example shortId('x'.repeat(300), 20) // 'xxxxxxxxxxx-1a2b3c4d'
 */
export function shortId(id: string, max = MAX_DOCUMENT_ID): string {
	if (id.length <= max) return id;
	let head = id.slice(0, max - 9);
	if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
	return `${head}-${sha256Hex(id).slice(0, 8)}`;
}

/** `text` cut to `max` characters, the last one an ellipsis; code points are never split. */
export function cut(text: string, max: number): string {
	if (text.length <= max) return text;
	let out = '';
	for (const ch of text) {
		if (out.length + ch.length > max - 1) break;
		out += ch;
	}
	return `${out}…`;
}

/** A file name cut to `max` characters keeping its extension. */
export function cutFileName(name: string, max = MAX_NAME): string {
	if (name.length <= max) return name;
	const dot = name.lastIndexOf('.');
	const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
	return cut(name.slice(0, name.length - ext.length), max - ext.length) + ext;
}

type Fix = (warning: string) => void;

function text(value: string, max: number, at: string, fix: Fix): string {
	if (value.length <= max) return value;
	fix(`${at}: cut to ${max} characters (was ${value.length})`);
	return cut(value, max);
}

function nullableText(value: string | null, max: number, at: string, fix: Fix): string | null {
	if (value === null) return null;
	if (value.trim() === '') {
		fix(`${at}: empty, cleared`);
		return null;
	}
	return text(value, max, at, fix);
}

function date(value: string | null, at: string, fix: Fix): string | null {
	if (value === null || DATE.test(value)) return value;
	fix(`${at}: ${JSON.stringify(value)} is not a date, cleared`);
	return null;
}

function evidence(e: Evidence, at: string, fix: Fix): Evidence {
	return e.text.length <= MAX_EVIDENCE ? e : { ...e, text: text(e.text, MAX_EVIDENCE, `${at}.evidence.text`, fix) };
}

/** Fact ids: within MAX_ID and unique in the document (the first keeps its id). */
function uniqueIds<T extends { id: string }>(rows: T[], table: string, fix: Fix): T[] {
	const seen = new Set<string>();
	return rows.map((row, i) => {
		let id = row.id.length > MAX_ID ? shortId(row.id, MAX_ID - 4) : row.id;
		for (let n = 2; seen.has(id); n++) id = `${shortId(row.id, MAX_ID - 8)}~${n}`;
		seen.add(id);
		if (id === row.id) return row;
		fix(`${table}[${i}].id: ${row.id.length > MAX_ID ? 'shortened' : 'repeated, renamed'} to ${id}`);
		return { ...row, id };
	});
}

function meeting(m: Meeting, at: string, fix: Fix): Meeting {
	const startDate = date(m.startDate, `${at}.startDate`, fix);
	const attendees = m.attendees !== null && !(Number.isInteger(m.attendees) && m.attendees >= 0) ? null : m.attendees;
	if (attendees !== m.attendees) fix(`${at}.attendees: ${m.attendees} is not a head count, cleared`);
	return {
		...m,
		name: text(m.name, MAX_NAME, `${at}.name`, fix),
		startDate,
		endDate: date(m.endDate, `${at}.endDate`, fix),
		datePrecision: startDate === null ? null : m.datePrecision,
		province: nullableText(m.province, MAX_NAME, `${at}.province`, fix),
		city: nullableText(m.city, MAX_NAME, `${at}.city`, fix),
		county: nullableText(m.county, MAX_NAME, `${at}.county`, fix),
		attendees,
		attendeesQualifier: attendees === null ? null : m.attendeesQualifier,
		evidence: m.evidence.map((e, k) => evidence(e, `${at}.evidence[${k}]`, fix))
	};
}

function metric(m: Metric, at: string, fix: Fix): Metric {
	const year = m.year !== null && !(Number.isInteger(m.year) && m.year >= 1900 && m.year <= 2100) ? null : m.year;
	if (year !== m.year) fix(`${at}.year: ${m.year} is outside 1900–2100, cleared`);
	return {
		...m,
		year,
		text: text(m.text, MAX_TEXT, `${at}.text`, fix),
		subject: nullableText(m.subject, MAX_SUBJECT, `${at}.subject`, fix),
		indicator: text(m.indicator, MAX_SUBJECT, `${at}.indicator`, fix),
		evidence: evidence(m.evidence, at, fix)
	};
}

function place(p: Place, at: string, fix: Fix): Place {
	return { ...p, name: text(p.name, MAX_NAME, `${at}.name`, fix), evidence: evidence(p.evidence, at, fix) };
}

/** The rows the schema takes; each other row is left out with the schema's reason. */
function keepValid<T>(rows: T[], schema: v.GenericSchema<unknown, T>, table: string, fix: Fix): T[] {
	return rows.filter((row, i) => {
		const parsed = v.safeParse(schema, row, { abortPipeEarly: true });
		if (parsed.success) return true;
		const issue = parsed.issues[0];
		const field = issue.path?.map((p) => p.key).join('.') ?? '';
		fix(`${table}[${i}] (${(row as { id?: unknown }).id}) left out: ${field ? `${field}: ` : ''}${issue.message}`);
		return false;
	});
}

/**
 * One document's records, valid for the schema: over-long titles, names, file names and texts
 * cut; a document id over MAX_DOCUMENT_ID shortened (its facts follow); impossible dates and
 * years cleared; fact ids shortened and made unique; facts the schema still refuses left out.
 * Records already valid come back unchanged and without warnings.
 * @example repairRecords(records).warnings // ['document.title: cut to 300 characters (was 412)']
 */
export function repairRecords<T extends DocumentRecords>(records: T): Repaired<T> {
	const warnings: string[] = [];
	const fix: Fix = (w) => warnings.push(w);
	const doc = records.document;

	let id = doc.id.trim() === '' ? `doc-${doc.contentHash.slice(0, 8)}` : doc.id;
	if (id !== doc.id) fix(`document.id: empty, named ${id}`);
	if (id.length > MAX_DOCUMENT_ID) {
		const short = shortId(id);
		fix(`document.id: shortened to ${short} (was ${id.length} characters)`);
		id = short;
	}
	const rebased = rebaseDocument(records, id);
	const fileName = doc.fileName.trim() === '' ? `${id}.txt` : cutFileName(doc.fileName);
	if (fileName !== doc.fileName) fix(`document.fileName: ${doc.fileName.trim() === '' ? `empty, named ${fileName}` : `cut to ${MAX_NAME} characters (was ${doc.fileName.length})`}`);
	const document = {
		...rebased.document,
		fileName,
		title: nullableText(doc.title, MAX_NAME, 'document.title', fix),
		publishedAt: date(doc.publishedAt, 'document.publishedAt', fix),
		sourceUrl: doc.sourceUrl !== null && doc.sourceUrl.length > MAX_URL ? (fix(`document.sourceUrl: longer than ${MAX_URL} characters, cleared`), null) : doc.sourceUrl
	};

	const meetings = keepValid(uniqueIds(rebased.meetings.map((m, i) => meeting(m, `meetings[${i}]`, fix)), 'meetings', fix), MeetingRecord, 'meetings', fix);
	const places = keepValid(uniqueIds(rebased.places.map((p, i) => place(p, `places[${i}]`, fix)), 'places', fix), PlaceRecord, 'places', fix);
	const metrics = keepValid(
		uniqueIds(
			rebased.metrics.map((m, i) => metric(m, `metrics[${i}]`, fix)),
			'metrics',
			fix
		),
		MetricRecord,
		'metrics',
		fix
	);
	const checked = v.safeParse(DocumentRecord, document, { abortPipeEarly: true });
	if (!checked.success) {
		const issue = checked.issues[0];
		fix(`document.${issue.path?.map((p) => p.key).join('.') ?? ''}: ${issue.message}`);
	}
	if (warnings.length === 0) return { records, warnings, ok: true };
	return { records: { ...rebased, document, meetings, places, metrics }, warnings, ok: checked.success };
}
