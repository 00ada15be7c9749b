// What the wall and the presenter view both derive from the corpus, the filters and the show's
// URL: the pages worth showing and the widgets' data. One definition, so both windows agree on
// which pages there are. The numbers come from the query engine's screen answer (screenAnswer.ts:
// in the facts worker at scale), as do the map's and the timeline's (their views' requests), and
// the replay's from its own (replayAnswer.ts): the page holds no records.
import { page as appPage } from '$app/state';
import { replayRequest, screenRequest } from '$lib/query/requests.ts';
import { liveAnswer } from '$lib/state/facts.svelte.ts';
import { currentFilters } from '$lib/state/filters.svelte.ts';
import { parseScreenParams, replayStart, SCREEN_PAGES, tourPages } from './tour.ts';

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
	/** the replay's answer for the filters, asked when the show may tour it: null until it comes */
	readonly #replay = liveAnswer(() => ((this.params.pages ?? SCREEN_PAGES).includes('replay') ? replayRequest(this.filters) : null));
	replay = $derived(this.#replay.current);
	/** the meetings the replay tells on its own (the latest; see REPLAY_SHOWN): what its page's time is shared out by */
	replayTold = $derived.by(() => {
		const dated = this.answer?.tour.datedMeetings ?? 0;
		return dated - replayStart(dated);
	});
	pages = $derived(tourPages(this.answer?.tour ?? { meetings: 0, datedMeetings: 0, figures: 0, places: 0 }, this.params.pages));
}
