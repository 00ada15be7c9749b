// The meeting replay: the meetings in the order they were held, each with where it lights up on
// the map, the running counters up to it, and the document it is cited from.
import type { CorpusDocument, Meeting, Review } from '../corpus/schema.ts';
import { coordinates, division, provinceOf } from '../geo/gazetteer.ts';
import { meetingInterval } from '../charts/timeline.ts';
import { venueCode } from '../query/facts.ts';
import { documentTitle } from '../query/names.ts';
import { factReview } from '../query/review.ts';
import type { Qualifier } from '../extract/types.ts';

export interface ReplaySource {
	docId: string;
	/** the document's title, else its file name */
	title: string;
	publishedAt: string | null;
}

export interface ReplayStep {
	meeting: Meeting;
	/** the most precise venue code, and its point on the map when the gazetteer places it */
	venue: string | null;
	venueName: string | null;
	coord: [number, number] | null;
	/** the first document reporting the meeting */
	source: ReplaySource | null;
	/** what a reviewer did to the meeting (or its fully reviewed document), cited with the source */
	review: Review | null;
	/** counters up to and including this meeting; attendees null while no meeting so far reported any */
	totals: { meetings: number; venues: number; provinces: number; attendees: number | null; attendeesQualifier: Qualifier };
}

/**
 * The qualifier of a sum: exact when every part is; the parts' own when they share one (近 100 and
 * 近 200 make 近 300, and 余 stays 余 with exact parts); 约 when hedges differ (近 and 余 pull
 * opposite ways, so the sum is only about right).
 * @example sumQualifier(['exact', 'nearly']) // 'nearly'
 */
export function sumQualifier(qualifiers: Iterable<Qualifier | null>): Qualifier {
	const hedges = new Set<Qualifier>();
	for (const q of qualifiers) if (q && q !== 'exact') hedges.add(q);
	return hedges.size === 0 ? 'exact' : hedges.size === 1 ? [...hedges][0]! : 'about';
}

/**
 * The dated meetings in time order (start, then end, then id, as on the timeline), each with the
 * counters so far. Undated meetings cannot be placed in a sequence and are left out.
 * @example replaySteps(meetings, docById).map((s) => s.meeting.startDate) // ['2021-03-30', '2023', '2023-05-29']
 */
export function replaySteps(meetings: readonly Meeting[], docById: ReadonlyMap<string, CorpusDocument>): ReplayStep[] {
	const dated = meetings.flatMap((m) => {
		const iv = meetingInterval(m);
		return iv ? [{ m, ...iv }] : [];
	});
	dated.sort((a, b) => a.start - b.start || a.end - b.end || (a.m.id < b.m.id ? -1 : a.m.id > b.m.id ? 1 : 0));
	const venues = new Set<string>();
	const provinces = new Set<string>();
	let attendees: number | null = null;
	const hedges: Qualifier[] = [];
	return dated.map(({ m }, i) => {
		const venue = venueCode(m);
		if (venue) {
			venues.add(venue);
			const p = provinceOf(venue);
			if (p) provinces.add(p.code);
		}
		if (m.attendees != null) {
			attendees = (attendees ?? 0) + m.attendees;
			hedges.push(m.attendeesQualifier ?? 'exact');
		}
		const doc = m.docIds.map((id) => docById.get(id)).find((d) => d != null);
		return {
			meeting: m,
			venue,
			venueName: venue ? (division(venue)?.name ?? null) : null,
			coord: venue ? (coordinates(venue) ?? null) : null,
			source: doc ? { docId: doc.id, title: documentTitle(doc), publishedAt: doc.publishedAt } : null,
			review: factReview(m, docById),
			totals: { meetings: i + 1, venues: venues.size, provinces: provinces.size, attendees, attendeesQualifier: sumQualifier(hedges) }
		};
	});
}
