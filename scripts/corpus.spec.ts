import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { validateCorpus } from '../src/lib/corpus/validate.ts';

const FIXTURES = 'tests/fixtures/docs';
const work = mkdtempSync(join(tmpdir(), 'corpus-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runCli(args: string[]) {
	const r = spawnSync(process.execPath, ['scripts/corpus.ts', ...args], { encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('corpus CLI', () => {
	const out = join(work, 'corpus.json');
	const first = runCli(['--in', FIXTURES, '--out', out]);

	test('reads every readable document and exits 0 although some files are bad', () => {
		expect(first.stderr).not.toMatch(/Error:/);
		expect(first.code).toBe(0);
		expect(first.stdout).toMatch(/4 documents, \d+ meetings, \d+ places, \d+ metrics, 2 warnings/);
	});

	test('reports each unreadable file by name with its reason', () => {
		expect(first.stderr).toContain('warning: binary.txt: the file looks binary');
		expect(first.stderr).toContain('warning: empty.txt: the file is empty');
	});

	test('writes a corpus that passes validation, with a record for each good document', async () => {
		const corpus = JSON.parse(readFileSync(out, 'utf8'));
		const check = validateCorpus(corpus);
		expect(check.ok ? [] : check.errors).toEqual([]);
		expect(corpus.documents.map((d: { id: string }) => d.id)).toEqual(['annual', 'news-utf8', 'page', 'speech']);
		const annual = corpus.documents.find((d: { id: string }) => d.id === 'annual');
		expect(annual).toMatchObject({ encoding: 'gb18030', publishedAt: '2020-09-12', title: '山西省职业教育年会在太原召开' });
	});

	test('writes byte-identical output for the same input', () => {
		const again = join(work, 'again.json');
		runCli(['--in', FIXTURES, '--out', again]);
		expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
	});

	test('exits non-zero and writes nothing when no document can be read', () => {
		const bad = mkdtempSync(join(work, 'bad-'));
		copyFileSync(join(FIXTURES, 'binary.txt'), join(bad, 'binary.txt'));
		writeFileSync(join(bad, 'empty.txt'), '');
		const target = join(bad, 'out.json');
		const r = runCli(['--in', bad, '--out', target]);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('no document could be read');
		expect(() => readFileSync(target)).toThrow();
	});

	test('reports hostile files one by one and keeps the good documents whole', () => {
		const mixed = mkdtempSync(join(work, 'mixed-'));
		copyFileSync(join(FIXTURES, 'news-utf8.txt'), join(mixed, 'good.txt'));
		copyFileSync(join(FIXTURES, 'binary.txt'), join(mixed, 'binary.txt'));
		writeFileSync(join(mixed, 'empty.html'), '');
		writeFileSync(join(mixed, 'huge.txt'), '职业教育活动周在某市举行。'.repeat(270_000));
		writeFileSync(join(mixed, 'broken.html'), '<html><body><div><p>研讨会在某市召开，<b>120余人<i>参加</div></td></table><script>alert(1)');
		const target = join(mixed, 'out.json');
		const r = runCli(['--in', mixed, '--out', target]);
		expect(r.code).toBe(0);
		expect(r.stderr).toContain('warning: binary.txt: the file looks binary');
		expect(r.stderr).toContain('warning: empty.html: the file is empty');
		expect(r.stderr).toMatch(/warning: huge\.txt: the file is 10\.0 MB, more than the 5 MB a document may have/);
		const corpus = JSON.parse(readFileSync(target, 'utf8'));
		expect(corpus.documents.map((d: { id: string }) => d.id)).toEqual(['broken', 'good']);
		const fromGood = JSON.parse(readFileSync(out, 'utf8')).metrics.filter((m: { docId: string }) => m.docId === 'news-utf8');
		expect(corpus.metrics.filter((m: { docId: string }) => m.docId === 'good').map((m: { value: number }) => m.value)).toEqual(fromGood.map((m: { value: number }) => m.value));
		expect(corpus.metrics.some((m: { docId: string; value: number }) => m.docId === 'broken' && m.value === 120)).toBe(true);
	});

	test('explains its usage when --in is missing', () => {
		const r = runCli([]);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/usage: npm run corpus -- --in DIR/);
	});

	test('runs as the npm script', () => {
		const viaNpm = join(work, 'npm.json');
		execFileSync('npm', ['run', '--silent', 'corpus', '--', '--in', FIXTURES, '--out', viaNpm], { stdio: 'pipe' });
		expect(readFileSync(viaNpm).equals(readFileSync(out))).toBe(true);
	});
});
