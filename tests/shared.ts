// ../shared (seed documents, gold annotations, the scorer) exists on development and CI machines,
// not in a user's clone: tests that need it skip with a message saying so.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { InputFile } from '../src/lib/corpus/build.ts';
import { DOCUMENT_FILE } from '../src/lib/extract/text.ts';

export const SHARED = resolve(process.env.SHARED_DIR ?? '../shared');
export const hasShared = existsSync(join(SHARED, 'eval', 'score.mjs')) && existsSync(join(SHARED, 'seeds'));

if (!hasShared) console.warn(`[skip] ${SHARED} is absent: tests against the seed documents and the gold annotations are skipped.`);

/** Every .txt/.html document in a folder of ../shared, in name order. */
export function sharedDocuments(folder: string): InputFile[] {
	const dir = join(SHARED, folder);
	return readdirSync(dir)
		.filter((n) => DOCUMENT_FILE.test(n))
		.sort()
		.map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}
