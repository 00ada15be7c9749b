// How documents are grouped for extractDocuments: enough of them that each stage's code stays warm,
// few enough bytes that a batch is done in a moment and a batch that overruns its time budget costs
// little to try again document by document.

/** At most this many documents in a batch. */
export const BATCH_MAX_DOCUMENTS = 64;
/** At most this many bytes in a batch; a bigger document goes alone. */
export const BATCH_MAX_BYTES = 256 * 1024;

/**
 * Whether an item of `size` bytes joins a batch that holds `count` items of `bytes` bytes: an
 * empty batch takes anything, a batch takes no more than BATCH_MAX_DOCUMENTS and BATCH_MAX_BYTES.
 */
export const joinsBatch = (count: number, bytes: number, size: number): boolean => count === 0 || (count < BATCH_MAX_DOCUMENTS && bytes + size <= BATCH_MAX_BYTES);

/**
 * Consecutive runs of `items`, in order, each of at most BATCH_MAX_DOCUMENTS items and
 * BATCH_MAX_BYTES bytes (an item bigger than that forms a batch of its own).
 * @example batchesOf([1, 2, 300000, 4], (n) => n).map((b) => b.length) // [2, 1, 1]
 */
export function batchesOf<T>(items: readonly T[], bytesOf: (item: T) => number): T[][] {
	const out: T[][] = [];
	let batch: T[] = [];
	let bytes = 0;
	for (const item of items) {
		const size = bytesOf(item);
		if (!joinsBatch(batch.length, bytes, size)) {
			out.push(batch);
			batch = [];
			bytes = 0;
		}
		batch.push(item);
		bytes += size;
	}
	if (batch.length > 0) out.push(batch);
	return out;
}
