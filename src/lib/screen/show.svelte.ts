// What the wall and the presenter view both derive from the corpus, the filters and the show's
// URL: the filtered facts, the figures, the pages worth showing and the widgets' data. One
// definition, so both windows agree on which pages there are.
import { page as appPage } from '$app/state';
import { analyseFigures, matchFigures } from '$lib/query/achievements.ts';
import { filterFacts } from '$lib/query/facts.ts';
import { coverage } from '$lib/query/overview.ts';
import { facts } from '$lib/state/facts.svelte.ts';
import { currentFilters } from '$lib/state/filters.svelte.ts';
import { replaySteps } from './replay.ts';
import { parseScreenParams, replayStart, tourPages } from './tour.ts';
import { indicatorRanking, latestMeetings, provinceRanking, trendIndicator } from './widgets.ts';

/** Latest meetings the scrolling list holds. */
export const LATEST_LISTED = 30;

export class ShowData {
	constructor() {
		// The wall and the presenter read the records themselves: have them read into the page (facts.svelte.ts).
		facts.want();
	}
	params = $derived(parseScreenParams(appPage.url.searchParams));
	filters = $derived(currentFilters());
	filtered = $derived(facts.current ? filterFacts(facts.current, this.filters) : null);
	covered = $derived(this.filtered ? coverage(this.filtered) : null);
	// As on the overview: the corpus is analysed once per data change, a filter change picks figures.
	docById = $derived(new Map((facts.current?.documents ?? []).map((d) => [d.id, d])));
	analysed = $derived(facts.current ? analyseFigures(facts.current.metrics, this.docById) : null);
	figures = $derived(this.analysed ? matchFigures(this.analysed, this.filters, this.docById).figures : []);
	replay = $derived(this.filtered ? replaySteps(this.filtered.meetings, this.filtered.docById) : []);
	/** the meetings the replay tells on its own (the latest; see REPLAY_SHOWN): what its page's time is shared out by */
	replayTold = $derived(this.replay.length - replayStart(this.replay.length));
	ranking = $derived(this.filtered ? provinceRanking(this.filtered.meetings, this.filtered.docById) : []);
	trend = $derived(this.filtered ? trendIndicator(this.figures, this.params.indicator, this.filtered.docById) : null);
	trendRanking = $derived(this.trend && this.filtered ? indicatorRanking(this.figures, this.trend.indicator, this.filtered.docById) : []);
	latest = $derived(this.filtered ? latestMeetings(this.filtered.meetings, this.filtered.docById, LATEST_LISTED) : []);
	pages = $derived(
		tourPages(
			{
				meetings: this.filtered?.meetings.length ?? 0,
				datedMeetings: this.replay.length,
				figures: this.figures.length,
				places: this.filtered?.places.length ?? 0,
				ranked: this.ranking.length,
				trendYears: this.trend?.points.length ?? 0
			},
			this.params.pages
		)
	);
}
