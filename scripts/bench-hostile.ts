// npm run bench:hostile — 10⁴+ hostile documents (scripts/hostile.ts, fixed seed) through the
// corpus CLI's own path: bounded .docx reader, extraction and repair on worker threads under a
// time budget, then corpus assembly and validation. Reports per kind: inputs, documents kept,
// refused by name, failures (crash, timeout, invalid record), the worst wall time of a batch holding
// one of the kind, and the worst CPU time per document on a cold thread (a new worker thread per
// document) and on a warm one.
//   BENCH_HOSTILE_COUNT (default 10500), BENCH_HOSTILE_SEED (default 20261207), BENCH_HOSTILE_BUDGET_S (default 10)
import { availableParallelism } from 'node:os';
import { assembleCorpus, CorpusInvalidError, type PreparedFile } from '../src/lib/corpus/build.ts';
import { Worker } from 'node:worker_threads';
import { runJob, type Job } from './corpus-worker.ts';
import { hostileDocuments, KINDS } from './hostile.ts';
import { preparePool } from './pool.ts';

const count = Number(process.env.BENCH_HOSTILE_COUNT ?? 10_500);
const seed = Number(process.env.BENCH_HOSTILE_SEED ?? 20261207);
const budgetMs = Number(process.env.BENCH_HOSTILE_BUDGET_S ?? 10) * 1000;
const lanes = Math.max(1, Math.min(availableParallelism(), 4));
const kinds = Object.keys(KINDS);

interface Row {
	inputs: number;
	kept: number;
	refused: number;
	crashes: number;
	timeouts: number;
	worstMs: number;
	worstKB: number;
	bytes: number;
	/** the most common reasons for leaving a document out */
	reasons: Map<string, number>;
}
const rows = new Map<string, Row>(kinds.map((k) => [k, { inputs: 0, kept: 0, refused: 0, crashes: 0, timeouts: 0, worstMs: 0, worstKB: 0, bytes: 0, reasons: new Map() }]));
let invalidBatches = 0;
let invalidErrors: string[] = [];

// Sizes: most documents small, some at 1 MB, some at the 5 MB limit — in batches, to bound memory.
const BATCH = kinds.length * 30;
const t0 = performance.now();
let made = 0;
for (let b = 0; made < count; b++) {
	const maxBytes = b % 10 === 9 ? 5 * 2 ** 20 : b % 10 === 4 ? 2 ** 20 : 64 * 1024;
	// A 5 MB batch is smaller: four documents of each kind.
	const n = Math.min(maxBytes > 2 ** 20 ? kinds.length * 4 : BATCH, count - made);
	const docs = hostileDocuments(seed + b, n, maxBytes);
	made += n;
	const pooled = await preparePool(
		docs.map((d, index) => ({ index, name: d.name, bytes: d.bytes, sourceUrl: null })),
		{ lanes, budgetMs }
	);
	const prepared: PreparedFile[] = [];
	pooled.forEach((r, i) => {
		const d = docs[i]!;
		const row = rows.get(d.kind)!;
		row.inputs++;
		row.bytes += d.bytes.length;
		if (r.failure === 'crash') row.crashes++;
		else if (r.failure === 'timeout') row.timeouts++;
		else if (r.prepared.records) row.kept++;
		else {
			row.refused++;
			const reason = (r.prepared.warnings.at(-1) ?? '').replace(/\d+(\.\d+)?/g, 'N').slice(0, 70);
			row.reasons.set(reason, (row.reasons.get(reason) ?? 0) + 1);
		}
		if (r.ms > row.worstMs) {
			row.worstMs = r.ms;
			row.worstKB = d.bytes.length / 1024;
		}
		prepared.push(r.prepared);
	});
	try {
		assembleCorpus(prepared);
	} catch (e) {
		invalidBatches++;
		if (e instanceof CorpusInvalidError) invalidErrors = invalidErrors.concat(e.errors.slice(0, 5));
		else invalidErrors.push(String(e));
	}
	process.stderr.write(`\r${made}/${count} documents`);
}
process.stderr.write('\n');

const total = [...rows.values()].reduce(
	(a, r) => ({ inputs: a.inputs + r.inputs, kept: a.kept + r.kept, refused: a.refused + r.refused, crashes: a.crashes + r.crashes, timeouts: a.timeouts + r.timeouts, worstMs: Math.max(a.worstMs, r.worstMs), bytes: a.bytes + r.bytes }),
	{ inputs: 0, kept: 0, refused: 0, crashes: 0, timeouts: 0, worstMs: 0, bytes: 0 }
);
console.log(`hostile documents: ${total.inputs} (seed ${seed}, ${(total.bytes / 2 ** 20).toFixed(0)} MB) on ${lanes} worker threads, budget ${budgetMs / 1000} s each, ${((performance.now() - t0) / 1000).toFixed(0)} s in all`);
console.log('| kind | inputs | kept | refused by name | crashes | over budget | worst wall time of a batch holding one (up to 64 documents, 256 KB; a larger document alone) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [kind, r] of rows) console.log(`| ${kind} | ${r.inputs} | ${r.kept} | ${r.refused} | ${r.crashes} | ${r.timeouts} | ${r.worstMs.toFixed(0)} ms (${r.worstKB.toFixed(0)} KB) |`);
console.log(`| all | ${total.inputs} | ${total.kept} | ${total.refused} | ${total.crashes} | ${total.timeouts} | ${total.worstMs.toFixed(0)} ms |`);
console.log('\nwhy documents were left out, by kind (most common reason):');
for (const [kind, r] of rows) {
	const top = [...r.reasons].sort((a, b) => b[1] - a[1])[0];
	if (top) console.log(`  ${kind}: ${top[1]}× ${top[0]}`);
}
console.log(`corpus batches that failed validation: ${invalidBatches}${invalidErrors.length ? `\n  ${invalidErrors.slice(0, 10).join('\n  ')}` : ''}`);

/** One job on a new worker thread (bench-cold-worker.ts): that thread's CPU and wall time, loading not counted. */
interface Cold {
	cpuMs: number;
	processMs: number;
	wallMs: number;
}
const coldJob = (job: Job): Promise<Cold> =>
	new Promise((done, failed) => {
		const w = new Worker(new URL('./bench-cold-worker.ts', import.meta.url), { workerData: job });
		w.on('message', (m: Cold & { cold?: boolean }) => {
			if (!m?.cold) return; // corpus-worker.ts's own 'ready'
			done(m);
			void w.terminate();
		});
		w.once('error', failed);
	});

// CPU time of the largest documents of each kind: wall time above depends on how busy the machine
// is, CPU time much less. Cold: each document alone on a new thread, as the first document of a
// pool worker or of the import page's worker is read (the JIT has compiled none of the extractor,
// its tables are not built yet); warm: one after another on this thread, whose code earlier kinds warmed.
const threadCpu = typeof process.threadCpuUsage === 'function' ? "the thread's own CPU time" : "CPU time of the process (this Node cannot tell a thread's own)";
console.log(`\nCPU time per document, the largest of each kind (4 documents each, at most 5 MB). Cold: a new thread per document, ${threadCpu}, the process's (V8's compiler and collector threads working for it included) and its wall time; warm: one after another on this thread, the process's CPU time:`);
console.log('| kind | largest input | cold: thread CPU | cold: process CPU | cold: wall time | warm: process CPU |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const kind of kinds) {
	for (const limit of [5 * 2 ** 20]) {
		const docs = hostileDocuments(seed, 4, limit, [kind]).map((d) => ({ ...d, bytes: d.bytes.length > limit ? d.bytes.subarray(0, limit) : d.bytes }));
		let worst = 0;
		let cold: Cold = { cpuMs: 0, processMs: 0, wallMs: 0 };
		let size = 0;
		for (const [index, d] of docs.entries()) {
			const job = { index, name: d.name, bytes: d.bytes, sourceUrl: null };
			const c = await coldJob(job);
			if (c.cpuMs > cold.cpuMs) cold = c;
			const before = process.cpuUsage();
			await runJob(job);
			const used = process.cpuUsage(before);
			const ms = (used.user + used.system) / 1000;
			if (ms > worst) worst = ms;
			size = Math.max(size, d.bytes.length);
		}
		console.log(`| ${kind} | ${(size / 1024).toFixed(0)} KB | ${cold.cpuMs.toFixed(0)} ms | ${cold.processMs.toFixed(0)} ms | ${cold.wallMs.toFixed(0)} ms | ${worst.toFixed(0)} ms |`);
	}
}
// The line that once showed the date finder's growth (16 KB took 3 s, 58 KB 147 s): one date
// fragment over and over, no sentence end.
for (const kb of [16, 64, 1024]) {
	const line = '：11月9—10日<script>&amp;'.repeat(Math.ceil((kb * 1024) / 40)).slice(0, (kb * 1024) / 3);
	const before = process.cpuUsage();
	await runJob({ index: 0, name: 'dates.txt', bytes: new TextEncoder().encode(line), sourceUrl: null });
	const used = process.cpuUsage(before);
	console.log(`| giant-line of \`：11月9—10日<script>&amp;\` | ${kb} KB | ${((used.user + used.system) / 1000).toFixed(0)} ms |`);
}
process.exitCode = total.crashes + invalidBatches > 0 ? 1 : 0;
