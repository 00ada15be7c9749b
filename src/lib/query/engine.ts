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
import { headlineOf, type Conflict, type Figure, type Headline, type IndicatorSummary, type Total } from './achievements.ts';
import { AchievementsQuery, displayOrder } from './achievementsQuery.ts';
import { figuresOfIndicator, indexFigures, indicatorSummaries, matchMask, type FigureIndex } from './figureIndex.ts';
import { analysisOf } from './analysis.ts';
import { columnsOf } from './columns.ts';
import { filterFacts, type Facts, type Filtered } from './facts.ts';
import { coverage, divisionCodes, type Coverage, type DivisionCodes } from './overview.ts';
import { factReview, type ReviewedCount } from './review.ts';
import { corpusScope, corpusStamp, type CorpusScope } from '../screen/stamp.ts';
import type { CorpusDocument, Meeting } from '../corpus/schema.ts';
import { exploreRows, haystack, searchWords, sortRows, type ExploreRow, type SortKey } from './explore.ts';
import { documentAnswer, type DocumentAnswer, type DocumentRequest } from './document.ts';
import { prepareTimeline, timelineAnswer, timelineMeeting, type TimelineAnswer, type TimelineMeetingAnswer, type TimelineMeetingRequest, type TimelineRequest } from './timelineAnswer.ts';
import { indicatorLabel } from '../indicators/indicators.ts';
import { MapQueries, type MapAnswer, type MapRequest } from './mapAnswer.ts';
import { firstByDate } from './exploreFirst.ts';
import { screenAnswer, type ScreenAnswer, type ScreenRequest } from './screenAnswer.ts';
import { replayAnswer, type ReplayAnswer, type ReplayRequest } from './replayAnswer.ts';
import { staleAnswer, type StaleRequest, type StaleRow } from './staleAnswer.ts';
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

/** The explorer's table: its rows for the filters, search, "reviewed only" and sort, one page of them. */
export interface ExploreRequest {
	type: 'explore';
	filters: Filters;
	/** the search box's text (every word must match) */
	query: string;
	/** only the rows a reviewer corrected, confirmed or added */
	reviewedOnly: boolean;
	/** which facts: meetings and figures, or only one kind */
	facts: 'all' | 'meeting' | 'metric';
	sort: SortKey;
	dir: 'asc' | 'desc';
	/** the first row wanted, and how many (null: every matching row, for the CSV) */
	offset: number;
	limit: number | null;
	/** the interface language (indicators are named, searched and sorted in it) */
	locale: string;
	/** what an unnamed indicator of each category is called in that language */
	unnamed: Record<string, string>;
	/** also the rows' source documents (title, file name, address), for the CSV */
	sources: boolean;
}

/** A source document as the explorer's CSV names it. */
export type ExploreSource = Pick<CorpusDocument, 'title' | 'fileName' | 'sourceUrl'>;

export interface ExploreAnswer {
	/** the rows from `offset` on, in the order asked for */
	rows: ExploreRow[];
	offset: number;
	/** how many rows match */
	total: number;
	/** titles of the documents the rows link to */
	titles: Titles;
	/** the rows' source documents when asked for (`sources`), else null */
	sources: Record<string, ExploreSource> | null;
}

export interface SummaryRequest {
	type: 'summary';
}

export type { TimelineAnswer, TimelineMeetingAnswer, TimelineMeetingRequest, TimelineRequest } from './timelineAnswer.ts';

export type { DocumentAnswer, DocumentRequest } from './document.ts';

export type { MapAnswer, MapRequest } from './mapAnswer.ts';

export type { ScreenAnswer, ScreenRequest } from './screenAnswer.ts';

export type { ReplayAnswer, ReplayRequest } from './replayAnswer.ts';

export type { StaleRequest, StaleRow } from './staleAnswer.ts';

export type QueryRequest = StaleRequest | ReplayRequest | ScreenRequest | MapRequest | SummaryRequest | AchievementsRequest | OverviewRequest | ExploreRequest | TimelineRequest | TimelineMeetingRequest | DocumentRequest;
export type AnswerTo<R extends QueryRequest> = R extends StaleRequest
	? StaleRow[]
	: R extends ReplayRequest
	? ReplayAnswer
	: R extends ScreenRequest
	? ScreenAnswer
	: R extends MapRequest
	? MapAnswer
	: R extends AchievementsRequest
	? AchievementsAnswer
	: R extends OverviewRequest
		? OverviewAnswer
		: R extends ExploreRequest
			? ExploreAnswer
			: R extends TimelineRequest
				? TimelineAnswer
				: R extends TimelineMeetingRequest
					? TimelineMeetingAnswer
					: R extends DocumentRequest
						? DocumentAnswer
						: CorpusSummary;

/**
 * Whether the answer to a request reads the figures' analysis (analysis.ts, through the figure index):
 * the facts worker prepares it in slices before answering such a request, so no single task of its
 * thread builds it whole.
 * @example readsAnalysis({ type: 'timeline', filters, undated: 200 }) // false
 */
export const readsAnalysis = (request: QueryRequest): boolean =>
	request.type === 'achievements' || request.type === 'overview' || request.type === 'map' || request.type === 'screen';

/**
 * The engine over one corpus read: built once per read, asked once per view and filter state.
 * @example new QueryEngine(facts).answer({ type: 'summary' }).years
 */
export class QueryEngine {
	readonly facts: Facts;
	#index: FigureIndex | null = null;
	/** the analysis's rows in the achievements page's order */
	#display: Int32Array | null = null;
	constructor(facts: Facts) {
		this.facts = facts;
	}

	/** Builds the columns, the analysis, its index and the overview's orders now (the worker does it as soon as it has read the corpus), so no answer waits for them. */
	prepare(): void {
		columnsOf(this.facts);
		this.#figureIndex();
		this.#meetingOrder();
		prepareTimeline(this.facts);
		this.#reviewedCount({ documents: [], meetings: [], places: [], metrics: [], docById: new Map() });
	}

	/** Builds only the filter columns (every answer filters): what the explorer needs before its first answer. */
	prepareColumns(): void {
		columnsOf(this.facts);
	}

	/** Builds what only the achievements page reads (its order of the figures): after the first answers. */
	prepareMore(): void {
		this.#achievementsQuery();
	}

	#figureIndex(): FigureIndex {
		return (this.#index ??= indexFigures(analysisOf(this.facts).figures, columnsOf(this.facts).docById));
	}

	#displayOrder(): Int32Array {
		return (this.#display ??= displayOrder(this.#figureIndex()));
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
			case 'map':
				return this.map(request as MapRequest) as AnswerTo<R>;
			case 'screen':
				return this.screen(request as ScreenRequest) as AnswerTo<R>;
			case 'replay':
				return replayAnswer(this.facts, request as ReplayRequest) as AnswerTo<R>;
			case 'stale':
				return staleAnswer(this.facts, request as StaleRequest) as AnswerTo<R>;
			case 'achievements':
				return this.achievements(request as AchievementsRequest) as AnswerTo<R>;
			case 'overview':
				return this.overview(request as OverviewRequest) as AnswerTo<R>;
			case 'explore':
				return this.explore(request as ExploreRequest) as AnswerTo<R>;
			case 'document':
				return documentAnswer(this.facts, request as DocumentRequest, columnsOf(this.facts).docById) as AnswerTo<R>;
			case 'timeline':
				return this.timeline(request as TimelineRequest) as AnswerTo<R>;
			case 'timelineMeeting':
				return this.timelineMeeting(request as TimelineMeetingRequest) as AnswerTo<R>;
		}
		throw new Error(`unknown request ${(request as { type: string }).type}`);
	}

	#maps: MapQueries | null = null;
	/** The map page's areas, points, lines and meetings (mapAnswer.ts), from the analysis and index of this read. */
	map(r: MapRequest): MapAnswer {
		return (this.#maps ??= new MapQueries(this.facts, () => this.#figureIndex())).answer(r, (ids) => this.#titlesOf(ids));
	}

	/** The big screen's counts, headlines, rankings, trend and latest meetings (screenAnswer.ts). */
	screen(r: ScreenRequest): ScreenAnswer {
		return screenAnswer(this.facts, r);
	}

	summary(): CorpusSummary {
		const docs = this.facts.documents;
		return { years: availableYears(this.facts), regions: availableRegions(this.facts, null), scope: corpusScope(docs), asOf: corpusStamp(docs, null).asOf };
	}

	achievements(r: AchievementsRequest): AchievementsAnswer {
		return this.#achievementsQuery().answer(r, columnsOf(this.facts).docById, (ids) => this.#titlesOf(ids));
	}

	/** The achievements page's figure index, its query and the analysis's conflicts, built now if need be (what snapshot.ts stores). */
	achievementsParts(): { index: FigureIndex; query: AchievementsQuery; conflicts: readonly Conflict[] } {
		return { index: this.#figureIndex(), query: this.#achievementsQuery(), conflicts: analysisOf(this.facts).conflicts };
	}

	/** Whether the achievements page's answers are built (prepareMore, or a first answer): until then a stored snapshot answers sooner. */
	get achievementsReady(): boolean {
		return this.#achievements != null;
	}

	#achievements: AchievementsQuery | null = null;
	/** The achievements page's answers: the figure index, the page's order of it by indicator, each indicator's conflicts. */
	#achievementsQuery(): AchievementsQuery {
		return (this.#achievements ??= new AchievementsQuery(this.#figureIndex(), this.#displayOrder(), analysisOf(this.facts).conflicts));
	}

	#meetings: Meeting[] | null = null;
	/** Every meeting, newest first, ties by name (a stable sort: the page sorted the filtered list the same way). */
	#meetingOrder(): Meeting[] {
		const byName = new Intl.Collator('zh-CN').compare;
		return (this.#meetings ??= [...this.facts.meetings].sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? '') || byName(a.name, b.name)));
	}

	readonly #divisions = new Map<string, DivisionCodes>();
	/** coverage() with each distinct code looked up once per corpus read, not once per place. */
	#coverage(f: Filtered): Coverage {
		return coverage(f, (code) => {
			let d = this.#divisions.get(code);
			if (!d) this.#divisions.set(code, (d = divisionCodes(code)));
			return d;
		});
	}

	#reviewed: Set<unknown> | null = null;
	/** reviewedCount() with the reviewed facts found once per corpus read (usually few or none). */
	#reviewedCount(f: Filtered): ReviewedCount {
		if (!this.#reviewed) {
			const docs = columnsOf(this.facts).docById;
			this.#reviewed = new Set<unknown>([...this.facts.metrics, ...this.facts.meetings].filter((x) => factReview(x, docs)));
		}
		let reviewed = 0;
		if (this.#reviewed.size) for (const list of [f.metrics, f.meetings] as unknown[][]) for (const x of list) if (this.#reviewed.has(x)) reviewed++;
		return { shown: f.metrics.length + f.meetings.length, reviewed };
	}

	overview(r: OverviewRequest): OverviewAnswer {
		const filtered = filterFacts(this.facts, r.filters);
		// headlines() of the matching figures: the headline indicators most documents report, each with a quotable value.
		const ix = this.#figureIndex();
		const mask = matchMask(ix, r.filters, filtered.docById);
		const headlines: Headline[] = [];
		for (const s of indicatorSummaries(ix, mask)) {
			if (!s.headline) continue;
			const h = headlineOf(s.indicator, figuresOfIndicator(ix, mask, s.indicator));
			if (h) headlines.push(h);
			if (headlines.length >= r.headlines) break;
		}
		// The newest meetings first (ties by name): the whole corpus's order, sorted once, filtered.
		const kept = new Set(filtered.meetings);
		const shown: Meeting[] = [];
		for (const m of this.#meetingOrder()) {
			if (shown.length >= r.meetings) break;
			if (kept.has(m)) shown.push(m);
		}
		return {
			coverage: this.#coverage(filtered),
			reviewed: this.#reviewedCount(filtered),
			headlines,
			meetings: shown,
			meetingCount: filtered.meetings.length,
			titles: this.#titlesOf([...headlines.map((h) => h.docIds[0]!), ...shown.flatMap((m) => m.docIds)])
		};
	}

	/** the explorer's rows for one filter state and language, before search and sort */
	#exploreBase: { key: string; rows: ExploreRow[]; hay: string[] | null } | null = null;
	/** the rows last shown: searched, narrowed and sorted (scrolling asks for other pages of them) */
	#explored: { key: string; rows: ExploreRow[] } | null = null;

	/** The explorer's rows as the page computed them (exploreRows, reviewedRows, searchRows, sortRows), one page of them. */
	explore(r: ExploreRequest): ExploreAnswer {
		const baseKey = JSON.stringify([r.filters, r.locale, r.unnamed]);
		if (this.#exploreBase?.key !== baseKey) {
			const nameOf = (i: string) => indicatorLabel(i, r.locale, (c) => r.unnamed[c] ?? i);
			this.#explored = null;
			this.#exploreBase = { key: baseKey, rows: exploreRows(filterFacts(this.facts, r.filters), nameOf), hay: null };
		}
		const key = JSON.stringify([baseKey, r.query, r.reviewedOnly, r.facts, r.sort, r.dir]);
		if (this.#explored?.key !== key) {
			const base = this.#exploreBase;
			const words = searchWords(r.query);
			// What each row is searched by, folded once per filter state, not once per search.
			const hay = words.length ? (base.hay ??= base.rows.map(haystack)) : null;
			// Narrowing keeps the rows' order, so the stable sort gives what it gave on the whole list narrowed after
			// (reviewedRows, then searchRows, as the page did).
			const rows: ExploreRow[] = [];
			for (let i = 0; i < base.rows.length; i++) {
				const x = base.rows[i]!;
				if (r.facts !== 'all' && x.type !== r.facts) continue;
				if (r.reviewedOnly && x.reviewed == null) continue;
				if (hay && !words.every((w) => hay[i]!.includes(w))) continue;
				rows.push(x);
			}
			this.#explored = { key, rows: sortRows(rows, r.sort, r.dir) };
		}
		const all = this.#explored.rows;
		const offset = Math.max(0, Math.min(r.offset, all.length));
		const rows = r.limit == null ? all.slice(offset) : all.slice(offset, offset + r.limit);
		let sources: Record<string, ExploreSource> | null = null;
		if (r.sources) {
			const docs = columnsOf(this.facts).docById;
			sources = {};
			for (const x of rows) {
				if (x.docId in sources) continue;
				const d = docs.get(x.docId);
				if (d) sources[x.docId] = { title: d.title, fileName: d.fileName, sourceUrl: d.sourceUrl };
			}
		}
		return { rows, offset, total: all.length, titles: this.#titlesOf(rows.map((x) => x.docId)), sources };
	}

	/**
	 * The explorer's first page as explore() gives it, making only its rows when it asks for no search,
	 * every fact, in date order (exploreFirst.ts): what the facts worker stores for a later visit while
	 * the explorer is not open (at 100k documents ~0.5 s less than making every row).
	 */
	exploreFirstPage(r: ExploreRequest): ExploreAnswer {
		if (r.offset !== 0 || r.limit == null || r.sort !== 'date' || r.facts !== 'all' || r.reviewedOnly || searchWords(r.query).length) return this.explore(r);
		const nameOf = (i: string) => indicatorLabel(i, r.locale, (c) => r.unnamed[c] ?? i);
		const { rows, total } = firstByDate(filterFacts(this.facts, r.filters), r.dir, r.limit, nameOf);
		return { rows, offset: 0, total, titles: this.#titlesOf(rows.map((x) => x.docId)), sources: null };
	}

	/** The timeline's meetings for the filters, as typed arrays in time order (timelineAnswer.ts). */
	timeline(r: TimelineRequest): TimelineAnswer {
		return timelineAnswer(this.facts, r, (ids) => this.#titlesOf(ids));
	}

	/** One meeting's details, for the timeline's tip (timelineAnswer.ts). */
	timelineMeeting(r: TimelineMeetingRequest): TimelineMeetingAnswer {
		return timelineMeeting(this.facts, r, (ids) => this.#titlesOf(ids));
	}
}
