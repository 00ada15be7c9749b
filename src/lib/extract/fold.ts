// Folding that keeps every character at its offset, so spans found in the folded text
// point at the same characters of the original.
import tsCharacters from 'opencc-js/dict/TSCharacters';
import twVariantsRev from 'opencc-js/dict/TWVariantsRev';
import hkVariantsRev from 'opencc-js/dict/HKVariantsRev';

let table: Uint16Array | null = null;

/** Parses an OpenCC dictionary ("from to [alt]|…") into single-code-unit pairs. */
function addPairs(map: Map<number, number>, dict: string, chain: Map<number, number> | null): void {
	for (const entry of dict.split('|')) {
		const [from, to] = entry.split(' ');
		if (!from || !to || from.length !== 1 || to.length !== 1) continue;
		const target = chain?.get(to.charCodeAt(0)) ?? to.charCodeAt(0);
		if (target !== from.charCodeAt(0)) map.set(from.charCodeAt(0), target);
	}
}

/**
 * Every UTF-16 code unit to its folded unit (0: unchanged). A flat 128 KB table: one array read
 * per character instead of a hash lookup, which is most of the cost of folding CJK text.
 */
function foldTable(): Uint16Array {
	if (table) return table;
	const ts = new Map<number, number>();
	addPairs(ts, tsCharacters, null);
	const all = new Map(ts);
	// Regional variants (為 → 爲) first become the standard Traditional form, then Simplified.
	addPairs(all, twVariantsRev, ts);
	addPairs(all, hkVariantsRev, ts);
	const t = new Uint16Array(0x10000);
	for (const [from, to] of all) t[from] = to;
	for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
	t[0x3000] = 0x20;
	t[0xa0] = 0x20;
	table = t;
	return table;
}

/**
 * Folds full-width ASCII, ideographic space, dash variants and Traditional characters
 * one code unit for one, so `fold(s).length === s.length` always holds.
 * @example fold('２０２３年舉行') // '2023年举行'
 */
export function fold(text: string): string {
	const t = foldTable();
	let out = '';
	let runStart = 0;
	for (let i = 0; i < text.length; i++) {
		const r = t[text.charCodeAt(i)]!;
		if (r !== 0) {
			if (text.length >= COPY_FROM && nodeBuffer) return foldedCopy(text, t, nodeBuffer);
			out += text.slice(runStart, i) + String.fromCharCode(r);
			runStart = i + 1;
		}
	}
	return runStart === 0 ? text : out + text.slice(runStart);
}

type NodeBufferModule = { Buffer: { from(b: ArrayBuffer, offset: number, length: number): { toString(encoding: 'utf16le'): string } } };
/** Node's buffer module when running in Node (the CLI, the bench); absent in a browser's worker. */
const nodeBuffer = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:buffer') as NodeBufferModule | undefined;
/** Code units are laid out little-endian (x86, ARM), as the utf16le decoding below reads them. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
/** Texts this long that change are folded into a copy: a document's full-width commas alone are thousands of pieces to join. */
const COPY_FROM = LITTLE_ENDIAN ? 4096 : Infinity;

/**
 * The folded text written unit by unit into an array and made a string by Node's buffer module
 * (a copy of the units, lone surrogates kept), instead of joining a piece per folded character: a
 * megabyte of Chinese prose with full-width punctuation takes a few milliseconds, not tens.
 */
function foldedCopy(text: string, t: Uint16Array, node: NodeBufferModule): string {
	const n = text.length;
	const units = new Uint16Array(n);
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		const r = t[c]!;
		units[i] = r === 0 ? c : r;
	}
	return node.Buffer.from(units.buffer, 0, n * 2).toString('utf16le');
}
