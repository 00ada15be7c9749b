// The achievements page's stored snapshot (snapshot.ts): written to IndexedDB (fake-indexeddb, whose
// structured clone copies the typed arrays as the browser's does) and read back, it answers every
// filter state, indicator and unit as the engine does from the records (the oracle: a fresh
// QueryEngine over the same facts), on the fixture, synthetic corpora and the shipped corpus.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import { DashboardDB } from '../db/db.ts';
import { NO_FILTERS } from '../state/filters.ts';
import { QueryEngine, type AchievementsRequest } from './engine.ts';
import type { Facts } from './facts.ts';
import { achievementsRequest } from './requests.ts';
import { buildSnapshot, FIGURES, hasSnapshot, newShapes, pack, packBlock, pruneSnapshots, readSnapshot, snapshotKey, SNAPSHOT_VERSION, unpack, unpackBlock, writeSnapshot } from './snapshot.ts';
import { filterStates, shippedFacts, syntheticFacts } from './testCorpora.ts';

const dbs: DashboardDB[] = [];
const freshDb = () => {
	const db = new DashboardDB(`snapshot-${Math.random()}`);
	dbs.push(db);
	return db;
};
afterEach(async () => {
	for (const db of dbs.splice(0)) await db.delete();
});

/** A corpus with every 7th figure corrected (reviewed) and a few titles missing: what the user's corrections and odd documents give. */
const reviewed = (docs: number, seed: number): Facts => {
	const f = syntheticFacts(docs, seed);
	f.metrics.forEach((m, i) => i % 7 === 0 && (m.review = { status: 'corrected', at: '2024-05-01T00:00:00.000Z' }));
	return f;
};

/** Stores the snapshot of an engine over `facts`, reads it back. */
async function stored(facts: Facts, digest = 'd1') {
	const db = freshDb();
	const parts = buildSnapshot(new QueryEngine(facts), digest);
	expect(parts).not.toBeNull();
	expect(await writeSnapshot(db, parts!, async () => true, 5)).toBe(true);
	const snapshot = await readSnapshot(db, digest);
	expect(snapshot).not.toBeNull();
	return { db, snapshot: snapshot! };
}

/** The requests compared: every filter state with the default indicator, and each indicator (with each of its units) for some. */
function requests(facts: Facts): AchievementsRequest[] {
	const oracle = new QueryEngine(facts);
	const out: AchievementsRequest[] = [];
	const states = filterStates(facts);
	for (const f of states) out.push(achievementsRequest(f, null, null));
	for (const f of [NO_FILTERS, states[2]!, states[4]!, states[13]!]) {
		for (const s of oracle.answer(achievementsRequest(f, null, null)).indicators) {
			for (const unit of [null, ...s.units.slice(1)]) out.push(achievementsRequest(f, s.indicator, unit));
		}
	}
	// more rows and conflicts than one block holds
	out.push({ ...achievementsRequest(NO_FILTERS, null, null), rows: FIGURES * 3, conflicts: 1500 });
	return out;
}

const CORPORA: [string, () => Facts][] = [
	['the fixture', () => sampleContent()],
	['synthetic 400 (seed 1)', () => syntheticFacts(400, 1)],
	['synthetic 3,000 (seed 5)', () => syntheticFacts(3000, 5)],
	['synthetic 300 with corrections (seed 3)', () => reviewed(300, 3)],
	['the shipped corpus', () => shippedFacts()]
];

describe('the achievements snapshot', () => {
	test.each(CORPORA)('answers as the engine does from the records: %s', async (_, facts) => {
		const f = facts();
		const oracle = new QueryEngine(f);
		const { snapshot } = await stored(f);
		for (const r of requests(f)) expect(await snapshot.answer(r)).toEqual(oracle.answer(r));
	});

	test('answers a sequence of filter changes, each as the engine does (blocks kept between answers)', async () => {
		const f = syntheticFacts(2000, 9);
		const oracle = new QueryEngine(f);
		const { snapshot } = await stored(f);
		const states = filterStates(f);
		for (let round = 0; round < 3; round++)
			for (const s of states) {
				const r = achievementsRequest(s, null, null);
				expect(await snapshot.answer(r)).toEqual(oracle.answer(r));
			}
	});

	test('a figure in the table and in a conflict is one object, as in the engine answer', async () => {
		const f = syntheticFacts(2000, 2);
		const { snapshot } = await stored(f);
		const a = await snapshot.answer({ ...achievementsRequest(NO_FILTERS, null, null), rows: 100000, conflicts: 100000 });
		const shown = new Set(a.rows);
		const inConflicts = a.conflicts.flatMap((c) => c.figures);
		expect(inConflicts.length).toBeGreaterThan(0);
		expect(inConflicts.every((x) => shown.has(x))).toBe(true);
	});

	test('is found only under its digest and version; the head is written last', async () => {
		const db = freshDb();
		const parts = buildSnapshot(new QueryEngine(syntheticFacts(300, 1)), 'abc')!;
		expect(await readSnapshot(db, 'other')).toBeNull();
		// stopped half-way (the corpus changed): no head, no snapshot
		let puts = 0;
		expect(await writeSnapshot(db, parts, async () => ++puts < 2, 2)).toBe(false);
		expect(await readSnapshot(db, 'abc')).toBeNull();
		// and leaves no block behind
		expect(((await db.meta.toCollection().primaryKeys()) as string[]).some((k) => k.startsWith('snapshot:'))).toBe(false);
		expect(await hasSnapshot(db, 'abc')).toBe(false);
		expect(await writeSnapshot(db, parts)).toBe(true);
		expect(await hasSnapshot(db, 'abc')).toBe(true);
		expect(await readSnapshot(db, 'abc')).not.toBeNull();
		// a head of another version is never read
		await db.meta.put({ ...(await db.meta.get(snapshotKey('abc'))), version: SNAPSHOT_VERSION + 1 } as never);
		expect(await readSnapshot(db, 'abc')).toBeNull();
	});

	test('pruning keeps only the snapshot of the digest given', async () => {
		const db = freshDb();
		const engine = new QueryEngine(syntheticFacts(300, 1));
		await writeSnapshot(db, buildSnapshot(engine, 'aaa')!);
		await writeSnapshot(db, buildSnapshot(engine, 'bbb')!);
		await db.meta.put({ key: 'snapshot:v0:old:f0' } as never);
		await db.meta.put({ key: 'answers:aaa:x' } as never);
		await pruneSnapshots(db, 'bbb');
		const keys = (await db.meta.toCollection().primaryKeys()) as string[];
		expect(keys.filter((k) => k.startsWith('snapshot:')).every((k) => k.startsWith(snapshotKey('bbb')))).toBe(true);
		expect(keys).toContain(snapshotKey('bbb'));
		expect(keys).toContain('answers:aaa:x');
		expect(await readSnapshot(db, 'bbb')).not.toBeNull();
	});

	test('blocks are stored gzipped; a block stored as text (no CompressionStream) reads the same', async () => {
		const f = syntheticFacts(600, 3);
		const oracle = new QueryEngine(f);
		const { db } = await stored(f, 'gz');
		const blocks = ((await db.meta.toArray()) as { key: string; gz?: ArrayBuffer; json?: string }[]).filter((b) => b.key.startsWith(`${snapshotKey('gz')}:`));
		expect(blocks.length).toBeGreaterThan(0);
		expect(blocks.every((b) => b.gz instanceof ArrayBuffer && b.json === undefined)).toBe(true);
		for (const b of blocks) {
			const json = await new Response(new Blob([b.gz!]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
			await db.meta.put({ key: b.key, json } as never);
		}
		const again = (await readSnapshot(db, 'gz'))!;
		for (const r of requests(f).slice(0, 12)) expect(await again.answer(r)).toEqual(oracle.answer(r));
	});

	test('pack and unpack give back any JSON value, undefined keys left out as JSON leaves them', () => {
		const values = [
			null,
			3,
			'x',
			[],
			{},
			[1, 'a', null, [2, ['a']], { a: 1 }],
			{ a: 1, b: undefined, c: { d: [{ e: null }, { e: 2, f: 'a' }], g: [] }, h: ['a', 'b'] }
		];
		for (const v of values) {
			const shapes = newShapes();
			const packed = pack(v, shapes);
			expect(unpack(JSON.parse(JSON.stringify(packed)), shapes.list)).toEqual(JSON.parse(JSON.stringify(v)));
		}
		expect(unpackBlock(packBlock(values))).toEqual(JSON.parse(JSON.stringify(values)));
	});
});
