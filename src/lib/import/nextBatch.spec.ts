import { describe, expect, test } from 'vitest';
import { BATCH_MAX_BYTES, BATCH_MAX_DOCUMENTS, batchesOf } from '../extract/batches.ts';
import { nextBatch, type Queued } from './nextBatch.ts';

type Item = Queued & { name: string };
const item = (name: string, size = 1000, alone = false): Item => ({ name, size, ...(alone ? { alone } : {}) });
const names = (items: Item[]) => items.map((i) => i.name);

describe('nextBatch', () => {
	test('takes the queue in order, as the corpus CLI groups files (batchesOf)', () => {
		const sizes = [100, 200_000, 60_000, 5, 300_000, 10, ...Array.from({ length: 70 }, () => 10)];
		const queue = sizes.map((s, i) => item(String(i), s));
		const expected = batchesOf([...queue], (q) => q.size).map(names);
		const taken: string[][] = [];
		while (queue.length) taken.push(names(nextBatch(queue)));
		expect(taken).toEqual(expected);
		expect(taken.every((b) => b.length <= BATCH_MAX_DOCUMENTS)).toBe(true);
	});

	test('a file bigger than a batch goes alone; the next batch starts after it', () => {
		const queue = [item('a'), item('big', BATCH_MAX_BYTES + 1), item('b')];
		expect(names(nextBatch(queue))).toEqual(['a']);
		expect(names(nextBatch(queue))).toEqual(['big']);
		expect(names(nextBatch(queue))).toEqual(['b']);
	});

	test('a file marked alone is a batch of its own, and leaves the files behind it for the next', () => {
		const queue = [item('a'), item('b'), item('slow', 10, true), item('c'), item('d')];
		expect(names(nextBatch(queue))).toEqual(['a', 'b']);
		expect(names(nextBatch(queue))).toEqual(['slow']);
		expect(names(nextBatch(queue))).toEqual(['c', 'd']);
		expect(queue).toEqual([]);
	});

	test('refused files are taken off and told, in order, and join no batch', () => {
		const told: string[] = [];
		const queue = [item('x.exe'), item('a'), item('y.exe'), item('b'), item('big', BATCH_MAX_BYTES), item('z.exe')];
		const refused = (i: Item) => i.name.endsWith('.exe') && told.push(i.name) > 0;
		expect(names(nextBatch(queue, refused))).toEqual(['a', 'b']);
		expect(told).toEqual(['x.exe', 'y.exe']);
		expect(names(nextBatch(queue, refused))).toEqual(['big']);
		expect(names(nextBatch(queue, refused))).toEqual([]);
		expect(told).toEqual(['x.exe', 'y.exe', 'z.exe']);
	});
});
