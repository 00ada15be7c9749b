// The explorer's first rows in date order without making every row (issue 17, first load): the
// facts worker stores the explorer's first page for the next visit, and at 100k documents making
// all ~350,000 rows (exploreRows) to sort them and keep 120 took ~0.5 s of its CPU on the
// corpus's first load, before the first view's answer. Here each row's date alone is read, the
// rows ranked by it as sortRows ranks them (the collator's order of the distinct dates, text it
// finds equal one rank, empty last, ties in the rows' order), the first `count` picked by rank,
// and only those made and sorted: the same rows in the same order (exploreFirst.spec compares
// with exploreRows + sortRows).
import { metricYear, type Filtered } from './facts.ts';
import { exploreRows, sortRows, type ExploreRow } from './explore.ts';

/** sortRows' collator. */
const collator = new Intl.Collator('zh-CN');

/**
 * The first `count` rows of sortRows(exploreRows(f, indicatorName), 'date', dir), and how many rows there are.
 * @example firstByDate(filterFacts(facts, NO_FILTERS), 'desc', 120).rows.length // 120 (or fewer)
 */
export function firstByDate(f: Filtered, dir: 'asc' | 'desc', count: number, indicatorName?: (indicator: string) => string): { rows: ExploreRow[]; total: number } {
	const nm = f.meetings.length;
	const n = nm + f.metrics.length;
	// each row's date, as exploreRows gives it: a meeting's start, a figure's year
	const dates: (string | null)[] = new Array(n);
	const texts = new Map<string, number>();
	for (let i = 0; i < nm; i++) {
		const d = f.meetings[i]!.startDate ?? null;
		dates[i] = d;
		if (d != null) texts.set(d, 0);
	}
	for (let j = 0; j < f.metrics.length; j++) {
		const y = metricYear(f.metrics[j]!, f.docById);
		const d = y == null ? null : String(y);
		dates[nm + j] = d;
		if (d != null) texts.set(d, 0);
	}
	// ranks as sortRows gives them; the empty dates in a bucket of their own, always last
	const distinct = [...texts.keys()].sort(collator.compare);
	let ranks = 0;
	for (let k = 0; k < distinct.length; k++) {
		if (k > 0 && collator.compare(distinct[k - 1]!, distinct[k]!) !== 0) ranks++;
		texts.set(distinct[k]!, ranks);
	}
	if (distinct.length) ranks++;
	// a row's bucket in the order asked for: 0 first
	const bucket = new Int32Array(n);
	const sizes = new Int32Array(ranks + 1);
	for (let i = 0; i < n; i++) {
		const d = dates[i];
		const b = d == null ? ranks : dir === 'asc' ? texts.get(d)! : ranks - 1 - texts.get(d)!;
		bucket[i] = b;
		sizes[b]!++;
	}
	// the buckets taken whole, and how many of the next (its first rows in order)
	let whole = 0;
	let taken = 0;
	while (whole <= ranks && taken + sizes[whole]! <= count) taken += sizes[whole++]!;
	let partial = Math.max(0, count - taken);
	const meetings: Filtered['meetings'] = [];
	const metrics: Filtered['metrics'] = [];
	for (let i = 0; i < n; i++) {
		const b = bucket[i]!;
		if (b > whole || (b === whole && partial-- <= 0)) continue;
		if (i < nm) meetings.push(f.meetings[i]!);
		else metrics.push(f.metrics[i - nm]!);
	}
	return { rows: sortRows(exploreRows({ ...f, meetings, metrics }, indicatorName), 'date', dir), total: n };
}
