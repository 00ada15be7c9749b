// Times the query engine's answers in Node on a synthetic corpus (what the facts worker computes per
// request): node --expose-gc scripts/profile-engine.ts [docs=100000]
import { syntheticCorpus } from './synthetic-corpus.ts';
import { QueryEngine } from '../src/lib/query/engine.ts';
import { NO_FILTERS } from '../src/lib/state/filters.ts';

const docs = Number(process.argv[2] ?? 100000);
let t = performance.now();
const { documents, meetings, places, metrics } = syntheticCorpus({ docs, seed: 1 });
const lap = (label: string) => {
	const now = performance.now();
	console.log(`${label}: ${(now - t).toFixed(0)} ms`);
	t = now;
};
lap(`corpus of ${docs} (${metrics.length} metrics)`);
const engine = new QueryEngine({ documents, meetings, places, metrics });
engine.prepare();
lap('prepare (columns, analysis, index)');
// What the facts worker holds: run with --expose-gc for the heap after a collection.
const g = globalThis as { gc?: () => void };
if (g.gc) {
	g.gc();
	console.log(`heap with the engine: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB (the corpus generator's objects are the engine's records)`);
}
engine.answer({ type: 'summary' });
lap('summary');
const years = engine.summary().years;
for (const year of [null, ...years.slice(-4)]) {
	const filters = { ...NO_FILTERS, from: year };
	for (const round of ['first', 'again']) {
		engine.answer({ type: 'achievements', filters, indicator: null, unit: null, rows: 100, conflicts: 20 });
		lap(`achievements from ${year} (${round})`);
		engine.answer({ type: 'overview', filters, meetings: 50, headlines: 6 });
		lap(`overview from ${year} (${round})`);
	}
}
