// What went wrong when the browser's storage refused a write, in words the interface can say.
// Every write of the user's data runs in one transaction, so a failure leaves nothing behind;
// this only names the failure (the views used to swallow it and show nothing).

/**
 * invalid: records that cannot be made valid were not stored; quota: no space left; collision: a row with the same key exists (Dexie's BulkError,
 * ConstraintError); tooLarge: more data than one call can take (a stack or array limit);
 * closed: the database went away (site data cleared); unknown: anything else.
 */
export type StorageFault = 'invalid' | 'quota' | 'collision' | 'tooLarge' | 'closed' | 'unknown';

/** A refused write of the user's data, with the original error as its cause. */
export class StorageError extends Error {
	readonly fault: StorageFault;
	constructor(fault: StorageFault, detail: string, cause?: unknown) {
		super(detail, { cause });
		this.name = 'StorageError';
		this.fault = fault;
	}
}

type Named = { name?: string; message?: string; inner?: Named; failures?: Named[]; cause?: unknown } | null | undefined;

function names(e: Named): string[] {
	if (!e || typeof e !== 'object') return [];
	return [e.name ?? '', ...names(e.inner), ...(Array.isArray(e.failures) ? e.failures.slice(0, 3).flatMap(names) : [])];
}

/**
 * The fault behind an error thrown by Dexie, IndexedDB or the code around them.
 * @example storageFault(new DOMException('', 'QuotaExceededError')) // 'quota'
 */
export function storageFault(e: unknown): StorageFault {
	if (e instanceof StorageError) return e.fault;
	const all = names(e as Named);
	if (all.includes('QuotaExceededError')) return 'quota';
	if (all.includes('BulkError') || all.includes('ConstraintError')) return 'collision';
	if (e instanceof RangeError) return 'tooLarge';
	if (all.some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError')) return 'closed';
	return 'unknown';
}

/** A short technical detail of an error (its first failure for a BulkError). */
function detailOf(e: unknown): string {
	const err = e as Named;
	const first = Array.isArray(err?.failures) ? err.failures[0] : undefined;
	const text = first?.message ?? err?.message ?? String(e);
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * Runs a write and turns whatever it throws into a StorageError.
 * @example await asStorageError(() => db.edits.put(edit))
 */
export async function asStorageError<T>(write: () => Promise<T>): Promise<T> {
	try {
		return await write();
	} catch (e) {
		if (e instanceof StorageError) throw e;
		throw new StorageError(storageFault(e), detailOf(e), e);
	}
}
