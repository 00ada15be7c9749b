// App start: fetch the shipped corpus, check it, and bring IndexedDB up to date. A refused or
// unstorable new corpus never replaces the last good one: the app keeps it and says why.
import { sha256HexAsync } from '../corpus/hash.ts';
import { peekHash, validateCorpus, validateCorpusAsync } from '../corpus/validate.ts';
import type { Corpus } from '../corpus/schema.ts';
import type { DashboardDB } from './db.ts';
import { storedHash, syncCorpus, type SyncOutcome } from './sync.ts';

/**
 * What the load is doing and how far it is, for the progress bar: `done` of `total` bytes
 * (download), records (check, store, read) or nothing countable (parse: total 0).
 */
export interface LoadProgress {
	phase: 'download' | 'parse' | 'check' | 'store' | 'read';
	done: number;
	total: number;
}

/** Where each phase's share of the whole bar begins and ends (the download is most of a cold start). */
const SPANS: Record<LoadProgress['phase'], [number, number]> = {
	download: [0, 0.3],
	parse: [0.3, 0.45],
	check: [0.45, 0.65],
	store: [0.65, 0.85],
	read: [0.85, 1]
};

/**
 * The whole load's progress as a fraction from 0 to 1.
 * @example progressFraction({ phase: 'store', done: 50, total: 100 }) // 0.75
 */
export function progressFraction(p: LoadProgress): number {
	const [from, to] = SPANS[p.phase];
	const part = p.total > 0 ? Math.min(1, Math.max(0, p.done / p.total)) : 0;
	return from + (to - from) * part;
}

/** What became of the corpus bytes handed to ingestCorpus. */
export type Ingested =
	| { ok: true; outcome: SyncOutcome; hash: string }
	| { ok: false; problems: string[]; quotaExceeded: boolean };

/** Decodes, parses, validates and stores a corpus file: ingestCorpus, in this thread or a worker. */
export type Ingest = (parts: Uint8Array[], onProgress: (p: LoadProgress) => void) => Promise<Ingested>;

/** The corpus file was refused; `errors` name the record and field of each problem. */
export class CorpusRejectedError extends Error {
	readonly errors: string[];
	/** refused because the browser had no space for it (not because of the file) */
	readonly quotaExceeded: boolean;
	constructor(source: string, errors: string[], quotaExceeded = false) {
		super(`${source} was refused: ${errors[0] ?? 'unknown problem'}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`);
		this.name = 'CorpusRejectedError';
		this.errors = errors;
		this.quotaExceeded = quotaExceeded;
	}
}

/** 'kept': a new corpus was refused or could not be stored, and the stored one is shown. */
export type LoadOutcome = SyncOutcome | 'kept';

export interface LoadResult {
	outcome: LoadOutcome;
	/** why a new corpus was not taken (empty unless outcome is 'kept') */
	problems: string[];
	/** the browser ran out of storage space while writing */
	quotaExceeded: boolean;
	/** the corpus request stopped answering (see LoadOptions.stallMs): the stored corpus is shown */
	timedOut: boolean;
}

export interface LoadOptions {
	/**
	 * How long the request may go without a sign of life (its headers, then each part of its
	 * body) before it is given up: a stalled connection must not leave the app loading forever.
	 * A slow but moving download is never cut.
	 */
	stallMs?: number;
	/** told what the load is doing (see LoadProgress) */
	onProgress?: (p: LoadProgress) => void;
	/** where the bytes are parsed, checked and stored: by default here, with ingestCorpus */
	ingest?: Ingest;
}

/** Default for LoadOptions.stallMs. */
export const STALL_MS = 15_000;

/** The request went quiet for longer than allowed. */
class StalledError extends Error {
	constructor(ms: number) {
		super(`timed out after ${Math.round(ms / 1000)} s`);
		this.name = 'StalledError';
	}
}

/** `step`, or StalledError (and the request aborted) when it takes longer than `ms`. */
async function within<T>(step: Promise<T>, ms: number, abort: AbortController): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const stalled = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			abort.abort();
			reject(new StalledError(ms));
		}, ms);
	});
	try {
		return await Promise.race([step, stalled]);
	} finally {
		clearTimeout(timer);
	}
}

/** Whether an error (or the error inside a Dexie error) is the browser's storage quota. */
export function isQuotaError(e: unknown): boolean {
	const err = e as { name?: string; inner?: { name?: string } } | null;
	return err?.name === 'QuotaExceededError' || err?.inner?.name === 'QuotaExceededError';
}

/**
 * Decodes, parses, validates and stores the bytes of a corpus file. Runs in the facts worker
 * (query/facts.worker.ts, which keeps the stored corpus from `onStored` for its engine instead of
 * reading it back) or in the page when storage is in memory or no worker starts. Never
 * throws for a bad file or a full disk: it says so in its result.
 */
export async function ingestCorpus(
	db: DashboardDB,
	parts: Uint8Array[],
	onProgress: (p: LoadProgress) => void = () => undefined,
	onStored: (corpus: Corpus) => void = () => undefined
): Promise<Ingested> {
	const decoder = new TextDecoder();
	const texts: string[] = [];
	for (const part of parts) texts.push(decoder.decode(part, { stream: true }));
	texts.push(decoder.decode());
	let text: string | null = texts.join('');
	texts.length = 0;
	onProgress({ phase: 'parse', done: 0, total: 0 });
	let json: unknown;
	try {
		json = JSON.parse(text);
		// 200 MB at 100k documents: let it go before the corpus is checked and copied
		text = null;
	} catch (e) {
		return { ok: false, problems: [`corpus: not valid JSON (${(e as Error).message})`], quotaExceeded: false };
	}
	const records = countRecords(json);
	onProgress({ phase: 'check', done: 0, total: records });
	// Web Crypto's digest where there is one (browsers, workers, Node): ten times the pure-JS one on 200 MB.
	const check = typeof crypto !== 'undefined' && crypto.subtle ? await validateCorpusAsync(json, sha256HexAsync) : validateCorpus(json);
	json = null;
	if (!check.ok) return { ok: false, problems: check.errors, quotaExceeded: false };
	onProgress({ phase: 'store', done: 0, total: records });
	try {
		const outcome = await syncCorpus(db, check.corpus, (done) => onProgress({ phase: 'store', done, total: records }));
		onStored(check.corpus);
		return { ok: true, outcome, hash: check.corpus.hash };
	} catch (e) {
		if (isQuotaError(e)) return { ok: false, problems: ['storage: the browser has no space left for the corpus; nothing was written'], quotaExceeded: true };
		throw e;
	}
}

/** Documents, meetings, places and figures in a parsed corpus file (0 for what is not an array). */
function countRecords(json: unknown): number {
	const c = (json ?? {}) as Record<string, unknown>;
	return ['documents', 'meetings', 'places', 'metrics'].reduce((n, k) => n + (Array.isArray(c[k]) ? (c[k] as unknown[]).length : 0), 0);
}

/**
 * Fetches, validates and stores the corpus at `url`; marks `corpus:ready` when IndexedDB holds one.
 * Throws CorpusRejectedError only when there is no stored corpus to fall back on.
 * @example (await loadShippedCorpus(db, corpusUrl)).outcome // 'stored' | 'unchanged' | 'replaced' | 'kept'
 */
export async function loadShippedCorpus(db: DashboardDB, url: string, fetchImpl: typeof fetch = fetch, options: LoadOptions = {}): Promise<LoadResult> {
	const stallMs = options.stallMs ?? STALL_MS;
	const onProgress = options.onProgress ?? (() => undefined);
	const previous = await storedHash(db);
	const done = (outcome: LoadOutcome, problems: string[] = [], faults: Partial<Pick<LoadResult, 'quotaExceeded' | 'timedOut'>> = {}): LoadResult => {
		performance.mark('corpus:ready', { detail: { outcome, hash: previous } });
		return { outcome, problems, quotaExceeded: faults.quotaExceeded ?? false, timedOut: faults.timedOut ?? false };
	};
	const refuse = (problems: string[], faults: Partial<Pick<LoadResult, 'quotaExceeded' | 'timedOut'>> = {}): LoadResult => {
		if (previous) return done('kept', problems, faults);
		throw new CorpusRejectedError('the shipped corpus', problems, faults.quotaExceeded ?? false);
	};

	let parts: Uint8Array[] | null;
	const abort = new AbortController();
	try {
		const response = await within(fetchImpl(url, { signal: abort.signal }), stallMs, abort);
		if (!response.ok) return refuse([`${url}: HTTP ${response.status}`]);
		const total = Number(response.headers.get('content-length')) || 0;
		parts = await bytesUnlessHash(response, previous, (step) => within(step, stallMs, abort), (bytes) => onProgress({ phase: 'download', done: bytes, total }));
	} catch (e) {
		return refuse([`${url}: ${(e as Error).message}`], { timedOut: e instanceof StalledError });
	}
	// The same file as last time: what is stored was validated then.
	if (parts === null) return done('unchanged');

	const ingest = options.ingest ?? ((p, progress) => ingestCorpus(db, p, progress));
	const result = await ingest(parts, onProgress);
	if (!result.ok) return refuse(result.problems, { quotaExceeded: result.quotaExceeded });
	performance.mark('corpus:ready', { detail: { outcome: result.outcome, hash: result.hash } });
	return { outcome: result.outcome, problems: [], quotaExceeded: false, timedOut: false };
}

/** Bytes of a corpus file that hold its declared hash (see peekHash). */
const HEAD = 200;

/**
 * The response's bytes, or null when its head declares `hash`: then the rest is never read (a
 * stored 17 MB corpus costs one chunk of the file). Only the head is decoded here: the whole file
 * is decoded where it is parsed, off the page's thread.
 */
async function bytesUnlessHash(
	response: Response,
	hash: string | null,
	guard: <T>(step: Promise<T>) => Promise<T>,
	onBytes: (bytes: number) => void
): Promise<Uint8Array[] | null> {
	if (!response.body) return [];
	const reader = response.body.getReader();
	const parts: Uint8Array[] = [];
	let length = 0;
	let checked = false;
	for (;;) {
		const { done, value } = await guard(reader.read());
		if (done) break;
		parts.push(value);
		length += value.byteLength;
		onBytes(length);
		if (!checked && length >= HEAD) {
			checked = true;
			if (hash && peekHash(headText(parts)) === hash) {
				await reader.cancel().catch(() => undefined);
				return null;
			}
		}
	}
	return !checked && hash && peekHash(headText(parts)) === hash ? null : parts;
}

/** The first characters of the file, decoded (a character cut at the end decodes as U+FFFD, harmless to peekHash). */
function headText(parts: Uint8Array[]): string {
	const decoder = new TextDecoder();
	let out = '';
	for (const p of parts) {
		out += decoder.decode(p.subarray(0, HEAD * 4), { stream: true });
		if (out.length >= HEAD) break;
	}
	return out;
}
