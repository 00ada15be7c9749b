// Answers come from the facts worker as new objects every time (a structured clone), even where
// nothing changed: a keyed list given them would update every row. reuseEqual hands a list back
// its previous items where they are equal, so a keyed {#each} leaves those rows alone and builds
// only the changed ones. Pure, tested.

/** Whether two values of plain data (objects, arrays, primitives) are equal, member by member. */
export function plainEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!plainEqual(a[i], b[i])) return false;
		return true;
	}
	if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
	const ka = Object.keys(a);
	if (ka.length !== Object.keys(b).length) return false;
	for (const k of ka) if (!Object.hasOwn(b, k) || !plainEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
	return true;
}

/**
 * `next`, each item replaced by the item of `previous` with its key when the two are equal
 * (plainEqual); `previous` itself when every item is reused and nothing was added or removed.
 * @example reuseEqual([a], [structuredClone(a), b], (x) => x.key) // [a, b]
 */
export function reuseEqual<T>(previous: readonly T[], next: readonly T[], key: (item: T) => string): T[] {
	if (previous.length === 0) return next as T[];
	const byKey = new Map<string, T>();
	for (const item of previous) byKey.set(key(item), item);
	let same = previous.length === next.length;
	const out = next.map((item, i) => {
		const old = byKey.get(key(item));
		const kept = old !== undefined && plainEqual(old, item) ? old : item;
		if (kept !== previous[i]) same = false;
		return kept;
	});
	return same ? (previous as T[]) : out;
}

/**
 * Whether two answers' titles agree on every document both name: a row kept from the previous
 * answer then links under the same title (a title edited since makes the lists start afresh).
 * @example titlesAgree({ d1: 'A' }, { d1: 'A', d2: 'B' }) // true
 */
export function titlesAgree(previous: Readonly<Record<string, string>>, next: Readonly<Record<string, string>>): boolean {
	for (const id in next) if (Object.hasOwn(previous, id) && previous[id] !== next[id]) return false;
	return true;
}
