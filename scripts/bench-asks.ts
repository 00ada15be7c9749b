// Where a filter change's time goes between the page and the facts worker, for bench:views:
// watchAsks (an init script) logs each ask the page posts to the facts worker and the reply's
// arrival, with the worker's own times (facts.worker.ts `timing`: the ask handled, its answer begun
// and made, the reply posted; absolute times, comparable across threads); changeParts splits the
// last change (bench-page.ts watchChanges) into
//   event → the ask posted (the page's handlers),
//   posted → handled in the worker (queued behind the worker's other work: a read's slice, a
//     prefetch or warm-up answer, a snapshot's slice),
//   handled → begun (waiting inside the worker: the records read, the analysis, a stored answer),
//   making the answer, then the reply's trip (the clone, the page's queue),
//   the reply → all charts ready (the page's render: Svelte, ECharts).
import type { Page } from 'playwright-core';

/** Init script: wraps Worker so the facts worker's asks and replies are logged in window.__asks. */
export const watchAsks = () => {
	type Ask = { id: number; type: string; sent: number; back?: number; timing?: number[]; computed?: boolean };
	const w = window as unknown as { __asks: Ask[] };
	w.__asks = [];
	const abs = () => performance.timeOrigin + performance.now();
	const Base = window.Worker;
	window.Worker = class extends Base {
		constructor(url: string | URL, options?: WorkerOptions) {
			super(url, options);
			// added before the app sets onmessage: it hears the reply first
			this.addEventListener('message', (e) => {
				const d = e.data as { type?: string; id?: number; timing?: number[]; computed?: boolean };
				if (d?.type !== 'answer') return;
				const a = w.__asks.find((x) => x.id === d.id && x.back == null);
				if (a) Object.assign(a, { back: abs(), timing: d.timing, computed: d.computed });
			});
		}
		override postMessage(message: unknown, transfer?: unknown) {
			const m = message as { type?: string; id?: number; request?: { type?: string } };
			if (m?.type === 'ask' && m.id != null) {
				w.__asks.push({ id: m.id, type: m.request?.type ?? '', sent: abs() });
				if (w.__asks.length > 200) w.__asks.shift();
			}
			return super.postMessage(message, transfer as Transferable[]);
		}
	} as typeof Worker;
};

/** The parts of one change, in ms (null: no ask answered in it). */
export interface ChangeParts {
	/** the select's event to the last ask of the change posted */
	toAsk: number;
	/** posted → handled by the worker (its queue) */
	queued: number;
	/** handled → begun (a read, the analysis, a stored answer looked up) */
	waited: number;
	/** the answer made */
	made: number;
	/** made → posted, and the trip back to the page's listener */
	back: number;
	/** the reply → all charts ready */
	render: number;
	asks: number;
	computed: boolean;
	/** the last ask's posting and its handling in the worker, absolute */
	sentAt: number;
	handledAt: number;
}

/** The parts of the last change (watchChanges' __change) from the asks posted in it; null when none was answered. */
export const changeParts = (p: Page): Promise<ChangeParts | null> =>
	p.evaluate(() => {
		type Ask = { id: number; type: string; sent: number; back?: number; timing?: number[]; computed?: boolean };
		const w = window as unknown as { __asks: Ask[]; __change: { at: number; readyAt: number | null } | null };
		const c = w.__change;
		if (!c || c.readyAt == null) return null;
		const at = performance.timeOrigin + c.at;
		const ready = performance.timeOrigin + c.readyAt;
		// the asks of this change: posted after its event, answered before all was ready; the last answered decides
		const asks = w.__asks.filter((a) => a.sent >= at && a.back != null && a.back <= ready && a.timing);
		if (!asks.length) return null;
		const last = asks.reduce((x, y) => (y.back! > x.back! ? y : x));
		const [handled, begun, made] = last.timing!;
		return {
			toAsk: last.sent - at,
			queued: handled! - last.sent,
			waited: begun! - handled!,
			made: made! - begun!,
			back: last.back! - made!,
			render: ready - last.back!,
			asks: asks.length,
			computed: !!last.computed,
			sentAt: last.sent,
			handledAt: handled!
		};
	});

/** One change's parts as text: event→ask / queued / waited / made / back / render. */
export const partsText = (x: ChangeParts | null) =>
	x ? [x.toAsk, x.queued, x.waited, x.made, x.back, x.render].map((v) => Math.max(0, v).toFixed(0)).join('/') + (x.computed ? '' : 's') : '-';
