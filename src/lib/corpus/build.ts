// Documents → a sealed, validated corpus. Shared by the CLI (Node) and the import worker.
import { extractDocument, type DocumentFacts } from '../extract/index.ts';
import { sealCorpus, validateCorpus } from './validate.ts';
import { SCHEMA_VERSION, type Corpus, type Meeting } from './schema.ts';

export interface InputFile {
	name: string;
	bytes: Uint8Array;
}

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
 * Meetings reported by several documents become one record with all their sources:
 * the same start date and names that share most of their characters.
 */
export function mergeMeetings(meetings: Meeting[]): Meeting[] {
	const out: Meeting[] = [];
	for (const m of meetings) {
		const same = out.find(
			(o) => o.startDate != null && o.startDate === m.startDate && nameOverlap(o.name, m.name) >= 0.8
		);
		if (!same) {
			out.push({ ...m, docIds: [...m.docIds], participantCodes: [...m.participantCodes], evidence: [...m.evidence] });
			continue;
		}
		for (const d of m.docIds) if (!same.docIds.includes(d)) same.docIds.push(d);
		for (const p of m.participantCodes) if (!same.participantCodes.includes(p)) same.participantCodes.push(p);
		same.evidence.push(...m.evidence);
		// Fill what the first report left open from the later one.
		same.attendees ??= m.attendees;
		same.attendeesQualifier ??= m.attendeesQualifier;
		if (!same.provinceCode && m.provinceCode) Object.assign(same, venueOf(m));
	}
	return out;
}

function venueOf(m: Meeting): Partial<Meeting> {
	const { province, provinceCode, city, cityCode, county, countyCode } = m;
	return { province, provinceCode, city, cityCode, county, countyCode };
}

/**
 * Extracts every file and assembles the corpus. A file that cannot be read is reported in
 * `warnings` and skipped; the others still go through. Files are taken in name order so the
 * same input always gives the same corpus.
 */
export function buildCorpus(files: InputFile[], opts: BuildOptions = {}): BuildResult {
	const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	const warnings: string[] = [];
	const facts: DocumentFacts[] = [];
	const seenIds = new Map<string, string>();
	for (const [i, file] of sorted.entries()) {
		try {
			const f = extractDocument(file.name, file.bytes);
			const clash = seenIds.get(f.document.id);
			if (clash) warnings.push(`${file.name}: skipped, its id ${f.document.id} is already taken by ${clash}`);
			else {
				seenIds.set(f.document.id, file.name);
				facts.push(f);
				for (const w of f.warnings) warnings.push(`${file.name}: ${w}`);
			}
		} catch (e) {
			warnings.push(`${file.name}: ${e instanceof Error ? e.message.replace(`${file.name}: `, '') : String(e)}`);
		}
		opts.onProgress?.(i + 1, sorted.length, file.name);
	}
	const corpus = sealCorpus({
		schemaVersion: SCHEMA_VERSION,
		documents: facts.map((f) => f.document),
		meetings: mergeMeetings(facts.flatMap((f) => f.meetings)),
		places: facts.flatMap((f) => f.places),
		metrics: facts.flatMap((f) => f.metrics)
	});
	const check = validateCorpus(corpus);
	if (!check.ok) throw new CorpusInvalidError(check.errors);
	return { corpus, warnings, read: facts.length };
}

/** The assembled corpus broke its own schema: a bug, reported with every problem. */
export class CorpusInvalidError extends Error {
	readonly errors: string[];
	constructor(errors: string[]) {
		super(`the corpus failed validation:\n  ${errors.join('\n  ')}`);
		this.name = 'CorpusInvalidError';
		this.errors = errors;
	}
}
