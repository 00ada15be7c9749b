// Records stored under an older corpus schema, brought to the current one. A new shipped corpus
// replaces the shipped records whole, but the user's own documents and the facts their
// corrections add stay: those are given the fields a newer schema added, so the views never meet
// a figure without an indicator.
import type { UserEdit } from '../corpus/edits.ts';
import type { CorpusDocument, Metric } from '../corpus/schema.ts';
import { indicatorOf } from '../indicators/indicators.ts';

/** A metric of any schema: the fields schema 2 added may be missing. */
type OldMetric = Omit<Metric, 'subject' | 'indicator' | 'scopeCode' | 'change' | 'part'> & Partial<Metric>;
type OldDocument = Omit<CorpusDocument, 'sourceUrl'> & Partial<CorpusDocument>;

/**
 * A metric with every field of the current schema: what it counts unknown (null), its indicator
 * from its subject (else its category), its scope its document's, neither change nor part.
 * @example upgradeMetric({ …schema 1 metric, unit: '人次', category: 'training' }).indicator // 'trainees'
 */
export function upgradeMetric(m: OldMetric): Metric {
	const subject = m.subject ?? null;
	return {
		...m,
		subject,
		indicator: m.indicator ?? indicatorOf(subject, m.unit, m.category),
		scopeCode: m.scopeCode ?? null,
		change: m.change ?? null,
		part: m.part ?? false
	};
}

/** A document with every field of the current schema. */
export const upgradeDocument = (d: OldDocument): CorpusDocument => ({ ...d, sourceUrl: d.sourceUrl ?? null });

/** Whether a metric lacks a field of the current schema. */
export const isOldMetric = (m: Partial<Metric>): boolean => m.indicator === undefined || m.part === undefined || m.change === undefined || m.scopeCode === undefined || m.subject === undefined;

/** A stored correction with its added record (if any) brought to the current schema; others as they are. */
export function upgradeEdit(e: UserEdit): UserEdit {
	if (e.kind === 'metric' && e.op === 'add' && isOldMetric(e.record)) return { ...e, record: upgradeMetric(e.record) };
	return e;
}
