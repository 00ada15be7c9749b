// Finds the provinces, cities and counties a text names and resolves each to its GB/T 2260 code.
//
// Matching: one Aho–Corasick automaton over every full name, rule-derived short name and former
// name; leftmost-longest selection with guards, so that a shorter name is tried when the longest
// one is rejected (深圳市场 → 深圳, not 深圳市).
// Resolution, in order: the place named right before (湖南湘潭 → the city under 湖南), the other
// places of the same document, then the most prominent level when that is unique (海南 → the
// province); a name still ambiguous after that (朝阳 alone) yields no mention.
import { allDivisions, division, FORMER_NAMES, isMunicipality, isWithin, levelOf, type Division } from '../geo/gazetteer.ts';
import { ByteBits, firstChars, hasCode } from './chars.ts';
import type { PlaceMention, Span } from './types.ts';

/**
 * How a name refers to its division.
 * full: the official name; short: a rule-derived short name (滨州); former: a historic name (襄樊);
 * weak: a generic or two-character county name that needs its parent named in the document (市中区, 沛县),
 * or written right before it when the stem is a single generic character (阳泉市城区).
 */
type Kind = 'full' | 'short' | 'former' | 'weak';

interface Candidate {
	code: string;
	kind: Kind;
	/** needsSupport's answer, noted on its first ask (resolution asks it of every token's readings) */
	support?: boolean;
}

interface Pattern {
	name: string;
	candidates: Candidate[];
	/** every reading is a short or bare former name, so the bare-name guards apply (set once all candidates are in) */
	bare: boolean;
}

/**
 * Short names that are everyday words as well (平安, 前进, 富裕, 新兴 …): as bare short names they
 * say nothing about a place, so they never fire without their suffix. General vocabulary, not
 * taken from any document.
 */
const EVERYDAY_WORDS = new Set(
	(
		'白银 阿里 长治 安康 四平 东方 合作 和平 平安 共和 通道 永和 长安 新华 江南 江北 河东 河西 新兴 红旗 光明 ' +
		'富民 安宁 向阳 前进 东风 白云 解放 平原 大方 友好 富裕 方正 兴隆 南岸 长寿 宝塔 中山 文山 安定 新建 振兴 ' +
		'铁东 铁西 桥东 桥西 路南 路北 和顺 江城 青山 龙门 金山 来宾 新星 白杨 惠民 资源 比如 会同 中方 互助 ' +
		'同仁 温泉 民乐 武功 光泽 清流 安居 兴业 大名 复兴 中原 博爱 民权 江山 南部 前锋 东海 滨海 南海 ' +
		'公安 凤凰'
	).split(' ')
);

/** The level that counts for "prefer the more prominent division": a municipality's districts rank with cities. */
function rank(code: string): number {
	const d = division(code)!;
	if (d.level === 'province') return 3;
	if (d.level === 'city') return 2;
	return d.parent && (isMunicipality(d.parent) || provinceDirect(d)) ? 2 : 1;
}

/** County-level units with no prefecture above them (仙桃市, 五指山市, 济源市) stand in for cities. */
function provinceDirect(d: Division): boolean {
	return d.level === 'county' && d.parent !== null && d.parent.endsWith('0000') && !isMunicipality(d.parent);
}

const GENERIC = new Set('东西南北中新老城郊矿市区上下前后左右内外关');

// ---------------------------------------------------------------------------------------------
// Automaton

interface Automaton {
	patterns: Pattern[];
	/** char code → alphabet index (0: not in any name); 16 bits suffice for the ~1,250 characters of the names */
	charIndex: Uint16Array;
	/**
	 * Transitions, as flat arrays rather than a Map keyed by node × char (a Map lookup per input
	 * character dominated the scan). The root's are dense, by char index (0: none), since the root is
	 * where most characters are read; every other node's children sit in
	 * childChar/childNode[childStart[node] .. childStart[node + 1]), sorted by char index.
	 */
	rootNext: Int32Array;
	/**
	 * Bit (a × alphabet + b) is set when char indexes a, b stand next to each other in some name.
	 * Where the pair of the last two characters read is in no name, no name can span them, so the
	 * scan restarts at the root without walking the failure chain (most pairs of Chinese text are
	 * in no place name).
	 */
	pairs: Uint32Array;
	alphabet: number;
	childStart: Int32Array;
	childChar: Int32Array;
	childNode: Int32Array;
	fail: Int32Array;
	/** pattern ending at this node, or -1 */
	out: Int32Array;
	/** nearest node on the failure chain that ends a pattern, or 0 */
	dictLink: Int32Array;
	/** the first node whose pattern ends at this node: itself when it ends one, else its dictLink (one read per character) */
	firstOut: Int32Array;
}

let automaton: Automaton | undefined;

function addCandidate(byName: Map<string, Pattern>, name: string, c: Candidate): void {
	let p = byName.get(name);
	if (!p) byName.set(name, (p = { name, candidates: [], bare: false }));
	const same = p.candidates.find((x) => x.code === c.code);
	if (!same) p.candidates.push(c);
	// The same name reaching the same division twice (莱芜: short of 莱芜区, former 莱芜市) keeps the stronger kind.
	else if (KIND_STRENGTH[c.kind] > KIND_STRENGTH[same.kind]) same.kind = c.kind;
}

const KIND_STRENGTH: Record<Kind, number> = { weak: 0, short: 1, former: 2, full: 3 };

/** Every name the matcher knows, with what it may refer to. */
function collectPatterns(): Pattern[] {
	const byName = new Map<string, Pattern>();
	for (const d of allDivisions()) {
		const generic = [...d.name.slice(0, -1)].every((ch) => GENERIC.has(ch));
		const weak = d.level === 'county' && (generic || d.name.length <= 2);
		addCandidate(byName, d.name, { code: d.code, kind: weak ? 'weak' : 'full', support: undefined });
		for (const s of d.shortNames) if (!EVERYDAY_WORDS.has(s)) addCandidate(byName, s, { code: d.code, kind: 'short', support: undefined });
	}
	for (const [name, code] of FORMER_NAMES) {
		addCandidate(byName, name, { code, kind: 'former', support: undefined });
		// 襄樊市 → 襄樊: prefecture-level names are used bare; district names are not.
		const bare = name.replace(/(市|地区)$/, '');
		if (bare !== name && bare.length >= 2) addCandidate(byName, bare, { code, kind: 'former', support: undefined });
	}
	// A name that is some division's official name refers to that division, not to one it abbreviates.
	for (const p of byName.values()) {
		if (p.candidates.some((c) => c.kind !== 'short')) p.candidates = p.candidates.filter((c) => c.kind !== 'short');
		p.bare = p.candidates.every((c) => c.kind === 'short' || (c.kind === 'former' && !/[市县区]$/.test(p.name)));
	}
	// by name in code-unit order: the default sort of the (distinct) names, without a comparator to call
	return [...byName.keys()].sort().map((name) => byName.get(name)!);
}

/**
 * The Aho-Corasick automaton of every name, built in flat typed arrays: a cold thread builds it
 * before its first document (a Map per transition and an array per node cost ~25 ms there). Char
 * indexes follow char codes, and the names come sorted by code unit, so each node's children are
 * made in the order of their char index and the child to follow is always the node's newest one.
 */
function buildAutomaton(): Automaton {
	const patterns = collectPatterns();
	const charIndex = new Uint16Array(65536);
	let size = 1;
	for (const p of patterns) {
		for (let i = 0; i < p.name.length; i++) charIndex[p.name.charCodeAt(i)] = 1;
		size += p.name.length;
	}
	let alphabet = 1;
	for (let c = 0; c < 65536; c++) if (charIndex[c]) charIndex[c] = alphabet++;
	const pairs = new Uint32Array(Math.ceil((alphabet * alphabet) / 32));
	for (const p of patterns) {
		for (let i = 1; i < p.name.length; i++) {
			const bit = charIndex[p.name.charCodeAt(i - 1)] * alphabet + charIndex[p.name.charCodeAt(i)];
			pairs[bit >>> 5] |= 1 << (bit & 31);
		}
	}
	// the trie: each node's char, its children as a list in char order (first, next sibling, newest)
	const nodeChar = new Int32Array(size);
	const firstChild = new Int32Array(size);
	const lastChild = new Int32Array(size);
	const nextSibling = new Int32Array(size);
	const outAll = new Int32Array(size).fill(-1);
	let nodes = 1;
	for (let id = 0; id < patterns.length; id++) {
		const name = patterns[id]!.name;
		let s = 0;
		for (let i = 0; i < name.length; i++) {
			const c = charIndex[name.charCodeAt(i)];
			let t = lastChild[s];
			if (t === 0 || nodeChar[t] !== c) {
				if (t !== 0 && nodeChar[t] > c) throw new Error('place names out of order');
				t = nodes++;
				nodeChar[t] = c;
				if (lastChild[s] === 0) firstChild[s] = t;
				else nextSibling[lastChild[s]] = t;
				lastChild[s] = t;
			}
			s = t;
		}
		outAll[s] = id;
	}
	const out = outAll.slice(0, nodes);
	// Flatten the transitions for the scan (see Automaton).
	const rootNext = new Int32Array(alphabet);
	for (let t = firstChild[0]; t !== 0; t = nextSibling[t]) rootNext[nodeChar[t]] = t;
	const childStart = new Int32Array(nodes + 1);
	const childChar = new Int32Array(nodes - 1);
	const childNode = new Int32Array(nodes - 1);
	let at = 0;
	for (let s = 0; s < nodes; s++) {
		childStart[s] = at;
		for (let t = firstChild[s]; t !== 0; t = nextSibling[t]) {
			childChar[at] = nodeChar[t];
			childNode[at++] = t;
		}
	}
	childStart[nodes] = at;
	const a = { patterns, charIndex, rootNext, pairs, alphabet, childStart, childChar, childNode, fail: new Int32Array(nodes), out, dictLink: new Int32Array(nodes), firstOut: out };
	// Failure and dictionary links, breadth first.
	const { fail, dictLink } = a;
	const queue = new Int32Array(nodes);
	let queued = 0;
	for (let t = firstChild[0]; t !== 0; t = nextSibling[t]) queue[queued++] = t;
	for (let qi = 0; qi < queued; qi++) {
		const s = queue[qi]!;
		for (let k = childStart[s]; k < childStart[s + 1]; k++) {
			const c = childChar[k];
			const child = childNode[k];
			let f = fail[s];
			while (f && childOf(a, f, c) === 0) f = fail[f];
			const g = childOf(a, f, c);
			fail[child] = g !== 0 && g !== child ? g : 0;
			dictLink[child] = out[fail[child]] >= 0 ? fail[child] : dictLink[fail[child]];
			queue[queued++] = child;
		}
	}
	const firstOut = Int32Array.from(out, (o, node) => (o >= 0 ? node : dictLink[node]));
	return { ...a, firstOut };
}

/** The child of `s` on char index `c`, or 0 when there is none (binary search over its sorted children). */
function childOf(a: Automaton, s: number, c: number): number {
	if (s === 0) return a.rootNext[c];
	let lo = a.childStart[s];
	let hi = a.childStart[s + 1] - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const x = a.childChar[mid];
		if (x === c) return a.childNode[mid];
		if (x < c) lo = mid + 1;
		else hi = mid - 1;
	}
	return 0;
}

interface RawMatch {
	start: number;
	end: number;
	pattern: number;
}

/** All occurrences of all names in norm[from, to), in one pass. */
function scan(a: Automaton, norm: string, from: number, to: number): RawMatch[] {
	const { charIndex, fail, out, dictLink, firstOut, patterns, pairs, alphabet, rootNext, childStart, childChar, childNode } = a;
	const found: RawMatch[] = [];
	let s = 0;
	let prev = 0;
	for (let i = from; i < to; i++) {
		const c = charIndex[norm.charCodeAt(i)];
		if (c === 0) {
			s = 0;
			continue;
		}
		// s ends with the previous character: a pair in no name leaves only the root to go on from
		if (s !== 0) {
			const bit = prev * alphabet + c;
			if ((pairs[bit >>> 5] & (1 << (bit & 31))) === 0) s = 0;
		}
		prev = c;
		// childOf, written out over the arrays read once above (the root's children are a direct read;
		// another node's by binary search over its sorted children), along the failure chain
		let t = 0;
		for (;;) {
			if (s === 0) {
				t = rootNext[c];
				break;
			}
			let lo = childStart[s];
			let hi = childStart[s + 1] - 1;
			while (lo <= hi) {
				const mid = (lo + hi) >> 1;
				const x = childChar[mid];
				if (x === c) {
					t = childNode[mid];
					break;
				}
				if (x < c) lo = mid + 1;
				else hi = mid - 1;
			}
			if (t !== 0) break;
			s = fail[s];
		}
		s = t;
		for (let o = firstOut[s]; o !== 0; o = dictLink[o]) {
			const p = out[o];
			found.push({ start: i + 1 - patterns[p].name.length, end: i + 1, pattern: p });
		}
	}
	return found;
}

// ---------------------------------------------------------------------------------------------
// Guards: reasons a name occurrence is not the division

/** 区域, 县域, 市场, 市民, 市级 …: the suffix character starts another word. */
const SUFFIX_WORD = '域|场|民|级|块|值';
const SUFFIX_COMPOUND = new RegExp(`^[区县市](${SUFFIX_WORD})`);
/** What names a street, lane or road. */
const STREET_WORD = '路|街|巷|弄|胡同|大道|大街';
/** A street, lane or road after a bare name (广东路, 台湾风情街): a street named after the place. */
const STREET = new RegExp(`^[\\u4e00-\\u9fff]{0,2}?(${STREET_WORD})`);
/** 之路, 道路, 思路 …: 路 as an ordinary word, not a street. */
const NOT_STREET = /(之|道|思|出|铁|公|网|线|新|门|一)路/;
/** A town, township or village named after the place (红河镇); 乡村, 乡镇 and 村镇 are ordinary words. */
const BELOW_COUNTY = /^(镇|乡|村)(?!村|镇)/;

/** Titles that come before a person's name. */
const TITLES = '书记|主任|校长|院长|局长|厅长|部长|会长|处长|科长|主席|理事长|秘书长|教授|老师|同志|记者|委员|总监|经理|董事长|主持人';
/** A title and a one-character surname before a bare name (书记王吉林): a person's given name. */
const PERSON_BEFORE = new RegExp(`(${TITLES})[\\u4e00-\\u9fff]$`);

/** What follows a person's name: a separator or what people do. */
const PERSON_DOES = '[、，,；;]|同志|出席|主持|致辞|讲话|表示|指出|介绍|说|等同志';
/**
 * A two-character name and one more character, then a separator or what people do (吴忠祥、…,
 * 吴忠祥出席): a person's full name that starts like the place.
 */
const PERSON_AFTER = new RegExp(`^[\\u4e00-\\u9fff](?<![市县区省州盟旗镇乡村路街山河湖江])(?:${PERSON_DOES})`);
/** A mountain named after the place (贺兰山东麓, 五台山): a feature, not the division. */
const FEATURE = /^(山脉|山[东西南北]麓|山[脚下上顶]|山(?![东西区县市镇乡村庄]))/;

/** An international body or text named after a city (上海合作组织, 北京宣言): not about the division. */
const NAMED_AFTER = /^(合作组织|公约|宣言|倡议书?|共识|议定书|协定)/;

// Guards on the patterns above: each is tried only when the character where its matches start (or,
// for PERSON_AFTER and PERSON_BEFORE, the one character they must hold at a fixed place) has its
// bit, read from the pattern's source when the module loads (firstChars), so the guards are exact.
// Most names are followed by none of these characters and cost no regex call and no slice.
const NEAR = new ByteBits();
const SUFFIX_AT = NEAR.bit(firstChars(SUFFIX_COMPOUND));
/** the character after the suffix: the word it starts */
const SUFFIX_WORD_AT = NEAR.bit(firstChars(new RegExp(SUFFIX_WORD)));
const NAMED_AT = NEAR.bit(firstChars(NAMED_AFTER));
/** the character after the one that ends the person's name */
const DOES_AT = NEAR.bit(firstChars(new RegExp(PERSON_DOES)));
const FEATURE_AT = NEAR.bit(firstChars(FEATURE));
/** within the first three characters after the name: 0–2 characters, then the street word */
const STREET_AT = NEAR.bit(firstChars(new RegExp(STREET_WORD)));
const BELOW_AT = NEAR.bit(firstChars(BELOW_COUNTY));
/** the last character of a title, the one before the surname right before the name */
const TITLE_END_AT = NEAR.bit(TITLES.split('|').map((t) => t.slice(-1)).join(''));

/** The hundred or so most common surnames: a bare two-character name after one and before a title is a person's given name. */
const SURNAMES = new Set(
	'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤樊'
		.split('')
		.map((c) => c.charCodeAt(0))
);
/** A title right after a person's name (樊长春副局长); 市长 and 县长 are left out: 长春市长 is the city's. */
const TITLE_AFTER = /^副?(?:书记|主任|校长|院长|局长|厅长|部长|会长|处长|科长|主席|理事长|秘书长|教授|老师|同志|委员|总监|经理|董事长)/;
/** The characters TITLE_AFTER starts with (NEAR's eight bits are taken). */
const TITLE_AFTER_FIRST = '副书主校院局厅部会处科理秘教老同委总经董';

/** Whether a Chinese character other than 和/与/及 stands right before `at` (吉林|长春: the surname is a place's end). */
function isHanBefore(norm: string, at: number): boolean {
	const c = norm.charCodeAt(at - 1);
	return c >= 0x4e00 && c <= 0x9fff && !hasCode('和与及', c);
}

function rejected(norm: string, m: RawMatch, p: Pattern, placeAt: (at: number, before: Pattern) => boolean): boolean {
	const near = NEAR.of;
	const end = m.end;
	// charCodeAt past the end is NaN, whose bits are undefined: no guard passes there
	if ((near[norm.charCodeAt(end - 1)]! & SUFFIX_AT) !== 0 && (near[norm.charCodeAt(end)]! & SUFFIX_WORD_AT) !== 0 && SUFFIX_COMPOUND.test(norm.slice(end - 1, end + 4))) return true;
	const next = near[norm.charCodeAt(end)]! | 0;
	if ((next & NAMED_AT) !== 0 && NAMED_AFTER.test(norm.slice(end, end + 5))) return true;
	if (!p.bare) return false;
	const second = near[norm.charCodeAt(end + 1)]! | 0;
	const third = near[norm.charCodeAt(end + 2)]! | 0;
	if ((second & DOES_AT) !== 0 && PERSON_AFTER.test(norm.slice(end, end + 5)) && m.end - m.start === 2) return true;
	// 樊长春副局长: a surname, the name, a title
	if (m.end - m.start === 2 && hasCode(TITLE_AFTER_FIRST, norm.charCodeAt(end)) && SURNAMES.has(norm.charCodeAt(m.start - 1)) && !isHanBefore(norm, m.start - 1) && TITLE_AFTER.test(norm.slice(end, end + 5))) return true;
	// 西藏山南市: a place written next is no mountain
	if ((next & FEATURE_AT) !== 0 && FEATURE.test(norm.slice(end, end + 5)) && !placeAt(end, p)) return true;
	if (((next | second | third) & STREET_AT) !== 0) {
		const rest = norm.slice(end, end + 5);
		const street = STREET.exec(rest);
		if (street && !NOT_STREET.test(rest.slice(0, street[0].length))) return true;
	}
	if ((next & BELOW_AT) !== 0 && BELOW_COUNTY.test(norm.slice(end, end + 5))) return true;
	return m.start >= 2 && (near[norm.charCodeAt(m.start - 2)]! & TITLE_END_AT) !== 0 && PERSON_BEFORE.test(norm.slice(Math.max(0, m.start - 6), m.start));
}

/** A bare name followed by 省/市/县/区 that is not its own full name names some other unit (高新区). */
function narrowBySuffix(norm: string, end: number, cands: Candidate[]): Candidate[] {
	const suffix = norm[end];
	if (!suffix || !'省市县区'.includes(suffix)) return cands;
	return cands.filter((c) => c.kind !== 'short' || division(c.code)!.name.endsWith(suffix));
}

// ---------------------------------------------------------------------------------------------
// Resolution

interface Token extends Span {
	surface: string;
	candidates: Candidate[];
	/** the place right before it contains it (湖南|湘潭) */
	anchored: boolean;
	code: string | null;
}

const ZHONG = '中'.charCodeAt(0);
const QI = '其'.charCodeAt(0);

/** Leftmost-longest selection over one body range. */
const byStartThenLongest = (x: RawMatch, y: RawMatch): number => x.start - y.start || y.end - x.end;

/** Whether the matches already stand in byStartThenLongest order (a stable sort would keep them as they are). */
function inStartOrder(raw: RawMatch[]): boolean {
	for (let i = 1; i < raw.length; i++) if (byStartThenLongest(raw[i - 1]!, raw[i]!) > 0) return false;
	return true;
}

/**
 * raw.sort(byStartThenLongest), the same order (both are stable), by insertion: matches come by their
 * end, so each is out of place only among the few that end within its name. A line of 10⁵ place
 * names has twice as many matches, most pairs out of order (北京 before 北京市): a general sort
 * compared them n log n times.
 */
function sortNearlySorted(raw: RawMatch[]): void {
	for (let i = 1; i < raw.length; i++) {
		const x = raw[i]!;
		let j = i - 1;
		if (byStartThenLongest(raw[j]!, x) <= 0) continue;
		while (j >= 0 && byStartThenLongest(raw[j]!, x) > 0) {
			raw[j + 1] = raw[j]!;
			j--;
		}
		raw[j + 1] = x;
	}
}

function tokenize(a: Automaton, norm: string, span: Span): Token[] {
	const raw = scan(a, norm, span.start, span.end);
	// the scan reports matches by end: sort (stably) only when some are out of start order
	if (!inStartOrder(raw)) sortNearlySorted(raw);
	// whether a name begins at `at` that is no bare short name (山南市), or lies within the name
	// before it (西藏|山南站): then the 山 that follows that name is not a mountain
	// (asked only when a name is followed by 山; the matches are in start order: a binary search finds them)
	const placeAt = (at: number, before: Pattern): boolean => {
		let lo = 0;
		let hi = raw.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (raw[mid].start < at) lo = mid + 1;
			else hi = mid;
		}
		for (let i = lo; i < raw.length; i++) {
			const r = raw[i];
			if (r.start > at) return false;
			const q = a.patterns[r.pattern];
			if (!q.bare || q.candidates.some((c) => before.candidates.some((b) => isWithin(c.code, b.code)))) return true;
		}
		return false;
	};
	const tokens: Token[] = [];
	let pos = span.start;
	for (let i = 0; i < raw.length; ) {
		const start = raw[i].start;
		let j = i;
		while (j < raw.length && raw[j].start === start) j++;
		if (start >= pos) {
			for (let k = i; k < j; k++) {
				const m = raw[k];
				const p = a.patterns[m.pattern];
				if (rejected(norm, m, p, placeAt)) {
					// 贺兰山东麓: the feature word is consumed with the name, so 山东 is not read from it
					if (p.bare && FEATURE.test(norm.slice(m.end, m.end + 5)) && !placeAt(m.end, p)) pos = Math.max(pos, m.end + 1);
					continue;
				}
				// 其中江苏…, 其中山东…: the 中 of 其中 (among them) begins no short name (中江, 中山)
				if (p.bare && norm.charCodeAt(m.start) === ZHONG && norm.charCodeAt(m.start - 1) === QI) continue;
				const candidates = narrowBySuffix(norm, m.end, p.candidates);
				if (candidates.length === 0) continue;
				// 19名山东省: a full name starting inside a bare county name (名山) and running past it wins
				// (a bare city name keeps its place: 珠海城市职业技术学院 names no 海城市)
				if (p.bare && candidates.every(needsSupport) && fullNameOverlaps(a, raw, j, m.end)) continue;
				tokens.push({ start: m.start, end: m.end, surface: p.name, candidates, anchored: false, code: null });
				pos = m.end;
				break;
			}
		}
		i = j;
	}
	return tokens;
}

/** Whether a match from raw[from] on starts before `end`, runs past it and is no bare short name (raw in start order). */
function fullNameOverlaps(a: Automaton, raw: RawMatch[], from: number, end: number): boolean {
	for (let q = from; q < raw.length && raw[q]!.start < end; q++) if (raw[q]!.end > end && !a.patterns[raw[q]!.pattern]!.bare) return true;
	return false;
}

/** Narrows a name by the place written right before it: 湖南|湘潭, 江苏省|鼓楼区, 北京市|朝阳区. */
function applyAdjacency(tokens: Token[]): void {
	for (let i = 1; i < tokens.length; i++) {
		const prev = tokens[i - 1];
		const t = tokens[i];
		if (prev.end !== t.start) continue;
		const kept = t.candidates.filter((c) => prev.candidates.some((p) => isWithin(c.code, p.code)));
		if (kept.length === 0) {
			// 臺灣大同技術學院: a bare city name right after a province it is not in names something there.
			const province = prev.candidates.length === 1 && division(prev.candidates[0].code)!.level === 'province';
			if (province && t.candidates.every((c) => c.kind === 'short' && division(c.code)!.level !== 'province')) t.candidates = [];
			continue;
		}
		t.candidates = kept;
		t.anchored = true;
		prev.candidates = prev.candidates.filter((p) => kept.some((c) => isWithin(c.code, p.code)));
	}
}

/** Whether a reading needs its parent named in the document: bare county names (北碚) and weak names (沛县, 城区) do. */
function needsSupport(c: Candidate): boolean {
	return (c.support ??= c.kind === 'weak' || shortCountyUnderCity(c));
}
/** A bare short county name (北碚) whose county sits under a city, not directly under its province. */
function shortCountyUnderCity(c: Candidate): boolean {
	const d = division(c.code)!;
	return c.kind === 'short' && d.level === 'county' && !provinceDirect(d);
}

/** What separates the items of a list of places. */
const LIST_MARK = '、，,和与及';

function resolve(tokens: Token[], norm: string): void {
	applyAdjacency(tokens);
	// Anchors: names with a single reading that stands on its own.
	const anchors = new Set<string>();
	for (const t of tokens) {
		if (t.candidates.length === 1 && (t.anchored || !needsSupport(t.candidates[0]))) anchors.add(t.candidates[0].code);
	}
	// Document context decides the remaining readings; the most prominent level breaks ties.
	for (const t of tokens) {
		if (t.candidates.length === 1) {
			t.code = t.candidates[0].code;
			continue;
		}
		// A province's own short name (河北) is its dominant reading: a parent named elsewhere (天津)
		// does not outweigh it, only the other reading written out in full (河北区) does.
		const score = (c: Candidate): number => {
			const d = division(c.code)!;
			let s = anchors.has(c.code) ? 4 : 0;
			if (d.level === 'province') return s + 3;
			if (d.parent && anchors.has(d.parent)) s += 2;
			const prov = c.code.slice(0, 2) + '0000';
			if (prov !== c.code && prov !== d.parent && anchors.has(prov)) s += 1;
			return s;
		};
		const best = pickUnique(t.candidates, score, 1) ?? pickUnique(t.candidates, (c) => rank(c.code), 0);
		t.code = best?.code ?? null;
	}
	// 长春、吉林、辽源: a name read as its province is the city when it stands in a list of cities.
	tokens.forEach((t, i) => {
		// (the level by the code, as the gazetteer gives it: most tokens are no province and need no lookup)
		if (!t.code || levelOf(t.code) !== 'province') return;
		const city = t.candidates.find((c) => division(c.code)!.level === 'city');
		if (!city) return;
		const isCity = (o: Token | undefined, a: number, b: number): boolean =>
			!!o?.code && division(o.code)!.level === 'city' && b - a === 1 && LIST_MARK.includes(norm[a]!);
		if (isCity(tokens[i - 1], tokens[i - 1]?.end ?? 0, t.start) || isCity(tokens[i + 1], t.end, tokens[i + 1]?.start ?? 0)) t.code = city.code;
	});
	// Bare county names (北碚) and weak ones (沛县, 城区) need their parent named somewhere.
	const resolved = new Set<string>();
	for (const t of tokens) if (t.code && !needsSupport(t.candidates.find((c) => c.code === t.code)!)) resolved.add(t.code);
	for (const t of tokens) {
		if (!t.code || t.anchored) continue;
		const c = t.candidates.find((x) => x.code === t.code)!;
		if (!needsSupport(c)) continue;
		// 城区, 郊区, 矿区: a one-character generic stem is an ordinary word unless its city is written right before.
		const weakGeneric = c.kind === 'weak' && t.surface.length <= 2 && GENERIC.has(t.surface[0]);
		const d = division(c.code)!;
		const parent = d.parent;
		// 清镇 in a text about 贵州: a county-level city is known by name across its province.
		const provinceNamed = c.kind === 'short' && d.name.endsWith('市') && resolved.has(c.code.slice(0, 2) + '0000');
		if (weakGeneric || !parent || !(resolved.has(parent) || provinceNamed)) t.code = null;
	}
}

/** The candidate with the highest score if it is the only one with it and the score is at least `min`. */
function pickUnique(cands: Candidate[], score: (c: Candidate) => number, min: number): Candidate | null {
	let best: Candidate | null = null;
	let top = -Infinity;
	let tie = false;
	for (const c of cands) {
		const s = score(c);
		if (s > top) {
			top = s;
			best = c;
			tie = false;
		} else if (s === top) tie = true;
	}
	return best && !tie && top >= min ? best : null;
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Every place mention inside the body ranges of `norm`, resolved to its division; names that stay
 * ambiguous (朝阳 with no context) or that need a parent the text never names are left out.
 * @example findPlaces('湖南湘潭县', [{ start: 0, end: 5 }]).map((m) => m.code) // ['430000', '430321']
 */
export function findPlaces(norm: string, body: Span[]): PlaceMention[] {
	automaton ??= buildAutomaton();
	const tokens: Token[] = [];
	// One at a time: spreading a span's tokens overflows the call stack on a megabyte of place names.
	for (const span of body) for (const t of tokenize(automaton, norm, span)) tokens.push(t);
	resolve(tokens, norm);
	const mentions: PlaceMention[] = [];
	for (const t of tokens) {
		if (!t.code) continue;
		const d: Division = division(t.code)!;
		mentions.push({ start: t.start, end: t.end, surface: norm.slice(t.start, t.end), code: d.code, name: d.name, level: d.level });
	}
	return mentions;
}

/**
 * Taiwan, Hong Kong and Macao: they stay venues of meetings, but the places a document covers are
 * the mainland divisions the dashboard counts and maps.
 */
const OUTSIDE_MAINLAND = ['71', '81', '82'];
export const outsideMainland = (code: string): boolean => OUTSIDE_MAINLAND.some((p) => code.startsWith(p));

function inTextOrder(mentions: PlaceMention[]): boolean {
	for (let i = 1; i < mentions.length; i++) if (mentions[i - 1]!.start > mentions[i]!.start) return false;
	return true;
}

/**
 * One mention per division, the first one, in text order (Taiwan, Hong Kong and Macao left out).
 * @example documentPlaces(findPlaces('南京，南京市', [{ start: 0, end: 6 }])).length // 1
 */
export function documentPlaces(mentions: PlaceMention[]): PlaceMention[] {
	const seen = new Set<string>();
	const out: PlaceMention[] = [];
	// (findPlaces gives them in text order: sorted, stably, only when they are not)
	for (const m of inTextOrder(mentions) ? mentions : [...mentions].sort((a, b) => a.start - b.start)) {
		if (seen.has(m.code) || outsideMainland(m.code)) continue;
		seen.add(m.code);
		out.push(m);
	}
	return out;
}
