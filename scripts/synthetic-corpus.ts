// A SYNTHETIC corpus for benchmarks: random but plausible facts, deterministic for a seed.
// Never shipped as data: every id starts with "synthetic-" and every title with "[合成数据]".
//   node scripts/synthetic-corpus.ts --docs 10000 [--seed 1] --out /tmp/synthetic-10k.json
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { METRIC_CATEGORIES, type Qualifier } from '../src/lib/extract/types.ts';
import { SCHEMA_VERSION, type Corpus, type CorpusDocument, type Meeting, type Metric, type Place } from '../src/lib/corpus/schema.ts';
import { sealCorpus } from '../src/lib/corpus/validate.ts';
import { allDivisions, cityOf, provinceOf } from '../src/lib/geo/gazetteer.ts';
import { rng } from './fixture-bytes.ts';

const UNITS: Record<string, string[]> = {
	rate: ['%'], international: ['个', '名'], research: ['项', '份'], publication: ['篇', '部'], training: ['人次', '期'],
	event: ['场', '届'], participation: ['人', '所'], institution: ['所', '个'], program: ['个', '门'], other: ['元', '项']
};
const KINDS = ['news', 'speech', 'report', 'notice'] as const;
const QUALIFIERS: Qualifier[] = ['exact', 'exact', 'exact', 'over', 'about', 'nearly', 'atLeast'];
const EVENTS = ['职业教育工作会议', '职业教育活动周启动仪式', '产教融合论坛', '职业院校技能大赛', '学术年会', '校企合作对接会', '师资培训班'];

/**
 * Builds a sealed synthetic corpus of `docs` documents.
 * @example syntheticCorpus({ docs: 1000, seed: 1 }).documents.length // 1000
 */
export function syntheticCorpus({ docs, seed = 1 }: { docs: number; seed?: number }): Corpus {
	const rand = rng(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
	const divisions = allDivisions().filter((d) => d.level !== 'province');
	const documents: CorpusDocument[] = [];
	const meetings: Meeting[] = [];
	const places: Place[] = [];
	const metrics: Metric[] = [];
	for (let i = 0; i < docs; i++) {
		const id = `synthetic-${String(i).padStart(6, '0')}`;
		const year = 2010 + Math.floor(rand() * 16);
		const date = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
		const home = pick(divisions);
		const province = provinceOf(home.code)!;
		const city = cityOf(home.code);
		documents.push({ id, fileName: `${id}.txt`, title: `[合成数据] ${home.name}${pick(EVENTS)}报道`, publishedAt: date, kind: pick(KINDS), length: 3000, encoding: 'utf-8', regionCode: home.code, contentHash: (i.toString(16) + 'f'.repeat(64)).slice(0, 64), sourceUrl: null });
		const ev = (start: number, text: string) => ({ docId: id, start, end: start + text.length, text });
		if (rand() < 0.5) {
			const name = `${year}年${home.name}${pick(EVENTS)}`;
			const others = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => provinceOf(pick(divisions).code)!.code);
			meetings.push({
				id: `${id}#0`, name, startDate: date, endDate: date, datePrecision: 'day', province: province.name, provinceCode: province.code,
				city: city?.name ?? null, cityCode: city?.code ?? null, county: home.level === 'county' ? home.name : null, countyCode: home.level === 'county' ? home.code : null,
				attendees: rand() < 0.6 ? 50 + Math.floor(rand() * 500) : null, attendeesQualifier: 'over', participantCodes: [...new Set([home.code, ...others])], docIds: [id], evidence: [ev(10, name.slice(0, 60))]
			});
		}
		const named = [home, ...Array.from({ length: Math.floor(rand() * 3) }, () => pick(divisions))];
		for (const [k, d] of [...new Map(named.map((d) => [d.code, d])).values()].entries())
			places.push({ id: `${id}@${d.code}`, docId: id, name: d.name, adcode: d.code, level: d.level, lng: d.coord[0], lat: d.coord[1], mentions: 1 + Math.floor(rand() * 4), evidence: ev(100 + k * 20, d.name) });
		const n = 1 + Math.floor(rand() * 6);
		for (let k = 0; k < n; k++) {
			const category = pick(METRIC_CATEGORIES);
			const unit = pick(UNITS[category]!);
			const value = unit === '%' ? Math.floor(rand() * 100) : Math.floor(rand() * 5000);
			metrics.push({
				id: `${id}$${k}`, docId: id, value, unit, qualifier: pick(QUALIFIERS), category, cumulative: rand() < 0.1, year: rand() < 0.7 ? year : null, subject: null, indicator: category, scopeCode: null, change: null, part: false,
				text: `合成数据${value}${unit}`, evidence: ev(500 + k * 40, `合成数据${value}${unit}`)
			});
		}
	}
	return sealCorpus({ schemaVersion: SCHEMA_VERSION, documents, meetings, places, metrics });
}

if (import.meta.main) {
	const { values } = parseArgs({ options: { docs: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } } });
	const corpus = syntheticCorpus({ docs: Number(values.docs), seed: Number(values.seed) });
	const json = JSON.stringify(corpus);
	if (values.out) writeFileSync(values.out, json);
	else process.stdout.write(json);
	console.error(`synthetic corpus: ${corpus.documents.length} documents, ${corpus.meetings.length} meetings, ${corpus.places.length} places, ${corpus.metrics.length} metrics, ${(json.length / 2 ** 20).toFixed(1)} MB`);
}
