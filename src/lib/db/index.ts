// The app's single database. When the browser refuses IndexedDB (a private window, storage
// disabled by policy) the same database runs on an in-memory IndexedDB: the app works the
// same, and nothing persists. Tests construct their own DashboardDB with a throwaway name.
import Dexie from 'dexie';
import { DashboardDB } from './db.ts';

/** Imported modules read this binding when they query, so a switch to memory reaches them all. */
export let db = new DashboardDB();

export type StorageMode = 'persistent' | 'memory';

/** Errors that mean the browser will not give this page IndexedDB at all. */
const UNAVAILABLE = new Set(['MissingAPIError', 'SecurityError', 'InvalidStateError', 'OpenFailedError', 'UnknownError', 'AbortError', 'InvalidAccessError']);

/** Whether an open error means storage is unavailable rather than a bug or a version clash. */
export function isStorageUnavailable(e: unknown): boolean {
	const err = e as { name?: string; inner?: { name?: string } } | null;
	return UNAVAILABLE.has(err?.name ?? '') || UNAVAILABLE.has(err?.inner?.name ?? '');
}

/**
 * Opens the database, falling back to memory when the browser refuses storage.
 * @example (await openDatabase()) === 'memory' // show that nothing will persist
 */
export async function openDatabase(): Promise<StorageMode> {
	try {
		await db.open();
		return 'persistent';
	} catch (e) {
		if (!isStorageUnavailable(e)) throw e;
		// Loaded only when needed: most visitors never pay for it.
		const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
		// Globally, not per database: liveQuery's change tracking reads Dexie's dependencies.
		Dexie.dependencies.indexedDB = indexedDB;
		Dexie.dependencies.IDBKeyRange = IDBKeyRange;
		db = new DashboardDB();
		await db.open();
		return 'memory';
	}
}
