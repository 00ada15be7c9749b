// The corpus CLI's side of the file system: which files of a folder are documents, reading one
// without trusting it (regular files only, the size from stat before any byte is read, a bounded
// read that never waits on a FIFO or a device), a folder's SOURCES.tsv, and writing the corpus so
// that a failed write leaves the old file as it was and no temporary file behind.
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../src/lib/extract/decode.ts';
import { DOCUMENT_EXTENSIONS, maxBytesOf } from '../src/lib/extract/readers/formats.ts';

/** Files the CLI reads, by name: text, web pages, Word (.docx, .doc), WPS and PDF documents. */
export const INPUT_FILE = DOCUMENT_EXTENSIONS;

/** What a file is when it is not a regular file, for a message. */
function kindOf(st: Stats): string {
	if (st.isDirectory()) return 'a folder';
	if (st.isFIFO()) return 'a named pipe (FIFO)';
	if (st.isCharacterDevice()) return 'a character device';
	if (st.isBlockDevice()) return 'a block device';
	if (st.isSocket()) return 'a socket';
	return 'not a regular file';
}

const mb = (n: number) => (n / 2 ** 20).toFixed(1);
const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** The most bytes a file of this name may have. */
export function sizeLimit(name: string): number {
	return maxBytesOf(name);
}

export type ReadOutcome = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/**
 * Reads a document file without trusting it: refused by stat when it is not a regular file (a
 * symlink to /dev/zero, a FIFO named .txt) or larger than `limit`; then opened non-blocking and
 * read at most `limit + 1` bytes (a file that grows while read, or a /proc file that states no
 * size, is still bounded).
 * @example readBounded('a.txt') // { ok: true, bytes }
 */
export function readBounded(path: string, limit = sizeLimit(path)): ReadOutcome {
	let st: Stats;
	try {
		st = statSync(path);
	} catch (e) {
		return { ok: false, reason: `cannot read the file (${code(e)})` };
	}
	if (!st.isFile()) return { ok: false, reason: `${kindOf(st)}, not a document file: skipped` };
	const tooLarge = (size: number) => ({
		ok: false as const,
		reason: `the file is ${mb(size)} MB, more than the ${mb(limit).replace(/\.0$/, '')} MB a document may have (is it the right file? split it otherwise)`
	});
	if (st.size > limit) return tooLarge(st.size);
	let fd: number;
	try {
		fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (e) {
		return { ok: false, reason: `cannot read the file (${code(e)})` };
	}
	try {
		const now = fstatSync(fd);
		if (!now.isFile()) return { ok: false, reason: `${kindOf(now)}, not a document file: skipped` };
		const buf = new Uint8Array(Math.min(limit + 1, Math.max(now.size + 1, 64 * 1024)));
		let have = 0;
		let grown = buf;
		for (;;) {
			if (have === grown.length) {
				if (grown.length > limit) break;
				const next = new Uint8Array(Math.min(limit + 1, grown.length * 2));
				next.set(grown);
				grown = next;
			}
			const n = readSync(fd, grown, have, grown.length - have, null);
			if (n === 0) break;
			have += n;
		}
		if (have > limit) return tooLarge(have);
		return { ok: true, bytes: grown.subarray(0, have) };
	} catch (e) {
		return { ok: false, reason: `cannot read the file (${code(e)})` };
	} finally {
		closeSync(fd);
	}
}

/**
 * A folder's SOURCES.tsv as file name → address: tab-separated, a header row naming at least the
 * columns `file` and `url` (any order, other columns ignored). Empty when the folder has none;
 * a problem with the file is returned as a warning, never thrown.
 * @example readSources('../shared/corpus').urls.get('0001.txt') // 'http://…'
 */
export function readSources(dir: string): { urls: Map<string, string>; warnings: string[] } {
	const urls = new Map<string, string>();
	const path = join(dir, 'SOURCES.tsv');
	try {
		statSync(path);
	} catch {
		return { urls, warnings: [] };
	}
	const read = readBounded(path, MAX_DOCUMENT_BYTES);
	if (!read.ok) return { urls, warnings: [`${path}: ${read.reason}`] };
	return parseSources(new TextDecoder().decode(read.bytes), path);
}

/** SOURCES.tsv text → file name → address; `where` names the file in warnings. */
export function parseSources(text: string, where = 'SOURCES.tsv'): { urls: Map<string, string>; warnings: string[] } {
	const urls = new Map<string, string>();
	const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
	const header = (lines[0] ?? '').split('\t').map((h) => h.trim().toLowerCase());
	const fileAt = header.indexOf('file');
	const urlAt = header.indexOf('url');
	if (fileAt < 0 || urlAt < 0) return { urls, warnings: [`${where}: its header row has no "file" and "url" columns: not used`] };
	const warnings: string[] = [];
	lines.slice(1).forEach((line, i) => {
		if (line.trim() === '') return;
		const cells = line.split('\t');
		const file = basename((cells[fileAt] ?? '').trim());
		const url = (cells[urlAt] ?? '').trim();
		if (!file || !url) return;
		if (url.length > 2000 || !/^https?:\/\/\S+$/i.test(url)) {
			warnings.push(`${where} line ${i + 2}: ${JSON.stringify(url.slice(0, 40))} is not a web address: not used`);
			return;
		}
		urls.set(file, url);
	});
	return { urls, warnings };
}

/** Places no corpus file belongs: kernel and device file systems, where a write can block or mean something else. */
const SYSTEM_PATHS = /^\/(proc|sys|dev)(\/|$)/;

/** Thrown when the corpus cannot be written: the message names the path and the reason. */
export class WriteError extends Error {
	constructor(path: string, reason: string) {
		super(`cannot write ${path}: ${reason}; the previous file, if any, is unchanged`);
		this.name = 'WriteError';
	}
}

const REASONS: Record<string, string> = {
	EACCES: 'permission denied',
	EPERM: 'operation not permitted',
	EROFS: 'the file system is read-only',
	ENOSPC: 'no space left on the device',
	EDQUOT: 'the disk quota is exceeded',
	EISDIR: 'it is a folder',
	ENOTDIR: 'a part of the path is not a folder',
	ENOENT: 'the folder does not exist',
	EXDEV: 'the temporary file and the target are on different file systems'
};
const reasonOf = (e: unknown) => {
	const c = (e as NodeJS.ErrnoException).code;
	return c ? `${REASONS[c] ?? 'error'} (${c})` : (e as Error).message;
};

/** The file-system calls writeAtomically makes, replaceable in tests (to simulate ENOSPC, EROFS …). */
export interface WriteOps {
	open(path: string): number;
	write(fd: number, data: Uint8Array): void;
	close(fd: number): void;
	rename(from: string, to: string): void;
	unlink(path: string): void;
	stat(path: string): Stats | null;
}

export const nodeOps: WriteOps = {
	open: (p) => openSync(p, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NONBLOCK, 0o644),
	write: (fd, data) => {
		for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at);
	},
	close: (fd) => closeSync(fd),
	rename: (a, b) => renameSync(a, b),
	unlink: (p) => unlinkSync(p),
	stat: (p) => {
		try {
			return statSync(p);
		} catch {
			return null;
		}
	}
};

/**
 * Throws a WriteError when `target` can never take the corpus: under /proc, /sys or /dev, an
 * existing folder or device, a path through a file. With `folderMustExist` false a missing folder
 * is fine (the CLI creates it): the CLI checks this before any work, and again when writing.
 */
export function checkTarget(target: string, ops: Pick<WriteOps, 'stat'> = nodeOps, folderMustExist = false): void {
	const path = resolve(target);
	if (SYSTEM_PATHS.test(path)) throw new WriteError(target, 'a system folder (/proc, /sys, /dev) is no place for a corpus file');
	const existing = ops.stat(path);
	if (existing && existing.isDirectory()) throw new WriteError(target, REASONS.EISDIR!);
	if (existing && !existing.isFile()) throw new WriteError(target, `it is ${kindOf(existing)}`);
	// The nearest ancestor that exists must be a folder.
	let dir = dirname(path);
	let st = ops.stat(dir);
	if (!st && folderMustExist) throw new WriteError(target, REASONS.ENOENT!);
	while (!st && dirname(dir) !== dir) {
		dir = dirname(dir);
		st = ops.stat(dir);
	}
	if (st && !st.isDirectory()) throw new WriteError(target, REASONS.ENOTDIR!);
}

/**
 * Writes `data` to `target` through a temporary file beside it and a rename: a reader never sees
 * half a file, and on any error the temporary file is removed, the old target is untouched and a
 * WriteError names the path and the reason. The target's folder must exist (the CLI creates it).
 * Refuses targets under /proc, /sys and /dev and targets that exist but are not regular files.
 */
export function writeAtomically(target: string, data: Uint8Array, ops: WriteOps = nodeOps): void {
	checkTarget(target, ops, true);
	const path = resolve(target);
	const tmp = `${path}.${process.pid}.tmp`;
	let fd: number | null = null;
	try {
		fd = ops.open(tmp);
		ops.write(fd, data);
		ops.close(fd);
		fd = null;
		ops.rename(tmp, path);
	} catch (e) {
		if (fd != null) {
			try {
				ops.close(fd);
			} catch {
				// already failing: the first error is the one to report
			}
		}
		try {
			ops.unlink(tmp);
		} catch {
			// never created
		}
		throw new WriteError(target, reasonOf(e));
	}
}

/** A folder's document files, sorted, or a reason it cannot be listed. */
export function listDocuments(dir: string): { names: string[] } | { error: string } {
	try {
		return { names: readdirSync(dir).filter((n) => INPUT_FILE.test(n)).sort() };
	} catch (e) {
		return { error: `cannot list ${dir}: ${code(e)}` };
	}
}
