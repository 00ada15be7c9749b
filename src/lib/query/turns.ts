// Who goes first in the facts worker: the page's asks. The worker also works for later (the
// prefetch of the next page loads' answers, the achievements snapshot written in slices, the
// engine's remaining indexes), and none of that work can be
// interrupted once a slice of it has started: an ask that comes meanwhile waits until the slice
// ends. Measured (bench:views with bench-asks.ts, 10k, load ~11): the filter changes' asks waited
// 22-105 ms in the worker's queue behind the snapshot's writing (73-322 ms a slice of eight blocks)
// and the timeline's index (117 ms), begun in a gap of a few tens of milliseconds between two
// changes. A slice of background work therefore starts only once the page has been quiet for a
// while (no ask in flight, none for `quietMs`), not merely while no ask is in flight: a user
// going through the filters keeps the worker to their asks, and the work for later resumes when
// they stop. (The filter states computed ahead, one answer a task, still go between two asks: they
// are made for the burst itself, see facts.worker.ts warm.)

/** The page's asks in flight and when the last one came or was answered, and waiting for a quiet moment. */
export class Turns {
	#asking = 0;
	#last = Number.NEGATIVE_INFINITY;
	readonly #now: () => number;
	readonly #sleep: (ms: number) => Promise<void>;

	/**
	 * @param now a clock in ms (performance.now by default)
	 * @param sleep waits about that many ms (a timer by default)
	 */
	constructor(now: () => number = () => performance.now(), sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms))) {
		this.#now = now;
		this.#sleep = sleep;
	}

	/** An ask came. */
	begin(): void {
		this.#asking++;
		this.#last = this.#now();
	}

	/** An ask was answered (or failed). */
	end(): void {
		this.#asking = Math.max(0, this.#asking - 1);
		this.#last = this.#now();
	}

	/** Asks being answered. */
	get asking(): number {
		return this.#asking;
	}

	/**
	 * Whether the page has been quiet for `quietMs`: no ask in flight and none came or was answered since.
	 * @example new Turns(() => 0).idleFor(0) // true: nothing was ever asked
	 */
	idleFor(quietMs: number): boolean {
		return this.#asking === 0 && this.#now() - this.#last >= quietMs;
	}

	/** Resolves once the page has been quiet for `quietMs` (checked at least every `stepMs`). */
	async quiet(quietMs: number, stepMs = 50): Promise<void> {
		while (!this.idleFor(quietMs)) {
			const since = this.#now() - this.#last;
			await this.#sleep(this.#asking > 0 ? stepMs : Math.max(stepMs, quietMs - since));
		}
	}
}

/**
 * How long the page must have asked nothing before a slice of background work starts: longer than
 * the gap between two picks of a user going through a filter's values (a select's next option, the
 * next year: a change answered and drawn in ~50-100 ms, the next pick a moment later), shorter than
 * a user's look at the page (bench:views' next change comes as soon as Playwright has seen the
 * charts ready: all its changes are one burst).
 */
export const BACKGROUND_QUIET_MS = 300;
