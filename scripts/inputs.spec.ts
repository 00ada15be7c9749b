import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { nodeOps, parseSources, readBounded, writeAtomically, WriteError, type WriteOps } from './inputs.ts';

const work = mkdtempSync(join(tmpdir(), 'inputs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('writeAtomically', () => {
	test('replaces the target through a temporary file', () => {
		const target = join(work, 'ok.json');
		writeFileSync(target, 'old');
		writeAtomically(target, new TextEncoder().encode('new'));
		expect(readFileSync(target, 'utf8')).toBe('new');
		expect(readdirSync(work).filter((n) => n.endsWith('.tmp'))).toEqual([]);
	});

	test.each([
		['ENOSPC', 'write', /no space left on the device \(ENOSPC\)/],
		['EROFS', 'open', /the file system is read-only \(EROFS\)/],
		['EACCES', 'open', /permission denied \(EACCES\)/],
		['EDQUOT', 'write', /disk quota/],
		['EXDEV', 'rename', /different file systems/]
	] as const)('on %s during %s: names the path, keeps the old file, leaves no temporary file', (code, step, message) => {
		const target = join(work, `${code}.json`);
		writeFileSync(target, 'old');
		const ops: WriteOps = { ...nodeOps, [step]: (...args: unknown[]) => {
			if (step === 'write') (nodeOps.write as (...a: unknown[]) => void)(args[0], new Uint8Array([1, 2])); // half written
			throw errno(code);
		} };
		expect(() => writeAtomically(target, new TextEncoder().encode('new'), ops)).toThrow(WriteError);
		expect(() => writeAtomically(target, new TextEncoder().encode('new'), ops)).toThrow(message);
		expect(() => writeAtomically(target, new TextEncoder().encode('new'), ops)).toThrow(`cannot write ${target}`);
		expect(readFileSync(target, 'utf8')).toBe('old');
		expect(readdirSync(work).filter((n) => n.endsWith('.tmp'))).toEqual([]);
	});

	test.each([
		['/proc/1/corpus.json', /system folder/],
		['/dev/full', /system folder/],
		['/sys/x.json', /system folder/]
	])('refuses %s before touching it', (target, message) => {
		expect(() => writeAtomically(target, new Uint8Array(1))).toThrow(message);
	});
});

describe('readBounded', () => {
	test('reads a file within its limit, refuses one beyond it by its size', () => {
		const path = join(work, 'a.txt');
		writeFileSync(path, '职业教育');
		expect(readBounded(path)).toEqual({ ok: true, bytes: new Uint8Array(readFileSync(path)) });
		expect(readBounded(path, 4)).toEqual({ ok: false, reason: expect.stringMatching(/^the file is 0\.0 MB, more than the /) });
	});

	test('bounds a file that states no size (/proc) by reading at most limit + 1 bytes', () => {
		const r = readBounded('/proc/self/status', 16);
		expect(r.ok).toBe(false);
	});

	test('refuses a device and a missing file with a reason', () => {
		expect(readBounded('/dev/zero')).toEqual({ ok: false, reason: 'a character device, not a document file: skipped' });
		expect(readBounded(join(work, 'missing.txt'))).toEqual({ ok: false, reason: 'cannot read the file (ENOENT)' });
	});
});

describe('parseSources', () => {
	test.each([
		['file and url in any order, other columns ignored', 'query\turl\tfile\nq\thttps://a.org/1\t1.txt\n', { '1.txt': 'https://a.org/1' }],
		['Windows line ends and a BOM', '\ufefffile\turl\r\n1.txt\thttp://a.org/1\r\n', { '1.txt': 'http://a.org/1' }],
		['a path in the file column names the file', 'file\turl\nsub/2.txt\thttps://a.org/2\n', { '2.txt': 'https://a.org/2' }],
		['rows without an address are skipped', 'file\turl\n3.txt\t\n\n', {}]
	])('%s', (_, text, expected) => {
		expect(Object.fromEntries(parseSources(text).urls)).toEqual(expected);
	});

	test('says when the header lacks the columns, and when an address is not a web address', () => {
		expect(parseSources('name\tlink\na\tb\n').warnings).toEqual(['SOURCES.tsv: its header row has no "file" and "url" columns: not used']);
		expect(parseSources('file\turl\na.txt\tjavascript:x\n').warnings[0]).toMatch(/line 2: "javascript:x" is not a web address/);
	});
});
