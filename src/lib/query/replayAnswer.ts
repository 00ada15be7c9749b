// The big screen's replay (engine.ts's `replay` request, issue 17): what the replay page draws for
// one filter state — the meetings it tells (the latest REPLAY_SHOWN dated ones, each with its
// counters so far, its source and its review), the map's areas after each of them, and the venues
// lit so far — computed where the records are (the facts worker, or the page's engine in memory)
// instead of from every record read into the page. The earlier meetings are not told: they start
// lit and counted. Each number is the former in-page computation's (replay.ts's replaySteps over
// the filtered meetings, ScreenMap's mapModel of the meetings lit so far, screenMapOption's venues):
// replayAnswer.spec.ts compares them.
import type { Meeting } from '../corpus/schema.ts';
import type { Qualifier } from '../extract/types.ts';
import { coordinates, division, provinceOf } from '../geo/gazetteer.ts';
import { areaOf, mapAreaCodes } from '../geo/mapAreas.ts';
import type { Filters } from '../state/filters.ts';
import { columnsOf, filterMasks } from './columns.ts';
import { filterFacts, venueCode, type Facts } from './facts.ts';
import { mapFilters } from './mapAnswer.ts';
import { documentTitle } from './names.ts';
import { datedOrder } from './timelineAnswer.ts';
import { factReview } from './review.ts';
import type { ReplayStep } from '../screen/replay.ts';
import { meetingSources, type FigureSource } from '../screen/widgets.ts';

export interface ReplayRequest {
	type: 'replay';
	filters: Filters;
	/** meetings told, the latest (REPLAY_SHOWN) */
	told: number;
}

/** A told meeting: its replay step, with its first sources (the presenter view quotes them). */
export type ReplayToldStep = ReplayStep & { sources: FigureSource[] };

/** A venue lit on the map: its name, its point, and the step that first lights it. */
export interface ReplayVenue {
	name: string;
	coord: [number, number];
	step: number;
}

export interface ReplayAnswer {
	/** the replay's steps: the dated meetings (step `steps` is the closing frame) */
	steps: number;
	/** the first step told (replayStart): the earlier ones start lit and counted */
	first: number;
	/** the told steps: told[i] is step first + i */
	told: ReplayToldStep[];
	/** the map the replay colours ('china' or a province's code) and its areas' codes */
	map: string;
	areas: string[];
	/**
	 * the areas' values (meetings held there; null where nothing of the filters names the area) with
	 * the first `first + i` meetings lit, aligned with `areas`: values[i + 1] while step first + i is told
	 */
	values: (number | null)[][];
	/** each venue with a point, once, in the order the steps first light them */
	venues: ReplayVenue[];
}

/** The qualifier of a sum of parts with these hedges (sumQualifier of replay.ts, over the set of hedges seen). */
const qualifierOf = (hedges: ReadonlySet<Qualifier>): Qualifier => (hedges.size === 0 ? 'exact' : hedges.size === 1 ? [...hedges][0]! : 'about');

/**
 * The replay page's steps told, map and venues for one filter state.
 * @example replayAnswer(facts, { type: 'replay', filters: NO_FILTERS, told: 30 }).told.at(-1)?.totals.meetings
 */
export function replayAnswer(facts: Facts, r: ReplayRequest): ReplayAnswer {
	const docById = columnsOf(facts).docById;
	// the dated meetings of the filters in time order, as replaySteps orders them (the timeline's order of the read)
	const kept = filterMasks(facts, r.filters).meetings;
	const meetings: Meeting[] = [];
	for (const i of datedOrder(facts)) if (kept[i]) meetings.push(facts.meetings[i]!);
	const first = Math.max(0, meetings.length - r.told);

	// The map: the areas of the map the region filter shows, covered by what the filters (the region
	// widened to the map's province) name, and by the meetings lit so far; valued by the meetings held there.
	const { map, filters: widened } = mapFilters(r.filters);
	const areas = [...(mapAreaCodes(map) ?? [])];
	const areaSet = new Set(areas);
	const areaCache = new Map<string, string | null>();
	const area = (code: string | null | undefined): string | null => {
		if (!code) return null;
		let a = areaCache.get(code);
		if (a === undefined) areaCache.set(code, (a = areaOf(code, areaSet)));
		return a;
	};
	const covered = new Set<string>();
	const base = filterFacts(facts, widened);
	for (const p of base.places) {
		const a = area(p.adcode);
		if (a) covered.add(a);
	}
	for (const d of base.documents) {
		const a = area(d.regionCode);
		if (a) covered.add(a);
	}
	const sums = new Map<string, number>();
	const light = (m: Meeting, venue: string | null) => {
		const a = area(venue);
		if (a) {
			covered.add(a);
			sums.set(a, (sums.get(a) ?? 0) + 1);
		}
		for (const c of m.participantCodes) {
			const p = area(c);
			if (p) covered.add(p);
		}
	};
	const snapshot = () => areas.map((a) => (covered.has(a) ? (sums.get(a) ?? 0) : null));

	// The counters so far, each meeting's step; the told ones in full.
	const venues = new Set<string>();
	const provinces = new Set<string>();
	const lit: ReplayVenue[] = [];
	const hedges = new Set<Qualifier>();
	let attendees: number | null = null;
	const told: ReplayToldStep[] = [];
	const values: (number | null)[][] = [];
	for (let i = 0; i < meetings.length; i++) {
		if (i === first) values.push(snapshot());
		const m = meetings[i]!;
		const venue = venueCode(m);
		if (venue && !venues.has(venue)) {
			venues.add(venue);
			const p = provinceOf(venue);
			if (p) provinces.add(p.code);
			const coord = coordinates(venue);
			if (coord) lit.push({ name: division(venue)?.name ?? '', coord, step: i });
		}
		if (m.attendees != null) {
			attendees = (attendees ?? 0) + m.attendees;
			const q = m.attendeesQualifier ?? 'exact';
			if (q !== 'exact') hedges.add(q);
		}
		light(m, venue);
		if (i < first) continue;
		const doc = m.docIds.map((id) => docById.get(id)).find((d) => d != null);
		told.push({
			meeting: m,
			venue,
			venueName: venue ? (division(venue)?.name ?? null) : null,
			coord: venue ? (coordinates(venue) ?? null) : null,
			source: doc ? { docId: doc.id, title: documentTitle(doc), publishedAt: doc.publishedAt } : null,
			review: factReview(m, docById),
			totals: { meetings: i + 1, venues: venues.size, provinces: provinces.size, attendees, attendeesQualifier: qualifierOf(hedges) },
			sources: meetingSources(m, docById)
		});
		values.push(snapshot());
	}
	if (meetings.length === 0) values.push(snapshot());
	return { steps: meetings.length, first, told, map, areas, values, venues: lit };
}

/** What the replay draws at one step: the step on show, the map's values, the venues lit before it. */
export interface ReplayFrame {
	/** the step on show (the last told on the closing frame), null when there is none */
	step: ReplayToldStep | null;
	/** the areas' values with the meetings up to the step lit, aligned with the answer's `areas` */
	values: (number | null)[];
	/** the venues lit by earlier steps (the step's own venue is drawn apart, unless lit before) */
	past: ReplayVenue[];
}

/**
 * The replay's frame at step `at` (first … steps; steps is the closing frame: the last told, every venue lit).
 * @example replayFrame(answer, answer.first).step?.totals.meetings // answer.first + 1
 */
export function replayFrame(a: ReplayAnswer, at: number): ReplayFrame {
	const shown = Math.max(a.first, Math.min(at, a.steps - 1));
	const step = a.told[shown - a.first] ?? null;
	const values = a.values[Math.min(a.values.length - 1, step ? shown - a.first + 1 : 0)] ?? [];
	return { step, values, past: a.venues.filter((v) => v.step < shown) };
}
