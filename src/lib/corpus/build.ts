// Documents → a sealed, validated corpus. Shared by the CLI (Node) and the import worker.
// Each document is made valid on its own (plausible values, then the schema's repairs) and checked
// on its own, so one bad document is left out by name and never stops the others.
import { extractDocuments, type DocumentFacts } from '../extract/index.ts';
import { fold } from '../extract/fold.ts';
import { plausible } from './plausible.ts';
import { rebaseDocument, type DocumentRecords } from './rebase.ts';
import { repairRecords } from './repair.ts';
import { checkContent, sealCorpus, validateCorpus } from './validate.ts';
import { SCHEMA_VERSION, type Meeting } from './schema.ts';
import type { Corpus } from './schema.ts';

export interface InputFile {
	name: string;
	bytes: Uint8Array;
	/** the page's address, from the input folder's SOURCES.tsv */
	sourceUrl?: string | null;
	/** for text read from a PDF: where each page starts in it (extract/readers) */
	pageStarts?: number[] | null;
}

/** One file's outcome: its records ready for a corpus, or why it was left out; warnings either way. */
export type PreparedFile = { name: string; records: DocumentRecords | null; warnings: string[] };

export interface BuildResult {
	corpus: Corpus;
	/** per-file problems: `name: reason` */
	warnings: string[];
	/** files that produced a document */
	read: number;
}

export interface BuildOptions {
	/** called after each file with the count done so far */
	onProgress?: (done: number, total: number, name: string) => void;
}
/** Characters two names share, as a share of the shorter one. */
function nameOverlap(a: string, b: string): number {
	const bag = new Map<string, number>();
	for (const ch of b) bag.set(ch, (bag.get(ch) ?? 0) + 1);
	let hit = 0;
	for (const ch of a) {
		const n = bag.get(ch) ?? 0;
		if (n > 0) {
			hit++;
			bag.set(ch, n - 1);
		}
	}
	return hit / Math.max(1, Math.min(a.length, b.length));
}

/**
 * A meeting's name as compared across documents: Simplified, full-width folded, without spaces,
 * quotes and brackets (`“十四五”` and `十四五`, `會議` and `会议` compare equal).
 * @example meetingKey('２０２３年全省職教社 工作會議') // '2023年全省职教社工作会议'
 */
export function meetingKey(name: string): string {
	return fold(name).replace(/[\s"'“”‘’「」『』《》〈〉()（）【】[\]·•、,，:：]/g, '');
}

const PRECISION_RANK = { day: 0, month: 1, year: 2 } as const;

/** The days a meeting's date covers, as `YYYY-MM-DD` bounds: 2023-05 covers 2023-05-01…2023-05-31. */
function dateSpan(m: Meeting): [string, string] | null {
	if (m.startDate == null) return null;
	const end = m.endDate ?? m.startDate;
	const first = m.startDate.length === 4 ? `${m.startDate}-01-01` : m.startDate.length === 7 ? `${m.startDate}-01` : m.startDate;
	const last = end.length === 4 ? `${end}-12-31` : end.length === 7 ? `${end}-31` : end;
	return [first, last];
}

/** Whether two meetings' dates can be one meeting: their spans overlap (2023-05 holds 2023-05-29…31). */
function datesAgree(a: Meeting, b: Meeting): boolean {
	const x = dateSpan(a);
	const y = dateSpan(b);
	if (!x || !y) return false;
	return x[0] <= y[1] && y[0] <= x[1];
}

/** Whether two meetings' venues can be one place: no level both name differently. */
function venuesAgree(a: Meeting, b: Meeting): boolean {
	return (
		(a.provinceCode == null || b.provinceCode == null || a.provinceCode === b.provinceCode) &&
		(a.cityCode == null || b.cityCode == null || a.cityCode === b.cityCode) &&
		(a.countyCode == null || b.countyCode == null || a.countyCode === b.countyCode)
	);
}

/** A name that names one edition of a series: its first (首届), a numbered one (第三届) or a year's (2023年). */
const EDITION = /首届|第[一二三四五六七八九十百零〇两\d]+届|\d{4}年/;

/** Whether two names are one meeting's: equal once folded, one inside the other, or sharing most characters. */
function namesAgree(a: string, b: string): boolean {
	if (a === b) return true;
	// 第十六届 and 第十七届, 2023年 and 2024年 are different meetings of one series.
	const ordinals = (s: string) => s.match(/第[一二三四五六七八九十百零〇两\d]+[届次期]|\d{4}年/g)?.join() ?? '';
	const [oa, ob] = [ordinals(a), ordinals(b)];
	if (oa && ob && oa !== ob) return false;
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	if (short.length >= 6 && long.includes(short)) return true;
	// (sharing characters, a contest and a seminar of the same year and city are still two events:
	// names that are not one inside the other must end in the same meeting word)
	return a.charCodeAt(a.length - 1) === b.charCodeAt(b.length - 1) && nameOverlap(a, b) >= 0.8 && short.length >= 0.6 * long.length;
}

/** Whether `m`'s date is more precise than `o`'s (a day beats a month, a month a year). */
function morePrecise(m: Meeting, o: Meeting): boolean {
	if (m.startDate == null) return false;
	if (o.startDate == null) return true;
	return PRECISION_RANK[m.datePrecision ?? 'year'] < PRECISION_RANK[o.datePrecision ?? 'year'] || m.startDate.length > o.startDate.length;
}

/**
 * Meetings reported by several documents become one record with all their sources: names that
 * agree (Traditional and Simplified alike, minor differences), dates that overlap (a day inside
 * the month another report gives) and venues that do not contradict each other. The merged
 * record keeps the most precise date, the first report's name (a Simplified one before a
 * Traditional one) and fills what the first report left open from the others.
 */
export function mergeMeetings(meetings: Meeting[]): Meeting[] {
	const out: Meeting[] = [];
	const keys: string[] = [];
	/** indices into out by start year: only meetings of the same years can be one */
	const byYear = new Map<string, number[]>();
	const index = (i: number) => {
		const span = dateSpan(out[i]!);
		if (!span) return;
		for (const y of new Set([span[0].slice(0, 4), span[1].slice(0, 4)])) {
			// (appended in place: a copy of the year's list per record made the index quadratic in a year's records)
			const list = byYear.get(y);
			if (list) list.push(i);
			else byYear.set(y, [i]);
		}
	};
	/** the first record of each name that names one edition (首届, 第三届, 2023年): the same words are the same event, dated or not */
	const byEdition = new Map<string, number>();
	for (const m of meetings) {
		const key = meetingKey(m.name);
		const span = dateSpan(m);
		let same = -1;
		if (span) {
			for (const i of byYear.get(span[0].slice(0, 4)) ?? []) {
				const o = out[i]!;
				if (datesAgree(o, m) && venuesAgree(o, m) && namesAgree(keys[i]!, key)) {
					same = i;
					break;
				}
			}
		}
		const edition = EDITION.test(key);
		if (same < 0 && edition) {
			// an undated report of a named edition is that edition's (never a guess between two dated ones)
			const i = byEdition.get(key) ?? -1;
			const o = i < 0 ? null : out[i]!;
			if (o && venuesAgree(o, m) && (!span || !o.startDate)) same = i;
		}
		if (same < 0) {
			out.push({ ...m, docIds: [...m.docIds], participantCodes: [...m.participantCodes], evidence: [...m.evidence] });
			keys.push(key);
			// two records of one edition's name (dated apart, or placed apart): an undated report joins neither
			if (edition) byEdition.set(key, byEdition.has(key) ? -1 : out.length - 1);
			index(out.length - 1);
			continue;
		}
		const o = out[same]!;
		const undated = !o.startDate;
		for (const d of m.docIds) if (!o.docIds.includes(d)) o.docIds.push(d);
		for (const p of m.participantCodes) if (!o.participantCodes.includes(p)) o.participantCodes.push(p);
		o.evidence.push(...m.evidence);
		if (morePrecise(m, o)) Object.assign(o, { startDate: m.startDate, endDate: m.endDate, datePrecision: m.datePrecision });
		// an undated record that took this report's date is found by its years from now on
		if (undated && o.startDate) index(same);
		if (fold(o.name) !== o.name && fold(m.name) === m.name) o.name = m.name;
		// Fill what the first report left open from the later one.
		if (o.attendees == null && m.attendees != null) Object.assign(o, { attendees: m.attendees, attendeesQualifier: m.attendeesQualifier });
		if (!o.provinceCode && m.provinceCode) Object.assign(o, venueOf(m));
		else if (o.provinceCode === m.provinceCode && !o.cityCode && m.cityCode) Object.assign(o, venueOf(m));
		else if (o.cityCode === m.cityCode && !o.countyCode && m.countyCode) Object.assign(o, venueOf(m));
	}
	return out;
}

function venueOf(m: Meeting): Partial<Meeting> {
	const { province, provinceCode, city, cityCode, county, countyCode } = m;
	return { province, provinceCode, city, cityCode, county, countyCode };
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * One file → its records, valid for the corpus on their own: extracted, implausible values
 * cleared (plausible.ts), the schema's repairs made (repair.ts), then checked. A file that cannot
 * be read or whose records still fail is left out (`records: null`) with its reasons. Never throws.
 * @example prepareFile({ name: 'a.txt', bytes }).records?.document.id // 'a'
 */
export function prepareFile(file: InputFile): PreparedFile {
	return prepareFiles([file])[0]!;
}

/**
 * Several files → each one's records, as prepareFile gives them, extracted together stage by stage
 * (extractDocuments: faster than one by one). One file's failure is its own. Never throws.
 */
export function prepareFiles(files: readonly InputFile[]): PreparedFile[] {
	const extracted = extractDocuments(files.map((f) => ({ fileName: f.name, bytes: f.bytes, options: { pageStarts: f.pageStarts } })));
	return files.map((file, i) => {
		const result = extracted[i]!;
		if ('error' in result) return { name: file.name, records: null, warnings: [reasonOf(result.error, file.name)] };
		return checkedRecords(file, result.facts);
	});
}

/** What stopped a file, as its warning: the error's message without the file name it may open with. */
export const reasonOf = (e: unknown, name: string): string => (e instanceof Error ? e.message.replace(`${name}: `, '') : String(e));

/** A file's extracted facts made valid for the corpus, or left out with its reasons. */
function checkedRecords(file: InputFile, facts: DocumentFacts): PreparedFile {
	const name = file.name;
	const warnings: string[] = [...facts.warnings];
	try {
		if (facts.document.encoding === 'utf-8') {
			// decoding counted them (utf8Damage of these very bytes): they are not read again
			const invalid = facts.replaced ?? 0;
			if (invalid > 0) warnings.push(`${invalid} byte sequence${invalid > 1 ? 's are' : ' is'} not valid UTF-8 (is the file cut short?): read as UTF-8 with U+FFFD in their place`);
		}
		let records: DocumentRecords = { document: facts.document, meetings: facts.meetings, places: facts.places, metrics: facts.metrics };
		if (file.sourceUrl) records = { ...records, document: { ...records.document, sourceUrl: file.sourceUrl } };
		const checked = plausible(records);
		warnings.push(...checked.warnings);
		const repaired = repairRecords(checked.records);
		warnings.push(...repaired.warnings);
		if (!repaired.ok) return { name, records: null, warnings: [...warnings, 'left out: its document record cannot be made valid'] };
		const errors = checkContent({ schemaVersion: SCHEMA_VERSION, documents: [repaired.records.document], meetings: repaired.records.meetings, places: repaired.records.places, metrics: repaired.records.metrics });
		if (errors.length) return { name, records: null, warnings: [...warnings, `left out: its records fail validation (${errors.slice(0, 3).join('; ')})`] };
		return { name, records: repaired.records, warnings };
	} catch (e) {
		return { name, records: null, warnings: [...warnings, reasonOf(e, name)] };
	}
}

/**
 * Prepared files → the corpus, in name order so the same input always gives the same corpus. A
 * second file with a document id already taken keeps its facts under the id and a short hash of
 * its content (the same content twice is left out as a duplicate).
 */
export function assembleCorpus(prepared: PreparedFile[]): BuildResult {
	const warnings: string[] = [];
	const kept: DocumentRecords[] = [];
	const seenIds = new Map<string, string>();
	const seenTexts = new Map<string, string>();
	for (const p of [...prepared].sort(byName)) {
		for (const w of p.warnings) warnings.push(`${p.name}: ${w}`);
		let records = p.records;
		if (!records) continue;
		const sameText = seenTexts.get(records.document.contentHash);
		if (sameText) {
			warnings.push(`${p.name}: left out, the same text as ${sameText}`);
			continue;
		}
		const clash = seenIds.get(records.document.id);
		if (clash) {
			let id = `${records.document.id}~${records.document.contentHash.slice(0, 6)}`;
			for (let k = 2; seenIds.has(id); k++) id = `${records.document.id}~${records.document.contentHash.slice(0, 6)}-${k}`;
			warnings.push(`${p.name}: its id ${records.document.id} is already taken by ${clash}: named ${id}`);
			records = rebaseDocument(records, id);
		}
		seenIds.set(records.document.id, p.name);
		seenTexts.set(records.document.contentHash, p.name);
		kept.push(records);
	}
	const corpus = sealCorpus({
		schemaVersion: SCHEMA_VERSION,
		documents: kept.map((f) => f.document),
		meetings: mergeMeetings(kept.flatMap((f) => f.meetings)),
		places: kept.flatMap((f) => f.places),
		metrics: kept.flatMap((f) => f.metrics)
	});
	const check = validateCorpus(corpus);
	if (!check.ok) throw new CorpusInvalidError(check.errors);
	return { corpus, warnings, read: kept.length };
}

/**
 * Extracts every file and assembles the corpus. A file that cannot be read, or whose records
 * cannot be made valid, is reported in `warnings` by name and left out; the others go through.
 */
export function buildCorpus(files: InputFile[], opts: BuildOptions = {}): BuildResult {
	const sorted = [...files].sort(byName);
	const prepared = sorted.map((file, i) => {
		const p = prepareFile(file);
		opts.onProgress?.(i + 1, sorted.length, file.name);
		return p;
	});
	return assembleCorpus(prepared);
}

/** The assembled corpus broke its own schema although each document passed: a bug, reported with every problem. */
export class CorpusInvalidError extends Error {
	readonly errors: string[];
	constructor(errors: string[]) {
		super(`the corpus failed validation:\n  ${errors.join('\n  ')}`);
		this.name = 'CorpusInvalidError';
		this.errors = errors;
	}
}
