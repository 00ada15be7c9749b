import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import { peekHash, sealCorpus } from '../corpus/validate.ts';
import { DashboardDB } from './db.ts';
import { isStorageUnavailable } from './index.ts';
import { CorpusRejectedError, isQuotaError, loadShippedCorpus, progressFraction, type LoadProgress } from './load.ts';
import { loadFacts } from './queries.ts';
import { storedHash } from './sync.ts';

let db: DashboardDB;
beforeEach(() => {
	db = new DashboardDB(`load-${crypto.randomUUID()}`);
});
afterEach(async () => {
	vi.restoreAllMocks();
	await db.delete();
});

const serve = (body: string, status = 200) => (async () => new Response(body, { status })) as unknown as typeof fetch;
const good = sealCorpus(sampleContent());
const other = (() => {
	const c = sampleContent();
	c.metrics = c.metrics.slice(0, 1);
	return sealCorpus(c);
})();

describe('peekHash', () => {
	test('reads the hash a sealed corpus declares first', () => {
		expect(peekHash(JSON.stringify(good))).toBe(good.hash);
		expect(peekHash(JSON.stringify(good, null, '\t'))).toBe(good.hash);
		expect(peekHash('{"documents":[]}')).toBeNull();
	});
});

describe('loadShippedCorpus', () => {
	test('stores on the first visit, then recognises the same file without parsing it', async () => {
		expect((await loadShippedCorpus(db, '/c.json', serve(JSON.stringify(good)))).outcome).toBe('stored');
		// Same declared hash, broken body: only a file already validated can be skipped like this.
		const sameStart = JSON.stringify(good).slice(0, 120) + '…truncated';
		expect((await loadShippedCorpus(db, '/c.json', serve(sameStart))).outcome).toBe('unchanged');
	});

	test('reads no further than the head of a file it already holds', async () => {
		await loadShippedCorpus(db, '/c.json', serve(JSON.stringify(good)));
		const text = JSON.stringify(good);
		let pulls = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				pulls++;
				if (pulls > 1) throw new Error('read past the head');
				controller.enqueue(new TextEncoder().encode(text.slice(0, 300)));
			}
		}, { highWaterMark: 0 });
		const result = await loadShippedCorpus(db, '/c.json', (async () => new Response(body)) as unknown as typeof fetch);
		expect(result.outcome).toBe('unchanged');
		expect(pulls).toBe(1);
	});

	test('replaces the stored corpus with a valid new one', async () => {
		await loadShippedCorpus(db, '/c.json', serve(JSON.stringify(good)));
		expect((await loadShippedCorpus(db, '/c.json', serve(JSON.stringify(other)))).outcome).toBe('replaced');
		expect(await storedHash(db)).toBe(other.hash);
	});

	test('keeps the last good corpus when a new one is invalid, and says which record and field', async () => {
		await loadShippedCorpus(db, '/c.json', serve(JSON.stringify(good)));
		const bad = structuredClone(other) as unknown as { metrics: Array<Record<string, unknown>> };
		bad.metrics[0]!.unit = 7;
		const result = await loadShippedCorpus(db, '/c.json', serve(JSON.stringify(bad)));
		expect(result.outcome).toBe('kept');
		expect(result.problems[0]).toMatch(/^metrics\[0\] \(news-a\$0\)\.unit: /);
		expect(await storedHash(db)).toBe(good.hash);
		expect((await loadFacts(db)).metrics.length).toBe(2);
	});

	test.each([
		['broken JSON', serve('{"schemaVersion": 1, "hash": '), /^corpus: not valid JSON/],
		['an HTTP error', serve('', 404), /HTTP 404/],
		['no network', (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch, /Failed to fetch/]
	])('keeps the last good corpus on %s', async (_name, fetchImpl, problem) => {
		await loadShippedCorpus(db, '/c.json', serve(JSON.stringify(good)));
		const result = await loadShippedCorpus(db, '/c.json', fetchImpl);
		expect(result.outcome).toBe('kept');
		expect(result.problems[0]).toMatch(problem);
	});

	test('refuses with every problem when there is nothing to fall back on', async () => {
		const bad = { ...good, metrics: [{ ...good.metrics[0], category: 'money' }] };
		await expect(loadShippedCorpus(db, '/c.json', serve(JSON.stringify(bad)))).rejects.toThrow(CorpusRejectedError);
		expect(await storedHash(db)).toBeNull();
	});

	// A request that never answers: the stalled step waits on the abort signal, as fetch does.
	const never = (stage: 'headers' | 'body') =>
		(async (_url: string, init?: RequestInit) => {
			const aborted = new Promise<never>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
			if (stage === 'headers') return aborted;
			const text = JSON.stringify(other);
			let sent = false;
			return new Response(
				new ReadableStream<Uint8Array>({
					async pull(controller) {
						if (!sent) {
							sent = true;
							controller.enqueue(new TextEncoder().encode(text.slice(0, 500)));
							return;
						}
						await aborted;
					}
				}, { highWaterMark: 0 })
			);
		}) as unknown as typeof fetch;

	test.each([['headers'], ['body']] as const)('gives up a request whose %s never come, shows the stored corpus and says so', async (stage) => {
		await loadShippedCorpus(db, '/c.json', serve(JSON.stringify(good)));
		const result = await loadShippedCorpus(db, '/c.json', never(stage), { stallMs: 50 });
		expect(result).toMatchObject({ outcome: 'kept', timedOut: true, problems: ['/c.json: timed out after 0 s'] });
		expect(await storedHash(db)).toBe(good.hash);
	});

	test('ends with an error, not an endless wait, when a stalled request has nothing stored to fall back on', async () => {
		await expect(loadShippedCorpus(db, '/c.json', never('headers'), { stallMs: 50 })).rejects.toThrow(/timed out/);
	});

	test('never cuts a slow download that keeps moving', async () => {
		const text = JSON.stringify(good);
		let at = 0;
		const body = new ReadableStream<Uint8Array>({
			async pull(controller) {
				await new Promise((r) => setTimeout(r, 10));
				if (at >= text.length) return controller.close();
				controller.enqueue(new TextEncoder().encode(text.slice(at, at + 20)));
				at += 20;
			}
		}, { highWaterMark: 0 });
		// Each part arrives well within the allowance; the whole (90 parts, at least 10 ms apart) takes longer.
		const result = await loadShippedCorpus(db, '/c.json', (async () => new Response(body)) as unknown as typeof fetch, { stallMs: 500 });
		expect(result.outcome).toBe('stored');
	});

	test('keeps the last good corpus whole when the storage quota runs out mid-write', async () => {
		await loadShippedCorpus(db, '/c.json', serve(JSON.stringify(good)));
		vi.spyOn(db.shipped, 'bulkAdd').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		const result = await loadShippedCorpus(db, '/c.json', serve(JSON.stringify(other)));
		expect(result).toMatchObject({ outcome: 'kept', quotaExceeded: true });
		expect(await storedHash(db)).toBe(good.hash);
		const facts = await loadFacts(db);
		expect([facts.metrics.length, facts.documents.length]).toEqual([2, 2]);
	});
});

describe('error classification', () => {
	test.each([
		[{ name: 'QuotaExceededError' }, true],
		[{ name: 'AbortError', inner: { name: 'QuotaExceededError' } }, true],
		[{ name: 'ConstraintError' }, false]
	])('%j is a quota error: %s', (e, expected) => expect(isQuotaError(e)).toBe(expected));

	test.each([
		[{ name: 'MissingAPIError' }, true],
		[{ name: 'OpenFailedError', inner: { name: 'SecurityError' } }, true],
		[{ name: 'OpenFailedError', inner: { name: 'QuotaExceededError' } }, true],
		[{ name: 'QuotaExceededError' }, true],
		[{ name: 'VersionError' }, false],
		[new TypeError('x'), false]
	])('%j means storage is unavailable: %s', (e, expected) => expect(isStorageUnavailable(e)).toBe(expected));
});

describe('progress', () => {
	test.each([
		[{ phase: 'download', done: 0, total: 0 }, 0],
		[{ phase: 'download', done: 50, total: 100 }, 0.15],
		[{ phase: 'parse', done: 0, total: 0 }, 0.3],
		[{ phase: 'check', done: 10, total: 10 }, 0.65],
		[{ phase: 'store', done: 50, total: 100 }, 0.75],
		[{ phase: 'read', done: 200, total: 100 }, 1]
	] as const)('%j is %s of the whole', (p, fraction) => expect(progressFraction(p)).toBeCloseTo(fraction, 10));

	test('a load says each phase in order, with counts that only grow', async () => {
		const seen: LoadProgress[] = [];
		await loadShippedCorpus(db, '/c.json', serve(JSON.stringify(good)), { onProgress: (p) => seen.push(p) });
		const phases = [...new Set(seen.map((p) => p.phase))];
		expect(phases).toEqual(['download', 'parse', 'check', 'store']);
		const stored = seen.filter((p) => p.phase === 'store');
		expect(stored.at(-1)).toEqual({ phase: 'store', done: stored.at(-1)!.total, total: good.documents.length + good.meetings.length + good.places.length + good.metrics.length });
		expect(stored.every((p, i) => i === 0 || p.done >= stored[i - 1]!.done)).toBe(true);
	});

	test('an Ingest elsewhere (the worker) gets the bytes and its verdict is the load\'s', async () => {
		let bytes = 0;
		const result = await loadShippedCorpus(db, '/c.json', serve(JSON.stringify(good)), {
			ingest: async (parts) => {
				bytes = parts.reduce((n, p) => n + p.byteLength, 0);
				return { ok: false, problems: ['storage: no'], quotaExceeded: true };
			}
		}).catch((e: CorpusRejectedError) => e);
		expect(bytes).toBe(new TextEncoder().encode(JSON.stringify(good)).byteLength);
		expect(result).toBeInstanceOf(CorpusRejectedError);
		expect((result as CorpusRejectedError).quotaExceeded).toBe(true);
	});
});
