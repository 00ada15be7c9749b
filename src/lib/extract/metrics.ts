// Reported figures (activity, output, scale, participation, rates) with unit, qualifier and
// category, following the annotation rules of shared/eval/FORMAT.md. Every decision is a
// general mechanism (unit lexicon, cue words in the clause or sentence, slogan patterns),
// so it carries over to documents from other provinces and writers.

import { changeOf, endsOutOf, markParts, subjectOf, withTopics } from './figures.ts';
import { eachNumber, suffixQualifier, type NumberToken } from './numbers.ts';
import { scopeOf, scopeRefs, scopeWithoutRefs } from './scope.ts';
import type { MetricCategory, MetricMention, PlaceMention, Qualifier, Span } from './types.ts';
import { WindowSet } from './windows.ts';
import { CharBits, everyMatchHolds, firstChars, hasCode, holdsCode } from './chars.ts';

export interface FindMetricsOptions {
	/** the document's year, used to resolve 今年/当年 (and 去年) when a sentence anchors a figure that way */
	year?: number | null;
	/** the document's place mentions, in text order, for the scope of each figure */
	places?: readonly PlaceMention[];
	/** the document's region (documentRegion), against which a figure's scope is told apart */
	regionCode?: string | null;
}

/** Measure words that make a number a countable figure, longest first so 人次 wins over 人. */
const UNITS = [
	'个百分点',
	'百分点',
	'平方米',
	'人次',
	'课时',
	'学时',
	'部门',
	'大类',
	'人',
	'名',
	'位',
	'项',
	'篇',
	'份',
	'所',
	'个',
	'场',
	'期',
	'届',
	'次',
	'家',
	'批',
	'本',
	'部',
	'门',
	'条',
	'种',
	'类',
	'字',
	'分',
	'套',
	'件',
	'册',
	'座',
	'台',
	'支',
	'组',
	'间',
	'处',
	'户',
	'元',
	'倍',
	'国',
	'省',
	'亩',
	'吨',
	'辆',
	'例',
	'起',
	'队',
	'栋',
	'系',
	'县',
	'成'
];
/** First characters of the units, by char code (read after every number, so no string is made for the test). */
const UNIT_FIRST = new Uint8Array(0x10000);
/** The units by their first char code, each list in UNITS' order (longest first). */
const UNITS_BY_FIRST: string[][] = [];
for (const u of UNITS) {
	const c = u.charCodeAt(0);
	// UNIT_FIRST holds 1 + the index of the list of units starting with that character
	if (!UNIT_FIRST[c]) UNIT_FIRST[c] = UNITS_BY_FIRST.push([]);
	UNITS_BY_FIRST[UNIT_FIRST[c]! - 1]!.push(u);
}

const PERSON_UNITS = new Set(['人', '名', '位', '人次']);
const EVENT_UNITS = new Set(['场', '届', '次', '期', '批']);
const RATE_UNITS = new Set(['%', '倍', '个百分点', '百分点', '成']);

// Boundary marks, tested by char code in the context scans: looking up norm[i] in a Set made a
// one-character string per CJK character, which dominated the time spent on each figure.
const SENTENCE_END = 1;
const CLAUSE_END = 2;
const PLAN_END = 4;
const BOUNDARY = new Uint8Array(0x10000);
for (const c of '。！？；!?;\n') BOUNDARY[c.charCodeAt(0)] |= SENTENCE_END | CLAUSE_END;
for (const c of '，,：:') BOUNDARY[c.charCodeAt(0)] |= CLAUSE_END;
for (const c of '。！？!?\n') BOUNDARY[c.charCodeAt(0)] |= PLAN_END;
const PROGRAM_UNITS = new Set(['个', '门', '种', '类', '项', '大类']);
const WINDOW = 100;
/**
 * Numbers evaluated per document at most. A real report carries well under a hundred figures;
 * the cap keeps machine-generated or hostile input (100 KB of "12345个…") under 50 ms.
 */
const MAX_CANDIDATES = 1000;

// Cue words, tested on the clause or sentence around a number (book titles blanked out).
// 国际 in a body's or venue's name (…国际交流协会, 国际会展中心) or a rank (国际级) says nothing abroad
// 国家 opening a compound (21个国家产教融合试点城市, 国家骨干专业) is national, not countries
const INTERNATIONAL = /国家和地区|[个多等]国家(?![级职重示规标产试骨优精双特高技首战发])|国际(?!级|[^，,。、；]{0,6}(?:协会|分会|合作处|交流处|会展|博览中心))|海外|境外|出境|国外|外国|外籍|一带一路|鲁班工坊|各国|外方|驻华|港澳台|台湾|东盟/;
const RESEARCH = /课题|研究报告|研究成果|科研成果|科技成果|专利|标准|建议|咨询报告|研究项目|方案|清单|智库成果/;
const PUBLICATION = /论文|教材|著作|专著|案例|期刊|杂志|白皮书|报告(?!会)|出版|编译|汇编|图书|书籍|读本|丛书|文章|《》/;
const TRAINING_SENTENCE = /培训|参训|受训|研修|进修|以会代训|训练营/;
const TRAINING_CLAUSE = /学员|毕业(?!生)|(?<!贯通)培养|输送|取证|结业/;
const EVENT_CLAUSE = /比赛|竞赛|赛项|大赛|展览|论坛|研讨会|讲座|活动/;
const PARTICIPATION_PERSON = /参加|参会|参与|出席|与会|到场|代表|选手|参赛|观众|受众|听众|参展|欢聚|齐聚|交流|发言|汇报|观摩|来自|报名|线上|在线|受益|邀请|组织|社员|嘉宾|指导教师|指导老师|领队|裁判|人士|一行|莅临/;
const PARTICIPATION_ORG_SENTENCE = /参加|参会|参与|参赛|出席|发言|汇报|来自|代表|展示了|选派|欢聚|齐聚|主办|承办|协办/;
const PARTICIPATION_ORG_CLAUSE = /共同(?!体|推进|建设|打造|组建|发起|成立)/;
const INSTITUTION = /学校|院校|学院|大学|中专|中职|高职|高中|技校|基地|分会|分支机构|组织|集团|联盟|工作室|工作间|联合体|共同体|政府|企业|公司|中心|平台|单位|机构|社员|部门|部委|教育局|委员会|试点|试验区|实训室|实验室|[县乡级区]社|校/;
/** Divisions counted as bodies that take part (31个省区市). */
const DIVISION = /^[^，。]{0,3}(?:省|市|县|地区)/;
/** Divisions counted by 个 (13个省市, 4个计划单列市, 5个城市), not 市场 or 市级. */
const DIVISION_NOUN = /^[^，。、,]{0,4}?(?:省|市|县|地区)(?![场级长委政府])/;
/** People named right after a count of bodies: 300多所院校的书记校长 are participants. */
const DELEGATES = /^[^，。]{0,12}(?:代表|负责人|负责同志|书记|校长|教师|师生|选手|专家|领导)/;
/** Every DELEGATES match holds one of these within its first 16 characters (checked when the module loads). */
const DELEGATE_CHARS = '代负书校教师选专领';
if (!everyMatchHolds(DELEGATES, DELEGATE_CHARS)) throw new Error('DELEGATE_CHARS is not exact');
/** DELEGATES.test(head), the regex (slow to fail: it backtracks over its first 12 characters) called only where it can match. */
const delegatesAfter = (head: string): boolean => holdsCode(head, DELEGATE_CHARS, 0, Math.min(head.length, 16)) && DELEGATES.test(head);
/** Verbs after the counted bodies that make the next clause a different statement. */
const OWN_VERB = /获|被|成为|入选|建成|成立|开展|实现|作了|在/;
/** Heads that name a policy's content or a speech outline, never a reported count (20个方面, 18项任务). */
const OUTLINE_HEADS = /^(?:方面|任务|措施|举措|职责|原则|要求|意见(?!建议)|希望|体会|问题|领域|形式|方式)/;
/** A reference to a catalogue or plan (按照19个大类), not a figure of activity. */
const REFERENCE = /按照|依照|对照|参照|依据|根据/;
const PROGRAM = /专业|课程|学科|教学资源/;

/** Nouns that follow "N个/N项" in slogans and policy names (四个意识, 两个维护, 12个强国). */
const SLOGAN_HEADS = /^(?:意识|自信|维护|全面|强国|坚持|必须|面向|方面|先行|一流|转变|结合|统筹|坚定|聚焦|着力|确保|维度|环节|没有|到位|代表|服务|优先|落实|融合|支撑|作为|不变|提升|基本|重点|抓手|突破|文明|目标|导向|对接(?![会活项])|衔接|同步|字)/;
const PEOPLE_UNITS = new Set(['人', '名', '位']);
/** Words right after a unit that make the figure a target or a task (…万人的目标, 的招生任务). */
const TARGET_AFTER = /^(?:的|)(?:[\u4e00-\u9fff]{0,3}?)(?:目标|任务)(?![完达实])/;
/** A per-head measure that names nothing else (生均, 人均). */
const PER_HEADS = new Set(['生均', '人均', '师均', '校均']);
const PER_HEAD_IN = /生均|人均|师均|校均/;
/** 总 in a measure's name (资产总值 → 资产值, 总面积 → 面积). */
const TOTAL_WORD = /总(?=[值额量数面])|^总/;
/** Between a figure and one picked out of it (16个一等奖中的7个). */
const OUT_OF_PREV = /^[^，,。；;：:、\d]{1,12}中的?$/;
/** What stands between two values of one list (98%和95%, 3人、5人, 10个以上和): a list mark and the first value's marker. */
const NEXT_VALUE = /^(?:以上|左右|多|余)?[和与及、]$/;
/** Between a total and the first item of its breakdown in brackets (95个比赛项目(中职), and between two items (、高职). */
const BRACKET_FIRST = /^[^()（）、，,。；]{0,12}[(（][^()（）、，,。；]{1,6}$/;
/** Between a total and the first item of its breakdown after 其中 (一等奖，其中中职组). */
const AMONG_FIRST = /^[^()（）、，,。；;\d]{0,8}[，,；;]其中[^()（）、，,。；;\d]{1,6}$/;
const BRACKET_NEXT = /^[、，,][^()（）、，,。；]{1,6}$/;
/** The words of a clause that only say how a level moved or what it reached (较2015年增加, 同比增长, 达到). */
const LEVEL_ONLY = /^(?:并|且|已)?(?:较|比|同比|环比|达到|达|增加|增长|提高|上升|累计达?)[^，,。；;、]{0,10}$/;
/** The words right before a number that make it a notice's limit (最多可申报3个) or the copies of a form asked for (一式五份). */
const QUOTA_BEFORE = /(?:最多|至多|最高)(?:可|能|只能)(?:申报|推荐|报送|报名|选派|派出|提交|参加|选择)?$|限报$|限选$|一式$/;
/** The last characters of QUOTA_BEFORE's matches (the pattern is anchored at the end). */
const QUOTA_LAST = '可能报荐送名派出交加择选式';
/** A slogan verb that opens a description of the noun counted: it runs on over several characters to 的 and a noun. */
const DESCRIBING = /^(?:聚焦|面向|服务|坚持|落实|融合|支撑|着力|统筹|结合|提升)(?![”’])[^，。；、]{2,20}的[\u4e00-\u9fff]{2}/;
const SLOGAN_UNITS = new Set(['个', '项', '条', '种', '大', '字', '张']);

// 拟 as "intend to", not inside 模拟/虚拟/比拟, nor a notice's list of those chosen (公示拟认定名单: the outcome of a selection); 争取 as "strive to" of the figure's own clause, not an effort already made (积极争取，…; 争取到; 争取各方支持，比例由…提高到…)
const PLAN_SENTENCE = /预计|将于|力争|争取(?![到了,，])(?=[^,，；;]*$)|目标[是为:]|(?<![模虚比])拟(?!(?:认定|推荐|立项|表彰|命名|入选|录用|聘用|授予|确定)[^，。；]{0,12}名单)|规划到|计划到|努力(?:培养|实现|建设|建成|打造|达到|推动|让|使)(?![^，。；]*了)|20\d\d年(?:年底|年末|底|末)前(?![^，。]{0,12}已)/;
/**
 * 到2025年: a target, unless the year is not after the document's (到2017年年末，全省共有…) or,
 * the document's year unknown, the words give a year's end as the date of a count (到2017年底，).
 */
const TO_YEAR = /(?<![升高加长少降至止])到(20\d\d)年(年末|年底|底|末)?(?![^，。]{0,12}已)/g;

function toYearPlan(planBefore: string, year: number | null | undefined): boolean {
	TO_YEAR.lastIndex = 0;
	for (let m = TO_YEAR.exec(planBefore); m !== null; m = TO_YEAR.exec(planBefore)) {
		const y = Number(m[1]);
		const asOf = m[2] !== undefined && hasCode(',，', planBefore.charCodeAt(m.index + m[0].length));
		if (year != null ? y > year : !asOf) return true;
	}
	return false;
}
// 将 as "will", not as the object marker (先后将4所学校并入); 计划 as "plan to", not in a name (“双高计划”院校, 计划单列市)
// 要在…, 要把…: what a speaker asks for (要在统筹两类大赛中体现…), not what was done
const PLAN_CLAUSE = /将(?!近)|计划(?![”"单]|院校|学校|项目|实施)|打算|要达到|要建成|(?<![需主重只必])要(?=在|把)/;
/** What follows 将 when it marks an object rather than the future. */
const OBJECT_MARKER = /^[^,，]*?(?:并入|纳入|列为|列入|合并|整合|划入|转为|认定为|评为)/;
// (查看全文(剩余80%): a paywall's counter)
const VIEWS = /阅读|浏览|点击|访问|播放|转发|点赞|查看全文/;
/** A counter's word right after the unit (192条评论). */
// (已有979人已成功报名！: a site's registration counter; 报名参赛 stays a figure)
const COUNTER_HEAD = /^(?:评论|回复|留言|阅读|浏览|点赞|收藏|转发|已?成功报名(?=$|[!！]))(?:$|[\s,，|)）!！])/;
/** A list made public (公布…名单, 公示): what it 拟-selects is the outcome of a selection, not a plan. */
const PUBLISHED_LIST = /公布|公示/;
const CUMULATIVE = /累计|截至|截止|共计|总计|累积|迄今|至今|以来|历年/;
const AWARDED = /表彰|获奖/;
const ORGANISE = /举办|主办|承办|联合|共同/;
/** Divisions that each held or ran something (都开展了, 均举办): they take part in the activity. */
const DIVISIONS_HELD = /[都均各]?(?:开展|举办|举行|组织)了?[^，。；;]{0,12}?(?:比赛|竞赛|大赛|选拔赛|活动|展演|评比)/;
/** Bodies that formed or were merged into one (组建, 并入, 合并而成): its members, not participants. */
const FORMED = /组建|共建|筹建|发起成立|联合成立|牵头成立|成员单位包括|成员包括|并入|合并(?:组建|而成|为|成立)/;
const DELEGATE_WORD = /代表/;
const CONTEST_WORD = /赛|竞技|角逐|比拼/;
/** People of a contest who won something: prize winners, not participants (FORMAT.md: other). */
const PRIZE_WORD = /奖|冠军|金牌|银牌|铜牌/;

// Guards on the cue regexes. A figure's context is tested by some thirty regexes, and most of its
// texts hold none of a regex's first characters: one pass over the context's characters ORs their
// cue bits (CUES), and a regex is called only when its bit is set. Exact: a match starts
// with one of the characters firstChars reads from the regex's source, and every text tested is
// (a copy with titles blanked of) a part of the range whose mask is used.
const CUES = new CharBits();
interface Cue {
	re: RegExp;
	bit: number;
}
const cue = (re: RegExp): Cue => ({ re, bit: CUES.bit(firstChars(re)) });
/** `c.re.test(x)`, where `mask` holds the cue bits of a text that contains x's characters. */
const test = (c: Cue, mask: number, x: string): boolean => (mask & c.bit) !== 0 && c.re.test(x);

/**
 * A cue on characters of which every match of `re` holds one (rarer than its first characters):
 * checked on the regex's source when the module loads (everyMatchHolds), so the guard stays
 * exact if the pattern changes.
 */
function holdingCue(re: RegExp, chars: string): Cue {
	if (!everyMatchHolds(re, chars)) throw new Error(`holdingCue: cannot tell that every match of ${re} holds one of ${chars}`);
	return { re, bit: CUES.bit(chars) };
}
/** Every INTERNATIONAL word holds one of these (国家, 国际, 海外, 出境, 一带一路, 鲁班工坊, 驻华, 港澳台, 台湾, 东盟 …). */
const C_INTERNATIONAL = holdingCue(INTERNATIONAL, '国外境带鲁驻港湾盟');
// the same for the other cues whose first characters are common (参, 以, 共, 比, 大, 对, 点 …)
const C_TRAINING_SENTENCE = holdingCue(TRAINING_SENTENCE, '训修');
const C_EVENT_CLAUSE = holdingCue(EVENT_CLAUSE, '赛览坛讨座活');
const C_REFERENCE = holdingCue(REFERENCE, '照据');
const C_VIEWS = holdingCue(VIEWS, '阅浏击访播转赞看');
const C_CUMULATIVE = holdingCue(CUMULATIVE, '累截计迄今来历');
const C_AWARDED = holdingCue(AWARDED, '彰奖');
/** Every PLAN_SENTENCE match holds 预, 争, 目, 拟, 到, 前, 于 or 努 (its first characters 力, 规, 计, 将 and 2 are common). */
const C_PLAN_SENTENCE = holdingCue(PLAN_SENTENCE, '预争目拟到前于努');
/** Every TO_YEAR match holds 到. */
const TO_BIT = CUES.bit('到');
const C_RESEARCH = cue(RESEARCH);
const C_PUBLICATION = cue(PUBLICATION);
const C_TRAINING_CLAUSE = cue(TRAINING_CLAUSE);
const C_PARTICIPATION_PERSON = cue(PARTICIPATION_PERSON);
const C_PARTICIPATION_ORG_SENTENCE = cue(PARTICIPATION_ORG_SENTENCE);
const C_PARTICIPATION_ORG_CLAUSE = cue(PARTICIPATION_ORG_CLAUSE);
const C_INSTITUTION = cue(INSTITUTION);
const C_OWN_VERB = cue(OWN_VERB);
const C_OUTLINE_HEADS = cue(OUTLINE_HEADS);
const C_PROGRAM = cue(PROGRAM);
const C_PLAN_CLAUSE = cue(PLAN_CLAUSE);
const C_FORMED = cue(FORMED);
const C_DELEGATE_WORD = cue(DELEGATE_WORD);
/** Every alternative of YEAR_RE holds 年: a text without it names no year. */
const YEAR_BIT = CUES.bit('年');
/** The marks blank() looks for. */
const BOOK_BIT = CUES.bit('《');
const QUOTE_BIT = CUES.bit('“');

interface Context {
	clause: string;
	/** clause + next, made by clauseAndNext when a cue needs it */
	clauseNext: string | null;
	/** the sentence, titles and quoted names blanked: made by sentenceOf when a cue needs it */
	sentence: string | null;
	norm: string;
	sentenceFrom: number;
	sentenceTo: number;
	/** the clause with only book titles blanked (quoted names may carry 一带一路) */
	rawClause: string;
	/** the clause up to the number */
	before: string;
	/** the sentence up to the number */
	sentBefore: string;
	/** the clause after the unit */
	head: string;
	/** the clause that follows, for cues such as 集中展示了 that close a list of participants */
	next: string;
	/** the text before the number back to the last 。！？ or line end (；does not stop it), for planned figures */
	planBefore: string;
	/** the cue bits of planBefore */
	cuesPlanBefore: number;
	// the cue bits (CUES.in) of the document's text each of the above is made from
	cuesClause: number;
	cuesBefore: number;
	cuesSentBefore: number;
	cuesHead: number;
	cuesNext: number;
	/** the cue bits of the whole sentence (sentenceOf blanks some of its characters) */
	cuesSentence: number;
}

/** The windows of the numbers decided so far (reset per document; its tables are reused). */
const SEEN_WINDOWS = new WindowSet();

/**
 * Every reported figure in the body ranges of a normalised document.
 * @example findMetrics('共150余人参加会议。', [{ start: 0, end: 11 }])[0] // { value: 150, unit: '人', qualifier: 'over', category: 'participation', … }
 */
export function findMetrics(norm: string, body: Span[], opts: FindMetricsOptions = {}): MetricMention[] {
	const out: Found[] = [];
	SEEN_WINDOWS.reset(norm);
	/** figures kept so far by value (then unit and qualifier), to tell a figure said again */
	const byValue = new Map<number, MetricMention[]>();
	const budget = { used: 0 };
	for (const span of body) {
		// the numbers one at a time (eachNumber), the scan stopped when the budget runs out
		let over = false;
		eachNumber(norm, span, (tok) => {
			// the same figure in the same words (a repeated line, a page echoing its lead): decide once
			// (the number's place marked: near a span's start two numbers would share the same window)
			// (compared in place: no key string is made per number)
			if (!SEEN_WINDOWS.add(Math.max(span.start, tok.start - 8), tok.start, Math.min(span.end, tok.after + 10))) return true;
			const unit = tok.kind === 'percent' ? null : readUnit(norm, tok.after, span.end);
			const candidate = tok.kind === 'percent' || tok.kind === 'vague' || unit !== null;
			if (candidate && ++budget.used > MAX_CANDIDATES) {
				over = true;
				return false;
			}
			const found = metricOf(norm, span, tok, unit, opts);
			if (!found) return true;
			const m = found.m;
			// a figure listed right after a change is one too (分别比上年增长26.3%、43.3%)
			const prev = out[out.length - 1]?.m;
			if (!m.change && prev?.change && m.start - prev.end <= 2) m.change = changeOf(found.before, prev.change);
			// a figure repeated in the same document is reported once
			// the same figure said again: in the same category, or of the same subject in other words
			// (组建职教集团1400余个, 建设职教集团1400余个); 3个专业 and 3个一等奖 are two figures
			// (kept by value; unit and qualifier compared here: no key string is built per figure)
			const same = byValue.get(m.value);
			// (公办5所，民办5所: two items of one list in one sentence are two figures)
			if (same?.some((g) => (g.unit === m.unit || restatedEvents(g, m)) && g.qualifier === m.qualifier && sameFigure(g, m) && !listedApart(norm, g, m))) return true;
			if (same) same.push(m);
			else byValue.set(m.value, [m]);
			out.push(found);
			return true;
		});
		if (over) break;
	}
	return relate(norm, out, opts);
}

/** Whether norm[from, to) holds a range's dash (-, －, ~, ～), without which a token is no range of numbers. */
const hasRangeDash = (norm: string, from: number, to: number): boolean => holdsCode(norm, '-－~～', from, to);

/** A prize counted (一等奖, 特等奖, 金奖). */
const PRIZE_SUBJECT = /^(?:[一二三特]等奖|金奖|银奖|铜奖|优秀奖)$/;
/** 奖, the last character of every PRIZE_SUBJECT match. */
const JIANG = '奖'.charCodeAt(0);
const CONTEST_NOUNS = ['竞赛', '大赛', '比赛'];

/**
 * The last contest named in the words before a figure, within their last 80 characters, without the
 * verb and division before it (参加某省职业技能竞赛 → 职业技能竞赛); '' when none is named there
 * (21个项目的比赛 names none).
 */
function contestBefore(sentBefore: string): string {
	const tail = sentBefore.length > 80 ? sentBefore.slice(-80) : sentBefore;
	// the contest words from the last one back, at most four (项目的比赛 names no contest: read on)
	for (let end = tail.length, tries = 0; tries < 4; tries++) {
		let at = -1;
		for (const w of CONTEST_NOUNS) at = Math.max(at, tail.lastIndexOf(w, end - 2));
		if (at < 2) return '';
		end = at;
		let k = at;
		while (k > 0 && at - k < 10 && isNamePart(tail.charCodeAt(k - 1))) k--;
		let name = tail.slice(k, at + 2).replace(/^(?:参加了?|参与了?|举办了?|在|于|共有|本届|本次)/, '');
		const place = /^[\u4e00-\u9fff]{1,5}?[省市县区]/.exec(name);
		if (place && name.length - place[0].length >= 4) name = name.slice(place[0].length);
		if (name.length >= 4 && name.length <= 10) return name;
	}
	return '';
}

/** Characters that may be part of a contest's name read backwards: Chinese characters other than 的 and list marks. */
function isNamePart(c: number): boolean {
	return c >= 0x4e00 && c <= 0x9fff && c !== 0x7684 /* 的 */ && !hasCode('和与及在共了项个', c);
}

/** Units events are counted in, which a page may swap when it restates a figure (5项赛事 in its title, 5个赛项 in its text). */
const EVENT_COUNT_UNITS = new Set(['项', '个', '场']);

/** Whether two event figures in different count units name the same events: their subjects share a character (赛事, 赛项). */
function restatedEvents(g: MetricMention, m: MetricMention): boolean {
	if (g.category !== 'event' || m.category !== 'event' || !EVENT_COUNT_UNITS.has(g.unit) || !EVENT_COUNT_UNITS.has(m.unit)) return false;
	if (!g.subject || !m.subject) return false;
	for (const c of m.subject) if (c !== '项' && c !== '个' && c !== '场' && g.subject.includes(c)) return true;
	return false;
}

/**
 * Whether a figure of the same value, unit and qualifier as an earlier one is that figure said
 * again: of the same subject in other words, or in the same category, unless both subjects are
 * known and share no two characters in a row while the value is small (国家级奖项6个 and 三等奖6个,
 * 专科高职院校25所 and 25所省级示范校 are two figures: small counts recur by chance; 16所高等院校 and
 * 16所联盟成员院校, sharing 院校, are one).
 */
function sameFigure(g: MetricMention, m: MetricMention): boolean {
	if (g.subject !== null && m.subject !== null && sameSubject(g.subject, m.subject)) return true;
	if (g.category !== m.category) return false;
	// a contest's items and teams are said again in other words (5项赛事, 5个赛项; 5支代表队, 这5支队伍)
	if (m.value >= 100 || g.subject === null || m.subject === null || m.category === 'event' || m.category === 'participation') return true;
	// 一等奖1个 and 三等奖1个: prizes of different ranks are two figures
	if (PRIZE_RANK.test(g.subject) && PRIZE_RANK.test(m.subject) && rankOf(g.subject) !== rankOf(m.subject)) return false;
	return sharesWord(g.subject, m.subject);
}

/** A prize of a rank (一等奖, 金奖, 优秀奖) ending a subject. */
const PRIZE_RANK = /(?:[一二三特]等|[金银铜]|优秀)奖$/;
/** The rank of a subject PRIZE_RANK matches: the characters before its 奖 (一等, 金, 优秀). */
const rankOf = (s: string): string => s.slice(s.endsWith('优秀奖') ? -3 : s.endsWith('等奖') ? -3 : -2, -1);

/** Whether two figures of different subjects stand in one list of one sentence (within 40 characters, no sentence end between). */
function listedApart(norm: string, g: MetricMention, m: MetricMention): boolean {
	if (g.subject === null || m.subject === null || g.subject === m.subject || m.start - g.end > 40 || m.start < g.end) return false;
	for (let i = g.end; i < m.start; i++) if (BOUNDARY[norm.charCodeAt(i)]! & SENTENCE_END) return false;
	return true;
}

/** Whether two strings have two characters in a row in common (subjects are short: at most ~24 × 24 steps). */
function sharesWord(a: string, b: string): boolean {
	for (let i = 0; i + 2 <= a.length; i++) if (b.includes(a.slice(i, i + 2))) return true;
	return false;
}

/** The share of the shorter string's characters found in the longer. */
function overlap(a: string, b: string): number {
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	let hit = 0;
	for (const ch of short) if (long.includes(ch)) hit++;
	return short.length ? hit / short.length : 0;
}

/** The text after the last clause mark of `x` (x itself when it holds none). */
function clauseEnd(x: string): string {
	let i = x.length;
	while (i > 0 && !(BOUNDARY[x.charCodeAt(i - 1)]! & CLAUSE_END)) i--;
	return i > 0 ? x.slice(i) : x;
}

/** Whether two subjects name the same thing: most characters of the shorter are in the longer. */
function sameSubject(a: string, b: string): boolean {
	return Math.min(a.length, b.length) >= 2 && overlap(a, b) >= 0.75;
}

/** A figure with the positions its scope and its relation to the others are read from. */
interface Found {
	m: MetricMention;
	/** the topic offering the counted noun (see withTopics) */
	topic: string;
	before: string;
	sentenceStart: number;
	clauseStart: number;
	clauseEnd: number;
}

/** Scope and part of every figure, which need the document's places and the other figures. */
function relate(norm: string, found: Found[], opts: FindMetricsOptions): MetricMention[] {
	if (found.length === 0) return [];
	const places = opts.places ?? [];
	const regionCode = opts.regionCode ?? null;
	// the sentences of the figures, merged: the only text a scope is read from
	const ranges: Span[] = [];
	for (const f of found) {
		const last = ranges[ranges.length - 1];
		if (last && f.sentenceStart <= last.end) last.end = Math.max(last.end, f.clauseEnd);
		else ranges.push({ start: f.sentenceStart, end: f.clauseEnd });
	}
	const refs = places.length || regionCode ? scopeRefs(norm, ranges, places, regionCode) : [];
	// withTopics changes a subject only where figures have topics (rare): else nothing to do
	if (found.some((f) => f.topic !== '')) {
		const subjects = withTopics(found.map((f) => ({ subject: f.m.subject, topic: f.topic })));
		found.forEach((f, i) => (f.m.subject = subjects[i]!));
	}
	// 参赛选手总数达3186人，较上年增加955人: a figure that only says how a level moved or what it reached
	// counts what the figure before it in its sentence counts
	for (let i = 1; i < found.length; i++) {
		const f = found[i]!;
		const prev = found[i - 1]!;
		// (of one kind: the same unit, or a rate and the level it moved: 同比增长141.57%，达到2150万元)
		const kin = prev.m.unit === f.m.unit || prev.m.unit === '%' || f.m.unit === '%' || (PEOPLE_UNITS.has(prev.m.unit) && PEOPLE_UNITS.has(f.m.unit));
		if (f.m.subject === null && prev.m.subject && kin && prev.sentenceStart === f.sentenceStart && LEVEL_ONLY.test(f.before)) f.m.subject = prev.m.subject;
		// 建筑面积52万平方米，生均38平方米: a bare per-head measure is of what the figure before it measures
		else if (f.m.subject !== null && PER_HEADS.has(f.m.subject) && prev.m.subject && prev.m.unit === f.m.unit && prev.sentenceStart === f.sentenceStart && !PER_HEAD_IN.test(prev.m.subject))
			f.m.subject += prev.m.subject.replace(TOTAL_WORD, '');
		// 16个一等奖中的7个奖项: a figure picked out of the one before it counts what that one counts
		else if (f.m.subject !== null && prev.m.subject && prev.m.unit === f.m.unit && endsOutOf(norm, prev.m.end, f.m.start, 14) && OUT_OF_PREV.test(norm.slice(prev.m.end, f.m.start))) f.m.subject = prev.m.subject;
		// 就业率分别为98%和95%: the next value of a list that names nothing counts what the one before it counts
		else if (f.m.subject === null && prev.m.subject && prev.m.unit === f.m.unit && f.m.start - prev.m.end <= 4 && NEXT_VALUE.test(norm.slice(prev.m.end, f.m.start))) f.m.subject = prev.m.subject;
	}
	// 95个比赛项目(中职46个、高职49个): a breakdown in brackets counts what its total counts; so does one
	// after 其中 (获一等奖132个，其中中职组87个、高职组45个)
	for (let i = 1, parent = -1, among = false; i < found.length; i++) {
		const f = found[i]!;
		// (BRACKET_FIRST and BRACKET_NEXT match at most 19 characters: a longer gap ends any breakdown;
		// they are called only where they can match: BRACKET_NEXT's matches open with a list mark,
		// BRACKET_FIRST's hold an opening bracket)
		const from = found[i - 1]!.m.end;
		const gap = f.m.start - from <= 19 ? norm.slice(from, f.m.start) : null;
		if (gap === null) parent = -1;
		else if (!(parent >= 0 && hasCode('、，,', gap.charCodeAt(0)) && BRACKET_NEXT.test(gap))) {
			const bracket = holdsCode(gap, '(（', 0, gap.length) && BRACKET_FIRST.test(gap);
			// (every AMONG_FIRST match holds 其中)
			among = !bracket && gap.includes('其中') && AMONG_FIRST.test(gap);
			parent = among || bracket ? i - 1 : -1;
		}
		const total = parent >= 0 ? found[parent]! : null;
		// (after 其中 a longer kind that the figure's own words left uncategorised: 其中公办性质5所)
		if (total && total.m.unit === f.m.unit && f.m.subject !== null && (f.m.subject.length <= 3 || (among && f.m.subject.length <= 6 && f.m.category === 'other'))) f.m.category = total.m.category;
	}
	const parts = markParts(
		norm,
		found.map((f) => ({ start: f.m.start, unit: f.m.unit, subject: f.m.subject, change: f.m.change, sentenceStart: f.sentenceStart, value: f.m.value, end: f.m.end }))
	);
	return found.map((f, i) => {
		f.m.part = parts[i]!;
		if (!refs.length) {
			if (regionCode) f.m.scopeCode = scopeWithoutRefs(norm, f.clauseStart, f.m.start, f.m.end, regionCode);
		} else f.m.scopeCode = scopeOf({ norm, sentenceStart: f.sentenceStart, clauseStart: f.clauseStart, clauseEnd: f.clauseEnd, start: f.m.start, end: f.m.end, refs, regionCode });
		// 本次共认定21个国家产教融合试点城市 in a province's news: the whole national list, not the province's share
		if (f.m.scopeCode === null && regionCode !== null && regionCode !== '100000' && f.m.subject !== null && f.m.subject.startsWith('国家') && nationalList(norm, f)) f.m.scopeCode = '100000';
		return f.m;
	});
}

/** A national list's total: this round's designation (本次共认定, 此次公布), of bodies of a national title. */
const NATIONAL_LIST = /(?:本次|此次|这次|本批|首批)[^，,。；;]{0,4}?(?:认定|公布|确定|遴选|评选|命名|入选)[^，,。；;]{0,30}$/;
/** Words of the page's own area, after which a national title's count is the area's share (我省…入选国家…). */
const OWN_AREA = /[我本全](?:省|市|区|县|州)/;

/** Whether a figure counts a national list in total: NATIONAL_LIST before it in its clause, no own-area word in its sentence. */
function nationalList(norm: string, f: Found): boolean {
	const before = norm.slice(f.clauseStart, f.m.start);
	return NATIONAL_LIST.test(before) && !OWN_AREA.test(norm.slice(f.sentenceStart, f.clauseEnd));
}

function readUnit(norm: string, pos: number, limit: number): string | null {
	const group = pos < limit ? UNIT_FIRST[norm.charCodeAt(pos)]! : 0;
	if (!group) return null;
	for (const u of UNITS_BY_FIRST[group - 1]!) if (pos + u.length <= limit && norm.startsWith(u, pos)) return u;
	return null;
}

/** `unitAfter` is the unit written right after the token (readUnit at tok.after), null for a percentage. */
function metricOf(norm: string, span: Span, tok: NumberToken, unitAfter: string | null, opts: FindMetricsOptions): Found | null {
	if (tok.kind === 'year' || tok.value <= 0) return null;
	let unit: string | null;
	let unitEnd = tok.after;
	if (tok.kind === 'percent') unit = '%';
	else {
		unit = unitAfter;
		// 数以千计…人才: a vague magnitude counting people named a few words later
		if (unit === null && tok.kind === 'vague' && /^[^，。；]{0,14}(?:人才|人员|学生|教师|毕业生|师生|学员|劳动者|农民|职工|员工|青年)/.test(norm.slice(tok.after, Math.min(span.end, tok.after + 20)))) {
			unit = '人';
			unitEnd = tok.after;
		} else if (unit === null) return null;
		else unitEnd = tok.after + unit.length;
	}
	if (!isCount(norm, tok, unit, unitEnd)) return null;
	// 实现招生860万人的目标: a figure that names a target or a task set is planned
	if (hasCode('的目任', norm.charCodeAt(unitEnd)) && TARGET_AFTER.test(norm.slice(unitEnd, Math.min(span.end, unitEnd + 8)))) return null;

	let qualifier: Qualifier = tok.qualifier;
	if (qualifier === 'exact' && unit !== '%') {
		const suf = suffixQualifier(norm, unitEnd);
		if (suf && suf.qualifier !== 'over') qualifier = suf.qualifier;
	}

	const ctx = contextOf(norm, span, tok.start, unitEnd);
	if (isSlogan(norm, tok, unit, unitEnd, qualifier, ctx)) return null;
	if (test(C_PLAN_SENTENCE, ctx.cuesPlanBefore, ctx.planBefore) && !(ctx.planBefore.includes('拟') && PUBLISHED_LIST.test(ctx.planBefore) && !PLAN_SENTENCE.test(ctx.planBefore.replace(/拟/g, '')))) return null;
	if (ctx.cuesPlanBefore & TO_BIT && toYearPlan(ctx.planBefore, opts.year)) return null;
	// a plan word before the number; what follows 将 tells "will" from 将 marking an object (将4所学校并入)
	// a clause longer than the window (将举办A、B、…等10项活动) is read back to its start within planBefore
	const cut = tok.start - ctx.before.length;
	const clipped = cut > span.start && cut === tok.start - WINDOW && !(BOUNDARY[norm.charCodeAt(cut - 1)]! & CLAUSE_END);
	const planText = clipped ? clauseEnd(ctx.planBefore) : ctx.before;
	const plan = (clipped ? ctx.cuesPlanBefore : ctx.cuesBefore) & C_PLAN_CLAUSE.bit ? PLAN_CLAUSE.exec(planText) : null;
	// (a dash after the plan word opens an aside that reports what is: 将服务于…——当前已实现增长128%)
	if (plan && !(plan[0] === '将' && OBJECT_MARKER.test(planText.slice(plan.index + 1) + norm.slice(tok.start, unitEnd) + ctx.head.slice(0, 24))) && planText.indexOf('——', plan.index) < 0) return null;
	if (ctx.cuesSentBefore & C_VIEWS.bit && VIEWS.test(ctx.sentBefore.slice(-12))) return null;
	// 最多可申报3个赛项, 一式五份: a notice's limit or copies asked for, not a count of anything done
	// (every QUOTA_BEFORE match ends the words with one of QUOTA_LAST)
	if (hasCode(QUOTA_LAST, ctx.before.charCodeAt(ctx.before.length - 1)) && QUOTA_BEFORE.test(ctx.before.slice(-10))) return null;
	// 负责人1-2位, 代表各1位, 每队3~5名: a few people per unit, the quota a notice asks for
	if (PERSON_UNITS.has(unit) && tok.value <= 10 && (ctx.before.endsWith('各') || (hasRangeDash(norm, tok.start, tok.after) && /^\d+[-－~～]\d+$/.test(norm.slice(tok.start, tok.after))))) return null;
	if (qualifier === 'exact' && (test(C_OUTLINE_HEADS, ctx.cuesHead, ctx.head) || test(C_REFERENCE, ctx.cuesBefore, ctx.before))) return null;
	// 3人以上的单位: a threshold in a definition, not a count
	if (qualifier === 'atLeast' && (ctx.head.startsWith('以上的') || ctx.head.startsWith('以上者')) || ctx.head.startsWith('及以上的') || ctx.head.startsWith('及以上者')) return null;
	// 192条评论, 0次阅读: a page's counters
	if (hasCode('评回留阅浏点收转已成', ctx.head.charCodeAt(0)) && COUNTER_HEAD.test(ctx.head)) return null;

	const topic = { topic: '' };
	// subjectOf reads the previous clause only when the words before open with 由 or 从
	const previous = ctx.before.includes('由') || ctx.before.includes('从') ? previousClause(ctx) : '';
	let subject = subjectOf(ctx.before, ctx.head, unit, previous, topic);
	// 大赛已连续举办七届: editions counted of what holds them, not of the verb
	if (subject !== null && EVENT_UNITS.has(unit) && hasCode('办行开', subject.charCodeAt(subject.length - 1)) && HELD_TAIL.test(subject)) subject = heldSeries(subject, ctx);
	// prizes take the contest named before them in their sentence as their topic (…参加某技能竞赛…，获得3个一等奖):
	// a document that counts prizes of several contests tells them apart (withTopics)
	if (!topic.topic && subject && subject.charCodeAt(subject.length - 1) === JIANG && PRIZE_SUBJECT.test(subject)) topic.topic = contestBefore(ctx.sentBefore);
	const m: MetricMention = {
		start: tok.start,
		end: unitEnd,
		value: tok.value,
		unit,
		qualifier,
		category: categoryOf(unit, ctx, subject),
		cumulative: test(C_CUMULATIVE, ctx.cuesSentBefore, ctx.sentBefore),
		year: ctx.cuesSentBefore & YEAR_BIT ? yearOf(ctx.sentBefore, opts) : null,
		subject,
		scopeCode: null,
		change: changeOf(ctx.before, null),
		part: false,
		text: evidence(norm, ctx, tok.start, unitEnd)
	};
	const clauseStart = tok.start - ctx.before.length;
	return { m, topic: topic.topic, before: ctx.before, sentenceStart: tok.start - ctx.sentBefore.length, clauseStart, clauseEnd: unitEnd + ctx.head.length };
}

/** Rejects numbers that are not counts: ordinals, party-congress sessions, times, small 字 slogans, 一 as an article. */
function isCount(norm: string, tok: NumberToken, unit: string, unitEnd: number): boolean {
	// by char code: norm[i] would make a one-character string per candidate
	if (hasCode('第前首排', norm.charCodeAt(tok.start - 1))) return false;
	// 一个, 一所: the article "a", not a reported figure
	if (tok.chinese && tok.value === 1 && tok.kind === 'number') return false;
	if (unit === '届' && /^(?:[一二三四五六七八九十]中|中央|全国人大|人大|政协|全会)/.test(norm.slice(unitEnd, unitEnd + 4))) return false;
	if (unit === '分') {
		if (tok.chinese) return false; // 十分重要
		if (/^[钟之]/.test(norm[unitEnd] ?? '')) return false;
		if (/[点时:]$/.test(norm.slice(Math.max(0, tok.start - 1), tok.start))) return false;
	}
	if (unit === '部' && /[署分份]/.test(norm[unitEnd] ?? '')) return false;
	// 四个月, 两个小时: a duration; 两件事: an outline; 二元制: a word
	if (unit === '个' && hasCode('月小星工', norm.charCodeAt(unitEnd)) && /^(?:月|小时|星期|工作日)/.test(norm.slice(unitEnd, unitEnd + 3))) return false;
	if (unit === '件' && norm[unitEnd] === '事') return false;
	// 综合八处处长, 三组组长: an office named by its number, then its head
	if (tok.chinese && (norm.charCodeAt(unitEnd) === ZHANG || (norm.charCodeAt(unitEnd + unit.length) === ZHANG && norm.startsWith(unit, unitEnd)))) return false;
	// 中新两国, 中美两国: the two countries just named, not a count of them
	if (unit === '国' && tok.chinese && tok.value === 2) return false;
	// 三位一体, 六位一体: a slogan
	if (unit === '位' && tok.chinese && norm.startsWith('一体', unitEnd)) return false;
	if (unit === '元' && tok.chinese && /[制化论]/.test(norm[unitEnd] ?? '')) return false;
	// 粤黔两省, 跨两省市: the provinces just named, not a count of them
	if (unit === '省' && tok.chinese && /[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新跨]$/.test(norm.slice(Math.max(0, tok.start - 1), tok.start))) return false;
	// 党的二十届…, 第三届四次会议: sessions, not counts
	if (unit === '届' && /党的$/.test(norm.slice(Math.max(0, tok.start - 2), tok.start))) return false;
	if (unit === '次' && norm[tok.start - 1] === '届') return false;
	// 十七届人大六次会议: a council's term, its body, then the session
	if (unit === '次' && norm.startsWith('会议', unitEnd) && norm.lastIndexOf('届', tok.start - 1) >= Math.max(0, tok.start - 6)) return false;
	// 四届三次会议: a council's term and session
	if (unit === '届' && /^[一二三四五六七八九十\d]{1,3}次/.test(norm.slice(unitEnd, unitEnd + 4))) return false;
	// 2011年12期: a journal's issue
	if (unit === '期' && norm[tok.start - 1] === '年') return false;
	// 边境四省教育工作磋商会, 长三角三省一市联盟: divisions counted inside a name
	if ((unit === '省' || unit === '市' || unit === '县' || unit === '国') && tok.chinese && /^[^,，。；、的]{0,12}?(?:会议|大会|磋商会|研讨会|座谈会|联席会|论坛|峰会|联盟|协作区|一体化)/.test(norm.slice(unitEnd, unitEnd + 16))) return false;
	if (unit === '字' && tok.value < 100) return false;
	if (unit === '次' && tok.chinese && tok.value <= 3 && /^[会全]/.test(norm[unitEnd] ?? '')) return false;
	// inside a book or document title
	if (insideBrackets(norm, tok.start, BOOK_OPENS, BOOK_CLOSES, 60)) return false;
	return true;
}

const ZHANG = '长'.charCodeAt(0);
const STRAIGHT_QUOTE = 34;
/** Whether char code `c` occurs in s[from, to). */
function hasCodeIn(s: string, c: number, from: number, to: number): boolean {
	for (let i = from; i < to; i++) if (s.charCodeAt(i) === c) return true;
	return false;
}

/** Whether `pos` sits after an opening mark within `reach` characters with no closing mark between (bounded scan). */
function insideBrackets(norm: string, pos: number, opens: number, closes: number, reach: number): boolean {
	// `opens` and `closes`: bits of BRACKET, one table read per character
	for (let i = pos - 1; i >= Math.max(0, pos - reach); i--) {
		const b = BRACKET[norm.charCodeAt(i)]!;
		if (b & closes) return false;
		if (b & opens) return true;
	}
	return false;
}

/** Book-title and quotation marks by char code, for insideBrackets. */
const BOOK_OPENS = 1;
const BOOK_CLOSES = 2;
const QUOTE_OPENS = 4;
const QUOTE_CLOSES = 8;
const BRACKET = new Uint8Array(0x10000);
BRACKET['《'.charCodeAt(0)] = BOOK_OPENS;
BRACKET['》'.charCodeAt(0)] = BOOK_CLOSES;
for (const c of '“‘') BRACKET[c.charCodeAt(0)] = QUOTE_OPENS;
for (const c of '”’') BRACKET[c.charCodeAt(0)] = QUOTE_CLOSES;


function isSlogan(norm: string, tok: NumberToken, unit: string, unitEnd: number, qualifier: Qualifier, ctx: Context): boolean {
	if (qualifier !== 'exact' || tok.kind !== 'number') return false;
	// inside a short quotation: “两个先行”, “职教20条”
	if (insideBrackets(norm, tok.start, QUOTE_OPENS, QUOTE_CLOSES, 8) && /[”’]/.test(norm.slice(unitEnd, unitEnd + 8))) return true;
	// the same inside straight quotes: "职教20条"
	if (hasCodeIn(norm, STRAIGHT_QUOTE, Math.max(0, tok.start - 7), tok.start) && /"[^"，,。]{0,6}$/.test(norm.slice(Math.max(0, tok.start - 7), tok.start)) && /^[^"，,。]{0,6}"/.test(norm.slice(unitEnd, unitEnd + 7))) return true;
	if (tok.value > 12) return false;
	if (!SLOGAN_UNITS.has(unit)) return false;
	const after = ctx.head;
	// 三个“xx”: a quoted term closed by punctuation or the end of the clause is a slogan
	const q = hasCode('“‘', after.charCodeAt(0)) ? /^[“‘][^”’]{1,10}[”’](.?)/.exec(after) : null;
	if (q) return q[1] === '' || /[、，。；和与的及”]/.test(q[1]);
	// 11个聚焦“硬科技”的共同体: a verb opening a description closed by 的 before the noun counted
	if (SLOGAN_HEADS.test(after)) return !(hasCode('聚面服坚落融支着统结提', after.charCodeAt(0)) && DESCRIBING.test(after));
	// 两个扩大(扩大招生对象…): a numbered outline spelled out in brackets
	if (tok.chinese && /^[\u4e00-\u9fff]{2}(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)[\u4e00-\u9fff]?)?[(（]/.test(after)) return true;
	// 七个好: one character and the clause ends
	// (5个市、县: a division word is a noun counted, not a slogan's word)
	// (as /^[\u4e00-\u9fff](?:$|[、，。；”’）)])/ and not /^[人名位所家项次场届期批省市县区]/, by char code)
	const first = after.charCodeAt(0);
	return first >= 0x4e00 && first <= 0x9fff && (after.length === 1 || hasCode('、，。；”’）)', after.charCodeAt(1))) && !hasCode('人名位所家项次场届期批省市县区', first);
}

const BOOK_OPEN = '《'.charCodeAt(0);
const QUOTE_OPEN = '“'.charCodeAt(0);

/**
 * Empties book titles (and, when `quotes`, quoted names) in one linear pass: their words say
 * nothing about what a number counts. Unclosed marks are kept as they are.
 */
function blank(x: string, quotes: boolean): string {
	// most clauses hold no title or quote: two indexOf searches instead of a loop over characters
	const book = x.indexOf('《');
	const quote = quotes ? x.indexOf('“') : -1;
	if (book < 0 && quote < 0) return x;
	// Copies the text between blanked titles as whole slices rather than character by character.
	let out = '';
	let from = 0; // start of the text not yet copied to `out`
	for (let i = book < 0 ? quote : quote < 0 ? book : Math.min(book, quote); i < x.length; i++) {
		const c = x.charCodeAt(i);
		const close = c === BOOK_OPEN ? '》' : quotes && c === QUOTE_OPEN ? '”' : '';
		if (!close) continue;
		// the closing mark within the next 61 characters; x is a clause or a sentence, so short
		const j = x.indexOf(close, i + 1);
		if (j < 0 || j > i + 61) continue;
		out += x.slice(from, i + 1) + close;
		from = j + 1;
		i = j;
	}
	return from === 0 ? x : out + x.slice(from);
}

/** Book titles emptied (a quoted 一带一路 names nothing abroad). */
function blankTitles(x: string): string {
	return blank(x, false);
}

function contextOf(norm: string, span: Span, start: number, end: number): Context {
	const lo = Math.max(span.start, start - WINDOW);
	const hi = Math.min(span.end, end + WINDOW);
	// One walk back from the number finds its clause start (after the nearest clause mark) and
	// its sentence start (after the nearest sentence mark, which is a clause mark too), and
	// gathers the cue bits of the words in between; one walk forward finds the clause end, the
	// end of the next clause and the sentence end.
	let s = start;
	let cs = -1;
	let cuesBefore = 0;
	let cuesEarlier = 0; // of norm[s, cs)
	while (s > lo) {
		const c = norm.charCodeAt(s - 1);
		const b = BOUNDARY[c]!;
		if (b & SENTENCE_END) break;
		if (cs < 0 && b & CLAUSE_END) cs = s;
		if (cs < 0) cuesBefore |= CUES.of(c);
		else cuesEarlier |= CUES.of(c);
		s--;
	}
	if (cs < 0) cs = s;
	let e = end;
	let ce = -1;
	let ne = -1;
	let cuesHead = 0;
	let cuesNext = 0; // of norm[ce + 1, ne)
	let cuesTail = 0; // of norm[ce, e)
	while (e < hi) {
		const c = norm.charCodeAt(e);
		const b = BOUNDARY[c]!;
		if (b & SENTENCE_END) break;
		if (ce >= 0 || b & CLAUSE_END) cuesTail |= CUES.of(c);
		if (b & CLAUSE_END) {
			if (ce < 0) ce = e;
			else if (ne < 0) ne = e;
		} else if (ce < 0) cuesHead |= CUES.of(c);
		else if (ne < 0) cuesNext |= CUES.of(c);
		e++;
	}
	if (ce < 0) ce = e;
	if (ne < 0) ne = e;
	let ps = s;
	const planLo = Math.max(span.start, start - 3 * WINDOW);
	let cuesPlanBefore = cuesEarlier | cuesBefore; // of norm[ps, start)
	while (ps > planLo) {
		const c = norm.charCodeAt(ps - 1);
		if (BOUNDARY[c]! & PLAN_END) break;
		cuesPlanBefore |= CUES.of(c);
		ps--;
	}
	// book titles and quoted names hold words that say nothing about what is counted

	const clause = norm.slice(cs, ce);
	// the texts before the number often start at the same place: one string then
	const sentBefore = norm.slice(s, start);
	const before = cs === s ? sentBefore : norm.slice(cs, start);
	const cuesSentBefore = cuesEarlier | cuesBefore;
	const cuesClause = cuesBefore | CUES.in(norm, start, end) | cuesHead;
	return {
		// blank returns the clause itself when it holds neither mark
		clause: cuesClause & (BOOK_BIT | QUOTE_BIT) ? blank(clause, true) : clause,
		sentence: null,
		clauseNext: null,
		norm,
		sentenceFrom: s,
		sentenceTo: e,
		before,
		rawClause: cuesClause & BOOK_BIT ? blank(clause, false) : clause,
		sentBefore,
		next: ce < e ? norm.slice(ce + 1, ne) : '',
		planBefore: ps === s ? sentBefore : norm.slice(ps, start),
		cuesPlanBefore,
		head: norm.slice(end, ce),
		cuesClause,
		cuesBefore,
		cuesSentBefore,
		cuesHead,
		cuesNext: ce < e ? cuesNext : 0,
		cuesSentence: cuesClause | cuesEarlier | cuesTail
	};
}

/** The clause and the one after it as one text (made once: a regex flattens a joined string each time it reads it). */
function clauseAndNext(ctx: Context): string {
	if (ctx.clauseNext === null) ctx.clauseNext = ctx.clause + ctx.next;
	return ctx.clauseNext;
}

/** The figure's sentence with titles and quoted names blanked, made once and only when asked for. */
function sentenceOf(ctx: Context): string {
	if (ctx.sentence === null) ctx.sentence = blank(ctx.norm.slice(ctx.sentenceFrom, ctx.sentenceTo), true);
	return ctx.sentence;
}

/** Whether the figure's sentence speaks of training (the sentence is made only when its cue bits allow). */
function trainingSentence(ctx: Context): boolean {
	return (ctx.cuesSentence & C_TRAINING_SENTENCE.bit) !== 0 && TRAINING_SENTENCE.test(sentenceOf(ctx));
}

/** The clause before the figure's own, within its sentence ('' when the figure's clause opens it). */
function previousClause(ctx: Context): string {
	const sb = ctx.sentBefore;
	// the sentence up to the mark before the figure's clause (one character short when the clause opens the sentence)
	const k = sb.length - ctx.before.length - 1;
	const end = k >= 0 ? k : Math.max(0, sb.length - 1);
	// back to the last , ， : or ： (a scan, not four lastIndexOf calls)
	let i = end;
	while (i > 0 && !hasCode(',，:：', sb.charCodeAt(i - 1))) i--;
	return sb.slice(i, end);
}

const DE = '的'.charCodeAt(0);
/** `head` without a leading 的 (as head.replace(/^[的]/, '')). */
const withoutDe = (head: string): string => (head.charCodeAt(0) === DE ? head.slice(1) : head);

/** What the number counts: the words right after the unit, or those right before the number. */
function nounOf(ctx: Context): string {
	const h = withoutDe(ctx.head);
	if (h && !hasCode('、和及与,，', h.charCodeAt(0))) return h.slice(0, 16);
	return ctx.before.slice(-10);
}

const INSTITUTION_G = new RegExp(INSTITUTION.source, 'g');
const PROGRAM_G = new RegExp(PROGRAM.source, 'g');

/** End index of the last match of a global regex in `x`, or -1. */
function lastEnd(re: RegExp, x: string): number {
	let at = -1;
	re.lastIndex = 0;
	for (let m = re.exec(x); m !== null; m = re.exec(x)) at = m.index + m[0].length;
	return at;
}

/** Whether an institution word or a programme word sits closest to the number (after it first, then before it). */
function closest(ctx: Context, subject: string | null, cuesSubject: number): 'institution' | 'program' | null {
	// (体现甲、乙等方面的新联盟: the noun described, named after 的, is the one to read)
	const h = subject !== null && subject.length >= 2 && ctx.head.length > 12 && ctx.head.includes('的' + subject) ? subject : withoutDe(ctx.head).slice(0, 12);
	if (h && !hasCode('、和及与,，', h.charCodeAt(0))) {
		const i = ctx.cuesHead & C_INSTITUTION.bit ? h.search(INSTITUTION) : -1;
		const p = ctx.cuesHead & C_PROGRAM.bit ? h.search(PROGRAM) : -1;
		if (i >= 0 || p >= 0) return p < 0 || (i >= 0 && i < p) ? 'institution' : 'program';
	}
	// an elliptical clause (撤并316个) takes its noun from earlier in the sentence
	// a subject of its own (合作项目, 工业大类) is not elliptical
	// (tested only for a clause that short)
	const own = ctx.before.length <= 4 && subject !== null && subject.length >= 3 && !test(C_INSTITUTION, cuesSubject, subject) && !test(C_PROGRAM, cuesSubject, subject);
	const scopes = ctx.before.length <= 4 && !own ? 2 : 1;
	// sentBefore's cue bits hold before's
	const cues = ctx.cuesSentBefore;
	for (let k = 0; k < scopes; k++) {
		const scope = k === 0 ? ctx.before : ctx.sentBefore;
		const i = cues & C_INSTITUTION.bit ? lastEnd(INSTITUTION_G, scope) : -1;
		const p = cues & C_PROGRAM.bit ? lastEnd(PROGRAM_G, scope) : -1;
		if (i >= 0 || p >= 0) return i > p ? 'institution' : 'program';
	}
	return null;
}

/** Subjects that settle a category whatever else the clause says. */
const PRIZE = /奖|表彰/;
const TEAM = /队$|队伍$|代表团$/;
/** The counted noun followed by 中 (among them), not by 中职 or 中心. */
const AMONG = /^[\u4e00-\u9fff]{1,6}?中(?![职专小学心国])/;
// (比赛设…14个大项、34个小项目: a contest's main and sub-items)
// (42个分项; 66个世赛选拔项目, 40个国赛精选项目: items named by their contest)
const CONTEST_ITEM = /^(?:比赛|竞赛|大|小|子|分)?项目?$|赛项|单项|赛事$|赛[^，,、]{0,4}项目$/;
const PROGRAM_SUBJECT = /(?:专业|(?<!工业|行业|产业)大类|(?<!工业|行业|产业)类别|课程|学科|专业群|专业点|专业布点|小类)$/;
const VENUE = /赛区|赛点|赛场|考点|分会场/;
const HOLDINGS = /馆藏|藏量|藏书|校均|生均|师均/;
const HOUSEHOLDS = /家庭|家长|农户|人口|岗位/;
const C_PRIZE = cue(PRIZE);
const C_TEAM = cue(TEAM);
/** Every match of CONTEST_ITEM holds 项 or 赛 (its first element is optional, so firstChars cannot read it). */
const C_CONTEST_ITEM: Cue = { re: CONTEST_ITEM, bit: CUES.bit('项赛') };
/** Every PROGRAM_SUBJECT word holds 专, 类, 课 or 科 (its first characters 学, 大 and 小 are common). */
const C_PROGRAM_SUBJECT = holdingCue(PROGRAM_SUBJECT, '专类课科');
const C_VENUE = cue(VENUE);
/** Every HOLDINGS word holds 藏 or 均 (its first characters 校 and 生 are in most subjects). */
const C_HOLDINGS = holdingCue(HOLDINGS, '藏均');
const C_HOUSEHOLDS = cue(HOUSEHOLDS);

/** Projects that a later rule or an earlier cue places: research, training, contests, exhibitions (中职组项目: a contest's group, an event). */
const NOT_PLAIN_PROJECT = /研究|科研|课题|培训|赛|展示|展演|展览/;

/** The category the subject settles (prizes, teams, contest items, majors, venues, holdings), or null. */
function categoryBySubject(subject: string, cuesSubject: number, unit: string, ctx: Context): MetricCategory | null {
	if (test(C_PRIZE, cuesSubject, subject) || (!PERSON_UNITS.has(unit) && !EVENT_UNITS.has(unit) && test(C_AWARDED, ctx.cuesClause | ctx.cuesNext, clauseAndNext(ctx)))) return 'other';
	// households and jobs are other; 学生、家长和市民到场 are people taking part
	if (test(C_VENUE, cuesSubject, subject) || test(C_HOLDINGS, cuesSubject, subject) || (test(C_HOUSEHOLDS, cuesSubject, subject) && !PERSON_UNITS.has(unit))) return 'other';
	// (the teams a prize was won among, 在27个代表队中荣获…奖, are the contest's field)
	if (test(C_TEAM, cuesSubject, subject) && (!ctx.head.includes('奖') || AMONG.test(ctx.head))) return 'participation';
	if (PROGRAM_UNITS.has(unit) && test(C_PROGRAM_SUBJECT, cuesSubject, subject)) return 'program';
	// the unit first: CONTEST_ITEM scans the whole subject, and most figures are counted in other units
	if ((unit === '个' || unit === '项' || unit === '类') && test(C_CONTEST_ITEM, cuesSubject, subject) && CONTEST_WORD.test(sentenceOf(ctx))) return 'event';
	// projects (合作项目, 现代学徒制项目) are no bodies: other, unless research, training or a contest's
	if ((unit === '个' || unit === '项') && subject.endsWith('项目') && !NOT_PLAIN_PROJECT.test(subject)) return subject.endsWith('组项目') ? 'event' : 'other';
	return null;
}

/** A next figure in the words after a unit (61所高职院校以及…等八个国际代表队), not an ordinal (第一届). */
const NEXT_FIGURE = /(?<![第\d.])\d|(?<![第一二两三四五六七八九十百千])[一二两三四五六七八九十百千]+[个所名位家项支批场届国]/;

/**
 * The figure's clause up to the next figure in it, titles blanked: a cue after that figure is
 * about that one (61所高职院校以及…八个国际代表队: the 61 schools are not abroad).
 */
function ownWords(ctx: Context, unit: string): string {
	const cut = ctx.head.search(NEXT_FIGURE);
	return cut < 0 ? ctx.rawClause : blankTitles(ctx.before + unit + ctx.head.slice(0, cut));
}

/** Whether the words before a number close a list of earlier counts with its total (…226名研究生，以及某国学者共计430余人). */
function totalOfCounts(before: string, sentBefore: string): boolean {
	return /(?:共计|合计|总计)$/.test(before) && /\d+(?:余|多)?[名人位]/.test(sentBefore);
}

/** INTERNATIONAL, every match. */
const INTERNATIONAL_G = new RegExp(INTERNATIONAL.source, 'g');
/** A count right before a cue (70个国家和地区, 30多个国家): the cue is that figure's own. */
const COUNTED_CUE = /(?:\d|[一二两三四五六七八九十百千])[多余]?[个]?$/;

/**
 * Whether the words before a figure say it is about work abroad: their last international cue, unless
 * that cue is a count of countries itself (来自70个国家和地区的选手…，在我市近20个场地: the venues are here).
 */
function abroadBefore(words: string): boolean {
	let last: RegExpExecArray | null = null;
	INTERNATIONAL_G.lastIndex = 0;
	for (let m = INTERNATIONAL_G.exec(words); m !== null; m = INTERNATIONAL_G.exec(words)) last = m;
	if (last === null) return false;
	const at = last[0].startsWith('国家') || !hasCode('个多等', last[0].charCodeAt(0)) ? last.index : last.index + 1;
	return !COUNTED_CUE.test(words.slice(Math.max(0, at - 4), at));
}

/** A verb of holding ending a subject, with the adverbs before it (连续举办, 已举行). */
const HELD_TAIL = /(?:在[\u4e00-\u9fff]{1,6}?)?(?:连续|已经|已|共|先后|累计|成功)*(?:举办|举行|召开)$/;
/** What opens a sentence about a series (某活动周是…，已连续举办15届): its name before 是, 已, 自 or 从. */
const SERIES_TOPIC = /^[\s]*([\u4e00-\u9fff“”]{2,14}?)(?:是|已|自|从|于)/;

/** The series whose editions a subject ending in a verb of holding counts: the words before the verb, else the sentence's topic, else the subject. */
function heldSeries(subject: string, ctx: Context): string {
	const who = subject.replace(HELD_TAIL, '');
	if (who.length >= 2) return who;
	const topic = SERIES_TOPIC.exec(ctx.sentBefore);
	return topic ? topic[1]!.replace(/[“”]/g, '') : subject;
}

/** FORMAT.md's precedence: the first category whose cue applies. */
function categoryOf(unit: string, ctx: Context, subject: string | null = null): MetricCategory {
	const person = PERSON_UNITS.has(unit);
	const eventUnit = EVENT_UNITS.has(unit);
	if (RATE_UNITS.has(unit)) return 'rate';
	// 国 counts countries (59国免签): abroad whatever the clause says
	if (unit === '国') return 'international';
	// (a total over a list of counts, 国内甲50名、乙30名以及某国学者共计90人, is of all who took part, not of those abroad)
	if (test(C_INTERNATIONAL, ctx.cuesClause, ctx.rawClause) && INTERNATIONAL.test(ownWords(ctx, unit)) && !totalOfCounts(ctx.before, ctx.sentBefore)) return 'international';
	// what a workshop or partnership abroad has (哈方鲁班工坊…建有四个实训区): the sentence before says where
	if (!person && unit !== '支' && ctx.cuesSentBefore & C_INTERNATIONAL.bit && abroadBefore(blankTitles(ctx.sentBefore))) return 'international';
	if ((unit === '学时' || unit === '课时') && trainingSentence(ctx)) return 'training';
	const cuesSubject = subject ? CUES.in(subject, 0, subject.length) : 0;
	const bySubject = subject ? categoryBySubject(subject, cuesSubject, unit, ctx) : null;
	if (bySubject) return bySubject;
	const noun = nounOf(ctx);
	const cuesNoun = CUES.in(noun, 0, noun.length);
	// the noun's institution test, read three times below; neither noun test is read for people
	const nounInstitution = !person && test(C_INSTITUTION, cuesNoun, noun);
	const nounIsThing = !person && !nounInstitution && !test(C_PROGRAM, cuesNoun, noun);
	// 所 and 家 count bodies (276所项目学校的建设方案), never research or publications
	const bodies = unit === '所' || unit === '家';
	if (!person && !bodies && (test(C_RESEARCH, cuesNoun, noun) || (nounIsThing && test(C_RESEARCH, ctx.cuesClause, ctx.clause)))) return 'research';
	if (unit === '篇' || (unit === '期' && ctx.before.endsWith('》')) || (!person && !bodies && (test(C_PUBLICATION, cuesNoun, noun) || (nounIsThing && test(C_PUBLICATION, ctx.cuesClause, ctx.clause))))) return 'publication';
	// read for people and events only
	const partClause = (person || eventUnit) && test(C_PARTICIPATION_PERSON, ctx.cuesClause, ctx.clause);
	if (
		(person || eventUnit) &&
		(test(C_TRAINING_CLAUSE, ctx.cuesClause, ctx.clause) ||
			test(C_TRAINING_SENTENCE, ctx.cuesClause, ctx.clause) ||
			(trainingSentence(ctx) && (eventUnit || (partClause && !test(C_DELEGATE_WORD, ctx.cuesClause, ctx.clause)))))
	)
		return 'training';
	if (eventUnit && unit !== '批') return 'event';
	// (4个计划单列市都开展了比赛, 13个省市的赛项: divisions, not events)
	if ((unit === '个' || unit === '项') && test(C_EVENT_CLAUSE, cuesNoun, noun) && !nounInstitution && !DIVISION_NOUN.test(ctx.head)) return 'event';
	// students and trainees of a sentence about work abroad (鲁班工坊…, 学历教育学生近6000人)
	if (person) {
		if (partClause) return 'participation';
		if (ctx.cuesSentBefore & C_INTERNATIONAL.bit && INTERNATIONAL.test(blankTitles(ctx.sentBefore))) return 'international';
		// people of a contest's clause (进入决赛, 组成的代表队在…大赛中; a quoted contest name counts): contestants, unless winners
		return !PRIZE_WORD.test(ctx.rawClause) && (CONTEST_WORD.test(ctx.rawClause) || CONTEST_WORD.test(sentenceOf(ctx))) ? 'participation' : 'other';
	}
	// divisions that each held or ran the activity (28个省、4个市都开展了比赛) take part in it
	if (unit === '个' && DIVISION_NOUN.test(ctx.head) && DIVISIONS_HELD.test(ctx.clause)) return 'participation';
	const org = unit === '所' || unit === '家' || unit === '省' || unit === '国' || unit === '部门' || unit === '系' || unit === '县' || (unit === '个' && (nounInstitution || DIVISION.test(ctx.head)));
	if (org) {
		const ownVerb = test(C_OWN_VERB, ctx.cuesHead, ctx.head);
		const cueScope = ownVerb ? ctx.clause : clauseAndNext(ctx);
		const cuesScope = ownVerb ? ctx.cuesClause : ctx.cuesClause | ctx.cuesNext;
		// bodies that formed a group together are its members, not participants (15家企业共同组建)
		if (test(C_FORMED, ctx.cuesClause | ctx.cuesNext, clauseAndNext(ctx))) return 'institution';
		// departments that hold an event together (十二部门在…举办, 五部门联合发文) take part in it
		if (unit === '部门' && ORGANISE.test(clauseAndNext(ctx))) return 'participation';
		if (test(C_PARTICIPATION_ORG_SENTENCE, cuesScope, cueScope) || test(C_PARTICIPATION_ORG_CLAUSE, ctx.cuesClause, ctx.clause) || delegatesAfter(ctx.head) || fromList(ctx)) return 'participation';
	}
	const kind = closest(ctx, subject, cuesSubject);
	if (kind === 'institution' && (unit === '所' || unit === '家' || unit === '个')) return 'institution';
	// 5系1部: the 部 after a college's 系 are departments too
	if (unit === '系' || (unit === '部' && /[\d一二三四五六七八九十]系$/.test(ctx.before))) return 'institution';
	if (kind === 'program' && PROGRAM_UNITS.has(unit)) return 'program';
	if (unit === '门') return 'program';
	return 'other';
}

/** 来自 opening a list that the figure continues (来自全省27所高职院校、3所技师学院，136所中职学校…): no verb since. */
const FROM_LIST = /来自(?![^，,。；]*[，,][^，,。；]*(?:获|被|成为|入选|建成|成立|开展|实现|作了|举行|召开|开幕))[^。；]*$/;

function fromList(ctx: Context): boolean {
	return ctx.before !== ctx.sentBefore && ctx.sentBefore.includes('来自') && FROM_LIST.test(ctx.sentBefore);
}

const YEAR_RE = /(?:^|[^\d])((?:19|20)\d\d)年|(今年|当年|本年|去年|上年)/g;

/** The year the sentence anchors the figure to: the last year named before it, not a comparison base (比2023年). */
function yearOf(before: string, opts: FindMetricsOptions): number | null {
	let year: number | null = null;
	YEAR_RE.lastIndex = 0;
	for (let m = YEAR_RE.exec(before); m !== null; m = YEAR_RE.exec(before)) {
		const at = m.index + (m[0].length - (m[1] ? m[1].length + 1 : m[2].length));
		const pre = before.slice(Math.max(0, at - 2), at);
		if (pre.includes('比') || pre.includes('较')) continue;
		if (m[1]) year = Number(m[1]);
		else if (opts.year != null) year = m[2] === '去年' || m[2] === '上年' ? opts.year - 1 : opts.year;
	}
	return year;
}

/** A short phrase (≤ 40 characters) around the figure, cut from its clause. */
function evidence(norm: string, ctx: Context, start: number, end: number): string {
	const cs = start - ctx.before.length;
	const ce = end + ctx.head.length;
	let a = cs;
	let b = ce;
	if (b - a > 40) {
		a = Math.max(cs, start - 20);
		b = Math.min(ce, a + 40);
	}
	return norm.slice(a, b).trim();
}
