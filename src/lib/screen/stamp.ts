// The screen's provenance stamp: which corpus it shows, so a photo of the wall can be traced.
import type { CorpusDocument } from '../corpus/schema.ts';

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
