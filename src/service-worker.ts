/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline once loaded: after one visit every route, the map geometry and the corpus keep working
// with the network gone (a meeting room without Wi-Fi, a wall at a venue).
//
// SvelteKit registers this script for the whole site ('/'); the big screen registers it again for
// '/screen' (src/lib/screen/offline.ts), so a wall started straight at /screen is covered before
// the site-wide registration has installed. Both cache the whole build on install (app shell, every
// chunk, the lazily loaded map geometry, the corpus file, the icons) and serve it when the network
// is gone. Each deployment gets its own cache and drops the old one.
//
// The corpus file is the one request never answered here: the page always asks the network for
// it, so a newly shipped corpus is seen (and replaces the stored one) as soon as the network is
// there, and only when the network fails does the page take the copy cached here
// (fetchOrCached in src/lib/state/offline.ts). A worker answering it could hide a newer corpus.
import { base, build, files, prerendered, version } from '$service-worker';
import { isCorpusRequest } from './lib/state/offline.ts';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `zhijiao-offline-${version}`;
/** The single-page shell (adapter-static's fallback page): every route renders from it. */
const SHELL = `${base}/`;
const PRECACHED = new Set([...build, ...files, ...prerendered]);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll([...PRECACHED, SHELL]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k !== CACHE && k.startsWith('zhijiao-')).map((k) => caches.delete(k))))
			.then(() => sw.clients.claim())
	);
});

/** Built files never change under their hashed names: the cache answers, the network only if it must. */
async function cacheFirst(request: Request): Promise<Response> {
	const hit = await caches.match(request, { cacheName: CACHE });
	return hit ?? fetch(request);
}

/** Pages: the network's newest shell, else the cached one (the app is a single page). */
async function shellOrCached(request: Request): Promise<Response> {
	try {
		return await fetch(request);
	} catch (e) {
		const shell = await caches.match(SHELL, { cacheName: CACHE });
		if (shell) return shell;
		throw e;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin || isCorpusRequest(url.pathname)) return;
	if (request.mode === 'navigate') event.respondWith(shellOrCached(request));
	else if (PRECACHED.has(url.pathname)) event.respondWith(cacheFirst(request));
});
