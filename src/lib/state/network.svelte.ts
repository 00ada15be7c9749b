// Whether the app can reach its server, as a rune the header reads to say when the app works
// offline. navigator.onLine alone is not enough: it says true on a network without a way out (and
// pages the service worker served offline may see it true), so the app asks for its own version
// file, which no cache answers.
import { base } from '$app/paths';

/** How often an offline page checks whether the server answers again. */
const RECHECK_MS = 5_000;

class NetworkState {
	online = $state(true);
	#watching = false;

	/** Asks the server for the app's version file; false when no answer comes. */
	async probe(): Promise<boolean> {
		if (typeof navigator !== 'undefined' && !navigator.onLine) return (this.online = false);
		try {
			const response = await fetch(`${base}/_app/version.json`, { cache: 'no-store' });
			return (this.online = response.ok);
		} catch {
			return (this.online = false);
		}
	}

	/** Follows the browser's online/offline events (once per page); `onOnline` runs when the server answers again. */
	watch(onOnline?: () => void): void {
		if (this.#watching || typeof window === 'undefined') return;
		this.#watching = true;
		const recheck = () => {
			const was = this.online;
			void this.probe().then((ok) => ok && !was && onOnline?.());
		};
		void this.probe();
		window.addEventListener('online', recheck);
		window.addEventListener('offline', () => (this.online = false));
		// No event says that a way out came back: while offline, ask again every few seconds.
		setInterval(() => !this.online && recheck(), RECHECK_MS);
	}
}

export const network = new NetworkState();
