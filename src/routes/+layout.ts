// A single-page app: nothing is rendered on a server or prerendered except the fallback shell.
export const ssr = false;
export const prerender = false;

/**
 * Runs once, before the app first mounts: it gives the main thread back for a moment, so mounting
 * (and the style and layout it forces) is a task of its own, not the end of the one that evaluated
 * the root layout's ~600 kB chunk, which it is whenever that chunk is the last of the first route's
 * to arrive (issue 17: the first load's longest task, ~28 + ~30 ms of CPU in one). It reads nothing
 * (no url, params or fetch), so SvelteKit does not run it again on later navigations.
 */
export const load = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
