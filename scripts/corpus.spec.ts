import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { validateCorpus } from '../src/lib/corpus/validate.ts';
import { hasShared, SHARED } from '../tests/shared.ts';

const FIXTURES = 'tests/fixtures/docs';
const work = mkdtempSync(join(tmpdir(), 'corpus-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runCli(args: string[]) {
	const r = spawnSync(process.execPath, ['scripts/corpus.ts', ...args], { encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Every test runs the CLI in a child process (the npm script also rebuilds the gazetteer): seconds
// on a quiet machine, many times that on a busy one, so the limit is generous.
describe('corpus CLI', { timeout: 120_000 }, () => {
	const out = join(work, 'corpus.json');
	const first = runCli(['--in', FIXTURES, '--out', out]);

	test('reads every readable document and exits 0 although some files are bad', () => {
		expect(first.stderr).not.toMatch(/Error:/);
		expect(first.code).toBe(0);
		expect(first.stdout).toMatch(/5 documents, \d+ meetings, \d+ places, \d+ metrics, 2 warnings/);
	});

	test('reports each unreadable file by name with its reason', () => {
		expect(first.stderr).toContain('warning: binary.txt: the file looks binary');
		expect(first.stderr).toContain('warning: empty.txt: the file is empty');
	});

	test('writes a corpus that passes validation, with a record for each good document', async () => {
		const corpus = JSON.parse(readFileSync(out, 'utf8'));
		const check = validateCorpus(corpus);
		expect(check.ok ? [] : check.errors).toEqual([]);
		expect(corpus.documents.map((d: { id: string }) => d.id)).toEqual(['annual', 'meeting', 'news-utf8', 'page', 'speech']);
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

	test('reads a .docx through the same bounded reader as the import, and refuses a broken one by name', () => {
		const corpus = JSON.parse(readFileSync(out, 'utf8'));
		expect(corpus.documents.find((d: { id: string }) => d.id === 'meeting')).toMatchObject({ fileName: 'meeting.docx', publishedAt: '2023-04-21' });
		const dir = mkdtempSync(join(work, 'docx-'));
		copyFileSync(join(FIXTURES, 'meeting.docx'), join(dir, 'meeting.docx'));
		writeFileSync(join(dir, 'broken.docx'), '这不是 Word 文档');
		const r = runCli(['--in', dir, '--out', join(dir, 'out.json')]);
		expect(r.code).toBe(0);
		expect(r.stderr).toContain('warning: broken.docx: its name says .docx but its content is a text file');
	});

	test('looks at a file before reading it: a symlink to /dev/zero, a FIFO and a 1.5 GB file are refused by name', () => {
		const dir = mkdtempSync(join(work, 'special-'));
		copyFileSync(join(FIXTURES, 'news-utf8.txt'), join(dir, 'good.txt'));
		symlinkSync('/dev/zero', join(dir, 'zero.txt'));
		execFileSync('mkfifo', [join(dir, 'fifo.txt')]);
		writeFileSync(join(dir, 'huge.html'), '');
		truncateSync(join(dir, 'huge.html'), 1.5 * 2 ** 30); // sparse: no disk used
		mkdirSync(join(dir, 'folder.txt'));
		const r = runCli(['--in', dir, '--out', join(dir, 'out.json')]);
		expect(r.code).toBe(0);
		expect(r.stderr).toContain('warning: zero.txt: a character device, not a document file: skipped');
		expect(r.stderr).toContain('warning: fifo.txt: a named pipe (FIFO), not a document file: skipped');
		expect(r.stderr).toContain('warning: huge.html: the file is 1536.0 MB, more than the 5 MB a document may have');
		expect(r.stderr).toContain('warning: folder.txt: a folder, not a document file: skipped');
		expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).documents.map((d: { id: string }) => d.id)).toEqual(['good']);
	}, 60_000);

	test('keeps each document\'s address from the folder\'s SOURCES.tsv', () => {
		const dir = mkdtempSync(join(work, 'sources-'));
		copyFileSync(join(FIXTURES, 'news-utf8.txt'), join(dir, 'a.txt'));
		copyFileSync(join(FIXTURES, 'speech.txt'), join(dir, 'b.txt'));
		copyFileSync(join(FIXTURES, 'page.html'), join(dir, 'c.html'));
		writeFileSync(join(dir, 'SOURCES.tsv'), 'query\tfile\turl\n职教\ta.txt\thttps://example.org/news/a.html\n\tb.txt\tjavascript:alert(1)\n');
		const r = runCli(['--in', dir, '--out', join(dir, 'out.json')]);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/SOURCES\.tsv line 3: "javascript:alert\(1\)" is not a web address/);
		const docs = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).documents;
		expect(Object.fromEntries(docs.map((d: { id: string; sourceUrl: string | null }) => [d.id, d.sourceUrl]))).toEqual({ a: 'https://example.org/news/a.html', b: null, c: null });
	});

	// About 4 MB of text goes alone; about 200 KB shares a batch with the good file, and the batch that
	// overruns is tried again file by file. Either is far more than its limit's work on any machine.
	test.each([
		{ what: 'alone', lines: 30_000, limit: '0.01' },
		{ what: 'in a batch with another file', lines: 1_500, limit: '0.001' }
	])('skips by name a document that takes longer than its time budget, $what; the others go through', ({ lines, limit }) => {
		const dir = mkdtempSync(join(work, 'budget-'));
		copyFileSync(join(FIXTURES, 'news-utf8.txt'), join(dir, 'a-good.txt'));
		writeFileSync(join(dir, 'b-slow.txt'), '2023年5月9日，全省职业教育工作会议在太原召开，来自各市的代表120余人参加会议。\n'.repeat(lines));
		const r = runCli(['--in', dir, '--out', join(dir, 'out.json'), '--time-limit', limit, '--jobs', '1']);
		expect(r.stderr).toContain(`warning: b-slow.txt: skipped: its extraction took longer than ${limit} s`);
		// a-good.txt may be skipped too on a very busy machine (on its own time, never for its batch-mate); the build still completes.
		expect([0, 1]).toContain(r.code);
	}, 60_000);

	test.each([
		['an existing folder', (dir: string) => (mkdirSync(join(dir, 'target')), join(dir, 'target')), /cannot write .*target: it is a folder/],
		['a path under /proc', () => '/proc/self/corpus.json', /cannot write \/proc\/self\/corpus\.json: a system folder/],
		['a folder that is a file', (dir: string) => (writeFileSync(join(dir, 'file'), 'x'), join(dir, 'file', 'out.json')), /cannot write .*file\/out\.json: a part of the path is not a folder/]
	])('refuses to write to %s with a message naming the path, leaving no temporary file', (_, target, message) => {
		const dir = mkdtempSync(join(work, 'write-'));
		const r = runCli(['--in', FIXTURES, '--out', target(dir)]);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(message);
		expect(r.stderr).not.toMatch(/\n\s+at /);
		expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
	}, 60_000);

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

	test.skipIf(!hasShared)('builds every document of ../shared (seeds, eval/dev, eval/real, corpus) into one valid corpus, none left out', () => {
		const folders = ['seeds', 'eval/dev', 'eval/real', 'corpus'].map((f) => join(SHARED, f));
		const target = join(work, 'shared.json');
		const r = runCli([...folders.flatMap((f) => ['--in', f]), '--out', target]);
		expect(r.code, r.stderr).toBe(0);
		const corpus = JSON.parse(readFileSync(target, 'utf8'));
		const check = validateCorpus(corpus);
		expect(check.ok ? [] : check.errors).toEqual([]);
		const inputs = folders.flatMap((f) => readdirSync(f).filter((n) => /\.(txt|html?)$/i.test(n)));
		expect(corpus.documents).toHaveLength(inputs.length);
		expect(r.stderr).not.toMatch(/left out|skipped/);
	}, 180_000);
});
