/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline once loaded: a wall at a venue without network still presents after one visit.
//
// This script runs under two registrations. SvelteKit registers it for the whole site ('/'); there
// it does nothing at all, not even listen for fetches, so the dashboard's requests never pass
// through a worker (Playwright's page.route, which tests use to swap the corpus, cannot see
// requests that do). The big screen registers it again for '/screen' (src/lib/screen/offline.ts);
// there it caches the whole build on install (app shell, every chunk, the lazily loaded map
// geometry, the corpus file) and serves it when the network is gone. Each deployment gets its own
// cache and drops the old one.
//
// The corpus file is the one request never answered here: the page always asks the network for
// it, so a newly shipped corpus is seen at once, and only when the network fails does the page
// take the copy cached here (fetchOrCached in src/lib/state/offline.ts).
import { base, build, files, version } from '$service-worker';
import { isCorpusRequest } from './lib/state/offline.ts';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `zhijiao-screen-${version}`;
const SHELL = `${base}/`;
const PRECACHED = new Set([...build, ...files]);
const forScreen = new URL(sw.registration.scope).pathname.startsWith(`${base}/screen`);

sw.addEventListener('install', (event) => {
	event.waitUntil(forScreen ? caches.open(CACHE).then((cache) => cache.addAll([...build, ...files, SHELL])).then(() => sw.skipWaiting()) : sw.skipWaiting());
});

sw.addEventListener('activate', (event) => {
	if (!forScreen) return;
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k !== CACHE && k.startsWith('zhijiao-screen-')).map((k) => caches.delete(k))))
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

// A fetch listener can only be added while the script first runs: the site-wide registration never gets one.
if (forScreen)
	sw.addEventListener('fetch', (event) => {
		const { request } = event;
		if (request.method !== 'GET') return;
		const url = new URL(request.url);
		if (url.origin !== sw.location.origin || isCorpusRequest(url.pathname)) return;
		if (request.mode === 'navigate') event.respondWith(shellOrCached(request));
		else if (PRECACHED.has(url.pathname)) event.respondWith(cacheFirst(request));
	});
