// The division a figure describes (FORMAT.md: `scope`): the division its clause names — a place
// (其中滨州市8所), a list of places (北京、天津有9所 → the country), provinces by short names
// (京津两地), 全国 — else one named earlier in its sentence; null when that is the document's own
// region. Venues (在X举行) and places inside institution names (北京理工大学) describe no figure.

import { cityOf, provinceOf } from '../geo/gazetteer.ts';
import { abbreviatedProvinces, commonDivision, NATIONAL } from './region.ts';
import type { PlaceMention } from './types.ts';

export interface ScopeInput {
	norm: string;
	/** where the figure's sentence starts */
	sentenceStart: number;
	/** where the figure's clause starts and ends */
	clauseStart: number;
	clauseEnd: number;
	/** the number's start and the unit's end */
	start: number;
	end: number;
	/** the document's place mentions, sorted by start */
	places: readonly PlaceMention[];
	/** the document's region */
	regionCode: string | null;
}

interface Ref {
	start: number;
	end: number;
	code: string;
	/** a venue (在X举行) or a division that only names an institution: not a figure's scope */
	weak: boolean;
}

/** After a place: the rest of an institution's name (北京理工大学, 天津市人民政府). */
const INSTITUTION_AFTER = /^[^\s,，。、；;：:和及与\d]{0,10}?(?:大学|学院|学校|中学|职专|职高|职教中心|集团|公司|医院|研究院|政府|教育局|教育厅|教委|职教社|职业教育社|学会|协会|电视台|日报)/;
/** Words that stand for a division: the country, or the document's own province, city or county. */
const WHOLE = /全国|我国|教育部|[全我本]([省市区县])(?![场域长委])/g;
const AUTONOMOUS = new Set(['150000', '450000', '540000', '640000', '650000']);

/** The division 全省 / 全市 … stands for, given the document's region. */
function wholeOf(level: string, region: string | null): string | null {
	if (!region || region === NATIONAL) return null;
	if (level === '省') return provinceOf(region)?.code ?? null;
	if (level === '市') return cityOf(region)?.code ?? null;
	if (level === '区' && AUTONOMOUS.has(region.slice(0, 2) + '0000')) return provinceOf(region)?.code ?? null;
	return region;
}

/** First index in `places` whose start is at or after `pos`. */
function lowerBound(places: readonly PlaceMention[], pos: number): number {
	let lo = 0;
	let hi = places.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (places[mid]!.start < pos) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Words that may open a clause before the division it is about (来自全国…, 其中滨州市…, 目前通辽市…). */
const TOPIC_LEAD = /^(?:来自|其中|目前|现在|截至目前|由|据|经|同时|此外|另外|在)?$/;
/** After a place: the rest of a title or a ranking (全国技术能手, 全国第一), not a division described. */
const NOT_SCOPE_AFTER = /^[^,，。；;]{0,6}?(?:第一|前列|领先|首位|一流|能手|模范|标兵|先进|称号|委员会|协会|学会|联合会|总会|工会|组织|兵团)/;

/**
 * The division references of norm[from, to), in text order, lists (A、B和C) merged into one.
 * A venue (在X举行) is marked, places inside institution names and titles are left out.
 */
function refsIn(input: ScopeInput, from: number, to: number): Ref[] {
	const { norm, places, regionCode } = input;
	const raw: Ref[] = [];
	for (let i = lowerBound(places, from); i < places.length && places[i]!.end <= to; i++) {
		const p = places[i]!;
		const after = norm.slice(p.end, Math.min(to + 12, p.end + 14));
		if (INSTITUTION_AFTER.test(after) || NOT_SCOPE_AFTER.test(after) || /^\d{1,2}月\d{1,2}日|^[讯电]/.test(after)) continue;
		// 新华社北京4月29日电: a dateline
		if (/(?:社|网|报|台)$/.test(norm.slice(Math.max(0, p.start - 1), p.start))) continue;
		const venue = /[在于]$/.test(norm.slice(Math.max(from, p.start - 2), p.start).replace(/[省市]$/, ''));
		raw.push({ start: p.start, end: p.end, code: p.code, weak: venue });
	}
	const text = norm.slice(from, to);
	for (const a of abbreviatedProvinces(text)) raw.push({ start: from + a.start, end: from + a.end, code: commonDivision(a.codes) ?? NATIONAL, weak: false });
	WHOLE.lastIndex = 0;
	for (let m = WHOLE.exec(text); m; m = WHOLE.exec(text)) {
		if (NOT_SCOPE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 10))) continue;
		const code = m[1] ? wholeOf(m[1], regionCode) : NATIONAL;
		if (code) raw.push({ start: from + m.index, end: from + m.index + m[0].length, code, weak: false });
	}
	raw.sort((a, b) => a.start - b.start);
	// adjacent names narrow (宁夏银川市西夏区 → 西夏区); names joined by 、和及与 are one list (→ their common division)
	const out: Ref[] = [];
	for (const r of raw) {
		const last = out[out.length - 1];
		if (last && last.weak === r.weak) {
			const gap = norm.slice(last.end, r.start);
			if (gap === '' || /^(?:省|市)?$/.test(gap)) {
				last.end = r.end;
				last.code = r.code;
				continue;
			}
			if (/^[、和及与,，]$/.test(gap) || gap === '以及') {
				last.end = r.end;
				last.code = commonDivision([last.code, r.code]) ?? NATIONAL;
				continue;
			}
		}
		out.push({ ...r });
	}
	return out;
}

/** Whether a reference opens its clause (the clause's topic), so it sets the scope of what follows. */
function isTopic(norm: string, r: Ref, sentenceStart: number): boolean {
	let i = r.start;
	while (i > sentenceStart && !/[,，:：;；]/.test(norm[i - 1]!)) i--;
	return TOPIC_LEAD.test(norm.slice(i, r.start));
}

/**
 * The scope of a figure: the division its clause names (nearest before the number, else after
 * it in the clause), else the nearest one named earlier in its sentence; null when that is the
 * document's region or nothing is named.
 * @example scopeOf({ norm: '其中滨州市8所', … regionCode: '370000' }) // '371600'
 */
export function scopeOf(input: ScopeInput): string | null {
	const { norm, sentenceStart, clauseStart, clauseEnd, start, end, regionCode } = input;
	// the clause before the number: the nearest division, a venue included (在天津已连续举办3届)
	const before = refsIn(input, clauseStart, start);
	let ref = before[before.length - 1];
	// after it, only where the counted did something (48位人士在上海创立)
	if (!ref) ref = refsIn(input, end, clauseEnd).find((r) => r.weak);
	// else the topic of an earlier clause of the sentence (通辽市目前拥有…，特色产业学院11个)
	if (!ref && sentenceStart < clauseStart) {
		const earlier = refsIn(input, sentenceStart, clauseStart).filter((r) => !r.weak && isTopic(norm, r, sentenceStart));
		ref = earlier[earlier.length - 1];
	}
	if (!ref || ref.code === regionCode) return null;
	return ref.code;
}
