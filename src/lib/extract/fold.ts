// Folding that keeps every character at its offset, so spans found in the folded text
// point at the same characters of the original.
import tsCharacters from 'opencc-js/dict/TSCharacters';
import twVariantsRev from 'opencc-js/dict/TWVariantsRev';
import hkVariantsRev from 'opencc-js/dict/HKVariantsRev';

let table: Map<number, number> | null = null;

/** Parses an OpenCC dictionary ("from to [alt]|…") into single-code-unit pairs. */
function addPairs(map: Map<number, number>, dict: string, chain: Map<number, number> | null): void {
	for (const entry of dict.split('|')) {
		const [from, to] = entry.split(' ');
		if (!from || !to || from.length !== 1 || to.length !== 1) continue;
		const target = chain?.get(to.charCodeAt(0)) ?? to.charCodeAt(0);
		if (target !== from.charCodeAt(0)) map.set(from.charCodeAt(0), target);
	}
}

function traditionalTable(): Map<number, number> {
	if (table) return table;
	const ts = new Map<number, number>();
	addPairs(ts, tsCharacters, null);
	const all = new Map(ts);
	// Regional variants (為 → 爲) first become the standard Traditional form, then Simplified.
	addPairs(all, twVariantsRev, ts);
	addPairs(all, hkVariantsRev, ts);
	table = all;
	return table;
}

/**
 * Folds full-width ASCII, ideographic space, dash variants and Traditional characters
 * one code unit for one, so `fold(s).length === s.length` always holds.
 * @example fold('２０２３年舉行') // '2023年举行'
 */
export function fold(text: string): string {
	const t = traditionalTable();
	let out = '';
	let runStart = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		let r = c;
		if (c >= 0xff01 && c <= 0xff5e) r = c - 0xfee0;
		else if (c === 0x3000 || c === 0xa0) r = 0x20;
		else if (c >= 0x3400) r = t.get(c) ?? c;
		if (r !== c) {
			out += text.slice(runStart, i) + String.fromCharCode(r);
			runStart = i + 1;
		}
	}
	return runStart === 0 ? text : out + text.slice(runStart);
}
