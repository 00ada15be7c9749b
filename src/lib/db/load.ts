// App start: fetch the shipped corpus, check it, and bring IndexedDB up to date. A refused or
// unstorable new corpus never replaces the last good one: the app keeps it and says why.
import { peekHash, validateCorpus } from '../corpus/validate.ts';
import type { DashboardDB } from './db.ts';
import { storedHash, syncCorpus, type SyncOutcome } from './sync.ts';

/** The corpus file was refused; `errors` name the record and field of each problem. */
export class CorpusRejectedError extends Error {
	readonly errors: string[];
	constructor(source: string, errors: string[]) {
		super(`${source} was refused: ${errors[0] ?? 'unknown problem'}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`);
		this.name = 'CorpusRejectedError';
		this.errors = errors;
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
export async function loadShippedCorpus(db: DashboardDB, url: string, fetchImpl: typeof fetch = fetch): Promise<LoadResult> {
	const previous = await storedHash(db);
	const done = (outcome: LoadOutcome, problems: string[] = [], quotaExceeded = false): LoadResult => {
		performance.mark('corpus:ready', { detail: { outcome, hash: previous } });
		return { outcome, problems, quotaExceeded };
	};
	const refuse = (problems: string[], quotaExceeded = false): LoadResult => {
		if (previous) return done('kept', problems, quotaExceeded);
		throw new CorpusRejectedError('the shipped corpus', problems);
	};

	let text: string | null;
	try {
		const response = await fetchImpl(url);
		if (!response.ok) return refuse([`${url}: HTTP ${response.status}`]);
		text = await textUnlessHash(response, previous);
	} catch (e) {
		return refuse([`${url}: ${(e as Error).message}`]);
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
		return { outcome, problems: [], quotaExceeded: false };
	} catch (e) {
		if (isQuotaError(e)) return refuse(['storage: the browser has no space left for the corpus; nothing was written'], true);
		throw e;
	}
}

/** Characters of a corpus file that hold its declared hash (see peekHash). */
const HEAD = 200;

/**
 * The response's text, or null when its head declares `hash`: then the rest is never read (a
 * stored 17 MB corpus costs one chunk of the file, not its decoding).
 */
async function textUnlessHash(response: Response, hash: string | null): Promise<string | null> {
	if (!response.body) return '';
	const reader = response.body.getReader();
	const decoder = new TextDecoder();
	const parts: string[] = [];
	let length = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		const part = decoder.decode(value, { stream: true });
		const head = length < HEAD;
		parts.push(part);
		length += part.length;
		if (head && length >= HEAD && hash && peekHash(parts.join('')) === hash) {
			await reader.cancel();
			return null;
		}
	}
	parts.push(decoder.decode());
	const text = parts.join('');
	return hash && peekHash(text) === hash ? null : text;
}
