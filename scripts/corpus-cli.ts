// The corpus CLI: npm run corpus -- --in DIR [--in DIR2] [--out FILE] [--corrections FILE] [--time-limit SECONDS] [--jobs N]
// Each file is looked at before it is read (regular files within the size limit only), read
// within its limit, and extracted in a worker thread under a time budget: a file that cannot be
// read, takes too long or cannot be made valid is reported by name and skipped; the others go
// through. Reviewed corrections (data/corrections.json when it exists) are applied after
// extraction; a correction whose fact is gone is reported by name. The corpus is written
// atomically; a write error names the path and changes nothing.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { assembleCorpus, CorpusInvalidError } from '../src/lib/corpus/build.ts';
import { applyCorrections, validateCorrections } from '../src/lib/corpus/corrections.ts';
import type { UserEdit } from '../src/lib/corpus/edits.ts';
import { validateCorpus } from '../src/lib/corpus/validate.ts';
import type { Job } from './corpus-worker.ts';
import { checkTarget, listDocuments, readBounded, readSources, writeAtomically, WriteError } from './inputs.ts';
import { preparePool } from './pool.ts';

const USAGE =
	'usage: npm run corpus -- --in DIR [--in DIR ...] [--out FILE] [--corrections FILE | --no-corrections] [--time-limit SECONDS] [--jobs N]\n' +
	'  --out         the corpus file to write (default data/corpus.json)\n' +
	'  --corrections reviewed corrections applied after extraction (default data/corrections.json when it exists)\n' +
	'  --no-corrections  build without any corrections\n' +
	'  --time-limit  seconds one document may take before it is skipped (default 20)\n' +
	'  --jobs        documents extracted at a time (default: the number of cores)';

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

const { values } = (() => {
	try {
		return parseArgs({
			options: {
				in: { type: 'string', multiple: true },
				out: { type: 'string', default: 'data/corpus.json' },
				'time-limit': { type: 'string', default: '20' },
				jobs: { type: 'string' },
				corrections: { type: 'string' },
				'no-corrections': { type: 'boolean' },
				help: { type: 'boolean' }
			}
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
const budgetMs = Number(values['time-limit']) * 1000;
if (!(budgetMs > 0)) fail(`--time-limit must be a number of seconds above 0\n${USAGE}`);
const jobCount = values.jobs ? Number(values.jobs) : Math.max(1, Math.min(availableParallelism(), 4));
if (!(Number.isInteger(jobCount) && jobCount >= 1)) fail(`--jobs must be a whole number from 1\n${USAGE}`);

const out = resolve(values.out);
// A target that can never take the corpus is refused before any work.
try {
	checkTarget(out);
} catch (e) {
	fail((e as Error).message);
}

const DEFAULT_CORRECTIONS = 'data/corrections.json';
/** The corrections to apply, checked before any extraction: an invalid file is refused with every problem. */
const corrections: { path: string; edits: UserEdit[] } | null = (() => {
	if (values['no-corrections']) return null;
	const path = values.corrections ?? (existsSync(DEFAULT_CORRECTIONS) ? DEFAULT_CORRECTIONS : null);
	if (!path) return null;
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		return fail(`corrections ${path}: cannot be read as JSON (${(e as Error).message})`);
	}
	const checked = validateCorrections(json);
	if (!checked.ok) return fail(`corrections ${path} refused, nothing built:\n  ${checked.errors.join('\n  ')}`);
	return { path, edits: checked.edits };
})();

const jobs: Job[] = [];
const early: string[] = [];
for (const dir of values.in) {
	const listed = listDocuments(dir);
	if ('error' in listed) fail(listed.error);
	const sources = readSources(dir);
	early.push(...sources.warnings);
	for (const name of listed.names) {
		const read = readBounded(join(dir, name));
		if (!read.ok) early.push(`${name}: ${read.reason}`);
		else jobs.push({ index: jobs.length, name, bytes: read.bytes, sourceUrl: sources.urls.get(name) ?? null });
	}
}
if (jobs.length === 0 && early.length === 0) fail(`no .txt, .html or .docx documents in ${values.in.join(', ')}`);

const bar = process.stderr.isTTY
	? new cliProgress.SingleBar({ format: ' {bar} {value}/{total} documents  {file}', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic)
	: null;
bar?.start(jobs.length, 0, { file: '' });

try {
	let done = 0;
	const pooled = await preparePool(jobs, { lanes: jobCount, budgetMs, onDone: (job) => bar?.update(++done, { file: job.name }) });
	const prepared = pooled.map((r) => r.prepared);
	bar?.stop();
	const result = assembleCorpus(prepared);
	const warnings = [...early, ...result.warnings];
	let reviewed = '';
	if (corrections) {
		const fixed = applyCorrections(result.corpus, corrections.edits);
		const check = validateCorpus(fixed.corpus);
		if (!check.ok) fail(`corrections ${corrections.path} make the corpus invalid, nothing written:\n  ${check.errors.join('\n  ')}`);
		result.corpus = fixed.corpus;
		for (const s of fixed.stale) warnings.push(`${corrections.path}: ${s}`);
		reviewed = `, ${fixed.applied} corrections applied from ${corrections.path} (${fixed.stale.length} stale, ${fixed.elsewhere} for documents not in this build)`;
	}
	for (const w of warnings) console.warn(`warning: ${w}`);
	if (result.read === 0) fail('no document could be read: nothing written');

	try {
		const parent = dirname(out);
		if (!/^\/(proc|sys|dev)(\/|$)/.test(parent)) mkdirSync(parent, { recursive: true });
	} catch {
		// writeAtomically names the problem
	}
	writeAtomically(out, new TextEncoder().encode(JSON.stringify(result.corpus, null, '\t') + '\n'));

	const c = result.corpus;
	console.log(
		`corpus ${values.out}: ${c.documents.length} documents, ${c.meetings.length} meetings, ${c.places.length} places, ` +
			`${c.metrics.length} metrics, ${warnings.length} warnings${reviewed} (hash ${c.hash.slice(0, 12)})`
	);
} catch (e) {
	bar?.stop();
	if (e instanceof CorpusInvalidError || e instanceof WriteError) fail(e.message);
	throw e;
}
