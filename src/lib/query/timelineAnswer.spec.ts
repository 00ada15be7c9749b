// The timeline's answer is what the timeline page computed before the engine answered it: the
// filtered meetings (filterFacts) laid out by layoutTimeline, counted by meetingsPerYear, their
// documents counted for the caption. Compared on synthetic corpora (some with dates made coarse,
// missing or reversed), the sample fixture and the shipped corpus, for a table of filter states.
import { describe, expect, test } from 'vitest';
import { filterStates, shippedFacts, syntheticFacts } from './testCorpora.ts';
import { layoutTimeline } from '../charts/timeline.ts';
import { meetingsPerYear, perYearTable } from '../charts/timelineTable.ts';
import { sampleContent } from '../corpus/fixture.ts';
import { NO_FILTERS, type Filters } from '../state/filters.ts';
import { QueryEngine } from './engine.ts';
import { filterFacts, type Facts } from './facts.ts';
import { titleOf } from './names.ts';
import { timelineRequest } from './requests.ts';
import { itemId, itemName, itemPrecision, meetingMask, type TimelineAnswer } from './timelineAnswer.ts';


/**
 * A synthetic corpus whose meetings' dates are as varied as extraction leaves them: month and year
 * precision (declared, or only spelled), an end before the start, no end, no date at all, meetings
 * reported by several documents, two meetings of one id, a meeting citing a document not in the corpus.
 */
function varied(docs: number, seed: number): Facts {
	const f = syntheticFacts(docs, seed);
	f.meetings.forEach((m, i) => {
		const d = m.startDate!;
		switch (i % 9) {
			case 1:
				Object.assign(m, { startDate: d.slice(0, 7), endDate: d.slice(0, 7), datePrecision: 'month' });
				break;
			case 2:
				Object.assign(m, { startDate: d.slice(0, 4), endDate: null, datePrecision: 'year' });
				break;
			case 3:
				Object.assign(m, { startDate: null, endDate: null, datePrecision: null });
				break;
			case 4:
				Object.assign(m, { endDate: `${Number(d.slice(0, 4)) - 1}${d.slice(4)}` });
				break;
			case 5:
				Object.assign(m, { endDate: d.slice(0, 7), datePrecision: 'day' });
				break;
			case 6:
				m.docIds = [...m.docIds, f.documents[(i * 7) % f.documents.length]!.id, 'not-in-the-corpus'];
				break;
			case 7:
				Object.assign(m, { startDate: d.slice(0, 8) + '01', endDate: null, datePrecision: null });
				break;
		}
	});
	// Two meetings of one id (a corrupt or hand-merged corpus): each keeps its place, details go by row.
	if (f.meetings.length > 9) f.meetings[9] = { ...f.meetings[9]!, id: f.meetings[0]!.id };
	return f;
}


const CORPORA: [string, Facts][] = [
	['sample', sampleContent()],
	['shipped corpus', shippedFacts()],
	['synthetic 400 (seed 1)', syntheticFacts(400, 1)],
	['synthetic 600 with varied dates (seed 5)', varied(600, 5)],
	['synthetic 300 with varied dates (seed 9)', varied(300, 9)]
];


const head = { year: 'year', count: 'count', undated: 'undated' };

/** The timeline page before the engine: every record in the page, filtered and laid out there. */
function inPage(facts: Facts, filters: Filters) {
	const meetings = filterFacts(facts, filters).meetings;
	const layout = layoutTimeline(meetings);
	return {
		meetings,
		layout,
		perYear: meetingsPerYear(meetings, head, String),
		docs: new Set(meetings.filter((m) => m.startDate).flatMap((m) => m.docIds)).size
	};
}

/** The answer's items as the chart's former items (meeting ids in place of meetings). */
const itemsOf = (a: TimelineAnswer) =>
	Array.from(a.items.start, (start, i) => ({ id: itemId(a.items, i), name: itemName(a.items, i), start, end: a.items.end[i], precision: itemPrecision(a.items, i) }));

describe.each(CORPORA)('the timeline’s answer on %s', (_name, facts) => {
	const engine = new QueryEngine(facts);

	test.each(filterStates(facts))('for %o: the page’s former items, counts, years and undated list', (filters) => {
		const want = inPage(facts, filters);
		const got = engine.answer(timelineRequest(filters));
		expect(itemsOf(got)).toEqual(want.layout.items.map((it) => ({ id: it.meeting.id, name: it.meeting.name, start: it.start, end: it.end, precision: it.precision })));
		expect(got.items.maxDuration).toBe(want.layout.maxDuration);
		// Each item's row is its meeting's in the corpus read.
		got.items.row.forEach((r, i) => expect(facts.meetings[r]).toBe(want.layout.items[i]!.meeting));
		expect(got.total).toBe(want.meetings.length);
		expect(got.undatedCount).toBe(want.layout.undated.length);
		expect(got.undated).toEqual(want.layout.undated.slice(0, got.undated.length).map((m) => ({ id: m.id, name: m.name, docIds: m.docIds })));
		expect(got.undated.length).toBe(Math.min(want.layout.undated.length, timelineRequest(filters).undated));
		expect(perYearTable(got.perYear, got.undatedCount, head, String)).toEqual(want.perYear);
		expect(got.docs).toBe(want.docs);
		for (const m of got.undated) for (const id of m.docIds) expect(got.titles[id]).toBe(titleOf(facts.documents, id));
		// The mask is filterFacts's choice of meetings.
		const kept = new Set(want.meetings);
		expect(Array.from(meetingMask(facts, filters), (x) => x === 1)).toEqual(facts.meetings.map((m) => kept.has(m)));
	});

	test('a meeting’s details: the meeting of that row and id, with its documents’ titles', () => {
		const got = engine.answer(timelineRequest(NO_FILTERS));
		for (let i = 0; i < got.items.start.length; i += 7) {
			const id = itemId(got.items, i);
			const detail = engine.answer({ type: 'timelineMeeting', id, row: got.items.row[i]! });
			expect(detail.meeting).toBe(facts.meetings[got.items.row[i]!]);
			for (const d of detail.meeting!.docIds) expect(detail.titles[d]).toBe(titleOf(facts.documents, d));
			// A row from another read of the corpus: found by id.
			const moved = engine.answer({ type: 'timelineMeeting', id, row: (got.items.row[i]! + 1) % facts.meetings.length });
			expect(moved.meeting?.id).toBe(id);
		}
		expect(engine.answer({ type: 'timelineMeeting', id: 'no such meeting', row: 0 })).toEqual({ meeting: null, titles: {} });
	});

	test('the answer survives a structured clone (what the worker posts and stores)', () => {
		const got = engine.answer(timelineRequest(NO_FILTERS));
		expect(structuredClone(got)).toEqual(got);
	});
});

test('the undated list is capped, its count is not', () => {
	const facts = varied(600, 5);
	const got = new QueryEngine(facts).answer({ ...timelineRequest(NO_FILTERS), undated: 5 });
	expect(got.undated).toHaveLength(5);
	expect(got.undatedCount).toBe(facts.meetings.filter((m) => !m.startDate).length);
	expect(got.undatedCount).toBeGreaterThan(5);
});
