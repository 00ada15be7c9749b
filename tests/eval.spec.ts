// The extraction scored against the gold annotations of ../shared/eval: a regression floor on
// each gold set, at the targets of issues #11 and #12.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCorpus } from '../src/lib/corpus/build.ts';
import { hasShared, SHARED, sharedDocuments } from './shared.ts';

interface Score {
	publishedAtAccuracy: number;
	regionAccuracy: number;
	metrics: Record<'f1' | 'qualifierAccuracy' | 'categoryAccuracy' | 'subjectAccuracy' | 'scopeAccuracy' | 'changeAccuracy' | 'partAccuracy', number>;
	meetings: Record<'f1' | 'startDateAccuracy' | 'endDateAccuracy' | 'provinceAccuracy' | 'cityAccuracy' | 'attendeesAccuracy', number>;
	places: { f1: number };
}

/** Every floor, as [what, where in the score, at least]. */
const FLOORS: [string, (s: Score) => number, number][] = [
	['publishedAt', (s) => s.publishedAtAccuracy, 0.95],
	['document region', (s) => s.regionAccuracy, 0.9],
	['metrics F1', (s) => s.metrics.f1, 0.95],
	['metric qualifier', (s) => s.metrics.qualifierAccuracy, 0.98],
	['metric category', (s) => s.metrics.categoryAccuracy, 0.9],
	['metric subject', (s) => s.metrics.subjectAccuracy, 0.85],
	['metric scope', (s) => s.metrics.scopeAccuracy, 0.9],
	['metric change', (s) => s.metrics.changeAccuracy, 0.95],
	['metric part', (s) => s.metrics.partAccuracy, 0.9],
	['meetings F1', (s) => s.meetings.f1, 0.9],
	['meeting start date', (s) => s.meetings.startDateAccuracy, 0.9],
	['meeting end date', (s) => s.meetings.endDateAccuracy, 0.9],
	['meeting province', (s) => s.meetings.provinceAccuracy, 0.95],
	['meeting city', (s) => s.meetings.cityAccuracy, 0.9],
	['meeting attendees', (s) => s.meetings.attendeesAccuracy, 0.9],
	['places F1', (s) => s.places.f1, 0.96]
];

const SETS: { name: string; folders: string[]; gold: string[] }[] = [
	{ name: 'real web pages (eval/real)', folders: ['eval/real'], gold: ['eval/real'] },
	{ name: 'development documents and seeds (eval/dev, seeds)', folders: ['eval/dev', 'seeds'], gold: ['eval/dev', 'eval/seeds'] }
];

for (const set of SETS) {
	describe.skipIf(!hasShared)(`extraction on the ${set.name}`, () => {
		const work = mkdtempSync(join(tmpdir(), 'eval-'));
		let score: Score;
		beforeAll(() => {
			const { corpus } = buildCorpus(set.folders.flatMap((f) => sharedDocuments(f)));
			const file = join(work, 'corpus.json');
			writeFileSync(file, JSON.stringify(corpus));
			const gold = set.gold.flatMap((g) => ['--gold', join(SHARED, g)]);
			score = JSON.parse(execFileSync(process.execPath, [join(SHARED, 'eval/score.mjs'), '--corpus', file, ...gold, '--json'], { encoding: 'utf8' }));
			console.log(`extraction score (${set.name}): ${JSON.stringify(score)}`);
		});
		afterAll(() => rmSync(work, { recursive: true, force: true }));

		test.each(FLOORS.map(([name, read, floor]) => ({ name, read, floor })))('$name ≥ $floor', ({ read, floor }) => {
			expect(read(score)).toBeGreaterThanOrEqual(floor);
		});
	});
}

/** The folders the shipped corpus is built from, as `npm run corpus:shipped` names them. */
function shippedFolders(): string[] {
	const script: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts['corpus:shipped'];
	return [...script.matchAll(/--in \.\.\/shared\/(\S+)/g)].map((m) => m[1]!);
}

describe.skipIf(!hasShared)('the shipped corpus', () => {
	test('is exactly what the CLI builds from ../shared today (npm run corpus:shipped)', () => {
		const work = mkdtempSync(join(tmpdir(), 'shipped-'));
		try {
			const out = join(work, 'corpus.json');
			const folders = shippedFolders().flatMap((f) => ['--in', join(SHARED, f)]);
			execFileSync(process.execPath, ['scripts/corpus.ts', ...folders, '--out', out], { encoding: 'utf8', stdio: 'pipe' });
			const built = JSON.parse(readFileSync(out, 'utf8'));
			const shipped = JSON.parse(readFileSync('data/corpus.json', 'utf8'));
			expect(shipped.hash, 'data/corpus.json is stale: run npm run corpus:shipped').toBe(built.hash);
		} finally {
			rmSync(work, { recursive: true, force: true });
		}
	}, 300_000);
	test('covers every document in those folders, each with its address', () => {
		const shipped = JSON.parse(readFileSync('data/corpus.json', 'utf8'));
		const count = shippedFolders().reduce((n, f) => n + sharedDocuments(f).length, 0);
		expect(shipped.documents.length).toBe(count);
		const withUrl = shipped.documents.filter((d: { sourceUrl: string | null }) => d.sourceUrl).length;
		expect(withUrl / count).toBeGreaterThan(0.95);
	});
	test('holds facts and short phrases, never the documents themselves', () => {
		const shipped = readFileSync('data/corpus.json', 'utf8');
		for (const folder of shippedFolders())
			for (const { bytes } of sharedDocuments(folder)) {
				const lines = new TextDecoder().decode(bytes).split('\n').filter((l) => l.trim().length > 80);
				for (const line of lines) expect(shipped.includes(line.trim())).toBe(false);
			}
	});
});
