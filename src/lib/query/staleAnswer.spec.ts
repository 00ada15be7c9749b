// The stale corrections the import page lists are what it computed in the page before (the oracle:
// corpus/edits.ts's staleEdits over every record read into the page), on the fixture, the shipped
// corpus and synthetic corpora, with corrections that still find their fact, corrections that no
// longer do, corrections of documents gone and confirmations of whole documents; through the
// engine as the worker asks it, over the worker's slim places.
import { describe, expect, test } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import { documentReviewKey, factKey, staleEdits, type FactKind, type UserEdit } from '../corpus/edits.ts';
import { QueryEngine } from './engine.ts';
import type { Facts } from './facts.ts';
import { slimPlaces } from './slim.ts';
import { staleRequest } from './requests.ts';
import { staleAnswer } from './staleAnswer.ts';
import { shippedFacts, syntheticFacts } from './testCorpora.ts';

const CORPORA: [string, () => Facts][] = [
	['sample', () => sampleContent()],
	['the shipped corpus', shippedFacts],
	['synthetic 400 (seed 1)', () => syntheticFacts(400, 1)]
];

const at = '2026-01-01T00:00:00.000Z';

/** Corrections of every kind: of facts there (every 7th of each kind), of the same facts moved (stale), of documents gone, of whole documents. */
function editsOf(facts: Facts): UserEdit[] {
	const hashOf = new Map(facts.documents.map((d) => [d.id, d.contentHash]));
	const edits: UserEdit[] = [];
	const tables: [FactKind, { id: string; evidence: unknown; docId?: string; docIds?: string[] }[]][] = [
		['meeting', facts.meetings],
		['place', facts.places],
		['metric', facts.metrics]
	];
	for (const [kind, rows] of tables)
		rows.forEach((row, i) => {
			if (i % 7 !== 0) return;
			const docId = row.docId ?? row.docIds![0]!;
			const hash = hashOf.get(docId)!;
			const key = factKey(kind, hash, row as Parameters<typeof factKey>[2]);
			const patch = kind === 'metric' ? { value: 1 } : kind === 'place' ? { name: '某地' } : { name: '某会' };
			edits.push({ key, docHash: hash, kind, op: i % 2 ? 'confirm' : 'patch', at, ...(i % 2 ? {} : { patch }) } as UserEdit);
			// the same fact, its evidence moved: nothing to correct any more
			edits.push({ key: `${kind}:${hash}:999990-999999`, docHash: hash, kind, op: 'patch', patch, at } as UserEdit);
		});
	edits.push({ key: `metric:${'f'.repeat(64)}:1-2`, docHash: 'f'.repeat(64), kind: 'metric', op: 'patch', patch: { value: 3 }, at } as UserEdit);
	for (const d of facts.documents.slice(0, 3)) {
		edits.push({ key: documentReviewKey(d.contentHash), docHash: d.contentHash, kind: 'document', op: 'confirm', at } as UserEdit);
		edits.push({ key: `${factKey('document', d.contentHash)}:elsewhere`, docHash: d.contentHash, kind: 'document', op: 'confirm', at } as UserEdit);
	}
	return edits;
}

const inPage = (facts: Facts, edits: UserEdit[]) => staleEdits(facts, edits).map(({ edit, document }) => ({ key: edit.key, document: { id: document.id, title: document.title, fileName: document.fileName } }));

describe('staleAnswer', () => {
	test.each(CORPORA)('%s', (_name, make) => {
		const facts = make();
		const edits = editsOf(facts);
		const expected = inPage(facts, edits);
		// some stale, some not
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(staleRequest(edits).edits.length);
		const r = staleRequest(edits);
		expect(staleAnswer(facts, r)).toEqual(expected);
		expect(new QueryEngine(facts).answer(r)).toEqual(expected);
		// the worker keeps of each place only what its answers read
		expect(new QueryEngine(slimPlaces(make())).answer(r)).toEqual(expected);
		// one correction at a time
		for (const e of edits.slice(0, 12)) expect(staleAnswer(facts, staleRequest([e]))).toEqual(inPage(facts, [e]));
	});

	test('no correction: nothing to check', () => {
		expect(staleAnswer(sampleContent(), { type: 'stale', edits: [] })).toEqual([]);
	});
});
