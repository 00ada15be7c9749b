// What a reviewer checked, as the views count and filter it: a fact marked corrected, confirmed
// or added (see Review in corpus/schema.ts), or any fact of a document marked fully reviewed.
import type { CorpusDocument, Meeting, Metric, Review } from '../corpus/schema.ts';
import type { Filtered } from './facts.ts';

/**
 * A fact's review: its own mark, else its document's when the whole document was confirmed.
 * @example factReview(metric, docById)?.status // 'confirmed'
 */
export function factReview(fact: Metric | Meeting, docById: ReadonlyMap<string, CorpusDocument>): Review | null {
	if (fact.review) return fact.review;
	const docIds = 'docIds' in fact ? fact.docIds : [fact.docId];
	for (const id of docIds) {
		const r = docById.get(id)?.review;
		if (r?.status === 'confirmed') return r;
	}
	return null;
}

export interface ReviewedCount {
	/** figures and meetings in the filtered view */
	shown: number;
	/** of them, reviewed */
	reviewed: number;
}

/**
 * How many of the figures and meetings a view shows were reviewed.
 * @example reviewedCount(filterFacts(facts, filters)) // { shown: 120, reviewed: 8 }
 */
export function reviewedCount(f: Filtered): ReviewedCount {
	let reviewed = 0;
	for (const m of f.metrics) if (factReview(m, f.docById)) reviewed++;
	for (const m of f.meetings) if (factReview(m, f.docById)) reviewed++;
	return { shown: f.metrics.length + f.meetings.length, reviewed };
}
