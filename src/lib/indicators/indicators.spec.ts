import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hasShared, SHARED } from '../../../tests/shared.ts';
import type { MetricCategory } from '../extract/types.ts';
import { indicatorLabel, indicatorOf, isKnownIndicator, isWholeTerm, measureOf, normalizeSubject } from './indicators.ts';
import { VOCABULARY } from './vocabulary.ts';

describe('indicatorOf', () => {
	test.each<[string | null, string, MetricCategory, string]>([
		['研究报告', '份', 'research', 'research-reports'],
		['立项课题', '项', 'research', 'research-projects'],
		['培训教师', '人次', 'training', 'teachers-trained'],
		['培訓教師', '人次', 'training', 'teachers-trained'],
		['参训', '人次', 'training', 'trainees'],
		['合作企业', '家', 'other', 'partner-companies'],
		['毕业生就业率', '%', 'rate', 'employment-rate'],
		['畢業生就業率', '%', 'rate', 'employment-rate'],
		['中等职业学校', '所', 'institution', 'schools'],
		['國家級示範校', '所', 'institution', 'schools'],
		// a school that took part in an event is not a school count
		['中职学校', '所', 'participation', 'participating-schools'],
		['职教集团（联盟）', '个', 'institution', 'vocational-groups'],
		['撤并专业布点', '个', 'program', 'closed-majors'],
		['新增专业', '个', 'program', 'new-majors'],
		['专业点', '个', 'program', 'majors'],
		['省级重点专业', '个', 'program', 'key-majors'],
		['投入资金', '元', 'other', 'funds'],
		['说课活动', '届', 'event', 'events'],
		['学生、家长和市民', '名', 'participation', 'attendees'],
		['省市', '个', 'participation', 'participating-regions'],
		['一等奖', '个', 'other', 'awards'],
		['参赛选手', '名', 'participation', 'contestants'],
		['在校生', '人', 'other', 'enrolment'],
		['中职学校招生数', '人', 'other', 'new-students'],
		// the unit decides where the words do not: 报告 in 份 is a report, in 场 it is not
		['专题报告', '场', 'event', '专题报告'],
		// per-head values and averages count no thing
		['生均图书', '册', 'other', '生均图书'],
		['温室大棚', '个', 'other', '温室大棚'],
		[null, '人次', 'training', 'trainees'],
		[null, '个', 'other', '~other']
	])('%s (%s, %s) → %s', (subject, unit, category, indicator) => {
		expect(indicatorOf(subject, unit, category)).toBe(indicator);
	});
});

test('normalises Traditional characters, spaces and asides', () => {
	expect(normalizeSubject(' 職教集團（聯盟） ')).toBe('职教集团');
});

describe('measureOf', () => {
	test.each([
		['schools', '所', 'stock'],
		['trainees', '人次', 'flow'],
		['employment-rate', '%', 'rate'],
		['双师型教师占比', '%', 'rate'],
		['生均图书', '册', 'rate'],
		['温室大棚', '个', 'flow']
	])('%s in %s is a %s', (indicator, unit, measure) => {
		expect(measureOf(indicator, unit)).toBe(measure);
	});
});

test('labels known indicators in both languages and keeps other subjects as they are', () => {
	expect(indicatorLabel('trainees', 'zh-CN', (c) => c)).toBe('培训人次');
	expect(indicatorLabel('trainees', 'en', (c) => c)).toBe('People trained');
	expect(indicatorLabel('温室大棚', 'en', (c) => c)).toBe('温室大棚');
	expect(indicatorLabel('~training', 'zh-CN', (c) => `未注明(${c})`)).toBe('未注明(training)');
});

test('the vocabulary has 30–60 indicators with unique ids and both labels', () => {
	expect(VOCABULARY.length).toBeGreaterThanOrEqual(30);
	expect(VOCABULARY.length).toBeLessThanOrEqual(60);
	expect(new Set(VOCABULARY.map((e) => e.id)).size).toBe(VOCABULARY.length);
	for (const e of VOCABULARY) {
		expect(e.zh).toMatch(/\p{Script=Han}/u);
		expect(e.en).toMatch(/^[A-Z]/);
		expect(isKnownIndicator(e.id)).toBe(true);
	}
});

describe.skipIf(!hasShared)('on the annotated subjects of ../shared', () => {
	test('most gold subjects map to a vocabulary indicator', () => {
		let known = 0;
		let all = 0;
		for (const set of ['dev', 'seeds', 'real']) {
			const dir = join(SHARED, 'eval', set);
			for (const name of readdirSync(dir).filter((n) => n.endsWith('.gold.json'))) {
				const gold = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { metrics?: { subject?: string; unit?: string; category?: MetricCategory }[] };
				for (const m of gold.metrics ?? []) {
					if (!m.subject) continue;
					all++;
					if (isKnownIndicator(indicatorOf(m.subject, m.unit ?? '', m.category ?? 'other'))) known++;
				}
			}
		}
		expect(all).toBeGreaterThan(100);
		// measured 0.84 on the gold subjects (0.66 on the subjects extracted from all of ../shared); the rest are one-off subjects and shares
		expect(known / all).toBeGreaterThanOrEqual(0.75);
	});
});

test.each([
	['schools', '职业院校', true],
	['schools', '職業院校', true],
	['schools', '学校', false],
	['schools', '国家级示范校', false],
	['majors', '专业', true],
	['温室大棚', '温室大棚', false]
])('%s: %s names the whole indicator: %s', (indicator, subject, whole) => expect(isWholeTerm(indicator, subject)).toBe(whole));

describe('indicatorOf against a plain reading of the vocabulary', () => {
	// the first pattern (longest first, then vocabulary order) the subject ends with or contains
	const patterns = VOCABULARY.flatMap((e) => [
		...(e.endings ?? []).map((t) => ({ text: normalizeSubject(t), ending: true, e })),
		...(e.contains ?? []).map((t) => ({ text: normalizeSubject(t), ending: false, e }))
	]).sort((a, b) => b.text.length - a.text.length);
	const fits = (e: (typeof VOCABULARY)[number], unit: string, category: MetricCategory) =>
		(!e.units || e.units.includes(unit)) && (!e.categories || e.categories.includes(category));
	test('random subjects of pattern pieces give the same indicator', () => {
		const pieces = [...new Set(patterns.flatMap((p) => [p.text, p.text.slice(0, 2), p.text.slice(-2)]))].filter((t) => t && !/均|中位数/.test(t));
		const units = ['人', '所', '个', '项', '人次', '门'];
		const categories: MetricCategory[] = ['other', 'institution', 'participation', 'training', 'program', 'event'];
		let seed = 5;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		for (let n = 0; n < 3000; n++) {
			let s = '';
			for (let k = 1 + Math.floor(next() * 4); k > 0; k--) s += pieces[Math.floor(next() * pieces.length)];
			const unit = units[Math.floor(next() * units.length)]!;
			const category = categories[Math.floor(next() * categories.length)]!;
			const subject = normalizeSubject(s);
			const term = VOCABULARY.find((e) => e.terms.some((t) => normalizeSubject(t) === subject) && fits(e, unit, category));
			const p = patterns.find((p) => fits(p.e, unit, category) && (p.ending ? subject.endsWith(p.text) : subject.includes(p.text)));
			expect(indicatorOf(s, unit, category)).toBe(term?.id ?? p?.e.id ?? subject.slice(0, 40));
		}
	});
});
