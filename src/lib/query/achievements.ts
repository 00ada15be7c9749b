// Reported figures made fit to show: one figure reported by several documents counts once,
// conflicting figures for the same thing stand side by side, totals never add cumulative
// figures across years, never mix units and never sum percentages.
import type { CorpusDocument, Metric } from '../corpus/schema.ts';
import type { MetricCategory, Qualifier } from '../extract/types.ts';
import type { Filters } from '../state/filters.ts';
import { inRegion, inYears, metricYear } from './facts.ts';

/** One figure as reported, with every document that reports it. */
export interface Figure {
	key: string;
	value: number;
	unit: string;
	qualifier: Qualifier;
	category: MetricCategory;
	year: number | null;
	cumulative: boolean;
	/** what is counted, from the words before the number (培训教师, 研究报告) */
	subject: string;
	/**
	 * the region of the body reporting it (its documents' region code): two bodies' figures are
	 * two figures, and never a conflict, whatever their values
	 */
	region: string | null;
	/** the reports of this figure, first one first */
	sources: Metric[];
	/** a larger value is reported for the same thing (a conflict): shown, never added */
	superseded: boolean;
}

/** Figures reported with a different value for the same subject, unit, year, region and kind (running total or not). */
export interface Conflict {
	key: string;
	subject: string;
	unit: string;
	year: number | null;
	region: string | null;
	figures: Figure[];
}

const RATE_UNITS = new Set(['%', '倍', '个百分点', '百分点']);
/** Words around a number that say how, not what: dropped from a subject. */
const HEDGES = /(累计|共计|总计|合计|共有|共|约|近|超过|超|逾|达到|达|突破|将近|接近|不少于|至少|多达|高达|已|有|为|了|的)+$/;
const RUNNING = /^(累计|共计|总计|合计|截至目前|目前|共)+/;
const NUMERAL = /[\d０-９〇零一二两三四五六七八九十百千万亿.]/;

/** Whether figures of this unit may be added together (not rates, not multiples). */
export const isAdditive = (unit: string): boolean => !RATE_UNITS.has(unit);

/**
 * The counted thing of a figure: up to six characters before its number, without hedge words.
 * @example subjectOf('累计培训教师1.2万人次') // '培训教师'
 */
export function subjectOf(text: string): string {
	let i = 0;
	while (i < text.length && !NUMERAL.test(text[i]!)) i++;
	const before = text.slice(0, i).replace(/[，,。；;：:、\s“”"《》()（）]+$/, '');
	const words = before.split(/[，,。；;：:、\s]/).pop() ?? '';
	return words.replace(HEDGES, '').replace(RUNNING, '').slice(-6);
}

/** Subjects of metrics already read: facts stay the same objects across filter changes. */
const subjects = new WeakMap<Metric, string>();

/**
 * Groups metrics into figures — the same value, unit, category, year, subject and region is one
 * figure whichever documents report it — and finds their conflicts; in a conflict, all but the largest
 * value are marked superseded.
 * @example const { figures, conflicts } = analyseFigures(filtered.metrics, filtered.docById)
 */
export function analyseFigures(metrics: Metric[], docs: Map<string, CorpusDocument>): { figures: Figure[]; conflicts: Conflict[] } {
	const byKey = new Map<string, Figure>();
	// One report per document and figure; a set keeps that check constant-time for popular figures.
	const sourceDocs = new Map<Figure, Set<string>>();
	for (const m of metrics) {
		const year = metricYear(m, docs);
		const region = docs.get(m.docId)?.regionCode ?? null;
		let subject = subjects.get(m);
		if (subject === undefined) subjects.set(m, (subject = subjectOf(m.text)));
		const key = `${m.category}|${m.unit}|${m.value}|${year ?? ''}|${m.cumulative ? 'c' : ''}|${subject}|${region ?? ''}`;
		const found = byKey.get(key);
		if (found) {
			const seen = sourceDocs.get(found)!;
			if (!seen.has(m.docId)) {
				seen.add(m.docId);
				found.sources.push(m);
			}
		} else {
			const figure: Figure = { key, value: m.value, unit: m.unit, qualifier: m.qualifier, category: m.category, year, cumulative: m.cumulative, subject, region, sources: [m], superseded: false };
			byKey.set(key, figure);
			sourceDocs.set(figure, new Set([m.docId]));
		}
	}
	const figures = [...byKey.values()];
	const conflicts = findConflicts(figures);
	for (const c of conflicts) for (const f of c.figures.slice(0, -1)) f.superseded = true;
	return { figures, conflicts };
}

/**
 * Subjects reported with different values in different documents of one region for the same
 * unit and year.
 * Only subjects of at least two characters count: a bare measure word says too little.
 */
export function findConflicts(figures: Figure[]): Conflict[] {
	const bySubject = Map.groupBy(
		figures.filter((f) => f.subject.length >= 2),
		(f) => [f.subject, f.unit, f.year ?? '', f.category, f.cumulative, f.region ?? ''].join('|')
	);
	const out: Conflict[] = [];
	for (const [key, list] of bySubject) {
		const docs = new Set(list.flatMap((f) => f.sources.map((s) => s.docId)));
		if (list.length > 1 && docs.size > 1) {
			const { subject, unit, year, region } = list[0]!;
			out.push({ key, subject, unit, year, region, figures: list.sort((a, b) => a.value - b.value) });
		}
	}
	return out;
}

/** A category's headline: the sum of its additive figures in its most used unit. */
export interface CategoryTotal {
	category: MetricCategory;
	unit: string;
	/** sum of the non-cumulative figures of `unit`; a conflict adds only its largest value */
	total: number;
	/** the largest running total (累计) reported in `unit`, shown beside, never added */
	cumulative: number | null;
	/** whether any added figure was approximate (近, 约, 余 …) */
	approximate: boolean;
	figures: number;
}

/** The unit most figures of a list use (ties: the first seen). */
function dominantUnit(figures: Figure[]): string | null {
	const count = new Map<string, number>();
	for (const f of figures) count.set(f.unit, (count.get(f.unit) ?? 0) + 1);
	let best: string | null = null;
	for (const [unit, n] of count) if (best == null || n > count.get(best)!) best = unit;
	return best;
}

/** Figures safe to add: additive units, not running totals, not superseded in a conflict. */
export function addable(figures: Figure[]): Figure[] {
	return figures.filter((f) => isAdditive(f.unit) && !f.cumulative && !f.superseded);
}

/**
 * One headline per category, in its dominant additive unit.
 * @example categoryTotals(analyseFigures(metrics, docs).figures)[0] // { category: 'training', unit: '人次', total: 27000, … }
 */
export function categoryTotals(figures: Figure[]): CategoryTotal[] {
	const byCategory = Map.groupBy(figures.filter((f) => isAdditive(f.unit)), (f) => f.category);
	const out: CategoryTotal[] = [];
	for (const [category, list] of byCategory) {
		const unit = dominantUnit(list)!;
		const inUnit = list.filter((f) => f.unit === unit);
		const added = addable(inUnit);
		const cumulative = inUnit.filter((f) => f.cumulative).reduce<number | null>((a, f) => Math.max(a ?? 0, f.value), null);
		out.push({
			category,
			unit,
			total: added.reduce((a, f) => a + f.value, 0),
			cumulative,
			approximate: added.some((f) => f.qualifier !== 'exact'),
			figures: inUnit.length
		});
	}
	return out.sort((a, b) => b.figures - a.figures || a.category.localeCompare(b.category));
}

/** Sums of additive figures of one unit by a key (year, region …); rows without a key are left out. */
export function sumBy(figures: Figure[], unit: string, keyOf: (f: Figure) => string | number | null): Map<string | number, number> {
	const out = new Map<string | number, number>();
	for (const f of addable(figures.filter((f) => f.unit === unit))) {
		const k = keyOf(f);
		if (k == null) continue;
		out.set(k, (out.get(k) ?? 0) + f.value);
	}
	return out;
}

/** The units a list of figures uses, most used first. */
export function unitsOf(figures: Figure[]): string[] {
	const count = new Map<string, number>();
	for (const f of figures) count.set(f.unit, (count.get(f.unit) ?? 0) + 1);
	return [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([u]) => u);
}

/**
 * The additive units to sum a category's figures in, best first: the units of figures with a year
 * or a region (the ones the year and region charts can place), then the others, each by use.
 * @example chartUnits(figures)[0] // '人', when the 人次 figures carry neither year nor region
 */
export function chartUnits(figures: Figure[]): string[] {
	const placed = unitsOf(figures.filter((f) => f.year != null || f.region != null));
	return [...new Set([...placed, ...unitsOf(figures)])].filter(isAdditive);
}

/**
 * The figures and conflicts that match the filters, from an analysis of the whole corpus: a
 * filter change then costs one pass over the figures instead of a new analysis. A figure matches
 * on its year, category and region, and on the kind of a document reporting it.
 * @example matchFigures(analyseFigures(all.metrics, docs), filters, docs).figures
 */
export function matchFigures(
	all: { figures: Figure[]; conflicts: Conflict[] },
	f: Filters,
	docs: Map<string, CorpusDocument>
): { figures: Figure[]; conflicts: Conflict[] } {
	const matches = (fig: Figure) =>
		inYears(fig.year, f) &&
		(!f.category || fig.category === f.category) &&
		(!f.region || inRegion(fig.region, f.region)) &&
		(!f.kind || fig.sources.some((s) => docs.get(s.docId)?.kind === f.kind));
	const figures = all.figures.filter(matches);
	const kept = new Set(figures);
	return { figures, conflicts: all.conflicts.filter((c) => c.figures.some((x) => kept.has(x))) };
}
