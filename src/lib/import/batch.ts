// Import batching: which documents of a batch go in and which are duplicates (planBatch), and
// when the documents waiting to be stored go to the database together (ImportBatcher). Pure
// logic, so Node tests it; the queue and the database helper use it.

interface Identified {
	id: string;
	contentHash: string;
	title: string | null;
	fileName: string;
}

type Existing = Pick<Identified, 'id' | 'title' | 'fileName'>;

export type BatchStep = { outcome: 'store' } | { outcome: 'duplicate'; existing: Existing } | { outcome: 'invalid' };

/**
 * Per document of a batch, in order: stored, or a duplicate of a stored document with the same
 * content (from `existing`, content hash → document) or of an earlier one in the same batch;
 * null (records that could not be made valid) is 'invalid'.
 * @example planBatch([a, aCopy, b], new Map()) // [{ outcome: 'store' }, { outcome: 'duplicate', existing: a }, { outcome: 'store' }]
 */
export function planBatch(documents: readonly (Identified | null)[], existing: ReadonlyMap<string, Existing>): BatchStep[] {
	const seen = new Map(existing);
	return documents.map((d) => {
		if (!d) return { outcome: 'invalid' };
		const same = seen.get(d.contentHash);
		if (same) return { outcome: 'duplicate', existing: { id: same.id, title: same.title, fileName: same.fileName } };
		seen.set(d.contentHash, d);
		return { outcome: 'store' };
	});
}

export interface BatchTiming {
	/** a batch goes as soon as it holds this many documents */
	size: number;
	/** … or this long after its first document came, whichever is first */
	waitMs: number;
}

/** Every 50 documents or 250 ms: ~0.3 s of the user's wait at most, 20 transactions for 1,000 files. */
export const BATCH_TIMING: BatchTiming = { size: 50, waitMs: 250 };

interface Timers {
	set: (fn: () => void, ms: number) => unknown;
	clear: (handle: unknown) => void;
}

const realTimers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/**
 * Collects items and hands them to `store` in batches: when `size` have come, when `waitMs` has
 * passed since the first one waiting, or at once when `flushNow` is called (nothing else coming).
 * One batch is stored at a time, in arrival order; items that come meanwhile wait for the next.
 * `store` must not throw (it reports its own failures per item).
 */
export class ImportBatcher<T> {
	#waiting: T[] = [];
	#timer: unknown = null;
	#storing: Promise<void> | null = null;
	/** a flush was asked for while a batch was being stored */
	#again = false;
	#store: (batch: T[]) => Promise<void>;
	#timing: BatchTiming;
	#timers: Timers;

	constructor(store: (batch: T[]) => Promise<void>, timing: BatchTiming = BATCH_TIMING, timers: Timers = realTimers) {
		this.#store = store;
		this.#timing = timing;
		this.#timers = timers;
	}

	/** items waiting for a batch (not yet given to `store`) */
	get waiting(): readonly T[] {
		return this.#waiting;
	}

	/** a batch is being stored */
	get busy(): boolean {
		return this.#storing !== null;
	}

	add(item: T): void {
		this.#waiting.push(item);
		if (this.#waiting.length >= this.#timing.size) this.flushNow();
		else this.#timer ??= this.#timers.set(() => {
			this.#timer = null;
			this.flushNow();
		}, this.#timing.waitMs);
	}

	/** Stores what waits now (after the batch being stored, if any). */
	flushNow(): void {
		this.#clearTimer();
		if (this.#storing) {
			this.#again = true;
			return;
		}
		if (!this.#waiting.length) return;
		const batch = this.#waiting.splice(0, this.#timing.size);
		this.#storing = this.#store(batch).finally(() => {
			this.#storing = null;
			const again = this.#again || this.#waiting.length >= this.#timing.size;
			this.#again = false;
			if (again) this.flushNow();
			else if (this.#waiting.length)
				this.#timer ??= this.#timers.set(() => {
					this.#timer = null;
					this.flushNow();
				}, this.#timing.waitMs);
		});
	}

	/** Takes back the items still waiting (a cancel): they will not be stored. The batch being stored completes. */
	drop(): T[] {
		this.#clearTimer();
		this.#again = false;
		return this.#waiting.splice(0);
	}

	/** Resolves once nothing waits and no batch is being stored (for tests and a clean stop). */
	async idle(): Promise<void> {
		while (this.#storing || this.#waiting.length) {
			if (!this.#storing) this.flushNow();
			await this.#storing;
		}
	}

	#clearTimer(): void {
		if (this.#timer !== null) this.#timers.clear(this.#timer);
		this.#timer = null;
	}
}
