import { describe, expect, test } from 'vitest';
import { syntheticCorpus } from '../../../scripts/synthetic-corpus.ts';
import { sampleContent } from '../corpus/fixture.ts';
import { NO_FILTERS, type Filters } from '../state/filters.ts';
import { QueryEngine, type QueryRequest } from './engine.ts';
import { achievementsRequest, exploreFirstRequest, firstRequests, mapRequest, overviewRequest, unnamedIndicators } from './requests.ts';
import { slimPlaces } from './slim.ts';

const language = { locale: 'zh-CN', unnamed: unnamedIndicators((key) => key) };

describe('slimPlaces', () => {
	test('keeps of each place its id, document, division, mentions and where its evidence is, and the other records as they are', () => {
		const facts = sampleContent();
		const slim = slimPlaces(facts);
		expect(slim.places).toEqual([{ id: 'news-a@330100', docId: 'news-a', adcode: '330100', mentions: 2, evidence: { docId: 'news-a', start: 20, end: 22 } }]);
		expect([slim.documents, slim.meetings, slim.metrics]).toEqual([facts.documents, facts.meetings, facts.metrics]);
		// the records given are not changed
		expect(facts.places[0]!.evidence.text).toBe('杭州');
	});

	test("every view's answer is the same over the slim places as over the records", () => {
		const facts = syntheticCorpus({ docs: 400, seed: 8 });
		const full = new QueryEngine(facts);
		const slim = new QueryEngine(slimPlaces(facts));
		const states: Filters[] = [
			NO_FILTERS,
			{ ...NO_FILTERS, from: 2015, to: 2020 },
			{ ...NO_FILTERS, region: '330000' },
			{ ...NO_FILTERS, region: '330100', kind: 'news' },
			{ ...NO_FILTERS, category: 'training', from: 2022 }
		];
		for (const f of states) {
			const search = `?${new URLSearchParams(Object.entries(f).flatMap(([k, v]) => (v == null ? [] : [[k, String(v)]]))).toString()}`;
			const requests: QueryRequest[] = [
				...firstRequests(search, language),
				overviewRequest(f),
				achievementsRequest(f, null, null),
				exploreFirstRequest(f, language),
				{ type: 'summary' }
			];
			// the map's other measures, a meeting picked and a search; the timeline's tips
			const measures = full.answer(mapRequest(f, { measure: 'meetings', meeting: null, search: '' })).measures;
			const meeting = facts.meetings[3]!.id;
			for (const measure of measures.slice(0, 4)) requests.push(mapRequest(f, { measure, meeting: null, search: '' }));
			requests.push(mapRequest(f, { measure: 'meetings', meeting, search: '' }), mapRequest(f, { measure: 'meetings', meeting: null, search: '会议' }));
			for (const row of [0, 5]) requests.push({ type: 'timelineMeeting', id: facts.meetings[row]!.id, row });
			for (const r of requests) expect(slim.answer(r)).toEqual(full.answer(r));
		}
	});
});
