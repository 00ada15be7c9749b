import { describe, expect, test } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import { chunkFacts, joinChunks } from './shipped.ts';

describe('chunkFacts and joinChunks', () => {
	const facts = sampleContent();
	test('cut each table into runs of at most the given size, keyed in order', () => {
		const chunks = chunkFacts(facts, 1);
		expect(chunks.map((c) => c.key)).toEqual(['documents:000000', 'documents:000001', 'meetings:000000', 'places:000000', 'metrics:000000', 'metrics:000001']);
		expect(chunks.every((c) => c.rows.length === 1)).toBe(true);
	});
	test('join back to the same facts whatever order the chunks come in', () => {
		const { documents, meetings, places, metrics } = facts;
		expect(joinChunks(chunkFacts(facts, 1).reverse())).toEqual({ documents, meetings, places, metrics });
		expect(joinChunks(chunkFacts(facts))).toEqual({ documents, meetings, places, metrics });
	});
	test('no facts, no chunks', () => {
		expect(chunkFacts({ documents: [], meetings: [], places: [], metrics: [] })).toEqual([]);
		expect(joinChunks([])).toEqual({ documents: [], meetings: [], places: [], metrics: [] });
	});
});

describe('shippedRecords', () => {
	test('stores the rows as JSON text with their count, and joins back to the same facts; chunks of either kind mix', async () => {
		const { shippedRecords, rowCount } = await import('./shipped.ts');
		const facts = sampleContent();
		const { documents, meetings, places, metrics } = facts;
		const records = shippedRecords(facts, 1);
		expect(records.filter((r) => r.table !== 'hashes').every((r) => 'json' in r && rowCount(r) === 1)).toBe(true);
		expect(joinChunks(records)).toEqual({ documents, meetings, places, metrics });
		const mixed = [...records.filter((r) => r.table !== 'metrics'), ...chunkFacts(facts, 1).filter((c) => c.table === 'metrics')];
		expect(joinChunks(mixed)).toEqual({ documents, meetings, places, metrics });
	});
});
