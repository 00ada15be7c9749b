// node scripts/profile-timeline.ts — where the timeline page's main thread goes on a warm load of
// /timeline (issue 17, longest task ≤ 100 ms), in Chromium on synthetic corpora
// (scripts/synthetic-corpus.ts): /timeline loaded once (first visit, the worker's prefetch stores
// the answers), then loaded again warm, N times, each with a trace (the main thread's tasks by their
// own CPU time: what a busy machine inflates least) and a CDP CPU profile (self and total time by
// function, over the warm loads).
//   BUILD_DIR=build-NAME BENCH_SIZES=100000 BENCH_TIMES=3 node scripts/profile-timeline.ts
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { allChartsReady, launchChromium, machineLine, mainThreadTasks, serveWithCorpus, TASK_CATEGORIES } from './bench-page.ts';
import { syntheticCorpus } from './synthetic-corpus.ts';

const SIZES = (process.env.BENCH_SIZES ?? '100000').split(',').map(Number);
const BUILD = process.env.BUILD_DIR ?? 'build';
const TIMES = Number(process.env.BENCH_TIMES ?? 3);
/** PROFILE_SAMPLE=0: the trace only (the sampling profiler inflates the tasks it samples) */
const SAMPLE = process.env.PROFILE_SAMPLE !== '0';
if (!existsSync(`${BUILD}/index.html`)) throw new Error(`no build in ${BUILD}: BUILD_DIR=${BUILD} KIT_OUT_DIR=… npx vite build first`);

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const f0 = (n: number) => n.toFixed(0);
const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;

/** Self and total (inclusive, each function counted once per sample) time by function. */
function byFunction(profile: Profile): { self: Map<string, number>; total: Map<string, number>; busy: number } {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const self = new Map<string, number>();
	const total = new Map<string, number>();
	let busy = 0;
	profile.samples.forEach((id, i) => {
		const n = byId.get(id)!;
		const dt = (profile.timeDeltas[i] ?? 0) / 1000;
		if (['(idle)', '(program)', '(garbage collector)'].includes(n.callFrame.functionName) && n.callFrame.functionName !== '(garbage collector)') return;
		busy += dt;
		self.set(keyOf(n), (self.get(keyOf(n)) ?? 0) + dt);
		const seen = new Set<string>();
		for (let at: number | undefined = id; at != null; at = parent.get(at)) {
			const k = keyOf(byId.get(at)!);
			if (seen.has(k)) continue;
			seen.add(k);
			total.set(k, (total.get(k) ?? 0) + dt);
		}
	});
	return { self, total, busy };
}

/** The longest main-thread tasks (trace), each with the functions whose samples fall in it (self time; total time of app functions). */
function inTasks(trace: Buffer, profile: Profile & { startTime?: number }): string[] {
	type Ev = { name: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } };
	const parsed = JSON.parse(trace.toString()) as { traceEvents?: Ev[] } | Ev[];
	const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
	const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
	const tasks = events
		.filter((e) => e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`) && (e.tdur ?? 0) >= 20_000)
		.sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
		.slice(0, 4);
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const out: string[] = [];
	for (const t of tasks) {
		const self = new Map<string, number>();
		const total = new Map<string, number>();
		let at = profile.startTime ?? 0;
		profile.samples.forEach((id, i) => {
			at += profile.timeDeltas[i] ?? 0;
			if (at < t.ts || at > t.ts + (t.dur ?? 0)) return;
			const dt = (profile.timeDeltas[i + 1] ?? 200) / 1000;
			const n = byId.get(id)!;
			if (n.callFrame.functionName === '(idle)') return;
			self.set(keyOf(n), (self.get(keyOf(n)) ?? 0) + dt);
			const seen = new Set<string>();
			for (let a: number | undefined = id; a != null; a = parent.get(a)) {
				const k = keyOf(byId.get(a)!);
				if (seen.has(k) || !/\.js:/.test(k)) continue;
				seen.add(k);
				total.set(k, (total.get(k) ?? 0) + dt);
			}
		});
		const list = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([k, v]) => `${f0(v)} ${k}`).join('; ');
		out.push(`  task CPU ${f0((t.tdur ?? 0) / 1000)} / wall ${f0((t.dur ?? 0) / 1000)} ms: self ${list(self, 8)}`);
		out.push(`    total ${list(total, 12)}`);
	}
	return out;
}

const browser = await launchChromium();
console.log(machineLine(browser, `build ${BUILD}`));

for (const docs of SIZES) {
	const { url, close } = await serveWithCorpus(BUILD, JSON.stringify(syntheticCorpus({ docs, seed: 1 })));
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	await page.goto(`${url}timeline`, { waitUntil: 'commit' });
	await allChartsReady(page);
	await page.waitForFunction(() => performance.getEntriesByName('facts:prefetched').length > 0, null, { timeout: 300_000, polling: 200 }).catch(() => undefined);
	const rows: string[] = [];
	const cdp = await context.newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	const longest: number[] = [];
	let profiles: Profile[] = [];
	for (let i = 0; i < TIMES; i++) {
		if (SAMPLE) await cdp.send('Profiler.start');
		await browser.startTracing(page, { categories: TASK_CATEGORIES });
		await page.goto(`${url}timeline`);
		await allChartsReady(page);
		await page.waitForTimeout(500);
		const trace = await browser.stopTracing();
		const tasks = mainThreadTasks(trace);
		if (SAMPLE) {
			const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
			rows.push(...inTasks(trace, profile));
			profiles.push(profile);
		}
		longest.push(tasks[0]?.cpuMs ?? 0);
		rows.push(`warm load ${i + 1}: main-thread tasks over 30 ms, thread CPU / wall (trace): ${tasks.map((t) => `${t.cpuMs}/${t.wallMs}`).join(', ')} ms`);
	}
	const self = new Map<string, number>();
	const total = new Map<string, number>();
	let busy = 0;
	for (const p of profiles) {
		const r = byFunction(p);
		busy += r.busy;
		for (const [k, v] of r.self) self.set(k, (self.get(k) ?? 0) + v);
		for (const [k, v] of r.total) total.set(k, (total.get(k) ?? 0) + v);
	}
	profiles = [];
	rows.push(`longest task by thread CPU per warm load: ${longest.join(', ')} ms`);
	const top = Number(process.env.PROFILE_TOP ?? 20);
	if (SAMPLE) rows.push(`CPU profile: ${f0(busy / TIMES)} ms busy per warm load; per load, top self time:`);
	for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) rows.push(`  ${f0(v / TIMES).padStart(6)} ms  ${k}`);
	if (SAMPLE) rows.push('top total time (app code):');
	for (const [k, v] of [...total].filter(([k]) => /\.js:/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) rows.push(`  ${f0(v / TIMES).padStart(6)} ms  ${k}`);
	console.log(`\nsynthetic corpus, ${docs} documents (load average ${loadavg()[0]!.toFixed(1)})\n  ${rows.join('\n  ')}`);
	if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, `timeline-${docs}.png`) });
	await context.close();
	await close();
}
await browser.close();
