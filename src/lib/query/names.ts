// Names as the views show them and search them: in Simplified characters (a page written in
// Traditional keeps its original text in the evidence), and documents named by their title.
import type { CorpusDocument } from '../corpus/schema.ts';
import { fold } from '../extract/fold.ts';

/** CJK ideographs (the Unified block and its extension A, and the compatibility block): the only characters simplified. */
const isIdeograph = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/**
 * A name in Simplified characters. Only ideographs change: full-width punctuation, which a Chinese
 * name is written with, stays as it is (the extractor's fold also turns it into ASCII).
 * @example simplified('世界職業技術教育（北京）') // '世界职业技术教育（北京）'
 */
export function simplified(text: string): string {
	const folded = fold(text);
	if (folded === text) return text;
	let out = '';
	for (let i = 0; i < text.length; i++) out += isIdeograph(text.charCodeAt(i)) ? folded[i] : text[i];
	return out;
}

/**
 * What a search compares: Simplified, full-width folded to ASCII, lower case.
 * @example searchKey('ＷＯＲＬＤ 職業') // 'world 职业'
 */
export const searchKey = (text: string): string => fold(text).toLowerCase();

/**
 * Whether a name contains every word of a query, Traditional or Simplified on either side.
 * @example nameMatches('世界職業技術教育大會', '世界职业技术教育') // true
 */
export function nameMatches(name: string, query: string): boolean {
	const words = searchKey(query).split(/\s+/).filter(Boolean);
	if (!words.length) return true;
	const hay = searchKey(name);
	return words.every((w) => hay.includes(w));
}

/** The longest document title shown in a list before it is cut with an ellipsis. */
export const TITLE_CHARS = 40;

/**
 * How a source document is named wherever the app cites it: its title in Simplified characters,
 * cut to `max` characters; its file name when it has no title.
 * @example documentTitle({ title: '關於召開年會的通知', fileName: '0140.txt' }) // '关于召开年会的通知'
 */
export function documentTitle(doc: Pick<CorpusDocument, 'title' | 'fileName'>, max = TITLE_CHARS): string {
	const title = doc.title?.trim() ? simplified(doc.title.trim()) : doc.fileName;
	return title.length > max ? `${title.slice(0, max - 1)}…` : title;
}

const lookups = new WeakMap<readonly CorpusDocument[], Map<string, string>>();

/**
 * A document's name by id, for views that cite sources by id; built once per list of documents.
 * Unknown ids name themselves.
 * @example titleOf(facts.documents, '0001') // '2021年北京市职业教育宣传月启动仪式'
 */
export function titleOf(documents: readonly CorpusDocument[], id: string): string {
	let lookup = lookups.get(documents);
	if (!lookup) lookups.set(documents, (lookup = new Map(documents.map((d) => [d.id, documentTitle(d)]))));
	return lookup.get(id) ?? id;
}
