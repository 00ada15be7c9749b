// The corpus CLI reads PDF, Word 97-2003 and WPS files through the same readers as /import.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const FORMATS = 'tests/fixtures/formats';
const work = mkdtempSync(join(tmpdir(), 'formats-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('corpus CLI and office formats', () => {
	test('a PDF (with its page starts), a .doc go in, a .wps of the same text is seen as the same document; a scan, a truncated PDF and a lying name are skipped by name', () => {
		for (const [from, to] of [
			['report.pdf', 'report.pdf'],
			['news.doc', 'news.doc'],
			['news.wps', 'same.wps'],
			['scan.pdf', 'scan.pdf'],
			['truncated.pdf', 'truncated.pdf'],
			['lying.docx', 'lying.docx']
		])
			copyFileSync(join(FORMATS, from!), join(work, to!));
		const out = join(work, 'corpus.json');
		const r = spawnSync(process.execPath, ['scripts/corpus.ts', '--in', work, '--out', out], { encoding: 'utf8' });
		expect(r.status).toBe(0);
		const corpus = JSON.parse(readFileSync(out, 'utf8'));
		const docs = Object.fromEntries(corpus.documents.map((d: { fileName: string }) => [d.fileName, d]));
		expect(Object.keys(docs).sort()).toEqual(['news.doc', 'report.pdf']);
		expect(docs['report.pdf'].pageStarts).toHaveLength(16);
		expect(docs['news.doc']).not.toHaveProperty('pageStarts');
		expect(r.stderr).toContain('same.wps: left out, the same text as news.doc');
		expect(r.stderr).toContain('scan.pdf: 扫描件，无文字层，无法提取');
		expect(r.stderr).toContain('truncated.pdf: a damaged or truncated PDF');
		expect(r.stderr).toContain('lying.docx: its name says .docx but its content is a PDF file');
	}, 60_000);
});
