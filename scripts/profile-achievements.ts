// node scripts/profile-achievements.ts — one filter change on /achievements taken apart (issue 17,
// filter change p95 ≤ 50 ms at 10k): the "from" year select changed PROFILE_CHANGES times (20, as
// bench:views does) on a synthetic corpus, each change timed as bench:views times it (from before
// Playwright's selectOption to all charts ready) and, in the page, from the select's change event:
//   the request posted to the facts worker and its answer back (the worker round trip),
//   SvelteKit's history update (goto), each chart's setOption (synchronous: it paints at once, its
//   painter's refresh, and fires 'rendered' in it), the last chart ready (data-state), and
//   the main thread's busy time meanwhile (a CDP CPU profile: self and inclusive time by function,
//   by phase of the change).
// A build without minification names the functions: BUILD_DIR=build-NAME, e.g.
//   BUILD_DIR=build-x KIT_OUT_DIR=.svelte-kit-x npx vite build --minify false
//   BUILD_DIR=build-x PROFILE_DOCS=10000 node scripts/profile-achievements.ts
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { allChartsReady, launchChromium, pct, serveWithCorpus } from './bench-page.ts';
import { syntheticCorpus } from './synthetic-corpus.ts';

const BUILD = process.env.BUILD_DIR ?? 'build';
const DOCS = Number(process.env.PROFILE_DOCS ?? 10000);
const CHANGES = Number(process.env.PROFILE_CHANGES ?? 20);
/** PROFILE_CPU=0: no CPU profile (the profiler's own overhead off, for wall times). */
const CPU = process.env.PROFILE_CPU !== '0';
/**
 * PROFILE_TRACE=1: a Chromium trace of the changes too, for the main thread's CPU time (thread
 * time, which other processes on the machine inflate far less than wall time or the profile's
 * samples) from each change event to all charts ready, and over the whole change.
 */
const TRACE = process.env.PROFILE_TRACE === '1';
if (!existsSync(`${BUILD}/index.html`)) throw new Error(`no build in ${BUILD}`);

/** In the page before the app: what a change did, each with its performance.now(). */
const instrument = () => {
	type Ev = { t: number; what: string; ms?: number };
	const w = window as unknown as { __events: Ev[]; __charts__: Record<string, unknown>; __longTasks: number[] };
	const log = (what: string, ms?: number) => w.__events.push({ t: performance.now(), what, ms });
	w.__events = [];
	w.__longTasks = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) w.__longTasks.push(e.duration);
	}).observe({ type: 'longtask', buffered: true });
	// the page's own marks (e.g. charts:warmed), at their time
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) w.__events.push({ t: e.startTime, what: `mark ${e.name}` });
	}).observe({ type: 'mark' });
	document.addEventListener('change', (e) => w.__events.push({ t: e.timeStamp, what: `change ${(e.target as HTMLSelectElement).name}` }), true);
	const Base = window.Worker;
	window.Worker = class extends Base {
		constructor(url: string | URL, options?: WorkerOptions) {
			super(url, options);
			this.addEventListener('message', (e) => log(`worker reply ${(e.data as { type?: string })?.type ?? ''}`));
		}
		override postMessage(message: unknown, transfer?: unknown) {
			const m = message as { type?: string; request?: { type?: string } };
			log(`worker ask ${m?.request?.type ?? m?.type ?? ''}`);
			return super.postMessage(message, transfer as Transferable[]);
		}
	} as typeof Worker;
	for (const name of ['pushState', 'replaceState'] as const) {
		const f = history[name].bind(history);
		history[name] = (...a: Parameters<History['pushState']>) => {
			const t = performance.now();
			f(...a);
			log(`history.${name}`, performance.now() - t);
		};
	}
	const rafs = new Set<number>();
	const raf = window.requestAnimationFrame.bind(window);
	window.requestAnimationFrame = (cb) => {
		const id = raf((t) => {
			rafs.delete(id);
			cb(t);
		});
		rafs.add(id);
		return id;
	};
	const charts: Record<string, unknown> = {};
	type Chart = { setOption: (...a: unknown[]) => unknown; on: (e: string, f: () => void) => void; getZr: () => { painter: { refresh: (...a: unknown[]) => unknown } } };
	w.__charts__ = new Proxy(charts, {
		set(target, key, chart: Chart) {
			target[key as string] = chart;
			const name = String(key).replace('achievements-', '');
			const set = chart.setOption.bind(chart);
			chart.setOption = (...a: unknown[]) => {
				const t = performance.now();
				const r = set(...a);
				log(`setOption ${name}${(a[1] as { notMerge?: boolean } | undefined)?.notMerge ? ' (replaced)' : ''}`, performance.now() - t);
				return r;
			};
			// setOption paints at once (zr.flush): the painter's refresh is the paint
			const painter = chart.getZr().painter;
			const refresh = painter.refresh.bind(painter);
			painter.refresh = (...a: unknown[]) => {
				const t = performance.now();
				const r = refresh(...a);
				log(`paint ${name}`, performance.now() - t);
				return r;
			};
			chart.on('rendered', () => log(`rendered ${name}`));
			return true;
		}
	});
	const ready = () => {
		const c = [...document.querySelectorAll('[data-chart]')];
		return c.length > 0 && c.every((x) => ['ready', 'empty'].includes(x.getAttribute('data-state') ?? ''));
	};
	let wasReady = false;
	/** DOM nodes added and removed (with their subtrees) and attributes written since the change: the page's DOM work. */
	const w2 = window as unknown as { __dom: { added: number; removed: number; attributes: number; texts: number } };
	w2.__dom = { added: 0, removed: 0, attributes: 0, texts: 0 };
	const size = (n: Node) => (n.nodeType === 1 ? (n as Element).getElementsByTagName('*').length + 1 : 1);
	new MutationObserver((list) => {
		for (const m of list) {
			if (m.type === 'childList') {
				m.addedNodes.forEach((n) => (w2.__dom.added += size(n)));
				const where = (m.target as Element).closest?.('[data-chart], select, nav, header, form, .conflict, h1, h2');
				const k = `added in ${where ? `${where.tagName.toLowerCase()}${where.getAttribute('data-chart') ?? where.getAttribute('name') ?? ''}` : 'elsewhere'}`;
				m.addedNodes.forEach((n) => ((w2.__dom as Record<string, number>)[k] = ((w2.__dom as Record<string, number>)[k] ?? 0) + size(n)));
				m.removedNodes.forEach((n) => (w2.__dom.removed += size(n)));
			} else if (m.type === 'attributes') w2.__dom.attributes++;
			else if (m.type === 'characterData') w2.__dom.texts++;
		}
	}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
	new MutationObserver(() => {
		const now = ready();
		if (now && !wasReady) log('all ready');
		if (!now && wasReady) log('loading');
		wasReady = now;
	}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
};

interface ProfileNode {
	id: number;
	parent?: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	children?: number[];
}
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Self and inclusive time by function name, ms. */
function byFunction(profile: Profile) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;
	const self = new Map<string, number>();
	const incl = new Map<string, number>();
	let busy = 0;
	profile.samples.forEach((id, i) => {
		const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
		let n = byId.get(id)!;
		const leaf = n.callFrame.functionName;
		if (leaf === '(idle)' || leaf === '(program)') return;
		busy += dt;
		const key = (x: ProfileNode) => `${x.callFrame.functionName || '(anonymous)'} ${x.callFrame.url.split('/').pop()}:${x.callFrame.lineNumber + 1}`;
		self.set(key(n), (self.get(key(n)) ?? 0) + dt);
		const seen = new Set<string>();
		for (;;) {
			const name = n.callFrame.functionName || '(anonymous)';
			if (!seen.has(name)) (seen.add(name), incl.set(name, (incl.get(name) ?? 0) + dt));
			if (n.parent == null) break;
			n = byId.get(n.parent)!;
		}
	});
	return { self, incl, busy };
}

const f1 = (n: number) => n.toFixed(1);

/**
 * The main thread's samples by phase of each change (the page's clock mapped onto the profile's by
 * __calibrate): busy time and the heaviest functions (inclusive) of each phase, ms a change.
 */
function windows(profile: Profile) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;
	const stamps: number[] = [];
	let ts = (profile as unknown as { startTime: number }).startTime;
	for (const d of profile.timeDeltas) stamps.push((ts += d));
	const first = profile.samples.findIndex((id) => {
		for (let n: ProfileNode | undefined = byId.get(id); n; n = n.parent == null ? undefined : byId.get(n.parent)) if (n.callFrame.functionName === '__calibrate') return true;
		return false;
	});
	if (first < 0) return console.log('  (no calibration sample)');
	const offset = stamps[first]! / 1000 - calibrated; // profile ms = page ms + offset
	const phases: Record<string, { busy: number; fns: Map<string, number>; self: Map<string, number> }> = {};
	for (const c of changes) {
		const ev = c.events;
		const change = ev.find((e) => e.what === 'change from');
		const ask = ev.find((e) => e.what.startsWith('worker ask'));
		const reply = ask && ev.find((e) => e.what.startsWith('worker reply') && e.t > ask.t);
		const sets = ev.filter((e) => e.what.startsWith('setOption'));
		const ready = ev.filter((e) => e.what === 'all ready').at(-1);
		if (!change || !reply || !sets.length || !ready) continue;
		const cuts: [string, number, number][] = [
			['a: selectOption → change event', -Infinity, change.t],
			['b: change → answer (main thread meanwhile)', change.t, reply.t],
			['c: answer → first setOption', reply.t, sets[0]!.t - sets[0]!.ms!],
			['d: the setOptions', sets[0]!.t - sets[0]!.ms!, sets.at(-1)!.t],
			['e: last setOption → all ready', sets.at(-1)!.t, ready.t],
			['f: after ready (next 150 ms)', ready.t, ready.t + 150]
		];
		for (const [name, from, to] of cuts) {
			const lo = (from === -Infinity ? 0 : c.at + from + offset) * 1000;
			const hi = (c.at + to + offset) * 1000;
			const p = (phases[name] ??= { busy: 0, fns: new Map(), self: new Map() });
			for (let i = 0; i < stamps.length; i++) {
				if (stamps[i]! < lo || stamps[i]! >= hi || (from === -Infinity && stamps[i]! < hi - 40_000)) continue;
				const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
				let n = byId.get(profile.samples[i]!)!;
				if (n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') continue;
				p.busy += dt;
				const leaf = `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url ? ` ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}` : ''}`;
				p.self.set(leaf, (p.self.get(leaf) ?? 0) + dt);
				const seen = new Set<string>();
				for (;;) {
					const k = `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url ? ` ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}` : ''}`;
					if (!seen.has(k)) (seen.add(k), p.fns.set(k, (p.fns.get(k) ?? 0) + dt));
					if (n.parent == null) break;
					n = byId.get(n.parent)!;
				}
			}
		}
	}
	console.log('\nmain thread busy by phase of a change (mean ms a change; heaviest functions, inclusive):');
	for (const [name, p] of Object.entries(phases)) {
		console.log(`  ${name}: ${f1(p.busy / changes.length)} ms`);
		for (const [k, v] of [...p.fns].filter(([k]) => k !== '(root)').sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_PHASE_TOP ?? 12))) console.log(`    ${f1(v / changes.length).padStart(6)}  ${k}`);
		if (process.env.PROFILE_PHASE_SELF) {
			console.log('    self:');
			for (const [k, v] of [...p.self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_PHASE_SELF))) console.log(`    ${f1(v / changes.length).padStart(6)}  ${k}`);
		}
	}
}
const browser = await launchChromium((process.env.PROFILE_ARGS ?? '').split(' ').filter(Boolean));
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length} cores; Chromium ${browser.version()}; ${new Date().toISOString()}; build ${BUILD}; ${DOCS} documents; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const { url, close } = await serveWithCorpus(BUILD, JSON.stringify(syntheticCorpus({ docs: DOCS, seed: 1 })));
const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
await context.addInitScript(instrument);
const page = await context.newPage();
await page.goto(url, { waitUntil: 'commit' });
await allChartsReady(page);
await page.goto(`${url}achievements`);
await allChartsReady(page);
// bench:views changes the filters at once (the worker may still be reading the records back); PROFILE_WAIT=ms waits first
await page.waitForTimeout(Number(process.env.PROFILE_WAIT ?? 0));
const years = await page.locator('select[name="from"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
const cdp = await context.newCDPSession(page);
/** The page's workers, reached through its CDP session (messages relayed to each worker's own session). */
const workerSessions: string[] = [];
let msgId = 0;
const toWorker = (sessionId: string, method: string, params: Record<string, unknown> = {}) =>
	new Promise<Record<string, unknown>>((resolve) => {
		const mine = ++msgId;
		const reply = (e: { sessionId: string; message: string }) => {
			const m = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown> };
			if (e.sessionId !== sessionId || m.id !== mine) return;
			cdp.off('Target.receivedMessageFromTarget', reply);
			resolve(m.result ?? {});
		};
		cdp.on('Target.receivedMessageFromTarget', reply);
		void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mine, method, params }) });
	});
if (CPU) {
	const attached = (e: { sessionId: string; targetInfo: { title: string; url: string } }) => workerSessions.push(e.sessionId);
	cdp.on('Target.attachedToTarget', attached);
	await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
	await new Promise((r) => setTimeout(r, 300));
	cdp.off('Target.attachedToTarget', attached);
	for (const s of workerSessions) {
		await toWorker(s, 'Profiler.enable');
		await toWorker(s, 'Profiler.setSamplingInterval', { interval: 100 });
		await toWorker(s, 'Profiler.start');
	}
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
	await cdp.send('Profiler.start');
}
type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: Record<string, unknown> };
const traced: TraceEvent[] = [];
if (TRACE) {
	cdp.on('Tracing.dataCollected', (e) => void traced.push(...(e.value as unknown as TraceEvent[])));
	await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] } } as never);
}
type Ev = { t: number; what: string; ms?: number };
const changes: { bench: number; events: Ev[]; longest: number; at: number; dom: Record<string, number> }[] = [];
for (let i = 0; i < CHANGES; i++) {
	const year = years[i % years.length]!;
	await page.evaluate(() => {
		const w = window as unknown as { __events: unknown[]; __longTasks: number[]; __dom: Record<string, number> };
		w.__events = [];
		w.__longTasks = [];
		w.__dom = { added: 0, removed: 0, attributes: 0, texts: 0 };
	});
	const t = await page.evaluate(() => performance.now());
	await page.locator('select[name="from"]').selectOption(year);
	await page.waitForURL(new RegExp(`from=${year}`));
	const bench = (await allChartsReady(page)) - t;
	await page.waitForTimeout(150);
	const { events, longest, dom } = await page.evaluate(() => {
		const w = window as unknown as { __events: Ev[]; __longTasks: number[]; __dom: Record<string, number> };
		return { events: w.__events.slice(), longest: Math.max(0, ...w.__longTasks), dom: { ...w.__dom } };
	});
	changes.push({ bench, events: events.map((e) => ({ ...e, t: e.t - t })), longest, at: t, dom });
}
// A known stretch of work at a known performance.now(): where the profile's clock stands against the page's.
const calibrated = CPU
	? await page.evaluate(() => {
			const t = performance.now();
			(function __calibrate() {
				while (performance.now() - t < 20);
			})();
			return t;
		})
	: 0;
const profile = CPU ? ((await cdp.send('Profiler.stop')).profile as Profile) : null;
let traceCalibrated = 0;
if (TRACE) {
	traceCalibrated = await page.evaluate(() => (performance.mark('profile:calibrate'), performance.getEntriesByName('profile:calibrate')[0]!.startTime));
	const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
	await cdp.send('Tracing.end');
	await done;
}
const workerProfiles: Profile[] = [];
for (const s of workerSessions) workerProfiles.push((await toWorker(s, 'Profiler.stop')).profile as Profile);
console.log(`load average after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);

// Per change: the time of each event from the change event.
const rows: Record<string, number[]> = {};
/** Main-thread thread time (ms) of the renderer's top-level tasks in [from, to) of the page's clock, a task cut short counted in proportion. */
let cpuBetween: ((from: number, to: number) => number) | null = null;
if (TRACE) {
	const mark = traced.find((e) => e.name === 'profile:calibrate');
	const main = traced.find((e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain' && (!mark || e.pid === mark.pid));
	if (mark && main) {
		const offset = mark.ts / 1000 - traceCalibrated;
		const tasks = traced.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask' && e.dur != null).sort((a, b) => a.ts - b.ts);
		if (process.env.PROFILE_VERBOSE) console.log(JSON.stringify(tasks.slice(-3)));
		if (process.env.PROFILE_VERBOSE) console.log(`trace: ${traced.length} events, ${tasks.length} main-thread tasks, mark at ${mark.ts} (page ${traceCalibrated.toFixed(1)} ms), first task ${tasks[0]?.ts}`);
		cpuBetween = (from, to) => {
			let sum = 0;
			let end = -Infinity;
			for (const e of tasks) {
				const s0 = e.ts / 1000 - offset;
				const s1 = s0 + e.dur! / 1000;
				if (s0 < end) continue; // nested
				end = s1;
				const lo = Math.max(s0, from);
				const hi = Math.min(s1, to);
				if (hi <= lo) continue;
				sum += ((e.tdur ?? e.dur!) / 1000) * ((hi - lo) / Math.max(s1 - s0, 1e-6));
			}
			return sum;
		};
	} else console.log('(no calibration mark in the trace)');
}
const add = (k: string, v: number) => (rows[k] ??= []).push(v);
for (const c of changes) {
	const ev = c.events;
	const change = ev.find((e) => e.what === 'change from');
	if (!change) continue;
	const at = (what: string, after = change.t) => ev.find((e) => e.what.startsWith(what) && e.t >= after);
	const rel = (e: Ev | undefined) => (e ? e.t - change.t : NaN);
	add('bench: before selectOption → all charts ready', c.bench);
	add('bench: before selectOption → change event', change.t);
	const ask = at('worker ask achievements') ?? at('worker ask');
	const reply = ask ? ev.find((e) => e.what.startsWith('worker reply') && e.t > ask.t) : undefined;
	add('change → worker asked', rel(ask));
	add('change → worker answer', rel(reply));
	add('worker round trip (ask → answer)', reply && ask ? reply.t - ask.t : NaN);
	const push = at('history.');
	add('change → history push', rel(push));
	add('history push itself', push?.ms ?? NaN);
	const sets = ev.filter((e) => e.what.startsWith('setOption'));
	const paints = ev.filter((e) => e.what.startsWith('paint'));
	add('answer → first setOption', sets[0] && reply ? sets[0].t - sets[0].ms! - reply.t : NaN);
	add('setOption, 3 charts (sum)', sets.reduce((a, e) => a + e.ms!, 0));
	for (const name of ['by-year', 'by-region', 'by-indicator']) {
		add(`  setOption ${name}`, ev.find((e) => e.what.startsWith(`setOption ${name}`))?.ms ?? 0);
		add(`  paint ${name}`, ev.find((e) => e.what === `paint ${name}`)?.ms ?? 0);
	}
	add('paint, 3 charts (sum, in setOption)', paints.reduce((a, e) => a + e.ms!, 0));
	const ready = ev.filter((e) => e.what === 'all ready').at(-1);
	add('last setOption → all ready', ready && sets.length ? ready.t - sets.at(-1)!.t : NaN);
	add('change → all ready', rel(ready));
	add('all ready → bench sees it', c.bench - (ready?.t ?? NaN));
	if (cpuBetween && ready) {
		add('main thread CPU, change event → all ready', cpuBetween(c.at + change.t, c.at + ready.t));
		if (reply) add('main thread CPU, change event → answer', cpuBetween(c.at + change.t, c.at + reply.t));
		if (reply) add('main thread CPU, answer → all ready', cpuBetween(c.at + reply.t, c.at + ready.t));
		add('main thread CPU, the whole change (bench)', cpuBetween(c.at, c.at + c.bench));
	}
	add('longest task', c.longest);
	for (const [k, v] of Object.entries(c.dom)) add(`DOM: nodes ${k === 'texts' ? 'text data written' : k === 'attributes' ? 'attributes written' : k}`, v);
	add('setOption calls', sets.length);
	add('setOption calls that replace (notMerge)', sets.filter((e) => e.what.endsWith('(replaced)')).length);
}
console.log(`\n${changes.length} year changes, as bench:views times them, in order: ${changes.map((c) => c.bench.toFixed(0)).join(' ')} ms`);
console.log(`the same from the change event to all ready: ${changes.map((c) => (c.events.filter((e) => e.what === 'all ready').at(-1)?.t ?? NaN) - (c.events.find((e) => e.what === 'change from')?.t ?? NaN)).map((x) => x.toFixed(0)).join(' ')} ms`);
console.log(`the worker's round trip (ask → answer), in order: ${changes.map((c) => {
	const ask = c.events.find((e) => e.what.startsWith('worker ask achievements'));
	const reply = ask && c.events.find((e) => e.what.startsWith('worker reply') && e.t > ask.t);
	return ask && reply ? (reply.t - ask.t).toFixed(0) : '-';
}).join(' ')} ms`);
if (rows['main thread CPU, change event → all ready']) console.log(`main thread CPU from the change event to all ready, in order: ${rows['main thread CPU, change event → all ready'].map((x) => x.toFixed(0)).join(' ')} ms`);
console.log(`ms, p50 / p95 / max:`);
for (const [k, v] of Object.entries(rows)) {
	const xs = v.filter((x) => !Number.isNaN(x));
	console.log(`  ${k.padEnd(48)} ${f1(pct(xs, 50)).padStart(6)} ${f1(pct(xs, 95)).padStart(6)} ${f1(Math.max(...xs)).padStart(6)}`);
}
if (process.env.PROFILE_EVENTS) for (const c of changes.slice(0, Number(process.env.PROFILE_EVENTS))) console.log(`\n  ${c.events.map((e) => `${f1(e.t)} ${e.what}${e.ms != null ? ` (${f1(e.ms)})` : ''}`).join('\n  ')}`);
if (profile) {
	const { self, incl, busy } = byFunction(profile);
	console.log(`\nCPU profile of the page's main thread: ${f1(busy / changes.length)} ms busy a change (the bench's own evaluate calls included)`);
	const watch = (process.env.PROFILE_FUNCTIONS ?? 'setOption,refreshImmediately,goto,_goto,navigate,pushState,flushSync,flush_queued_root_effects,flush_queued_effects,update_effect,execute_derived,chartTable,indicatorCountsOption,yearTotalsOption,regionTotalsOption,reuseEqual,sameShape,withMotion,snapshot,structuredClone,postMessage,(garbage collector),Layout,UpdateLayoutTree').split(',');
	console.log('  inclusive, ms a change:');
	for (const n of watch) if (incl.has(n)) console.log(`  ${f1(incl.get(n)! / changes.length).padStart(6)}  ${n}`);
	console.log('  self, ms a change:');
	for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 30))) console.log(`  ${f1(v / changes.length).padStart(6)}  ${k}`);
	windows(profile);
	workerProfiles.forEach((w, i) => {
		const { self: ws, busy: wb } = byFunction(w);
		console.log(`\nworker ${i + 1}: ${f1(wb / changes.length)} ms busy a change; self, ms a change:`);
		for (const [k, v] of [...ws].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${f1(v / changes.length).padStart(6)}  ${k}`);
	});
	if (process.env.PROFILE_OUT) {
		mkdirSync(process.env.PROFILE_OUT, { recursive: true });
		writeFileSync(join(process.env.PROFILE_OUT, 'achievements.cpuprofile'), JSON.stringify(profile));
		workerProfiles.forEach((w, i) => writeFileSync(join(process.env.PROFILE_OUT!, `worker${i + 1}.cpuprofile`), JSON.stringify(w)));
	}
}
await context.close();
await close();
await browser.close();
