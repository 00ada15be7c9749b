// A filter change of the years answered without a pass over every figure and its sources: the
// achievements page's indicator summaries (summarise: each indicator's figures, units and distinct
// documents, and the distinct documents of all) for any year range, from counts kept by year for the
// other filters (region, category, kind) — crossfilter's and Mosaic's way of answering a brush on
// one dimension from aggregates grouped by it (a data cube of year × indicator × unit, and of year
// sets per indicator and document). A figure's year is one of at most 31 years (a bit each; one bit
// more for no year), so "some figure of indicator k from document d is in the range" is a bit test:
// a change of the years costs a pass over the (indicator, document) pairs and the documents (typed
// arrays, ~1-3 ms at 100k documents) instead of summarise's walk of the matching figures' sources
// (~7-14 ms). Equal, value for value, to matchMask + summarise (yearCube.spec.ts).
import type { CorpusDocument } from '../corpus/schema.ts';
import type { Filters } from '../state/filters.ts';
import { summaryOrder, unitsByUse, type IndicatorSummary } from './achievements.ts';
import { matchMask, type FigureIndex } from './figureIndex.ts';

/** Years a cube tells apart at most (a bit each, and one for figures without a year). */
const MAX_YEARS = 31;

/** What every cube of an index shares: each figure's year slot, and the (indicator, unit) and (indicator, document) pairs. */
interface CubeShape {
	/** the distinct years, ascending; slot s is years[s], slot years.length is "no year" */
	years: number[];
	slot: Uint8Array;
	/** each figure's (indicator, unit) pair, and each pair's indicator and unit */
	ku: Int32Array;
	kuIndicator: Int32Array;
	kuUnit: Int32Array;
	/** each source's (indicator, document) pair (srcDoc's positions), and each pair's indicator */
	kd: Int32Array;
	kdIndicator: Int32Array;
}

/** The counts by year of the figures that match one state of the other filters. */
interface Cube {
	/** the figures matching the other filters (1 or 0 by row) */
	base: Uint8Array;
	/** figures by (indicator, unit) pair and year slot: kuCount[pair * 32 + slot] */
	kuCount: Int32Array;
	/** the year slots of the matching figures of each (indicator, document) pair, and of each document */
	kdYears: Uint32Array;
	docYears: Uint32Array;
}

function shapeOf(ix: FigureIndex): CubeShape | null {
	const n = ix.figures.length;
	const distinct = new Set<number>();
	for (let i = 0; i < n; i++) if (!Number.isNaN(ix.year[i]!)) distinct.add(ix.year[i]!);
	if (distinct.size > MAX_YEARS) return null;
	const years = [...distinct].sort((a, b) => a - b);
	const slotOfYear = new Map(years.map((y, s) => [y, s]));
	const slot = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const y = ix.year[i]!;
		slot[i] = Number.isNaN(y) ? years.length : slotOfYear.get(y)!;
	}
	// The pairs numbered indicator by indicator (the index's rows grouped by indicator), each
	// indicator's units and documents told apart by a stamp per unit and per document: typed arrays,
	// no map of pairs (at 100k documents a Map of 350,000 pairs took ~0.4 s).
	const ku = new Int32Array(n);
	const kuIndicator: number[] = [];
	const kuUnit: number[] = [];
	const kd = new Int32Array(ix.srcDoc.length);
	const kdIndicator: number[] = [];
	const unitStamp = new Int32Array(ix.units.length + 1).fill(-1);
	const unitPair = new Int32Array(ix.units.length + 1);
	const docStamp = new Int32Array(ix.docIds).fill(-1);
	const docPair = new Int32Array(ix.docIds);
	for (let k = 0; k < ix.indicators.length; k++) {
		for (let j = ix.indicatorStart[k]!; j < ix.indicatorStart[k + 1]!; j++) {
			const i = ix.byIndicator[j]!;
			const u = ix.unit[i]! + 1;
			if (unitStamp[u] !== k) {
				unitStamp[u] = k;
				unitPair[u] = kuIndicator.length;
				kuIndicator.push(k);
				kuUnit.push(u - 1);
			}
			ku[i] = unitPair[u]!;
			for (let s = ix.srcStart[i]!; s < ix.srcStart[i + 1]!; s++) {
				const d = ix.srcDoc[s]!;
				if (docStamp[d] !== k) {
					docStamp[d] = k;
					docPair[d] = kdIndicator.length;
					kdIndicator.push(k);
				}
				kd[s] = docPair[d]!;
			}
		}
	}
	return { years, slot, ku, kuIndicator: Int32Array.from(kuIndicator), kuUnit: Int32Array.from(kuUnit), kd, kdIndicator: Int32Array.from(kdIndicator) };
}

/** Cubes kept per index: the states of the other filters a user goes between. */
const CUBES_KEPT = 4;

/**
 * The figures matching a state of the filters and their indicator summaries, as matchMask and
 * summarise give them, from a cube per state of the other filters (built on first use, by one pass
 * over the matching figures and their sources).
 */
export class YearCubes {
	readonly #ix: FigureIndex;
	readonly #shape: CubeShape | null;
	readonly #cubes = new Map<string, Cube>();

	/**
	 * The shape is built now (a pass over the figures and their sources, ~50-90 ms at 100k documents):
	 * with the engine's or the snapshot's query, before the first filter change rather than in it (bench:views
	 * after a stay, load 12: built in the first changes, they took 466, 297 and 966 ms).
	 */
	constructor(ix: FigureIndex) {
		this.#ix = ix;
		this.#shape = shapeOf(ix);
	}

	/** The year slots of a range ("all years" when neither end is set: with the figures of no year). */
	#range(f: Filters, shape: CubeShape): number {
		if (f.from == null && f.to == null) return 0xffffffff;
		const from = f.from ?? -Infinity;
		const to = f.to ?? Infinity;
		let bits = 0;
		shape.years.forEach((y, s) => {
			if (y >= from && y <= to) bits |= 1 << s;
		});
		return bits >>> 0;
	}

	#cube(f: Filters, docs: ReadonlyMap<string, CorpusDocument>, shape: CubeShape): Cube {
		const key = JSON.stringify([f.region, f.category, f.kind]);
		let cube = this.#cubes.get(key);
		if (cube) {
			// the newest last: the oldest is let go first
			this.#cubes.delete(key);
			this.#cubes.set(key, cube);
			return cube;
		}
		const ix = this.#ix;
		const base = matchMask(ix, { ...f, from: null, to: null }, docs);
		const kuCount = new Int32Array(shape.kuIndicator.length * 32);
		const kdYears = new Uint32Array(shape.kdIndicator.length);
		const docYears = new Uint32Array(ix.docIds);
		const n = base.length;
		for (let i = 0; i < n; i++) {
			if (!base[i]) continue;
			const s = shape.slot[i]!;
			const bit = (1 << s) >>> 0;
			kuCount[shape.ku[i]! * 32 + s]!++;
			for (let j = ix.srcStart[i]!; j < ix.srcStart[i + 1]!; j++) {
				kdYears[shape.kd[j]!] |= bit;
				docYears[ix.srcDoc[j]!] |= bit;
			}
		}
		cube = { base, kuCount, kdYears, docYears };
		if (this.#cubes.size >= CUBES_KEPT) this.#cubes.delete(this.#cubes.keys().next().value!);
		this.#cubes.set(key, cube);
		return cube;
	}

	/**
	 * matchMask(ix, f, docs) and summarise(ix, that mask), or null when the index has more years than
	 * a cube tells apart (the caller computes them so).
	 */
	match(f: Filters, docs: ReadonlyMap<string, CorpusDocument>): { mask: Uint8Array; summaries: IndicatorSummary[]; documents: number } | null {
		const shape = this.#shape;
		if (!shape) return null;
		const ix = this.#ix;
		const cube = this.#cube(f, docs, shape);
		const range = this.#range(f, shape);
		const n = cube.base.length;
		const mask = new Uint8Array(n);
		const { base } = cube;
		const slot = shape.slot;
		for (let i = 0; i < n; i++) mask[i] = base[i]! & (range >>> slot[i]!) & 1;
		// figures and units by indicator
		const ni = ix.indicators.length;
		const figures = new Int32Array(ni);
		const units: [number, number][][] = Array.from({ length: ni }, () => []);
		for (let p = 0; p < shape.kuIndicator.length; p++) {
			let count = 0;
			for (let s = 0; s < 32; s++) if ((range >>> s) & 1) count += cube.kuCount[p * 32 + s]!;
			if (!count) continue;
			const k = shape.kuIndicator[p]!;
			figures[k] = figures[k]! + count;
			// a figure without a unit counts, and names no unit (as in summarise)
			if (shape.kuUnit[p]! >= 0) units[k]!.push([shape.kuUnit[p]!, count]);
		}
		// distinct documents by indicator, and of all
		const documents = new Int32Array(ni);
		for (let q = 0; q < shape.kdIndicator.length; q++) if (cube.kdYears[q]! & range) documents[shape.kdIndicator[q]!]!++;
		let all = 0;
		for (let d = 0; d < cube.docYears.length; d++) if (cube.docYears[d]! & range) all++;
		const out: IndicatorSummary[] = [];
		for (let k = 0; k < ni; k++) {
			if (!figures[k]) continue;
			const list = unitsByUse(units[k]!.map(([u, c]) => [ix.units[u]!, c] as const));
			out.push({ indicator: ix.indicators[k]!, unit: list[0]!, units: list, figures: figures[k]!, documents: documents[k]!, known: ix.known[k] === 1, headline: ix.headline[k] === 1 });
		}
		return {
			mask,
			summaries: out.sort(summaryOrder),
			documents: all
		};
	}
}
