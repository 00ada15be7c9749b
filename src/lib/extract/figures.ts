// What a figure counts and how it relates to the others (FORMAT.md, "What a figure counts, where,
// and whether it is a change"): its subject (the head noun phrase around the number, with the
// modifiers that change what is counted), whether it is the change of a level, and whether it is
// a part of another figure of the same document. Pure string logic on the clause around a number.
import { CharBits, everyMatchHolds, firstChars, hasCode, holdsCode, isSpaceCode } from './chars.ts';
import { findPlaces } from './places.ts';

// Guards on the regexes run on every figure's words: a regex is called only when the text holds
// one of the characters its matches start with (firstChars, exact by construction), or, for a
// regex anchored at ^, when the text opens with one. A scan of a few characters costs a fraction
// of a regex call, and most texts hold none of them.
// The words read from a text (its slices, the text with some characters removed) hold a subset of
// its characters, so one mask of the text (GUARDS.in) guards every regex run on them.
const GUARDS = new CharBits();
/** Whether s opens with a character of the guard. */
const opens = (s: string, bit: number): boolean => s.length > 0 && (GUARDS.of(s.charCodeAt(0)) & bit) !== 0;

/** Marks that end a phrase, by char code: [,，。；;：:] (CLAUSE), with 、 (CLAUSE_OR_LIST) or 的 (CLAUSE_OR_DE). */
const CLAUSE = 1;
const CLAUSE_OR_LIST = 2;
const CLAUSE_OR_DE = 4;
const MARK = new Uint8Array(0x10000);
for (const c of ',，。；;：:') MARK[c.charCodeAt(0)] = CLAUSE | CLAUSE_OR_LIST | CLAUSE_OR_DE;
MARK['、'.charCodeAt(0)] |= CLAUSE_OR_LIST;
MARK['的'.charCodeAt(0)] |= CLAUSE_OR_DE;
/** s up to its first mark of the kind: s.split(/[marks]/)[0] without the array. */
function upToMark(s: string, kind: number): string {
	for (let i = 0; i < s.length; i++) if (MARK[s.charCodeAt(i)]! & kind) return s.slice(0, i);
	return s;
}


/** Inserted pinyin (职业(yè)), bracketed pinyin (【zhí】), quotes and spaces: never part of a subject. */
const NOISE = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)|【[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}】|[“”‘’"'《》「」〈〉\s*]/g;

/** The characters NOISE can start with (JavaScript's \s included). */
const NOISE_FIRST = GUARDS.bit('(【“”‘’"\'《》「」〈〉*');
/** JavaScript's \s (isSpaceCode), which NOISE starts with too. */
const SPACE = GUARDS.bit('');
for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c)) GUARDS.add(c, SPACE | NOISE_FIRST);
/** Single characters the words before a number are searched for. */
const FROM_OR_TO = GUARDS.bit('由从');
const PAREN = GUARDS.bit('(（');
const DENG = GUARDS.bit('等');
const DE = GUARDS.bit('的');
const LIST_MARK = GUARDS.bit('、');
const DASH = GUARDS.bit('—');
/** 获, 摘, 夺: one of them stands in every WON match's first 22 characters. */
const WON_CUE = GUARDS.bit('获摘夺');
/** The division words every DIVISION_OPENS match holds. */
const DIVISION_WORD = GUARDS.bit('省市县区');

/** Words that end the noun phrase after a unit: verbs and links to what the phrase does. */
const HEAD_STOP =
	/参加|参与|参赛(?!选手|学生|队|教师|人员|代表|院校|作品|单位)|参会(?!代表|人员|嘉宾|单位)|出席|与会(?!代表|人员|嘉宾|单位)|到场|亮相|获得|荣获|获评|获|受到|组成|共同(?!体)|分别|进行|在(?!线)|将|已|被|成为|实现|达到|达|同台|同场|齐聚|欢聚|报名|通过|选派|派出|代表(?![队团])|开展|作了|作(?=[了出为交报发]|[^,，。]{0,10}(?:报告|发言|讲话|讲座|介绍))|做|为|纳入|列入|入选|入围|牵头(?!单位|院校|学校|企业|高校)|现场|展示(?![项区活])|正式|顺利|成功|提供|进入|完成|覆盖|涉及|包括|分布|集中(?=展示|比赛|开展|举行|进行|学习|培训|亮出)|承担|承办|协办|率先|竞相|角逐|出征|涵盖|凭借|凭着|依靠|(?<!部)分(?=获|列|赴)|围绕|通报|授牌|借助|圆满|后(?=[,，。的]|$)|均(?=为|是|已|在|来自|获|举办|开展|组织)|紧密|经过|开赛|开幕|举行|召开|落地|签约|签订|签署|直接|受益|带来|摘得|建立|观摩|参观|投档|莅临|来到|走进|前往|到(?![位岗])|以(?=线|视|网|多|各)|[近约超逾](?=[\d一二两三四五六七八九十百千万])|来自|成立|同步|陆续|与(?=来自|其|[\d一二两三四五六七八九十])|联办|合办|积极|纷纷|相继|全部|全面|主动|都|并肩|跻身|携手|联手|一同|一起|(?<![中高一二三四五六七八九十同平初上优次特])等|和(?=部分|其他|各|相关)|共计|合计|总计|共(?![同建享育])|计(?![划算])|中的|之一|以上|左右|[,，。；;：:!！?？()（）\d]|的|中(?=[,，、的有开])|(?:以及|[、和及与])(?=(?:约|近|超过|逾|共计|共|另有|上)?[\d一二两三四五六七八九十百千万]+)/;
/** Verbs that open the words after a unit: the figure counts people doing this (300余人出席大会). */
const HEAD_VERB = /^(?:通过|参加|参与|参赛(?!选手|学生|队|教师|人员|代表|院校|作品|单位)|参会(?!代表|人员|嘉宾)|出席|与会(?!代表|人员|嘉宾)|到场|报名|受益|实现|找到|就业(?=[,，。；;]|$)|参训(?!人员|学员|教师)|受训|获得|获|荣获|齐聚|欢聚|作|做)/;
/** Generic heads that read better with the action that follows them (8个单位作交流发言). */
const GENERIC_HEADS = new Set(['单位', '部门', '机构', '人员', '同志']);
const HEAD_VERB_FIRST = GUARDS.bit(firstChars(HEAD_VERB));
/** Words after a unit that continue a list or say how a level moved (增加到12337元). */
const MOVED = /^(?:[、和及与有是为]|增加|增长|提高|提升|上升|减少|下降|降低|达到|升至|降至|增至|(?:发展|扩大|扩展|增加|上升|提高)[到至])/;
/** Words after a unit that say what the figure is for (用于, 支持, 助力, 服务于). */
const PURPOSE = /^(?:支持|支援|用于|助力|服务于)/;
const MOVED_FIRST = GUARDS.bit(firstChars(MOVED));
/** 参赛选手, 与会代表 …: words that open a noun after a unit. */
const JOINED_NOUN = /^(?:参赛|参会|与会|参训|获奖|参展)(?=选手|学生|队|教师|人员|代表|院校|作品|单位|企业|嘉宾|学员)/;
const JOINED_NOUN_FIRST = GUARDS.bit(firstChars(JOINED_NOUN));

/** Verbs of making or holding: what follows them is what is counted (形成研究报告421份 → 研究报告). */
const MAKE = /(?:中有|[共喜再]获(?![得奖批])|夺得|斩获|形成|建立|建成|建设|组建|发表|出版|开展|开设|设置|设立|设有|建有|拥有|现有|共有|成立|举办|举行|召开|汇编|编写|编制|推出|打造|认定|评选出|评选|遴选|获批|获得|荣获|摘得|产生|决出|评出|吸引了|吸引|带动|推动|推进|实施|组织|共建(?!成|设)|开发|培育|申报|评审|邀请|敬邀|聘请|覆盖|涉及|包括|共设|分为|现设|提出|出台|印发|制定)/g;
/** Nouns too generic to tell what is counted without the kind named before them (学校, 院校). */
const GENERIC_SCHOOL = /^(?:学校|院校)$/;
/** Verbs that alone say nothing of what is counted (帮助32.8万人实现转移就业: the action follows). */
const BARE_VERBS = new Set(['帮助', '带动', '吸引', '促进', '推动', '组织', '引导', '服务', '惠及', '包括', '涉及', '覆盖']);
const MAKE_FIRST = GUARDS.bit(firstChars(MAKE));
const HUO = '获'.charCodeAt(0);
/**
 * Where the verb of a MAKE match starts: 获 after 共, 喜 or 再 (共获, 喜获, 再获) is matched with the
 * character before it, as a lookbehind there made every search of MAKE three times slower.
 */
const verbStart = (m: RegExpExecArray): number => (m[0].length === 2 && m[0].charCodeAt(1) === HUO && hasCode('共喜再', m[0].charCodeAt(0)) ? m.index + 1 : m.index);
/** Verbs that introduce the members of a class (竞赛项目包括A、B、C三类): the class is counted. */
// (出席会议的还有A、B、C代表120人: after 还有 or 另有 the list itself is counted; so after 中有: 社员中有A、B 80人)
const LISTS = /(?:包括|分为|涉及|覆盖|(?<![还另中])有)(?=[^,，]*、)|包括(?=[^,，]*共)/;
const LISTS_FIRST = GUARDS.bit(firstChars(LISTS));
/** Words that end the words before a number without saying what is counted (达到, 共计, 约), longest first. */
const TAIL_WORDS = ['只有', '仅有', '上升到', '提高到', '提升到', '增加到', '下降到', '减少到', '达到了', '保持在', '连续', '稳定在', '维持在', '不少于', '不低于', '已经', '共计', '合计', '总计', '累计', '达到', '高达', '多达', '将近', '接近', '不足', '不到', '近乎', '大约', '一行', '超过', '突破', '至少', '分别', '先后', '年均', '每年', '全年', '当年', '升至', '增至', '降至', '占到', '破', '已', '共', '计', '达', '为', '是', '有', '约', '近', '逾', '超', '在', '了', '的', '占', '仅', '只'];
/** Measure words a tail may start with (总数达, 人数为). */
const TAIL_HEADS = ['总人数', '总数', '人数', '数量', '规模'];

/** TAIL_WORDS by their last character, each list in TAIL_WORDS' order (longest first). */
const TAIL_BY_LAST = new Map<number, string[]>();
for (const w of TAIL_WORDS) {
	const c = w.charCodeAt(w.length - 1);
	const list = TAIL_BY_LAST.get(c);
	if (list) list.push(w);
	else TAIL_BY_LAST.set(c, [w]);
}

/** Years that end the words before a number (连续3年, 10年来). */
const YEARS = /(?:连续(?:\d+|[一二两三四五六七八九十]{1,3})年|\d+年来)$/;
const YEARS_FIRST = GUARDS.bit(firstChars(YEARS));

/** `b` without the words at its end that say nothing of what is counted (see TAIL_WORDS). */
function stripTail(b: string, cues: number): string {
	// `cues`: GUARDS.in(b) or of a text holding it
	const from = b.length;
	for (let changed = true; changed && b.length > 0; ) {
		changed = false;
		// only the words ending in b's last character can end b
		for (const w of TAIL_BY_LAST.get(b.charCodeAt(b.length - 1)) ?? []) {
			if (b.endsWith(w)) {
				b = b.slice(0, -w.length);
				changed = true;
				break;
			}
		}
		if (changed) continue;
		const last = b[b.length - 1];
		const prev = b[b.length - 2] ?? '';
		// 均 after a head word is 生均/师均 (a measure); 上 after 达/超 is 达上亿
		if ((last === '均' && !'生师校人户年日'.includes(prev)) || (last === '上' && prev !== '' && '达有超近过至'.includes(prev))) {
			b = b.slice(0, -1);
			changed = true;
			continue;
		}
		const years = cues & YEARS_FIRST ? YEARS.exec(b.length > 8 ? b.slice(-8) : b) : null;
		if (years) {
			b = b.slice(0, b.length - years[0].length);
			changed = true;
		}
	}
	if (b.length < from) for (const w of TAIL_HEADS) if (b.endsWith(w) && b.length > w.length) return b.slice(0, -w.length);
	return b;
}
/** Words that open the words before a number without saying what is counted. */
const LEAD =
	/^(?:其中|此外|另有|另外|另|线上线下|线上|线下|为[^,，]{2,12}?(?:发展|建设|振兴|服务)|来自|[\d一二三四五六七八九十百千万亿.]+(?:多|余)?[个所名位家支项](?=[\u4e00-\u9fff]{2})|同时|以及|并且|并|还|也|又|而|和|及|与|、|的|由|从|(?:该|这|此)[批个所项类]?|其他|部分|占(?!地)|[-—–~至到]\d{4}年度?|连续[一二三四五六七八九十\d]+年|目前|当前|现在|现|截至[^,，]{0,10}?(?:底|末|止)|截止[^,，]{0,10}?(?:底|末|止)|\d{4}年度?|\d{4}—\d{4}学?年度?|\d{1,2}月(?:份)?|今年|去年|当年|全年|本学年|本年度|近年来|近\d+年|\d+年来|平均(?=每|年均)|提前[一二两三四五六七八九十\d]{1,2}(?:年|个月)(?:实现|完成)?|每年|年均|年|(?:面向|向)社会(?=[\u4e00-\u9fff]{2})|全国|全省|全市|全区|全县|全校|全院|我国|我省|我市|我区|我县|我校|本省|本市|本校|各地|累计|共|已|均|有)+/;
/**
 * A division's name opening the words before a number (某某市共, 某某省): two to five characters and a
 * division word, confirmed by the gazetteer (namesDivision).
 */
const PLACE_LEAD = /^([\u4e00-\u9fff]{2,5}?[省市县区])(?:共|累计|已|先后|现有|有)?(?=[\u4e00-\u9fff]{2})/;

/** Whether s holds 省, 市, 县 or 区 at one of its indices 2 to 5, where every PLACE_LEAD match has its division word. */
const placeWordAt2To5 = (s: string): boolean => holdsCode(s, '省市县区', 2, 6);

/** Whether a few characters are exactly one division's name (阜阳市; not 川渝区 of 川渝区域). */
function namesDivision(name: string): boolean {
	let named = DIVISION_NAMES.get(name);
	if (named === undefined) {
		named = findPlaces(name, [{ start: 0, end: name.length }]).some((p) => p.start === 0 && p.end === name.length);
		// (a few thousand short names at most: the table is emptied rather than grown without bound)
		if (DIVISION_NAMES.size >= 4096) DIVISION_NAMES.clear();
		DIVISION_NAMES.set(name, named);
	}
	return named;
}
/** namesDivision's answers by name (the gazetteer does not change while the module lives). */
const DIVISION_NAMES = new Map<string, boolean>();
/** A year inside the words before a number, with what is counted after it (学校中2018年招生学校). */
const INNER_YEAR = /(?<=[\u4e00-\u9fff])(?:19|20)\d\d年度?(?=[\u4e00-\u9fff]{2,})/;
/** Adverbs inside the phrase that say nothing about what is counted (中职学校共招收新生). */
const LEAD_FIRST = GUARDS.bit(firstChars(LEAD));
const INNER = /(?:已经|已|共(?![同建享育促青])|累计|分别|先后|各类|了)/g;
const INNER_FIRST = GUARDS.bit(firstChars(INNER));
/** A change of a level said before the number (同比增长, 比上年增加): not what is counted. */
const CHANGE_TAIL = /(?:同比|环比|比[^,，]{0,8}?|较[^,，]{0,8}?)?(?:增加|增长|提高|提升|上升|减少|下降|降低)了?$/;
/** Every match of CHANGE_TAIL holds one of its verbs, which start with these (its first group is optional). */
const CHANGE_TAIL_HOLDS = GUARDS.bit(firstChars(/(?:增加|增长|提高|提升|上升|减少|下降|降低)/));
/** An earlier figure of the same clause (专题学习研讨2次、中心组学习): the subject starts after it. */
const EARLIER_FIGURE = /(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万亿]+)(?:万|亿)?(?:多|余)?(?![年届级月日号\d.])[^\d、,，和及与的]{1,4}[、,，和及与的]/g;
/** The characters EARLIER_FIGURE starts with. */
const NUMERAL = GUARDS.bit(firstChars(EARLIER_FIGURE));
/** A level reached from another (由30%提升到80%, 从12216万元增加到): the subject stands before 由/从. */
const FROM_TO = /(?:由|从)(?:$|[^,，由从]*(?:\d|几[十百千万])[^,，由从]*$)/;
/** Verbs by which a subject keeps or reaches a rate (保持, 实现), followed by the measure itself. */
const KEEPS = /(?:保持|实现|维持)(?=[^,，]{2,}$)/;
/** Rate words that already name the measure (就业率, 占比). */
const RATE_WORD = /(?:率|比|比重|比例|占比|份额|倍数)$/;

const isHan = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;

/** Where /\s+[^\s]*$/ matches in s (the start of its last run of spaces), or -1; read from the end. */
function lastSpaceRun(s: string): number {
	let i = s.length - 1;
	while (i >= 0 && !isSpaceCode(s.charCodeAt(i))) i--;
	if (i < 0) return -1;
	while (i > 0 && isSpaceCode(s.charCodeAt(i - 1))) i--;
	return i;
}

/** Whether the run of spaces at s[gap] runs to the end of s. */
function lastSpaceRunEnds(s: string, gap: number): boolean {
	for (let i = gap; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
	return true;
}

/** The subject's characters: no pinyin, quotes or spaces. */
export function cleanSubject(s: string, mask = GUARDS.in(s)): string {
	// most clauses carry none of it: test before building a new string
	return mask & NOISE_FIRST ? s.replace(NOISE, '') : s;
}

/**
 * `b` without what `re` (anchored at $) matches at its end, searched in its last 16 characters
 * only: an end-anchored pattern tried from every position of a long clause is slow.
 */
function stripEnd(b: string, re: RegExp): string {
	if (b.length <= 16) return b.replace(re, '');
	return b.slice(0, -16) + b.slice(-16).replace(re, '');
}


/** A division word opening the words after a unit, then who of those divisions or more of them (及, 的, 职业院校, 代表队). */
const DIVISION_HEAD = /^(?:省区市|省市|省份|省|盟市|地市|市州|市县|市|县市区|县区|县市|县|区县|区|地区|州)(?=[及和与的]|职业|代表|师生|学校|院校)/;
const JU = '举'.charCodeAt(0);
const LE_CODE = '了'.charCodeAt(0);
/** Markers and words between the unit and its noun (余, 以上, 的, 线上线下). */
const HEAD_LEAD = /^(?:余|多|以上|左右|及以上)?(?:人民币)?的?(?:线上线下|线上|线下)?(?:来自[^,，。的]{1,40}的|来自[^,，。的]{1,16}?(?=嘉宾|代表|专家|学者|教师|学生|选手|师生|校长|领导))?/;

/** The noun phrase right after the unit, and the verb phrase when the words after start with a verb. */
function afterUnit(head: string, cues: number): { noun: string; verb: string } {
	// `cues`: GUARDS.in(head) or of a text holding it
	// HEAD_LEAD matches nothing unless the head opens with one of its first characters
	let h = hasCode('余多以左及人的线来', head.charCodeAt(0)) ? head.replace(HEAD_LEAD, '') : head;
	const verb = opens(h, HEAD_VERB_FIRST) && HEAD_VERB.test(h) ? upToMark(h.replace(/了|本次|这次|此次|^实现/g, ''), CLAUSE).slice(0, 10) : '';
	if (verb) return { noun: '', verb };
	// a list goes on, or the words say how the level moved (增加到12337元): no noun here
	if (opens(h, MOVED_FIRST) && MOVED.test(h)) return { noun: '', verb: '' };
	// 补充教师300多名支持职业教育发展: what the figure serves, not what it counts
	if (hasCode('支用助服', h.charCodeAt(0)) && PURPOSE.test(h)) return { noun: '', verb: '' };
	// 县(市), 省(自治区、直辖市): a bracket of division words belongs to the noun
	if (cues & PAREN && h.includes('(')) h = h.replace(/^([\u4e00-\u9fff]{0,4})\([省市区县自治直辖、]{1,12}\)/, '$1');
	// 12个盟市职业院校师生, 13个市及学院代表队: a count of divisions, whoever of them is named after
	if (hasCode('省市县区盟地州', h.charCodeAt(0))) {
		const div = DIVISION_HEAD.exec(h);
		if (div) return { noun: div[0], verb: '' };
	}
	// 12次举办某大赛: the events held are what is counted (FORMAT.md: 举办32届说课活动 -> 说课活动)
	if (h.charCodeAt(0) === JU && h.startsWith('举办') && h.length >= 5) h = h.slice(h.charCodeAt(2) === LE_CODE ? 3 : 2);
	// 代表, 参赛选手 open a noun here (700名代表注册参会); those words are verbs only after one
	const from = h.startsWith('代表') || (opens(h, JOINED_NOUN_FIRST) && JOINED_NOUN.test(h)) ? 2 : 0;
	const found = h.slice(from).search(HEAD_STOP);
	const stop = found < 0 ? -1 : found + from;
	h = stop < 0 ? h : h.slice(0, stop);
	h = h.length > 2 && h.endsWith('中') ? h.slice(0, -1) : h;
	// a list of those counted (领导、职能部门负责人、专业带头人) may run longer
	// (a word cut at 10 characters is kept whole when the noun stops within 14: 省级行业产教融合共同体)
	// (a head that ends within 12 characters with no stop is the whole noun: 省级示范性实习实训基地)
	const noun = h.slice(0, h.charCodeAt(10) && h.slice(0, 10).includes('、') ? 20 : stop > 10 && stop <= 14 ? stop : stop < 0 && h.length <= 12 ? 12 : 10);
	// the marks stripped are the noun's last characters, or there are none
	return { noun: hasCode('、和及与', noun.charCodeAt(noun.length - 1)) ? noun.replace(/[、和及与]+$/, '') : noun, verb: '' };
}

/** The words before the number that name what is counted, with time, place and verbs of making taken off. */
function beforeNumber(before: string, rate: boolean, cues: number): string {
	// `cues`: GUARDS.in(before) or of a text holding it; every b below is before with parts removed
	let b = before;
	const from = cues & FROM_OR_TO ? FROM_TO.exec(b) : null;
	if (from) b = b.slice(0, from.index);
	let after = -1;
	// an earlier figure starts with a numeral: most words before a number hold none
	if (cues & NUMERAL) {
		EARLIER_FIGURE.lastIndex = 0;
		for (let m = EARLIER_FIGURE.exec(b); m; m = EARLIER_FIGURE.exec(b)) after = m.index + m[0].length;
	}
	if (after > 0) b = b.slice(after);
	if (cues & CHANGE_TAIL_HOLDS) b = stripEnd(b, CHANGE_TAIL);
	// inside a bracket: what the bracket counts (105.46万人(其中技工学校在校生)
	const open = cues & PAREN ? Math.max(b.lastIndexOf('('), b.lastIndexOf('（')) : -1;
	if (open >= 0 && b.indexOf(')', open) < 0 && b.indexOf('）', open) < 0) b = b.slice(open + 1);
	// examples closed by 等 name members of the class after it (人工智能、化学工艺等专业)
	const deng = b.length > 14 && cues & DENG ? b.lastIndexOf('等') : -1;
	if (deng >= 0 && b.length - deng > 2) b = b.slice(deng + 1);
	// LISTS looks ahead for a 、 (or 共 after 包括)
	const list = cues & LISTS_FIRST && (cues & LIST_MARK || b.includes('包括')) ? LISTS.exec(b) : null;
	if (list && list.index >= 2) b = b.slice(0, list.index);
	// a list closed by 等 names the counted: 政府部门负责人、企业代表等百余人
	if (b.endsWith('等')) b = b.slice(0, -1);
	b = stripTail(b, cues);
	// what a verb of making makes: the words after the last one
	MAKE.lastIndex = 0;
	let cut = -1;
	// a share keeps its whole definition (毕业生获得职业资格证书的比例)
	let verbAt = -1;
	if (!rate && cues & MAKE_FIRST) for (let m = MAKE.exec(b); m; m = MAKE.exec(b)) if (m.index + m[0].length < b.length) (cut = m.index + m[0].length), (verbAt = verbStart(m));
	if (cut > 0) {
		// 全国中等职业教育共有学校1.03万所: a generic noun takes the kind named before the verb
		// (GENERIC_SCHOOL matches two characters exactly)
		let kind = b.length - cut === 2 && GENERIC_SCHOOL.test(b.slice(cut)) ? b.slice(0, verbAt) : '';
		for (let prev = ''; kind && prev !== kind && opens(kind, LEAD_FIRST); ) (prev = kind), (kind = kind.replace(LEAD, ''));
		b = /^[\u4e00-\u9fff]{2,8}$/.test(kind) ? kind + b.slice(cut) : b.slice(cut);
	}
	// the last 的-phrase when the words are long (来自…的政府部门负责人)
	if (b.length > 16 && !rate && cues & DE) {
		const de = b.lastIndexOf('的');
		if (de >= 0 && b.length - de > 2) b = b.slice(de + 1);
	}
	// LEAD is anchored: it matches only where b opens with one of its first characters
	for (let prev = ''; prev !== b && opens(b, LEAD_FIRST); ) {
		prev = b;
		b = b.replace(LEAD, '');
	}
	// 中职学校中2018年招生学校: a year inside the words dates the figure; what is counted follows it
	if (b.length > 6 && b.includes('年')) {
		const year = INNER_YEAR.exec(b);
		if (year) b = b.slice(year.index + year[0].length);
	}
	// 阜阳市共投资: the division is the figure's place (its scope), not part of what it counts
	for (let k = 0; k < 2 && b.length > 4; k++) {
		// (PLACE_LEAD's division word stands at index 2 to 5)
		const m = placeWordAt2To5(b) ? PLACE_LEAD.exec(b) : null;
		if (!m || !namesDivision(m[1]!)) break;
		b = b.slice(m[0].length);
	}
	if (cues & INNER_FIRST) b = b.replace(INNER, '');
	if (!rate && BARE_VERBS.has(b)) return '';
	// a list of those counted (政府部门负责人、企业代表、职业院校及劳务机构代表) may run longer
	const max = rate ? 20 : b.includes('、') ? 24 : 16;
	if (b.length <= max) return b;
	// cut at a list mark rather than inside a word (…院校和企业代表, not 业教育专家…)
	const last = b.slice(-max);
	const mark = last.search(/[、和及与]/);
	if (mark >= 0 && mark < 6) return last.slice(mark + 1);
	// a cut inside a division's name (银川|市人大…) starts after the name instead
	for (let k = 0; k < 3; k++) {
		if (!hasCode('省市县区', last.charCodeAt(k))) continue;
		const end = b.length - max + k + 1;
		for (let len = 2; len <= 5; len++) if (end - len >= 0 && end - len < b.length - max && namesDivision(b.slice(end - len, end))) return last.slice(k + 1);
	}
	return last;
}


/**
 * What a figure counts, as the text names it: the noun phrase after the unit (19所中职院校 →
 * 中职院校), else the words before the number (形成研究报告421份 → 研究报告), else the action
 * that follows (300余人出席大会 → 出席大会). Null when the clause names nothing.
 * `previous` is the clause before the figure's, read when the figure's clause opens with 由/从;
 * `out.topic` receives the topic that offers the counted noun (高职组设立7个专业类别 → 高职组),
 * which tells figures of one noun apart when a document has several (see withTopics).
 * @example subjectOf('全省', '高职院校集中亮出成果', '所') // '高职院校'
 */
export function subjectOf(before: string, head: string, unit: string, previous = '', out?: { topic: string }): string | null {
	// a subject lies within a few words of its number: bound the work on long clauses; a line
	// break or a wide gap ends a headline or a block, not the subject
	before = before.length > 40 ? before.slice(-40) : before;
	// the guard bits of the words before: what is read from them below holds a subset of them
	const cues = GUARDS.in(before);
	const gap = cues & SPACE ? lastSpaceRun(before) : -1;
	// (spaces right before the number are no gap: 在校生总数为 18.72万人)
	if (gap > 0 && isHan(before.charCodeAt(gap - 1))) before = lastSpaceRunEnds(before, gap) ? before.trimEnd() : before.slice(gap).trimStart();
	// a dash opens an aside: the subject lies after it (…产业发展——当前装机容量增长128%)
	const dash = cues & DASH ? before.lastIndexOf('——') : -1;
	if (dash >= 0) before = before.slice(dash + 2);
	before = cleanSubject(before, cues);
	// 委员会(以下简称委员会)组成人员: a short name given in brackets is no part of what is counted
	if (cues & PAREN && before.includes('以下简称')) before = before.replace(/[(（]以下简称[^)）]{0,16}[)）]/g, '');
	head = head.length > 40 ? head.slice(0, 40) : head;
	const cuesHead = GUARDS.in(head);
	head = cleanSubject(head, cuesHead);
	previous = previous.length > 40 ? previous.slice(-40) : previous;
	// 5系1部, 8大类, 八县(市): the unit is the noun counted
	if (NOUN_UNITS.has(unit)) {
		const bracket = /^\([省市区县自治直辖、]{1,12}\)/.exec(head);
		return unit + (bracket ? bracket[0] : '');
	}
	let after = afterUnit(head, cuesHead);
	// 61所院校以及某国代表队、某国等8个国际代表队: what follows the conjunction is counted by a figure of its own
	if (cuesHead & DENG && after.noun.length >= 4) {
		const joined = CONJUNCTION.exec(after.noun);
		if (joined && joined.index >= 2 && COUNTED_NEXT.test(upToMark(head.slice(joined.index), CLAUSE))) after = { noun: after.noun.slice(0, joined.index), verb: '' };
	}
	// 114名怀揣梦想的学徒, 60位企业一线的兼职教师: people, described before 的, are counted
	const described = cuesHead & DE ? (PEOPLE.has(unit) ? DESCRIBED_PEOPLE : unit === '家' || unit === '所' ? DESCRIBED_BODIES : unit === '个' || unit === '项' ? DESCRIBED_THINGS : null)?.exec(head) : null;
	if (described) after = { noun: described[1]!, verb: '' };
	// 举办了18期3700多位教师参加的培训班: events counted, described before 的, their kind closing the clause
	// (面向企业职工的专题讲座: a noun that names no event is part of the description)
	else if (cuesHead & DE && EVENT_COUNT_UNITS.has(unit) && !/会|赛|班|讲座|活动|论坛|展|培训/.test(after.noun)) {
		const kind = DESCRIBED_EVENTS.exec(upToMark(head, CLAUSE));
		if (kind) after = { noun: kind[1]!, verb: '' };
	}
	// 9所中职院校主要负责人, 22家企业负责人: the bodies are counted, the people are who came for them
	else if ((unit === '所' || unit === '家') && after.noun.length > 4) {
		const envoy = ENVOYS.exec(after.noun);
		if (envoy) after = { noun: envoy[1]!, verb: after.verb };
	}
	// 14个体现甲、乙、丙等方面的新联盟: a list closed by 等…的 describes the things counted after it
	else if (cuesHead & DENG && cuesHead & DE && (unit === '个' || unit === '项')) {
		const listed = LISTED_THINGS.exec(head);
		if (listed) after = { noun: listed[1]!, verb: '' };
	}
	const rate = unit === '%' || unit === '倍' || unit === '个百分点' || unit === '百分点' || unit === '成';
	let pre = beforeNumber(before, rate, cues);
	// ，由2003年的46%上升到…: the measure was named in the clause before
	if (!pre && hasCode('由从', before.charCodeAt(0)) && previous) {
		const clean = cleanSubject(previous);
		pre = beforeNumber(clean, rate, GUARDS.in(clean));
	}
	if (rate) {
		if (pre && RATE_WORD.test(pre)) {
			// 学院连续八年保持初次就业率: the measure kept, not who keeps it
			const kept = pre.length > 4 ? KEEPS.exec(pre) : null;
			return kept ? pre.slice(kept.index + kept[0].length) : pre;
		}
		// 70%以上为职业院校毕业生: what the share is of
		const rest = head
			.replace(/^(?:以上|左右|及以上)?(?:的|为|是|来自)?/, '')
			.replace(/^(?:增加|增长|提高|提升|上升|减少|下降|降低|达到|升至|降至|增至|到).*/, '');
		const tail = after.noun || after.verb || rest.slice(0, Math.max(0, rest.search(/[,，。；;、]|$/))).slice(0, 10);
		const s = (pre + tail).slice(0, 20);
		return s.length >= 2 ? s : null;
	}
	// 投资7.5亿元的职业学校, 占地300亩的校区: a measure that describes the noun after 的 is named before it
	// when a measure word stands there
	if (pre.length >= 2 && MEASURES.has(unit) && head.charCodeAt(0) === DE_CODE && MEASURE_WORD.test(pre)) {
		// the last item of a list (学校和投资) and no 随着 before it
		let k = pre.length - 2;
		while (k > 0 && !hasCode('、和及与', pre.charCodeAt(k))) k--;
		const last = k > 0 ? pre.slice(k + 1) : pre;
		return last.startsWith('随着') && last.length > 3 ? last.slice(2) : last;
	}
	// 天津、贵州等5个省: examples before the number, the class after it
	// 1个国家级、2个自治区级现场工程师培养项目: a level before the next figure shares the noun of the last one
	if (after.noun.length >= 2 && after.noun.length <= 5 && after.noun.endsWith('级') && head.charCodeAt(after.noun.length) === LIST_MARK_CODE) {
		const shared = SHARED_NOUN.exec(head.slice(after.noun.length + 1));
		if (shared) after = { noun: (after.noun + shared[1]!).slice(0, 24), verb: '' };
	}
	// 某校等8所学校成为国家级示范学校: generic bodies named by the title they receive
	// (GENERIC_BODY matches four characters at most, and ends with one of GENERIC_BODY_LAST)
	if (after.noun && after.noun.length <= 4 && hasCode(GENERIC_BODY_LAST, after.noun.charCodeAt(after.noun.length - 1)) && GENERIC_BODY.test(after.noun)) {
		const titled = TITLED.exec(head.slice(head.indexOf(after.noun) + after.noun.length));
		if (titled) {
			let title = titled[1]!;
			const place = PLACE_LEAD.exec(title);
			if (place && namesDivision(place[1]!)) title = title.slice(place[1]!.length);
			if (title.length >= 4) return title;
		}
	}
	const examples = before.endsWith('等') && after.noun.length >= 1;
	// 四个市, 两个县: a division word alone is the noun counted
	// (省内14个市、中原经济区13个市: the division word, not the list that follows it)
	// (省、自治区、直辖市 is one list of division kinds)
	if (after.noun.length > 2 && after.noun.charCodeAt(1) === LIST_MARK_CODE && hasCode('省市县区国', after.noun.charCodeAt(0)) && !DIVISION_KINDS.test(after.noun.slice(2))) after = { noun: after.noun[0]!, verb: '' };
	const division = after.noun.length === 1 && hasCode('省市县区国', after.noun.charCodeAt(0));
	if (after.noun.length >= 2 || (after.noun.length === 1 && (!pre || examples || division))) {
		const action = distinguishingAction(head, after.noun, unit);
		if (action) return action + after.noun;
		const topic = topicOf(before, cues);
		if (topic && !after.noun.startsWith(topic) && out) out.topic = topic;
		if (GENERIC_HEADS.has(after.noun)) {
			const action = upToMark(head.slice(after.noun.length).replace(/^(?:在会上|在大会上|会上)?(?:共同|分别)?(?:作了|作|做了|做)?/, ''), CLAUSE_OR_DE).slice(0, 8);
			if (action.length >= 2) return action + after.noun;
		}
		return after.noun;
	}
	// …共计430余人参加了本次会议: the total of a long list is named by what they did
	if (after.verb.length >= 2 && before.endsWith('共计')) return after.verb;
	// 学术年会…40多万人参与学术交流: who and what they did, while short
	// (院校代表270余人参加了会议: people named before the number are the subject; the verb adds nothing)
	if (pre.length >= 2 && after.verb.length >= 2 && PEOPLE.has(unit) && !/[、和及与]/.test(pre) && pre.length + after.verb.length <= 12 && !PERSON_NOUN.test(pre)) return pre + after.verb;
	// 出席大会的代表400多位: those attending are the 代表
	const attending = '出参列'.includes(pre[0] ?? '') ? /^(?:出席|参加|参与|列席)[^的]{1,8}的([\u4e00-\u9fff]{2,6})$/.exec(pre) : null;
	if (attending) return attending[1]!;
	if (pre.length >= 1) return pre;
	if (after.verb.length >= 2) return after.verb;
	return null;
}

/**
 * Subjects with their topic where one document counts the same noun under several topics
 * (市属高职院校 … 18个大类 and 中职学校 … 15个大类 → 市属高职院校大类, 中职学校大类).
 * @example withTopics([{ subject: '大类', topic: '高职组' }, { subject: '大类', topic: '中职组' }]) // ['高职组大类', '中职组大类']
 */
export function withTopics(figs: ReadonlyArray<{ subject: string | null; topic: string }>): Array<string | null> {
	const topics = new Map<string, Set<string>>();
	for (const f of figs) {
		if (!f.subject || !f.topic) continue;
		const set = topics.get(f.subject) ?? new Set<string>();
		set.add(f.topic);
		topics.set(f.subject, set);
	}
	return figs.map((f) => (f.subject && f.topic && (topics.get(f.subject)?.size ?? 0) >= 2 ? f.topic + f.subject : f.subject));
}

/** Verbs by which a topic offers what is counted (市属高职院校开设专业覆盖18个大类). */
const OFFER = /(?:开设|设立|设置|覆盖|建成|建有|设有|共设|分为|包括)/;
const OFFER_FIRST = GUARDS.bit(firstChars(OFFER));

/**
 * The short topic of a clause that offers what is counted (高职组设立7个专业类别 → 高职组):
 * it tells apart figures of the same noun (中职组 and 高职组 专业类别). '' when none.
 */
function topicOf(before: string, cues: number): string {
	const b = before;
	const m = cues & OFFER_FIRST ? OFFER.exec(b) : null;
	if (!m) return '';
	let t = b.slice(0, m.index);
	for (let prev = ''; prev !== t; ) {
		prev = t;
		t = stripTail(t.replace(LEAD, ''), cues);
	}
	t = t.replace(/(?:本次|本届|该校|我校|学校|学院|大赛|比赛|竞赛|专业)+$/, '').replace(/^(?:本次|本届)/, '');
	return t.length >= 2 && t.length <= 6 && !/[的、,，]/.test(t) ? t : '';
}

const PEOPLE = new Set(['人', '名', '位', '人次']);
/** Generic bodies that a title received tells apart (学校, 院校, 单位, 县(市)). */
const GENERIC_BODY = /^(?:[\u4e00-\u9fff]{0,2}(?:学校|院校)|单位|企业|高校|[县市区](?:\([市区县]\))?)$/;
/** The last characters of GENERIC_BODY's matches. */
const GENERIC_BODY_LAST = '校位业县市区)';
/** A title received right after the noun (成为, 入选, 被授予, 被评为, 获批, 被确定为 …): the title. */
const TITLED = /^(?:\([市区县]\))?(?:均|先后|分别)?(?:被)?(?:成为|入选|授予|评为|获批|确定为|认定为|列为|命名为)(?:为)?(?:了)?([^,，。；、]{2,24}?)(?=[,，。；]|$)/;
/** A conjunction inside a noun (以及, 及, 和, 与 but not 参与). */
const CONJUNCTION = /以及|及|和|(?<!参)与/;
/** A list closed by 等 and a number: its members are counted by that number (等八个国际代表队). */
const COUNTED_NEXT = /等(?:\d|[一二两三四五六七八九十百])/;
/** Words that end a noun naming people (代表, 记者, 负责人): such a noun before the number is what it counts. */
const PERSON_NOUN = /(?:代表|记者|嘉宾|同志|人员|专家|学者|教师|老师|学生|选手|师生|校长|院长|领导|负责人|干部|职工|员工|家长|市民|社员|会员|学员|成员)$/;
/** Units of money, area and weight: what they measure is never the noun they describe. */
const MEASURES = new Set(['元', '亩', '平方米', '吨']);
const DE_CODE = '的'.charCodeAt(0);
/** Words that name a measure before its number (投资, 占地, 建筑面积): 提供了2000万元的实训设备 names none. */
const MEASURE_WORD = /(?:投资|投入|占地|面积|资金|经费|总额)$/;
const LIST_MARK_CODE = '、'.charCodeAt(0);
/** The next item of a list of levels (2个自治区级职业教育…项目): its noun after its own level word. */
const SHARED_NOUN = /^(?:\d+|[一二两三四五六七八九十]+)[个项所家][\u4e00-\u9fff]{0,4}?级([\u4e00-\u9fff]{2,20}?)(?=[后中的,，。；、]|$)/;
/** Words for kinds of divisions (自治区, 直辖市 …) that continue a list of them. */
const DIVISION_KINDS = /^(?:自治区|直辖市|计划单列市|地区|自治州|盟|[省市县区])/;
/** A description, 的, then the bodies counted (具有独立法人地位的单位). */
const DESCRIBED_BODIES = /^(?:余|多)?(?!来自)[^,，。；;、的\d]{2,10}的([\u4e00-\u9fff]{0,4}?(?:单位|企业|学校|院校|机构|公司|高校|成员))/;
/** A description opened by a verb, 的, then the things counted (11个聚焦“新赛道”的共同体成功入选). */
const DESCRIBED_THINGS = /^(?:聚焦|面向|服务|坚持|落实|融合|支撑|着力|统筹|结合|提升)(?![”’])[^,，。；;、的]{2,20}的([\u4e00-\u9fff]{2,10}?)(?=[在成获被入已将,，。；;、和与及]|$)/;
/** A list closed by 等 (and a kind word), 的, then the things counted (体现甲、乙等方面的新联盟). */
const LISTED_THINGS = /^[^,，。；;的将在已为被是]{2,30}?、[^,，。；;的将在已为被是]{1,12}等(?:方面|领域|类型|行业|类别|内容)?的([\u4e00-\u9fff]{2,10}?)(?=[在成获被入已将,，。；;、和与及]|$)/;
/** Units events are counted in. */
const EVENT_COUNT_UNITS = new Set(['期', '场', '次', '届', '批']);
/** A description, 的, then the events counted, ending the clause (…教师参加的培训班). */
const DESCRIBED_EVENTS = /的([\u4e00-\u9fff]{0,6}?(?:培训班|研修班|培训|会议|活动|比赛|竞赛|大赛|讲座|论坛|展览|宣讲会|研讨会|座谈会|交流会|报告会))$/;
/** Bodies, then the people who represent them (中职院校主要负责人, 企业代表). */
const ENVOYS = /^([\u4e00-\u9fff]{0,10}?(?:院校|学校|高校|企业|单位|机构|公司|学院|大学))的?(?:主要)?(?:负责人|负责同志|代表|校长|书记|院长|领导|董事长|总经理)$/;
/** A description, 的, then the people counted (怀揣梦想的学徒). */
const DESCRIBED_PEOPLE = /^(?:余|多)?(?!来自)[^,，。；;、的\d]{2,10}的([\u4e00-\u9fff]{0,4}?(?:教师|老师|学生|学徒|选手|代表|专家|嘉宾|学员|师生|同学|家长|干部|职工|员工|工人|农民|校长|人员|工匠|志愿者|毕业生|新生|学者))/;

/** Units of people, teams and bodies, whose counts an action can narrow (12支代表队获得一等奖). */
const COUNTED_BY_ACTION = new Set(['人', '名', '位', '人次', '支', '个', '所', '家', '队']);
/** Actions that narrow who is counted: taking part in a named contest, winning, partnering. */
const NARROWING = /^(?:参加|参与|获得|荣获|建立)/;
const NARROWING_FIRST = GUARDS.bit(firstChars(NARROWING));
/** Objects specific enough to narrow who is counted: a prize, a kind of contest, a partnership. */
const SPECIFIC_OBJECT = /奖|团体赛|个人赛|类比赛|技能竞赛|合作|伙伴|授牌|职业教育|培训班/;
/** Objects too general to narrow anything (参加会议, 参加比赛). */
const GENERAL_OBJECT = /^(?:本次|这次|此次|本届|大会|会议|比赛|活动|开幕式|论坛|角逐|竞技|竞赛|比拼|培训|学习|交流|学习交流|参赛|调研|座谈|现场|线上|当天|研讨)*$/;

/**
 * The action that narrows a counted noun (同学参加了团体赛 → 参加团体赛), or '' when the words
 * after the noun are general (选手参加比赛) or no action.
 */
function distinguishingAction(head: string, noun: string, unit: string): string {
	if (!COUNTED_BY_ACTION.has(unit)) return '';
	// the pattern removes nothing unless the head opens with one of these
	const h = hasCode('余多以左及的', head.charCodeAt(0)) ? head.replace(/^(?:余|多|以上|左右|及以上)?的?/, '') : head;
	if (!h.startsWith(noun)) return '';
	const rest = upToMark(h.slice(noun.length), CLAUSE_OR_LIST);
	const m = opens(rest, NARROWING_FIRST) ? NARROWING.exec(rest) : null;
	if (!m) return '';
	const object = rest
		.slice(m[0].length)
		.replace(/了|本次|本届|这次|此次|大赛|[\u4e00-\u9fff]{2}省(?=[\u4e00-\u9fff])/g, '')
		.replace(/的(?:角逐|比赛)$/, '');
	if (object.length < 2 || GENERAL_OBJECT.test(object) || !SPECIFIC_OBJECT.test(object) || /\d/.test(object)) return '';
	const action = m[0] + object;
	return action.length + noun.length <= 12 ? action : '';
}

/** Units that are themselves what is counted. */
const NOUN_UNITS = new Set(['系', '部', '大类', '县', '部门']);

/** Verbs of change right before a number, and the direction they give. */
const CHANGE = /(增加|增长|增多|提高|提升|上升|扩大|减少|下降|降低|回落|减|降|缩小|增|多|少)了?$/;
/** An approximation word right before a number (约, 将近). */
const APPROX_END = /(?:约|近|超过|超|逾|将近|接近|突破)$/;
const CHANGE_FIRST = GUARDS.bit(firstChars(CHANGE));
const APPROX_END_FIRST = GUARDS.bit(firstChars(APPROX_END));
const DECREASE = /^(?:减少|下降|降低|回落|减|降|缩小|少)/;
/** A comparison base earlier in the clause: 比上年, 较2015年, 同比. */
const BASE = /比|较|同比|环比/;

/**
 * Whether a figure is the change of a level (比上年增加4所, 减少276人, 同比增长30%), not a level
 * (增加到, 新增, 增设). A figure listed right after a change (增长26.3%、43.3%) is one too.
 * @example changeOf('比上年增加', '', '所') // 'increase'
 */
export function changeOf(before: string, listedAfterChange: 'increase' | 'decrease' | null): 'increase' | 'decrease' | null {
	const cues = GUARDS.in(before);
	const clean = cleanSubject(before, cues);
	const b = cues & APPROX_END_FIRST ? stripEnd(clean, APPROX_END) : clean;
	// CHANGE matches at most three characters at the end: try it on the tail, not from every position
	const tailFrom = Math.max(0, b.length - 16);
	const m = cues & CHANGE_FIRST ? CHANGE.exec(tailFrom > 0 ? b.slice(tailFrom) : b) : null;
	if (m) {
		const verb = m[1]!;
		const rest = b.slice(0, tailFrom + m.index);
		// 新增, 增设 …: new things counted as a level; 多/少/增/减 alone need a base (比上年多5所)
		if (rest.endsWith('新')) return null;
		if (verb.length === 1 && !BASE.test(rest)) return null;
		return DECREASE.test(verb) ? 'decrease' : 'increase';
	}
	return hasCode('、和及与', b.charCodeAt(b.length - 1)) || b === '' ? listedAfterChange : null;
}

/** A figure as markParts needs it: where it is, its unit and subject, whether it is a change. */
export interface PartCandidate {
	start: number;
	unit: string;
	subject: string | null;
	change: 'increase' | 'decrease' | null;
	/** start of its sentence (after 。！？；) */
	sentenceStart: number;
	/** its value and where its unit ends, when known: winners are told from those taking part by them */
	value?: number;
	end?: number;
}

/** Words after a figure of people or teams that say they won a prize (12支代表队获一等奖). */
const WON = /^[^，,。；;]{0,20}?(?:获得?|荣获|摘得|夺得)[^，,。；;]{0,14}?(?:奖|金牌|银牌|铜牌|名次)/;
/** Words after a figure of people or teams that say they took part (120支代表队、309名选手参赛). */
const TOOK_PART = /^[^，,。；;]{0,20}?(?:参赛|参加|参与|报名)/;
/** Units of people and teams, whose winners are a part of those taking part. */
const ENTRANT_UNITS = new Set(['人', '名', '位', '支', '个']);
/** A whole built area, whose uses that follow are its parts (建筑面积6万平方米，教学用房4万平方米). */
const WHOLE_AREA = /(?:建筑面积|总面积|建筑总面积)$/;
const JI = '积'.charCodeAt(0);

/**
 * Where a breakdown opened by 其中 may begin: the figure's sentence, or the one before it joined by ；
 * when that one holds 其中 and this clause repeats its words (其中，中职组赛项有…4个；高职组赛项有…8个),
 * not a new statement (其中教授27人；保持15人的外籍教师队伍).
 */
function breakdownStart(norm: string, sentenceStart: number): number {
	const c = norm.charCodeAt(sentenceStart - 1);
	if (c !== SEMI && c !== SEMI_ASCII) return sentenceStart;
	const floor = Math.max(0, sentenceStart - 200);
	let k = sentenceStart - 2;
	while (k >= floor && !hasCode('。！？!?；;\n', norm.charCodeAt(k))) k--;
	if (k < floor) return sentenceStart;
	const q = lastQizhong(norm, k + 1, sentenceStart);
	if (q < 0) return sentenceStart;
	let a = k + 1 + q + 2;
	while (a < sentenceStart && hasCode('，,：:', norm.charCodeAt(a))) a++;
	const first = norm.slice(a, Math.min(a + 8, sentenceStart));
	const next = norm.slice(sentenceStart, sentenceStart + 8);
	for (let i = 0; i + 3 <= next.length; i++) if (first.includes(next.slice(i, i + 3))) return k + 1;
	return sentenceStart;
}
const SEMI = '；'.charCodeAt(0);
const SEMI_ASCII = ';'.charCodeAt(0);

/** A total said after a list of its parts: 共计430余人, 总数达3186人. */
const TOTAL_AFTER = /共计|合计|总计|总数|总人数|总规模/;
const TOTAL_AFTER_FIRST = GUARDS.bit(firstChars(TOTAL_AFTER));

const QI = '其'.charCodeAt(0);
const ZHONG = '中'.charCodeAt(0);

/** From a figure to the next one it contains: 54个项目中的(34个), 16个一等奖中的(7个). */
const OUT_OF = /^[^，,。；;：:、]{1,16}中的?$/;
/** From a figure to the next one: a list joined by 和/及/、 closed by the total of all (…和各校代表共计): no clause break between. */
const SUMMED_BY_NEXT = /^[^，,。；;：:]{1,30}?[和及、与][^，,。；;：:]{1,20}?(?:共计|合计|总计|共)(?:有|达)?(?:约|近|超过)?$/;

/**
 * Whether norm[from, to) is at most `max` characters long and ends with 中 or 中的, as every match of
 * OUT_OF (max 18) and of metrics' OUT_OF_PREV (max 14) does: those regexes, slow to fail, are called
 * only then.
 */
export function endsOutOf(norm: string, from: number, to: number, max: number): boolean {
	if (to - from > max || to - from < 2) return false;
	const last = norm.charCodeAt(to - 1);
	return last === ZHONG || (last === DE_CODE && to - from >= 3 && norm.charCodeAt(to - 2) === ZHONG);
}

/** Offset from `from` of the last 其中 in norm[from, to), or -1; a bounded scan without a slice. */
function lastQizhong(norm: string, from: number, to: number): number {
	for (let i = to - 2; i >= from; i--) if (norm.charCodeAt(i) === QI && norm.charCodeAt(i + 1) === ZHONG) return i - from;
	return -1;
}

/** Units that count the same kind of thing (people: 人, 名, 位). */
function unitClass(unit: string): string {
	return unit === '名' || unit === '位' ? '人' : unit;
}

/** Per-head ratios and measures that are never a part of a count (生均电脑, 到款额中位数). */
const MEASURE = /^(?:生均|师均|校均|人均)|(?:中位数|均值|平均值|总值|总额|率|比|比例|比重|占比)$/;
/** Every MEASURE match holds one of these (its first characters 生, 人, 中, 总 and 比 are common); checked at load. */
const MEASURE_HOLDS = GUARDS.bit('均数值额率比');
if (!everyMatchHolds(MEASURE, '均数值额率比')) throw new Error('MEASURE_HOLDS is not exact');

/**
 * Which figures are parts of another figure of the same document:
 * - after 其中, the figures of the total's unit that follow in the same sentence, when an earlier
 *   figure of that unit (the total) stands before 其中 (其中国家级示范校29所、省级46所);
 * - a figure whose subject narrows an earlier one of the same unit in its sentence
 *   (开设专业210个，建成国家级重点专业10个);
 * - figures listed before a total of their unit later in the sentence (参赛学生2604人，参赛教师582名，
 *   参赛选手总数达3186人).
 * A change, a rate or a per-head ratio is never a part.
 * @example markParts(norm, figures) // [false, true, true]
 */
export function markParts(norm: string, figs: readonly PartCandidate[]): boolean[] {
	const n = figs.length;
	const part: boolean[] = new Array<boolean>(n).fill(false);
	const never: boolean[] = figs.map((f) => f.change !== null || f.unit === '%' || (f.subject !== null && (GUARDS.in(f.subject) & MEASURE_HOLDS) !== 0 && MEASURE.test(f.subject)));
	const unit = figs.map((f) => unitClass(f.unit));
	let fromOf = -1;
	let from = 0;
	for (let i = 0; i < n; i++) {
		const f = figs[i]!;
		if (never[i]) continue;
		// (once per sentence: figures are in text order)
		if (f.sentenceStart !== fromOf) (fromOf = f.sentenceStart), (from = breakdownStart(norm, f.sentenceStart));
		const q = lastQizhong(norm, from, f.start);
		if (q >= 0) {
			const at = from + q;
			// the figures between 其中 and this one: each of a unit the totals before 其中 have, none a change
			// (其中赴外团组33批415人次 after 69批585人次), or the list ended; and a total of this unit before 其中
			// (figures are in text order, so both scans stop early)
			// (a unit other than this one's is allowed between only when its total stands in 其中's own sentence)
			const totals = new Set<string>();
			let total = false;
			for (let j = i - 1; j >= 0 && figs[j]!.start >= at - 400; j--) {
				const g = figs[j]!;
				if (g.start > at || g.change) continue;
				if (unit[j] === unit[i]) total = true;
				if (g.start >= from) totals.add(unit[j]!);
			}
			let sameList = true;
			for (let j = i - 1; j >= 0 && figs[j]!.start > at; j--) if ((unit[j] !== unit[i] && !totals.has(unit[j]!)) || figs[j]!.change) sameList = false;
			if (sameList && total && !/总数|总计|合计/.test(norm.slice(at, f.start))) {
				part[i] = true;
				continue;
			}
		}
		// 12位专家和各校代表共计40余人: a count listed before the total that sums it with others
		const next = figs[i + 1];
		if (next && next.sentenceStart === f.sentenceStart && unit[i + 1] === unit[i] && next.value !== undefined && f.value !== undefined && next.value > f.value && !never[i + 1] && SUMMED_BY_NEXT.test(norm.slice(f.start, next.start))) {
			part[i] = true;
			continue;
		}
		// 54个项目中的34个: a figure picked out of the one just before it
		const prev = figs[i - 1];
		if (prev && prev.sentenceStart === f.sentenceStart && unit[i - 1] === unit[i] && !never[i - 1] && endsOutOf(norm, prev.start, f.start, 18) && OUT_OF.test(norm.slice(prev.start, f.start))) {
			part[i] = true;
			continue;
		}
		for (let j = i - 1; j >= 0; j--) {
			const g = figs[j]!;
			if (g.sentenceStart !== f.sentenceStart) break;
			if (unit[j] !== unit[i] || never[j] || !g.subject || !f.subject) continue;
			// 国家级重点专业 narrows 专业; 吉林省…一等奖 only says whose
			if (f.subject.length > g.subject.length && g.subject.length >= 2 && f.subject.endsWith(g.subject) && !/[省市县区州](?!级)|全国|^(?:参赛|参会|与会|全体|所有)$/.test(f.subject.slice(0, -g.subject.length))) {
				part[i] = true;
				break;
			}
		}
	}
	// the winners among those taking part: 12支代表队获一等奖 of 120支代表队参赛, anywhere in the document
	let entrants: number[] | null = null;
	for (let i = 0; i < n; i++) {
		const f = figs[i]!;
		if (part[i] || never[i] || f.value === undefined || f.end === undefined || !ENTRANT_UNITS.has(f.unit)) continue;
		// (every WON match holds 获, 摘 or 夺 within its first 22 characters)
		if (!(GUARDS.in(norm, f.end, Math.min(norm.length, f.end + 22)) & WON_CUE) || !WON.test(norm.slice(f.end, f.end + 40))) continue;
		entrants ??= figs.map((g, j) => (g.value !== undefined && g.end !== undefined && ENTRANT_UNITS.has(g.unit) && !never[j] && TOOK_PART.test(norm.slice(g.end, g.end + 30)) ? j : -1)).filter((j) => j >= 0);
		if (entrants.some((j) => j !== i && unit[j] === unit[i] && figs[j]!.value! > f.value!)) part[i] = true;
	}
	// those chosen out of an earlier figure of the same thing (175个代表队报名 … 择优推荐108个代表队)
	for (let i = 1; i < n; i++) {
		const f = figs[i]!;
		if (part[i] || never[i] || f.value === undefined || !f.subject) continue;
		const from = Math.max(f.sentenceStart, f.start - 16);
		if (!(GUARDS.in(norm, from, f.start) & CHOSEN_FIRST) || !CHOSEN.test(norm.slice(from, f.start))) continue;
		for (let j = i - 1; j >= 0 && figs[j]!.start >= f.start - 400; j--) {
			const g = figs[j]!;
			if (never[j] || unit[j] !== unit[i] || g.value === undefined || !(g.value > f.value) || !g.subject) continue;
			if (g.subject === f.subject || g.subject.endsWith(f.subject) || f.subject.endsWith(g.subject)) {
				part[i] = true;
				break;
			}
		}
	}
	// a division's share of a total (共有50个优秀学校… 。某省1所学校、1名校长获表彰): a sentence that opens
	// with a division's name and its figures, each of a kind a total elsewhere in the document counts
	for (let i = 0, sentence = -1, opensWithDivision = false, lo = 0; i < n; i++) {
		const f = figs[i]!;
		// figures are in text order: the window's first one only moves forward
		while (figs[lo]!.start < f.start - 2000) lo++;
		if (f.sentenceStart !== sentence) {
			sentence = f.sentenceStart;
			const to = Math.min(f.start + 1, sentence + 12);
			const lead = GUARDS.in(norm, sentence, to) & DIVISION_WORD ? DIVISION_OPENS.exec(norm.slice(sentence, to)) : null;
			opensWithDivision = lead !== null && namesDivision(lead[1]!);
		}
		if (!opensWithDivision || part[i] || never[i] || f.value === undefined || !f.subject) continue;
		// (the total may come later: a title often reports the share before the text gives the total)
		// (at most 64 figures on either side: bounded work in a document of thousands of figures)
		for (let j = Math.max(lo, i - 64); j < n && j <= i + 64 && figs[j]!.start <= f.start + 2000; j++) {
			const g = figs[j]!;
			if (g.sentenceStart === f.sentenceStart || never[j] || g.value === undefined || !(g.value > f.value) || !g.subject) continue;
			if (!(unit[j] === unit[i] || (BODY_UNITS.has(g.unit) && BODY_UNITS.has(f.unit)))) continue;
			if (!(g.subject === f.subject || g.subject.endsWith(f.subject))) continue;
			if (!SUM_TOTAL_OR_WHOLE.test(norm.slice(g.sentenceStart, g.start))) continue;
			part[i] = true;
			break;
		}
	}
	// the uses of a built area that follow it in its sentence (建筑面积6.6万平方米，教学用房4.4万平方米)
	for (let k = 0; k < n; k++) {
		const t = figs[k]!;
		// (every WHOLE_AREA match ends the subject with 积)
		if (!t.subject || never[k] || t.subject.charCodeAt(t.subject.length - 1) !== JI || !WHOLE_AREA.test(t.subject)) continue;
		for (let j = k + 1; j < n && figs[j]!.sentenceStart === t.sentenceStart; j++) {
			const g = figs[j]!;
			if (unit[j] === unit[k] && !never[j] && g.subject && !/面积|占地/.test(g.subject)) part[j] = true;
		}
	}
	// parts listed before their total
	for (let k = 0; k < n; k++) {
		const t = figs[k]!;
		const from = Math.max(t.sentenceStart, t.start - 8);
		if (t.change || !(GUARDS.in(norm, from, t.start) & TOTAL_AFTER_FIRST) || !TOTAL_AFTER.test(norm.slice(from, t.start))) continue;
		const same: number[] = [];
		for (let j = k - 1; j >= 0 && figs[j]!.sentenceStart === t.sentenceStart; j--) if (unit[j] === unit[k] && !never[j]) same.push(j);
		if (same.length >= 2) for (const j of same) part[j] = true;
	}
	// figures that add up exactly to a total in their sentence are its parts, whatever their units
	// (61所院校以及8个国际代表队，共69支代表队; 共有学校50所，中职30所、高职20所): before a total
	// marked by 共/合计, or right after any total
	for (let k = 0; k < n; k++) {
		const t = figs[k]!;
		if (never[k] || t.change || t.value === undefined || !(t.value > 0)) continue;
		const from = Math.max(t.sentenceStart, t.start - 8);
		if (GUARDS.in(norm, from, t.start) & SUM_TOTAL_FIRST && SUM_TOTAL.test(norm.slice(from, t.start))) sumRun(figs, never, part, t.value, k - 1, -1);
		sumRun(figs, never, part, t.value, k + 1, 1);
	}
	return part;
}

/** A sentence opening with a division's name right before its first number (某省1所学校). */
const DIVISION_OPENS = /^\s*([\u4e00-\u9fff]{2,5}?[省市县区])(?=[\d一二两三四五六七八九十])/;
/** Count units of bodies, one of which a text may use for the total and another for a share (所, 个, 家). */
const BODY_UNITS = new Set(['所', '个', '家']);
/** Words before a figure in its sentence that make it a total (共有, 全国, 全省, 合计). */
const SUM_TOTAL_OR_WHOLE = /共|全国|全省|全市|合计|总计|总数|累计/;
/** Words before a figure chosen out of a larger set (择优推荐108个, 遴选出, 其中…入围). */
const CHOSEN = /择优|遴选|选拔出|选出|评选出|推荐出|入围|晋级|脱颖而出/;
const CHOSEN_FIRST = GUARDS.bit(firstChars(CHOSEN));

/** Words before a total its parts were listed before (共69支代表队). */
const SUM_TOTAL = /共|合计|总计|总数|总人数|累计/;
const SUM_TOTAL_FIRST = GUARDS.bit(firstChars(SUM_TOTAL));

/**
 * Marks as parts the run of at least two figures from `from` (stepping by `step`, in the total's
 * sentence, at most 12) whose values add up to `total` exactly and that is not followed in that
 * sentence by a figure of its last one's unit; nothing when no such run exists.
 */
function sumRun(figs: readonly PartCandidate[], never: boolean[], part: boolean[], total: number, from: number, step: 1 | -1): void {
	// after a total, its breakdown may open the next sentence (全国共有职业学校1.1万所。中职0.9万所、高职0.2万所)
	const sentence = step === 1 && figs[from] ? figs[from]!.sentenceStart : figs[from - step]!.sentenceStart;
	let sum = 0;
	for (let j = from, count = 0; j >= 0 && j < figs.length && count < 12; j += step, count++) {
		const g = figs[j]!;
		if (g.sentenceStart !== sentence || never[j] || g.change || g.value === undefined || !(g.value > 0)) return;
		sum += g.value;
		if (sum > total * (1 + 1e-9)) return;
		if (count >= 1 && Math.abs(sum - total) <= total * 1e-9) {
			// the whole list, not its first items (热点专业8个；示范专业点1个、示范专业7个、重点专业14个)
			const next = figs[j + step];
			if (next && next.sentenceStart === sentence && unitClass(next.unit) === unitClass(g.unit)) return;
			for (let i = from; i !== j + step; i += step) part[i] = true;
			return;
		}
	}
}
