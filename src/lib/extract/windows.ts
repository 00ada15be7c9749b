// A set of text windows by position: findMetrics decides a figure once for the same words around
// the same number (a repeated line, a page echoing its lead), without a key string per number.

const BAR = 124; // '|', between the words before the number and the rest

/** Slots of a fresh table (a power of two); a table grown past MAX_KEPT slots is dropped at the next reset. */
const INITIAL = 64;
const MAX_KEPT = 4096;

/**
 * The windows norm[a, s) + '|' + norm[s, b) added since the last reset, two windows being one when
 * those texts are equal. Kept as positions in an open-addressing table of their hashes, whose typed
 * arrays are reused from one document to the next (a stamp per slot tells the current document's
 * entries from older ones): a document allocates neither a string nor an object per window.
 * @example const w = new WindowSet(); w.reset('3人|3人'); w.add(0, 0, 2); w.add(4, 4, 6) // true, then false
 */
export class WindowSet {
	private norm = '';
	private stamp = 0;
	private count = 0;
	/** per slot: the stamp of the document that filled it */
	private stamps = new Int32Array(INITIAL);
	/** per slot: the window's hash */
	private hashes = new Int32Array(INITIAL);
	/** per slot: a, s and b */
	private spans = new Int32Array(3 * INITIAL);

	/** Empties the set for the windows of another text. */
	reset(norm: string): void {
		this.norm = norm;
		this.count = 0;
		if (this.stamps.length > MAX_KEPT) this.allocate(INITIAL);
		if (++this.stamp === 0x7fffffff) {
			this.stamps.fill(0);
			this.stamp = 1;
		}
	}

	/** Adds the window; false when an equal one was added since the last reset. */
	add(a: number, s: number, b: number): boolean {
		// (as String.prototype.slice reads a range that ends before it starts: empty)
		if (a > s) a = s;
		if (b < s) b = s;
		const h = this.hash(a, s, b);
		const mask = this.stamps.length - 1;
		let k = h & mask;
		for (; this.stamps[k] === this.stamp; k = (k + 1) & mask) if (this.hashes[k] === h && this.equal(a, s, b, k)) return false;
		this.put(k, h, a, s, b);
		if (++this.count * 2 > this.stamps.length) this.grow();
		return true;
	}

	/** FNV-1a of the window's char codes, kept to 30 bits. */
	private hash(a: number, s: number, b: number): number {
		const norm = this.norm;
		let h = 0x811c9dc5;
		for (let i = a; i < s; i++) h = Math.imul(h ^ norm.charCodeAt(i), 16777619);
		h = Math.imul(h ^ BAR, 16777619);
		for (let i = s; i < b; i++) h = Math.imul(h ^ norm.charCodeAt(i), 16777619);
		return h & 0x3fffffff;
	}

	/** The k-th char code of the window a, s, b. */
	private codeAt(a: number, s: number, k: number): number {
		const p = s - a;
		return k < p ? this.norm.charCodeAt(a + k) : k === p ? BAR : this.norm.charCodeAt(s + k - p - 1);
	}

	/** Whether the window a, s, b has the text of the one in slot `slot`. */
	private equal(a: number, s: number, b: number, slot: number): boolean {
		const a2 = this.spans[3 * slot]!;
		const s2 = this.spans[3 * slot + 1]!;
		const n = b - a + 1;
		if (this.spans[3 * slot + 2]! - a2 + 1 !== n) return false;
		for (let k = 0; k < n; k++) if (this.codeAt(a, s, k) !== this.codeAt(a2, s2, k)) return false;
		return true;
	}

	private put(k: number, h: number, a: number, s: number, b: number): void {
		this.stamps[k] = this.stamp;
		this.hashes[k] = h;
		this.spans[3 * k] = a;
		this.spans[3 * k + 1] = s;
		this.spans[3 * k + 2] = b;
	}

	private allocate(slots: number): void {
		this.stamps = new Int32Array(slots);
		this.hashes = new Int32Array(slots);
		this.spans = new Int32Array(3 * slots);
	}

	/** Twice the slots, the current entries moved over. */
	private grow(): void {
		const { stamps, hashes, spans, stamp } = this;
		this.allocate(2 * stamps.length);
		const mask = this.stamps.length - 1;
		for (let j = 0; j < stamps.length; j++) {
			if (stamps[j] !== stamp) continue;
			let k = hashes[j]! & mask;
			while (this.stamps[k] === stamp) k = (k + 1) & mask;
			this.put(k, hashes[j]!, spans[3 * j]!, spans[3 * j + 1]!, spans[3 * j + 2]!);
		}
	}
}
