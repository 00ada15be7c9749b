// The figures of an analysis as columns, for answering a filter change in a few passes over
// typed arrays instead of walking 300,000 Figure objects and their sources (a 100k-document
// corpus: matchFigures + indicatorsOf took ~1 s a change). Built once per corpus read, in the
// facts worker. Each function here equals a definition of achievements.ts on the same figures —
// matchMask ≡ matchFigures' test, indicatorSummaries ≡ indicatorsOf — figureIndex.spec.ts checks both.
import type { CorpusDocument } from '../corpus/schema.ts';
import { isHeadlineIndicator, isKnownIndicator } from '../indicators/indicators.ts';
import type { Filters } from '../state/filters.ts';
import { summaryOrder, unitsByUse, type Figure, type IndicatorSummary } from './achievements.ts';
import { inRegion } from './facts.ts';

/** Strings to small integers, in order of first appearance. */
function dictionary<T>(items: readonly T[], key: (t: T) => string | null): { codes: Int32Array; values: string[] } {
	const index = new Map<string, number>();
	const values: string[] = [];
	const codes = new Int32Array(items.length);
	items.forEach((t, i) => {
		const k = key(t);
		if (k == null) return void (codes[i] = -1);
		let c = index.get(k);
		if (c === undefined) {
			index.set(k, (c = values.length));
			values.push(k);
		}
		codes[i] = c;
	});
	return { codes, values };
}

/** A kind code beyond the mask's 31 bits: such a figure is tested on its sources. */
const OTHER_KINDS = 0x80000000;

export interface FigureIndex {
	/** the figures, in the analysis's order */
	figures: readonly Figure[];
	/** a figure's year (NaN: none) */
	year: Float64Array;
	region: Int32Array;
	regions: string[];
	category: Int32Array;
	categories: string[];
	indicator: Int32Array;
	indicators: string[];
	/** per indicator: a vocabulary one, and one a headline may quote */
	known: Uint8Array;
	headline: Uint8Array;
	unit: Int32Array;
	units: string[];
	/** a bit per kind of the documents reporting the figure (OTHER_KINDS beyond 31 kinds) */
	kinds: Uint32Array;
	kindCodes: Map<string, number>;
	/** the figure's sources' documents, as numbers: figure i's are srcDoc[srcStart[i] … srcStart[i + 1]) */
	srcStart: Int32Array;
	srcDoc: Int32Array;
	/** distinct document ids among the sources */
	docIds: number;
	/** figure rows grouped by indicator (indicator k's are byIndicator[indicatorStart[k] … indicatorStart[k + 1])), each group in the figures' order */
	byIndicator: Int32Array;
	indicatorStart: Int32Array;
}

/**
 * The index of a list of figures; `docs` gives the kind of a source's document.
 * @example indexFigures(analysisOf(facts).figures, columnsOf(facts).docById)
 */
export function indexFigures(figures: readonly Figure[], docs: ReadonlyMap<string, CorpusDocument>): FigureIndex {
	const n = figures.length;
	const year = new Float64Array(n);
	figures.forEach((f, i) => (year[i] = f.year ?? Number.NaN));
	const region = dictionary(figures, (f) => f.region);
	const category = dictionary(figures, (f) => f.category);
	const indicator = dictionary(figures, (f) => f.indicator);
	const unit = dictionary(figures, (f) => f.unit);
	const kindCodes = new Map<string, number>();
	const kindCode = (kind: string) => {
		let c = kindCodes.get(kind);
		if (c === undefined) kindCodes.set(kind, (c = kindCodes.size));
		return c;
	};
	const docNumbers = new Map<string, number>();
	const kinds = new Uint32Array(n);
	const srcStart = new Int32Array(n + 1);
	const src: number[] = [];
	figures.forEach((f, i) => {
		srcStart[i] = src.length;
		let mask = 0;
		for (const s of f.sources) {
			let d = docNumbers.get(s.docId);
			if (d === undefined) docNumbers.set(s.docId, (d = docNumbers.size));
			src.push(d);
			const kind = docs.get(s.docId)?.kind;
			if (kind != null) {
				const k = kindCode(kind);
				mask |= k < 31 ? 1 << k : OTHER_KINDS;
			}
		}
		kinds[i] = mask >>> 0;
	});
	srcStart[n] = src.length;
	// Group rows by indicator, keeping the figures' order within a group (a counting sort).
	const ni = indicator.values.length;
	const indicatorStart = new Int32Array(ni + 1);
	for (let i = 0; i < n; i++) indicatorStart[indicator.codes[i]! + 1] = indicatorStart[indicator.codes[i]! + 1]! + 1;
	for (let k = 0; k < ni; k++) indicatorStart[k + 1] = indicatorStart[k + 1]! + indicatorStart[k]!;
	const next = indicatorStart.slice(0, ni);
	const byIndicator = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const k = indicator.codes[i]!;
		byIndicator[next[k]!] = i;
		next[k] = next[k]! + 1;
	}
	return {
		figures,
		year,
		region: region.codes,
		regions: region.values,
		category: category.codes,
		categories: category.values,
		indicator: indicator.codes,
		indicators: indicator.values,
		known: Uint8Array.from(indicator.values, (v) => (isKnownIndicator(v) ? 1 : 0)),
		headline: Uint8Array.from(indicator.values, (v) => (isHeadlineIndicator(v) ? 1 : 0)),
		unit: unit.codes,
		units: unit.values,
		kinds,
		kindCodes,
		srcStart,
		srcDoc: Int32Array.from(src),
		docIds: docNumbers.size,
		byIndicator,
		indicatorStart
	};
}

/**
 * Which figures match the filters (1 or 0 by row): matchFigures' test — year, category, place
 * (the region tested once per distinct code), and the kind of a document reporting it.
 */
export function matchMask(ix: FigureIndex, f: Filters, docs: ReadonlyMap<string, CorpusDocument>): Uint8Array {
	const n = ix.figures.length;
	const mask = new Uint8Array(n);
	const ranged = f.from != null || f.to != null;
	const from = f.from ?? -Infinity;
	const to = f.to ?? Infinity;
	const inside = f.region ? Uint8Array.from(ix.regions, (code) => (inRegion(code, f.region!) ? 1 : 0)) : null;
	const category = f.category ? ix.categories.indexOf(f.category) : -1;
	const kind = f.kind ? (ix.kindCodes.get(f.kind) ?? -1) : -1;
	const kindBit = kind >= 0 && kind < 31 ? (1 << kind) >>> 0 : 0;
	for (let i = 0; i < n; i++) {
		if (ranged) {
			const y = ix.year[i]!;
			if (!(y >= from && y <= to)) continue;
		}
		if (f.category && (category < 0 || ix.category[i] !== category)) continue;
		if (inside) {
			const r = ix.region[i]!;
			if (r < 0 || inside[r] !== 1) continue;
		}
		if (f.kind) {
			if (kind < 0) continue;
			if (kindBit) {
				if ((ix.kinds[i]! & kindBit) === 0) continue;
			} else if (!ix.figures[i]!.sources.some((s) => docs.get(s.docId)?.kind === f.kind)) continue;
		}
		mask[i] = 1;
	}
	return mask;
}

/**
 * The matching figures' indicators, as indicatorsOf gives them: the ones most documents report
 * first, vocabulary indicators before subjects of their own at equal use, then by figures and name.
 */
export function indicatorSummaries(ix: FigureIndex, mask: Uint8Array): IndicatorSummary[] {
	return summarise(ix, mask).summaries;
}

/**
 * indicatorSummaries and documentsOf in one pass over the matching figures and their sources.
 * @example summarise(ix, mask).documents === documentsOf(ix, rowsOf(mask))
 */
export function summarise(ix: FigureIndex, mask: Uint8Array): { summaries: IndicatorSummary[]; documents: number } {
	const seen = new Int32Array(ix.docIds);
	const seenAll = new Uint8Array(ix.docIds);
	let documentsAll = 0;
	const unitCount = new Int32Array(ix.units.length);
	let epoch = 0;
	const out: IndicatorSummary[] = [];
	for (let k = 0; k < ix.indicators.length; k++) {
		epoch++;
		let figures = 0;
		let documents = 0;
		const used: number[] = [];
		for (let j = ix.indicatorStart[k]!; j < ix.indicatorStart[k + 1]!; j++) {
			const i = ix.byIndicator[j]!;
			if (!mask[i]) continue;
			figures++;
			const u = ix.unit[i]!;
			if (unitCount[u] === 0) used.push(u);
			unitCount[u] = unitCount[u]! + 1;
			for (let s = ix.srcStart[i]!; s < ix.srcStart[i + 1]!; s++) {
				const d = ix.srcDoc[s]!;
				if (seen[d] !== epoch) {
					seen[d] = epoch;
					documents++;
					if (!seenAll[d]) {
						seenAll[d] = 1;
						documentsAll++;
					}
				}
			}
		}
		if (!figures) continue;
		const units = unitsByUse(used.map((u) => [ix.units[u]!, unitCount[u]!] as const));
		for (const u of used) unitCount[u] = 0;
		out.push({ indicator: ix.indicators[k]!, unit: units[0]!, units, figures, documents, known: ix.known[k] === 1, headline: ix.headline[k] === 1 });
	}
	return {
		summaries: out.sort(summaryOrder),
		documents: documentsAll
	};
}

/** How many documents the figures of these rows come from. */
export function documentsOf(ix: FigureIndex, rows: Iterable<number>): number {
	const seen = new Uint8Array(ix.docIds);
	let count = 0;
	for (const i of rows) {
		for (let s = ix.srcStart[i]!; s < ix.srcStart[i + 1]!; s++) {
			const d = ix.srcDoc[s]!;
			if (!seen[d]) {
				seen[d] = 1;
				count++;
			}
		}
	}
	return count;
}

/** The rows a mask keeps. */
export const rowsOf = (mask: Uint8Array): number[] => mask.reduce<number[]>((rows, m, i) => (m ? (rows.push(i), rows) : rows), []);

/** The matching figures of one indicator, in the figures' order. */
export function figuresOfIndicator(ix: FigureIndex, mask: Uint8Array, indicator: string): Figure[] {
	const k = ix.indicators.indexOf(indicator);
	const out: Figure[] = [];
	if (k < 0) return out;
	for (let j = ix.indicatorStart[k]!; j < ix.indicatorStart[k + 1]!; j++) {
		const i = ix.byIndicator[j]!;
		if (mask[i]) out.push(ix.figures[i]!);
	}
	return out;
}
