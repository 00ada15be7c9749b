// For specs only: the corpora and the table of filter states the query engine's answers are
// compared on against the views' former in-page computation (engine, timeline, map and screen
// specs). One table, so every answer is checked on the same states.
import { readFileSync } from 'node:fs';
import { syntheticCorpus } from '../../../scripts/synthetic-corpus.ts';
import type { Corpus } from '../corpus/schema.ts';
import { NO_FILTERS, type Filters } from '../state/filters.ts';
import { NATIONAL } from './achievements.ts';
import type { Facts } from './facts.ts';
import { availableRegions, availableYears } from './options.ts';

/** The records of a synthetic corpus (scripts/synthetic-corpus.ts). */
export function syntheticFacts(docs: number, seed: number): Facts {
	const { documents, meetings, places, metrics } = syntheticCorpus({ docs, seed });
	return { documents, meetings, places, metrics };
}

/** The records of the shipped corpus, data/corpus.json. */
export function shippedFacts(): Facts {
	const c = JSON.parse(readFileSync('data/corpus.json', 'utf8')) as Corpus;
	return { documents: c.documents, meetings: c.meetings, places: c.places, metrics: c.metrics };
}

/**
 * Filter states: none; one year, from a year, to a year; a province, a city and a county of it
 * (also with a year), the country, Beijing; a category; a kind, and a kind no document has (the
 * URL's filter is not checked against the corpus); all at once, over three and five years; a year
 * nothing falls in.
 */
export function filterStates(facts: Facts): Filters[] {
	const years = availableYears(facts);
	const regions = availableRegions(facts, null);
	const group = regions.find((g) => g.province.code !== NATIONAL && g.places.length) ?? regions.find((g) => g.province.code !== NATIONAL);
	const province = group?.province.code ?? '370000';
	const city = group?.places.find((c) => c.code.endsWith('00'))?.code ?? '370100';
	const county = group?.places.find((c) => !c.code.endsWith('00'))?.code ?? '370102';
	const mid = years[Math.floor(years.length / 2)] ?? 2022;
	return [
		NO_FILTERS,
		{ ...NO_FILTERS, from: mid, to: mid },
		{ ...NO_FILTERS, from: mid },
		{ ...NO_FILTERS, to: mid },
		{ ...NO_FILTERS, region: province },
		{ ...NO_FILTERS, region: city },
		{ ...NO_FILTERS, region: county },
		{ ...NO_FILTERS, region: county, from: mid - 3 },
		{ ...NO_FILTERS, region: NATIONAL },
		{ ...NO_FILTERS, region: '110000' },
		{ ...NO_FILTERS, category: 'training' },
		{ ...NO_FILTERS, kind: 'news' },
		{ ...NO_FILTERS, kind: 'no such kind' as Filters['kind'] },
		{ from: mid - 1, to: mid + 1, region: province, category: 'institution', kind: 'news' },
		{ from: mid - 2, to: mid + 2, region: province, category: 'institution', kind: 'news' },
		{ ...NO_FILTERS, from: 1900, to: 1900 }
	];
}
