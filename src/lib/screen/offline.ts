// The big screen's own service-worker registration, scoped to /screen: a wall started straight at
// /screen is covered at once, besides the site-wide registration (see src/service-worker.ts).
import { dev } from '$app/environment';

/**
 * Registers the service worker for /screen. Not skipped in development: the dev server's worker
 * has no build to cache and only passes requests on, and `dev` is not a reliable sign of the dev
 * server (a build run with NODE_ENV=test, as the e2e setup's is, counts as dev).
 * @example onMount(() => void registerScreenWorker())
 */
export async function registerScreenWorker(): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	try {
		// The dev server serves the worker as an ES module, a build as a classic script (as SvelteKit registers it).
		await navigator.serviceWorker.register('/service-worker.js', { scope: '/screen', type: dev ? 'module' : 'classic' });
	} catch {
		// A browser refusing workers (private mode, policy) still shows the wall, online only.
	}
}
