// What the import e2e tests read from the import page and from IndexedDB itself.
import type { Page } from 'playwright-core';

/** Waits until the import page lists `n` rows, none queued or working; file name → status. */
export async function settled(p: Page, n: number, timeout = 120_000): Promise<Record<string, string>> {
	await p.waitForFunction(
		(n) => {
			const rows = document.querySelectorAll('[data-import-status]');
			return rows.length === n && [...rows].every((r) => ['done', 'error'].includes(r.getAttribute('data-import-status')!));
		},
		n,
		{ timeout }
	);
	const rows = await p.locator('[data-import-status]').evaluateAll((els) => els.map((el) => [el.getAttribute('data-import-file'), el.getAttribute('data-import-status')]));
	return Object.fromEntries(rows);
}

/** The row of a file on the import page (the last one, when it was dropped twice). */
export const rowOf = (p: Page, name: string) => p.locator(`[data-import-file="${name}"]`).last();

/** Every record of an object store, read straight from IndexedDB without the app's code. */
// records as stored: the tests read whichever fields they check
export const idbAll = <T = Record<string, any>>(p: Page, store: string): Promise<T[]> =>
	p.evaluate(
		(store) =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open('zhijiao-dashboard');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const req = open.result.transaction(store).objectStore(store).getAll();
					req.onsuccess = () => {
						resolve(req.result as T[]);
						open.result.close();
					};
				};
			}),
		store
	);
