// The query engine: what each view draws, computed from the whole corpus for one filter state.
// It runs where the facts are — in the facts worker (facts.worker.ts) when the database is
// IndexedDB, in the page when it is in memory or no worker can start — and answers typed
// requests with only what a view draws: counts, totals by year and by place, the first rows of a
// table and the titles of the documents those rows link to. Never the corpus's records in bulk:
// at 100,000 documents the page would otherwise hold (and walk) 700,000 objects.
// Crossfilter's and Mosaic's split: the data and the filtering stay on one side, each view asks
// for its aggregates. Pure: tested in Node against the views' former in-page computation.
import { documentTitle } from './names.ts';
import { availableRegions, availableYears, type RegionGroup } from './options.ts';
import { headlines as headlinesOf, indicatorsOf, matchFigures, placeOf, totalOf, totalsBy, yearTotalsByScope, NATIONAL, type Conflict, type Figure, type Headline, type IndicatorSummary, type Total } from './achievements.ts';
import { analysisOf, type Analysis } from './analysis.ts';
import { columnsOf } from './columns.ts';
import { filterFacts, type Facts } from './facts.ts';
import { coverage, type Coverage } from './overview.ts';
import { reviewedCount, type ReviewedCount } from './review.ts';
import { corpusScope, corpusStamp, type CorpusScope } from '../screen/stamp.ts';
import type { Meeting } from '../corpus/schema.ts';
import type { Filters } from '../state/filters.ts';

/** What the whole corpus is, whatever the filters: the filter bar's choices, the scope line, the date. */
export interface CorpusSummary {
	years: number[];
	regions: RegionGroup[];
	scope: CorpusScope;
	/** the newest document's date (corpusStamp) */
	asOf: string | null;
}

/** Document id → title, for the documents an answer's rows link to. */
export type Titles = Record<string, string>;

export interface AchievementsRequest {
	type: 'achievements';
	filters: Filters;
	/** the indicator asked for (?indicator=), null for the default */
	indicator: string | null;
	/** the unit asked for, null for the indicator's most used */
	unit: string | null;
	/** table rows wanted */
	rows: number;
	/** conflicts wanted */
	conflicts: number;
}

/** A total without the figures it adds: what a chart draws (value, unit, qualifier). */
export type TotalValue = Omit<Total, 'added' | 'figures'> & { added: []; figures: [] };

export interface AchievementsAnswer {
	/** the matching figures' indicators, most reported first */
	indicators: IndicatorSummary[];
	/** the indicator shown: the one asked for if it has figures, else the headline one, else the first */
	indicator: string | null;
	/** the unit shown */
	unit: string | null;
	/** figures that match the filters, and the documents they come from */
	figures: number;
	figureDocs: number;
	/** figures of the indicator in its unit (what the charts add), and their documents */
	focused: number;
	focusedDocs: number;
	/** whether the focused figures add up (totalOf has a value) */
	summable: boolean;
	/** figures by indicator, for the chart by indicator */
	indicatorCounts: [string, number][];
	/** the focused figures' totals by year, the country apart from the places (yearTotalsByScope) */
	byYear: { national: Map<number, TotalValue>; places: Map<number, TotalValue> };
	/** the focused figures' totals by place: provinces, or a province's cities when drilled into one */
	byRegion: Map<string, TotalValue>;
	/** the first figures of the indicator (any unit), newest first, and how many there are */
	rows: Figure[];
	rowCount: number;
	/** the first conflicts of the indicator among the matching figures, and how many there are */
	conflicts: Conflict[];
	conflictCount: number;
	titles: Titles;
}

export interface OverviewRequest {
	type: 'overview';
	filters: Filters;
	/** meetings wanted, newest first */
	meetings: number;
	headlines: number;
}

export interface OverviewAnswer {
	coverage: Coverage;
	reviewed: ReviewedCount;
	headlines: Headline[];
	/** the first meetings, newest first (ties by name), and how many match */
	meetings: Meeting[];
	meetingCount: number;
	titles: Titles;
}

export interface SummaryRequest {
	type: 'summary';
}

export type QueryRequest = SummaryRequest | AchievementsRequest | OverviewRequest;
export type AnswerTo<R extends QueryRequest> = R extends AchievementsRequest ? AchievementsAnswer : R extends OverviewRequest ? OverviewAnswer : CorpusSummary;

const valueOf = (t: Total): TotalValue => ({ value: t.value, unit: t.unit, qualifier: t.qualifier, conflicted: t.conflicted, added: [], figures: [] });
const values = <K,>(m: Map<K, Total>) => new Map([...m].map(([k, t]) => [k, valueOf(t)] as [K, TotalValue]));

/** The achievements page's order: newest first, then by place, the largest first. */
function sortedFigures(a: Analysis): Analysis {
	// Intl.Collator's compare is localeCompare's order without a collator set up per call (0.7 s on 300,000 figures).
	const byText = new Intl.Collator().compare;
	const figures = [...a.figures].sort((x, y) => (y.year ?? 0) - (x.year ?? 0) || byText(x.region ?? '', y.region ?? '') || y.value - x.value);
	return { figures, conflicts: a.conflicts };
}

/**
 * The engine over one corpus read: built once per read, asked once per view and filter state.
 * @example new QueryEngine(facts).answer({ type: 'summary' }).years
 */
export class QueryEngine {
	#sorted: Analysis | null = null;
	#titles: Map<string, string> | null = null;
	constructor(readonly facts: Facts) {}

	/** Builds the columns and the analysis now (the worker does it as soon as it has read the corpus). */
	prepare(): void {
		columnsOf(this.facts);
		this.#sortedAnalysis();
	}

	#sortedAnalysis(): Analysis {
		return (this.#sorted ??= sortedFigures(analysisOf(this.facts)));
	}

	#titlesOf(ids: Iterable<string>): Titles {
		const docs = columnsOf(this.facts).docById;
		const out: Titles = {};
		for (const id of ids) {
			if (id in out) continue;
			const d = docs.get(id);
			out[id] = d ? documentTitle(d) : id;
		}
		return out;
	}

	answer<R extends QueryRequest>(request: R): AnswerTo<R> {
		switch (request.type) {
			case 'summary':
				return this.summary() as AnswerTo<R>;
			case 'achievements':
				return this.achievements(request as AchievementsRequest) as AnswerTo<R>;
			case 'overview':
				return this.overview(request as OverviewRequest) as AnswerTo<R>;
		}
		throw new Error(`unknown request ${(request as { type: string }).type}`);
	}

	summary(): CorpusSummary {
		const docs = this.facts.documents;
		return { years: availableYears(this.facts), regions: availableRegions(this.facts, null), scope: corpusScope(docs), asOf: corpusStamp(docs, null).asOf };
	}

	achievements(r: AchievementsRequest): AchievementsAnswer {
		const docById = columnsOf(this.facts).docById;
		const matched = matchFigures(this.#sortedAnalysis(), r.filters, docById);
		const figures = matched.figures;
		const indicators = indicatorsOf(figures);
		const indicator = indicators.some((s) => s.indicator === r.indicator) ? r.indicator : ((indicators.find((s) => s.headline) ?? indicators[0])?.indicator ?? null);
		const summary = indicators.find((s) => s.indicator === indicator) ?? null;
		const unit = summary ? (r.unit && summary.units.includes(r.unit) ? r.unit : summary.unit) : null;
		const rows = figures.filter((f) => f.indicator === indicator);
		const focused = rows.filter((f) => f.unit === unit);
		const byCity = r.filters.region != null && r.filters.region !== NATIONAL && r.filters.region.endsWith('0000');
		const scoped = yearTotalsByScope(focused);
		const conflicts = matched.conflicts.filter((c) => c.indicator === indicator);
		const counts = new Map<string, number>();
		for (const f of figures) counts.set(f.indicator, (counts.get(f.indicator) ?? 0) + 1);
		const shownRows = rows.slice(0, r.rows);
		const shownConflicts = conflicts.slice(0, r.conflicts);
		const linked = [...shownRows, ...shownConflicts.flatMap((c) => c.figures)].flatMap((f) => f.sources.map((s) => s.docId));
		return {
			indicators,
			indicator,
			unit,
			figures: figures.length,
			figureDocs: docCount(figures),
			focused: focused.length,
			focusedDocs: docCount(focused),
			summable: focused.length > 0 && totalOf(focused).value != null,
			indicatorCounts: [...counts],
			byYear: { national: values(scoped.national), places: values(scoped.places) },
			byRegion: values(totalsBy(focused, (f) => placeOf(f, byCity))),
			rows: shownRows,
			rowCount: rows.length,
			conflicts: shownConflicts,
			conflictCount: conflicts.length,
			titles: this.#titlesOf(linked)
		};
	}

	overview(r: OverviewRequest): OverviewAnswer {
		const filtered = filterFacts(this.facts, r.filters);
		const headlines = headlinesOf(matchFigures(analysisOf(this.facts), r.filters, filtered.docById).figures, r.headlines);
		const byName = new Intl.Collator('zh-CN').compare;
		const meetings = [...filtered.meetings].sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? '') || byName(a.name, b.name));
		const shown = meetings.slice(0, r.meetings);
		return {
			coverage: coverage(filtered),
			reviewed: reviewedCount(filtered),
			headlines,
			meetings: shown,
			meetingCount: meetings.length,
			titles: this.#titlesOf([...headlines.map((h) => h.docIds[0]!), ...shown.flatMap((m) => m.docIds)])
		};
	}
}

/** How many documents a list of figures comes from. */
function docCount(figures: readonly Figure[]): number {
	const ids = new Set<string>();
	for (const f of figures) for (const s of f.sources) ids.add(s.docId);
	return ids.size;
}
