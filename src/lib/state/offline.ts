// The shipped corpus when the network is gone: the copy the service worker cached at install.
// Kept out of the worker's fetch handler on purpose (see src/service-worker.ts): online, the
// corpus always comes from the network.

/**
 * Whether a path is the shipped corpus file (corpus.<hash>.json among the built assets).
 * @example isCorpusRequest('/_app/immutable/assets/corpus.B1x2.json') // true
 */
export function isCorpusRequest(pathname: string): boolean {
	return /\/corpus[^/]*\.json$/.test(pathname);
}

/**
 * fetch, falling back to Cache Storage when the network fails (offline, venue Wi-Fi down);
 * `onCached` is told when the cached copy answered.
 * @example await loadShippedCorpus(db, corpusUrl, fetchOrCached)
 */
export async function fetchOrCached(input: RequestInfo | URL, init?: RequestInit, onCached?: () => void): Promise<Response> {
	try {
		return await fetch(input, init);
	} catch (e) {
		const cached = typeof caches === 'undefined' ? undefined : await caches.match(input instanceof URL ? input.href : input);
		if (cached) {
			onCached?.();
			return cached;
		}
		throw e;
	}
}
