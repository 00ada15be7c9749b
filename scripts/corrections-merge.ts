// Adds one exported corrections file (from /import, 导出校对) to data/corrections.json:
//   npm run corrections:merge -- FILE [--into data/corrections.json] [--replace]
// New corrections are added, ones already there unchanged are counted, and a correction of a
// fact the file already corrects differently is a conflict: listed, the held one kept (or the
// incoming one with --replace). Merging the same file twice changes nothing. Both files are
// checked first; an invalid one is refused with its record-and-field messages and nothing is written.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mergeCorrections, serializeCorrections, validateCorrections } from '../src/lib/corpus/corrections.ts';
import type { UserEdit } from '../src/lib/corpus/edits.ts';
import { writeAtomically, WriteError } from './inputs.ts';

const USAGE =
	'usage: npm run corrections:merge -- FILE [--into data/corrections.json] [--replace]\n' +
	'  FILE       a corrections file exported from /import (or an exchange file)\n' +
	'  --into     the corrections file to add to (default data/corrections.json; created when absent)\n' +
	'  --replace  on a conflict take the incoming correction instead of keeping the held one';

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

const { values, positionals } = (() => {
	try {
		return parseArgs({ allowPositionals: true, options: { into: { type: 'string', default: 'data/corrections.json' }, replace: { type: 'boolean' }, help: { type: 'boolean' } } });
	} catch (e) {
		return fail(`${(e as Error).message}\n${USAGE}`);
	}
})();
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
if (positionals.length !== 1) fail(USAGE);

function load(path: string): UserEdit[] {
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		return fail(`${path}: cannot be read as JSON (${(e as Error).message})`);
	}
	const checked = validateCorrections(json);
	if (!checked.ok) return fail(`${path} refused, nothing merged:\n  ${checked.errors.join('\n  ')}`);
	return checked.edits;
}

const incoming = load(positionals[0]!);
const into = resolve(values.into);
const held = existsSync(into) ? load(into) : [];
const result = mergeCorrections(held, incoming, { replace: values.replace });
for (const c of result.conflicts) console.warn(`conflict: ${c}`);
if (result.added.length > 0 || (values.replace && result.conflicts.length > 0) || !existsSync(into)) {
	try {
		mkdirSync(dirname(into), { recursive: true });
		writeAtomically(into, new TextEncoder().encode(serializeCorrections(result.file)));
	} catch (e) {
		if (e instanceof WriteError) fail(e.message);
		throw e;
	}
}
console.log(
	`corrections ${values.into}: ${result.added.length} added, ${result.same.length} already there, ${result.conflicts.length} conflicts ` +
		`(${values.replace ? 'incoming taken' : 'held kept'}); ${result.file.edits.length} corrections in all`
);
