import { describe, expect, test } from 'vitest';
import { ImportBatcher, planBatch, type BatchTiming } from './batch.ts';

const doc = (id: string, contentHash: string) => ({ id, contentHash, title: `title ${id}`, fileName: `${id}.txt` });

describe('planBatch', () => {
	const stored = new Map([['h-old', { id: 'old', title: 'Old', fileName: 'old.txt' }]]);
	test.each([
		{ name: 'new documents are stored', docs: [doc('a', 'h1'), doc('b', 'h2')], want: ['store', 'store'] },
		{ name: 'content already stored is a duplicate of the stored one', docs: [doc('a', 'h-old')], want: ['duplicate:old'] },
		{ name: 'the same content twice in one batch: the second names the first', docs: [doc('a', 'h1'), doc('b', 'h1')], want: ['store', 'duplicate:a'] },
		{ name: 'records that could not be made valid are refused alone', docs: [null, doc('b', 'h2')], want: ['invalid', 'store'] },
		{ name: 'an invalid one does not count as stored content', docs: [null, doc('a', 'h-old'), doc('c', 'h3'), doc('d', 'h3')], want: ['invalid', 'duplicate:old', 'store', 'duplicate:c'] }
	])('$name', ({ docs, want }) => {
		const got = planBatch(docs, stored).map((s) => (s.outcome === 'duplicate' ? `duplicate:${s.existing.id}` : s.outcome));
		expect(got).toEqual(want);
	});
});

/** Timers the test moves by hand: the batcher's waits are counted, not slept. */
function manualTimers() {
	let pending: { fn: () => void; ms: number; handle: number }[] = [];
	let next = 1;
	return {
		timers: {
			set: (fn: () => void, ms: number) => {
				pending.push({ fn, ms, handle: next });
				return next++;
			},
			clear: (h: unknown) => {
				pending = pending.filter((p) => p.handle !== h);
			}
		},
		get count() {
			return pending.length;
		},
		fire() {
			const due = pending;
			pending = [];
			for (const p of due) p.fn();
		}
	};
}

/** A store that records its batches and finishes each when the test says so. */
function recordingStore() {
	const batches: number[][] = [];
	const finish: (() => void)[] = [];
	return {
		batches,
		store: (batch: number[]) => {
			batches.push(batch);
			return new Promise<void>((resolve) => finish.push(resolve));
		},
		async finishAll() {
			while (finish.length) {
				finish.shift()!();
				// let the batcher's finally run and start the next batch
				await new Promise((r) => setTimeout(r, 0));
			}
		}
	};
}

const timing: BatchTiming = { size: 3, waitMs: 250 };

describe('ImportBatcher', () => {
	test('a full batch goes at once; the rest waits for the timer', async () => {
		const t = manualTimers();
		const s = recordingStore();
		const b = new ImportBatcher(s.store, timing, t.timers);
		for (const i of [1, 2, 3, 4]) b.add(i);
		expect(s.batches).toEqual([[1, 2, 3]]);
		expect(b.waiting).toEqual([4]);
		await s.finishAll();
		expect(s.batches).toEqual([[1, 2, 3]]);
		expect(t.count).toBe(1);
		t.fire();
		expect(s.batches).toEqual([[1, 2, 3], [4]]);
		await s.finishAll();
		expect(b.busy).toBe(false);
	});

	test('one batch at a time, in arrival order; what came meanwhile goes next', async () => {
		const t = manualTimers();
		const s = recordingStore();
		const b = new ImportBatcher(s.store, timing, t.timers);
		for (const i of [1, 2, 3, 4, 5, 6, 7]) b.add(i);
		expect(s.batches).toEqual([[1, 2, 3]]);
		await s.finishAll();
		expect(s.batches).toEqual([[1, 2, 3], [4, 5, 6]]);
		await s.finishAll();
		t.fire();
		await s.finishAll();
		expect(s.batches.flat()).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(s.batches.every((batch) => batch.length <= timing.size)).toBe(true);
	});

	test('flushNow stores what waits without waiting for the timer', async () => {
		const t = manualTimers();
		const s = recordingStore();
		const b = new ImportBatcher(s.store, timing, t.timers);
		b.add(1);
		b.flushNow();
		expect(s.batches).toEqual([[1]]);
		expect(t.count).toBe(0);
		b.add(2);
		b.flushNow(); // while [1] is stored: goes right after it
		await s.finishAll();
		expect(s.batches).toEqual([[1], [2]]);
	});

	test('drop takes back the waiting items; the batch being stored completes', async () => {
		const t = manualTimers();
		const s = recordingStore();
		const b = new ImportBatcher(s.store, timing, t.timers);
		for (const i of [1, 2, 3, 4, 5]) b.add(i);
		expect(b.drop()).toEqual([4, 5]);
		expect(t.count).toBe(0);
		await s.finishAll();
		expect(s.batches).toEqual([[1, 2, 3]]);
	});

	test('idle stores everything and resolves: 120 items in batches of 50', async () => {
		const stored: number[][] = [];
		const b = new ImportBatcher<number>(async (batch) => void stored.push(batch), { size: 50, waitMs: 250 }, manualTimers().timers);
		for (let i = 0; i < 120; i++) b.add(i);
		await b.idle();
		expect(stored.map((x) => x.length)).toEqual([50, 50, 20]);
		expect(stored.flat()).toEqual(Array.from({ length: 120 }, (_, i) => i));
	});
});
