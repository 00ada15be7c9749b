// Meetings reported as held: a held-verb (召开, 举行 …) next to a name that ends like a meeting
// (…大会, …论坛, …仪式), with its date, venue and head count read from the surrounding sentences.
import { findDates, parseSmallNumber, type DateMention } from './dates.ts';
import { documentKind, documentTitle, referenceDate } from './documentMeta.ts';
import type { DateRange, MeetingMention, PlaceLevel, PlaceMention, PreparedDocument, Qualifier, Span } from './types.ts';

/** Verbs that report an event as taking place. */
const HELD = /召开|举行|举办|开幕|拉开帷幕|落下帷幕|揭幕|开班|开营|开赛|闭幕|落幕|启动/g;
/** 启动 reports an event only when what starts is an event period (活动周全面启动), not a project. */
const LAUNCHED = /(活动周|活动月|宣传周|宣传月|开放日|活动)$/;
/** How a meeting's name ends. Organisations ending in 会 (学会, 委员会) are excluded separately. */
const HEAD = /(会议|大会|年会|论坛|峰会|培训班|研讨班|研修班|训练营|仪式|开幕式|闭幕式|典礼|(?:[大比竞联预决复初]|选拔|邀请|挑战|技能|友谊|对抗)赛|赛[点区项]|活动周|活动月|宣传周|宣传月|展览|展演|[^\s，,。、“”"]活动|[^\s，,。、]会)(?:[(（][^()（）]{1,6}[)）])?$/;
const ORG_END = /(学会|协会|委员会|组委会|理事会|商会|联合会|研究会|基金会|工会|促进会|博览会|展览会|展示会|交易会|教育会|社会|机会|体会|都会|省会)$/;
/** A name that refers back to a meeting already named, or counts editions (三届…论坛). */
const ANAPHOR = /^(本次|此次|这次|该|本届|上届|今年的|这个|此|各类|各种|系列|相关)/;
const GENERIC = /^(大会|会议|年会|论坛|活动|比赛|大赛|仪式|会|研讨会|座谈会)$/;
const COUNT = /^[\d一二两三四五六七八九十百千几数多]+(余|多)?(届|次|期|场|个|项|轮|批)/;
/** Words in the clause before the verb that make the event planned, habitual or counted, not held. */
const NOT_HELD = /将|拟|计划|预计|即将|准备|打算|筹备|每年|每两年|定期|连续|累计|先后|多次|陆续|关于|希望|争取|力争/;
/** Leading words that are not part of a name. */
const LEAD = /^(?:此前|随后|之后|同时|另外|其中|当天|当日|上午|下午|晚上|晚|日前|近日|今天|今日|昨天|此外|会上|期间|[，,\s])+/;
/** A sponsor phrase before a name: 由…主办的, …承办的, …共同组建的 (the last such phrase of the clause). */
const SPONSOR = /^[^，,。]{0,120}(?:主办|承办|协办|联办|举办|组织|发起|牵头|组建|指导|支持)的/;
const PART_OF = /^作为[^，,。]{1,30}之一/;
const TRAIL = /(今天|今日|日前|近日|昨天|上午|下午|晚上|隆重|顺利|正式|胜利|盛大|成功|圆满|也|还|于|又|再次|已|已经|同期|同时)+$/;
const PARTICIPATE = /参加|出席|参会|与会|到会|到场|参与|欢聚|参赛|角逐|列席|莅临|报名/;
const CEREMONY = /(仪式|开幕式|闭幕式|典礼)$/;
const PART_OF_NAME = /^(仪式|式|典礼)/;
const PART_OF_LAUNCH = /^(大会|会|现场)/;
/** A clause continuing the one before (并举办…, 还将…): the earlier clause's plan or habit carries over. */
const CONTINUES = /^(并|并且|还|同时|以及|及|和)/;

const LEVEL_RANK: Record<PlaceLevel, number> = { province: 0, city: 1, county: 2 };

interface Sentence extends Span {
	paragraph: number;
}

interface Draft extends Span {
	name: string;
	nameSpan: Span;
	sentence: number;
	date: DateRange | null;
	venueCode: string | null;
	/** the meeting is the occasion of the document (a speech or report delivered at it) */
	occasion: boolean;
	fromTitle: boolean;
}

// Punctuation tested by char code in the per-character scans below: norm[i] would make a
// one-character string for every CJK character read.
const SENTENCE_MARK = 1;
const CLAUSE_MARK = 2;
const MARKS = new Uint8Array(0x10000);
for (const c of '。!?！？;；') MARKS[c.charCodeAt(0)] |= SENTENCE_MARK;
for (const c of '，,：:；;。！？!?\n') MARKS[c.charCodeAt(0)] |= CLAUSE_MARK;
const NEWLINE = 10;

/** Splits the body ranges into sentences, numbering paragraphs (lines) as it goes. */
function sentences(norm: string, body: Span[]): Sentence[] {
	const out: Sentence[] = [];
	let paragraph = 0;
	for (const { start: from, end: to } of body) {
		let start = from;
		for (let i = from; i <= to; i++) {
			const ch = i < to ? norm.charCodeAt(i) : NEWLINE; // the end of a range ends a line
			const endOfLine = ch === NEWLINE;
			if (endOfLine || (MARKS[ch]! & SENTENCE_MARK) !== 0) {
				const end = endOfLine ? i : i + 1;
				if (norm.slice(start, end).trim()) out.push({ start, end, paragraph });
				start = i + 1;
				if (endOfLine) paragraph++;
			}
		}
		paragraph++;
	}
	return out;
}

/** Index of the first span starting at or after `from` in spans sorted by start. */
function firstAtOrAfter(spans: readonly Span[], from: number): number {
	let lo = 0;
	let hi = spans.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (spans[mid]!.start < from) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

const sortedByStart = (spans: readonly Span[]): boolean => spans.every((x, i) => i === 0 || spans[i - 1]!.start <= x.start);

/**
 * The most precise division among mentions inside [from, to), the first one on a tie.
 * When the mentions are in text order (as findPlaces gives them) only those starting in the range
 * are visited: a document naming many meetings and places must not rescan every place per meeting.
 */
function mostPrecise(places: PlaceMention[], from: number, to: number, sorted: boolean): PlaceMention | null {
	let best: PlaceMention | null = null;
	for (let i = sorted ? firstAtOrAfter(places, from) : 0; i < places.length; i++) {
		const p = places[i]!;
		if (sorted && p.start > to) break;
		if (p.start < from || p.end > to) continue;
		if (!best || LEVEL_RANK[p.level] > LEVEL_RANK[best.level]) best = p;
	}
	return best;
}

/** Clause boundaries: a meeting name never crosses a comma, colon or semicolon. */
function clauseStart(norm: string, from: number, at: number): number {
	for (let i = at - 1; i >= from; i--) if ((MARKS[norm.charCodeAt(i)]! & CLAUSE_MARK) !== 0) return i + 1;
	return from;
}

function clauseEnd(norm: string, at: number, to: number): number {
	for (let i = at; i < to; i++) if ((MARKS[norm.charCodeAt(i)]! & CLAUSE_MARK) !== 0) return i;
	return to;
}

/** The first date (in text order) starting at `at` that passes `test`; a binary search, not a scan of all dates. */
function dateStartingAt(dates: DateMention[], at: number, test: (d: DateMention) => boolean): DateMention | undefined {
	for (let i = firstAtOrAfter(dates, at); i < dates.length && dates[i]!.start === at; i++) if (test(dates[i]!)) return dates[i];
	return undefined;
}

/** Removes leading dates, time words and sponsor phrases from a name candidate (`dates` in text order). */
function trimLead(norm: string, start: number, end: number, dates: DateMention[]): number {
	for (let guard = 0; guard < 8 && start < end; guard++) {
		const rest = norm.slice(start, end);
		const d = dateStartingAt(dates, start, (x) => x.date.precision !== 'year');
		const m = LEAD.exec(rest) ?? SPONSOR.exec(rest) ?? PART_OF.exec(rest) ?? /^(从|自|于|在)(?=\d)/.exec(rest);
		if (d) start = d.end;
		else if (m) start += m[0].length;
		else break;
	}
	return start;
}

function validName(name: string): boolean {
	if (name.length < 5 || name.length > 80) return false;
	// 启动仪式暨成果展: the part before 暨 may carry the meeting word.
	const head = name.includes('暨') && !HEAD.test(name) ? name.slice(0, name.lastIndexOf('暨')) : name;
	if (!HEAD.test(head) || ORG_END.test(head)) return false;
	if (ANAPHOR.test(name) || GENERIC.test(name) || COUNT.test(name)) return false;
	if (/在|(?<![面导方走])向|把|被|等|^[的了]/.test(name.replace(/“[^”]*”|《[^》]*》/g, ''))) return false;
	return true;
}

/** Cuts a name after its last meeting word, keeping a 暨… continuation (仪式暨成果展). */
function cutAfterHead(norm: string, start: number, end: number): number {
	const s = norm.slice(start, end);
	if (/暨/.test(s) && HEAD.test(s.slice(0, s.lastIndexOf('暨')))) return end;
	for (let i = s.length; i > 0; i--) if (HEAD.test(s.slice(0, i)) && !ORG_END.test(s.slice(0, i))) return start + i;
	return start;
}

/** A year written in the name (2020年职业教育活动周…) as a year range. */
function yearInName(name: string): DateRange | null {
	const m = /((?:19|20)\d{2})年/.exec(name);
	return m ? { start: m[1]!, end: m[1]!, precision: 'year' } : null;
}

/** Characters of the shorter name found in the longer one, as a share of the shorter. */
function overlap(a: string, b: string): number {
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
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
	const n = Math.min(a.start.length, b.start.length);
	return a.start.slice(0, n) === b.start.slice(0, n);
}

const sameMeeting = (a: Draft, b: Draft): boolean => {
	if (a.date && b.date && !compatible(a.date, b.date) && !(a.occasion || b.occasion)) return false;
	const ya = yearsOf(a.name);
	const yb = yearsOf(b.name);
	if (ya && yb && ya !== yb) return false;
	return a.name.includes(b.name) || b.name.includes(a.name) || overlap(a.name, b.name) >= 0.8;
};

/** The reported head count near a meeting: 200余人 → 200 over, 约700名 → 700 about. */
function attendeesIn(norm: string, s: Sentence): { value: number; qualifier: Qualifier } | null {
	const text = norm.slice(s.start, s.end);
	if (!PARTICIPATE.test(text) || /预计|将有|计划|拟/.test(text)) return null;
	const re = /(约|近|将近|超过|逾|共|共计|合计)?(\d+|[一二两三四五六七八九十百千]+)(余|多)?(?:名|人|位)(?!次)(左右|以上)?/g;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		const before = text[m.index - 1] ?? '';
		if (before === '第' || /\d/.test(before)) continue;
		const v = parseSmallNumber(m[2]!);
		if (v == null || v < 2) continue;
		const pre = m[1] ?? '';
		const qualifier: Qualifier = m[3] || pre === '超过' || pre === '逾' ? 'over' : pre === '约' || m[4] === '左右' ? 'about' : /近/.test(pre) ? 'nearly' : m[4] === '以上' ? 'atLeast' : 'exact';
		return { value: v, qualifier };
	}
	return null;
}

/**
 * Meetings the document reports as held, with name, date, venue, head count and the divisions
 * taking part. A speech's or report's occasion is always included.
 * @example findMeetings(doc, places, published)[0]?.name // '苏鲁皖职业教育学会联合学术年会'
 */
export function findMeetings(doc: PreparedDocument, places: PlaceMention[], published: DateRange | null): MeetingMention[] {
	const { norm } = doc;
	const ref = published ?? referenceDate(doc);
	const dates = findDates(norm, { ref }); // in text order, by start
	const placesSorted = sortedByStart(places);
	const sents = sentences(norm, doc.body.length ? doc.body : [{ start: 0, end: norm.length }]);
	const titleSpan = doc.body[0] ?? null;
	// The first body line is the title when the page has one; its mention only names the meeting.
	const titleLineEnd = titleSpan && doc.title ? (norm.indexOf('\n', titleSpan.start) + 1 || norm.length) : -1;
	const drafts: Draft[] = [];

	sents.forEach((s, si) => {
		HELD.lastIndex = 0;
		const text = norm.slice(s.start, s.end);
		// A line without any punctuation other than the title is a headline in a link list.
		if (!/[，,。；;！!？?]/.test(text) && !(titleSpan && s.start < titleSpan.start + 200 && si < 3)) return;
		for (let m = HELD.exec(text); m; m = HELD.exec(text)) {
			const at = s.start + m.index;
			// 启动仪式, 开幕式, 开班典礼: the verb is part of a name here, not its predicate.
			const next = norm.slice(at + m[0].length, at + m[0].length + 2);
			if (PART_OF_NAME.test(next) || (m[0] === '启动' && PART_OF_LAUNCH.test(next))) continue;
			const d = draftAt(s, si, at, at + m[0].length);
			if (d) drafts.push(d);
		}
	});

	function draftAt(s: Sentence, si: number, verbStart: number, verbEnd: number): Draft | null {
		const cStart = clauseStart(norm, s.start, verbStart);
		const before = norm.slice(cStart, verbStart);
		const launch = norm.startsWith('启动', verbStart);
		if (/的(成功|顺利)?$|^[^，,]*关于/.test(before)) return null;
		let nameStart = -1;
		let nameEnd = -1;
		let subjectEnd = -1;
		// Name before the verb: NAME (今天)(在 VENUE)(隆重) VERB.
		const zai = before.lastIndexOf('在');
		const tryBefore = (end: number): boolean => {
			let e = end;
			const trail = TRAIL.exec(norm.slice(cStart, e));
			if (trail) e -= trail[0].length;
			// a date ending right at the name's end: only dates starting in [cStart, e] can
			const e0 = e;
			for (let i = firstAtOrAfter(dates, cStart); i < dates.length && dates[i]!.start <= e0; i++) {
				const d = dates[i]!;
				if (d.end === e && d.start >= cStart) e = d.start;
			}
			const st = trimLead(norm, cStart, e, dates);
			if (validName(norm.slice(st, e))) {
				nameStart = st;
				nameEnd = e;
				return true;
			}
			return false;
		};
		if (!(zai >= 0 && verbStart - (cStart + zai) <= 30 && tryBefore(cStart + zai)) && !tryBefore(verbStart)) {
			// Name after the verb: (SUBJECT)(在 VENUE) VERB(了) NAME.
			let st = verbEnd;
			if (norm[st] === '了') st++;
			const e = cutAfterHead(norm, st, clauseEnd(norm, st, s.end));
			const name = norm.slice(st, e);
			if (e <= st) return null;
			subjectEnd = zai >= 0 ? cStart + zai : verbStart;
			if (launch) return null;
			if (/^(第|全体)/.test(name)) {
				// 青岛…社在青岛召开第五次社员代表大会: the subject names the body whose meeting it is.
				const subj = trimLead(norm, cStart, subjectEnd, dates);
				nameStart = subj;
				nameEnd = e;
				if (!validName(name)) return null;
				return finish(s, si, verbStart, nameStart, nameEnd, norm.slice(subj, subjectEnd) + name);
			}
			if (!validName(name)) return null;
			nameStart = st;
			nameEnd = e;
		}
		if (NOT_HELD.test(norm.slice(cStart, nameStart)) || NOT_HELD.test(norm.slice(nameEnd, verbStart))) return null;
		if (CONTINUES.test(norm.slice(cStart, cStart + 2)) && NOT_HELD.test(norm.slice(s.start, cStart))) return null;
		if (launch && !LAUNCHED.test(norm.slice(nameStart, nameEnd))) return null;
		return finish(s, si, verbStart, nameStart, nameEnd, norm.slice(nameStart, nameEnd));
	}

	function finish(s: Sentence, si: number, verbStart: number, nameStart: number, nameEnd: number, normName: string): Draft | null {
		// The displayed name comes from the original text (Traditional characters kept).
		const name = nameStart + normName.length === nameEnd ? doc.text.slice(nameStart, nameEnd) : normName;
		// dates come in text order: only those starting inside the sentence are visited
		const inSentence: DateMention[] = [];
		for (let i = firstAtOrAfter(dates, s.start); i < dates.length && dates[i]!.start <= s.end; i++) {
			const d = dates[i]!;
			if (d.end <= s.end && (d.end <= nameStart || d.start >= nameEnd)) inSentence.push(d);
		}
		const beforeName = inSentence.filter((d) => d.end <= nameStart);
		let date: DateRange | null = (beforeName[beforeName.length - 1] ?? inSentence.find((d) => d.date.precision !== 'year') ?? null)?.date ?? null;
		if (date && date.precision === 'year' && yearInName(normName)) date = yearInName(normName);
		date ??= yearInName(normName);
		// 比赛将持续至9月28日: a multi-day event's end stated in the next words.
		if (date && date.precision === 'day' && !CEREMONY.test(normName)) {
			const tail = norm.slice(verbStart, Math.min(norm.length, verbStart + 80));
			const cont = /持续(?:至|到)/.exec(tail);
			if (cont) {
				const endAt = verbStart + cont.index + cont[0].length;
				const d = dateStartingAt(dates, endAt, (x) => x.date.precision === 'day');
				if (d && d.date.end > date.start) date = { start: date.start, end: d.date.end, precision: 'day' };
			}
		}
		// Venue: a place between 在 and the verb, else in the clause's subject, else in the name.
		const cStart = clauseStart(norm, s.start, Math.min(nameStart, verbStart));
		// only a 在 at most 30 characters before the verb counts, so only that far is searched
		const near = Math.max(0, verbStart - 30);
		const zaiNear = norm.slice(near, verbStart + 1).lastIndexOf('在');
		const zai = zaiNear < 0 ? -1 : near + zaiNear;
		let venue: PlaceMention | null = null;
		if (zai >= s.start && zai >= Math.min(cStart, nameStart) - 1 && verbStart - zai <= 30) venue = mostPrecise(places, zai, verbStart, placesSorted);
		if (!venue && nameStart > verbStart) venue = mostPrecise(places, cStart, verbStart, placesSorted);
		venue ??= mostPrecise(places, nameStart, nameEnd, placesSorted);
		const fromTitle = titleLineEnd >= 0 && s.start < titleLineEnd;
		return {
			start: Math.min(nameStart, verbStart),
			end: Math.max(nameEnd, verbStart),
			name,
			nameSpan: { start: nameStart, end: nameEnd },
			sentence: si,
			date,
			venueCode: venue?.code ?? null,
			occasion: false,
			fromTitle
		};
	}

	// A name opening with 大会 / 年会 refers to the umbrella meeting named just before (大会欢迎会).
	for (let i = 1; i < drafts.length; i++) {
		const d = drafts[i]!;
		const lead = /^(大会|年会|论坛|会议)(?=.{2,})/.exec(d.name);
		if (!lead) continue;
		const prev = drafts[i - 1]!;
		const base = prev.name.replace(/^(首届|首屆|第[一二三四五六七八九十\d]+[届屆次])/, '');
		d.name = base + d.name.slice(lead[0].length);
		d.venueCode ??= prev.venueCode;
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
			umbrellaCue.set(d.sentence, (cue = /系列活动|期间|同期|之一/.test(norm.slice(s.start, s.end))));
		}
		if (cue) d.venueCode = drafts[i - 1]!.venueCode;
	}

	const occasion = occasionOf();
	if (occasion) drafts.unshift(occasion);

	function occasionOf(): Draft | null {
		const kind = documentKind(doc);
		if (kind !== 'speech' && kind !== 'report') return null;
		const title = documentTitle(doc) ?? '';
		let name: string | null = null;
		let titleYear: number | null = null;
		const t = /在(.{4,60}?)(?:开幕式|闭幕式)?上的?(?:讲话|致辞|发言|报告|工作报告|总结讲话)/.exec(title);
		if (t) {
			name = t[1]!;
			const y = /((?:19|20)\d{2})年/.exec(title.slice(0, t.index)) ?? /^((?:19|20)\d{2})年/.exec(name);
			titleYear = y ? Number(y[1]) : null;
		} else if (kind === 'report') {
			// ——X第五届理事会工作报告, delivered 向大会: the occasion is X's congress.
			const head = norm.slice(0, 600);
			const r = /(?:^|\n)\s*[—-]{1,2}\s*([^\n]{2,40}?)(?:第[一二三四五六七八九十\d]+届)?(?:理事会|委员会)?工作报告/.exec(head);
			if (r && /向大会报告|各位代表|请予审议/.test(head)) name = `${r[1]}大会`;
		}
		if (!name) return null;
		let date: DateRange | null = null;
		// A signature date at the end dates the speech itself.
		const sig = referenceDate(doc);
		if (sig && !published && sig.precision === 'day') date = sig;
		else if (titleYear != null) {
			date = { start: String(titleYear), end: String(titleYear), precision: 'year' };
			// 今年5月6日至12日…今天 we hold…: today lies within the period named just before.
			const today = /今天|今日/.exec(norm);
			if (today) {
				const prior = dates.filter((d) => d.end <= today.index && d.start >= today.index - 120 && d.date.start.startsWith(String(titleYear)) && d.date.precision === 'day');
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
			nameSpan: { start: 0, end: 0 },
			sentence: -1,
			date,
			venueCode: placeInName?.code ?? null,
			occasion: true,
			fromTitle: true
		};
	}

	// Merge mentions of one meeting: the occasion's or dated mention leads, the longest name wins.
	const merged: Draft[] = [];
	// A mention with neither date, venue nor occasion is kept only when it has a twin that has one;
	// those are listed once, not searched for among all drafts again for every such mention.
	const grounded = drafts.filter((o) => o.date || o.venueCode || o.occasion);
	for (const d of drafts) {
		if (!d.date && !d.venueCode && !d.occasion) {
			const twin = grounded.find((o) => sameMeeting(o, d));
			if (!twin) continue;
		}
		const into = merged.find((o) => sameMeeting(o, d));
		if (!into) {
			merged.push({ ...d });
			continue;
		}
		if (d.name.length > into.name.length) into.name = d.name;
		if (!into.occasion && d.date && (!into.date || d.date.start.length > into.date.start.length)) into.date = d.date;
		if (d.occasion && d.date) into.date = d.date;
		const dv = d.venueCode;
		if (dv && (!into.venueCode || (!d.fromTitle && (into.fromTitle || into.occasion)))) into.venueCode = dv;
		if (into.sentence < 0 || (into.fromTitle && !d.fromTitle)) {
			into.sentence = d.sentence;
			into.start = d.start;
			into.end = d.end;
			into.fromTitle = d.fromTitle;
		}
		into.occasion ||= d.occasion;
	}

	// Head count and taking part: sentences from the mention up to the next meeting's, within two paragraphs.
	const starts = merged.map((m) => m.sentence).filter((x) => x >= 0).sort((a, b) => a - b);
	return merged.map((m): MeetingMention => {
		const from = m.sentence >= 0 ? m.sentence : Math.max(0, sents.findIndex((s) => /今天|今日|这次|本次/.test(norm.slice(s.start, s.end))));
		const next = starts.find((x) => x > from) ?? sents.length;
		const para = sents[from]?.paragraph ?? 0;
		let att: { value: number; qualifier: Qualifier } | null = null;
		const participants = new Set<string>();
		if (m.venueCode) participants.add(m.venueCode);
		for (let i = from; i < next && i < sents.length && sents[i]!.paragraph <= para + 2; i++) {
			const s = sents[i]!;
			att ??= attendeesIn(norm, s);
			if (/来自|参加|出席|与会|参会|发言|致辞|讲话|代表/.test(norm.slice(s.start, s.end))) {
				for (const p of places) if (p.start >= s.start && p.end <= s.end && p.level !== 'county') participants.add(p.code);
			}
		}
		const span = m.sentence >= 0 ? sents[m.sentence]! : { start: 0, end: 0 };
		return {
			start: m.start,
			end: m.end,
			name: m.name.trim(),
			date: m.date,
			venueCode: m.venueCode,
			attendees: att?.value ?? null,
			attendeesQualifier: att?.qualifier ?? null,
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
