// App start: fetch the shipped corpus, check it, and bring IndexedDB up to date.
import { validateCorpus } from '../corpus/validate.ts';
import type { DashboardDB } from './db.ts';
import { syncCorpus, type SyncOutcome } from './sync.ts';

/** The corpus file was refused; `errors` name the record and field of each problem. */
export class CorpusRejectedError extends Error {
	readonly errors: string[];
	constructor(source: string, errors: string[]) {
		super(`${source} was refused: ${errors[0] ?? 'unknown problem'}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`);
		this.name = 'CorpusRejectedError';
		this.errors = errors;
	}
}

/**
 * Fetches, validates and stores the corpus at `url`; marks `corpus:ready` when IndexedDB holds it.
 * @example await loadShippedCorpus(db, corpusUrl) // 'stored' | 'unchanged' | 'replaced'
 */
export async function loadShippedCorpus(db: DashboardDB, url: string, fetchImpl: typeof fetch = fetch): Promise<SyncOutcome> {
	const response = await fetchImpl(url);
	if (!response.ok) throw new CorpusRejectedError('the shipped corpus', [`${url}: HTTP ${response.status}`]);
	let json: unknown;
	try {
		json = JSON.parse(await response.text());
	} catch (e) {
		throw new CorpusRejectedError('the shipped corpus', [`corpus: not valid JSON (${(e as Error).message})`]);
	}
	const check = validateCorpus(json);
	if (!check.ok) throw new CorpusRejectedError('the shipped corpus', check.errors);
	const outcome = await syncCorpus(db, check.corpus);
	performance.mark('corpus:ready', { detail: { outcome, hash: check.corpus.hash } });
	return outcome;
}
