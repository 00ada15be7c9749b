// One analysis of the figures per corpus read, shared by the views that need it (overview,
// achievements): prepared in slices when the facts arrive, so no view computes it in one long
// task, and a move from one view to another reuses it.
import { analyseFigures, analyseFiguresInSlices, type Conflict, type Figure } from './aggregate.ts';
import { columnsOf } from './columns.ts';
import type { Facts } from './facts.ts';

export type Analysis = { figures: Figure[]; conflicts: Conflict[] };

const analyses = new WeakMap<Facts, Analysis>();

/**
 * The analysis of a corpus read (analyseFigures over all its metrics), computed now unless
 * prepareAnalysis has done it already. Callers must not reorder its lists: sort a copy.
 * @example analysisOf(facts.current).figures.length
 */
export function analysisOf(facts: Facts): Analysis {
	let a = analyses.get(facts);
	if (!a) analyses.set(facts, (a = analyseFigures(facts.metrics, columnsOf(facts).docById)));
	return a;
}

/** A pause that lets the page draw and answer input: a macrotask. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Analyses being prepared: a second caller waits for the same one. */
const preparing = new WeakMap<Facts, Promise<Analysis>>();

/**
 * Computes the analysis of a corpus read in slices of `slice` metrics, handing the thread back in
 * between (`between`: a macrotask by default); analysisOf then returns it at once. Callers during
 * the slices get the same analysis.
 */
export function prepareAnalysis(facts: Facts, slice = 4000, between: () => Promise<unknown> = pause): Promise<Analysis> {
	const have = analyses.get(facts);
	if (have) return Promise.resolve(have);
	let p = preparing.get(facts);
	if (!p) {
		p = (async () => {
			const docs = columnsOf(facts).docById;
			await between();
			const a = analyses.get(facts) ?? (await analyseFiguresInSlices(facts.metrics, docs, slice, between));
			// A view may have asked (and computed) meanwhile: keep one analysis per read.
			if (!analyses.has(facts)) analyses.set(facts, a);
			return analyses.get(facts)!;
		})();
		preparing.set(facts, p);
		p.then(
			() => preparing.delete(facts),
			() => preparing.delete(facts)
		);
	}
	return p;
}
