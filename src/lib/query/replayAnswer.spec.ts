// The replay's answer is what the replay page computed in the page before it (the oracle, written
// out here as ScreenReplay.svelte, ScreenMap.svelte and screenMapOption had it: replaySteps over the
// filtered records, mapModel of the meetings lit so far, the lit venues but the current one),
// compared at every step it tells on the fixture, the shipped corpus and synthetic corpora over
// the table of filter states, through the engine as the worker asks it, and over the worker's slim places.
import { describe, expect, test } from 'vitest';
import { mapModel } from '../charts/mapOption.ts';
import { sampleContent } from '../corpus/fixture.ts';
import { provinceOf } from '../geo/gazetteer.ts';
import { mapAreaCodes, mapOfRegion } from '../geo/mapAreas.ts';
import { replaySteps, type ReplayStep } from '../screen/replay.ts';
import { replayStart, REPLAY_SHOWN } from '../screen/tour.ts';
import { meetingSources } from '../screen/widgets.ts';
import { NO_FILTERS, type Filters } from '../state/filters.ts';
import { QueryEngine } from './engine.ts';
import { filterFacts, type Facts } from './facts.ts';
import { replayAnswer, replayFrame, type ReplayAnswer } from './replayAnswer.ts';
import { replayRequest } from './requests.ts';
import { slimPlaces } from './slim.ts';
import { filterStates, shippedFacts, syntheticFacts } from './testCorpora.ts';

const CORPORA: [string, () => Facts][] = [
	['sample', () => sampleContent()],
	['the shipped corpus', shippedFacts],
	['synthetic 400 (seed 1)', () => syntheticFacts(400, 1)],
	['synthetic 250 (seed 7)', () => syntheticFacts(250, 7)]
];

/** The former in-page replay at step `at`: its step, the map's area values, the venues drawn as past. */
function inPage(facts: Facts, filters: Filters, at: number) {
	const filtered = filterFacts(facts, filters);
	const steps = replaySteps(filtered.meetings, filtered.docById);
	const lit = steps.slice(0, Math.min(at + 1, steps.length));
	const step = steps[Math.min(at, steps.length - 1)];
	const mapName = mapOfRegion(filters.region);
	const province = mapName === 'china' ? undefined : provinceOf(mapName);
	const base = filterFacts(facts, { ...filters, region: province?.code ?? null });
	const areas = (mapAreaCodes(mapName) ?? []).map((code) => ({ code, name: code }));
	const model = mapModel({ map: mapName, areas, facts: { ...base, meetings: lit.map((s) => s.meeting) }, measure: 'meetings', meetingId: null });
	// screenMapOption's past venues (every lit step with a point but the current), each venue once
	const seen = new Set<string>();
	const past = lit.filter((s) => s.coord != null && s !== step && !seen.has(s.venue!) && seen.add(s.venue!)).map((s) => ({ name: s.venueName ?? '', coord: s.coord }));
	return { steps: steps.length, step: step ? { ...step, sources: meetingSources(step.meeting, filtered.docById) } : null, values: model.areas.map((a) => a.value), past };
}

const shown = (a: ReplayAnswer, at: number) => {
	const f = replayFrame(a, at);
	return { steps: a.steps, step: f.step, values: f.values, past: f.past.map((v) => ({ name: v.name, coord: v.coord })) };
};

describe('replayAnswer', () => {
	describe.each(CORPORA)('%s', (_name, make) => {
		const facts = make();
		const engine = new QueryEngine(facts);
		const slim = new QueryEngine(slimPlaces(make()));
		test.each(filterStates(facts))('%j: every step told', (filters) => {
			const r = replayRequest(filters);
			const a = replayAnswer(facts, r);
			expect(engine.answer(r)).toEqual(a);
			// the worker keeps of each place only what its answers read
			expect(slim.answer(r)).toEqual(replayAnswer(slimPlaces(make()), r));
			expect(a.first).toBe(replayStart(a.steps));
			expect(a.told.length).toBe(a.steps - a.first);
			expect(a.map).toBe(mapOfRegion(filters.region));
			for (let at = a.first; at <= a.steps; at++) expect(shown(a, at), `step ${at}`).toEqual(inPage(facts, filters, at));
		});
	});

	test('the fixture tells its latest meetings, the counters running from the first', () => {
		const facts = sampleContent();
		const a = replayAnswer(facts, replayRequest(NO_FILTERS));
		const all = filterFacts(facts, NO_FILTERS);
		const steps: ReplayStep[] = replaySteps(all.meetings, all.docById);
		expect(a.steps).toBe(steps.length);
		expect(a.steps).toBeGreaterThan(0);
		expect(a.told.at(-1)!.totals).toEqual(steps.at(-1)!.totals);
		expect(a.told.length).toBe(Math.min(REPLAY_SHOWN, steps.length));
	});

	test('a filter state without a dated meeting: no step, the map still coloured by what it names', () => {
		const facts = sampleContent();
		const a = replayAnswer(facts, replayRequest({ ...NO_FILTERS, from: 1900, to: 1900 }));
		expect(a.steps).toBe(0);
		const f = replayFrame(a, 0);
		expect(f.step).toBeNull();
		expect(f.past).toEqual([]);
		expect(f.values).toEqual(inPage(facts, { ...NO_FILTERS, from: 1900, to: 1900 }, 0).values);
	});
});
