import { describe, expect, test } from 'vitest';
import { exploreRows, sortRows } from './explore.ts';
import { firstByDate } from './exploreFirst.ts';
import { filterFacts, type Facts } from './facts.ts';
import { filterStates, shippedFacts, syntheticFacts } from './testCorpora.ts';
import { QueryEngine } from './engine.ts';
import { EXPLORE_START, exploreFirstRequest, exploreRequest, unnamedIndicators } from './requests.ts';

const corpora: [string, () => Facts][] = [
	['synthetic 400 (seed 1)', () => syntheticFacts(400, 1)],
	['synthetic 1500 (seed 7)', () => syntheticFacts(1500, 7)],
	['the shipped corpus', shippedFacts]
];

describe.each(corpora)('the first rows by date on %s', (_name, make) => {
	const facts = make();
	// some meetings without a date, and figures without a year: the empty dates go last
	facts.meetings.slice(0, 7).forEach((m) => (m.startDate = null));
	facts.metrics.slice(0, 9).forEach((m) => (m.year = null));
	const names = (indicator: string) => `«${indicator}»`;
	test.each(filterStates(facts).map((f) => [JSON.stringify(f), f] as const))('for %s: the first rows of every row sorted (exploreRows + sortRows)', (_key, filters) => {
		const f = filterFacts(facts, filters);
		const all = exploreRows(f, names);
		for (const dir of ['desc', 'asc'] as const) {
			const sorted = sortRows(all, 'date', dir);
			for (const count of [0, 1, 5, 120, all.length - 1, all.length, all.length + 5]) {
				if (count < 0) continue;
				const first = firstByDate(f, dir, count, names);
				expect(first.total).toBe(all.length);
				expect(first.rows).toEqual(sorted.slice(0, count));
			}
		}
	});
});

describe('the engine’s first explorer page (exploreFirstPage)', () => {
	const facts = syntheticFacts(1500, 7);
	const language = { locale: 'zh-CN', unnamed: unnamedIndicators((key) => key) };
	test.each(filterStates(facts).map((f) => [JSON.stringify(f), f] as const))('for %s: what explore() answers, for the first request and others', (_key, filters) => {
		const engine = new QueryEngine(facts);
		const requests = [
			exploreFirstRequest(filters, language),
			exploreRequest(filters, { ...EXPLORE_START, dir: 'asc', offset: 0, limit: 7, locale: 'en', unnamed: language.unnamed }),
			// not taken apart: another order, a search, a later page, one kind of fact
			exploreRequest(filters, { ...EXPLORE_START, sort: 'value', offset: 0, limit: 20, locale: 'zh-CN', unnamed: language.unnamed }),
			exploreRequest(filters, { ...EXPLORE_START, query: '学校', offset: 0, limit: 20, locale: 'zh-CN', unnamed: language.unnamed }),
			exploreRequest(filters, { ...EXPLORE_START, offset: 60, limit: 60, locale: 'zh-CN', unnamed: language.unnamed }),
			exploreRequest(filters, { ...EXPLORE_START, facts: 'meeting', offset: 0, limit: 60, locale: 'zh-CN', unnamed: language.unnamed })
		];
		for (const r of requests) expect(new QueryEngine(facts).exploreFirstPage(r)).toEqual(engine.explore(r));
	});
});
