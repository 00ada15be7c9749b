// Where a filter change's time goes: a Chromium trace (CDP Tracing) of filter changes on a route,
// summed by what the renderer's main thread did (script, style, layout, paint, …), with the
// scripts' heaviest functions from a CPU profile of the same changes.
//   node scripts/profile-filter.ts [/route ...]   (default /achievements / /map)
//   PROFILE_DOCS=10000 (a synthetic corpus in place of the shipped one), PROFILE_CHANGES=10,
//   BUILD_DIR (the build to serve, as for bench:views), PROFILE_OUT=dir (keeps trace.json and cpu.cpuprofile)
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { chromium, type CDPSession } from 'playwright-core';
import { chromiumPath } from '../tests/browser.ts';
import { allChartsReady } from './bench-page.ts';
import { serveStatic } from './static-server.ts';
import { syntheticCorpus } from './synthetic-corpus.ts';

const BUILD = process.env.BUILD_DIR ?? 'build';
const DOCS = Number(process.env.PROFILE_DOCS ?? 0);
const CHANGES = Number(process.env.PROFILE_CHANGES ?? 10);
/** PROFILE_LIGHT=1: the trace's timeline only, no CPU profile (less overhead, for comparing builds). */
const LIGHT = !!process.env.PROFILE_LIGHT;
const ROUTES = process.argv.slice(2).length ? process.argv.slice(2) : ['/achievements', '/', '/map'];

async function serve() {
	if (!DOCS) return serveStatic(BUILD, 0);
	const dir = mkdtempSync(join(tmpdir(), 'profile-build-'));
	cpSync(BUILD, dir, { recursive: true });
	const assets = join(dir, '_app/immutable/assets');
	writeFileSync(join(assets, readdirSync(assets).find((f) => /^corpus.*\.json$/.test(f))!), JSON.stringify(syntheticCorpus({ docs: DOCS, seed: 1 })));
	const served = await serveStatic(dir, 0);
	return { ...served, close: async () => (await served.close(), rmSync(dir, { recursive: true, force: true })) };
}

interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	/** thread (CPU) time: what contention with other processes does not inflate */
	tdur?: number;
	pid: number;
	tid: number;
	args?: { data?: Record<string, unknown> };
}

async function trace(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
	const events: TraceEvent[] = [];
	cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
	await cdp.send('Tracing.start', {
		transferMode: 'ReportEvents',
		traceConfig: { includedCategories: LIGHT ? ['devtools.timeline', 'disabled-by-default-devtools.timeline'] : ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'] }
	} as never);
	await run();
	const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
	await cdp.send('Tracing.end');
	await done;
	return events;
}

/** The renderer main thread's top-level tasks. */
function mainTasks(events: TraceEvent[]): TraceEvent[] {
	const main = events.find((e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain');
	const tasks = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur != null && e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
	// nested RunTasks (a task run inside another) count once
	let end = -Infinity;
	return tasks.filter((e) => (e.ts >= end ? ((end = e.ts + e.dur!), true) : false));
}

/** Self time of the main thread's events by name: each complete event minus its complete children. */
function selfTimes(events: TraceEvent[]): Map<string, number> {
	const main = events.find((e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain');
	const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
	const self = new Map<string, number>();
	const stack: { e: TraceEvent; child: number }[] = [];
	const pop = () => {
		const top = stack.pop()!;
		self.set(top.e.name, (self.get(top.e.name) ?? 0) + top.e.dur! - top.child);
		if (stack.length) stack[stack.length - 1]!.child += top.e.dur!;
	};
	for (const e of onMain) {
		while (stack.length && stack[stack.length - 1]!.e.ts + stack[stack.length - 1]!.e.dur! <= e.ts) pop();
		stack.push({ e, child: 0 });
	}
	while (stack.length) pop();
	return self;
}

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
function heaviest(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, n = 25) {
	const byId = new Map(profile.nodes.map((x) => [x.id, x]));
	const self = new Map<string, number>();
	profile.samples.forEach((id, i) => {
		const f = byId.get(id)!.callFrame;
		const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
		self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
	});
	return [...self].sort((a, b) => b[1] - a[1]).slice(0, n);
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
const { url, close } = await serve();
const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
const page = await context.newPage();
await page.goto(url);
await allChartsReady(page);
console.log(`load average ${loadavg()[0]!.toFixed(1)}; ${DOCS ? `${DOCS} synthetic documents` : 'shipped corpus'}; ${CHANGES} changes a route`);
for (const route of ROUTES) {
	await page.goto(url + route.slice(1));
	await allChartsReady(page);
	await page.waitForTimeout(500);
	const years = await page.locator('select[name="from"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
	const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	const times: number[] = [];
	let profile: never;
	const events = await trace(cdp, async () => {
		if (!LIGHT) await cdp.send('Profiler.start');
		for (let i = 0; i < CHANGES; i++) {
			const year = years[i % years.length]!;
			const t = await page.evaluate(() => performance.now());
			await page.locator('select[name="from"]').selectOption(year);
			await page.waitForURL(new RegExp(`from=${year}`));
			times.push((await allChartsReady(page)) - t);
		}
		if (!LIGHT) profile = (await cdp.send('Profiler.stop')).profile as never;
	});
	const self = selfTimes(events);
	const cpu = mainTasks(events).reduce((a, e) => a + (e.tdur ?? 0), 0);
	const total = [...self.values()].reduce((a, b) => a + b, 0);
	const sorted = [...times].sort((a, b) => a - b);
	console.log(`\n${route}: ${nodes} elements; change median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms; main thread busy ${(total / 1000 / CHANGES).toFixed(1)} ms a change, of which ${(cpu / 1000 / CHANGES).toFixed(1)} ms on the CPU`);
	for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`  ${(us / 1000 / CHANGES).toFixed(1).padStart(6)} ms  ${name}`);
	if (!LIGHT) {
		console.log('  heaviest functions (self, ms a change):');
		for (const [name, t] of heaviest(profile!, 20)) console.log(`  ${(t / CHANGES).toFixed(1).padStart(6)}  ${name}`);
	}
	if (process.env.PROFILE_OUT) {
		mkdirSync(process.env.PROFILE_OUT, { recursive: true });
		const base = join(process.env.PROFILE_OUT, route === '/' ? 'overview' : route.slice(1));
		writeFileSync(`${base}.trace.json`, JSON.stringify({ traceEvents: events }));
		if (!LIGHT) writeFileSync(`${base}.cpuprofile`, JSON.stringify(profile!));
	}
	await cdp.detach();
}
await context.close();
await close();
await browser.close();
