// Document-level facts: when it was published, what kind of text it is, its title.
import { firstChars, hasCode } from './chars.ts';
import { findDates, parseDateLine } from './dates.ts';
import type { DateRange, DocumentKind, PreparedDocument, Span } from './types.ts';


/** A short line that is nothing but a date: a signature (二〇二三年十二月十五日) or a dateline. */
const DATE_ONLY_LINE = /^[(（]?\s*(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*[-年/.]\s*[\d一二三四五六七八九十]{1,2}\s*(?:[-月/.]\s*(?:[\d一二三四五六七八九十]{1,3}\s*[日号]?)?)?\s*[)）]?$/;

/**
 * What is worked out once per document (each field undefined until first asked): the dateline, the
 * publication date, the signature date, the kind and the title, which several extractors ask for.
 * One record per document in one WeakMap: an entry is made once per document instead of once per
 * fact (each new entry costs far more than a lookup).
 */
interface Memo {
	dateline: Dateline | null | undefined;
	published: DateRange | null | undefined;
	kind: DocumentKind | undefined;
	title: string | null | undefined;
	signature: DateRange | null | undefined;
}
const memos = new WeakMap<PreparedDocument, Memo>();

function memoOf(doc: PreparedDocument): Memo {
	let m = memos.get(doc);
	if (m === undefined) memos.set(doc, (m = { dateline: undefined, published: undefined, kind: undefined, title: undefined, signature: undefined }));
	return m;
}

// Only a few lines at either end of a document matter here, so the helpers below read just those
// instead of splitting the whole text (or a copy of its body) into lines on every call.

/** The first `n` non-empty trimmed lines of text[from, to), in order, appended to `out`. */
function headLines(text: string, from: number, to: number, n: number, out: string[]): string[] {
	for (let at = from; at <= to && out.length < n; ) {
		let nl = text.indexOf('\n', at);
		if (nl < 0 || nl > to) nl = to;
		const line = text.slice(at, nl).trim();
		if (line) out.push(line);
		at = nl + 1;
	}
	return out;
}

/** The last `n` non-empty trimmed lines of text[from, to), last first, appended to `out`. */
function tailLines(text: string, from: number, to: number, n: number, out: string[]): string[] {
	for (let end = to; end >= from && out.length < n; ) {
		const nl = end > from ? text.lastIndexOf('\n', end - 1) : -1;
		const start = nl < from ? from : nl + 1;
		const line = text.slice(start, end).trim();
		if (line) out.push(line);
		end = start - 1;
	}
	return out;
}

/** The first `n` non-empty lines of the body (the whole text when no body was found), as bodyText's lines. */
function firstBodyLines(doc: PreparedDocument, n: number): string[] {
	if (doc.body.length === 0) return headLines(doc.norm, 0, doc.norm.length, n, []);
	const out: string[] = [];
	for (const s of doc.body) if (headLines(doc.norm, s.start, s.end, n, out).length >= n) break;
	return out;
}

/** The last `n` non-empty lines of the body (the whole text when no body was found), last first. */
function lastBodyLines(doc: PreparedDocument, n: number): string[] {
	if (doc.body.length === 0) return tailLines(doc.norm, 0, doc.norm.length, n, []);
	const out: string[] = [];
	for (let i = doc.body.length - 1; i >= 0; i--) if (tailLines(doc.norm, doc.body[i]!.start, doc.body[i]!.end, n, out).length >= n) break;
	return out;
}

/**
 * The date a signature block at the end gives (the last date-only line), at whatever precision it
 * has; read once per document (a page without a publication date asks twice: publishedAt, then
 * referenceDate).
 */
function signatureDate(doc: PreparedDocument): DateRange | null {
	const m = memoOf(doc);
	return m.signature === undefined ? (m.signature = signatureOf(doc)) : m.signature;
}

function signatureOf(doc: PreparedDocument): DateRange | null {
	const lines = lastBodyLines(doc, 4);
	for (const line of lines) {
		if (line.length > 24 || !DATE_ONLY_LINE.test(line)) continue;
		const found = findDates(line, { ref: null });
		if (found.length === 1 && found[0]!.yearSource === 'text') return found[0]!.date;
	}
	return null;
}

function bodyText(doc: PreparedDocument): string {
	if (doc.body.length === 0) return doc.norm;
	return doc.body.map((s) => doc.norm.slice(s.start, s.end)).join('\n');
}

/** A labelled date that is not the page's own (成立时间：…, 截止日期：…). */
const OTHER_DATE_LABEL = /[\u4e00-\u9fff](?<!发布|更新|发稿|签发|发表|印发|上传|录入|成文)(时间|日期)\s*[:：]/;

/** A news dateline: 本报太原12月16日讯, 中新网 银川5月14日电, 海口网4月24日消息, 中国台湾网11月9日海口消息. */
const NEWS_DATELINE = /(?:^|[\s)）])(据)?([^，,。！？!?\n]{0,20}?)(\d{1,2})月(\d{1,2})日([^\s，,。！？\d]{0,5}?)(?:电|讯|消息)/;
/** A press-release dateline opening a paragraph: 香港, 2024年12月20日 - (…) */
const RELEASE_DATELINE = /^[^\s，,。]{1,10}\s*[,，]\s*((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\s*[-—–]/;

export interface Dateline extends Span {
	/** the dateline's date; a year-less one takes the latest year the text writes */
	date: DateRange | null;
}

/**
 * The news dateline that opens the article (within its first three lines), with its span (the
 * place it names is where the reporter files from) and its date.
 * @example dateline(doc) // { start: 0, end: 12, date: { start: '2021-06-28', … } } for 中新网四川6月28日电
 */
export function dateline(doc: PreparedDocument): Dateline | null {
	const m = memoOf(doc);
	return m.dateline === undefined ? (m.dateline = datelineOf(doc)) : m.dateline;
}

const DATELESS_DATELINE = /^\s*(?:据)?[^，,。！？!?\n\s]{2,20}?(?:讯|电)(?=[(（\s])/;
/** What every news dateline holds: a quick test before the full pattern. */
const DATELINE_HINT = /日[^\n，,。]{0,5}(?:电|讯|消息)|[,，]\s*(?:19|20)\d{2}年/;

function datelineOf(doc: PreparedDocument): Dateline | null {
	const from = doc.body[0]?.start ?? 0;
	let at = from;
	// (the first four lines that hold anything: blank lines between them do not count, up to 12 lines in all)
	for (let n = 0, lines = 0; n < 4 && lines < 12 && at < doc.norm.length; lines++) {
		let nl = doc.norm.indexOf('\n', at);
		if (nl < 0) nl = doc.norm.length;
		const line = doc.norm.slice(at, Math.min(nl, at + 120));
		if (!blank(line)) n++;
		if (!DATELINE_HINT.test(line)) {
			at = nl + 1;
			continue;
		}
		const r = RELEASE_DATELINE.exec(line);
		if (r) return { start: at, end: at + r[0].length, date: parseDateLine(`${r[1]}-${r[2]}-${r[3]}`) };
		const m = NEWS_DATELINE.exec(line);
		if (m) {
			const start = at + m.index + (m[0].length - m[0].trimStart().length) + (m[1]?.length ?? 0);
			// the year the article writes first after its dateline (the event's), else the latest it writes
			const year = firstYear(doc.norm.slice(at + m.index + m[0].length, at + m.index + m[0].length + 3000)) ?? latestYear(bodyText(doc).slice(0, 4000));
			const date = year == null ? null : parseDateLine(`${year}-${m[3]}-${m[4]}`);
			return { start, end: at + m.index + m[0].length, date };
		}
		at = nl + 1;
	}
	// 中原新闻网邯郸讯(记者…): a dateline without its date still says where the reporter files from
	const line = doc.norm.slice(from, Math.min(doc.norm.length, from + 40));
	const bare = DATELESS_DATELINE.exec(line);
	// only a place written right before 讯/电 (…网邯郸讯), not a school in the site's name (某学院网讯)
	return bare ? { start: from + Math.max(0, bare[0].length - 5), end: from + bare[0].length, date: null } : null;
}

const blank = (line: string): boolean => !/\S/.test(line);

/** The first year written in a text (2010年, 2023-05-01), or null. */
function firstYear(text: string): number | null {
	// (or a year in brackets inside a name, 首届某(2025)大赛)
	const m = /(?<!\d)((?:19|20)\d{2})(?:年|-\d{1,2}-)|[(（]((?:19|20)\d{2})[)）]/.exec(text);
	return m ? Number(m[1] ?? m[2]) : null;
}

/** The latest year written in a text (2010年, 2023-05-01), or null. */
function latestYear(text: string): number | null {
	let best: number | null = null;
	for (const m of text.matchAll(/(?<!\d)((?:19|20)\d{2})(?:年|-\d{1,2}-)/g)) {
		const y = Number(m[1]);
		if (best == null || y > best) best = y;
	}
	return best;
}

/**
 * The publication date (day precision) or null: the page's publication line, else a dateline
 * among the first lines, else a news dateline (本报太原12月16日讯), else a signature date at the end
 * of a speech or report.
 * @example publishedAt(prepareDocument('a.txt', bytes)) // { start: '2019-11-14', end: '2019-11-14', precision: 'day' }
 */
export function publishedAt(doc: PreparedDocument): DateRange | null {
	// read once per document: the meetings' reference date asks again where there is none
	const m = memoOf(doc);
	return m.published === undefined ? (m.published = publishedOf(doc)) : m.published;
}

function publishedOf(doc: PreparedDocument): DateRange | null {
	if (doc.published) return doc.published;
	for (const line of headLines(doc.norm, 0, doc.norm.length, 8, [])) {
		if (line.length > 50 || /[，。；,;]/.test(line) || OTHER_DATE_LABEL.test(line)) continue;
		const d = parseDateLine(line);
		if (d) return d;
	}
	const news = dateline(doc)?.date;
	if (news) return news;
	const sig = signatureDate(doc);
	return sig && sig.precision === 'day' ? sig : null;
}

/**
 * The best date to anchor year-less dates on: the publication date, else a signature date
 * of any precision (二〇二五年十二月), else null.
 * @example referenceDate(doc) // { start: '2025-12', end: '2025-12', precision: 'month' }
 */
export function referenceDate(doc: PreparedDocument): DateRange | null {
	return publishedAt(doc) ?? signatureDate(doc);
}

const NEWS_VERB = /召开|举行|举办|开幕|闭幕|启动|成立|落幕|参加|出席|获得|荣获/;
const SPEECH_TITLE = /讲话|致辞|发言|演讲|讲稿|报告会上的/;
const REPORT_TITLE = /报告|总结|综述|汇报|述职/;
/** A salutation line that opens an address: 同志们： / 各位领导、各位来宾： */
const SALUTATION = /^(同志们|各位|尊敬的|亲爱的|老师们|同学们|女士们|朋友们)[^。]{0,40}[:：]$/;
const SALUTATION_FIRST = firstChars(SALUTATION);
/** SALUTATION.test(line), tried only on lines that start with one of its first characters. */
const isSalutation = (line: string): boolean => hasCode(SALUTATION_FIRST, line.charCodeAt(0)) && SALUTATION.test(line);
/** A report's subtitle line (——2024年工作报告). */
const REPORT_SUBTITLE = /^[—-]{1,2}.{2,60}(工作报告|报告|总结)$/;
const REPORT_SUBTITLE_FIRST = firstChars(REPORT_SUBTITLE);

/**
 * Classifies a document from its title and opening: a speech (在…上的讲话, opens with 同志们：),
 * a report (工作报告, 总结, opens with 各位代表 and 报告), a notice (…的通知), else news.
 * @example documentKind(doc) // 'speech'
 */
export function documentKind(doc: PreparedDocument): DocumentKind {
	const m = memoOf(doc);
	return m.kind === undefined ? (m.kind = kindOf(doc)) : m.kind;
}

function kindOf(doc: PreparedDocument): DocumentKind {
	const title = (documentTitle(doc) ?? '').replace(/\s+/g, '');
	const opening = firstBodyLines(doc, 6);
	const salutation = opening.find(isSalutation);
	// 关于举办…的通知 names an event, yet the document is the notice itself.
	if (/(通知|公告|通告|启事)$/.test(title) || /^关于.{2,60}的(决定|意见|通报|批复|函)$/.test(title)) return 'notice';
	if (title && !NEWS_VERB.test(title.replace(/在.*上的(讲话|致辞|发言)/, ''))) {
		if (SPEECH_TITLE.test(title)) return 'speech';
		if (REPORT_TITLE.test(title)) return 'report';
	}
	if (salutation) {
		const head = bodyText(doc).slice(0, 400);
		return /^各位代表/.test(salutation) && /报告/.test(head) ? 'report' : 'speech';
	}
	if (opening.some((l) => hasCode(REPORT_SUBTITLE_FIRST, l.charCodeAt(0)) && REPORT_SUBTITLE.test(l))) return 'report';
	return 'news';
}

/** The longest title a corpus record holds. */
export const TITLE_LIMIT = 300;

/**
 * A title within TITLE_LIMIT: a page whose title is really its first paragraph keeps its first
 * sentence (or clause), else its first TITLE_LIMIT - 1 characters and an ellipsis.
 * @example fitTitle('甲。乙'.repeat(200)).length <= 300 // true
 */
export function fitTitle(title: string): string {
	if (title.length <= TITLE_LIMIT) return title;
	const sentence = /^.{8,}?[。！？!?；;]/.exec(title);
	if (sentence && sentence[0].length <= TITLE_LIMIT) return sentence[0];
	const clause = /^.{8,}?[，,：:]/.exec(title.slice(0, TITLE_LIMIT));
	if (clause && clause[0].length >= 20) return clause[0].slice(0, -1) + '…';
	return title.slice(0, TITLE_LIMIT - 1) + '…';
}

/**
 * The document's title, or when the page gave none, its first short heading-like body line.
 * @example documentTitle(doc) // '吉林省第二届职业技能大赛在吉林市开幕'
 */
export function documentTitle(doc: PreparedDocument): string | null {
	const m = memoOf(doc);
	return m.title === undefined ? (m.title = titleOf(doc)) : m.title;
}

function titleOf(doc: PreparedDocument): string | null {
	const found = doc.title?.trim().replace(/\s+/g, ' ').replace(ORIGINAL_TITLE, '');
	if (found && isHeadline(found)) return fitTitle(found);
	const first = doc.body[0];
	if (!first) return null;
	const nl = doc.text.indexOf('\n', first.start);
	const line = doc.text.slice(first.start, nl < 0 || nl > first.end ? first.end : nl).trim().replace(ORIGINAL_TITLE, '');
	if (line.length > 60 || /[。！？!?:：，,；;]$/.test(line) || isSalutation(line) || !isHeadline(line)) return null;
	return line;
}

const isHeadline = (line: string): boolean =>
	line.length >= HEADLINE_MIN && !NOT_A_HEADLINE.test(line) && !(SHORT_WORDS.test(line) && MENU_WORD.test(line));
/** A row of short words side by side: a menu or a breadcrumb when a separator or a section name is among them. */
const SHORT_WORDS = /^(?:\S{1,6}\s+(?:[-–>»|/]\s+)?)+\S{1,6}$/;
const MENU_WORD = /\s[-–>»|/]\s|(?:新闻|动态|首页|概况|要闻|部委|正文|栏目)(?:\s|$)/;

/** A republished page's note before its headline: 原标题：… */
const ORIGINAL_TITLE = /^原标题[:：]\s*/;
/** Shorter first lines are a site's name or a menu entry (官方微信, 吉职动态), not a headline. */
const HEADLINE_MIN = 8;
/** Lines that are metadata, an outline heading, a picture note or a page widget rather than a headline. */
const NOT_A_HEADLINE = /^(?:转自|来源|作者|编辑|责任编辑|记者|通讯员)[:：]|^[一二三四五六七八九十]+、|^[（(][^）)]*[)）]$|^请使用.{0,12}分享|部分内容阅读$|^【(?:字体|纠错)|^[-–■]/;

/** How long a lead sentence may be as a document's name. */
const LEAD_CHARS = 40;
/** A line shorter than this is a heading, a menu entry or a byline, not the lead. */
const LEAD_MIN = 15;
/** What opens a lead before its words: a byline in brackets, a source mark, a news tag (本报讯). */
const LEAD_PREFIX = /^(?:(?:[（(][^）)]{0,24}[)）]|【[^】]{0,12}】|■|(?:本报|本刊|本网|本台)讯)\s*)+/;

/**
 * What to call a document that has no title: the first sentence of its first line of prose, cut
 * to LEAD_CHARS characters with an ellipsis, so views name every source by its words rather than
 * its file name. Null when the text has no such line.
 * @example leadTitle(doc) // '5月27日，2021年北京市职业教育宣传月启动仪式在北京新城职业学校举行'
 */
export function leadTitle(doc: PreparedDocument): string | null {
	// the whole text when the body holds no line of prose (a page whose article was taken for chrome)
	for (const span of [...doc.body.slice(0, 20), { start: 0, end: doc.text.length }]) {
		for (const raw of doc.text.slice(span.start, Math.min(span.end, span.start + 2000)).split('\n').slice(0, 20)) {
			const line = raw.trim().replace(LEAD_PREFIX, '').trim();
			if (line.length < LEAD_MIN || NOT_A_HEADLINE.test(line) || isSalutation(line)) continue;
			const sentence = /^.*?[。！？!?]/.exec(line)?.[0].slice(0, -1) ?? line;
			return sentence.length > LEAD_CHARS ? `${sentence.slice(0, LEAD_CHARS - 1)}…` : sentence;
		}
	}
	return null;
}
