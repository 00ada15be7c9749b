// Hostile documents, generated from a fixed seed: the kinds of input that once crashed the corpus
// build or hung the extractor (issue 18), each at a size chosen by the caller. Used by the unit
// spec (small, fast) and by `npm run bench:hostile` (10⁴+ documents up to 5 MB). All text here is
// written for these tests.
import { docx, rng } from './fixture-bytes.ts';

export interface HostileDoc {
	kind: string;
	name: string;
	bytes: Uint8Array;
}

const enc = new TextEncoder();
const utf8 = (s: string) => enc.encode(s);

const SENTENCES = [
	'2023年5月9日，全省职业教育工作会议在太原召开，来自各市的代表120余人参加会议。',
	'会议总结了过去一年的工作，全省共培训教师1.2万人次，新建实训基地23个。',
	'11月9—10日，职业教育论坛在南京举行，近300名代表出席。',
	'截至2022年底，累计建成产教融合项目156项，投入资金3.5亿元。',
	'中华职业教育社第十一次全国代表大会在北京召开。',
	'全省職業教育活動周啟動儀式在福州舉行，參加人數約500人。'
];
const FRAGMENTS = ['11月9—10日', '去年', '今年', '发布时间：', '2023', '年', '月', '日', '至', '余人', '万', '亿', '，', '北京市朝阳区', '召开', '会议', '<b>', '&amp;', '\ufffd', '第十六届'];

/** A text of about `chars` characters made of whole sentences. */
function prose(r: () => number, chars: number): string {
	let out = '';
	while (out.length < chars) out += SENTENCES[Math.floor(r() * SENTENCES.length)]!;
	return out;
}

const pick = <T>(r: () => number, a: readonly T[]): T => a[Math.floor(r() * a.length)]!;


/**
 * The kinds of hostile document, each a maker of one document from a PRNG and a size budget in
 * bytes (a maker may go below it, never above it by more than a sentence).
 */
export const KINDS: Record<string, (r: () => number, size: number, n: number) => { name: string; text?: string; bytes?: Uint8Array }> = {
	'long-title': (r, size) => ({ name: 'a.txt', text: `${'关于'.repeat(100 + Math.floor(r() * 400))}的通知\n${prose(r, Math.min(size, 2000))}` }),
	'long-h1': (r, size) => ({ name: 'a.html', text: `<h1>${'职业教育'.repeat(80 + Math.floor(r() * 300))}</h1><p>${prose(r, Math.min(size, 2000))}</p>` }),
	'impossible-date': (r, size) => ({
		name: 'a.txt',
		text: `${pick(r, ['发布时间：9999-12-31', '发布时间：0000-01-01', '0000年1月1日', '2023年2月30日', '发布时间：2023-13-45', '9999年12月31日'])}\n${pick(r, ['去年', '今年', '昨日', '日前'])}，全省职业教育工作会议在太原召开。${prose(r, Math.min(size, 1000))}`
	}),
	'bad-name': (r, size, n) => ({ name: pick(r, ['.txt', '.html', ' .txt', `${'很长的文件名'.repeat(33)}${n}.txt`, `${'x'.repeat(250)}${n}.txt`, `a\tb${n}.txt`, `${n}.gbk.txt`]), text: prose(r, Math.min(size, 1000)) }),
	'implausible-figure': (r, size) => ({
		name: 'a.txt',
		text: `${pick(r, ['共培训9999999999999999999亿人', '参加人数-5000人', '投入资金-3亿元', '建成基地1e308个', '覆盖１２３４５６７８９０１２３４５６７８万所学校', '代表999999999999人出席会议'])}。${prose(r, Math.min(size, 1000))}`
	}),
	'deep-html': (r, size) => {
		const open = pick(r, ['<div>', '<b>', '<div><span>', '<p>', '<li>', '<table><tr><td>', '<svg>', '<math>', '<div class="nav">']);
		const close = [...open.matchAll(/<(\w+)/g)].map((m) => `</${m[1]}>`).reverse().join('');
		const depth = Math.max(1, Math.floor(size / (open.length + (r() < 0.5 ? 0 : close.length))));
		return { name: 'a.html', text: open.repeat(depth) + '研讨会在南京召开' + (r() < 0.5 ? '' : close.repeat(depth)) };
	},
	'giant-line': (r, size) => {
		const unit = Array.from({ length: 8 }, () => pick(r, FRAGMENTS)).join('');
		return { name: pick(r, ['a.txt', 'a.html']), text: unit.repeat(Math.ceil(size / 3 / unit.length)).slice(0, Math.floor(size / 3)) };
	},
	'truncated-utf8': (r, size) => {
		const bytes = utf8(prose(r, Math.max(10, size / 3)));
		return { name: 'a.txt', bytes: bytes.subarray(0, bytes.length - 1 - Math.floor(r() * 2)) };
	},
	'random-bytes': (r, size) => ({ name: pick(r, ['a.txt', 'a.html']), bytes: Uint8Array.from({ length: Math.floor(r() * Math.min(size, 4096)) }, () => Math.floor(r() * 256)) }),
	'control-chars': (r, size) => ({ name: 'a.txt', text: prose(r, Math.min(size, 2000)).replace(/，/g, () => pick(r, ['\u0000', '\u001b', '\u2028', '\ufeff', '\u202e', '\ud800'])) }),
	'entities': (r, size) => ({ name: 'a.html', text: `<p>${pick(r, ['&#x10FFFF;', '&#0;', '&#xD800;', '&amp', '&nbsp;&nbsp;', '&#99999999;', '&unknown;']).repeat(Math.floor(Math.min(size, 200_000) / 10))}会议在北京召开</p>` }),
	'broken-markup': (r, size) => ({ name: 'a.html', text: `<html><body><div><p>研讨会在某市召开，<b>120余人<i>参加</div></td></table><script>${'x'.repeat(Math.min(size, 10000))}<!-- <title>${prose(r, Math.min(size, 500))}` }),
	'empty': (r) => ({ name: pick(r, ['a.txt', 'a.html']), bytes: pick(r, [new Uint8Array(), utf8(' '), utf8('\n\n'), utf8('<html></html>')]) }),
	'near-limit': (r, size) => ({ name: pick(r, ['a.txt', 'a.html']), text: prose(r, Math.floor(size / 3)) }),
	'docx': (r, size) => {
		const way = Math.floor(r() * 4);
		if (way === 0) return { name: 'a.docx', bytes: docx('<w:p/>'.repeat(Math.floor(size / 6)), 100) };
		if (way === 1) return { name: 'a.docx', bytes: docx(`<w:p><w:r><w:t>${prose(r, Math.min(size / 3, 5000))}</w:t></w:r></w:p>`) };
		if (way === 2) return { name: 'a.docx', bytes: docx('', 2 ** 31) };
		return { name: 'a.docx', bytes: utf8('PK\u0003\u0004 not really a zip') };
	}
};

/**
 * `count` hostile documents from `seed`, kinds in turn, each at most about `maxBytes`. Names are
 * made unique with the document's number (except where the kind is about the name itself).
 * @example hostileDocuments(7, 100, 20_000).length // 100
 */
export function hostileDocuments(seed: number, count: number, maxBytes: number, kinds = Object.keys(KINDS)): HostileDoc[] {
	const r = rng(seed);
	const out: HostileDoc[] = [];
	for (let n = 0; n < count; n++) {
		const kind = kinds[n % kinds.length]!;
		const size = Math.max(64, Math.floor(maxBytes * (r() < 0.2 ? 1 : r() * r())));
		const made = KINDS[kind]!(r, size, n);
		const bytes = made.bytes ?? utf8(made.text ?? '');
		const name = kind === 'bad-name' ? made.name : made.name.replace(/^a\./, `${kind}-${n}.`);
		out.push({ kind, name, bytes: bytes.length > maxBytes * 1.05 + 256 ? bytes.subarray(0, Math.floor(maxBytes)) : bytes });
	}
	return out;
}
