// The map answer is what the map page computed in the page before it (filterFacts, analyseFigures
// of the filtered figures, mapMeasures, mapModel, the meeting search): the former computation is
// written out here (inPageMap) and compared on the shipped corpus, the fixture and synthetic
// corpora, for a table of filter states, measures, picked meetings and searches.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { filterStates, shippedFacts, syntheticFacts } from './testCorpora.ts';
import { mapMeasures, mapModel, type MapAreaInput } from '../charts/mapOption.ts';
import { sampleContent } from '../corpus/fixture.ts';
import { provinceOf } from '../geo/gazetteer.ts';
import { hasProvinceMap } from '../geo/maps.ts';
import { NO_FILTERS, type Filters } from '../state/filters.ts';
import { analyseFigures, matchFigures, NATIONAL, type Figure } from './achievements.ts';
import { QueryEngine } from './engine.ts';
import { filterFacts, type Facts } from './facts.ts';
import { joinAreas } from './mapAnswer.ts';
import { nameMatches, simplified, titleOf } from './names.ts';
import { firstRequests, mapRequest, MAP_LISTED } from './requests.ts';

/** A map's areas as the page has them from its geometry (geo/maps.ts). */
const areasOf = (map: string): MapAreaInput[] =>
	(JSON.parse(readFileSync(`src/lib/geo/generated/maps/${map}.json`, 'utf8')) as { features: { properties: { adcode: string | null; name: string } }[] }).features.map((f) => ({
		code: f.properties.adcode,
		name: f.properties.name
	}));

/**
 * The map page before the engine. `figuresOf` reads the filtered facts' figures: the page analysed
 * the filtered metrics; with a kind filter the engine's answer is that of the whole corpus's
 * analysis matched to the filters (as the achievements page counts), see below.
 */
function inPageMap(facts: Facts, filters: Filters, measure: string, meetingId: string | null, search: string, wholeAnalysis = false) {
	const p = filters.region ? provinceOf(filters.region) : undefined;
	const province = p && hasProvinceMap(p.code) ? p : undefined;
	const map = province?.code ?? 'china';
	const mapFacts = filterFacts(facts, { ...filters, region: province?.code ?? null });
	let figures: Figure[];
	if (wholeAnalysis) {
		const docById = new Map(facts.documents.map((d) => [d.id, d]));
		figures = matchFigures(analyseFigures(facts.metrics, docById), { ...filters, region: province?.code ?? null }, docById).figures;
	} else figures = analyseFigures(mapFacts.metrics, mapFacts.docById).figures;
	const measures = mapMeasures(figures);
	const active = measure === 'meetings' || measures.includes(measure) ? measure : 'meetings';
	const meetings = mapFacts.meetings;
	const selected = meetings.find((m) => m.id === meetingId) ?? null;
	const matching = search.trim() ? meetings.filter((m) => nameMatches(m.name, search)) : meetings;
	const model = mapModel({ map, areas: areasOf(map), facts: mapFacts, measure: active, meetingId: selected?.id ?? null, figures });
	const docs = active === 'meetings' ? meetings.flatMap((m) => m.docIds) : figures.filter((f) => f.indicator === active).flatMap((f) => f.sources.map((s) => s.docId));
	return { map, measures, model, meetingCount: meetings.length, matching: matching.length, listed: matching.slice(0, MAP_LISTED), selected, documents: new Set(docs).size };
}


const CORPORA: [string, () => Facts][] = [
	['the shipped corpus', shippedFacts],
	['the fixture', sampleContent],
	['synthetic 400 (seed 1)', () => syntheticFacts(400, 1)],
	['synthetic 1500 (seed 7)', () => syntheticFacts(1500, 7)]
];


describe.each(CORPORA)('the map answer on %s', (_name, read) => {
	const facts = read();
	const engine = new QueryEngine(facts);
	engine.prepare();
	const someMeeting = facts.meetings.find((m) => m.participantCodes.length > 1) ?? facts.meetings[0];
	// A word of a meeting's name, asked in Traditional characters when it has any.
	const word = someMeeting ? someMeeting.name.slice(Math.max(0, someMeeting.name.length - 6)) : '会议';
	const traditional = word.replace(/会/g, '會').replace(/议/g, '議').replace(/职/g, '職').replace(/业/g, '業').replace(/论/g, '論');

	const cases = filterStates(facts).flatMap((filters) => {
		const measures = inPageMap(facts, filters, 'meetings', null, '').measures;
		return [
			{ filters, measure: 'meetings', meeting: null, search: '' },
			{ filters, measure: measures[0] ?? 'training', meeting: null, search: '' },
			{ filters, measure: measures.at(-1) ?? 'institution', meeting: someMeeting?.id ?? null, search: traditional },
			{ filters, measure: 'no such indicator', meeting: someMeeting?.id ?? null, search: '' },
			{ filters, measure: 'meetings', meeting: 'no such meeting', search: 'no such words' },
			{ filters, measure: measures[1] ?? 'meetings', meeting: null, search: `  ${simplified(word)}  ` }
		];
	});

	test.each(cases)('for $filters, measure $measure, meeting $meeting, search "$search": the page’s former map', ({ filters, measure, meeting, search }) => {
		const got = engine.answer(mapRequest(filters, { measure, meeting, search }));
		const want = inPageMap(facts, filters, measure, meeting, search);
		expect(got.model.map).toBe(want.map);
		expect(got.measures).toEqual(want.measures);
		expect(joinAreas(got.model, areasOf(want.map))).toEqual(want.model);
		expect([got.meetingCount, got.matching, got.documents]).toEqual([want.meetingCount, want.matching, want.documents]);
		expect(got.meetings).toEqual(want.listed);
		expect(got.selected).toEqual(want.selected);
		for (const m of [...got.meetings, ...(got.selected ? [got.selected] : [])]) for (const id of m.docIds) expect(got.titles[id]).toBe(titleOf(facts.documents, id));
		// Asked again (the kept filter state), and after another filter state: the same answer.
		expect(engine.answer(mapRequest(filters, { measure, meeting, search }))).toEqual(got);
		engine.answer(mapRequest({ ...NO_FILTERS, from: 1900 }, { measure: 'meetings', meeting: null, search: '' }));
		expect(engine.answer(mapRequest(filters, { measure, meeting, search }))).toEqual(got);
	});

	test('a search keeps the model’s key (the page draws the map again only when its key moves)', () => {
		const o: { measure: string; meeting: string | null; search: string } = { measure: 'meetings', meeting: null, search: '' };
		const key = (x: Partial<typeof o>, filters: Filters = NO_FILTERS) => engine.answer(mapRequest(filters, { ...o, ...x })).modelKey;
		expect(key({ search: word })).toBe(key({}));
		expect(key({ meeting: 'no such meeting' })).toBe(key({}));
		if (someMeeting) expect(key({ meeting: someMeeting.id })).not.toBe(key({}));
		expect(key({}, { ...NO_FILTERS, from: 1900 })).not.toBe(key({}));
	});

	test('the answer survives a structured clone (what the worker posts)', () => {
		const got = engine.answer(mapRequest(NO_FILTERS, { measure: 'meetings', meeting: someMeeting?.id ?? null, search: '' }));
		expect(structuredClone(got)).toEqual(got);
	});
});

describe('a figure reported by documents of two kinds, the map filtered by one', () => {
	// The page analysed only the kind's reports (one document); the engine matches the whole corpus's
	// analysis, where the figure keeps both its documents, as the achievements page counts them.
	const doc = (id: string, kind: string) => ({ id, fileName: `${id}.txt`, title: id, publishedAt: '2023-06-01', kind, length: 100, encoding: 'utf-8', regionCode: '370100', contentHash: '0'.repeat(64), sourceUrl: null });
	const metric = (id: string, docId: string) => ({
		id, docId, value: 12, unit: '个', qualifier: 'exact' as const, category: 'program' as const, cumulative: false, year: 2023, subject: '实训基地', indicator: '实训基地', scopeCode: null, change: null, part: false,
		text: '实训基地12个', evidence: { docId, start: 0, end: 6, text: '实训基地12个' }
	});
	const facts = { documents: [doc('a', 'news'), doc('b', 'notice')], meetings: [], places: [], metrics: [metric('a$0', 'a'), metric('b$0', 'b')] } as unknown as Facts;
	const engine = new QueryEngine(facts);

	test('is offered and counted with both its documents, as on the achievements page', () => {
		const filters = { ...NO_FILTERS, kind: 'news' as const };
		const got = engine.answer(mapRequest(filters, { measure: '实训基地', meeting: null, search: '' }));
		const want = inPageMap(facts, filters, '实训基地', null, '', true);
		expect(got.measures).toEqual(['实训基地']);
		expect(got.model.measure).toBe('实训基地');
		expect(got.documents).toBe(2);
		expect(joinAreas(got.model, areasOf('china'))).toEqual(want.model);
		expect(want.documents).toBe(2);
		// the page's own analysis of the one news report did not offer it (a subject of its own reported once)
		expect(inPageMap(facts, filters, '实训基地', null, '').measures).toEqual([]);
		expect(engine.answer({ type: 'achievements', filters, indicator: '实训基地', unit: null, rows: 10, conflicts: 0 }).focusedDocs).toBe(2);
	});
});

describe('the map request', () => {
	test('every city of a province asks what its province asks: the map counts the whole province', () => {
		const o = { measure: 'meetings', meeting: null, search: '' };
		expect(JSON.stringify(mapRequest({ ...NO_FILTERS, region: '371681' }, o))).toBe(JSON.stringify(mapRequest({ ...NO_FILTERS, region: '370000' }, o)));
		expect(mapRequest({ ...NO_FILTERS, region: '371681', from: 2020 }, o).filters).toEqual({ ...NO_FILTERS, region: '370000', from: 2020 });
		expect(mapRequest({ ...NO_FILTERS, region: NATIONAL }, o).filters.region).toBeNull();
	});

	test('is among the first requests a URL’s pages ask (the worker answers and stores it after a read)', () => {
		const o = { measure: 'meetings', meeting: null, search: '' };
		expect(firstRequests('?region=371681&from=2021').map((r) => JSON.stringify(r))).toContain(JSON.stringify(mapRequest({ ...NO_FILTERS, region: '371681', from: 2021 }, o)));
	});
});
