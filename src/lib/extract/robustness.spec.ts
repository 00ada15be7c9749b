// Property-based robustness: whatever bytes arrive, extraction never throws anything but a
// per-file UnreadableFileError and never yields a corpus that fails validation. Tests never time
// a document (the machine may be busy): each property bounds the work of every document it makes
// by its size, and the heavy ones carry an explicit, generous timeout. Speed itself is measured
// by `npm run bench:extract` and `npm run bench:hostile`.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildCorpus } from '../corpus/build.ts';
import { validateCorpus } from '../corpus/validate.ts';
import { UnreadableFileError } from './decode.ts';
import { extractDocument } from './index.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Pieces that reach every extractor: numerals, units, hedges, dates, places, HTML, punctuation. */
const PIECES = [
	'一', '二', '〇', '十', '百', '千', '万', '亿', '两', '余', '多', '近', '约', '以上', '%', '人次', '人', '名', '项', '所', '个', '场', '届',
	'年', '月', '日', '至', '—', '-', '～', '今年', '去年', '举行', '召开', '会议', '大会', '论坛', '在', '来自', '参加', '累计', '截至',
	'北京', '朝阳', '鼓楼区', '吉林省吉林市', '海南', '重庆市', '省', '市', '县', '区', '“', '”', '《', '》', '，', '。', '：', '\n', ' ',
	'0', '1', '2', '3', '5', '9', '.', '2023', '11月9—10日', '发布时间:', '<p>', '</p>', '<div class="nav">', '<script>', '&amp;', '�'
];
const domainText = fc.array(fc.constantFrom(...PIECES), { maxLength: 400 }).map((a) => a.join(''));

/** Runs one file through extraction and corpus assembly and checks the outcome is sound. */
function sound(name: string, bytes: Uint8Array): void {
	try {
		extractDocument(name, bytes);
	} catch (e) {
		expect(e).toBeInstanceOf(UnreadableFileError);
	}
	// Assembly validates its own output and throws CorpusInvalidError if it ever breaks the schema.
	const { corpus, warnings } = buildCorpus([{ name, bytes }]);
	expect(validateCorpus(corpus).ok).toBe(true);
	expect(corpus.documents.length + warnings.length).toBeGreaterThan(0);
}

/** Generous limits for the heavy properties: minutes of slack for a machine whose cores are all busy. */
const HEAVY = 180_000;
/** The longest line the giant-line property builds: each document's work is bounded by its size. */
const GIANT_LINE_CHARS = 100_000;

describe('extraction robustness (fast-check)', () => {
	test('survives random Unicode text, in .txt and .html files', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('a.txt', 'a.html'), (s, name) => sound(name, utf8(s))),
			{ numRuns: 300, seed: 20261122 }
		);
	}, HEAVY);

	test('survives random text built from the pieces every extractor looks for', () => {
		fc.assert(fc.property(domainText, fc.constantFrom('b.txt', 'b.html'), (s, name) => sound(name, utf8(s))), { numRuns: 400, seed: 7 });
	}, HEAVY);

	test('survives arbitrary bytes and mixed encodings', () => {
		const gbk = new Uint8Array([0xd6, 0xb0, 0xd2, 0xb5, 0xbd, 0xcc, 0xd3, 0xfd]);
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constant(gbk), domainText.map(utf8)), { maxLength: 12 }), (parts) => {
				const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
				let at = 0;
				for (const p of parts) {
					bytes.set(p, at);
					at += p.length;
				}
				sound('c.txt', bytes);
			}),
			{ numRuns: 300, seed: 42 }
		);
	}, HEAVY);

	test('survives giant lines', () => {
		fc.assert(
			fc.property(domainText, fc.integer({ min: 1, max: 2000 }), (s, repeat) => {
				const line = s.replace(/\n/g, '');
				const length = Math.ceil((GIANT_LINE_CHARS * repeat) / 2000);
				sound('d.txt', utf8(line.repeat(Math.ceil(length / Math.max(1, line.length))).slice(0, length) || 'x'));
			}),
			{ numRuns: 25, seed: 3 }
		);
	}, HEAVY);

	test('survives deeply nested HTML, opened and closed or left open', () => {
		fc.assert(
			fc.property(domainText, fc.integer({ min: 0, max: 20000 }), fc.boolean(), (s, depth, close) => {
				sound('e.html', utf8('<div><span>'.repeat(depth) + s + (close ? '</span></div>'.repeat(depth) : '')));
			}),
			{ numRuns: 25, seed: 3 }
		);
	}, HEAVY);
});
