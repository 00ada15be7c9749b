// Meetings reported as held: a held-verb (召开, 举行, 开赛, 落幕, 启动 for activity weeks …) next to
// a name that ends like an event (…大会, …论坛, …仪式, …选拔赛, …赛点, …活动), with its date, venue
// and head count read from the surrounding sentences.
//
// A name is found before its verb (NAME在VENUE举行, NAME，在VENUE举行), after it (召开NAME,
// 举行的NAME, with the convening body before a short name), quoted («“…”在…举行»), or as the
// ceremony of something opened (…正式启用，…出席仪式); sponsors, slogans, bylines and time words
// are trimmed off. Its date is the one between name and verb, else the last before it, else one in
// its own clause; a year written in the name beats a year only guessed from the page. Its venue is
// the place after 在, sharpened by a more precise place in the name or earlier in the sentence,
// else 我市/全省 → the document's city or province, else the dateline's city. Mentions of one
// meeting merge; a multi-day event's end may come later (比赛时间为…至…, 会议为期两天).
import { findDates, parseDateLine, parseSmallNumber, type DateMention } from './dates.ts';
import { dateline, documentKind, documentTitle, referenceDate } from './documentMeta.ts';
import { ByteBits, firstChars as firstCharsOf, hasCode, isSpaceCode } from './chars.ts';
import { fold } from './fold.ts';
import { firstStartingAt } from './spans.ts';
import type { DateRange, MeetingMention, PlaceLevel, PlaceMention, PreparedDocument, Qualifier, Span } from './types.ts';

/** Verbs that report an event as taking place. */
const HELD_WORDS = ['召开', '举行', '举办', '承办', '开幕', '拉开帷幕', '拉开序幕', '落下帷幕', '揭幕', '启幕', '开班', '开营', '开赛', '闭幕', '落幕', '圆满结束', '顺利结束', '启动'];
const HELD = new RegExp(HELD_WORDS.join('|'), 'g');
/** 启动 reports an event only when what starts is an event period (活动周全面启动), not a project. */
const LAUNCHED = /(活动周|活动月|宣传周|宣传月|开放日|活动)$/;
/**
 * How a meeting's name ends (HEAD): a meeting word (HEAD_WORD: 2 or 3 characters, none ending in a
 * bracket) and an optional bracketed tail. Organisations ending in 会 (学会, 委员会) are excluded separately.
 */
const HEAD_WORD = String.raw`(会议|大会|年会|论坛|峰会|培训班|研讨班|研修班|训练营|仪式|开幕式|闭幕式|典礼|(?:[大比竞联预决复初]|选拔|邀请|挑战|技能|友谊|对抗)赛|赛[点区项]|活动周|活动月|宣传周|宣传月|展览|展演|成果展|(?:文化|技能|艺术|科技|体育|读书)节|[^\s，,。、“"]活动|[^\s，,。、]会)`;
const HEAD = new RegExp(`${HEAD_WORD}(?:[(（][^()（）]{1,6}[)）])?$`);
const ORG_END = /(学会|协会|委员会|组委会|理事会|商会|联合会|研究会|基金会|工会|促进会|博览会|展览会|展示会|交易会|教育会|社会|机会|体会|都会|省会)$/;
/** A name that is only a part's role (省级主会场活动, 分会场). */
const ROLE_ONLY = /^(省级|市级|县级|全省|全市|全国)?(主会场|分会场)(活动)?$/;
/** The most characters a ROLE_ONLY name holds (2 + 3 + 2). */
const ROLE_ONLY_LONGEST = 7;
const SESSION = /[一二三四五六七八九十\d][次届](全体|常务|扩大)?(理事会|委员会|常委会|会员大会)$/;
/** A name that refers back to a meeting already named, or counts editions (三届…论坛). */
const ANAPHOR = /^(本次|此次|这次|该|本届|上届|今年的|这个|此|各类|各种|系列|相关)/;
const GENERIC = /^(大会|会议|年会|论坛|活动|比赛|大赛|仪式|会|研讨会|座谈会)$/;
const COUNT = /^(?!(?:19|20)\d{2}届)[\d一二两三四五六七八九十百千几数多]+(余|多)?(届|次|期|场|个|项|轮|批|所|家|支)/;
/** A name ending in a count of a contest's items (…、中华茶艺三个赛项): the items are parts of the contest, not an event. */
const ITEM_COUNT = /[\d一二两三四五六七八九十]+个?赛项$/;
/** The same count with what may stand before it (等四个赛项, 的三个赛项). */
const ITEM_TAIL = /[等的]?[\d一二两三四五六七八九十]+个?赛项$/;
/** A contest's own word in a name: an item named with it (某大赛某赛项) needs no contest looked up. */
const CONTEST_IN_NAME = /大赛|竞赛|比赛|技能赛(?!项)|选拔赛|大賽|競賽|比賽/;
/** How far from an item of a contest its contest's name is looked for, in characters. */
const ITEM_REACH = 300;
/** A description of an event by rank or size before its name (最大规模, 规格最高, 首个, 唯一). */
const RANKED = /最|首个|唯一|规模空前/;
const HUI = '会'.charCodeAt(0);
const JIAN = '见'.charCodeAt(0);
const DIAO = '调'.charCodeAt(0);
const YAN = '研'.charCodeAt(0);

/** A visit (调研) or a call (会见): events of a delegation without a held verb. */
const VISIT_WORDS = ['调研', '会见'];
/**
 * Where a visit's verb (VISIT_WORDS) starts in norm[from, to) and ends by `end`, in text order and
 * without overlaps, as a global search for /调研|会见/ finds them (neither word overlaps itself or
 * the other), read by char code: no slice, no match objects.
 */
function visitWords(norm: string, from: number, to: number, end: number): number[] {
	const out: number[] = [];
	for (let i = from; i < to && i + 2 <= end; i++) {
		const c = norm.charCodeAt(i);
		const next = norm.charCodeAt(i + 1);
		if ((c === DIAO && next === YAN) || (c === HUI && next === JIAN)) out.push(i++);
	}
	return out;
}
/** What makes 调研 or 会见 a noun: 调研组, 调研报告, 会见室. */
const VISIT_NOUN = /^(?:组|报告|成果|问卷|员|工作|室|厅|活动中)/;
/** Who visits: a delegation led by someone (一行, 带队, 率) or a trip (到, 赴, 深入). */
const DELEGATION = /一行|带队|率|赴|到|来到|前往|深入|在.{1,12}$/;
/** A sentence led by the visiting group (调研组深入…, 课题组先后到…). */
const GROUP_LED = /^\s*(?:[^，,。]{0,4})?(?:调研组|课题组|考察组|代表团|一行)/;
/** 在NAME中，…获: a contest reported through the prizes won at it (a completed verb within 40 characters). */
const RESULTS = /在([^，,。；;\n在]{4,50}?(?:大赛|竞赛|比赛|技能赛|选拔赛|大賽|競賽|比賽))[中上][，,]?[^。\n]{0,40}?(?:获|獲|夺得|奪得|摘得)/;
/** 参加“NAME”, 出席"NAME": an event the writer took part in, its name quoted (spaces inside the quotes allowed at its ends). */
const ATTENDED = /(?:参加|出席)了?\s*[“"]\s*([^“”"\n]{4,40}?)\s*[”"]/;
/** How far into the body a contest reported through its results is looked for. */
const RESULTS_REACH = 300;
/** A day opening a sentence, then what was unveiled where (…，某实训基地在某学院揭牌启用。). */
const UNVEILED_DATED = /(?:^|[。\n])\s*\d{1,2}月\d{1,2}日[，,]([^。，,；;“”在]{4,30})在[^。，,；;]{2,30}?(?:正式|隆重)?揭牌(?:启用|成立|运行|投用)?(?=[，,。；;])/;
/** A contest named before the finals it reached (某某技能大赛进入到决赛阶段): not a team or its members reaching them. */
const FINALS_REACHED = /(?:^|[。，,\n])([^。，,；;\n]{6,40}?(?:大赛|竞赛|技能节|联赛))(?:正式)?进入(?:到)?了?(?:总决赛|决赛|复赛)(?:阶段)?/;
/** A sentence opening with a bare day of the month (4日上午，): a date too vague to keep, but a date. */
const BARE_DAY = /^\s*\d{1,2}日(?:上午|下午|晚上|晚|早上)?[，,]/;
/** How far into the body attendedDated looks. */
const ATTENDED_REACH = 600;
/** A day opening a sentence, then the writer attending an event named without quotes (…出席某市与某企业的座谈会). */
const ATTENDED_DATED = /(?:^|[。\n])\s*\d{1,2}月\d{1,2}日[，,][^。，,；;“”]{0,20}?(?:出席|参加)了?([^。，,；;“”、]{2,40}?(?:座谈会|研讨会|论坛|签约仪式|推进会|交流会|年会|大会|启动仪式|开幕式|颁奖典礼))(?=[，,。；;并])/;
/** How far into the body visits are looked for, and how many are kept. */
const VISIT_REACH = 800;
const MAX_VISITS = 1;
/** A quoted item of a contest closing a name (大赛“某项”项目): the contest's name is before it. */
const QUOTED_ITEM_TAIL = /[“"][^“”"]{1,30}[”"]项目$/;
/**
 * Guard bits of a name's characters: the first characters of ANAPHOR, GENERIC and COUNT (firstChars),
 * each tried only on a name opening with one, and the last characters of HEAD (HEAD_LAST).
 */
const NAME_BITS = new ByteBits();
const ANAPHOR_AT = NAME_BITS.bit(firstCharsOf(ANAPHOR));
const GENERIC_AT = NAME_BITS.bit(firstCharsOf(GENERIC));
const COUNT_AT = NAME_BITS.bit(firstCharsOf(COUNT));
/** The last characters a HEAD match can end with (keep in step with HEAD): other ends are skipped untried. */
const HEAD_LAST = NAME_BITS.bit('议会坛班营式礼赛点区项周月览演展节动)）');
const headLastAt = (c: number): boolean => (NAME_BITS.of[c]! & HEAD_LAST) !== 0;
/**
 * Whether norm[from, to) holds a character a HEAD match can end with. Every valid name ends in one
 * (validName asks headEnds), so a range without any holds no name: its search is skipped.
 */
function headLastIn(norm: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) if (headLastAt(norm.charCodeAt(i))) return true;
	return false;
}
const OPEN_QUOTE = '“「『《"\'';
const CLOSE_QUOTE = '”」』》"\'';
/** A subject that is an organisation, whose meeting a short name after the verb is (教育部 + 新闻发布会). */
/** A division as the subject (新疆维吾尔自治区召开党委常委会议): the meeting is its body's. */
const DIVISION_SUBJECT = /(省|自治区|市|州|盟|县|区|旗)$/;
const ORG_SUBJECT = /(社|学会|协会|研究会|委员会|联合会|促进会|部|厅|局|委|办|院|学校|大学|集团|联盟|共同体|联合体|政府|中心|政协|人大)$/;

/** How many earlier meetings a mention is compared with when merging: a real page names a few dozen. */
const MERGE_WINDOW = 200;
/** The first of the list's last MERGE_WINDOW items that passes `test` (read in place: no copy of the window per mention). */
function findRecent<T>(list: readonly T[], test: (o: T) => boolean): T | undefined {
	for (let i = Math.max(0, list.length - MERGE_WINDOW); i < list.length; i++) if (test(list[i]!)) return list[i];
	return undefined;
}

/** One-character short names of the municipalities (在津举办), with their code and full name. */
const MUNICIPALITY_SHORT: Record<string, [string, string]> = { 京: ['110000', '北京市'], 津: ['120000', '天津市'], 沪: ['310000', '上海市'], 渝: ['500000', '重庆市'] };
/** One-character short names of cities (在兰举行, 在蓉召开, 在汉开幕), with their code and full name: read only on a page naming their province. */
const CITY_SHORT: Record<string, [string, string]> = {
	兰: ['620100', '兰州市'],
	蓉: ['510100', '成都市'],
	榕: ['350100', '福州市'],
	筑: ['520100', '贵阳市'],
	邕: ['450100', '南宁市'],
	杭: ['330100', '杭州市'],
	汉: ['420100', '武汉市'],
	穗: ['440100', '广州市'],
	甬: ['330200', '宁波市'],
	厦: ['350200', '厦门市'],
	连: ['210200', '大连市'],
	济: ['370100', '济南市'],
	哈: ['230100', '哈尔滨市'],
	郑: ['410100', '郑州市'],
	宁: ['320100', '南京市'],
	沈: ['210100', '沈阳市'],
	昆: ['530100', '昆明市'],
	昌: ['360100', '南昌市'],
	银: ['640100', '银川市'],
	呼: ['150100', '呼和浩特市'],
	乌: ['650100', '乌鲁木齐市'],
	肥: ['340100', '合肥市']
};
const CITY_SHORT_CHARS = Object.keys(CITY_SHORT).join('');
/** Only manner and time words between a venue and its verb (隆重, 圆满, 正式 …). */
const TRAIL_ONLY = /^(?:今天|今日|隆重|顺利|正式|胜利|盛大|成功|圆满|全面|再次)+$/;

/** Whether division `child` lies within (or is) division `parent`, by their codes. */
function within(child: string, parent: string): boolean {
	if (parent.endsWith('0000')) return child.slice(0, 2) === parent.slice(0, 2);
	if (parent.endsWith('00')) return child.slice(0, 4) === parent.slice(0, 4);
	return child === parent;
}

/** The more precise of two places when it lies within the other; else the first (or the second when there is no first). */
function sharpen(venue: PlaceMention | null, cand: PlaceMention | null): PlaceMention | null {
	if (!cand) return venue;
	if (!venue) return cand;
	return LEVEL_RANK[cand.level] > LEVEL_RANK[venue.level] && within(cand.code, venue.code) ? cand : venue;
}

/** A body of the page's own city or province visited or met at (来到市教育局, 在省教育厅): 市 or 省 alone before it. */
const LOCAL_ORGAN = /(?:到|在|赴|走进)(市|省)(?=[\u4e00-\u9fff]{0,6}?(?:局|委|厅|政府|中心))/;
/** A day, then the event named by its kind alone opening (12月5日赛事开幕当天, 3月2日大赛正式开赛). */
const OPENING_DAY = /\d{1,2}月\d{1,2}日[，,]?(?:上午|下午)?(?:赛事|大赛|比赛|竞赛|会议|大会|论坛|活动)(?:正式|隆重)?(?:开幕|开赛|启动)/;
/** An event's own period opening a clause (比赛期间, 大会期间, 活动期间): what it reports is held within it. */
// (启动仪式后，主办方还举行了…: what follows a ceremony the same day)
const DURING = /(?:赛|会|坛|活动|节|周)期间|(?:仪式|开幕式|典礼)(?:结束)?后/;
const QI = '期'.charCodeAt(0);
const HOU = '后'.charCodeAt(0);
/** How many sentences back in its paragraph a mention without a date looks for the paragraph's day. */
const PARAGRAPH_BACK = 3;
/** How many days after an event a page reporting it is taken to be published (a news report's delay). */
const REPORT_DELAY = 45;

/** Days from one ISO day to another. */
function daysBetween(a: string, b: string): number {
	const t = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
	return Math.round((t(b) - t(a)) / 86400000);
}

/** An ISO day moved by `days`. */
function shiftIso(iso: string, days: number): string {
	const t = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + days * 86400000);
	return `${t.getUTCFullYear()}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

/** A notice's title announcing an event to come (关于举办某大赛的通知). */
const NOTICE_OF_HOLDING = /关于(?:举办|召开|举行|开展)[^，。]{2,60}的通知/;
/** Words that report an event as past even inside such a notice (上届大赛已于…举行, 圆满结束). */
const TOOK_PLACE = /已[于在经]?|圆满|顺利|成功举|(?:举行|举办|召开)了/;
/** Words in the clause before the verb that make the event planned, habitual or counted, not held. */
const NOT_HELD = /将|(?<!模)拟|计划|预计|即将|准备|打算|筹备|决定|定于|每年|每两年|定期|连续|累计|先后|多次|陆续|关于|希望|争取|力争|开始|以来/;
/** Leading words that are not part of a name. */
const LEAD = /^(?:此前|随后|伴随着|随着|之后|同时|另外|其中|当天|当日|上午|下午|晚上|晚|日前|近日|今天|今日|昨天|此外|会上|期间|【[^【】\n]{1,10}】|[，,\s\-—–·•”"」』])+/;
/**
 * What a name never holds and the candidate is cut after: a slogan set off by spaces or a dash
 * (竞技能 展风采 2009年…大赛, 匠心筑梦——某校技能竞赛), or an announcing verb (…领导宣布2021年…活动周).
 */
const NAME_CUT = /^.*(?:\s+|——|宣布|宣告|(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff\d]))(?=\S)/;
/** A sponsor phrase before a name: 由…主办的, …承办的, …共同组建的 (the last such phrase of the clause). */
const SPONSOR = /^[^，,。]{0,120}(?:主办|承办|协办|联办|举办|组织|发起|牵头|组建|指导|支持|为主题|为题)的|^为期[^，,。的]{1,8}的/;
/** A byline before a name: 某报讯(记者 某某), or its end (某某)) when the clause starts inside it. */
const BYLINE_END = /^[^(（)）]{0,12}[(（][^()（）]{0,16}(?:记者|通讯员|摄|报道|供稿)[^()（）]{0,16}[)）]|^[^(（)）]{1,12}[)）]/;
const PART_OF = /^作为[^，,。]{1,30}之一/;
/** A quoted theme before a name, which may hold commas (以“甲，乙”为主题的…). */
const THEME = /^以[“"「][^”"」]{1,80}[”"」]为(?:主题|题)的/;
/** Every character a LEAD match can start with (keep in step with LEAD's alternatives). */
/** 从/自/于/在 before a date's digits: a lead, not part of the name. */
const FROM_BEFORE_DIGIT = /^(从|自|于|在)(?=\d)/;
const FROM_BEFORE_DIGIT_FIRST = firstCharsOf(FROM_BEFORE_DIGIT);
const LEAD_FIRST = new Uint8Array(0x10000);
for (const c of '此随伴之同另其当上下晚日近今昨会期【，,-—–·•”"」』') LEAD_FIRST[c.charCodeAt(0)] = 1;
for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c)) LEAD_FIRST[c] = 1;
/**
 * Whether one of ( （ ) ） stands among the first 13 characters: each BYLINE_END alternative has
 * one there (at most 12 other characters before its first bracket).
 */
function bracketNear(rest: string): boolean {
	for (let i = 0; i < rest.length && i < 13; i++) {
		const c = rest.charCodeAt(i);
		if (c === 0x28 || c === 0x29 || c === 0xff08 || c === 0xff09) return true;
	}
	return false;
}
const notYear = (d: DateMention): boolean => d.date.precision !== 'year';
const TRAIL = /(今天|今日|日前|近日|昨天|上午|下午|晚上|隆重|顺利|正式|胜利|盛大|成功|圆满|全面|也|还|于|又|再次|已|已经|同期|同时|(?:以|通过)[^，,。以]{1,12}(?:形式|方式))+$/;
/**
 * TRAIL.exec(x), tried on the last 48 characters first. Every TRAIL word is at most 16 characters
 * long, so a match starting before them would also give one starting in their first 16: a match
 * found later than that is the leftmost of the whole text; an earlier one is looked for in all of it.
 */
function trailOf(x: string): RegExpExecArray | null {
	if (x.length <= 48) return TRAIL.exec(x);
	const m = TRAIL.exec(x.slice(-48));
	return m === null || m.index >= 16 ? m : TRAIL.exec(x);
}
/** The last characters a TRAIL match can end with (keep in step with TRAIL): other ends are not tried. */
const TRAIL_LAST = new Set([...'天日前午上重利式大功满面也还于又次已经期时'].map((c) => c.charCodeAt(0)));
/** 是 before an event's verb and 的 (X是…召开的Y): the clause describes Y, it does not report it. */
const DESCRIBED = /(?<![但于凡])是[^。；;！？!?]{0,30}$/;
/** An institution as a venue (在某职业技术学院举行). */
const INSTITUTION = /学院|大学|学校|职教中心|技师学院/;
/** The page's own division written as a venue (在我市, 在本省). */
const OWN_PLACE = /^在(?:我|本)(?:市|省|区|县|州|盟)/;
/** How far into a page without a date of its own its one written year is looked for. */
const ONLY_YEAR_REACH = 3000;
/** How many paragraphs after the page's last meeting a stated total of its participants is looked for. */
const TOTAL_REACH = 8;
/** 将, 将在, 将于 right before a date: what it dates is still planned. */
const WILL_BEFORE = /将[在于]?$/;
/** Days spent in the contest or meeting itself (经过3天激烈角逐, 经过两天的比赛). */
const SPENT_DAYS = /经过(\d{1,2}|[一二两三四五六七八九十])天的?(?:激烈|紧张|精彩)?的?(?:角逐|比拼|比赛|竞技|较量|竞赛|培训|研讨)/;
const PARTICIPATE = /参加|出席|参会|与会|到会|到场|参与|欢聚|齐聚|汇聚|相聚|云集|参赛|角逐|列席|莅临/;
const CEREMONY = /(仪式|开幕式|闭幕式|典礼)$/;
const PARTICIPANT_AFTER = /^[\u4e00-\u9fff]{0,4}?(代表|嘉宾|来宾|选手|学员|师生)(?!作|发言|介绍|交流|汇报|分享|致辞)/;
/** 共48位来自甲校、乙校的选手: the participants named after where they come from. */
const PARTICIPANT_FROM = /^来自[^，,。；;]{1,40}?的[\u4e00-\u9fff]{0,4}?(代表|嘉宾|来宾|选手|学员|师生)/;
const PARTICIPANT_BEFORE = /(嘉宾|来宾|代表|选手|学员)[^，,。；;]*$/;
const DESCRIPTION = /的(比赛|活动|会议|竞赛)$/;
/** The 的 every DESCRIPTION match opens with, three characters from the end (its words are two long). */
const DE = 0x7684;
/**
 * Every suffix pattern above (HEAD, ORG_END, SESSION, CEREMONY, LAUNCHED, DESCRIPTION) matches at
 * most this many characters: testing only a name's tail keeps an end-anchored alternation from
 * being tried at every position of a long candidate.
 */
const SUFFIX_REACH = 18;
const endsWith = (re: RegExp, s: string): boolean => re.test(s.length > SUFFIX_REACH ? s.slice(-SUFFIX_REACH) : s);
/** Something opened (启用, 揭牌, 开园 …) and a ceremony attended in the same sentence. */
const OPENED_WORDS = ['启用', '揭牌', '开园', '开馆', '落成', '投入使用'];
const OPENED_VERB = new RegExp(`(?:正式)?(${OPENED_WORDS.join('|')})[，,]`, 'g');
const CEREMONY_AFTER = /^[^。；;]{0,80}?(?:出席|参加|举行)了?(?:启用|揭牌)?(?:仪式|典礼)/;
const PART_OF_NAME = /^(仪式|式|典礼)/;
/** An abbreviation note ending a name: (简称“某赛”), （以下简称…）. */
const ABBREVIATION_NOTE = /[(（](?:以下)?简称[^()（）]{1,16}[)）]$/;
const PART_OF_NAME_FIRST = firstCharsOf(PART_OF_NAME);
const PART_OF_LAUNCH = /^(大会|会|现场)/;
// A hosting verb in the past (承办了, 举办了, read as HOSTED = /^(承办|举办)了/ by hostedAt): the event took place.
/** …or one done with success (成功承办, 顺利举办; 成功的 is the adverb written with 的). */
const HOSTED_AFTER = /(成功|顺利)的?$/;
/** Whether norm[from, to) ends with `word` (as that slice would). */
const endsAt = (norm: string, from: number, to: number, word: string): boolean => to - word.length >= from && norm.startsWith(word, to - word.length);
/** HOSTED.test(norm.slice(at, at + 3)) || HOSTED_AFTER.test(norm.slice(from, at)), without the slices. */
function hostedAt(norm: string, at: number, from: number): boolean {
	if (norm.startsWith('承办了', at) || norm.startsWith('举办了', at)) return true;
	return endsAt(norm, from, at, '成功') || endsAt(norm, from, at, '顺利') || endsAt(norm, from, at, '成功的') || endsAt(norm, from, at, '顺利的');
}
/** The verbs that report an event by its closing. */
const CLOSING_WORDS = ['闭幕', '落幕', '落下帷幕', '结束'];
/** Whether a closing verb (CLOSING_WORDS) stands within norm[at, at + 4), read in place. */
function closingAt(norm: string, at: number): boolean {
	const to = Math.min(norm.length, at + 4);
	for (const w of CLOSING_WORDS) for (let p = at; p + w.length <= to; p++) if (norm.startsWith(w, p)) return true;
	return false;
}
/** 承办单位, 承办方: the verb names a role here, not an event taking place. */
const PART_OF_HOSTING = /^(单位|方|权|者|学校|院校|城市|工作|任务|能力)/;
/** A clause ending in its sponsor (由某学院承办, 由甲、乙联合主办): what stands before 由 is what they host. */
const SPONSOR_TAIL = /由[^由，,。；;]{2,60}?(?:主办|承办|协办|举办|组织|牵头)$/;
/** A clause continuing the one before (并举办…, 还将…): the earlier clause's plan or habit carries over. */
/** A plan or habit an earlier clause states for what follows (将…，举办…); 工作计划 as a noun is none. */
const CARRIED = /将|拟|即将|准备|打算|预计|计划(?=于|在|将|举|召|开)|每年|定期/;
const CONTINUES = /^(并|并且|还|同时|以及|及|和|举办|举行|召开|开展)/;

const LEVEL_RANK: Record<PlaceLevel, number> = { province: 0, city: 1, county: 2 };

interface Sentence extends Span {
	paragraph: number;
	/** what the sentence may hold, as CUE_* bits: without a bit, no part of it holds that */
	cues: number;
}

/** The first two characters of a HELD word (each match holds one). */
const CUE_HELD = 1;
/** 名, 人 or 位 after a numeral, or after 余 or 多 after one (each HEAD_COUNT match holds one). */
const CUE_COUNT = 2;
/** 为期 or 历时 (a duration stated later: 会议为期两天). */
const CUE_LASTING = 4;
/** The first two characters of an OPENED_VERB word (each match holds one). */
const CUE_OPENED = 8;
/** The first two characters of a VISIT_WORDS word. */
const CUE_VISIT = 16;

interface Draft extends Span {
	name: string;
	sentence: number;
	date: DateRange | null;
	venueCode: string | null;
	/** the meeting is the occasion of the document (a speech or report delivered at it) */
	occasion: boolean;
	fromTitle: boolean;
	/** reported as hosted and done (承办了, 成功举办): held even when the text gives no date or venue */
	hosted: boolean;
	/** reported by its closing (闭幕, 落幕, 圆满结束): a duration stated later runs back from its date */
	closing: boolean;
	/** the date is only the year written in the name */
	dateFromName: boolean;
	/** known only through the prizes won at it: the counts around it are the reporting side's teams */
	byResults?: boolean;
	/** the venue is written (or the dateline's), not only inferred from 全市/我省 */
	venueWritten: boolean;
	/** the name's key for merging, once asked (keyOf) */
	key?: NameKey;
}

// Punctuation tested by char code in the per-character scans below: norm[i] would make a
// one-character string for every CJK character read.
const SENTENCE_MARK = 1;
const CLAUSE_MARK = 2;
const MARKS = new Uint8Array(0x10000);
for (const c of '。!?！？;；') MARKS[c.charCodeAt(0)] |= SENTENCE_MARK;
for (const c of '，,：:；;。！？!?\n') MARKS[c.charCodeAt(0)] |= CLAUSE_MARK;
/** The first character of a cue word below. */
const PAIR_FIRST = 4;
/**
 * The cue words' first two characters as two tables: each first character of a cue's words has a bit
 * of its own for that cue, set in FIRST_BITS[first] (开 has one for HELD and one for OPENED_VERB);
 * SECOND_OF[c] holds the bits of the first characters that c follows in some word of their cue.
 * (first, second) begins a word of a cue exactly when their bits meet in that cue's bits (CUE_BITS).
 */
const FIRST_BITS = new Int32Array(0x10000);
const SECOND_OF = new Int32Array(0x10000);
const CUE_BITS: { cue: number; bits: number }[] = [];
let pairBits = 0;
const cueWords = (words: string[], cue: number): void => {
	const bitOf = new Map<number, number>();
	let bits = 0;
	for (const w of words) {
		const first = w.charCodeAt(0);
		let bit = bitOf.get(first);
		if (bit === undefined) {
			if (pairBits === 31) throw new Error('cue words: more than 31 first characters');
			bit = 1 << pairBits++;
			bitOf.set(first, bit);
			FIRST_BITS[first] |= bit;
			bits |= bit;
		}
		MARKS[first] |= PAIR_FIRST;
		SECOND_OF[w.charCodeAt(1)] |= bit;
	}
	CUE_BITS.push({ cue, bits });
};
cueWords(HELD_WORDS, CUE_HELD);
cueWords(OPENED_WORDS, CUE_OPENED);
cueWords(['为期', '历时', '经过'], CUE_LASTING);
cueWords(VISIT_WORDS, CUE_VISIT);
/** The cues whose words begin with the pair whose bits `met` (see cueWords). */
function cuesOf(met: number): number {
	let cues = 0;
	for (const { cue, bits } of CUE_BITS) if ((met & bits) !== 0) cues |= cue;
	return cues;
}
/** 名, 人 and 位, which end every HEAD_COUNT match. */
const COUNT_END = 8;
for (const c of '名人位') MARKS[c.charCodeAt(0)] |= COUNT_END;
/** What stands right before a HEAD_COUNT match's 名, 人 or 位: a numeral of its number, or 余 or 多 after one. */
const COUNT_NUMERAL = new Uint8Array(0x10000);
for (const c of '0123456789一二两三四五六七八九十百千') COUNT_NUMERAL[c.charCodeAt(0)] = 1;
const countEndsAt = (norm: string, i: number): boolean => {
	let c = norm.charCodeAt(i - 1);
	if (c === 0x4f59 /* 余 */ || c === 0x591a /* 多 */) c = norm.charCodeAt(i - 2);
	return COUNT_NUMERAL[c] === 1;
};
const NEWLINE = 10;

/**
 * Where the sentence splitter stops: MARKS without the bit of the clause marks (，：), which it does
 * nothing at, and with a bit of its own for the newline (a clause mark only in MARKS).
 */
const SPLIT_STOPS = new Uint8Array(0x10000);
const LINE_END = 16;
for (let c = 0; c < 0x10000; c++) SPLIT_STOPS[c] = MARKS[c]! & ~CLAUSE_MARK;
SPLIT_STOPS[NEWLINE] |= LINE_END;

/** Whether norm[start, end) is empty or all white space (as String.prototype.trim reads it), read by char code. */
function blankBetween(norm: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) if (!isSpaceCode(norm.charCodeAt(i))) return false;
	return true;
}

/**
 * Splits the body ranges into sentences, numbering paragraphs (lines) as it goes, and notes which
 * sentences may hold a held or opened verb: every character is read here once anyway.
 */
function sentences(norm: string, body: Span[]): Sentence[] {
	const out: Sentence[] = [];
	let paragraph = 0;
	let filled = false;
	for (let b = 0; b < body.length; b++) {
		const { start: from, end: to } = body[b]!;
		let start = from;
		let cues = 0;
		for (let i = from; ; i++) {
			// the characters that are neither marks nor cues are passed in a tight loop;
			// the end of a range ends a line
			let ch = NEWLINE;
			let mark = 0;
			while (i < to && (mark = SPLIT_STOPS[(ch = norm.charCodeAt(i))]!) === 0) i++;
			if (i >= to) {
				ch = NEWLINE;
				mark = SPLIT_STOPS[NEWLINE]!;
			}
			// (a pair running past the sentence's end only makes it read for nothing)
			if ((mark & PAIR_FIRST) !== 0) {
				const met = FIRST_BITS[ch]! & SECOND_OF[norm.charCodeAt(i + 1)]!;
				if (met !== 0) cues |= cuesOf(met);
			}
			// (as may a numeral before the sentence's start)
			if ((mark & COUNT_END) !== 0 && countEndsAt(norm, i)) cues |= CUE_COUNT;
			const endOfLine = ch === NEWLINE;
			if (endOfLine || (mark & SENTENCE_MARK) !== 0) {
				const end = endOfLine ? i : i + 1;
				if (!blankBetween(norm, start, end)) {
					out.push({ start, end, paragraph, cues });
					filled = true;
				}
				cues = 0;
				start = i + 1;
				// blank lines do not put paragraphs further apart
				if (endOfLine && filled) {
					paragraph++;
					filled = false;
				}
			}
			if (i >= to) break;
		}
	}
	return out;
}


function sortedByStart(spans: readonly Span[]): boolean {
	for (let i = 1; i < spans.length; i++) if (spans[i - 1]!.start > spans[i]!.start) return false;
	return true;
}

/**
 * The most precise division among mentions inside [from, to), the first one on a tie.
 * When the mentions are in text order (as findPlaces gives them) only those starting in the range
 * are visited: a document naming many meetings and places must not rescan every place per meeting.
 */
function mostPrecise(places: PlaceMention[], from: number, to: number, sorted: boolean): PlaceMention | null {
	let best: PlaceMention | null = null;
	for (let i = sorted ? firstStartingAt(places, from) : 0; i < places.length; i++) {
		const p = places[i]!;
		if (sorted && p.start > to) break;
		if (p.start < from || p.end > to) continue;
		if (!best || LEVEL_RANK[p.level] > LEVEL_RANK[best.level]) best = p;
	}
	return best;
}

/** Clause boundaries: a meeting name never crosses a comma, colon or semicolon. */
/**
 * How far around a verb a meeting's words can lie (sponsor, name, date, venue): a clause or
 * sentence longer than this (a giant line without punctuation) is only read this far, so the
 * work per verb stays bounded.
 */
const REACH = 240;

function clauseStart(norm: string, from: number, at: number): number {
	from = Math.max(from, at - REACH);
	for (let i = at - 1; i >= from; i--) if ((MARKS[norm.charCodeAt(i)]! & CLAUSE_MARK) !== 0) return i + 1;
	return from;
}

/**
 * norm.indexOf(char, from) where that lies below `limit`, else -1, reading only norm[from, limit):
 * a clause's search for its 、 or closing quote must not run to the end of a megabyte without one.
 */
function indexBelow(norm: string, code: number, from: number, limit: number): number {
	for (let i = from; i < limit; i++) if (norm.charCodeAt(i) === code) return i;
	return -1;
}
const ENUM_COMMA = 0x3001; // 、
const ZAI = 0x5728; // 在
const CHI = 0x6301; // 持 (持续)
const TIAN = 0x5929; // 天
const XIANG = 0x9879; // 项
const OPEN_CURLY = 0x201c; // “
const CLOSE_CURLY = 0x201d; // ”
/** Two quoted names joined by 及, 和 or 与 (not 暨, which names one event). */
const QUOTED_PAIR = /^“([^“”]+)”(?:及|和|与|以及)“([^“”]+)”$/;
const MU = 0x76ee; // 目
const RI = 0x65e5; // 日
const HAO = 0x53f7; // 号
const YUE = 0x6708; // 月
/** A month, a day or a range of days written without a year (6月, 23日, 23至24日, 6月23日—25日). */
const YEARLESS = /(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月)?(?:(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?:日|号)?(?:[至到—\-–~－](?:\d{1,2}月)?(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]))?[日号])?$/;

function clauseEnd(norm: string, at: number, to: number): number {
	to = Math.min(to, at + REACH);
	for (let i = at; i < to; i++) if ((MARKS[norm.charCodeAt(i)]! & CLAUSE_MARK) !== 0) return i;
	return to;
}

/** The first date (in text order) starting at `at` that passes `test`; a binary search, not a scan of all dates. */
function dateStartingAt(dates: DateMention[], at: number, test: (d: DateMention) => boolean): DateMention | undefined {
	for (let i = firstStartingAt(dates, at); i < dates.length && dates[i]!.start === at; i++) if (test(dates[i]!)) return dates[i];
	return undefined;
}

/** Removes leading dates, time words and sponsor phrases from a name candidate (`dates` in text order). */
function trimLead(norm: string, start: number, end: number, dates: DateMention[]): number {
	start = stripLeads(norm, start, end, dates);
	// cut a slogan or an announcing clause off the front, when what is left still reads as a name
	const rest = norm.slice(start, end);
	const cut = nameCut(rest);
	// a cut at a space inside a byline (记者 甲 乙)2015某论坛 leaves the byline's end: it goes too
	// (not at a space inside a quoted name: 某大赛"迎国赛 展风采"系列活动)
	if (cut > 0 && cut < rest.length && validName(rest.slice(cut)) && !insideQuote(rest, cut)) start = stripLeads(norm, start + cut, end, dates);
	return start;
}

/** Whether s[at] lies inside a quote opened before it in s and not closed (“…, or an odd count of "). */
function insideQuote(s: string, at: number): boolean {
	let open = 0;
	let straight = 0;
	for (let i = 0; i < at; i++) {
		const c = s.charCodeAt(i);
		if (c === 0x201c) open++;
		else if (c === 0x201d && open > 0) open--;
		else if (c === 0x22) straight ^= 1;
	}
	return open > 0 || straight === 1;
}

/** Skips leading dates, time words, sponsor phrases and byline ends from `start`. */
function stripLeads(norm: string, start: number, end: number, dates: DateMention[]): number {
	for (let guard = 0; guard < 8 && start < end; guard++) {
		const rest = norm.slice(start, end);
		const d = dateStartingAt(dates, start, notYear);
		// …(记者 某某)2015“某论坛”: the end of a byline before the name
		if (d) {
			start = d.end;
			continue;
		}
		// each pattern is tried only when its match could start here: every SPONSOR match ends in 的,
		// and see LEAD_FIRST, PART_OF and bracketNear for the others
		const c = rest.charCodeAt(0);
		const m =
			(LEAD_FIRST[c] === 1 ? LEAD.exec(rest) : null) ??
			(rest.includes('的') ? SPONSOR.exec(rest) : null) ??
			(c === 0x4f5c /* 作 */ ? PART_OF.exec(rest) : null) ??
			(c === 0x4ee5 /* 以 */ ? THEME.exec(rest) : null) ??
			(hasCode(FROM_BEFORE_DIGIT_FIRST, c) ? FROM_BEFORE_DIGIT.exec(rest) : null) ??
			(bracketNear(rest) ? BYLINE_END.exec(rest) : null);
		if (m) start += m[0].length;
		else break;
	}
	return start;
}

/**
 * Where NAME_CUT's match ends in `rest`, or -1. What is left after a cut must be a name of at most
 * 80 characters, so on a long line only its last characters can hold a cut worth making: the
 * pattern runs on them (a line without a break, where `.` crosses everything), not on megabytes.
 */
function nameCut(rest: string): number {
	// most candidates hold no separator at all: one plain search answers them
	if (!CUT_CUE.test(rest)) return -1;
	if (rest.length > NAME_CUT_TAIL * 2 && !LINE_BREAK.test(rest)) {
		const offset = rest.length - NAME_CUT_TAIL;
		const cut = NAME_CUT.exec(rest.slice(offset));
		// a separator ending at the tail's first character may have begun before it: ask the whole line
		if (cut && cut[0].length > 2) return offset + cut[0].length;
		if (!cut) return -1;
	}
	const cut = NAME_CUT.exec(rest);
	return cut ? cut[0].length : -1;
}
const NAME_CUT_TAIL = 96;
/** What every NAME_CUT match holds: a space, a dash pair, an announcing verb or a full stop (keep in step with it). */
const CUT_CUE = /[\s.]|——|宣[布告]/;
/** Held-event verbs read per sentence (see findMeetings). */
const MAX_VERBS_PER_SENTENCE = 32;
/** What `.` does not cross. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** A meeting word ending the string, tried where lastIndex says (2 or 3 characters before the end). */
const HEAD_WORD_AT = new RegExp(`${HEAD_WORD}$`, 'y');
const headWordAt = (s: string, at: number): boolean => {
	if (at < 0) return false;
	HEAD_WORD_AT.lastIndex = at;
	return HEAD_WORD_AT.test(s);
};
/**
 * endsWith(HEAD, s), exactly: answered from the last character when it ends no HEAD match; when it is
 * no closing bracket, HEAD has no bracketed tail there, so its match is a meeting word of 2 or 3
 * characters ending s, tried at those two places only instead of at each of the last 18.
 */
const headEnds = (s: string): boolean => {
	const last = s.charCodeAt(s.length - 1);
	if (!headLastAt(last)) return false;
	if (last === 0x29 /* ) */ || last === 0xff09 /* ） */) return endsWith(HEAD, s);
	return headWordAt(s, s.length - 2) || headWordAt(s, s.length - 3);
};
/** endsWith(ORG_END, s): every ORG_END word ends in 会. */
const orgEnds = (s: string): boolean => s.endsWith('会') && endsWith(ORG_END, s);

function validName(name: string): boolean {
	if (name.length < 5 || name.length > 80) return false;
	// 启动仪式暨成果展: the part before 暨 may carry the meeting word.
	if (hasCode('将在于的了并和及与', name.charCodeAt(name.length - 1)) || hasCode('暨和与及', name.charCodeAt(0))) return false;
	// (every test below must pass; the meeting word, which most candidates lack, is tested first)
	// a quoted event kind closing the name (…第五个“职业教育活动周”) ends it as well
	const bare = name.endsWith('”') && name.includes('“') ? name.slice(0, -1) : name;
	const whole = headEnds(bare);
	const head = bare.includes('暨') && !whole ? bare.slice(0, bare.lastIndexOf('暨')) : bare;
	// 一届一次理事会, 第二次常务理事会: a numbered session of a body is a meeting, not the body.
	if (!headEnds(head) || (orgEnds(head) && !endsWith(SESSION, head))) return false;
	// 全国28个省都开展了省级比赛: a count of divisions or a completed verb is a report, not a name
	// (the quotes are taken out only when the name has an opening one: most have none)
	const quoted = name.includes('“');
	if (/\d+个(省|市|县|区)|了|出席|宣布|致辞|讲话/.test(quoted ? name.replace(/“[^”]*”/g, '') : name)) return false;
	if (quoted ? /[“”]/.test(name.replace(/“[^“”]*”/g, '')) : name.includes('”')) return false;
	// …活动周暨…组委会: a name ending in an organisation is the organisation
	if (orgEnds(name) && !endsWith(SESSION, name)) return false;
	const opening = NAME_BITS.of[bare.charCodeAt(0)]!;
	if (((opening & ANAPHOR_AT) !== 0 && ANAPHOR.test(bare)) || ((opening & GENERIC_AT) !== 0 && GENERIC.test(bare)) || ((opening & COUNT_AT) !== 0 && COUNT.test(bare))) return false;
	if (/在|(?<![面导方走])向|把|被|(?<![中高初同平对均])等(?!级)|^[的了]/.test(bare.includes('“') || bare.includes('《') ? bare.replace(/“[^”]*”|《[^》]*》/g, '') : bare)) return false;
	if (bare.endsWith('项') && ITEM_COUNT.test(bare.slice(-8))) return false;
	// 信息技术类、土木水利类赛项竞赛: a list of a contest's categories is a part of it, not an event
	if (bare.includes('类、')) return false;
	// …三个项目的比赛, …的活动: a description of events, not a name.
	if (bare.charCodeAt(bare.length - 3) === DE && endsWith(DESCRIPTION, bare)) return false;
	return true;
}

/** Cuts a name after its last meeting word, keeping a 暨… continuation (仪式暨成果展). */
function cutAfterHead(norm: string, start: number, end: number): number {
	const s = norm.slice(start, end);
	if (/暨/.test(s) && headEnds(s.slice(0, s.lastIndexOf('暨')))) return end;
	for (let i = s.length; i > 0; i--) {
		if (!headLastAt(s.charCodeAt(i - 1))) continue;
		// (upTo holds SUFFIX_REACH characters at most: headEnds is HEAD.test here)
		const upTo = s.slice(Math.max(0, i - SUFFIX_REACH), i);
		// (赛项 inside 竞赛项目 is no meeting word)
		if (headEnds(upTo) && !ORG_END.test(upTo) && !(s.charCodeAt(i - 1) === XIANG && s.charCodeAt(i) === MU)) return start + i;
	}
	return start;
}

/** Where the last meeting word in norm[start, end) ends, looking back at most 80 characters (a name's length), or start. */
function lastHeadEnd(norm: string, start: number, end: number): number {
	for (let i = end; i > start && end - i < 80; i--) {
		if (!headLastAt(norm.charCodeAt(i - 1))) continue;
		const upTo = norm.slice(Math.max(start, i - SUFFIX_REACH), i);
		if (headEnds(upTo) && !ORG_END.test(upTo)) return i;
	}
	return start;
}

/** A year written in the name (2020年职业教育活动周…) as a year range. */
function yearInName(name: string): DateRange | null {
	// 2023年…, or a year opening a name without 年 (2016职业教育与城市发展高层对话会)
	const m = /((?:19|20)\d{2})年/.exec(name) ?? /^((?:19|20)\d{2})(?=[\u4e00-\u9fff“"])/.exec(name);
	return m ? { start: m[1]!, end: m[1]!, precision: 'year' } : null;
}

/** Words that place a speech or report's occasion in its text (this meeting, today). */
const TODAY = /今天|今日|这次|本次/g;

/**
 * The index of the first sentence holding a match of `re` (global; its words never overlap one
 * another, so its successive matches in the text miss none), or -1: one search of the text instead
 * of a slice and a search per sentence. A match counts only inside one sentence.
 */
function firstSentenceHolding(norm: string, sents: Sentence[], re: RegExp): number {
	re.lastIndex = 0;
	for (let m = re.exec(norm); m; m = re.exec(norm)) {
		const i = firstStartingAt(sents, m.index + 1) - 1;
		if (i >= 0 && m.index + m[0].length <= sents[i]!.end) return i;
	}
	return -1;
}

/** Counts by char code for overlap(), left all zero after each use. */
const BAG = new Uint16Array(0x10000);
const hasSurrogate = (s: string): boolean => /[\ud800-\udfff]/.test(s);

/**
 * Characters of the shorter name found in the longer one, as a share of the shorter. `astral`:
 * whether either name holds a surrogate, when the caller knows (else it is read here).
 */
function overlap(a: string, b: string, astral = hasSurrogate(a) || hasSurrogate(b)): number {
	// (no pair made per comparison: merging compares every mention with the recent ones)
	const short = a.length <= b.length ? a : b;
	const long = a.length <= b.length ? b : a;
	// by char code, with no map made per comparison (merging compares every mention with the
	// recent ones); a name with a character outside the BMP is counted by code point below
	if (long.length < 0xffff && !astral) {
		for (let i = 0; i < long.length; i++) BAG[long.charCodeAt(i)]!++;
		let hit = 0;
		for (let i = 0; i < short.length; i++) {
			const c = short.charCodeAt(i);
			if (BAG[c]! > 0) {
				hit++;
				BAG[c]!--;
			}
		}
		for (let i = 0; i < long.length; i++) BAG[long.charCodeAt(i)] = 0;
		return short.length ? hit / short.length : 0;
	}
	const bag = new Map<string, number>();
	for (const ch of long) bag.set(ch, (bag.get(ch) ?? 0) + 1);
	let hit = 0;
	for (const ch of short) {
		const n = bag.get(ch) ?? 0;
		if (n > 0) {
			hit++;
			bag.set(ch, n - 1);
		}
	}
	return short.length ? hit / short.length : 0;
}

function yearsOf(name: string): string {
	return (name.match(/(19|20)\d{2}/g) ?? []).join(',');
}

/** Whether one range lies within the other at the coarser precision (2019 holds 2019-11-09). */
function compatible(a: DateRange, b: DateRange): boolean {
	// (one start a prefix of the other, read without slicing)
	return a.start.length <= b.start.length ? b.start.startsWith(a.start) : a.start.startsWith(b.start);
}

const MIDDLE_DOT = /[•・‧∙･]/g;
/** A name folded and its years, kept per name: merging compares every mention with the recent ones. */
interface NameKey {
	name: string;
	folded: string;
	years: string;
	astral: boolean;
	/** sameNames' answer for each key this one was compared with, once asked */
	similar?: Map<NameKey, boolean>;
}
const nameKeys = new Map<string, NameKey>();
function nameKey(name: string): NameKey {
	let k = nameKeys.get(name);
	if (!k) {
		const full = fold(name);
		// compared with one middle dot (·, •, ・ are one mark as pages write them)
		const folded = full.replace(MIDDLE_DOT, '·');
		k = { name, folded, years: yearsOf(full), astral: hasSurrogate(folded) };
		if (nameKeys.size >= 2048) nameKeys.clear();
		nameKeys.set(name, k);
	}
	return k;
}
/** The key of a draft's name, kept on the draft until its name changes: it is compared with many others. */
function keyOf(d: Draft): NameKey {
	let k = d.key;
	if (k === undefined || k.name !== d.name) d.key = k = nameKey(d.name);
	return k;
}

const sameMeeting = (a: Draft, b: Draft): boolean => {
	if (a.date && b.date && !compatible(a.date, b.date) && !(a.occasion || b.occasion || a.dateFromName || b.dateFromName)) return false;
	return sameNames(keyOf(a), keyOf(b));
};

/**
 * Whether two names are one meeting's, kept per pair of keys: a page naming one meeting many times
 * compares the same two names again and again.
 */
function sameNames(a: NameKey, b: NameKey): boolean {
	const similar = (a.similar ??= new Map());
	let same = similar.get(b);
	if (same === undefined) similar.set(b, (same = namesMatch(a, b)));
	return same;
}

function namesMatch({ folded: an, years: ya, astral: xa }: NameKey, { folded: bn, years: yb, astral: xb }: NameKey): boolean {
	// names compare folded: a Traditional page's displayed name and one built from the folded text
	if (ya && yb && ya !== yb) return false;
	if (an.includes(bn) || bn.includes(an)) return true;
	// near-identical names only: a short generic name is not any long one holding its characters
	const short = an.length <= bn.length ? an : bn;
	const long = an.length <= bn.length ? bn : an;
	return short.length * 2 >= long.length && overlap(an, bn, xa || xb) >= 0.8;
}

const HEAD_COUNT = /(约|近|将近|超过|逾|共|共计|合计|总计)?(\d+|[一二两三四五六七八九十百千]+)(余|多)?(?:名|人|位)(?!次)(左右|以上)?/y;
/** Every character a HEAD_COUNT match can start with; keep in step with it. */
const HEAD_COUNT_FIRST = new Uint8Array(0x10000);
for (const c of '约近将超逾共合总0123456789一二两三四五六七八九十百千') HEAD_COUNT_FIRST[c.charCodeAt(0)] = 1;

const PLANNED = /预计|将有|将(?:参加|参赛|出席)|计划(?!单列)|拟(?:于|在|将|邀|有)/;
const QUOTED = /“[^“”]{0,30}”/g;

/** The reporting school itself (我校, 本院), or the reporting division (我市, 本省), as a count's owner. */
const OWN_SIDE = /(?:我|本)(?:校|院|市|省|区|县|州)(?!.*(?:我|本)(?:校|院|市|省|区|县|州))/;
const TEAM = /代表队|代表团|参赛队/;
/** A school's name and its team right before a head count (某学院学生组, 某学校代表队). */
const NAMED_TEAM = /(?:学院|学校|大学|中学|中专|技校|职教中心)(?:学生组|教师组|代表队|参赛队|代表团)$/;
const WO = '我'.charCodeAt(0);
const BEN = '本'.charCodeAt(0);
/** Words that join the reporting side to others: the count after them is a total (我市及外省代表共800人). */
const JOINED = /[及和与、]|共|合计|总计|等/;
/**
 * Whether the count at text[at, tail) is the size of the reporting side's own delegation (我校6名师生,
 * 我市99名学生组成代表队): its clause names the reporting school, or the reporting division with a
 * team, right before it, joined to no one else.
 */
function delegation(text: string, at: number, tail: number): boolean {
	// 某职业技术学院学生组3名选手: a named school's team (read only after 组, 队 or 团)
	if (hasCode('组队团', text.charCodeAt(at - 1)) && NAMED_TEAM.test(text.slice(Math.max(0, at - 16), at))) return true;
	let from = at;
	// (OWN_SIDE's matches open with 我 or 本: words without either are no delegation)
	let ownWord = false;
	for (let c = text.charCodeAt(from - 1); from > 0 && from > at - 40 && !hasCode('，,。；;！？!?', c); c = text.charCodeAt(--from - 1)) ownWord ||= c === WO || c === BEN;
	if (!ownWord) return false;
	const before = text.slice(from, at);
	const own = OWN_SIDE.exec(before);
	if (!own || JOINED.test(before.slice(own.index + 2))) return false;
	if (own[0][1] === '校' || own[0][1] === '院') return true;
	let to = tail;
	while (to < text.length && to < tail + 40 && !hasCode('，,。；;！？!?', text.charCodeAt(to))) to++;
	return TEAM.test(before) || TEAM.test(text.slice(tail, to));
}

/** The reported head count near a meeting: 200余人 → 200 over, 约700名 → 700 about. */
function attendeesIn(norm: string, s: Span, totalOnly = false): { value: number; qualifier: Qualifier } | null {
	const text = norm.slice(s.start, s.end);
	// what is planned has no head count yet; both cues are read at the first count found
	let planned: boolean | undefined;
	let verb: boolean | undefined;
	const re = HEAD_COUNT;
	let first: { value: number; qualifier: Qualifier } | null = null;
	// the leftmost matches, as a global search finds them, tried only where a count can start
	for (let at = 0, m: RegExpExecArray | null = null; at < text.length; at = m ? m.index + m[0].length : at + 1) {
		m = null;
		if (!HEAD_COUNT_FIRST[text.charCodeAt(at)]) continue;
		re.lastIndex = at;
		m = re.exec(text);
		if (!m) continue;
		const before = text[m.index - 1] ?? '';
		if (before === '第' || /\d/.test(before)) continue;
		// “三位一体”, 五位一体: a count opening a quoted phrase, or one of 一体, is a slogan
		if (before === '“' || text.startsWith('一体', m.index + m[0].length)) continue;
		const v = parseSmallNumber(m[2]!);
		if (v == null || v < 2) continue;
		// (a plan's word inside a quoted name, “星光计划”大赛, plans nothing)
		if ((planned ??= PLANNED.test(text.includes('“') ? text.replace(QUOTED, '') : text))) return null;
		verb ??= PARTICIPATE.test(text);
		const pre = m[1] ?? '';
		// without a verb of taking part, only a count of participants (380位代表, 嘉宾…共约60人) is one
		const tail = m.index + m[0].length;
		if (!verb && !PARTICIPANT_AFTER.test(text.slice(tail, tail + 6)) && !PARTICIPANT_BEFORE.test(text.slice(Math.max(0, m.index - 14), m.index)) && !(text.startsWith('来自', tail) && PARTICIPANT_FROM.test(text.slice(tail, tail + 52)))) continue;
		// 我校12名同学参加, 我市99名学生组成代表队: the reporting side's delegation, not the event's head count
		if (delegation(text, m.index, tail)) continue;
		const qualifier: Qualifier = m[3] || pre === '超过' || pre === '逾' ? 'over' : pre === '约' || m[4] === '左右' ? 'about' : /近/.test(pre) ? 'nearly' : m[4] === '以上' ? 'atLeast' : 'exact';
		// 177名专家和226名研究生，共计430余人: a total stated after the parts is the head count.
		if (/^(共|共计|合计|总计)$/.test(pre) || /共计|合计|总计|共有|总数达?$/.test(text.slice(Math.max(0, m.index - 4), m.index))) return { value: v, qualifier };
		if (!totalOnly) first ??= { value: v, qualifier };
	}
	return first;
}

/**
 * Meetings the document reports as held, with name, date, venue, head count and the divisions
 * taking part. A speech's or report's occasion is always included.
 * @example findMeetings(doc, places, published)[0]?.name // '苏鲁皖职业教育学会联合学术年会'
 */
export function findMeetings(doc: PreparedDocument, places: PlaceMention[], published: DateRange | null): MeetingMention[] {
	const { norm } = doc;
	// The dates (in text order, by start) are found when first asked for: a page without a held-verb
	// never needs them, nor its reference date.
	let datesFound: DateMention[] | null = null;
	const allDates = (): DateMention[] => (datesFound ??= findDates(norm, { ref: published ?? refDate() ?? onlyYear(), today: datelineDay() }));
	let refFound: DateRange | null | undefined;
	const refDate = (): DateRange | null => (refFound === undefined ? (refFound = referenceDate(doc)) : refFound);
	const placesSorted = sortedByStart(places);
	const sents = sentences(norm, doc.body.length ? doc.body : [{ start: 0, end: norm.length }]);
	const titleSpan = doc.body[0] ?? null;
	// The first body line is the title when the page has one; its mention only names the meeting.
	const titleLineEnd = titleSpan && doc.title ? (norm.indexOf('\n', titleSpan.start) + 1 || norm.length) : -1;
	const drafts: Draft[] = [];
	// the day opening the article, its paragraph and the date after it (articleDay), once asked
	let articleLead: { lead: DateMention; paragraph: number; next: DateMention | null } | null | undefined;
	const dominantCache = new Map<string, PlaceMention | null>();
	/**
	 * A page without any date of its own that writes one year only (in its first ONLY_YEAR_REACH
	 * characters: 2024年某大赛 … 5月25日): that year anchors its year-less dates.
	 */
	function onlyYear(): DateRange | null {
		let year: string | null = null;
		// (a year opening a period, 2008年至今, dates nothing the page reports)
		for (const m of norm.slice(0, ONLY_YEAR_REACH).matchAll(/(?<!\d)((?:19|20)\d{2})(?=年(?!至今|以来|起|开始)|[-./]\d)/g)) {
			if (year !== null && m[1] !== year) return null;
			year = m[1]!;
		}
		return year === null ? null : { start: year, end: year, precision: 'year' };
	}
	// The dateline's place (本报太原…讯): where the reporter files from, with its paragraph.
	const line = dateline(doc);
	/**
	 * The day a news dateline gives (本报12月20日讯 … 今天), in the publication date's year, when the page
	 * was published at most a week after it: its 今天 and 昨天 are told from that day, not the page's.
	 */
	function datelineDay(): DateRange | null {
		if (!line || !published || published.precision !== 'day') return null;
		// (its month and day as written: the dateline's own year may be unknown)
		const m = /(\d{1,2})月(\d{1,2})日/.exec(norm.slice(line.start, line.end));
		if (!m) return null;
		const md = `-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
		let iso = published.start.slice(0, 4) + md;
		if (iso > published.start) iso = String(Number(iso.slice(0, 4)) - 1) + md;
		if (shiftIso(iso, 0) !== iso) return null;
		const gap = daysBetween(iso, published.start);
		return gap >= 1 && gap <= 7 ? { start: iso, end: iso, precision: 'day' } : null;
	}
	const linePlace = line ? mostPrecise(places, line.start, line.end, placesSorted) : null;
	const lineDate = line && linePlace ? { place: linePlace, paragraphEnd: norm.indexOf('\n', line.end) < 0 ? norm.length : norm.indexOf('\n', line.end) } : null;

	sents.forEach((s, si) => {
		if ((s.cues & (CUE_HELD | CUE_OPENED)) === 0) return;
		const text = norm.slice(s.start, s.end);
		// 某工坊正式启用，领导出席仪式并致辞: the ceremony of what was opened
		// (a literal search for the verb first, in a sentence holding the start of one of its words;
		// the ceremony is then looked for after it)
		OPENED_VERB.lastIndex = 0;
		const opened = (s.cues & CUE_OPENED) !== 0 ? OPENED_VERB.exec(text) : null;
		if (opened && CEREMONY_AFTER.test(text.slice(opened.index + opened[0].length, opened.index + opened[0].length + 100))) {
			const subjEnd = s.start + opened.index;
			const subjStart = trimLead(norm, clauseStart(norm, s.start, subjEnd), subjEnd, allDates());
			const name = norm.slice(subjStart, subjEnd) + opened[1]! + '仪式';
			if (subjEnd - subjStart >= 4 && validName(name)) {
				const d = finish(s, si, subjEnd, subjStart, subjEnd, name);
				if (d) drafts.push(d);
			}
		}
		// the first held verb, which the loop below starts from (the text is searched once)
		if ((s.cues & CUE_HELD) === 0) return;
		HELD.lastIndex = 0;
		let m = HELD.exec(text);
		if (!m) return;
		// A line without any punctuation other than the title is a headline in a link list.
		if (!/[，,。；;！!？?]/.test(text) && !(titleSpan && s.start < titleSpan.start + 200 && si < 3)) return;
		// a run-on line naming more held events than any sentence does is a list, not prose: its
		// first ones are read, and the work stays bounded on a megabyte without a sentence end
		let verbs = 0;
		for (; m && verbs < MAX_VERBS_PER_SENTENCE; m = HELD.exec(text), verbs++) {
			const at = s.start + m.index;
			// 启动仪式, 开幕式, 开班典礼: the verb is part of a name here, not its predicate.
			// (PART_OF_NAME tried only where one of its words can start: most verbs are followed by none)
			const after = at + m[0].length;
			// (the two characters after it made into a string only when a test reads them)
			const verb = m[0];
			const tested = hasCode(PART_OF_NAME_FIRST, norm.charCodeAt(after)) || verb === '启动' || verb === '承办';
			const next = tested ? norm.slice(after, after + 2) : '';
			if (tested && ((hasCode(PART_OF_NAME_FIRST, norm.charCodeAt(after)) && PART_OF_NAME.test(next)) || (verb === '启动' && PART_OF_LAUNCH.test(next)) || (verb === '承办' && PART_OF_HOSTING.test(next)))) continue;
			const d = draftAt(s, si, at, at + m[0].length);
			if (d) drafts.push(d);
		}
	});

	function draftAt(s: Sentence, si: number, verbStart: number, verbEnd: number): Draft | null {
		const cStart = clauseStart(norm, s.start, verbStart);
		const before = norm.slice(cStart, verbStart);
		const launch = norm.startsWith('启动', verbStart);
		// /的(成功|顺利)?$|^[^，,]*关于/ read without a regex: an ending, and the first 关于 with no comma before it
		// (成功的承办了: 的 standing for 地 before a completed verb is no such ending)
		if ((before.endsWith('的') && !(HOSTED_AFTER.test(before) && norm[verbEnd] === '了')) || before.endsWith('的成功') || before.endsWith('的顺利')) return null;
		const guan = before.indexOf('关于');
		if (guan >= 0 && before.lastIndexOf('，', guan) < 0 && before.lastIndexOf(',', guan) < 0) return null;
		let nameStart = -1;
		let nameEnd = -1;
		// Name before the verb: NAME (今天)(在 VENUE)(隆重) VERB.
		const zai = before.lastIndexOf('在');
		const tryBefore = (from: number, end: number): boolean => {
			const span = nameBefore(from, end);
			if (!span) return false;
			[nameStart, nameEnd] = span;
			return true;
		};
		const zaiAt = zai >= 0 && verbStart - (cStart + zai) <= 30 ? cStart + zai : -1;
		let found = (zaiAt >= 0 && tryBefore(cStart, zaiAt)) || tryBefore(cStart, verbStart);
		// NAME，(DATE)在VENUE VERB: the clause before the verb holds only its date and venue.
		if (!found && cStart > s.start && /[，,]/.test(norm[cStart - 1]!) && trimLead(norm, cStart, zaiAt >= 0 ? zaiAt : verbStart, allDates()) === (zaiAt >= 0 ? zaiAt : verbStart)) {
			const prevStart = clauseStart(norm, s.start, cStart - 1);
			found = tryBefore(prevStart, cStart - 1);
			// NAME由某学院承办，于DATE在VENUE举行: the clause before names the event, then its sponsor
			if (!found && cStart - 1 - prevStart <= 120) {
				const sponsor = SPONSOR_TAIL.exec(norm.slice(prevStart, cStart - 1));
				if (sponsor && sponsor.index > 0) found = tryBefore(prevStart, prevStart + sponsor.index);
			}
		}
		if (!found) {
			// Name after the verb: (SUBJECT)(在 VENUE) VERB(了|的) NAME.
			let st = verbEnd;
			if (norm[st] === '了' || norm[st] === '的') st++;
			let limit = clauseEnd(norm, st, s.end);
			// 启动以“甲，乙”为主题的某活动周: a clause mark inside a quote ends no clause
			if (limit < s.end && indexBelow(norm, OPEN_CURLY, st, limit) >= 0) {
				const close = indexBelow(norm, CLOSE_CURLY, limit, Math.min(s.end, limit + 60));
				if (close > limit && indexBelow(norm, CLOSE_CURLY, st, limit) < 0) limit = clauseEnd(norm, close + 1, s.end);
			}
			// (every name read below lies within norm[st, limit))
			if (!headLastIn(norm, st, limit)) return null;
			// 举行了“某成就展”和“某竞赛”: the first quoted name
			const q = OPEN_QUOTE.indexOf(norm[st] ?? '');
			if (q >= 0) {
				const close = indexBelow(norm, CLOSE_QUOTE.charCodeAt(q), st + 1, limit);
				if (close > st && close < limit && validName(norm.slice(st + 1, close)) && !NOT_HELD.test(norm.slice(cStart, verbStart))) {
					return finish(s, si, verbStart, st + 1, close, norm.slice(st + 1, close));
				}
			} else st = trimLead(norm, st, limit, allDates());
			// 承办了某大赛、某推进会: a list of names after the verb, each an event of its own
			const listed = listedNames(st, limit);
			const e = listed.length ? listed[0]!.end : cutAfterHead(norm, st, limit);
			const name = norm.slice(st, e);
			// 启动 with its object after it starts a project, unless what starts is an event period (启动…2018年职业教育活动周)
			if (e <= st || (launch && !endsWith(LAUNCHED, name))) return null;
			const subjectEnd = zaiAt >= 0 ? zaiAt : verbStart;
			if (NOT_HELD.test(norm.slice(cStart, verbStart))) return null;
			// 为5月举行的全国大赛选拔人才: an event the clause prepares for
			if (norm[verbEnd] === '的' && /为[^，,]{0,12}$/.test(norm.slice(cStart, verbStart))) return null;
			// 今年的大会是…以来，国务院召开的第一次全国大会: a description of an event, not its report
			if (norm[verbEnd] === '的' && DESCRIBED.test(norm.slice(Math.max(s.start, verbStart - 40), verbStart))) return null;
			// 某社在某地召开第五次社员代表大会, 教育部召开的新闻发布会: the subject names the body whose meeting it is
			// (not when it only hosts it: 某学院承办第一届某论坛)
			const bodyOfDivision = /^(党委|党组|政府|人大|政协|省委|市委|区委|县委)/.test(name);
			const subj = norm.startsWith('承办', verbStart) ? null : /^(第|全体|首届|首次|直辖)/.test(name) ? trimLead(norm, cStart, subjectEnd, allDates()) : name.length < 8 || bodyOfDivision ? subjectOrg(cStart, subjectEnd, bodyOfDivision) : null;
			if (subj != null && subj < subjectEnd && validName(norm.slice(subj, subjectEnd) + name)) {
				return finish(s, si, verbStart, subj, e, norm.slice(subj, subjectEnd) + name);
			}
			if (!validName(name)) return null;
			if (listed.length) {
				for (const n of listed) {
					const d = finish(s, si, verbStart, n.start, n.end, norm.slice(n.start, n.end));
					if (d) drafts.push(d);
				}
				return null;
			}
			nameStart = st;
			nameEnd = e;
		}
		if (NOT_HELD.test(norm.slice(cStart, nameStart)) || NOT_HELD.test(norm.slice(nameEnd, verbStart))) return null;
		if (CONTINUES.test(norm.slice(cStart, cStart + 2)) && CARRIED.test(norm.slice(Math.max(s.start, cStart - REACH), cStart))) return null;
		if (launch && !endsWith(LAUNCHED, norm.slice(nameStart, nameEnd).replace(/”$/, ''))) return null;
		// “甲论坛”及“乙推进会”在…召开: two events named side by side, each held
		const pair = norm.charCodeAt(nameStart) === OPEN_CURLY && norm.charCodeAt(nameEnd - 1) === CLOSE_CURLY ? QUOTED_PAIR.exec(norm.slice(nameStart, nameEnd)) : null;
		if (pair && validName(pair[1]!) && validName(pair[2]!)) {
			const first = finish(s, si, verbStart, nameStart + 1, nameStart + 1 + pair[1]!.length, pair[1]!);
			if (first) drafts.push(first);
			return finish(s, si, verbStart, nameEnd - 1 - pair[2]!.length, nameEnd - 1, pair[2]!);
		}
		return finish(s, si, verbStart, nameStart, nameEnd, norm.slice(nameStart, nameEnd));
	}

	/**
	 * The names of a list after a verb (某大赛、某推进会) in norm[from, limit): each item a name up to
	 * its 、, the last one up to its meeting word; none when the first item is no name.
	 */
	function listedNames(from: number, limit: number): Span[] {
		const out: Span[] = [];
		for (let sep = indexBelow(norm, ENUM_COMMA, from, limit); sep > from && sep < limit && validName(norm.slice(from, sep)); sep = indexBelow(norm, ENUM_COMMA, from, limit)) {
			out.push({ start: from, end: sep });
			from = sep + 1;
		}
		const end = out.length && from < limit ? cutAfterHead(norm, from, limit) : from;
		if (end > from && validName(norm.slice(from, end))) out.push({ start: from, end });
		return out;
	}

	/** A meeting name in norm[from, end): trailing time words and dates, leading sponsors and quotes removed. */
	function nameBefore(from: number, end: number): [number, number] | null {
		// (the name lies within norm[from, end): its search is made only where it can end)
		if (!headLastIn(norm, from, end)) return null;
		const dates = allDates();
		let e = end;
		// 大赛于10月28日—29日在…: trailing words and dates alternate
		for (let guard = 0; guard < 4; guard++) {
			const was = e;
			const trail = e > from && TRAIL_LAST.has(norm.charCodeAt(e - 1)) ? trailOf(norm.slice(from, e)) : null;
			if (trail) e -= trail[0].length;
			// a date ending right at the name's end: only dates starting in [from, e] can
			const e0 = e;
			for (let i = firstStartingAt(dates, from); i < dates.length && dates[i]!.start <= e0; i++) {
				const d = dates[i]!;
				if (d.end === e && d.start >= from) e = d.start;
			}
			// a month or day the page gives no year for (23至24日, 于6月) is no date mention, yet no part of the name
			if (e === e0 && e > from) {
				const c = norm.charCodeAt(e - 1);
				const bare = c === RI || c === HAO || c === YUE ? YEARLESS.exec(norm.slice(Math.max(from, e - 14), e)) : null;
				if (bare && bare[0].length > 1) e -= bare[0].length;
			}
			if (e === was) break;
		}
		// 首届某大赛(简称“某赛”)在…: the abbreviation note is not part of the name
		// (only a name ending in a closing bracket can end in one)
		const last = norm.charCodeAt(e - 1);
		const note = e > from && (last === 0x29 || last === 0xff09) ? ABBREVIATION_NOTE.exec(norm.slice(Math.max(from, e - 24), e)) : null;
		if (note) e -= note[0].length;
		let st = trimLead(norm, from, e, dates);
		// 2021年某大赛“甲”“乙”等四个赛项在…开赛: the contest, without the count of its items
		if (norm.charCodeAt(e - 1) === XIANG) {
			const items = ITEM_TAIL.exec(norm.slice(Math.max(st, e - 10), e));
			const cut = items ? lastHeadEnd(norm, st, e - items[0].length) : e;
			if (cut > st) e = cut;
		}
		// 2021年某大赛“某某安装与调试”项目由…承办: one item of the contest, which is the event
		else if (norm.charCodeAt(e - 1) === MU && norm.charCodeAt(e - 2) === XIANG) {
			// (only when the contest's head word ends right before the quote)
			const item = QUOTED_ITEM_TAIL.exec(norm.slice(Math.max(st, e - 40), e));
			if (item && lastHeadEnd(norm, st, e - item[0].length) === e - item[0].length) e -= item[0].length;
		}
		// 宁夏最大规模的某大赛, 全省规格最高的某论坛: a description ending in 的 is no part of the name
		const de = e - st <= 80 ? st + norm.slice(st, e).lastIndexOf('的') : -1;
		if (de > st && RANKED.test(norm.slice(st, de)) && validName(norm.slice(de + 1, e))) st = de + 1;
		// an opening quote whose close lies inside the name (“2013年某大赛“某杯”赛项) is stray
		if (norm[st] === '“') {
			const rest = norm.slice(st + 1, e);
			if (rest.split('“').length === rest.split('”').length) st++;
		}
		// “2020职业教育论坛”在…举行, …协办「…座谈会」: a quoted name ending the clause is the name.
		// a name quoted whole loses its quotes; 山西省2020年“职业教育活动周” reads whole; a sponsor's
		// clause ending in a quoted name (…协办「某座谈会」) gives the quoted name
		if (CLOSE_QUOTE.includes(norm[e - 1] ?? '') && OPEN_QUOTE.includes(norm[st] ?? '') && lastOpenQuote(st, e - 1) === st) {
			st++;
			e--;
		} else if (CLOSE_QUOTE.includes(norm[e - 1] ?? '') && !validName(norm.slice(st, e))) {
			const open = lastOpenQuote(st, e - 1);
			if (open >= 0) {
				st = open + 1;
				e -= 1;
			}
		}
		return validName(norm.slice(st, e)) ? [st, e] : null;
	}

	/** The index of the opening quote matching the closing one at `close`, searching back to `from`. */
	function lastOpenQuote(from: number, close: number): number {
		const want = OPEN_QUOTE[CLOSE_QUOTE.indexOf(norm[close]!)];
		for (let i = close - 1; i >= from; i--) {
			if (norm[i] === want) return i;
			if (norm[i] === norm[close] && want !== norm[close]) return -1;
		}
		return -1;
	}

	/** The organisation a clause's subject ends with (记者从教育部 → 教育部), as its start, or null. */
	function subjectOrg(from: number, end: number, division = false): number | null {
		const text = norm.slice(from, end);
		// “某产教融合共同体”在某校举行筹建启动仪式: a quoted organisation as the subject
		if (text.endsWith('”')) {
			const open = text.lastIndexOf('“');
			const inner = open >= 0 && text.length - open <= 42 ? text.slice(open + 1, -1) : '';
			return inner.length >= 3 && !inner.includes('”') && ORG_SUBJECT.test(inner) ? from + open : null;
		}
		const m = /(?:^|[从据由向与和及、的为)）]|记者|日)([^从据由向与和及、的为)）\s\d]{3,24})$/.exec(text);
		if (!m || !(ORG_SUBJECT.test(m[1]!) || (division && DIVISION_SUBJECT.test(m[1]!))) || /^(我|本|该|其|这)/.test(m[1]!)) return null;
		return end - m[1]!.length;
	}

	function finish(s: Sentence, si: number, verbStart: number, nameStart: number, nameEnd: number, normName: string): Draft | null {
		// The displayed name comes from the original text (Traditional characters kept).
		const name = nameStart + normName.length === nameEnd ? doc.text.slice(nameStart, nameEnd) : normName;
		// dates come in text order: only those starting inside the sentence are visited, in one pass that
		// notes each candidate below (no list of them is made: a page may hold tens of thousands of mentions)
		const lo = Math.max(s.start, Math.min(nameStart, verbStart) - REACH);
		const hi = Math.min(s.end, Math.max(nameEnd, verbStart) + REACH);
		// else a date after the name in its own clause (某会召开于5月7日), not one a later clause plans
		const clauseTo = clauseEnd(norm, Math.max(nameEnd, verbStart), s.end);
		// Venue: a place between 在 and the verb, else in the clause's subject, else in the name.
		const cStart = clauseStart(norm, s.start, Math.min(nameStart, verbStart));
		// only a 在 at most 30 characters before the verb counts, so only that far is searched
		const near = Math.max(0, verbStart - 30);
		let zai = verbStart;
		while (zai >= near && norm.charCodeAt(zai) !== ZAI) zai--;
		if (zai < near) zai = -1;
		let venue: PlaceMention | null = null;
		if (zai >= s.start && zai >= Math.min(cStart, nameStart) - 1 && verbStart - zai <= 30) venue = mostPrecise(places, zai, verbStart, placesSorted);
		// 在津开赛, 在京召开: a municipality by its one-character short name, alone in the 在 slot
		if (!venue && zai >= 0 && zai >= s.start && verbStart - zai <= 8) venue = municipalityAt(zai + 1, verbStart);
		if (!venue && nameStart > verbStart) venue = mostPrecise(places, cStart, verbStart, placesSorted);
		// A more precise place inside the venue sharpens it: 在宁夏某学院举行 the 银川市西夏区…年会 → 西夏区.
		venue = sharpen(venue, mostPrecise(places, nameStart, nameEnd, placesSorted));
		// 在某省某市某校的车间内，…开赛: a 在-place earlier in the sentence.
		if (venue && venue.level !== 'county') venue = sharpen(venue, zaiPlaceBefore(Math.max(s.start, verbStart - REACH), Math.min(nameStart, verbStart)));
		// 4月3日，在某省某市某校车间内，选手比赛。某选拔赛开赛。: the sentence before, in the same paragraph
		const prev = sents[si - 1];
		if (venue && venue.level === 'province' && prev && prev.paragraph === s.paragraph) venue = sharpen(venue, zaiPlaceBefore(Math.max(prev.start, prev.end - REACH), prev.end));
		// (a venue only inferred from 全市/我省 is none the text writes: an undated mention needs more)
		// 在黑龙江某职业技术学院举行: an institution named by its province lies in the one city of that
		// province the page names (its city's officials attend), when it names one only
		if (venue && venue.level === 'province' && zai >= 0 && INSTITUTION.test(norm.slice(zai, verbStart))) venue = sharpen(venue, onlyCity(venue));
		// 某会议(山东·济南)期间，某交流会在山东某中心举行: the one city of the venue's province that the
		// sentence's earlier clauses name (not the event's own clause, which may list guests' companies)
		if (venue && venue.level === 'province' && cStart > s.start) venue = sharpen(venue, onlyCityIn(venue, Math.max(s.start, cStart - REACH), cStart));
		const written = venue;
		venue = localVenue(venue, s, cStart, Math.max(nameEnd, verbStart));
		// (在我市开幕 writes it: the page's own city or province in the 在 slot)
		const venueWritten = written !== null || (venue !== null && ((lineDate !== null && venue.code === lineDate.place.code) || (zai >= 0 && OWN_PLACE.test(norm.slice(zai, verbStart)))));
		// NAME，2024年12月17日在…举行: a date between the name and its verb is the meeting's (the first)
		let between: DateMention | undefined;
		// the last day or month before the name; a bare year (…2023年工作计划，举行了…) only when there is none
		let lastDayBefore: DateMention | undefined;
		let lastBefore: DateMention | undefined;
		let afterInClause: DateMention | undefined;
		const dates = allDates();
		for (let i = firstStartingAt(dates, lo); i < dates.length && dates[i]!.start <= hi; i++) {
			const d = dates[i]!;
			if (!(d.end <= hi && (d.end <= nameStart || d.start >= nameEnd))) continue;
			const dayOrMonth = d.date.precision !== 'year';
			if (d.end <= nameStart) {
				lastBefore = d;
				if (dayOrMonth) lastDayBefore = d;
			}
			if (between === undefined && nameEnd <= verbStart && d.start >= nameEnd && d.end <= verbStart && dayOrMonth) between = d;
			if (afterInClause === undefined && dayOrMonth && d.start >= nameEnd && d.start < clauseTo) afterInClause = d;
		}
		// a mention kept for its written venue but dated nowhere in its sentence: the day opening its paragraph,
		// else the article's lead day when no other day stands between (a report of one day's events)
		// (never one of another year than the name writes: 此前，2020年某仪式在某市举行 in a 2021 report)
		let borrowed = (between ?? lastDayBefore ?? lastBefore ?? afterInClause) || !venueWritten ? undefined : (paragraphDay(si) ?? articleDay(si));
		const yearOfName = borrowed && normName.includes('年') ? yearInName(normName) : null;
		if (borrowed && yearOfName && yearOfName.start !== borrowed.date.start.slice(0, 4)) borrowed = undefined;
		const chosen = between ?? lastDayBefore ?? lastBefore ?? afterInClause ?? borrowed ?? null;
		let date: DateRange | null = chosen?.date ?? null;
		if (date && date.precision === 'year' && yearInName(normName)) date = yearInName(normName);
		// 3月31日，2016年某赛开幕 on a page dated 2018: a year written in the name beats the page's year.
		// (the name's years are read only for such a date; a name without 年 writes none)
		// (not when the page was published within weeks after that day of its own year: a 2022年… contest's
		// meeting reported a day after it was held belongs to the page's year)
		if (date && chosen && chosen.yearSource !== 'text' && chosen.yearSource !== 'relative' && date.precision !== 'year' && (normName.includes('年') || /^(?:19|20)\d/.test(normName)) && !reportedSoonAfter(chosen, date)) {
			// (2025某研讨会: a year opening a name without 年 is the name's year too)
			const nameYears = new Set(normName.includes('年') ? (normName.match(/(?:19|20)\d{2}(?=年)/g) ?? []) : [yearInName(normName)?.start].filter((y) => y !== undefined));
			const y = nameYears.size === 1 ? [...nameYears][0]! : null;
			if (y !== null && y !== date.start.slice(0, 4)) date = { start: y + date.start.slice(4), end: String(Number(y) + Number(date.end.slice(0, 4)) - Number(date.start.slice(0, 4))) + date.end.slice(4), precision: date.precision };
		}
		// (a year known only from the name is no evidence against another mention's day)
		// 比赛期间还召开了某座谈会: an event held during the one reported before it takes that one's days
		// (期间 read only for an undated mention; the last dated mention before it is the event it names)
		// (the period may open the sentence in a clause of its own: 启动仪式后，主办方还举行了…)
		const during = Math.max(s.start, cStart - 12);
		if (date === null && (indexBelow(norm, QI, during, verbStart) >= 0 || indexBelow(norm, HOU, during, verbStart) >= 0) && DURING.test(norm.slice(during, verbStart))) {
			for (let i = drafts.length - 1; i >= 0 && i >= drafts.length - MERGE_WINDOW; i--) {
				const o = drafts[i]!;
				if (o.date !== null && o.end <= cStart) {
					date = o.date;
					break;
				}
			}
		}
		const dateFromName = date === null;
		date ??= yearInName(normName);
		if (date && date.precision === 'day' && !endsWith(CEREMONY, normName)) date = withDuration(date, s, verbStart);
		const fromTitle = titleLineEnd >= 0 && s.start < titleLineEnd;
		// 某大赛6月在津举办 as the headline of a page of April: a month still to come, which the year-less
		// reading put a year back, announces a plan
		if (fromTitle && chosen && chosen === afterInClause && announced(chosen)) return null;
		return {
			start: Math.min(nameStart, verbStart),
			end: Math.max(nameEnd, verbStart),
			name,
			sentence: si,
			date,
			venueCode: venue?.code ?? null,
			occasion: false,
			fromTitle,
			dateFromName,
			venueWritten,
			// (HOSTED on the verb's three characters, HOSTED_AFTER on the three before it, a closing verb on four: read in place)
			hosted: hostedAt(norm, verbStart, Math.max(s.start, verbStart - 3)),
			closing: closingAt(norm, verbStart)
		};
	}

	/**
	 * The last day-precision date in the sentences before sentence `si` in its paragraph (4月9日，由甲主办；
	 * 乙承办的某会在郑州召开: the day opening a paragraph dates what it reports), read back at most
	 * PARAGRAPH_BACK sentences and 2 × REACH characters.
	 */
	function paragraphDay(si: number): DateMention | undefined {
		const s = sents[si]!;
		let j = si;
		while (j > 0 && si - j < PARAGRAPH_BACK && sents[j - 1]!.paragraph === s.paragraph) j--;
		if (j === si) return undefined;
		// (only for the paragraph's first event: one named after it, 随后举行了…, is a part or a follow-on)
		const last = drafts[drafts.length - 1];
		if (last && last.sentence >= j && last.sentence < si) return undefined;
		const from = Math.max(sents[j]!.start, s.start - 2 * REACH);
		const dates = allDates();
		let found: DateMention | undefined;
		for (let i = firstStartingAt(dates, from); i < dates.length && dates[i]!.end <= s.start; i++) if (dates[i]!.date.precision === 'day') found = dates[i];
		return found;
	}

	/**
	 * The day that opens the article (see leadDate) when sentence `si` lies after its paragraph and no
	 * other day or month is written between them.
	 */
	function articleDay(si: number): DateMention | undefined {
		const s = sents[si]!;
		// (the lead is looked for once per document)
		if (articleLead === undefined) {
			articleLead = null;
			const first = sents.find((x) => titleLineEnd < 0 || x.start >= titleLineEnd);
			const dates = allDates();
			const k = first ? firstStartingAt(dates, first.start) : -1;
			const lead = dates[k];
			if (first && lead && lead.start - first.start <= 30 && lead.end <= first.end && lead.date.precision === 'day') articleLead = { lead, paragraph: first.paragraph, next: dates[k + 1] ?? null };
		}
		if (!articleLead || articleLead.paragraph >= s.paragraph) return undefined;
		const { lead, next } = articleLead;
		return next && next.start < s.end && next.date.precision !== 'year' ? undefined : lead;
	}

	/** Whether a year-less date read from the publication date lies 60 days or more before it: in a headline, a month to come. */
	function announced(d: DateMention): boolean {
		if (d.yearSource !== 'ref' || !published || published.precision !== 'day') return false;
		return daysBetween(d.date.end.length === 7 ? d.date.end + '-28' : d.date.end, published.start) >= 60;
	}

	/**
	 * Whether a date whose year came from the publication date, or from a day of the same sentence that
	 * took it (某报2月10日讯 … 2月10日，2022年度某竞赛开幕), lies at most REPORT_DELAY days before it.
	 */
	function reportedSoonAfter(chosen: DateMention, date: DateRange): boolean {
		if ((chosen.yearSource !== 'ref' && chosen.yearSource !== 'context') || !published || published.precision !== 'day' || date.precision !== 'day') return false;
		const gap = daysBetween(date.start, published.start);
		return gap >= 0 && gap <= REPORT_DELAY;
	}

	/**
	 * A multi-day event's other end stated in its sentence: 比赛将持续至9月28日 / 持续到25日, 为期三天
	 * (from the opening), 经过3天的比赛…闭幕 (back from the closing).
	 */
	function withDuration(date: DateRange, s: Sentence, verbStart: number): DateRange {
		const tailEnd = Math.min(s.end, verbStart + 80);
		// (the slice and the search only where 持 stands early enough to begin 持续至 or 持续到 in it)
		const cont = indexBelow(norm, CHI, verbStart, tailEnd - 2) >= 0 ? /持续(?:至|到)/.exec(norm.slice(verbStart, tailEnd)) : null;
		if (cont) {
			const endAt = verbStart + cont.index + cont[0].length;
			const d = dateStartingAt(allDates(), endAt, (x) => x.date.precision === 'day');
			if (d && d.date.end > date.start) return { start: date.start, end: d.date.end, precision: 'day' };
			const day = /^(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]/.exec(norm.slice(endAt, endAt + 4));
			const n = day ? parseSmallNumber(day[1]!) : null;
			if (n != null && n > Number(date.start.slice(8, 10)) && n <= 31) return { start: date.start, end: date.start.slice(0, 8) + String(n).padStart(2, '0'), precision: 'day' };
		}
		const from = Math.max(s.start, verbStart - REACH);
		const to = Math.min(s.end, verbStart + REACH);
		// (read only when a 天 stands in the window: most sentences name no number of days)
		const span = indexBelow(norm, TIAN, from, to) >= 0 ? /(?:经过|历时|为期)(\d{1,2}|[一二两三四五六七八九十])天/.exec(norm.slice(from, to)) : null;
		const n = span ? parseSmallNumber(span[1]!.replace('两', '二')) : null;
		if (n != null && n >= 2 && n <= 15 && date.start === date.end) {
			if (closingAt(norm, verbStart)) return { start: shiftIso(date.start, 1 - n), end: date.end, precision: 'day' };
			return { start: date.start, end: shiftIso(date.start, n - 1), precision: 'day' };
		}
		return date;
	}

	/**
	 * A municipality written as its one-character short name (京, 津, 沪, 渝) at norm[at], followed up to
	 * `verbEnd` only by manner words (在津圆满落幕), or null: 在京东…, 在沪某校 are not it.
	 */
	function municipalityAt(at: number, verbEnd: number): PlaceMention | null {
		// (read by char code first: no one-character string is made for any other character)
		const c = norm.charCodeAt(at);
		const city = hasCode(CITY_SHORT_CHARS, c);
		if (!city && !hasCode('京津沪渝', c)) return null;
		const m = city ? CITY_SHORT[norm[at]!] : MUNICIPALITY_SHORT[norm[at]!];
		if (!m) return null;
		const rest = norm.slice(at + 1, verbEnd);
		if (rest !== '' && !TRAIL_ONLY.test(rest)) return null;
		// 在兰举行 is 兰州 only on a page that names its province (甘肃) or the city itself
		if (city && !places.some((p) => p.code.startsWith(m[0].slice(0, 2)))) return null;
		return { start: at, end: at + 1, surface: norm[at]!, code: m[0], name: m[1], level: city ? 'city' : 'province' };
	}

	/** The most precise place right after a 在 in norm[from, to) (在河北省某市某校), or null. */
	function zaiPlaceBefore(from: number, to: number): PlaceMention | null {
		let best: PlaceMention | null = null;
		for (let i = placesSorted ? firstStartingAt(places, from) : 0; i < places.length; i++) {
			const p = places[i]!;
			if (p.start >= to) break;
			if (p.start < from) continue;
			const lead = norm.slice(Math.max(from, p.start - 4), p.start);
			if (!/在[^，,。]{0,3}$/.test(lead) && !(best && p.start === best.end)) continue;
			if (!best || LEVEL_RANK[p.level] > LEVEL_RANK[best.level]) best = p;
		}
		return best;
	}

	/**
	 * 我市…启动仪式 / 全省…会议 with no venue or only the province: the city or province the document
	 * is about (the one it names most); the dateline's city when the event is held 此间 (here).
	 */
	function localVenue(venue: PlaceMention | null, s: Sentence, cStart: number, nameEnd: number): PlaceMention | null {
		const clause = norm.slice(cStart, Math.max(nameEnd, cStart));
		// (来到市教育局, 在省教育厅: a body of the page's own city or province named by 市 or 省 alone)
		const organ = clause.includes('市') || clause.includes('省') ? LOCAL_ORGAN.exec(clause) : null;
		// (在我校举行: the school's city is the one its page names most)
		if ((!venue || venue.level === 'province') && (/我市|本市|全市|在(?:我|本)[校院]/.test(clause) || organ?.[1] === '市')) venue = sharpen(venue, dominant('city', venue));
		if (!venue && (/我省|本省|全省|我区|全区/.test(clause) || organ?.[1] === '省')) venue = dominant('province', null);
		if (lineDate && (!venue || venue.level === 'province')) {
			if (venue || s.start < lineDate.paragraphEnd || /此间|本地|当地/.test(norm.slice(Math.max(s.start, cStart - REACH), Math.min(s.end, nameEnd + REACH)))) venue = sharpen(venue, lineDate.place);
		}
		return venue;
	}

	/** The one city within `inside` that norm[from, to) names (a city or a county of it), or null when it names none or several. */
	function onlyCityIn(inside: PlaceMention, from: number, to: number): PlaceMention | null {
		let found: PlaceMention | null = null;
		for (let i = placesSorted ? firstStartingAt(places, from) : 0; i < places.length; i++) {
			const p = places[i]!;
			if (p.start >= to) break;
			if (p.start < from || p.level === 'province' || !within(p.code, inside.code)) continue;
			const city = p.code.slice(0, 4) + '00';
			if (found && found.code.slice(0, 4) + '00' !== city) return null;
			if (!found || (found.level !== 'city' && p.level === 'city')) found = p;
		}
		return found && found.level === 'city' ? found : null;
	}

	/** The one city within `inside` that the document names (as a city), or null when it names none or several. */
	function onlyCity(inside: PlaceMention): PlaceMention | null {
		const key = `only@${inside.code}`;
		if (dominantCache.has(key)) return dominantCache.get(key)!;
		let found: PlaceMention | null = null;
		let several = false;
		for (const p of places) {
			if (p.level === 'province' || !within(p.code, inside.code)) continue;
			const city = p.code.slice(0, 4) + '00';
			if (found && found.code !== city) several = true;
			else if (!found && p.code === city) found = p;
			else if (!found) several = true;
		}
		const only = several ? null : found;
		dominantCache.set(key, only);
		return only;
	}

	/** The city (within `inside`, when given) or province the document names most, or null. */
	function dominant(level: 'city' | 'province', inside: PlaceMention | null): PlaceMention | null {
		const key = `${level}@${inside?.code ?? ''}`;
		if (!dominantCache.has(key)) dominantCache.set(key, dominantOf(level, inside));
		return dominantCache.get(key)!;
	}

	function dominantOf(level: 'city' | 'province', inside: PlaceMention | null): PlaceMention | null {
		const count = new Map<string, number>();
		let best: PlaceMention | null = null;
		for (const p of places) {
			const code = level === 'province' ? p.code.slice(0, 2) + '0000' : p.level === 'province' ? null : p.code.slice(0, 4) + '00';
			if (!code || (inside && !within(code, inside.code))) continue;
			const n = (count.get(code) ?? 0) + 1;
			count.set(code, n);
			if (p.code === code && (!best || n > (count.get(best.code) ?? 0))) best = p;
		}
		// the division must itself be named (a mention of it, not only of places below it)
		if (best && [...count.values()].some((n) => n > count.get(best!.code)!)) return null;
		return best;
	}

	/** The day-precision date opening the article's first paragraph (after its title), or null. */
	function leadDate(): DateRange | null {
		const first = sents.find((x) => titleLineEnd < 0 || x.start >= titleLineEnd);
		if (!first) return null;
		const dates = allDates();
		const d = dates[firstStartingAt(dates, first.start)];
		return d && d.start - first.start <= 30 && d.end <= first.end && d.date.precision === 'day' ? d.date : null;
	}

	/** Where the page's lead begins: the body's start, after the title line. */
	const leadFrom = Math.max(0, titleLineEnd, titleSpan?.start ?? 0);
	/** Whether some draft so far reports an event dated, placed or hosted: the lead's weaker readings below are tried only on a page with none. */
	const reportsEvent = (): boolean => drafts.some((o) => o.date || (o.venueCode && o.venueWritten) || o.hosted);
	/** The sentence holding position `st` and its index, or null (past the last sentence, or between two). */
	const sentenceAt = (st: number): { sent: Sentence; si: number } | null => {
		const si = sents.findIndex((x) => x.end > st);
		const sent = sents[si];
		return sent && sent.start <= st ? { sent, si } : null;
	};
	visits();
	if (!reportsEvent()) resultsReported();
	if (!reportsEvent()) attendedReported();
	if (!reportsEvent()) unveiledDated();
	if (!drafts.length) finalsReported();
	/**
	 * A contest the lead reports as having reached its finals (某某技能大赛进入决赛阶段的角逐): under way,
	 * so held. Read in the first RESULTS_REACH characters of the body, on a page that reports no other event.
	 */
	function finalsReported(): void {
		const text = norm.slice(leadFrom, Math.min(norm.length, leadFrom + RESULTS_REACH));
		if (!text.includes('决赛')) return;
		const m = FINALS_REACHED.exec(text);
		if (!m) return;
		const lead = LEAD.exec(m[1]!);
		const cut = lead ? lead[0].length : 0;
		const name = m[1]!.slice(cut);
		if (!validName(name)) return;
		const st = leadFrom + m.index + m[0].indexOf(m[1]!) + cut;
		const at = sentenceAt(st);
		// (昨天开始，某大赛进入决赛: the clause of the name only; an earlier one may say when it began)
		if (!at || NOT_HELD.test(norm.slice(clauseStart(norm, at.sent.start, st), st))) return;
		const d = finish(at.sent, at.si, st + name.length, st, st + name.length, name);
		if (d) drafts.push(d);
	}
	/**
	 * The unveiling of something a sentence opening with its day reports (8月5日，某实训基地在某学院揭牌启用):
	 * a ceremony held that day there, named after what was unveiled. Read in the first ATTENDED_REACH
	 * characters of the body, on a page that reports no other dated or placed event.
	 */
	function unveiledDated(): void {
		const text = norm.slice(leadFrom, Math.min(norm.length, leadFrom + ATTENDED_REACH));
		if (!text.includes('揭牌')) return;
		const m = UNVEILED_DATED.exec(text);
		if (!m) return;
		const st = leadFrom + m.index + m[0].indexOf(m[1]!);
		const verb = leadFrom + m.index + m[0].lastIndexOf('揭牌');
		const name = m[1]! + '揭牌仪式';
		if (!validName(name)) return;
		const at = sentenceAt(st);
		if (!at || NOT_HELD.test(norm.slice(at.sent.start, verb))) return;
		const d = finish(at.sent, at.si, verb, st, st + m[1]!.length, name);
		if (d) drafts.push(d);
	}
	/**
	 * An event the page's lead reports through the writer's taking part in it (近日，某校受邀参加“2025某对话会”):
	 * held, dated by the year its quoted name writes. Read only in the first RESULTS_REACH characters of
	 * the body; one per page, and only on a page that reports no other dated or placed event.
	 */
	function attendedReported(): void {
		const from = leadFrom;
		const text = norm.slice(from, Math.min(norm.length, from + RESULTS_REACH));
		if (!text.includes('参加') && !text.includes('出席')) return attendedDated();
		const m = ATTENDED.exec(text);
		// (受邀参加“某论坛”的境外人士: the event only describes who is reported on)
		if (!m || text.charCodeAt(m.index + m[0].length) === DE) return attendedDated();
		const st = from + m.index + m[0].length - 1 - m[1]!.length;
		const e = st + m[1]!.length;
		// (2025 某对话会: the space after a year opening the name is no part of it)
		const name = m[1]!.replace(/^((?:19|20)\d{2})\s+/, '$1');
		const year = yearInName(name);
		if (!year || !validName(name)) return;
		const at = sentenceAt(st);
		if (!at || NOT_HELD.test(norm.slice(clauseStart(norm, at.sent.start, st), st))) return;
		const d = finish(at.sent, at.si, st - 1, st, e, name);
		if (!d) return;
		// (2018年9月下旬，我在某市参加…: a date of its sentence within the name's year is kept)
		if (!d.date || d.date.start.slice(0, 4) !== year.start) {
			d.date = year;
			d.dateFromName = true;
		}
		drafts.push(d);
	}
	/**
	 * An event a sentence opening with its day reports the writer attending, its name unquoted
	 * (3月8日，校长出席某市与某企业的座谈会及签约仪式): held on that day. Read in the first
	 * ATTENDED_REACH characters of the body, on a page that reports no other dated or placed event.
	 */
	function attendedDated(): void {
		const text = norm.slice(leadFrom, Math.min(norm.length, leadFrom + ATTENDED_REACH));
		if (!text.includes('出席') && !text.includes('参加')) return;
		const m = ATTENDED_DATED.exec(text);
		if (!m) return;
		const st = leadFrom + m.index + m[0].length - m[1]!.length;
		const e = st + m[1]!.length;
		const name = m[1]!;
		if (!validName(name)) return;
		const at = sentenceAt(st);
		if (!at || NOT_HELD.test(norm.slice(at.sent.start, st)) || PLANNED.test(norm.slice(at.sent.start, st))) return;
		const d = finish(at.sent, at.si, st - 1, st, e, name);
		if (d) drafts.push(d);
	}
	/**
	 * A contest the page's lead (or its title) reports through its results (在2022年某省技能大赛中，我市代表队
	 * 斩获一等奖…): held, dated by the year its name writes. Read only in the first RESULTS_REACH
	 * characters of the body, then in the title; one per page, and only on a page that reports no other dated or placed event.
	 */
	function resultsReported(): void {
		const spans: [number, number][] = [[leadFrom, Math.min(norm.length, leadFrom + RESULTS_REACH)]];
		if (titleSpan && titleLineEnd > titleSpan.start) spans.push([titleSpan.start, titleLineEnd]);
		for (const [from, to] of spans) {
			const text = norm.slice(from, to);
			// (every RESULTS match holds 赛 or 賽)
			if (!text.includes('赛') && !text.includes('賽')) continue;
			const m = RESULTS.exec(text);
			if (!m) continue;
			let st = from + m.index + 1;
			const e = st + m[1]!.length;
			// 日前结束的2018年某大赛: what ends in 的 describes the contest
			const de = norm.slice(st, e).lastIndexOf('的');
			if (de >= 0) st += de + 1;
			const name = norm.slice(st, e);
			const year = yearInName(name);
			if (!year || !validName(name)) continue;
			const at = sentenceAt(st);
			if (!at) continue;
			const d = finish(at.sent, at.si, st - 1, st, e, name);
			if (!d) continue;
			// (the day a report was filed is not the contest's: only its name dates it)
			d.date = year;
			d.dateFromName = true;
			d.byResults = true;
			drafts.push(d);
			return;
		}
	}
	/**
	 * A dated visit a delegation reports in the page's lead (某院长带队到某地开展调研, 某主任在海口会见某一行):
	 * held with a date or venue like a meeting, though no held verb reports it. Only the first
	 * VISIT_REACH characters of the body are read, and at most MAX_VISITS visits are kept.
	 */
	function visits(): void {
		const from = leadFrom;
		const to = Math.min(norm.length, from + VISIT_REACH);
		let kept = 0;
		// the words in a sentence, read only in the sentences holding the start of one
		for (let si = 0; si < sents.length && sents[si]!.start < to; si++) {
			const s = sents[si]!;
			if ((s.cues & CUE_VISIT) === 0 || s.end <= from) continue;
			for (const at of visitWords(norm, Math.max(from, s.start), Math.min(to, s.end), to)) {
				if (kept >= MAX_VISITS) return;
				// 调研组, 调研报告, 会见室: a noun, not the visit
				if (VISIT_NOUN.test(norm.slice(at + 2, at + 4))) continue;
				const pre = norm.slice(Math.max(s.start, at - 80), at);
				const cs = clauseStart(norm, s.start, at);
				if (!DELEGATION.test(pre) || NOT_HELD.test(norm.slice(cs, at))) continue;
				const meet = norm.charCodeAt(at) === HUI;
				let name: string;
				if (meet) {
					// 甲在某地会见了乙一行: the visitors up to 一行, the venue left out
					const rel = norm.slice(at, at + 62).indexOf('一行');
					if (rel < 0) continue;
					const close = at + rel;
					const zai = norm.slice(cs, at).lastIndexOf('在');
					const subjEnd = zai >= 0 ? cs + zai : at;
					let obj = norm.slice(at + 2, close + 2).replace(/^了/, '');
					obj = obj.slice(obj.lastIndexOf('的') + 1);
					name = norm.slice(trimLead(norm, cs, subjEnd, allDates()), subjEnd) + '会见' + obj;
				} else {
					// the page's title when it reports the visit (某政协组织某专题调研), else what 开展 names
					const title = doc.title ? doc.title.trim() : '';
					if (title.endsWith('调研') && title.length <= 40) {
						const verb = /.*(?:组织|开展|进行)/.exec(title);
						name = verb && title.length - verb[0].length >= 4 ? title.slice(verb[0].length) : title;
					} else {
						const clause = norm.slice(cs, at);
						const k = Math.max(clause.lastIndexOf('开展'), clause.lastIndexOf('进行'));
						name = k >= 0 && clause.length - k - 2 >= 2 ? clause.slice(k + 2) + '调研' : norm.slice(trimLead(norm, cs, at, allDates()), at + 2);
					}
				}
				// (a long clause is named by its delegation: 某校副校长某某一行调研)
				if (name.length > 30) {
					const lead = /一行|带队/.exec(name);
					if (lead) name = name.slice(0, lead.index + 2) + (meet ? '' : '调研');
				}
				if (name.length < 4 || name.length > 80) continue;
				const d = finish(s, si, at, at, at, name);
				if (!d) continue;
				// 到某地调研: the place visited is the venue
				if (!meet && !d.venueWritten) {
					const go = Math.max(pre.lastIndexOf('到'), pre.lastIndexOf('赴'), pre.lastIndexOf('来'), pre.lastIndexOf('深入'));
					let venue = go >= 0 ? mostPrecise(places, at - pre.length + go, at, placesSorted) : null;
					// 课题组深入某市某校调研: the next sentence, led by the group, names where it went
					const next = sents[si + 1];
					if (!venue && next && GROUP_LED.test(norm.slice(next.start, next.start + 12))) venue = mostPrecise(places, next.start, Math.min(next.end, next.start + 120), placesSorted);
					if (venue) {
						d.venueCode = venue.code;
						d.venueWritten = true;
					}
				}
				if (!d.date && !d.venueWritten) continue;
				// (in text order among the other mentions: the passes below read each one's predecessor)
				let i = drafts.length;
				while (i > 0 && drafts[i - 1]!.start > d.start) i--;
				drafts.splice(i, 0, d);
				kept++;
			}
		}
	}

	// A name opening with 大会 / 年会 refers to the umbrella meeting named just before (大会欢迎会);
	// 大赛开幕式 is the opening of the contest named just before.
	for (let i = 1; i < drafts.length; i++) {
		const d = drafts[i]!;
		// (tried only on a name opening with one of the words' first characters)
		const lead = d.name.length >= 4 && hasCode('大年论会', d.name.charCodeAt(0)) ? /^(大会|年会|论坛|会议|大赛(?=(?:开幕|闭幕)(?:式|仪式)$))/.exec(d.name) : null;
		if (!lead) continue;
		const prev = drafts[i - 1]!;
		const base = prev.name.replace(/^(首届|首屆|第[一二三四五六七八九十\d]+[届屆次])/, '');
		// (大赛开幕式 after a contest is that contest's opening: a part of it, named as the contest)
		d.name = lead[0] === '大赛' ? prev.name : base + d.name.slice(lead[0].length);
		if (!d.venueCode) {
			d.venueCode = prev.venueCode;
			d.venueWritten = prev.venueWritten;
		}
	}
	// 省级主会场活动, 分会场: a part named only by its role belongs to the event named just before.
	for (let i = 1; i < drafts.length; i++) {
		const d = drafts[i]!;
		const prev = drafts[i - 1]!;
		if (d.name.length > ROLE_ONLY_LONGEST || !ROLE_ONLY.test(d.name) || d.sentence - prev.sentence > 3) continue;
		d.name = prev.name + d.name;
		d.date ??= prev.date;
	}
	// An event held as part of an umbrella (作为大会系列活动之一) takes the umbrella's venue when it names none.
	// The cue is read once per sentence: many mentions in one long sentence must not rescan it each.
	const umbrellaCue = new Map<number, boolean>();
	for (let i = 1; i < drafts.length; i++) {
		const d = drafts[i]!;
		if (d.venueCode) continue;
		let cue = umbrellaCue.get(d.sentence);
		if (cue === undefined) {
			const s = sents[d.sentence]!;
			// (论坛还举办了某成果展: the umbrella as the subject of the sentence)
			umbrellaCue.set(d.sentence, (cue = /系列活动|期间|同期|之一|^\s*(?:本次|此次|本届)?(?:论坛|大会|大赛|年会|活动周)(?:还|并|同时)/.test(norm.slice(s.start, s.end))));
		}
		if (cue) {
			d.venueCode = drafts[i - 1]!.venueCode;
			d.venueWritten = drafts[i - 1]!.venueWritten;
		}
	}

	const occasion = occasionOf();
	if (occasion) drafts.unshift(occasion);
	// “跨境电商”赛项, 高职组某某赛项: one item of a contest named without its contest is that contest, when the
	// page names it nearby (the nearest 大赛 within ITEM_REACH, before first, else after).
	for (let i = 0; i < drafts.length; i++) {
		const d = drafts[i]!;
		if (!d.name.endsWith('赛项') || CONTEST_IN_NAME.test(d.name)) continue;
		const contest = contestNear(d.start, d.end);
		if (contest) d.name = contest;
	}

	/** The name of the contest ending in 大赛 nearest to norm[start, end) within ITEM_REACH, or null. */
	function contestNear(start: number, end: number): string | null {
		// (both searches read only ITEM_REACH characters)
		const lo = Math.max(0, start - ITEM_REACH);
		const back = norm.slice(lo, start).lastIndexOf('大赛');
		let at = back >= 0 ? lo + back : -1;
		if (at < 0) {
			const ahead = norm.slice(end, end + ITEM_REACH + 2).indexOf('大赛');
			at = ahead >= 0 ? end + ahead : -1;
		}
		if (at < 0) return null;
		const st = trimLead(norm, clauseStart(norm, Math.max(0, at - 40), at), at + 2, allDates());
		const name = norm.slice(st, at + 2);
		return validName(name) && !/^(?:本|此|该|这|各)/.test(name) ? name : null;
	}

	/** The first `n` non-empty lines of the body, trimmed. */
	function firstLines(n: number): string[] {
		// from the top of the text: a subtitle may sit above what the layout took for the title
		// (the first n of head.split('\n'), trimmed and non-empty, without splitting all of it)
		const lines: string[] = [];
		const head = norm.slice(0, Math.min(norm.length, 800));
		const top = head.length;
		for (let at = 0; at <= top && lines.length < n; ) {
			let end = head.indexOf('\n', at);
			if (end < 0) end = top;
			const line = head.slice(at, end).trim();
			if (line) lines.push(line);
			at = end + 1;
		}
		return lines;
	}

	function occasionOf(): Draft | null {
		const kind = documentKind(doc);
		if (kind !== 'speech' && kind !== 'report') return null;
		// the title, else a subtitle line (——在…上的工作报告) among the first lines
		// …在某大会上的讲话, or a report's subtitle ——2023年12月20日在某大会上
		const occasionLine = /在(.{4,60}?)(?:开幕式|闭幕式)?上(?:的?(?:讲话|致辞|发言|报告|工作报告|总结讲话)|\s*$)/;
		// (the first lines are read only when the title is not such a line)
		const docTitle = documentTitle(doc);
		const head = docTitle ?? '';
		const title = (occasionLine.test(head) ? head : firstLines(12).find((l) => occasionLine.test(l))) ?? docTitle ?? '';
		let name: string | null = null;
		let titleYear: number | null = null;
		let lineDay: DateRange | null = null;
		const t = occasionLine.exec(title);
		if (t) {
			name = t[1]!;
			const y = /((?:19|20)\d{2})年/.exec(title.slice(0, t.index)) ?? /^((?:19|20)\d{2})年/.exec(name);
			titleYear = y ? Number(y[1]) : null;
			// ——2023年12月20日在某大会上: the day the line gives
			lineDay = parseDateLine(title.slice(0, t.index));
		} else if (kind === 'report') {
			// ——X第五届理事会工作报告, delivered 向大会: the occasion is X's congress.
			const head = norm.slice(0, 600);
			const r = /(?:^|\n)\s*[—-]{1,2}\s*([^\n]{2,40}?)(?:第[一二三四五六七八九十\d]+届)?(?:理事会|委员会)?工作报告/.exec(head);
			if (r && /向大会报告|各位代表|请予审议/.test(head)) name = `${r[1]}大会`;
		}
		if (!name) return null;
		let date: DateRange | null = null;
		// A signature date at the end dates the speech itself.
		const sig = refDate();
		if (lineDay) date = lineDay;
		else if (sig && !published && sig.precision === 'day') date = sig;
		else if (titleYear != null) {
			date = { start: String(titleYear), end: String(titleYear), precision: 'year' };
			// 今年5月6日至12日…今天 we hold…: today lies within the period named just before.
			const today = /今天|今日/.exec(norm);
			if (today) {
				const prior = allDates().filter((d) => d.end <= today.index && d.start >= today.index - 120 && d.date.start.startsWith(String(titleYear)) && d.date.precision === 'day');
				const p = prior[prior.length - 1];
				if (p && p.date.start.slice(0, 7) === p.date.end.slice(0, 7)) {
					const mo = p.date.start.slice(0, 7);
					date = { start: mo, end: mo, precision: 'month' };
				}
			}
		} else if (published) date = published;
		const at = norm.indexOf(name);
		const placeInName = at >= 0 ? mostPrecise(places, at, at + name.length, placesSorted) : null;
		return {
			start: 0,
			end: 0,
			name,
			sentence: -1,
			date,
			venueCode: placeInName?.code ?? null,
			occasion: true,
			fromTitle: true,
			dateFromName: false,
			venueWritten: placeInName !== null,
			hosted: false,
			closing: false
		};
	}

	// Merge mentions of one meeting: the occasion's or dated mention leads, the longest name wins.
	const merged: Draft[] = [];
	// A mention with neither date, venue nor occasion is kept only when it has a twin that has one;
	// those are listed once, not searched for among all drafts again for every such mention.
	// (both lists made when first asked: most pages' mentions all have a date or venue, and no headline one lacks a date)
	let groundedList: Draft[] | null = null;
	const grounded = (): Draft[] => (groundedList ??= drafts.filter((o) => o.date || (o.venueCode && o.venueWritten) || o.occasion));
	// A headline mention without a date (某集团在某市召开成立大会) is the dated body mention of the same
	// kind of meeting at the same place, even when the body names it otherwise.
	let bodyDatedList: Draft[] | null = null;
	const echoes = new Set<Draft>();
	for (let i = 0; i < drafts.length; i++) {
		const d = drafts[i]!;
		if (!d.fromTitle || d.occasion || d.date) continue;
		const bodyDated = (bodyDatedList ??= drafts.filter((o) => !o.fromTitle && !o.occasion && o.date));
		if (findRecent(drafts, (o) => o !== d && sameMeeting(o, d)) !== undefined) continue;
		const head = fold(d.name.slice(-2));
		if (bodyDated.some((o) => (fold(o.name.slice(-2)) === head || overlap(fold(o.name), fold(d.name)) >= 0.8) && (!o.venueCode || !d.venueCode || within(o.venueCode, d.venueCode) || within(d.venueCode, o.venueCode)))) echoes.add(d);
		// 某校技能节开幕 reported only in the headline: the date that opens the first paragraph is its day
		else if (!bodyDated.length) {
			// (the grounded list is that of the mentions as found: listed before a headline one takes a date)
			grounded();
			d.date = leadDate();
		}
	}
	for (let i = 0; i < drafts.length; i++) {
		const d = drafts[i]!;
		if (echoes.size !== 0 && echoes.has(d)) continue;
		// (4日上午，…举行的某会: a sentence opening with a bare day of the month dates it, though to no month or year)
		if (!d.date && !(d.venueCode && d.venueWritten) && !d.occasion && !d.hosted && !(d.sentence >= 0 && BARE_DAY.test(norm.slice(sents[d.sentence]!.start, sents[d.sentence]!.start + 16)))) {
			const twin = findRecent(grounded(), (o) => sameMeeting(o, d));
			if (!twin) continue;
		}
		const into = findRecent(merged, (o) => sameMeeting(o, d));
		if (!into) {
			merged.push({ ...d });
			continue;
		}
		if (d.name.length > into.name.length) into.name = d.name;
		let anchor = into.sentence < 0 || (into.fromTitle && !d.fromTitle);
		if (!into.occasion && d.date && (!into.date || d.date.start.length > into.date.start.length)) {
			into.date = d.date;
			into.closing = d.closing;
			into.dateFromName = d.dateFromName;
			// the mention that dates the meeting is the one its head count and evidence are read from
			anchor ||= !d.fromTitle;
		}
		if (d.occasion && d.date) into.date = d.date;
		const dv = d.venueCode;
		// (the body's venue replaces the headline's, unless the headline's lies within it: 在兰举行 and 在甘肃某学院召开)
		if (dv && (!into.venueCode || (!d.fromTitle && (into.fromTitle || into.occasion) && !within(into.venueCode, dv)))) into.venueCode = dv;
		else if (dv && into.venueCode && dv !== into.venueCode && within(dv, into.venueCode)) into.venueCode = dv;
		if (anchor && d.sentence >= 0) {
			into.sentence = d.sentence;
			into.start = d.start;
			into.end = d.end;
			into.fromTitle = d.fromTitle;
		}
		into.occasion ||= d.occasion;
	}

	// 12月5日赛事开幕当天: the page's one event, known only to its year, dated by the day the page gives its opening
	if (merged.length === 1 && (merged[0]!.date === null || merged[0]!.date.precision === 'year')) anaphoricDay(merged[0]!);
	function anaphoricDay(m: Draft): void {
		// (read in the page's first ONLY_YEAR_REACH characters: a report gives its opening early)
		const at = norm.length > ONLY_YEAR_REACH ? norm.slice(0, ONLY_YEAR_REACH).search(OPENING_DAY) : norm.search(OPENING_DAY);
		if (at < 0) return;
		const d = dateStartingAt(allDates(), at, (x) => x.date.precision === 'day');
		if (d && (m.date === null || d.date.start.startsWith(m.date.start))) m.date = d.date;
	}
	// Head count and taking part: sentences from the mention up to the next meeting's, within two paragraphs.
	const starts = merged.map((m) => m.sentence).filter((x) => x >= 0).sort((a, b) => a - b);
	// The end of a multi-day event stated later (比赛时间为3月31日至4月1日, 会议为期两天).
	// (the day ranges by their first day, listed when a meeting first asks: most pages have none to ask)
	let rangeFrom: Map<string, DateRange> | null = null;
	for (const m of merged) {
		const r = m.date;
		if (!r || r.precision !== 'day' || r.start !== r.end || endsWith(CEREMONY, m.name) || m.sentence < 0) continue;
		if (rangeFrom === null) {
			rangeFrom = new Map();
			for (const d of allDates()) {
				const x = d.date;
				// (not a range still planned for a part of it: 选手将在3月28至29日参加某项目的角逐)
				if (x.precision === 'day' && x.start < x.end && !rangeFrom.has(x.start.slice(5)) && !WILL_BEFORE.test(norm.slice(Math.max(0, d.start - 3), d.start))) rangeFrom.set(x.start.slice(5), x);
			}
		}
		const later = rangeFrom.get(r.start.slice(5));
		const span = later ? daysBetween(later.start, later.end) : 0;
		if (span >= 1 && span <= 14) {
			m.date = { start: r.start, end: shiftIso(r.start, span), precision: 'day' };
			continue;
		}
		const following = starts.find((x) => x > m.sentence);
		const next = following ?? sents.length;
		const para = sents[m.sentence]!.paragraph;
		// 会议为期两天 speaks of the meeting under discussion: the page's last one is discussed to its end
		const reach = following === undefined ? 8 : 3;
		for (let i = m.sentence + 1; i < next && i < sents.length && sents[i]!.paragraph <= para + reach; i++) {
			const t = sents[i]!;
			if ((t.cues & CUE_LASTING) === 0) continue;
			const seg = norm.slice(t.start, Math.min(t.end, t.start + 2 * REACH));
			if (!seg.includes('为期') && !seg.includes('历时') && !seg.includes('经过')) continue;
			// 大赛为期三天, 选手们经过3天激烈角逐
			const dur = /(?:会议|大会|大赛|比赛|论坛|年会|竞赛|赛事|活动|培训)(?:为期|历时)(\d{1,2}|[一二两三四五六七八九十])天/.exec(seg) ?? SPENT_DAYS.exec(seg);
			const n = dur ? parseSmallNumber(dur[1]!.replace('两', '二')) : null;
			if (n != null && n >= 2 && n <= 15) {
				m.date = m.closing ? { start: shiftIso(r.start, 1 - n), end: r.start, precision: 'day' } : { start: r.start, end: shiftIso(r.start, n - 1), precision: 'day' };
				break;
			}
		}
	}
	let todaySentence: number | undefined;
	// a notice that announces an event (关于举办…的通知) plans what it describes: only a sentence that says it took place reports one
	const kept = doc.title !== null && NOTICE_OF_HOLDING.test(doc.title) ? merged.filter((m) => m.sentence >= 0 && TOOK_PLACE.test(norm.slice(sents[m.sentence]!.start, sents[m.sentence]!.end))) : merged;
	return kept.map((m): MeetingMention => {
		const from = m.sentence >= 0 ? m.sentence : Math.max(0, (todaySentence ??= firstSentenceHolding(norm, sents, TODAY)));
		const following = starts.find((x) => x > from);
		const next = following ?? sents.length;
		const para = sents[from]?.paragraph ?? 0;
		// the last meeting of a page may report its head count a few paragraphs on
		const reach = following === undefined ? 4 : 2;
		let att: { value: number; qualifier: Qualifier } | null = null;
		const participants = new Set<string>();
		if (m.venueCode) participants.add(m.venueCode);
		// the first place at or after each window's start: the windows move forward, so does this
		// (a page of one paragraph has its last meeting read to the end, sentence by sentence)
		let cursor = -1;
		for (let i = from; i < next && i < sents.length && sents[i]!.paragraph <= para + reach; i++) {
			const whole = sents[i]!;
			// a giant sentence is read only around the mention
			// (the part read as two numbers: no object made per sentence)
			const sStart = i === m.sentence ? Math.max(whole.start, m.start - REACH) : whole.start;
			const sEnd = i === m.sentence ? Math.min(whole.end, m.end + REACH) : Math.min(whole.end, whole.start + 2 * REACH);
			// a sentence without the end of a head count has none in any part of it
			if ((whole.cues & CUE_COUNT) !== 0) att ??= attendeesIn(norm, { start: sStart, end: sEnd });
			// the places of a sentence that says who took part (read only when it names one)
			if (placesSorted && cursor < 0) cursor = firstStartingAt(places, sStart);
			else while (placesSorted && cursor < places.length && places[cursor]!.start < sStart) cursor++;
			const first = placesSorted ? cursor : 0;
			let named = false;
			for (let k = first; k < places.length && !named; k++) {
				const p = places[k]!;
				if (placesSorted && p.start >= sEnd) break;
				named = p.start >= sStart && p.end <= sEnd && p.level !== 'county';
			}
			if (named && /来自|参加|出席|与会|参会|发言|致辞|讲话|代表/.test(norm.slice(sStart, sEnd))) {
				for (let k = first; k < places.length; k++) {
					const p = places[k]!;
					if (placesSorted && p.start >= sEnd) break;
					if (p.start >= sStart && p.end <= sEnd && p.level !== 'county') participants.add(p.code);
				}
			}
		}
		// the page's last meeting: a total stated further on (参赛选手总数达3186人), up to TOTAL_REACH paragraphs
		if (att === null && following === undefined) {
			for (let i = from + 1; i < sents.length && sents[i]!.paragraph <= para + TOTAL_REACH && att === null; i++) {
				const whole = sents[i]!;
				if (whole.paragraph > para + reach && (whole.cues & CUE_COUNT) !== 0) att = attendeesIn(norm, { start: whole.start, end: Math.min(whole.end, whole.start + 2 * REACH) }, true);
			}
		}
		const span = m.sentence >= 0 ? sents[m.sentence]! : { start: 0, end: 0 };
		return {
			start: m.start,
			end: m.end,
			name: m.name.trim(),
			date: m.date,
			venueCode: m.venueCode,
			attendees: m.byResults ? null : (att?.value ?? null),
			attendeesQualifier: m.byResults ? null : (att?.qualifier ?? null),
			participantCodes: [...participants],
			text: doc.text.slice(span.start, Math.min(span.end, span.start + 40))
		};
	});
}

/** Province, city and county names of a division code; supplied by the gazetteer. */
export type DivisionResolver = (code: string) => { province: string | null; city: string | null; county: string | null } | null;

/**
 * A meeting's venue as names, through a resolver so this module stays free of the gazetteer.
 * @example meetingVenue({ venueCode: '340100' }, resolve) // { province: '安徽省', city: '合肥市', county: null }
 */
export function meetingVenue(m: Pick<MeetingMention, 'venueCode'>, resolve: DivisionResolver): { province: string | null; city: string | null; county: string | null } {
	return (m.venueCode ? resolve(m.venueCode) : null) ?? { province: null, city: null, county: null };
}
