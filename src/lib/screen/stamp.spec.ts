import { describe, expect, test } from 'vitest';
import { corpusStamp } from './stamp.ts';

describe('corpusStamp', () => {
	test('names the latest publication date, the document count and the hash prefix', () => {
		const docs = [{ publishedAt: '2023-05-30' }, { publishedAt: null }, { publishedAt: '2023-08-11' }, { publishedAt: '2021-04-01' }];
		expect(corpusStamp(docs, 'a1b2c3d4e5f6' + '0'.repeat(52))).toEqual({ asOf: '2023-08-11', documents: 4, version: 'a1b2c3d4' });
	});
	test('has no date without dated documents and no version without a stored hash', () => {
		expect(corpusStamp([{ publishedAt: null }], null)).toEqual({ asOf: null, documents: 1, version: null });
		expect(corpusStamp([], undefined)).toEqual({ asOf: null, documents: 0, version: null });
	});
});
