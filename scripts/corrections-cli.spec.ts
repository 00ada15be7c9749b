// The corpus CLI with reviewed corrections, and the merge command, run as a maintainer runs them.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { correctionsFile, serializeCorrections } from '../src/lib/corpus/corrections.ts';
import type { UserEdit } from '../src/lib/corpus/edits.ts';
import type { Corpus } from '../src/lib/corpus/schema.ts';

const FIXTURES = resolve('tests/fixtures/docs');
const ROOT = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'corrections-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(script: string, args: string[], cwd = ROOT) {
	const r = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { encoding: 'utf8', cwd });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const write = (name: string, edits: unknown[]) => {
	const path = join(work, name);
	writeFileSync(path, JSON.stringify({ format: 'zhijiao-corrections', version: 1, edits }));
	return path;
};
const at = '2024-05-01T08:00:00.000Z';

// Child processes: seconds on a quiet machine, many times that on a busy one.
describe('corpus CLI with corrections', { timeout: 120_000 }, () => {
	const plainOut = join(work, 'plain.json');
	const plain = run('corpus.ts', ['--in', FIXTURES, '--out', plainOut, '--no-corrections']);
	const corpus: Corpus = JSON.parse(readFileSync(plainOut, 'utf8'));
	const doc = corpus.documents.find((d) => d.id === 'annual')!;
	const metric = corpus.metrics.find((m) => m.docId === 'annual')!;
	const key = `metric:${doc.contentHash}:${metric.evidence.start}-${metric.evidence.end}`;
	const patch: UserEdit = { key, docHash: doc.contentHash, kind: 'metric', op: 'patch', patch: { value: metric.value + 1 }, at };

	test('without corrections nothing carries a review mark', () => {
		expect(plain.code).toBe(0);
		expect(JSON.stringify(corpus)).not.toContain('"review"');
	});

	test('applies a correction and reports a stale one by document name, building the rest', () => {
		const stale: UserEdit = { ...patch, key: `metric:${doc.contentHash}:90000-90010` };
		const out = join(work, 'fixed.json');
		const r = run('corpus.ts', ['--in', FIXTURES, '--out', out, '--corrections', write('stale.json', [patch, stale])]);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toContain('metric 90000-90010 in 山西省职业教育年会在太原召开 (annual.gbk.txt): the correction finds no such fact any more');
		expect(r.stdout).toContain('1 corrections applied');
		const fixed: Corpus = JSON.parse(readFileSync(out, 'utf8'));
		expect(fixed.metrics.find((m) => m.id === metric.id)).toMatchObject({ value: metric.value + 1, review: { status: 'corrected', at } });
		expect(fixed.hash).not.toBe(corpus.hash);
	});

	test('refuses an invalid corrections file by record and field and writes nothing', () => {
		const out = join(work, 'never.json');
		const r = run('corpus.ts', ['--in', FIXTURES, '--out', out, '--corrections', write('bad.json', [{ ...patch, patch: { value: 'x' } }])]);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(`edits[0] (${key}).patch.value`);
		expect(() => readFileSync(out)).toThrow();
	});

	test('takes data/corrections.json by default when it exists', () => {
		const repo = join(work, 'repo');
		mkdirSync(join(repo, 'data'), { recursive: true });
		cpSync(FIXTURES, join(repo, 'docs'), { recursive: true });
		writeFileSync(join(repo, 'data', 'corrections.json'), serializeCorrections(correctionsFile([patch])));
		const r = run('corpus.ts', ['--in', 'docs', '--out', 'out.json'], repo);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toContain('1 corrections applied from data/corrections.json');
	});

	test('the merge command reports a conflict and keeps the held correction unless --replace', () => {
		const into = join(work, 'held.json');
		expect(run('corrections-merge.ts', [write('one.json', [patch]), '--into', into]).code).toBe(0);
		const other = write('two.json', [{ ...patch, patch: { value: 1 }, at: '2024-06-01T00:00:00.000Z' }]);
		const kept = run('corrections-merge.ts', [other, '--into', into]);
		expect(kept.stderr).toContain(`conflict: ${key}: held patch {"value":${metric.value + 1}}`);
		expect(JSON.parse(readFileSync(into, 'utf8')).edits[0].patch.value).toBe(metric.value + 1);
		run('corrections-merge.ts', [other, '--into', into, '--replace']);
		expect(JSON.parse(readFileSync(into, 'utf8')).edits[0].patch.value).toBe(1);
	});

	test('the merge command refuses an invalid file and leaves the held one as it was', () => {
		const into = join(work, 'held.json');
		const before = readFileSync(into);
		const r = run('corrections-merge.ts', [write('bad2.json', [{ ...patch, at: 'now' }]), '--into', into]);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('.at: must be an ISO timestamp');
		expect(readFileSync(into).equals(before)).toBe(true);
	});
});
