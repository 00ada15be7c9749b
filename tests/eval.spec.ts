// The extraction scored against the gold annotations of ../shared/eval: a regression floor.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCorpus } from '../src/lib/corpus/build.ts';
import { hasShared, SHARED, sharedDocuments } from './shared.ts';

interface Score {
	publishedAtAccuracy: number;
	metrics: { f1: number; qualifierAccuracy: number; categoryAccuracy: number };
	meetings: { f1: number; startDateAccuracy: number; endDateAccuracy: number; provinceAccuracy: number; cityAccuracy: number; attendeesAccuracy: number };
	places: { f1: number };
}

describe.skipIf(!hasShared)('extraction on the dev set and the seeds (../shared/eval)', () => {
	const work = mkdtempSync(join(tmpdir(), 'eval-'));
	let score: Score;
	beforeAll(async () => {
		const { corpus } = buildCorpus([...sharedDocuments('eval/dev'), ...sharedDocuments('seeds')]);
		const file = join(work, 'corpus.json');
		writeFileSync(file, JSON.stringify(corpus));
		const out = execFileSync(process.execPath, [join(SHARED, 'eval/score.mjs'), '--corpus', file, '--gold', join(SHARED, 'eval/dev'), '--gold', join(SHARED, 'eval/seeds'), '--json'], { encoding: 'utf8' });
		score = JSON.parse(out);
		console.log(`extraction score: ${JSON.stringify(score)}`);
	});
	afterAll(() => rmSync(work, { recursive: true, force: true }));

	test('finds publication dates (accuracy ≥ 0.95)', () => {
		expect(score.publishedAtAccuracy).toBeGreaterThanOrEqual(0.95);
	});
	test('finds metrics (F1 ≥ 0.92) with their qualifier and category (≥ 0.90)', () => {
		expect(score.metrics.f1).toBeGreaterThanOrEqual(0.92);
		expect(score.metrics.qualifierAccuracy).toBeGreaterThanOrEqual(0.9);
		expect(score.metrics.categoryAccuracy).toBeGreaterThanOrEqual(0.9);
	});
	test('finds meetings (F1 ≥ 0.90) with dates, venue and attendees (≥ 0.90)', () => {
		const m = score.meetings;
		expect(m.f1).toBeGreaterThanOrEqual(0.9);
		for (const field of ['startDateAccuracy', 'endDateAccuracy', 'provinceAccuracy', 'cityAccuracy', 'attendeesAccuracy'] as const)
			expect(m[field], field).toBeGreaterThanOrEqual(0.9);
	});
	test('finds places (F1 ≥ 0.92)', () => {
		expect(score.places.f1).toBeGreaterThanOrEqual(0.92);
	});
});

describe.skipIf(!hasShared)('the shipped corpus', () => {
	test('is exactly what the CLI builds from ../shared/seeds today', async () => {
		const { corpus } = buildCorpus(sharedDocuments('seeds'));
		const shipped = JSON.parse(readFileSync('data/corpus.json', 'utf8'));
		expect(shipped.hash, 'data/corpus.json is stale: run npm run corpus -- --in ../shared/seeds').toBe(corpus.hash);
	});
	test('holds facts and short phrases, never the documents themselves', async () => {
		const shipped = readFileSync('data/corpus.json', 'utf8');
		for (const { bytes } of sharedDocuments('seeds')) {
			const lines = new TextDecoder().decode(bytes).split('\n').filter((l) => l.trim().length > 80);
			for (const line of lines) expect(shipped.includes(line.trim())).toBe(false);
		}
	});
});
