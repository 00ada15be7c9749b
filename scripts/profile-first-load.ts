// node scripts/profile-first-load.ts — what the main thread does in its long tasks during the first
// load of / (issue 17, longest task ≤ 100 ms), in Chromium on synthetic corpora (scripts/synthetic-corpus.ts):
// a Chromium trace from the navigation to all charts ready (and PROFILE_AFTER_MS more, 1000 by default),
// then for each main-thread task over PROFILE_MIN_MS (30) its wall and thread CPU time, the trace events
// directly under it (script evaluation, function calls with their file, GC, style, layout, paint) and the
// functions with the most self time in it (V8's sampling profiler, recorded in the same trace).
//   BUILD_DIR=build-NAME BENCH_SIZES=10000,100000 node scripts/profile-first-load.ts
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { allChartsReady, launchChromium, machineLine, serveWithCorpus } from './bench-page.ts';
import { syntheticCorpus } from './synthetic-corpus.ts';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const BUILD = process.env.BUILD_DIR ?? 'build';
const MIN_MS = Number(process.env.PROFILE_MIN_MS ?? 30);
const AFTER_MS = Number(process.env.PROFILE_AFTER_MS ?? 1000);
const TOP = Number(process.env.PROFILE_TOP ?? 8);
/** PROFILE_STACK=name: where the samples of the function of that (minified) name were called from */
const STACK = process.env.PROFILE_STACK;
if (!existsSync(`${BUILD}/index.html`)) throw new Error(`no build in ${BUILD}: BUILD_DIR=${BUILD} KIT_OUT_DIR=… npx vite build first`);

const CATEGORIES = [
	'toplevel',
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'v8',
	'v8.execute',
	'disabled-by-default-v8.gc',
	'disabled-by-default-v8.cpu_profiler'
];

interface Ev {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	tdur?: number;
	id?: string;
	args?: { name?: string; data?: Record<string, unknown> & { url?: string; functionName?: string } };
}
interface CpuNode {
	id: number;
	parent?: number;
	callFrame: { functionName: string; url: string; lineNumber?: number; columnNumber?: number };
}

const short = (u: unknown) => String(u ?? '').replace(/^.*\/_app\/immutable\//, '').replace(/^https?:\/\/[^/]+/, '');

/** A trace's main-thread long tasks, each with its children and its functions' self time. */
function analyse(events: Ev[]): string[] {
	const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
	const onMain = (e: Ev) => mains.has(`${e.pid}:${e.tid}`);
	const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && onMain(e) && (e.dur ?? 0) >= MIN_MS * 1000).sort((a, b) => a.ts - b.ts);
	const complete = events.filter((e) => e.ph === 'X' && onMain(e) && e.name !== 'RunTask' && e.dur != null);

	// V8's samples on the main threads: [time µs, node] per thread
	const profiles = new Map<string, { thread: string; start: number; nodes: Map<number, CpuNode>; samples: { t: number; node: number }[]; last: number }>();
	for (const e of events) {
		if (e.name === 'Profile' && e.id) {
			const start = Number(e.args?.data?.startTime ?? e.ts);
			profiles.set(`${e.pid}:${e.id}`, { thread: `${e.pid}:${e.tid}`, start, nodes: new Map(), samples: [], last: start });
		}
	}
	for (const e of events) {
		if (e.name !== 'ProfileChunk' || !e.id) continue;
		const p = profiles.get(`${e.pid}:${e.id}`);
		if (!p) continue;
		const data = e.args?.data as { cpuProfile?: { nodes?: CpuNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
		for (const n of data?.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
		const samples = data?.cpuProfile?.samples ?? [];
		const deltas = data?.timeDeltas ?? [];
		samples.forEach((node, i) => {
			p.last += deltas[i] ?? 0;
			p.samples.push({ t: p.last, node });
		});
	}
	const mainProfiles = [...profiles.values()].filter((p) => mains.has(p.thread));

	const out: string[] = [];
	for (const task of tasks) {
		const end = task.ts + task.dur!;
		const thread = `${task.pid}:${task.tid}`;
		const inside = complete.filter((e) => `${e.pid}:${e.tid}` === thread && e.ts >= task.ts && e.ts + e.dur! <= end);
		inside.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
		const label = (e: Ev) => {
			const d = e.args?.data;
			const where = d?.url ? ` ${short(d.url)}` : d?.functionName ? ` ${d.functionName}` : '';
			return `${e.name}${where}`;
		};
		// the events inside as a tree (wall / thread CPU), those over 3 ms, four levels deep
		const tree: string[] = [];
		const walk = (list: Ev[], depth: number) => {
			let reach2 = -1;
			for (const e of list) {
				if (e.ts + e.dur! <= reach2) continue;
				reach2 = e.ts + e.dur!;
				const below = list.filter((x) => x !== e && x.ts >= e.ts && x.ts + x.dur! <= e.ts + e.dur!);
				if (e.dur! >= 3000 && depth < 5) tree.push(`${'  '.repeat(depth + 2)}${label(e)} ${(e.dur! / 1000).toFixed(0)}/${((e.tdur ?? 0) / 1000).toFixed(0)} ms`);
				if (depth < 5) walk(below, depth + 1);
			}
		};
		walk(inside, 0);
		const kids = tree.length ? ['', ...tree] : [];
		const gcAll = inside.filter((x) => x.name === 'MajorGC' || x.name === 'MinorGC');
		// self time by function from the samples in the task
		const self = new Map<string, number>();
		let sampled = 0;
		const stacks = new Map<string, number>();
		for (const p of mainProfiles.filter((p) => p.thread === thread)) {
			for (const s of p.samples) {
				if (s.t < task.ts || s.t > end) continue;
				const n = p.nodes.get(s.node);
				if (!n || n.callFrame.functionName === '(idle)') continue;
				const f = n.callFrame;
				const key = `${f.functionName || '(anonymous)'} ${short(f.url)}${f.url ? `:${(f.lineNumber ?? 0) + 1}:${(f.columnNumber ?? 0) + 1}` : ''}`;
				// by count, not by the wall time between samples: a thread the machine keeps waiting is
				// sampled once when it runs again, so counts follow its CPU time (scaled to it below)
				self.set(key, (self.get(key) ?? 0) + 1);
				sampled += 1;
				if (STACK && f.functionName === STACK) {
					const chain: string[] = [];
					for (let up = n.parent; up != null && chain.length < 12; up = p.nodes.get(up)?.parent) {
						const c = p.nodes.get(up)?.callFrame;
						if (c) chain.push(`${c.functionName || '(anonymous)'} ${short(c.url)}:${(c.lineNumber ?? 0) + 1}:${(c.columnNumber ?? 0) + 1}`);
					}
					stacks.set(chain.join(' < '), (stacks.get(chain.join(' < ')) ?? 0) + 1);
				}
			}
		}
		out.push(
			`task at ${((task.ts - tasks[0]!.ts) / 1000).toFixed(0)} ms: wall ${(task.dur! / 1000).toFixed(0)} ms, thread CPU ${((task.tdur ?? 0) / 1000).toFixed(0)} ms; GC ${(gcAll.reduce((s, x) => s + x.dur!, 0) / 1000).toFixed(0)} ms in ${gcAll.length} (${gcAll.filter((x) => x.name === 'MajorGC').length} major)`,
			`    under it (wall/CPU):${kids.join('\n') || ' (nothing over 3 ms)'}`,
			`    self time by samples (${sampled} samples), as ms of the task's CPU: ${[...self]
				.sort((a, b) => b[1] - a[1])
				.slice(0, TOP)
				.map(([k, v]) => `${((v / sampled) * ((task.tdur ?? 0) / 1000)).toFixed(1)} ${k}`)
				.join(' | ')}`,
			...[...stacks].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `    ${STACK} called from (${v} samples): ${k}`)
		);
	}
	return out;
}

const browser = await launchChromium();
console.log(machineLine(browser, `build ${BUILD}`));
for (const docs of SIZES) {
	const { url, close } = await serveWithCorpus(BUILD, JSON.stringify(syntheticCorpus({ docs, seed: 1 })));
	const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
	const page = await context.newPage();
	await browser.startTracing(page, { categories: CATEGORIES });
	await page.goto(url, { waitUntil: 'commit' });
	const ready = await allChartsReady(page);
	await page.waitForTimeout(AFTER_MS);
	const buf = await browser.stopTracing();
	const parsed = JSON.parse(buf.toString()) as { traceEvents?: Ev[] } | Ev[];
	const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
	console.log(`\n${docs} documents: first load of / ready at ${ready.toFixed(0)} ms (load average ${loadavg()[0]!.toFixed(1)}); main-thread tasks over ${MIN_MS} ms:`);
	for (const line of analyse(events)) console.log(`  ${line}`);
	await context.close();
	await close();
}
await browser.close();
