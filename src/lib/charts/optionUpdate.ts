// How a chart takes its next option. `setOption(next, { notMerge: true })` draws exactly `next`, but
// ECharts then builds a new model and a new view for every component: the tooltip's view makes its
// HTML box again and reads its container's offset, which forces a layout of the whole page (on the
// achievements page ~9 of a filter change's ~45 ms of script), and the axes, grid and legend are
// built anew. A merge keeps the components and their views and only updates them, but leaves any
// property the next option does not set as the previous option had it. So: merge when the next
// option sets every property the previous one did (same shape), replace otherwise. Pure, tested.

/** A value's kind, as ECharts' merge treats it: plain objects are merged key by key, all else replaced. */
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Whether merging `b` into what ECharts made of `a` gives what it would make of `b` alone: the
 * same keys at every level of nested plain objects (arrays, functions and other values are
 * replaced whole, so only their kind counts). At the top level an object or an array of them is a
 * list of components (series, axes, the tooltip): they must be as many, each of the same shape, with the same `id` and
 * `type`, and in a list of several the same `name` (ECharts matches components by id, then name,
 * then index: of two series, a renamed one could be merged into the other's model; a lone one, a
 * value axis named after its unit, is matched by index and takes the new name).
 * @example sameShape({ series: [{ type: 'bar', data: [1] }] }, { series: [{ type: 'bar', data: [2, 3] }] }) // true
 * @example sameShape({ legend: {}, series: [] }, { series: [] }) // false: the legend would stay
 */
export function sameShape(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) return false;
	for (const key of keys) {
		if (!Object.hasOwn(b, key)) return false;
		const [x, y] = [componentsOf(a[key]), componentsOf(b[key])];
		if (x || y) {
			if (!x || !y || x.length !== y.length) return false;
			if (!x.every((c, i) => sameComponent(c, y[i], x.length > 1))) return false;
		} else if (!sameValueShape(a[key], b[key])) return false;
	}
	return true;
}

/** A top-level entry as ECharts reads it: a list of components (one when not a list), or null for a plain value. */
const componentsOf = (v: unknown): unknown[] | null => (Array.isArray(v) ? v : isPlain(v) ? [v] : null);

function sameComponent(x: unknown, y: unknown, named: boolean): boolean {
	if (!isPlain(x) || !isPlain(y)) return sameValueShape(x, y);
	return x.id === y.id && (!named || x.name === y.name) && x.type === y.type && sameNested(x, y);
}

function sameValueShape(x: unknown, y: unknown): boolean {
	if (isPlain(x) || isPlain(y)) return isPlain(x) && isPlain(y) && sameNested(x, y);
	// undefined is a value too: merged in, it wipes the default the previous option left there
	return kind(x) === kind(y);
}

function sameNested(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) return false;
	return keys.every((key) => Object.hasOwn(b, key) && sameValueShape(a[key], b[key]));
}

const kind = (v: unknown) => (v === undefined ? 'undefined' : v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * The `setOption` settings for drawing `next` after `previous` (null: nothing drawn yet).
 * @example setOptionSettings(null, option) // { notMerge: true }
 */
export function setOptionSettings(previous: Record<string, unknown> | null, next: Record<string, unknown>): { notMerge: boolean } {
	return { notMerge: previous == null || !sameShape(previous, next) };
}

/**
 * The option as given to ECharts, with whether it animates: a chart's first picture grows in, a
 * change is drawn at once when `instantUpdates` (ECharts' transition redraws the whole canvas every
 * frame for a second after each filter change, which on the achievements page was half of the
 * change's main-thread time), and nothing moves for a reader who asked for reduced motion. The
 * option's own `animation: false` stands. Always sets `animation`, so two options of one shape
 * still have one shape as given.
 * @example withMotion({ series: [] }, { first: false, instantUpdates: true, reducedMotion: false }) // { series: [], animation: false }
 */
export function withMotion<T extends Record<string, unknown>>(
	option: T,
	when: { first: boolean; instantUpdates: boolean; reducedMotion: boolean }
): T & { animation: boolean } {
	const still = when.reducedMotion || (!when.first && when.instantUpdates);
	return { ...option, animation: option.animation !== false && !still };
}

/**
 * Whether two inputs of an option are the same data: primitives by value (NaN too), arrays and Maps
 * entry by entry in order, plain objects key by key; functions and other objects only when they
 * are the same object (a formatter made anew may say something else).
 * @example sameData(new Map([[2024, { value: 1 }]]), new Map([[2024, { value: 1 }]])) // true
 */
export function sameData(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
		return true;
	}
	if (a instanceof Map || b instanceof Map) {
		if (!(a instanceof Map) || !(b instanceof Map) || a.size !== b.size) return false;
		const [x, y] = [[...a], [...b]];
		return x.every(([k, v], i) => Object.is(k, y[i]![0]) && sameData(v, y[i]![1]));
	}
	if (!isPlain(a) || !isPlain(b)) return false;
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) return false;
	return keys.every((k) => Object.hasOwn(b, k) && sameData(a[k], b[k]));
}

/**
 * `build`, handing back its previous result while it is given the same data (sameData, argument by
 * argument): a chart given the same option object draws nothing again (echarts.svelte.ts), so a
 * change that leaves a chart's numbers as they were (another indicator picked: the indicators'
 * counts stay) costs that chart nothing.
 * @example const byIndicator = keepSame(indicatorCountsOption); byIndicator(counts, text) === byIndicator(structuredClone(counts), text) // true
 */
export function keepSame<A extends unknown[], R>(build: (...args: A) => R): (...args: A) => R {
	let last: { args: A; result: R } | null = null;
	return (...args: A) => {
		if (last && last.args.length === args.length && args.every((a, i) => sameData(a, last!.args[i]))) return last.result;
		const result = build(...args);
		last = { args, result };
		return result;
	};
}
