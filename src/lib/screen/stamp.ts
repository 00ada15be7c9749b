// The screen's provenance stamp: which corpus it shows, so a photo of the wall can be traced.
import type { CorpusDocument } from '../corpus/schema.ts';
import { provinceOf } from '../geo/gazetteer.ts';

export interface CorpusStamp {
	/** the latest publication date in the corpus, null when no document is dated */
	asOf: string | null;
	documents: number;
	/** the first characters of the corpus hash: its version */
	version: string | null;
}

/**
 * The stamp of the whole corpus (not of the filtered part: it names the data version).
 * @example corpusStamp(docs, 'a1b2c3d4e5…').version // 'a1b2c3d4'
 */
export function corpusStamp(documents: readonly Pick<CorpusDocument, 'publishedAt'>[], hash: string | null | undefined): CorpusStamp {
	let asOf: string | null = null;
	// ISO dates of any precision compare as strings, except that '2023' sorts before '2023-01':
	// a bare year counts as its own start, which is what can be vouched for.
	for (const d of documents) if (d.publishedAt && (asOf == null || d.publishedAt > asOf)) asOf = d.publishedAt;
	return { asOf, documents: documents.length, version: hash ? hash.slice(0, 8) : null };
}

/** What the data is, in one line: how many documents about how many provinces over which years, and how current. */
export interface CorpusScope {
	documents: number;
	/** provinces (and 香港, 澳门, 台湾) the documents are about; national documents count for none */
	provinces: number;
	/** first and last year of publication, null when no document is dated */
	years: [number, number] | null;
	/** the latest publication date */
	asOf: string | null;
}

/**
 * The corpus's scope for the overview's one-line description (`393 篇文档 · 来自 31 个省份 · 2008–2026`: the provinces the documents report from).
 * @example corpusScope(docs) // { documents: 393, provinces: 31, years: [2008, 2026], asOf: '2026-02-02' }
 */
export function corpusScope(documents: readonly Pick<CorpusDocument, 'publishedAt' | 'regionCode'>[]): CorpusScope {
	const provinces = new Set<string>();
	let first = Infinity;
	let last = -Infinity;
	for (const d of documents) {
		const p = d.regionCode ? provinceOf(d.regionCode) : undefined;
		if (p) provinces.add(p.code);
		const y = d.publishedAt ? Number(d.publishedAt.slice(0, 4)) : NaN;
		if (Number.isFinite(y)) [first, last] = [Math.min(first, y), Math.max(last, y)];
	}
	return { documents: documents.length, provinces: provinces.size, years: Number.isFinite(first) ? [first, last] : null, asOf: corpusStamp(documents, null).asOf };
}
