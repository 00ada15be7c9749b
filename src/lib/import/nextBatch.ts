// Which of the files queued in the import worker are extracted together next: those at the head
// of the queue, in arrival order, within the corpus CLI's batch bounds (extract/batches.ts). A file
// to be tried alone (its batch overran the time budget) goes in a batch of its own.
import { joinsBatch } from '../extract/batches.ts';

export interface Queued {
	/** the file's size in bytes */
	size: number;
	/** tried alone: its batch overran the time budget, or it is being retried after a crash */
	alone?: boolean;
}

/**
 * Takes the next batch off the head of `queue` (which it shortens): at most BATCH_MAX_DOCUMENTS
 * files and BATCH_MAX_BYTES bytes, a bigger file or one marked `alone` by itself. Files `refused`
 * says no to (it is told each one, and reports it) are taken off on the way and join no batch.
 * @example nextBatch([{ size: 10 }, { size: 10, alone: true }, { size: 10 }]).length // 1
 */
export function nextBatch<T extends Queued>(queue: T[], refused: (item: T) => boolean = () => false): T[] {
	const batch: T[] = [];
	let bytes = 0;
	while (queue.length > 0) {
		const item = queue[0]!;
		if (refused(item)) {
			queue.shift();
			continue;
		}
		if (batch.length > 0 && (item.alone || batch[0]!.alone || !joinsBatch(batch.length, bytes, item.size))) break;
		batch.push(queue.shift()!);
		bytes += item.size;
	}
	return batch;
}
