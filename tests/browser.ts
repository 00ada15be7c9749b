// Playwright (playwright-core) driving the system's Chromium: no browser download needed.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
	const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(path))
		throw new Error(`Chromium not found at ${path}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);
	return path;
}

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath(),
		// A UTF-8 locale like users' machines: under the C locale (a bare CI shell) Chromium refuses
		// non-ASCII download names and saves every file as "download".
		env: { ...process.env, LANG: process.env.LANG?.includes('UTF-8') ? process.env.LANG : 'C.UTF-8' },
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic'
		]
	});
}
