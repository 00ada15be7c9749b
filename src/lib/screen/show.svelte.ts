// What the wall and the presenter view both derive from the corpus, the filters and the show's
// URL: the pages worth showing and the widgets' data. One definition, so both windows agree on
// which pages there are. The numbers come from the query engine's screen answer (screenAnswer.ts:
// in the facts worker at scale), as do the map's and the timeline's (their views' requests); only
// the replay still draws the records, read into the page when it comes (facts.want, see ScreenView).
import { page as appPage } from '$app/state';
import { filterFacts } from '$lib/query/facts.ts';
import { screenRequest } from '$lib/query/requests.ts';
import { facts, liveAnswer } from '$lib/state/facts.svelte.ts';
import { currentFilters } from '$lib/state/filters.svelte.ts';
import { replaySteps } from './replay.ts';
import { parseScreenParams, replayStart, tourPages } from './tour.ts';

export class ShowData {
	params = $derived(parseScreenParams(appPage.url.searchParams));
	filters = $derived(currentFilters());
	readonly #answer = liveAnswer(() => screenRequest(this.filters, this.params.indicator));
	/** the screen's answer for the filters: null until the first comes */
	answer = $derived(this.#answer.current);
	covered = $derived(this.answer?.coverage ?? null);
	headlines = $derived(this.answer?.headlines ?? []);
	ranking = $derived(this.answer?.ranking ?? []);
	trend = $derived(this.answer?.trend ?? null);
	trendRanking = $derived(this.answer?.trendRanking ?? []);
	latest = $derived(this.answer?.latest ?? []);
	/** the records after the filters, for the replay: null until a page wants them read (facts.want) */
	filtered = $derived(facts.current ? filterFacts(facts.current, this.filters) : null);
	replay = $derived(this.filtered ? replaySteps(this.filtered.meetings, this.filtered.docById) : []);
	/** the meetings the replay tells on its own (the latest; see REPLAY_SHOWN): what its page's time is shared out by */
	replayTold = $derived.by(() => {
		const dated = this.answer?.tour.datedMeetings ?? 0;
		return dated - replayStart(dated);
	});
	pages = $derived(tourPages(this.answer?.tour ?? { meetings: 0, datedMeetings: 0, figures: 0, places: 0 }, this.params.pages));
}
