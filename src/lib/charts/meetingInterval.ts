// A meeting's date as the time interval it honestly covers, free of d3 and the DOM: the timeline
// chart lays these out (timeline.ts) and the query engine computes them once per corpus read
// (query/timelineAnswer.ts). Times are UTC milliseconds of civil dates, whatever the viewer's time zone.
import type { Meeting } from '../corpus/schema.ts';

export type Precision = 'day' | 'month' | 'year';

/** A half-open time interval [start, end) and how precisely its dates are known. */
export interface MeetingInterval {
	start: number;
	end: number;
	/** the coarser of what the record declares and what its dates spell out */
	precision: Precision;
}

const RANK: Record<Precision, number> = { day: 0, month: 1, year: 2 };

/** The precision a date string spells out: YYYY → year, YYYY-MM → month, YYYY-MM-DD → day. */
export function precisionOf(iso: string): Precision {
	return iso.length >= 10 ? 'day' : iso.length >= 7 ? 'month' : 'year';
}

/**
 * The first instant of the period a date string names.
 * @example periodStart('2023-05') // Date.UTC(2023, 4, 1)
 */
export function periodStart(iso: string): number {
	const [y, m, d] = iso.split('-').map(Number) as [number, number?, number?];
	return Date.UTC(y, (m ?? 1) - 1, d ?? 1);
}

/**
 * The instant just after the period a date string names: a day, a month or a whole year.
 * @example periodEnd('2023') // Date.UTC(2024, 0, 1)
 */
export function periodEnd(iso: string): number {
	const [y, m, d] = iso.split('-').map(Number) as [number, number?, number?];
	if (d != null) return Date.UTC(y, m! - 1, d + 1);
	if (m != null) return Date.UTC(y, m, 1);
	return Date.UTC(y + 1, 0, 1);
}

/**
 * A meeting as the interval it honestly covers: every day of a day-precision meeting, the whole
 * month or year when only that is known. Null for a meeting without a start date.
 * @example meetingInterval(m) // { start: Date.UTC(2023, 4, 29), end: Date.UTC(2023, 5, 1), precision: 'day' }
 */
export function meetingInterval(m: Pick<Meeting, 'startDate' | 'endDate' | 'datePrecision'>): MeetingInterval | null {
	if (!m.startDate) return null;
	const declared: Precision = m.datePrecision ?? 'day';
	const spelled = [m.startDate, m.endDate].filter((d): d is string => d != null).map(precisionOf);
	const precision = [declared, ...spelled].reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
	const start = periodStart(m.startDate);
	const end = m.endDate ? periodEnd(m.endDate) : periodEnd(m.startDate);
	// An end before the start is an extraction slip: keep the start's own period rather than draw nothing.
	return { start, end: end > start ? end : periodEnd(m.startDate), precision };
}
