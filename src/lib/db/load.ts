// App start: fetch the shipped corpus, check it, and bring IndexedDB up to date. A refused or
// unstorable new corpus never replaces the last good one: the app keeps it and says why.
import { peekHash, validateCorpus } from '../corpus/validate.ts';
import type { DashboardDB } from './db.ts';
import { storedHash, syncCorpus, type SyncOutcome } from './sync.ts';

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
 * Fetches, validates and stores the corpus at `url`; marks `corpus:ready` when IndexedDB holds one.
 * Throws CorpusRejectedError only when there is no stored corpus to fall back on.
 * @example (await loadShippedCorpus(db, corpusUrl)).outcome // 'stored' | 'unchanged' | 'replaced' | 'kept'
 */
export async function loadShippedCorpus(db: DashboardDB, url: string, fetchImpl: typeof fetch = fetch, options: LoadOptions = {}): Promise<LoadResult> {
	const stallMs = options.stallMs ?? STALL_MS;
	const previous = await storedHash(db);
	const done = (outcome: LoadOutcome, problems: string[] = [], faults: Partial<Pick<LoadResult, 'quotaExceeded' | 'timedOut'>> = {}): LoadResult => {
		performance.mark('corpus:ready', { detail: { outcome, hash: previous } });
		return { outcome, problems, quotaExceeded: faults.quotaExceeded ?? false, timedOut: faults.timedOut ?? false };
	};
	const refuse = (problems: string[], faults: Partial<Pick<LoadResult, 'quotaExceeded' | 'timedOut'>> = {}): LoadResult => {
		if (previous) return done('kept', problems, faults);
		throw new CorpusRejectedError('the shipped corpus', problems, faults.quotaExceeded ?? false);
	};

	let text: string | null;
	const abort = new AbortController();
	try {
		const response = await within(fetchImpl(url, { signal: abort.signal }), stallMs, abort);
		if (!response.ok) return refuse([`${url}: HTTP ${response.status}`]);
		text = await textUnlessHash(response, previous, (step) => within(step, stallMs, abort));
	} catch (e) {
		return refuse([`${url}: ${(e as Error).message}`], { timedOut: e instanceof StalledError });
	}
	// The same file as last time: what is stored was validated then.
	if (text === null) return done('unchanged');

	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return refuse([`corpus: not valid JSON (${(e as Error).message})`]);
	}
	const check = validateCorpus(json);
	if (!check.ok) return refuse(check.errors);
	try {
		const outcome = await syncCorpus(db, check.corpus);
		performance.mark('corpus:ready', { detail: { outcome, hash: check.corpus.hash } });
		return { outcome, problems: [], quotaExceeded: false, timedOut: false };
	} catch (e) {
		if (isQuotaError(e)) return refuse(['storage: the browser has no space left for the corpus; nothing was written'], { quotaExceeded: true });
		throw e;
	}
}

/** Characters of a corpus file that hold its declared hash (see peekHash). */
const HEAD = 200;

/**
 * The response's text, or null when its head declares `hash`: then the rest is never read (a
 * stored 17 MB corpus costs one chunk of the file, not its decoding).
 */
async function textUnlessHash(
	response: Response,
	hash: string | null,
	guard: <T>(step: Promise<T>) => Promise<T>
): Promise<string | null> {
	if (!response.body) return '';
	const reader = response.body.getReader();
	const decoder = new TextDecoder();
	const parts: string[] = [];
	let length = 0;
	for (;;) {
		const { done, value } = await guard(reader.read());
		if (done) break;
		const part = decoder.decode(value, { stream: true });
		const head = length < HEAD;
		parts.push(part);
		length += part.length;
		if (head && length >= HEAD && hash && peekHash(parts.join('')) === hash) {
			await reader.cancel().catch(() => undefined);
			return null;
		}
	}
	parts.push(decoder.decode());
	const text = parts.join('');
	return hash && peekHash(text) === hash ? null : text;
}
