// Where the article is inside a page's text: saved pages keep menus, breadcrumbs,
// publication lines, related-article lists and footers as lines of plain text.
import { ByteBits, everyMatchHolds, firstChars, hasCode, isSpaceCode } from './chars.ts';
import type { DateRange, Span } from './types.ts';

export type LineRole = 'chrome' | 'meta' | 'title' | 'body' | 'tail';

export interface Line extends Span {
	role: LineRole;
}

const SENTENCE_END = /[。！？!?；;]$/;
/** A heading never ends like a sentence or an address (同志们：). */
const HEADING_END = /[。！？!?；;:：，,]$/;
const META = /(发布时间|发布日期|发布者|发稿时间|签发日期|更新时间|更新日期|添加时间|录入时间|来源|作者|编辑|责任编辑|浏览(次数)?|阅读(量|数|次数)?|点击(数|量|率)?|字号|访问量)\s*[:：]/;
const BREADCRUMB = /(当前位置|您的位置|你的位置|当前页|您现在的位置|所在位置)\s*[:：]|(首页|主页)\s*(>|>>|»|→|\/)/;
const FOOTER = /(版权所有|copyright|©|ICP备|ICP证|公网安备|技术支持|网站地图|联系我们|关于我们|免责声明|主办单位|承办单位|设为首页|加入收藏|地址\s*[:：]|电话\s*[:：]|邮编\s*[:：]|传真\s*[:：]|e-?mail\s*[:：])/i;
/** The words that head a list of other articles: 相关文章, 推荐阅读, 更多滨州头条 … */
const RELATED_WORD = String.raw`相关(文章|阅读|新闻|链接|推荐|报道|资讯)|推荐阅读|延伸阅读|精彩推荐|热点推荐|热门(文章|新闻|推荐|排行)|(热点|点击|阅读|浏览)排行|排行榜|最新(文章|新闻|资讯|动态)|图片新闻|猜你喜欢|更多[^\s，。,.:：!！?？]{0,10}`;
/** The heading of a list of other articles, alone on its line. */
const RELATED = new RegExp(String.raw`^[【\[]?\s*(${RELATED_WORD})\s*[】\]]?\s*[:：]?\s*$`);
/** Every character RELATED_WORD can start with: RELATED is tried only on lines that start with one. */
const RELATED_FIRST = firstChars(new RegExp(RELATED_WORD));
const LINK_ITEM = /^([·•▪◆►▶]|上一(篇|条|页)\s*[:：]|下一(篇|条|页)\s*[:：]|更多\s*>)/;
const LINK_ITEM_FIRST = firstChars(LINK_ITEM);
const OPEN_BRACKET = '【[';

/**
 * Whether the line can be RELATED: the heading's words start right after an opening bracket, if
 * any, and white space (neither is among the characters they start with, so the pattern has no
 * other place to start them).
 */
function mayBeRelated(line: string): boolean {
	let k = hasCode(OPEN_BRACKET, line.charCodeAt(0)) ? 1 : 0;
	while (k < line.length && isSpaceCode(line.charCodeAt(k))) k++;
	return hasCode(RELATED_FIRST, line.charCodeAt(k));
}
/** A headline cut short by the site (宣传工会党支部在某集团…): an item of a link list. */
const CUT_HEADLINE = /^[^。；;]{4,40}(\.{3}|…{1,2})$/;
/** A full date on a short line without sentence punctuation: a dateline (浙江日报 2024-5-14 第2版, 2021 05/ 08 15:03). */
const DATELINE = /\d{4}(?:\s*[-年/.]\s*|[ \t]+(?=\d{1,2}\s*[-/.]))\d{1,2}\s*[-月/.]\s*\d{1,2}|(?:^|\s)\d{1,2}\.\d{1,2}\.\d{4}(?=\s|$)/;

// Guards on the line patterns: one pass over a line's characters ORs their bits, and a pattern is
// tried only when its bit is set. Each bit is on characters every match of its pattern holds
// (checked from the pattern's source when the module loads), so the guards are exact. The same
// pass notes a menu's separators (MENU_BIT), so most lines are read once.
const LINE_BITS = new ByteBits();
/**
 * A guard bit on `chars`, every match of `re` holding one of them. A case-insensitive pattern is
 * read without its flag; the characters must then hold both cases of each ASCII letter among them
 * and no other cased character (without the u flag, /i maps no other character to ASCII).
 */
function holding(re: RegExp, chars: string): number {
	const ignoreCase = re.flags === 'i';
	const closed = !ignoreCase || [...chars].every((c) => (/[a-z]/i.test(c) ? chars.includes(c.toLowerCase()) && chars.includes(c.toUpperCase()) : c.toLowerCase() === c && c.toUpperCase() === c));
	if (!closed || !everyMatchHolds(ignoreCase ? new RegExp(re.source) : re, chars)) throw new Error(`layout: cannot tell that every match of ${re} holds one of ${chars}`);
	return LINE_BITS.bit(chars);
}
const FOOTER_BIT = holding(FOOTER, '版cC©备证技图们免单设藏址话编真mM');
const BREADCRUMB_BIT = holding(BREADCRUMB, '位页');
/** The mark after a breadcrumb's words (a colon or an arrow): 位 and 页 alone are common in any line. */
const BREADCRUMB_MARK_BIT = holding(BREADCRUMB, ':：>»→/');
const META_BIT = holding(META, ':：');
const DATELINE_BIT = holding(DATELINE, '0123456789');
/** a menu's separators: a bar or a middle dot, or (MENU_BIT only) two white-space characters in a row */
const MENU_BIT = LINE_BITS.bit('|｜·');
/** a sentence's end (isSentence's first test): a line holding one is no footer */
const SENTENCE_BIT = LINE_BITS.bit('。！？!?');
/** JavaScript's \s, as String.prototype.trim reads it */
const SPACE_BIT = LINE_BITS.bit(String.fromCharCode(...Array.from({ length: 0x10000 }, (_, c) => c).filter(isSpaceCode)));

/**
 * The bits of a line's characters, with MENU_BIT also set where two white-space characters stand
 * in a row (/\s{2}|[|｜·]/.test(line)).
 */
function lineCues(line: string): number {
	const of = LINE_BITS.of;
	let mask = 0;
	let space = 0;
	for (let i = 0; i < line.length; i++) {
		const bits = of[line.charCodeAt(i)]!;
		const sp = bits & SPACE_BIT;
		if ((sp & space) !== 0) mask |= MENU_BIT;
		mask |= bits;
		space = sp;
	}
	return mask;
}

/** Running text: a full stop inside or at the end, or several commas. */
function isSentence(line: string): boolean {
	return /[。！？!?]/.test(line) || (line.match(/[，,]/g)?.length ?? 0) >= 3;
}

/** A cell of a table row: two or more names of four characters or more joined by 、 (a menu's items are short and bare). */
const TABLE_LIST = /[^|｜、\s]{4,}、[^|｜、\s]{4,}/;

/** A line of many short items separated by bars or wide spaces: a menu. */
function looksLikeMenu(line: string, cues: number): boolean {
	// a menu needs separators (lineCues notes them): most lines have none and are answered without splitting
	// (single spaces between four or more short items with no punctuation are one too: 某网-甲分站 某网-乙分站 …)
	// (a sentence's end or a colon, which the line pass notes, is a mark spacedItems refuses)
	if ((cues & MENU_BIT) === 0) return (cues & SPACE_BIT) !== 0 && (cues & (SENTENCE_BIT | META_BIT)) === 0 && line.length <= 400 && spacedItems(line);
	// (a table's row is none: a cell listing long names with 、, 某省(3所) | 甲学院、乙学院、丙学院 |)
	if ((line.match(/[|｜]/g)?.length ?? 0) >= 2) return !TABLE_LIST.test(line);
	const items = line.split(/\s{2,}|\s*[|｜·]\s*/).filter(Boolean);
	if (items.length < 4) return false;
	const short = items.filter((t) => t.length <= 8).length;
	return short / items.length >= 0.8 && !/[，。；,;]/.test(line);
}

/** Four or more items of 2 to 12 characters, separated by white space, and no sentence or clause mark (a breadcrumb's > is no item). */
function spacedItems(line: string): boolean {
	if (/[，。；,;：:！？!?、]/.test(line)) return false;
	const items = line.split(/\s+/);
	return items.length >= 4 && items.every((t) => t.length >= 2 && t.length <= 12);
}

function roleOf(line: string): LineRole {
	if (mayBeRelated(line) && RELATED.test(line)) return 'tail';
	const cues = lineCues(line);
	// a paragraph naming its sponsor's technical support (…公司提供技术支持。) is no footer
	// (a line with a sentence's end is one without the pattern's search)
	if (line.length < 160 && (cues & FOOTER_BIT) !== 0 && (cues & SENTENCE_BIT) === 0 && FOOTER.test(line) && !isSentence(line)) return 'chrome';
	// a cut headline ends in . or … (tested before the pattern, which backtracks over up to 40 characters)
	if (((cues & BREADCRUMB_BIT) !== 0 && (cues & BREADCRUMB_MARK_BIT) !== 0 && BREADCRUMB.test(line)) || (hasCode(LINK_ITEM_FIRST, line.charCodeAt(0)) && LINK_ITEM.test(line)) || ((line.endsWith('.') || line.endsWith('…')) && CUT_HEADLINE.test(line))) return 'chrome';
	// a paragraph that ends with its source (…签署了合作协议。(信息来源:…)) is no meta line
	if (line.length < 160 && (cues & META_BIT) !== 0) {
		const meta = META.exec(line);
		if (meta && !/[。！？!?]/.test(line.slice(0, meta.index))) return 'meta';
	}
	if (line.length < 50 && (cues & DATELINE_BIT) !== 0 && DATELINE.test(line) && !/[，。；,;]/.test(line)) return 'meta';
	if (looksLikeMenu(line, cues)) return 'chrome';
	return 'body';
}

/**
 * Splits text into lines with their role. The title is the body-like line right above the
 * first publication line near the top, else the first body-like line; lines before the title
 * are the site's header, lines from a "related articles" heading on are the tail.
 * @example classifyLines('首页 | 新闻\n标题\n发布时间:2024-01-01\n正文。').map((l) => l.role)
 *   // ['chrome', 'title', 'meta', 'body']
 */
export function classifyLines(norm: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	while (start <= norm.length) {
		const nl = norm.indexOf('\n', start);
		const end = nl < 0 ? norm.length : nl;
		// the line without the white space trim() would take off, found by char code
		let a = start;
		let b = end;
		while (a < b && isSpaceCode(norm.charCodeAt(a))) a++;
		while (b > a && isSpaceCode(norm.charCodeAt(b - 1))) b--;
		if (a < b) lines.push({ start: a, end: b, role: roleOf(norm.slice(a, b)) });
		start = end + 1;
	}
	const tailAt = lines.findIndex((l) => l.role === 'tail');
	if (tailAt >= 0) for (let i = tailAt; i < lines.length; i++) lines[i]!.role = 'tail';
	// Headlines listed after the article without a heading: from the last paragraph on, a run of
	// three or more short lines that end like no sentence is a link list.
	let lastParagraph = -1;
	for (let i = lines.length - 1; i >= 0; i--) {
		const l = lines[i]!;
		if (l.role === 'body' && isParagraph(norm, l)) {
			lastParagraph = i;
			break;
		}
	}
	if (lastParagraph >= 0) {
		const after = lines.slice(lastParagraph + 1).filter((l) => l.role === 'body');
		const headlines = after.filter((l) => {
			const s = norm.slice(l.start, l.end);
			return s.length >= 6 && s.length <= 40 && !/[。；;，,：:]/.test(s);
		});
		// the one other line such a list may hold (联合国报告:…, a headline with a colon) belongs to it too
		if (headlines.length >= 3 && headlines.length >= after.length - 1) for (const l of after) l.role = 'tail';
	}

	// The title sits just above the first meta line when one comes early in the page,
	// else it is the first short heading-like line before any paragraph.
	// A line reading like a sentence (a paragraph, or a caption after one) is never the title:
	// a meta line after the article (编辑：…) must not turn its last paragraph into a title.
	const headingLike = (l: Line): boolean => {
		const s = norm.slice(l.start, l.end);
		return s.length >= 4 && s.length <= TITLE_MAX && !HEADING_END.test(s) && !/[。；;]/.test(s);
	};
	const firstMeta = lines.findIndex((l, i) => l.role === 'meta' && i < 15);
	let titleAt = -1;
	for (let i = firstMeta - 1; i >= 0; i--) {
		if (lines[i]!.role === 'body') {
			// the speaker's line (校长 某某) and a subtitle (——在…上的讲话) sit between a title and its date
			if (BYLINE.test(norm.slice(lines[i]!.start, lines[i]!.end)) && i > 0) continue;
			if (headingLike(lines[i]!)) titleAt = i;
			break;
		}
	}
	if (titleAt < 0) {
		for (let i = 0; i < Math.min(lines.length, 8); i++) {
			const l = lines[i]!;
			if (l.role !== 'body') continue;
			if (isParagraph(norm, l)) break;
			if (headingLike(l)) {
				titleAt = i;
				break;
			}
		}
	}
	if (titleAt >= 0) {
		for (let i = 0; i < titleAt; i++) if (lines[i]!.role === 'body') lines[i]!.role = 'chrome';
		lines[titleAt]!.role = 'title';
	}
	return lines;
}

/** A speaker's line or a subtitle under a title: 校长 某某, ——在…上的工作报告. */
const BYLINE = /^(?:(?:校长|院长|书记|党委书记|主任|局长|厅长|会长|理事长|社长|主席|市长|县长|副[\u4e00-\u9fff]{1,3})\s*[\u4e00-\u9fff]{2,4}|[—－-]{1,2}.{2,80})$/;

/** Longest line taken for a title: a longer one is a paragraph. */
const TITLE_MAX = 80;

/** A line that reads as running text: long, or ending or broken like a sentence. */
function isParagraph(norm: string, l: Line): boolean {
	const s = norm.slice(l.start, l.end);
	return s.length > 60 || SENTENCE_END.test(s) || /[。；;]./.test(s);
}

/** The article's ranges: its title and body lines, merged where adjacent. */
export function bodySpans(lines: Line[]): Span[] {
	const spans: Span[] = [];
	for (const l of lines) {
		if (l.role !== 'body' && l.role !== 'title') continue;
		const last = spans[spans.length - 1];
		if (last && l.start - last.end <= 2) last.end = l.end;
		else spans.push({ start: l.start, end: l.end });
	}
	return spans;
}

/** A publication line: 发布时间：…, 更新日期：…, or a bare 时间：/日期： not ending another word (成立时间). */
const PUBLISHED = /(?:发布时间|发布日期|发稿时间|签发日期|发表时间|发表日期|更新时间|更新日期|添加时间|添加日期|录入时间|上传时间|发文日期|(?<![\u4e00-\u9fff])时间|(?<![\u4e00-\u9fff])日期)\s*[:：]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const LEADING_DATE = /(?<![\d.])((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})(?![\d])/;
/** A labelled date that is not the page's own (成立时间：…, 截止日期：…). */
const OTHER_DATE_LABEL = /[\u4e00-\u9fff](?<!发布|更新|发稿|签发|发表|印发|上传|录入|成文|添加|发文)(时间|日期)\s*[:：]/;
/** A European-order date on a meta line: 29.03.2017 12:55 */
const DAY_FIRST_DATE = /(?:^|\s)(\d{1,2})\.(\d{1,2})\.(\d{4})(?=\s|$)/;

const JIAN = 0x95f4; // 间
const QI = 0x671f; // 期
/**
 * Whether a colon stands right after 间 or 期 (white space between allowed), as in every PUBLISHED
 * match (each of its labels ends in 时间 or 日期): a page without one is spared the pattern, which
 * would otherwise be tried at each of its many 时, 日, 上 and 发.
 */
function labelledColon(page: string): boolean {
	for (const colon of ':：') {
		for (let p = page.indexOf(colon); p >= 0; p = page.indexOf(colon, p + 1)) {
			let k = p - 1;
			while (k >= 0 && isSpaceCode(page.charCodeAt(k))) k--;
			const c = page.charCodeAt(k);
			if (c === JIAN || c === QI) return true;
		}
	}
	return false;
}

function dayRange(y: string, m: string, d: string): DateRange | null {
	const mm = Number(m);
	const dd = Number(d);
	if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
	const iso = `${y}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
	return { start: iso, end: iso, precision: 'day' };
}

/**
 * The date of the page's publication line (发布时间：2024-04-03), searched in `page`
 * (for HTML, all visible text including chrome), else a date that opens a meta line of `norm`.
 */
export function publicationDate(norm: string, lines: Line[], page: string = norm): DateRange | null {
	const m = labelledColon(page) ? PUBLISHED.exec(page) : null;
	if (m) return dayRange(m[1]!, m[2]!, m[3]!);
	for (const l of lines) {
		if (l.role !== 'meta') continue;
		// 成立时间：1950年3月2日 dates something else
		if (OTHER_DATE_LABEL.test(norm.slice(l.start, l.end))) continue;
		const d = LEADING_DATE.exec(' ' + norm.slice(l.start, l.end));
		if (d) return dayRange(d[1]!, d[2]!, d[3]!);
		const e = DAY_FIRST_DATE.exec(' ' + norm.slice(l.start, l.end));
		if (e) return dayRange(e[3]!, e[2]!, e[1]!);
	}
	return null;
}
