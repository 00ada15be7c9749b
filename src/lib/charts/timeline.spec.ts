import { scaleUtc } from 'd3';
import { describe, expect, test } from 'vitest';
import type { Meeting } from '../corpus/schema.ts';
import {
	brushToYears,
	DAY,
	formatTick,
	hitTest,
	isoDay,
	layoutTimeline,
	meetingInterval,
	packLanes,
	capLanes,
	axisTicks,
	tickLevel,
	ticksAt,
	timelineDomain,
	visibleSpan,
	yearsOfRange,
	zoomLimits
} from './timeline.ts';

const u = (y: number, m = 1, d = 1) => Date.UTC(y, m - 1, d);
const YEAR = 365.2425 * DAY;

function meeting(id: string, startDate: string | null, endDate: string | null = startDate, datePrecision: Meeting['datePrecision'] = null): Meeting {
	return {
		id,
		name: `会议${id}`,
		startDate,
		endDate,
		datePrecision: datePrecision ?? (startDate ? (startDate.length === 10 ? 'day' : startDate.length === 7 ? 'month' : 'year') : null),
		province: null,
		provinceCode: null,
		city: null,
		cityCode: null,
		county: null,
		countyCode: null,
		attendees: null,
		attendeesQualifier: null,
		participantCodes: [],
		docIds: [`doc-${id}`],
		evidence: []
	};
}

/** A seeded linear congruential generator: the same "random" meetings on every run. */
function seeded(seed: number) {
	let s = seed >>> 0;
	return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function syntheticMeetings(n: number, seed = 7): Meeting[] {
	const rnd = seeded(seed);
	const pad = (x: number) => String(x).padStart(2, '0');
	return Array.from({ length: n }, (_, i) => {
		const y = 2010 + Math.floor(rnd() * 15);
		const m = 1 + Math.floor(rnd() * 12);
		const d = 1 + Math.floor(rnd() * 28);
		const kind = rnd();
		if (kind < 0.1) return meeting(String(i), String(y));
		if (kind < 0.25) return meeting(String(i), `${y}-${pad(m)}`);
		const len = Math.floor(rnd() * 4);
		return meeting(String(i), `${y}-${pad(m)}-${pad(d)}`, `${y}-${pad(m)}-${pad(d + len)}`);
	});
}

describe('meetingInterval', () => {
	test.each([
		['a day-precision meeting spans its days, the last one included', meeting('a', '2023-05-29', '2023-05-31'), u(2023, 5, 29), u(2023, 6, 1), 'day'],
		['a one-day meeting spans that day', meeting('b', '2021-03-30'), u(2021, 3, 30), u(2021, 3, 31), 'day'],
		['a month-precision meeting spans the whole month', meeting('c', '2023-02'), u(2023, 2), u(2023, 3), 'month'],
		['a December meeting ends at the new year', meeting('d', '2022-12'), u(2022, 12), u(2023, 1), 'month'],
		['a year-only meeting spans the whole year', meeting('e', '2023'), u(2023), u(2024), 'year'],
		['a meeting without an end date covers its start period', meeting('f', '2023-05-29', null), u(2023, 5, 29), u(2023, 5, 30), 'day'],
		['an end before the start falls back to the start period', meeting('g', '2023-05-29', '2023-05-01'), u(2023, 5, 29), u(2023, 5, 30), 'day'],
		['a declared day precision with a year-only date is drawn as a year', meeting('h', '2023', '2023', 'day'), u(2023), u(2024), 'year'],
		['a declared year precision wins over day dates', meeting('i', '2023-05-29', '2023-05-29', 'year'), u(2023, 5, 29), u(2023, 5, 30), 'year']
	])('%s', (_, m, start, end, precision) => {
		expect(meetingInterval(m)).toEqual({ start, end, precision });
	});

	test('gives no interval to a meeting without a start date', () => {
		expect(meetingInterval(meeting('x', null))).toBeNull();
	});
});

describe('layoutTimeline', () => {
	test('orders dated meetings by start, then end, then id, and keeps undated ones apart', () => {
		const layout = layoutTimeline([meeting('3', '2023'), meeting('2', '2023-05-29', '2023-05-31'), meeting('1', null), meeting('0', '2023-05-29')]);
		expect(layout.items.map((i) => i.meeting.id)).toEqual(['3', '0', '2']);
		expect(layout.undated.map((m) => m.id)).toEqual(['1']);
		expect(layout.maxDuration).toBe(u(2024) - u(2023));
	});

	test('lays out nothing for no meetings', () => {
		expect(layoutTimeline([])).toEqual({ items: [], undated: [], maxDuration: 0 });
	});
});

describe('capLanes', () => {
	const iv = (start: number, end: number) => ({ start, end });
	// Three hundred meetings on the same days: one lane each, uncapped.
	const many = Array.from({ length: 300 }, () => iv(0, 5));
	test.each([
		['fits with room for labels', [iv(0, 1), iv(2, 3)], [1, 0], 5, 1, 0],
		['falls back to the tighter gap', [iv(0, 1), iv(2, 3)], [5, 0], 1, 1, 0],
		['puts the rest in a last "+N more" lane', many, [0], 10, 10, 291]
	] as const)('%s', (_, items, gaps, max, count, overflow) => {
		const lanes = capLanes(items, gaps, max);
		expect(lanes.count).toBe(count);
		expect(lanes.overflow).toBe(overflow);
		expect(lanes.byLane.reduce((n, l) => n + l.length, 0)).toBe(items.length);
		expect([...lanes.lane].every((l) => l >= 0 && l < count)).toBe(true);
		// The overflow lane carries no labels.
		if (overflow) for (const i of lanes.byLane[count - 1]!) expect(lanes.next[i]).toBe(-1);
	});
});

/** The former packLanes and capLanes (object per item, a comparison closure): the oracle for the column versions. */
function formerCapLanes(items: readonly { start: number; end: number }[], gap: number, cap: number) {
	const n = items.length;
	const lane = new Int32Array(n);
	let heap = new Int32Array(64);
	let free = new Float64Array(64);
	let size = 0;
	let count = 0;
	const less = (a: number, b: number) => free[a]! < free[b]! || (free[a] === free[b] && a < b);
	for (let i = 0; i < n; i++) {
		const { start, end } = items[i]!;
		if (size > 0 && free[heap[0]!]! <= start) {
			const top = heap[0]!;
			lane[i] = top;
			free[top] = end + gap;
			let at = 0;
			for (;;) {
				const l = 2 * at + 1;
				const r = l + 1;
				let m = at;
				if (l < size && less(heap[l]!, heap[m]!)) m = l;
				if (r < size && less(heap[r]!, heap[m]!)) m = r;
				if (m === at) break;
				heap[at] = heap[m]!;
				heap[m] = top;
				at = m;
			}
		} else {
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
			free[l] = end + gap;
			let at = size++;
			heap[at] = l;
			while (at > 0) {
				const parent = (at - 1) >> 1;
				if (!less(l, heap[parent]!)) break;
				heap[at] = heap[parent]!;
				heap[parent] = l;
				at = parent;
			}
		}
	}
	return { lane: [...lane].map((l) => (count > cap ? Math.min(l, cap - 1) : l)), count: Math.min(count, cap) };
}

describe('lanes from columns', () => {
	// Random meetings in time order, many on the same days (ties in start, end and free time).
	let seed = 7;
	const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	const items = Array.from({ length: 3000 }, () => {
		const start = Math.floor(rand() * 400) * DAY;
		return { start, end: start + (rand() < 0.2 ? 365 : rand() < 0.5 ? 30 : 1) * DAY };
	}).sort((a, b) => a.start - b.start || a.end - b.end);
	const columns = { start: Float64Array.from(items, (d) => d.start), end: Float64Array.from(items, (d) => d.end) };
	test.each([
		[0, 1000],
		[3 * DAY, 1000],
		[3 * DAY, 19],
		[-DAY, 5]
	])('gap %d, at most %d lanes: the former packing, from objects or columns', (gap, cap) => {
		const former = formerCapLanes(items, gap, cap);
		for (const input of [items, columns]) {
			const lanes = capLanes(input, [gap], cap);
			expect(lanes.count).toBe(former.count);
			expect([...lanes.lane]).toEqual(former.lane);
		}
	});
	test('visibleSpan, timelineDomain and hitTest read columns as they read objects', () => {
		const lanes = capLanes(items, [0], 50);
		for (const t of [0, 100 * DAY, 399.5 * DAY, 1000 * DAY]) {
			expect(visibleSpan(columns, t, t + 30 * DAY, 365 * DAY)).toEqual(visibleSpan(items, t, t + 30 * DAY, 365 * DAY));
			for (const l of [0, 3, 49]) expect(hitTest(columns, lanes, t, l, DAY)).toBe(hitTest(items, lanes, t, l, DAY));
		}
		expect(timelineDomain(columns)).toEqual(timelineDomain(items));
	});
});

describe('packLanes', () => {
	const iv = (start: number, end: number) => ({ start, end });
	test.each([
		['puts disjoint intervals in one lane', [iv(0, 2), iv(2, 4), iv(5, 6)], 0, [0, 0, 0], 1],
		['stacks overlapping intervals in separate lanes', [iv(0, 10), iv(1, 3), iv(2, 4)], 0, [0, 1, 2], 3],
		['reuses the lane that freed up earliest', [iv(0, 10), iv(1, 3), iv(4, 12), iv(11, 13)], 0, [0, 1, 1, 0], 2],
		['keeps a gap between neighbours in a lane', [iv(0, 2), iv(3, 4)], 2, [0, 1], 2],
		['allows touching neighbours once the gap is met', [iv(0, 2), iv(4, 5)], 2, [0, 0], 1],
		['packs nothing into no lanes', [], 0, [], 0]
	])('%s', (_, items, gap, lanes, count) => {
		const packed = packLanes(items, gap);
		expect(Array.from(packed.lane)).toEqual(lanes);
		expect(packed.count).toBe(count);
	});

	test('lists each lane in time order and links each item to the next in its lane', () => {
		const packed = packLanes([iv(0, 10), iv(1, 3), iv(4, 12), iv(11, 13)]);
		expect(packed.byLane.map((r) => Array.from(r))).toEqual([
			[0, 3],
			[1, 2]
		]);
		expect(Array.from(packed.next)).toEqual([3, 2, -1, -1]);
	});

	test('never lets two intervals of a lane overlap, at 10,000 meetings, using as few lanes as the deepest overlap', () => {
		const { items } = layoutTimeline(syntheticMeetings(10_000));
		const packed = packLanes(items, DAY);
		for (const row of packed.byLane)
			for (let k = 1; k < row.length; k++) expect(items[row[k]!]!.start).toBeGreaterThanOrEqual(items[row[k - 1]!]!.end + DAY);
		// Greedy partitioning is optimal: lanes = the most gap-widened intervals alive at one instant.
		const events = items.flatMap((i) => [
			[i.start, 1],
			[i.end + DAY, -1]
		]);
		events.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
		let depth = 0;
		let deepest = 0;
		for (const [, delta] of events) deepest = Math.max(deepest, (depth += delta!));
		expect(packed.count).toBe(deepest);
		// Its speed is measured by npm run bench:views (the timeline's load at 10k), not timed here.
	}, 30_000);
});

describe('hitTest', () => {
	const items = [
		{ start: 0, end: 10 },
		{ start: 2, end: 4 },
		{ start: 20, end: 30 },
		{ start: 12, end: 14 }
	].sort((a, b) => a.start - b.start);
	const lanes = packLanes(items);
	test.each([
		['finds the interval under the point', 5, 0, 0, 0],
		['finds the interval in the lane asked for', 3, 1, 0, 1],
		['misses between intervals', 16, 1, 0, -1],
		['finds a narrow mark within the tolerance', 15, 1, 2, 2],
		['prefers the nearer of two neighbours', 18, 0, 5, 3],
		['misses in a lane that does not exist', 5, 7, 0, -1],
		['treats the end as exclusive', 10, 0, 0, -1]
	])('%s', (_, t, lane, tolerance, expected) => {
		expect(hitTest(items, lanes, t, lane, tolerance)).toBe(expected);
	});

	test('agrees with a linear scan on 10,000 meetings', () => {
		const { items: big } = layoutTimeline(syntheticMeetings(10_000, 11));
		const packed = packLanes(big, DAY);
		const rnd = seeded(3);
		const [lo, hi] = timelineDomain(big);
		for (let q = 0; q < 500; q++) {
			const t = lo + rnd() * (hi - lo);
			const lane = Math.floor(rnd() * packed.count);
			const linear = big.findIndex((it, i) => packed.lane[i] === lane && it.start <= t && t < it.end);
			expect(hitTest(big, packed, t, lane)).toBe(linear);
		}
	});
});

describe('visibleSpan', () => {
	const items = [{ start: 0 }, { start: 5 }, { start: 10 }, { start: 15 }];
	test.each([
		['takes the items starting inside the window', 6, 14, 0, [2, 3]],
		['reaches back by the longest duration for items begun earlier', 6, 14, 3, [1, 3]],
		['takes none when the window lies after every item', 20, 30, 0, [4, 4]],
		['takes none when the window lies before every item', -10, -5, 0, [0, 0]]
	])('%s', (_, t0, t1, maxDuration, span) => {
		expect(visibleSpan(items, t0, t1, maxDuration)).toEqual(span);
	});
});

describe('yearsOfRange / brushToYears', () => {
	test.each([
		['rounds a range out to whole years', u(2021, 6, 15), u(2022, 3, 2), { from: 2021, to: 2022 }],
		['reads a right-to-left brush the same way', u(2022, 3, 2), u(2021, 6, 15), { from: 2021, to: 2022 }],
		['does not take in a year the brush only touches at 1 January', u(2021, 6, 15), u(2023), { from: 2021, to: 2022 }],
		['gives one year for a brush inside it', u(2023, 2), u(2023, 3), { from: 2023, to: 2023 }],
		['gives one year for a zero-width brush', u(2023, 2), u(2023, 2), { from: 2023, to: 2023 }]
	])('%s', (_, t0, t1, years) => {
		expect(yearsOfRange(t0, t1)).toEqual(years);
	});

	test('maps brushed pixels through the scale', () => {
		const x = scaleUtc().domain([u(2020), u(2030)]).range([0, 1000]);
		expect(brushToYears([150, 349], x)).toEqual({ from: 2021, to: 2023 });
	});
});

describe('timelineDomain', () => {
	test.each([
		['fits a year filter exactly', [{ start: u(2023, 5, 29), end: u(2023, 6, 1) }], { from: 2023, to: 2023 }, [u(2023), u(2024)]],
		['pads the meetings extent by 5%', [{ start: u(2020), end: u(2030) }], { from: null, to: null }, [u(2020) - (u(2030) - u(2020)) * 0.05, u(2030) + (u(2030) - u(2020)) * 0.05]],
		['widens a single day to a month', [{ start: u(2023, 5, 1), end: u(2023, 5, 2) }], { from: null, to: null }, [u(2023, 5, 1) - 14.5 * DAY, u(2023, 5, 2) + 14.5 * DAY]],
		['shows the current year when there is nothing', [], { from: null, to: null }, [u(2024), u(2025)]]
	])('%s', (_, items, years, domain) => {
		expect(timelineDomain(items, years, u(2024, 7, 1))).toEqual(domain);
	});
});

describe('zoomLimits', () => {
	test('zooms out to forty years and in to a week', () => {
		const { scaleExtent, world } = zoomLimits([u(2023), u(2024)]);
		expect(scaleExtent[0]).toBeCloseTo((u(2024) - u(2023)) / (40 * YEAR));
		expect(scaleExtent[1]).toBeCloseTo(365 / 7);
		expect(world[1] - world[0]).toBeCloseTo(40 * YEAR);
	});

	test('never zooms out past the data', () => {
		expect(zoomLimits([u(1950), u(2020)]).scaleExtent[0]).toBe(1);
	});
});

describe('level of detail', () => {
	test.each([
		['decades over a century', 1000, 100 * YEAR, 'decade'],
		['years over a decade', 1000, 10 * YEAR, 'year'],
		['quarters over three years', 1000, 3 * YEAR, 'quarter'],
		['months over a year', 1000, YEAR, 'month'],
		['weeks over two months', 1000, 60 * DAY, 'week'],
		['days over a week', 1000, 7 * DAY, 'day']
	])('chooses %s', (_, width, span, level) => {
		expect(tickLevel(width / span, 72)).toBe(level);
	});

	test.each([
		['year', u(2021), u(2023), [u(2021), u(2022), u(2023)]],
		['quarter', u(2023), u(2023, 12, 31), [u(2023), u(2023, 4), u(2023, 7), u(2023, 10)]],
		['decade', u(2001), u(2035), [u(2010), u(2020), u(2030)]],
		['day', u(2023, 5, 30), u(2023, 6, 2), [u(2023, 5, 30), u(2023, 5, 31), u(2023, 6, 1), u(2023, 6, 2)]]
	] as const)('places %s ticks on whole periods', (level, t0, t1, ticks) => {
		expect(ticksAt(level, t0, t1)).toEqual(ticks);
	});

	test.each([
		[u(2023), 'day', 'zh-CN', '2023年'],
		[u(2023, 6), 'day', 'zh-CN', '6月'],
		[u(2023, 5, 29), 'day', 'zh-CN', '29日'],
		[u(2023, 5, 28), 'week', 'zh-CN', '5月28日'],
		[u(2023, 4), 'quarter', 'zh-CN', '4月'],
		[u(2020), 'decade', 'zh-CN', '2020年'],
		[u(2023, 6), 'month', 'en', 'Jun'],
		[u(2023, 5, 29), 'day', 'en', '29'],
		[u(2023), 'month', 'en', '2023']
	] as const)('labels %s at %s level in %s as %s', (t, level, locale, label) => {
		expect(formatTick(t, level, locale)).toBe(label);
	});

	test.each([
		[u(2021, 4), 'month', 'zh-CN', '2021年4月'],
		[u(2023, 5, 29), 'day', 'zh-CN', '2023年5月29日'],
		[u(2023, 5, 28), 'week', 'en', 'May 28, 2023'],
		[u(2023), 'day', 'zh-CN', '2023年']
	] as const)('labels the first tick %s at %s level in %s with its year: %s', (t, level, locale, label) => {
		expect(formatTick(t, level, locale, true)).toBe(label);
	});

	test.each([
		// width px, span, labelled every k years, ticks every year
		['every year when a year is 72 px wide', 720, 10, 1, true],
		['every other year over three decades on a laptop', 1300, 30, 2, true],
		['every fifth year over three decades on a tablet', 600, 30, 5, true],
		['every tenth year over three decades on a phone', 340, 30, 10, true],
		['every tenth year over a century', 1000, 100, 10, true],
		['every tenth decade over a millennium, decade ticks', 1000, 1000, 100, false]
	] as const)('keeps year ticks across the whole span, labelled %s', (_, width, years, every, yearly) => {
		const t0 = u(2000);
		const t1 = Date.UTC(2000 + years, 0, 1);
		const { level, ticks } = axisTicks(width / (t1 - t0), t0, t1, 72);
		expect(level).toBe(yearly ? 'year' : 'decade');
		if (yearly) expect(ticks.length).toBe(years + 1);
		const labelled = ticks.filter((t) => t.label).map((t) => new Date(t.t).getUTCFullYear());
		expect(labelled.length).toBeGreaterThan(0);
		expect(labelled.every((y) => y % every === 0)).toBe(true);
		// Labels stay at least 72 px apart.
		expect((every * width) / years).toBeGreaterThanOrEqual(72);
	});

	test('writes an instant as the day it falls on', () => {
		expect(isoDay(u(2023, 5, 29) + 12 * 3600_000)).toBe('2023-05-29');
	});
});
