// The corpus CLI: npm run corpus -- --in DIR [--in DIR2] [--out FILE]
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { buildCorpus, CorpusInvalidError, type InputFile } from '../src/lib/corpus/build.ts';
import { DOCUMENT_FILE } from '../src/lib/extract/text.ts';

const USAGE = 'usage: npm run corpus -- --in DIR [--in DIR ...] [--out FILE]   (default FILE: data/corpus.json)';

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

const { values } = (() => {
	try {
		return parseArgs({
			options: { in: { type: 'string', multiple: true }, out: { type: 'string', default: 'data/corpus.json' }, help: { type: 'boolean' } }
		});
	} catch (e) {
		return fail(`${(e as Error).message}\n${USAGE}`);
	}
})();
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
if (!values.in?.length) fail(USAGE);

const files: InputFile[] = [];
const unreadable: string[] = [];
for (const dir of values.in) {
	let names: string[];
	try {
		names = readdirSync(dir).filter((n) => DOCUMENT_FILE.test(n)).sort();
	} catch (e) {
		fail(`cannot list ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
	}
	for (const name of names) {
		try {
			files.push({ name, bytes: readFileSync(join(dir, name)) });
		} catch (e) {
			unreadable.push(`${join(dir, name)}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
		}
	}
}
if (files.length === 0 && unreadable.length === 0) fail(`no .txt or .html documents in ${values.in.join(', ')}`);

const bar = process.stderr.isTTY
	? new cliProgress.SingleBar({ format: ' {bar} {value}/{total} documents  {file}', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic)
	: null;
bar?.start(files.length, 0, { file: '' });

try {
	const result = buildCorpus(files, { onProgress: (done, _total, file) => bar?.update(done, { file }) });
	bar?.stop();
	const warnings = [...unreadable, ...result.warnings];
	for (const w of warnings) console.warn(`warning: ${w}`);
	if (result.read === 0) fail('no document could be read: nothing written');

	// Write beside the target and rename, so a crash never leaves half a corpus.
	const out = resolve(values.out);
	mkdirSync(dirname(out), { recursive: true });
	const tmp = `${out}.${process.pid}.tmp`;
	writeFileSync(tmp, JSON.stringify(result.corpus, null, '\t') + '\n');
	renameSync(tmp, out);

	const c = result.corpus;
	console.log(
		`corpus ${values.out}: ${c.documents.length} documents, ${c.meetings.length} meetings, ${c.places.length} places, ` +
			`${c.metrics.length} metrics, ${warnings.length} warnings (hash ${c.hash.slice(0, 12)})`
	);
} catch (e) {
	bar?.stop();
	if (e instanceof CorpusInvalidError) fail(e.message);
	throw e;
}
