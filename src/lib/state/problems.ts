import { storageFault } from '../db/errors.ts';

// Problems reach the user as lines written in English by the validators, the loader and the
// storage layer ("documents[3] (a).title: is longer than 300 characters", "…: HTTP 404"). Inside
// the Chinese interface each known line is said in the interface language through the i18n
// catalogue; the record path stays as it is (it names data, not words), and an unknown line is
// shown unchanged rather than hidden.

/** svelte-i18n's formatter, as `$_` hands it out. */
export type Translate = (id: string, options?: { values?: Record<string, string | number> }) => string;

type Rule = [RegExp, string, (m: RegExpExecArray) => Record<string, string | number>];

const none = () => ({});

/** Whole lines: the loader's and storage layer's own problems. Checked first. */
const LINES: Rule[] = [
	[/^(.+): HTTP (\d{3})$/, 'problems.http', (m) => ({ where: m[1]!, status: m[2]! })],
	[/^(.+): timed out after (\d+) s$/, 'problems.timeout', (m) => ({ where: m[1]!, seconds: m[2]! })],
	[/^(.+): (Failed to fetch|NetworkError.*|Load failed|network error.*|fetch failed)$/i, 'problems.network', (m) => ({ where: m[1]! })],
	[/^corpus: not valid JSON \((.*)\)$/s, 'problems.json', (m) => ({ detail: m[1]! })],
	[/^storage: the browser has no space left/, 'problems.quota', none],
	// The browsers' own words for a full disk and a clashing key, as a refused write reports them.
	[/quota (?:has been |was )?exceeded|QuotaExceededError/i, 'problems.quota', none],
	[/^Key already exists in the object store|ConstraintError/, 'problems.keyExists', none],
	[/^… and (\d+) more problems$/, 'problems.more', (m) => ({ n: m[1]! })],
	[/^corpus: must be a JSON object/, 'problems.notCorpus', none],
	[/^corpus\.schemaVersion: is (.*), this app reads version (\d+)$/, 'problems.version', (m) => ({ found: m[1]!, expected: m[2]! })],
	[/^corpus\.hash: does not match the content/, 'problems.hash', none]
];

/** Lines of repairRecords: "what left out: why", the why said again in the interface language. */
const LEFT_OUT = /^(.+?) left out: (.+)$/s;

/** The message after "path: ", from the schema, the exchange checks and valibot's defaults. */
const MESSAGES: Rule[] = [
	[/^must not be empty$/, 'problems.empty', none],
	[/^is longer than (\d+) characters/, 'problems.tooLong', (m) => ({ n: m[1]! })],
	[/^must be a date YYYY, YYYY-MM or YYYY-MM-DD$/, 'problems.date', none],
	[/^must be a 6-digit GB\/T 2260 code$/, 'problems.adcode', none],
	[/^must be a whole number$/, 'problems.integer', none],
	[/^must not be negative$/, 'problems.negative', none],
	[/^must be a finite number$/, 'problems.finite', none],
	[/^must be a SHA-256 hex digest$/, 'problems.digest', none],
	[/^must be an ISO timestamp$/, 'problems.timestamp', none],
	[/^end must not come before start$/, 'problems.span', none],
	[/^must name at least one document$/, 'problems.noDocument', none],
	[/^must be an array$/, 'problems.array', none],
	[/^names a document that is not in the corpus(?: \((.*)\))?$/, 'problems.unknownDocument', (m) => ({ id: m[1] ?? '' })],
	[/^repeats (?:the id of|an id of) (.+)$/, 'problems.repeatedId', (m) => ({ other: m[1]! })],
	[/^(\d+) lies past the end of document (.+) \((\d+) characters\)$/, 'problems.pastEnd', (m) => ({ end: m[1]!, doc: m[2]!, length: m[3]! })],
	[/^has (\d+) characters, the document (\d+)$/, 'problems.textLength', (m) => ({ found: m[1]!, expected: m[2]! })],
	[/^does not match the document's contentHash$/, 'problems.textHash', none],
	[/^must be a document id \(a string\)$/, 'problems.docIdType', none],
	[/^Invalid type: Expected (.+) but received (.+)$/, 'problems.type', (m) => ({ expected: m[1]!, received: m[2]! })],
	[/^cut to (\d+) characters \(was (\d+)\)$/, 'problems.cut', (m) => ({ n: m[1]!, was: m[2]! })],
	[/^shortened to (.+) \(was (\d+) characters\)$/, 'problems.shortened', (m) => ({ id: m[1]!, was: m[2]! })],
	[/^(?:shortened|repeated, renamed) to (.+)$/, 'problems.renamed', (m) => ({ id: m[1]! })],
	[/^empty, (?:cleared|named (.+))$/, 'problems.emptyNamed', (m) => ({ name: m[1] ?? '—' })],
	[/^(.+) is not a date, cleared$/, 'problems.notDate', (m) => ({ value: m[1]! })],
	[/^(.+) is outside 1900–2100, cleared$/, 'problems.year', (m) => ({ value: m[1]! })],
	[/^(.+) is not a head count, cleared$/, 'problems.headCount', (m) => ({ value: m[1]! })],
	[/^longer than (\d+) characters, cleared$/, 'problems.tooLongCleared', (m) => ({ n: m[1]! })],
	[/^Invalid (?:length|value|key|entry|option|format|date|number)/, 'problems.invalid', none]
];

function apply(rules: Rule[], text: string, t: Translate): string | null {
	for (const [re, key, values] of rules) {
		const m = re.exec(text);
		if (m) return t(key, { values: values(m) });
	}
	return null;
}

/**
 * One problem line in the interface language; the record path is kept.
 * @example localizeProblem('documents[0] (a).title: is longer than 300 characters', $_) // 'documents[0] (a).title：超过 300 个字符'
 */
export function localizeProblem(problem: string, t: Translate): string {
	const line = apply(LINES, problem, t);
	if (line !== null) return line;
	const left = LEFT_OUT.exec(problem);
	if (left) return t('problems.leftOut', { values: { where: left[1]!, reason: localizeProblem(left[2]!, t) } });
	// "path: message", the path never holding ": " (ids may hold a colon, not followed by a space).
	const split = problem.indexOf(': ');
	if (split < 0) return apply(MESSAGES, problem, t) ?? problem;
	const message = apply(MESSAGES, problem.slice(split + 2), t);
	return message === null ? problem : t('problems.at', { values: { where: problem.slice(0, split), message } });
}

/**
 * A refused write (see StorageError) in the interface language.
 * @example describeStorageError(new DOMException('', 'QuotaExceededError'), $_) // '浏览器存储空间已满，…'
 */
export function describeStorageError(e: unknown, t: Translate): string {
	const fault = storageFault(e);
	const detail = localizeProblem(e instanceof Error ? e.message : String(e), t);
	return t(`storage.${fault}`, { values: { detail } });
}
