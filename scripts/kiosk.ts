// npm run kiosk -- URL — runs a wall that nobody watches: Chromium full screen on the wall's URL,
// brought back by itself when its tab crashes (the page cannot reload itself then: its renderer is
// gone) or the whole browser dies. The profile is kept between launches, so the stored corpus and
// the wall's heartbeat survive, and the wall says in its corner that its last run was interrupted.
//
//   npm run kiosk -- http://wall.local/screen?kiosk=1
//   npm run kiosk -- URL --profile DIR     # where the browser keeps its data (default ~/.zhijiao-kiosk)
//
// Chromium comes from CHROMIUM_PATH or /usr/bin/chromium (tests/browser.ts).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { backoff, type WatchdogPolicy } from '../src/lib/screen/watchdog.ts';
import { chromiumPath } from '../tests/browser.ts';

/** Restarts wait 2 s, 4 s, 8 s … at most a minute; a wall up for ten minutes starts counting again. */
export const KIOSK_POLICY: WatchdogPolicy = { baseMs: 2_000, maxMs: 60_000 };
const STABLE_MS = 600_000;

export interface KioskOptions {
	url: string;
	/** the browser's profile folder: kept between launches */
	profile: string;
	/** false on a wall (full screen, kiosk mode); true in tests */
	headless?: boolean;
	policy?: WatchdogPolicy;
	log?: (message: string) => void;
}

export interface Kiosk {
	/** the page on show now (a new one after each recovery) */
	page(): Page;
	/** recoveries so far, by cause */
	recoveries: { crash: number; exit: number };
	stop(): Promise<void>;
}

/** Chromium's switches for a wall: full screen without bars, bubbles or crash prompts. */
export const KIOSK_ARGS = ['--kiosk', '--start-fullscreen', '--noerrdialogs', '--disable-infobars', '--disable-session-crashed-bubble', '--autoplay-policy=no-user-gesture-required', '--no-first-run', '--disable-sync', '--disable-component-update'];

/**
 * Opens the wall and keeps it open: a crashed tab is replaced by a new one on the same URL, a
 * browser that exits is launched again, each after a growing pause (KIOSK_POLICY).
 */
export async function runKiosk(options: KioskOptions): Promise<Kiosk> {
	const policy = options.policy ?? KIOSK_POLICY;
	const log = options.log ?? ((m: string) => console.log(`${new Date().toISOString()} ${m}`));
	const recoveries = { crash: 0, exit: 0 };
	let attempt = 0;
	let upSince = Date.now();
	let stopped = false;
	let context!: BrowserContext;
	let current!: Page;

	const pause = (): Promise<void> => {
		if (Date.now() - upSince >= STABLE_MS) attempt = 0;
		const ms = backoff(attempt++, policy);
		return new Promise((resolve) => setTimeout(resolve, ms));
	};

	const open = async (): Promise<void> => {
		const page = await context.newPage();
		current = page;
		upSince = Date.now();
		page.once('crash', () => {
			if (stopped) return;
			recoveries.crash++;
			log(`the wall's tab crashed: opening it again (${recoveries.crash} so far)`);
			void pause()
				.then(async () => {
					if (stopped) return;
					await page.close().catch(() => undefined);
					await open();
				})
				.catch((e: unknown) => log(`could not reopen the wall: ${String(e)}`));
		});
		await page.goto(options.url).catch((e: unknown) => log(`the wall's page did not load (${String(e)}); its own watchdog retries`));
	};

	const launch = async (): Promise<void> => {
		context = await chromium.launchPersistentContext(options.profile, {
			executablePath: chromiumPath(),
			headless: options.headless ?? false,
			viewport: null,
			args: options.headless ? ['--no-sandbox', '--disable-gpu'] : KIOSK_ARGS
		});
		context.once('close', () => {
			if (stopped) return;
			recoveries.exit++;
			log(`the browser exited: starting it again (${recoveries.exit} so far)`);
			void pause()
				.then(() => (stopped ? undefined : launch()))
				.catch((e: unknown) => log(`could not start the browser: ${String(e)}`));
		});
		// a persistent profile reopens with a blank tab: the wall takes its place
		for (const p of context.pages()) await p.close();
		await open();
	};

	await launch();
	log(`the wall is up: ${options.url}`);
	return {
		page: () => current,
		recoveries,
		async stop() {
			stopped = true;
			await context.close();
		}
	};
}

if (import.meta.main) {
	const args = process.argv.slice(2);
	const at = args.indexOf('--profile');
	const profile = at >= 0 ? args[at + 1] : join(homedir(), '.zhijiao-kiosk');
	const url = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
	if (!url || !profile) {
		console.error('usage: npm run kiosk -- URL [--profile DIR]   (URL such as http://wall.local/screen?kiosk=1)');
		process.exit(2);
	}
	const kiosk = await runKiosk({ url, profile });
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void kiosk.stop().then(() => process.exit(0)));
}
