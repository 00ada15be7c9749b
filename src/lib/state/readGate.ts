// When the views' corpus is read again after the stored corpus changed: at once, except while an
// import runs, when at most every `everyMs` and once more when it ends (an import of 1,000
// documents stores 20 batches; a read after each had the facts worker read the whole corpus 20
// times for figures nobody looks at mid-import). Pure logic with its timers passed in, so Node
// tests it; FactsState (facts.svelte.ts) uses it.

export interface GateClock {
	now: () => number;
	set: (fn: () => void, ms: number) => unknown;
	clear: (handle: unknown) => void;
}

const realClock: GateClock = {
	now: () => performance.now(),
	set: (fn, ms) => setTimeout(fn, ms),
	clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>)
};

/**
 * Calls `read` for each change of the stored corpus (`changed`): at once, or, while an import runs
 * (between `importing()` and the call of the function it returns), once `everyMs` have passed
 * since the last read, however many changes came meanwhile; a read put off is done when the last
 * import ends.
 * @example const gate = new ReadGate(() => readCorpus(), 5000); const end = gate.importing(); gate.changed(); … end()
 */
export class ReadGate {
	#read: () => void;
	#everyMs: number;
	#clock: GateClock;
	#imports = 0;
	#lastRead = -Infinity;
	#deferred: unknown = null;

	constructor(read: () => void, everyMs: number, clock: GateClock = realClock) {
		this.#read = read;
		this.#everyMs = everyMs;
		this.#clock = clock;
	}

	/** An import begins; call the returned function when it ends (more calls do nothing). */
	importing(): () => void {
		this.#imports++;
		let ended = false;
		return () => {
			if (ended) return;
			ended = true;
			this.#imports--;
			if (this.#imports === 0 && this.#deferred !== null) {
				this.#clock.clear(this.#deferred);
				this.#deferred = null;
				this.#now();
			}
		};
	}

	/** The stored corpus changed. */
	changed(): void {
		if (this.#deferred !== null) return;
		const wait = this.#imports > 0 ? this.#lastRead + this.#everyMs - this.#clock.now() : 0;
		if (wait > 0)
			this.#deferred = this.#clock.set(() => {
				this.#deferred = null;
				this.#now();
			}, wait);
		else this.#now();
	}

	#now(): void {
		this.#lastRead = this.#clock.now();
		this.#read();
	}
}
