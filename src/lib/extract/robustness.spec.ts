// Property-based robustness: whatever bytes arrive, extraction never throws anything but a
// per-file UnreadableFileError, never yields a corpus that fails validation, and never hangs.
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
	const t = performance.now();
	try {
		extractDocument(name, bytes);
	} catch (e) {
		expect(e).toBeInstanceOf(UnreadableFileError);
	}
	// Assembly validates its own output and throws CorpusInvalidError if it ever breaks the schema.
	const { corpus, warnings } = buildCorpus([{ name, bytes }]);
	expect(validateCorpus(corpus).ok).toBe(true);
	expect(corpus.documents.length + warnings.length).toBeGreaterThan(0);
	// A hang guard against catastrophic backtracking, far above any real cost even on a cold, busy
	// CI core (a first 38,000-element page takes about 1 s there); speed itself is benchmarked.
	expect(performance.now() - t).toBeLessThan(10_000);
}

describe('extraction robustness (fast-check)', () => {
	test('survives random Unicode text, in .txt and .html files', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('a.txt', 'a.html'), (s, name) => sound(name, utf8(s))),
			{ numRuns: 300, seed: 20261122 }
		);
	});

	test('survives random text built from the pieces every extractor looks for', () => {
		fc.assert(fc.property(domainText, fc.constantFrom('b.txt', 'b.html'), (s, name) => sound(name, utf8(s))), { numRuns: 400, seed: 7 });
	});

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
	});

	test('survives giant lines and deeply nested HTML', () => {
		fc.assert(
			fc.property(domainText, fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 20000 }), (s, repeat, depth) => {
				sound('d.txt', utf8(s.replace(/\n/g, '').repeat(Math.max(1, Math.floor(repeat / Math.max(1, s.length / 50))))));
				sound('e.html', utf8('<div><span>'.repeat(depth) + s + '</span></div>'.repeat(depth)));
			}),
			{ numRuns: 25, seed: 3 }
		);
	});
});
