import { describe, expect, test } from 'vitest';
import { corpusScope, corpusStamp } from './stamp.ts';

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

describe('corpusScope', () => {
	test('counts documents, the provinces they are about and their years of publication', () => {
		const docs = [
			{ publishedAt: '2023-05-30', regionCode: '371600' },
			{ publishedAt: '2008', regionCode: '370000' },
			{ publishedAt: null, regionCode: '500109' },
			{ publishedAt: '2026-02-02', regionCode: '100000' },
			{ publishedAt: '2019-01', regionCode: null }
		];
		expect(corpusScope(docs)).toEqual({ documents: 5, provinces: 2, years: [2008, 2026], asOf: '2026-02-02' });
	});
	test('has no years without dated documents', () => {
		expect(corpusScope([{ publishedAt: null, regionCode: null }])).toEqual({ documents: 1, provinces: 0, years: null, asOf: null });
	});
});
