import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { DB_NAME } from './db.ts';

/** A fresh copy of the module: its `db` singleton is new in each test. */
let storage: typeof import('./index.ts');
beforeEach(async () => {
	vi.resetModules();
	storage = await import('./index.ts');
});

describe('openDatabase', () => {
	test('falls back to memory when the browser has no quota even to create the database', async () => {
		// As Chromium with a tiny quota answers indexedDB.open (Dexie wraps the DOMException).
		const failure = Object.assign(new Error('open failed'), { name: 'OpenFailedError', inner: new DOMException('quota', 'QuotaExceededError') });
		const refused = vi.spyOn(storage.db, 'open').mockRejectedValueOnce(failure);
		const before = storage.db;
		expect(await storage.openDatabase()).toBe('memory');
		expect(refused).toHaveBeenCalledOnce();
		expect(storage.db).not.toBe(before);
		await storage.db.meta.put({ key: 'corpus', hash: 'h', schemaVersion: 2, storedAt: '2024-05-01T08:00:00.000Z' });
		expect((await storage.db.meta.get('corpus'))?.hash).toBe('h');
		await storage.db.delete();
	});

	test('says `blocked` while an old tab holds the database open, and opens once it lets go', async () => {
		// An old tab: version 1 open, ignoring versionchange (as an old build of the app could).
		const old = await new Promise<IDBDatabase>((resolve) => {
			const req = indexedDB.open(DB_NAME, 1);
			req.onsuccess = () => resolve(req.result);
		});
		old.onversionchange = () => undefined;
		let told: () => void = () => undefined;
		const blocked = new Promise<void>((resolve) => (told = resolve));
		const opening = storage.openDatabase({ blocked: () => told() });
		await blocked;
		old.close();
		expect(await opening).toBe('persistent');
		expect(storage.db.verno).toBeGreaterThan(1);
		await storage.db.delete();
	});
});

describe('useMemory', () => {
	test('moves an open database to memory without reporting it as closed by the browser', async () => {
		let closed = 0;
		expect(await storage.openDatabase({ closedByBrowser: () => closed++ })).toBe('persistent');
		const persistent = storage.db;
		expect(await storage.useMemory({ closedByBrowser: () => closed++ })).toBe('memory');
		expect(storage.db).not.toBe(persistent);
		expect(persistent.isOpen()).toBe(false);
		expect(closed).toBe(0);
		await storage.db.delete();
		await persistent.delete();
	});
});
