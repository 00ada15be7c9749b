import { afterEach, describe, expect, test, vi } from 'vitest';
import { fetchOrCached, isCorpusRequest } from './offline.ts';

describe('isCorpusRequest', () => {
	test.each([
		['/_app/immutable/assets/corpus.B1x2_yZ.json', true],
		['/corpus.json', true],
		['/_app/immutable/chunks/china.Dk3.js', false],
		['/_app/immutable/assets/corpus.json/other', false],
		['/screen', false]
	])('%s → %s', (path, expected) => {
		expect(isCorpusRequest(path)).toBe(expected);
	});
});

describe('fetchOrCached', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
	});
	test('answers from the network when it can', async () => {
		const match = vi.fn();
		vi.stubGlobal('fetch', vi.fn(async () => new Response('net')));
		vi.stubGlobal('caches', { match });
		expect(await (await fetchOrCached('/corpus.json')).text()).toBe('net');
		expect(match).not.toHaveBeenCalled();
	});
	test('falls back to the cached copy when the network fails', async () => {
		vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
		vi.stubGlobal('caches', { match: vi.fn(async () => new Response('cached')) });
		expect(await (await fetchOrCached('/corpus.json')).text()).toBe('cached');
	});
	test('rethrows the network error when nothing is cached', async () => {
		vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
		vi.stubGlobal('caches', { match: vi.fn(async () => undefined) });
		await expect(fetchOrCached('/corpus.json')).rejects.toThrow('Failed to fetch');
	});
});
