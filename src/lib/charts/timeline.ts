// The meeting timeline's geometry, free of the DOM: meetings -> time intervals -> lanes,
// hit-testing, brush-to-years and the level of detail of the axis. Tested in Node.
// Times are UTC milliseconds of civil dates, so the layout never depends on the viewer's time zone.
import { utcDay, utcFormat, utcMonth, utcWeek, utcYear, type TimeInterval } from 'd3';
import type { Meeting } from '../corpus/schema.ts';
import { meetingInterval, type MeetingInterval } from './meetingInterval.ts';

export { meetingInterval, periodEnd, periodStart, precisionOf, type MeetingInterval, type Precision } from './meetingInterval.ts';

export const DAY = 86_400_000;
const YEAR = 365.2425 * DAY;

/** A dated meeting as a half-open time interval [start, end). */
export interface TimelineItem extends MeetingInterval {
	meeting: Meeting;
}

export interface TimelineLayout {
	/** dated meetings in time order (start, then end, then id): the keyboard order too */
	items: TimelineItem[];
	/** meetings without a start date: no place on a time axis */
	undated: Meeting[];
	/** the longest interval, which bounds how far back a visible item can start */
	maxDuration: number;
}

/**
 * Splits meetings into drawable intervals in time order and the undated rest.
 * @example layoutTimeline(meetings).items[0].start
 */
export function layoutTimeline(meetings: readonly Meeting[]): TimelineLayout {
	const items: TimelineItem[] = [];
	const undated: Meeting[] = [];
	let maxDuration = 0;
	for (const meeting of meetings) {
		const iv = meetingInterval(meeting);
		if (!iv) {
			undated.push(meeting);
			continue;
		}
		items.push({ meeting, ...iv });
		maxDuration = Math.max(maxDuration, iv.end - iv.start);
	}
	items.sort((a, b) => a.start - b.start || a.end - b.end || (a.meeting.id < b.meeting.id ? -1 : a.meeting.id > b.meeting.id ? 1 : 0));
	return { items, undated, maxDuration };
}

export interface Lanes {
	/** lane of each item, by item index */
	lane: Int32Array;
	count: number;
	/** item indices of each lane, in time order: lanes never overlap, so this is sorted by start and by end */
	byLane: Int32Array[];
	/** the next item in the same lane, by item index; -1 for the last: how much room a label has */
	next: Int32Array;
}

/**
 * Intervals as the geometry reads them: an array of { start, end } objects, or the same as two
 * columns (the timeline's answer: typed arrays, no object per meeting; at 50,000 meetings the
 * objects alone cost the page's main thread ~10 ms to build and as much again in garbage collection).
 */
export type Intervals = readonly Pick<TimelineItem, 'start' | 'end'>[] | IntervalColumns;
export interface IntervalColumns {
	start: ArrayLike<number>;
	end: ArrayLike<number>;
}

/**
 * Intervals as columns: the answer's own arrays, or new ones read from objects.
 * @example intervalColumns([{ start: 0, end: 1 }]).end[0] // 1
 */
export function intervalColumns(items: Intervals): IntervalColumns {
	if (!Array.isArray(items)) return items as IntervalColumns;
	const list = items as readonly Pick<TimelineItem, 'start' | 'end'>[];
	const start = new Float64Array(list.length);
	const end = new Float64Array(list.length);
	for (let i = 0; i < list.length; i++) {
		start[i] = list[i]!.start;
		end[i] = list[i]!.end;
	}
	return { start, end };
}

/**
 * Greedy interval partitioning in O(n log n): each item (in start order) takes the lane that
 * freed up earliest, if it is free by then, else a new lane. `gap` keeps items in one lane apart
 * by at least that much time, so marks widened to a minimum pixel size do not touch.
 * @example packLanes(layout.items, 0).count // 2 for two overlapping meetings
 */
export function packLanes(items: Intervals, gap = 0): Lanes {
	const { start: starts, end: ends } = intervalColumns(items);
	const n = starts.length;
	const lane = new Int32Array(n);
	// Binary min-heap of lanes keyed by the time they are free again (ties: the lower lane), in
	// typed arrays that double when full: no allocation per item, and the comparison written out
	// where it is made (a page's first run of this loop is not yet optimised code).
	let heap = new Int32Array(64);
	let free = new Float64Array(64);
	let size = 0;
	let count = 0;
	for (let i = 0; i < n; i++) {
		const start = starts[i]!;
		const end = ends[i]!;
		const top = size > 0 ? heap[0]! : -1;
		if (top >= 0 && free[top]! <= start) {
			// The lane freed earliest takes the item; sift it down to its new place.
			lane[i] = top;
			const f = end + gap;
			free[top] = f;
			let at = 0;
			for (;;) {
				const l = 2 * at + 1;
				if (l >= size) break;
				// the lesser child (ties: the lower lane)
				let m = l;
				let hm = heap[l]!;
				let fm = free[hm]!;
				const r = l + 1;
				if (r < size) {
					const hr = heap[r]!;
					const fr = free[hr]!;
					if (fr < fm || (fr === fm && hr < hm)) {
						m = r;
						hm = hr;
						fm = fr;
					}
				}
				if (!(fm < f || (fm === f && hm < top))) break;
				heap[at] = hm;
				heap[m] = top;
				at = m;
			}
		} else {
			// A new lane; sift it up.
			if (count === free.length) {
				const f = new Float64Array(count * 2);
				f.set(free);
				free = f;
				const h = new Int32Array(count * 2);
				h.set(heap);
				heap = h;
			}
			const l = count++;
			lane[i] = l;
			const f = end + gap;
			free[l] = f;
			let at = size++;
			heap[at] = l;
			while (at > 0) {
				const parent = (at - 1) >> 1;
				const hp = heap[parent]!;
				const fp = free[hp]!;
				if (!(f < fp || (f === fp && l < hp))) break;
				heap[at] = hp;
				heap[parent] = l;
				at = parent;
			}
		}
	}
	const sizes = new Int32Array(count);
	for (let i = 0; i < n; i++) sizes[lane[i]!]!++;
	const byLane = Array.from(sizes, (k) => new Int32Array(k));
	const fill = new Int32Array(count);
	for (let i = 0; i < n; i++) byLane[lane[i]!]![fill[lane[i]!]!++] = i;
	const next = new Int32Array(n).fill(-1);
	for (const row of byLane) for (let k = 1; k < row.length; k++) next[row[k - 1]!] = row[k]!;
	return { lane, count, byLane, next };
}

export interface CappedLanes extends Lanes {
	/** items in the last lane that stand for "+N more": packed tighter than the rest, unlabelled; 0 when all fit */
	overflow: number;
}

/**
 * Lanes for a box with room for at most `maxLanes` rows: the first gap (room for a label) whose
 * packing fits, else the next (room for a mark only), else the tightest packing cut to
 * `maxLanes - 1` lanes with every item beyond them in one last lane of overlapping marks — the
 * "+N more" row — so hundreds of meetings never shrink the lanes below a readable height.
 * @example capLanes(items, [labelGap, markGap], 12).overflow // meetings in the "+N" row
 */
export function capLanes(items: Intervals, gaps: readonly number[], maxLanes: number): CappedLanes {
	const cap = Math.max(1, Math.floor(maxLanes));
	items = intervalColumns(items);
	let packed = packLanes(items, gaps[0] ?? 0);
	for (const gap of gaps.slice(1)) {
		if (packed.count <= cap) break;
		packed = packLanes(items, gap);
	}
	if (packed.count <= cap) return { ...packed, overflow: 0 };
	const last = cap - 1;
	const lane = packed.lane;
	const next = packed.next;
	let overflow = 0;
	for (let i = 0; i < lane.length; i++) {
		if (lane[i]! < last) continue;
		lane[i] = last;
		next[i] = -1;
		overflow++;
	}
	const byLane = packed.byLane.slice(0, cap);
	// Items are in start order, so the last lane's list is too (its marks may overlap).
	const rest = new Int32Array(overflow);
	for (let i = 0, k = 0; i < lane.length; i++) if (lane[i] === last) rest[k++] = i;
	byLane[last] = rest;
	return { lane, count: cap, byLane, next, overflow };
}

/**
 * The item at time `t` in lane `laneIndex`, within `tolerance` (in time units, for marks drawn
 * wider than their interval); -1 if none. O(log n) by binary search within the lane.
 * @example hitTest(items, lanes, x.invert(px), laneAtY, 3 / pxPerMs)
 */
export function hitTest(
	items: Intervals,
	lanes: Pick<Lanes, 'byLane'>,
	t: number,
	laneIndex: number,
	tolerance = 0
): number {
	const row = lanes.byLane[laneIndex];
	if (!row || row.length === 0) return -1;
	// (objects are read into columns here: fine for the few a test or the big screen has)
	const { start: starts, end: ends } = intervalColumns(items);
	// Last item in the lane starting at or before t + tolerance; its predecessors end earlier still.
	let lo = 0;
	let hi = row.length - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (starts[row[mid]!]! - tolerance <= t) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	let best = -1;
	let bestDistance = Infinity;
	for (const k of [found, found + 1]) {
		const i = row[k];
		if (i == null) continue;
		const start = starts[i]!;
		const end = ends[i]!;
		// The end is exclusive: a point exactly on it is outside, at distance zero, hit only with a tolerance.
		const inside = start <= t && t < end;
		const distance = inside ? 0 : t < start ? start - t : t - end;
		if ((inside || distance < tolerance) && distance < bestDistance) [best, bestDistance] = [i, distance];
	}
	return best;
}


/**
 * Indices [from, to) of the time-ordered items that may intersect [t0, t1): items start no earlier
 * than `maxDuration` before t0. The caller still checks each item's end.
 * @example visibleSpan(layout.items, t0, t1, layout.maxDuration)
 */
export function visibleSpan(items: readonly Pick<TimelineItem, 'start'>[] | Pick<IntervalColumns, 'start'>, t0: number, t1: number, maxDuration: number): [number, number] {
	const starts = Array.isArray(items) ? (items as readonly Pick<TimelineItem, 'start'>[]).map((d) => d.start) : (items as IntervalColumns).start;
	return [firstAtOrAfter(starts, t0 - maxDuration), firstAtOrAfter(starts, t1)];
}

/** The first index whose value is at or after t in ascending values (their length if none). */
function firstAtOrAfter(values: ArrayLike<number>, t: number): number {
	let lo = 0;
	let hi = values.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (values[mid]! < t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * The whole years a brushed time range touches, in either drag direction; the end is exclusive,
 * so a brush ending exactly on 1 January does not take in that new year.
 * @example yearsOfRange(Date.UTC(2021, 5), Date.UTC(2023, 0, 1)) // { from: 2021, to: 2022 }
 */
export function yearsOfRange(t0: number, t1: number): { from: number; to: number } {
	const [a, b] = t0 <= t1 ? [t0, t1] : [t1, t0];
	const from = new Date(a).getUTCFullYear();
	return { from, to: Math.max(from, new Date(b - 1).getUTCFullYear()) };
}

/**
 * The whole years a brushed pixel range covers on a time scale.
 * @example brushToYears([120, 480], x) // { from: 2021, to: 2022 }
 */
export function brushToYears([x0, x1]: readonly [number, number], scale: { invert(x: number): Date | number }): { from: number; to: number } {
	return yearsOfRange(+scale.invert(x0), +scale.invert(x1));
}

/**
 * The time domain to show: the active year filter when set, else the meetings' extent padded by
 * 5%, at least a month wide; the current year when there is nothing to show.
 * @example timelineDomain(items, { from: 2023, to: 2023 }) // [Date.UTC(2023, 0, 1), Date.UTC(2024, 0, 1)]
 */
export function timelineDomain(
	items: Intervals,
	years: { from: number | null; to: number | null } = { from: null, to: null },
	now = Date.now()
): [number, number] {
	let lo = Infinity;
	let hi = -Infinity;
	const { start: starts, end: ends } = intervalColumns(items);
	for (let i = 0; i < starts.length; i++) {
		if (starts[i]! < lo) lo = starts[i]!;
		if (ends[i]! > hi) hi = ends[i]!;
	}
	if (years.from != null) lo = Date.UTC(years.from, 0, 1);
	if (years.to != null) hi = Date.UTC(years.to + 1, 0, 1);
	if (!(lo < hi)) {
		const y = new Date(Number.isFinite(lo) ? lo : now).getUTCFullYear();
		return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
	}
	if (years.from != null && years.to != null) return [lo, hi];
	const pad = Math.max((hi - lo) * 0.05, (30 * DAY - (hi - lo)) / 2, 0);
	return [lo - pad, hi + pad];
}

export interface ZoomLimits {
	/** [zoomed out, zoomed in] scale factors relative to the domain fitted to the width */
	scaleExtent: [number, number];
	/** the time span one can pan over */
	world: [number, number];
}

/**
 * How far one may zoom: out to a few decades around the data (at least `widest`), in until about
 * `narrowest` fills the view.
 * @example zoomLimits([Date.UTC(2023, 0, 1), Date.UTC(2024, 0, 1)]).scaleExtent // [1/40, ~52]
 */
export function zoomLimits(domain: readonly [number, number], { widest = 40 * YEAR, narrowest = 7 * DAY } = {}): ZoomLimits {
	const span = domain[1] - domain[0];
	const worldSpan = Math.max(span, widest);
	const mid = (domain[0] + domain[1]) / 2;
	return { scaleExtent: [span / worldSpan, Math.max(1, span / narrowest)], world: [mid - worldSpan / 2, mid + worldSpan / 2] };
}

export type TickLevel = 'decade' | 'year' | 'quarter' | 'month' | 'week' | 'day';

const LEVELS: { level: TickLevel; every: number }[] = [
	{ level: 'day', every: DAY },
	{ level: 'week', every: 7 * DAY },
	{ level: 'month', every: YEAR / 12 },
	{ level: 'quarter', every: YEAR / 4 },
	{ level: 'year', every: YEAR },
	{ level: 'decade', every: 10 * YEAR }
];

/**
 * The finest tick level whose ticks stay at least `minSpacing` pixels apart: decades when zoomed
 * out over a century, days when a day is wide enough to be labelled.
 * @example tickLevel(1000 / (10 * YEAR), 80) // 'year'
 */
export function tickLevel(pxPerMs: number, minSpacing = 72): TickLevel {
	for (const { level, every } of LEVELS) if (every * pxPerMs >= minSpacing) return level;
	return 'decade';
}

/** A year narrower than this gets no tick of its own: decades instead. */
const MIN_YEAR_TICK_PX = 4;

export interface AxisTicks {
	level: TickLevel;
	/** tick instants, with whether each carries a label */
	ticks: { t: number; label: boolean }[];
}

/**
 * The ticks of a time axis: at least one per year wherever a year is a few pixels wide, so a
 * span of decades still shows every year, with labels thinned to every 2, 5, 10… years to stay
 * `minSpacing` pixels apart (finer levels label every tick, as tickLevel spaces them).
 * @example axisTicks(1300 / (30 * YEAR), t0, t1, 72).ticks.filter((t) => t.label) // every other year
 */
export function axisTicks(pxPerMs: number, t0: number, t1: number, minSpacing = 72): AxisTicks {
	let level = tickLevel(pxPerMs, minSpacing);
	if (level === 'decade' && YEAR * pxPerMs >= MIN_YEAR_TICK_PX) level = 'year';
	const ticks = ticksAt(level, t0, t1);
	if (level !== 'year' && level !== 'decade') return { level, ticks: ticks.map((t) => ({ t, label: true })) };
	const unit = level === 'year' ? 1 : 10;
	const step = [1, 2, 5, 10, 20, 50, 100, 200, 500].map((k) => k * unit).find((k) => k * YEAR * pxPerMs >= minSpacing) ?? 1000;
	return { level, ticks: ticks.map((t) => ({ t, label: new Date(t).getUTCFullYear() % step === 0 })) };
}

const INTERVALS: Record<TickLevel, TimeInterval> = {
	decade: utcYear.every(10)!,
	year: utcYear,
	quarter: utcMonth.every(3)!,
	month: utcMonth,
	week: utcWeek,
	day: utcDay
};

/**
 * Tick instants of a level over a time range, inclusive.
 * @example ticksAt('year', Date.UTC(2021, 0, 1), Date.UTC(2023, 0, 1)) // three 1 Januaries
 */
export function ticksAt(level: TickLevel, t0: number, t1: number): number[] {
	return INTERVALS[level].range(new Date(t0), new Date(t1 + 1)).map(Number);
}

const EN = { month: utcFormat('%b'), week: utcFormat('%b %-d'), day: utcFormat('%-d'), full: utcFormat('%b %-d, %Y'), monthYear: utcFormat('%b %Y') };

/**
 * A tick label that names only what changes at that tick: the year on 1 January, the month on
 * its first day, else the day; week ticks (which rarely fall on the 1st) carry their month.
 * The first tick can carry the full context, so a zoomed-in axis still says which year it shows.
 * @example formatTick(Date.UTC(2023, 4, 29), 'day', 'zh-CN') // '29日'
 */
export function formatTick(t: number, level: TickLevel, locale: string, withContext = false): string {
	const d = new Date(t);
	const y = d.getUTCFullYear();
	const m = d.getUTCMonth() + 1;
	const zh = !locale.startsWith('en');
	if (level === 'decade' || level === 'year' || (m === 1 && d.getUTCDate() === 1)) return zh ? `${y}年` : String(y);
	if (withContext) {
		if (level === 'month' || level === 'quarter') return zh ? `${y}年${m}月` : EN.monthYear(d);
		return zh ? `${y}年${m}月${d.getUTCDate()}日` : EN.full(d);
	}
	if (level === 'month' || level === 'quarter' || d.getUTCDate() === 1) return zh ? `${m}月` : EN.month(d);
	if (level === 'week') return zh ? `${m}月${d.getUTCDate()}日` : EN.week(d);
	return zh ? `${d.getUTCDate()}日` : EN.day(d);
}

/**
 * A UTC instant as the YYYY-MM-DD date it falls on, for the shared date formatters.
 * @example isoDay(Date.UTC(2023, 4, 29, 12)) // '2023-05-29'
 */
export const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);
