// The kiosk launcher (scripts/kiosk.ts) brings a wall back when its tab crashes or its browser
// exits: the one failure the page's own watchdog cannot see, as nothing of the page is left to run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { runKiosk, type Kiosk } from '../scripts/kiosk.ts';

const baseURL = inject('baseURL');
const profile = mkdtempSync(join(tmpdir(), 'zhijiao-kiosk-'));
let kiosk: Kiosk | undefined;

afterAll(async () => {
	await kiosk?.stop();
	rmSync(profile, { recursive: true, force: true });
});

describe('kiosk launcher', () => {
	test('a crashed wall tab is opened again, shows the wall and says its last run was interrupted; so is an exited browser', async () => {
		const log: string[] = [];
		kiosk = await runKiosk({ url: `${baseURL}screen?kiosk=1`, profile, headless: true, policy: { baseMs: 100, maxMs: 1_000 }, log: (m) => log.push(m) });
		const first = kiosk.page();
		await first.locator('.screen [data-kpi="documents"]').waitFor({ timeout: 60_000 });
		// the wall writes its heartbeat while it runs: an unclean end is told at the next start
		await expect.poll(() => first.evaluate(() => localStorage.getItem('zhijiao:kiosk'))).toContain('"clean":false');

		const cdp = await first.context().newCDPSession(first);
		void cdp.send('Page.crash').catch(() => undefined); // the renderer dies before it answers
		await expect.poll(() => kiosk!.recoveries.crash).toBe(1);
		await expect.poll(() => kiosk!.page() !== first).toBe(true);
		const again = kiosk.page();
		await again.locator('.screen [data-kpi="documents"]').waitFor({ timeout: 60_000 });
		expect(await again.locator('[data-watchdog="interrupted"]').textContent()).toContain('意外中断');

		// the browser itself goes: it is launched again on the same profile (the stored corpus stays)
		await again.context().browser()?.close().catch(() => undefined);
		await again.context().close().catch(() => undefined);
		await expect.poll(() => kiosk!.recoveries.exit, { timeout: 60_000 }).toBe(1);
		await expect.poll(() => kiosk!.page() !== again, { timeout: 60_000 }).toBe(true);
		await kiosk.page().locator('.screen [data-kpi="documents"]').waitFor({ timeout: 60_000 });
		expect(log.some((m) => m.includes('crashed'))).toBe(true);
	});
});
