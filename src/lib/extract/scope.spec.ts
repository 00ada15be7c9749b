import { describe, expect, it } from 'vitest';
import { findMetrics } from './metrics.ts';
import { findPlaces } from './places.ts';
import { abbreviatedProvinces } from './region.ts';
import { hasShortNamePair, scopeOf, scopeWithoutRefs, SHORT_NAMES } from './scope.ts';

/** Scope of the figure of `value` in `text`, for a document of region `regionCode`. */
function scopeIn(text: string, value: number, regionCode: string | null): string | null | undefined {
	const body = [{ start: 0, end: text.length }];
	return findMetrics(text, body, { places: findPlaces(text, body), regionCode }).find((m) => m.value === value)?.scopeCode;
}

describe('scope: the division a figure describes', () => {
	const cases: Array<[string, string, number, string | null, string | null]> = [
		['a city named in a provincial report', '全省共有中职学校300所，其中滨州市18所。', 18, '370000', '371600'],
		['the whole country in a provincial report', '全国共有职业学校1.1万所。', 11000, '370000', '100000'],
		['another province in the clause', '北京市14所学校与我省结对。', 14, '130000', '110000'],
		['two provinces by short names: the country', '京津两地的12所学校参加。', 12, '130000', '100000'],
		['a list of places: their common division', '来自济南、青岛、烟台等3个城市的选手参赛。', 3, '100000', '370000'],
		['a list of provinces with their count and bodies (甲、乙两省教育厅): their common division', '由本省主办，山东、河南两省教育厅和6所院校协办。', 6, '620000', '100000'],
		['the document’s own region gives no scope', '全省共有技工学校58所。', 58, '370000', null],
		['the topic of an earlier clause carries over', '通辽市目前拥有职业院校16所，特色产业学院11个。', 11, '150000', '150500'],
		['a place inside an institution name is not a scope', '北京理工大学等9所高校参加。', 9, '370000', null],
		['a dateline is not a scope', '新华社北京5月2日电 中华职业教育社已培训学员3.4万人。', 34000, '100000', null],
		['a ranking is not a scope', '全市有12项产品市场占有率全国第一。', 12, '371600', null],
		['a venue after the number is not a scope', '省教育厅等12个部门在铜陵举办活动周。', 12, '340000', null],
		['a list of places, one of them a venue, is one list', '大赛在天津、江西设立两个赛区。', 2, '120000', '100000'],
		['全国 naming a contest is not a scope', '学院获得全国职业院校技能大赛一等奖21项。', 21, '220000', null],
		['a place that only names a contest is not a scope', '学院有30名学生参加江苏省技能大赛。', 30, '320500', null],
		['a venue before the number in its clause', '大赛在天津已连续举办5届。', 5, '100000', '120000'],
		['Taiwan named in a provincial report: the country, not a division the places count', '学院与台湾12所科技大学签订合作协议。', 12, '350000', '100000'],
		['examples closed by 等 that name divisions in several items: their common division', '临沂市的剪纸、菏泽市的木雕等6个项目参加展演。', 6, '100000', '370000'],
		['a division right after the measure word', '共有19名山东省选手晋级。', 19, '100000', '370000'],
		['an ordinal after the place is no ranking', '19名山东省选手亮相第一届全国大赛', 19, '100000', '370000'],
		['省内 opening a clause stands for the province', '会上，省内14个市的代表参加。', 14, '130400', '130000'],
		['a place doing something (西藏在…组织…学院) opens no institution name', '西藏在赛前组织某技师学院等8家学校进行集训。', 8, '100000', '540000'],
		['a place opening a long company name is not a topic', '省厅副厅长某某，北京某某信息科技发展股份有限公司董事长某某等出席，出席的还有各校代表120多人。', 120, '620000', null]
	];
	it.each(cases)('%s', (_name, text, value, region, expected) => {
		expect(scopeIn(text, value, region)).toBe(expected);
	});
});

describe('hasShortNamePair: the guard on abbreviatedProvinces', () => {
	it('knows the short names abbreviatedProvinces reads, on every code unit', () => {
		// c beside another short name before 两地 is a run of two provinces exactly when c is one
		const wrong: number[] = [];
		for (let c = 0; c < 0x10000; c++) {
			const ch = String.fromCharCode(c);
			const partner = ch === '沪' ? '京' : '沪';
			const found = abbreviatedProvinces(ch + partner + '两地').length > 0;
			if (found !== SHORT_NAMES.includes(ch)) wrong.push(c);
		}
		expect(wrong).toEqual([]);
	});
	it('is true of every text abbreviatedProvinces finds a run in', () => {
		// random texts over short names, full names, the words after a run and other characters
		const parts = [...SHORT_NAMES, '两地', '三省', '杯', '协作', '5', '北京', '辽宁', '、', '和', '学', '的'];
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		let runs = 0;
		for (let n = 0; n < 20000; n++) {
			let s = '';
			for (let k = 1 + Math.floor(next() * 8); k > 0; k--) s += parts[Math.floor(next() * parts.length)];
			if (abbreviatedProvinces(s).length === 0) continue;
			runs++;
			expect(hasShortNamePair(s, 0, s.length)).toBe(true);
		}
		expect(runs).toBeGreaterThan(1000);
		expect(hasShortNamePair('川渝两地', 0, 2)).toBe(true);
		expect(hasShortNamePair('川渝两地', 1, 4)).toBe(false);
	});
	it('finds a pair wherever it sits in the range (it reads every second character and its neighbours)', () => {
		// every range of every text over 京, 学 up to 7 characters, against a scan of every position
		const naive = (s: string, from: number, to: number): boolean => {
			for (let i = from; i < to - 1; i++) if (SHORT_NAMES.includes(s[i]!) && SHORT_NAMES.includes(s[i + 1]!)) return true;
			return false;
		};
		let checked = 0;
		for (let len = 0; len <= 7; len++)
			for (let bits = 0; bits < 1 << len; bits++) {
				let s = '';
				for (let k = 0; k < len; k++) s += bits & (1 << k) ? '京' : '学';
				for (let from = 0; from <= len; from++)
					for (let to = from; to <= len; to++) {
						expect(hasShortNamePair(s, from, to)).toBe(naive(s, from, to));
						checked++;
					}
			}
		expect(checked).toBeGreaterThan(5000);
	});
});

describe('scopeWithoutRefs', () => {
	it('answers as scopeOf with no division references', () => {
		const cases: Array<[string, string, string | null]> = [
			['来自东盟国家的380位代表出席', '380位', '370000'],
			['来自东盟国家的380位代表出席', '380位', '100000'],
			['各国17位部长出席', '17位', '370000'],
			['在海外建成20个鲁班工坊', '20个', '370000'],
			['学校共有教师300人', '300人', '370000'],
			['其中，外籍教师12名', '12名', null]
		];
		for (const [norm, figure, regionCode] of cases) {
			const start = norm.indexOf(figure);
			const end = start + figure.length;
			const clauseStart = Math.max(0, norm.lastIndexOf('，', start) + 1);
			const expected = scopeOf({ norm, sentenceStart: 0, clauseStart, clauseEnd: norm.length, start, end, refs: [], regionCode });
			expect(scopeWithoutRefs(norm, clauseStart, start, end, regionCode)).toBe(expected);
		}
		expect(scopeWithoutRefs('来自东盟国家的380位代表出席', 0, 7, 11, '370000')).toBe('100000');
	});
});
