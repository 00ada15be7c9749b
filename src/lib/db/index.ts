// The app's single database. When the browser refuses IndexedDB (a private window, storage
// disabled by policy, no quota left at all) the same database runs on an in-memory IndexedDB:
// the app works the same, and nothing persists. Tests construct their own DashboardDB with a
// throwaway name.
import Dexie from 'dexie';
import { DashboardDB } from './db.ts';

/** Imported modules read this binding when they query, so a switch to memory reaches them all. */
export let db = new DashboardDB();

export type StorageMode = 'persistent' | 'memory';

/**
 * Errors that mean the browser will not give this page IndexedDB at all. QuotaExceededError at
 * open: a profile with (almost) no quota cannot even create the database.
 */
const UNAVAILABLE = new Set([
	'MissingAPIError',
	'SecurityError',
	'InvalidStateError',
	'OpenFailedError',
	'UnknownError',
	'AbortError',
	'InvalidAccessError',
	'QuotaExceededError'
]);

/** Whether an open error means storage is unavailable rather than a bug or a version clash. */
export function isStorageUnavailable(e: unknown): boolean {
	const err = e as { name?: string; inner?: { name?: string } } | null;
	return UNAVAILABLE.has(err?.name ?? '') || UNAVAILABLE.has(err?.inner?.name ?? '');
}

/** What the app wants to hear about while the database is open. */
export interface OpenHandlers {
	/** an older tab holds the database open, so this tab's upgrade waits (Dexie keeps waiting) */
	blocked?: () => void;
	/** another tab wants a newer version: this one should close and ask for a reload */
	versionchange?: () => void;
	/**
	 * the browser closed the connection itself: the user cleared the site's data (or the browser
	 * evicted it) while the page was open
	 */
	closedByBrowser?: () => void;
}

/** Databases this module closed itself (on the way to memory): their `close` is no news. */
const closedHere = new WeakSet<DashboardDB>();

/**
 * Registers the handlers on `target` BEFORE it opens: `blocked` fires during open, and a handler
 * added afterwards never hears it. Returns what to call once it is open.
 */
function listen(target: DashboardDB, handlers: OpenHandlers): () => void {
	if (handlers.blocked) target.on('blocked', handlers.blocked);
	let closing = false;
	target.on('versionchange', () => {
		closing = true;
		handlers.versionchange?.();
		target.close();
		return false;
	});
	// Dexie fires `close` for its own close() too: only a close nobody here asked for is news.
	return () =>
		target.on('close', () => {
			if (!closing && !closedHere.has(target)) handlers.closedByBrowser?.();
		});
}

/**
 * Opens the database, falling back to memory when the browser refuses storage.
 * @example (await openDatabase({ blocked: () => notice('blocked') })) === 'memory' // show that nothing will persist
 */
export async function openDatabase(handlers: OpenHandlers = {}): Promise<StorageMode> {
	const opened = listen(db, handlers);
	try {
		await db.open();
		opened();
		return 'persistent';
	} catch (e) {
		if (!isStorageUnavailable(e)) throw e;
		return useMemory(handlers);
	}
}

/**
 * Moves the app to an in-memory database: at open when storage is refused, or later when the
 * browser opened the database but has no room for even the first corpus (a tiny quota).
 */
export async function useMemory(handlers: OpenHandlers = {}): Promise<'memory'> {
	closedHere.add(db);
	if (db.isOpen()) db.close();
	// Loaded only when needed: most visitors never pay for it.
	const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
	// Globally, not per database: liveQuery's change tracking reads Dexie's dependencies.
	Dexie.dependencies.indexedDB = indexedDB;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	db = new DashboardDB();
	const memoryOpened = listen(db, handlers);
	await db.open();
	memoryOpened();
	return 'memory';
}
