import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { hostileDocuments, KINDS } from '../../../scripts/hostile.ts';
import { syntheticDocuments } from '../../../tests/synthetic-import.ts';
import { extractDocument } from '../extract/index.ts';
import { extractFile, extractFiles, type ExtractResult, type FileBytes } from './extractFile.ts';
import { nextBatch } from './nextBatch.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/docs/${name}`);

describe('extractFile', () => {
	test('gives exactly what the corpus CLI extracts from a text file (GBK), with the text the spans point into', async () => {
		const r = await extractFile('annual.gbk.txt', fixture('annual.gbk.txt'));
		if (!r.ok) throw new Error(r.problem.detail);
		const { warnings, text, ...cli } = extractDocument('annual.gbk.txt', fixture('annual.gbk.txt'));
		expect(r.records).toEqual(cli);
		expect(r.text).toBe(text);
		expect(r.text.length).toBe(r.records.document.length);
		for (const m of r.records.metrics) expect(r.text.slice(m.evidence.start, m.evidence.end)).toMatch(/\d/);
	});

	test('reads a .docx through its paragraphs', async () => {
		const r = await extractFile('meeting.docx', fixture('meeting.docx'));
		if (!r.ok) throw new Error(r.problem.detail);
		expect(r.records.document).toMatchObject({ id: 'meeting', title: '江南职业教育校企合作推进会在苏州召开', publishedAt: '2023-04-21' });
		expect(r.records.meetings[0]).toMatchObject({ startDate: '2023-04-20', cityCode: '320500' });
		expect(r.records.metrics.map((m) => `${m.value}${m.unit}`)).toContain('23个');
	});

	test.each([
		['binary.txt', 'binary'],
		['empty.txt', 'empty']
	])('reports %s as %s', async (name, code) => {
		const r = await extractFile(name, fixture(name));
		expect(r.ok ? null : r.problem.code).toBe(code);
	});

	test('clears implausible values and says so, as the corpus build does', async () => {
		const r = await extractFile('odd.txt', new TextEncoder().encode('年会在南京召开\n发布时间：9999-12-31\n去年，参训人数-5000人，投入9999999999999999999亿元。'));
		if (!r.ok) throw new Error(r.problem.detail);
		expect(r.records.document.publishedAt).toBeNull();
		expect(r.records.metrics.every((m) => m.value <= 1e15)).toBe(true);
		expect(r.warnings.join('\n')).toMatch(/publishedAt/);
	});

	test('reads a UTF-8 file cut mid-character as UTF-8, with a warning', async () => {
		const bytes = new TextEncoder().encode('2023年5月9日，全省职业教育工作会议在太原召开，来自各市的代表120余人参加会议。');
		const r = await extractFile('cut.txt', bytes.subarray(0, bytes.length - 1));
		if (!r.ok) throw new Error(r.problem.detail);
		expect(r.records.document.encoding).toBe('utf-8');
		expect(r.warnings.join('\n')).toMatch(/not valid UTF-8/);
	});

	test('reports a .docx that is not a zip as a file whose name lies, and a damaged zip as a damaged .docx', async () => {
		const r = await extractFile('broken.docx', new TextEncoder().encode('这不是 Word 文档'));
		expect(r.ok ? null : r.problem.code).toBe('mismatch');
		const cut = await extractFile('cut.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
		expect(cut.ok ? null : cut.problem.code).toBe('docx');
	});
});

describe('extractFiles (the files queued in the import worker, extracted together)', () => {
	const enc = new TextEncoder();
	const dirFiles = (dir: string) => readdirSync(dir).sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${dir}/${name}`)) }));
	/** every fixture document and format, synthetic news, and the cases the import warns about or refuses */
	const files = [
		...dirFiles('tests/fixtures/docs'),
		...dirFiles('tests/fixtures/formats'),
		...dirFiles('tests/fixtures/indicators'),
		...syntheticDocuments(12, 'batch').map((f) => ({ name: f.name, bytes: new Uint8Array(f.buffer) })),
		{ name: 'odd.txt', bytes: enc.encode('年会在南京召开\n发布时间：9999-12-31\n去年，参训人数-5000人，投入9999999999999999999亿元。') },
		{ name: 'cut.txt', bytes: enc.encode('2023年5月9日，全省职业教育工作会议在太原召开，来自各市的代表120余人参加会议。').subarray(0, -1) },
		{ name: 'notes.exe', bytes: enc.encode('not a document') },
		{ name: 'bom.html', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('<p>2022年3月1日，职业教育大会在杭州召开。</p>')]) }
	];
	/** each file alone, through extractFile: the oracle */
	const alone = (fs: readonly FileBytes[]) => Promise.all(fs.map((f) => extractFile(f.name, f.bytes)));

	test('gives every file exactly what extractFile gives it alone: records, text, warnings and problems', async () => {
		const together = await extractFiles(files);
		const single = await alone(files);
		expect(together.map((r) => (r.ok ? 'ok' : r.problem.code))).toEqual(single.map((r) => (r.ok ? 'ok' : r.problem.code)));
		expect(JSON.stringify(together)).toBe(JSON.stringify(single));
		expect(together).toStrictEqual(single);
		// the cases the comparison covers: refusals before reading, by a reader, by the extractor, and warnings
		expect(new Set(single.map((r) => (r.ok ? 'ok' : r.problem.code)))).toEqual(new Set(['ok', 'binary', 'empty', 'mismatch', 'scanned', 'encrypted', 'damaged', 'unsupported']));
		expect(single.filter((r) => r.ok && r.warnings.length > 0).length).toBeGreaterThan(2);
	});

	test('a file’s result does not depend on the files beside it or their order', async () => {
		const reversed = [...files].reverse();
		expect(JSON.stringify((await extractFiles(reversed)).reverse())).toBe(JSON.stringify(await extractFiles(files)));
	});

	test('hostile documents in the worker’s batches give what each gives alone', async () => {
		const docs = hostileDocuments(20261208, Object.keys(KINDS).length * 3, 12_000).map((d) => ({ name: d.name, bytes: d.bytes, size: d.bytes.length }));
		const queue = [...docs];
		const together: ExtractResult[] = [];
		const sizes: number[] = [];
		for (let batch = nextBatch(queue); batch.length; batch = nextBatch(queue)) {
			sizes.push(batch.length);
			together.push(...(await extractFiles(batch)));
		}
		expect(Math.max(...sizes)).toBeGreaterThan(4);
		expect(JSON.stringify(together)).toBe(JSON.stringify(await alone(docs)));
	});

	test('says each file’s extracting stage as extractFile does, before its reader', async () => {
		const said: number[] = [];
		await extractFiles(files, (i, stage) => stage === 'extracting' && said.push(i));
		const single: number[] = [];
		for (const [i, f] of files.entries()) await extractFile(f.name, f.bytes, () => single.push(i));
		expect(said).toEqual(single);
	});
});
