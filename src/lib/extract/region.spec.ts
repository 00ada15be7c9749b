import { describe, expect, it } from 'vitest';
import { findPlaces } from './places.ts';
import { abbreviatedProvinces, commonDivision, documentRegion } from './region.ts';

/** A document of a title line and a body; meetings as [name, venue code]. */
function regionOf(title: string | null, body: string, meetings: Array<[string, string | null]> = []): string | null {
	const norm = title === null ? body : `${title}\n${body}`;
	const spans = [{ start: 0, end: norm.length }];
	return documentRegion({
		norm,
		body: spans,
		places: findPlaces(norm, spans),
		title: title === null ? null : { start: 0, end: title.length },
		meetings: meetings.map(([name, venueCode]) => ({ name, venueCode, start: Math.max(0, norm.indexOf(name)) }))
	});
}

describe('documentRegion', () => {
	const cases: Array<[string, string | null, string, Array<[string, string | null]>, string | null]> = [
		['places over many provinces, none most named: the country', null, '入选名单按省列出。北京2所，上海2所，天津1所，重庆1所，河北1所，山西1所，辽宁1所。', [], '100000'],
		['a national body in the headline reports for the country', '中华职业教育社举办公益培训', '培训在成都举行，学员120人。', [], '100000'],
		['a local branch in the headline stays local', '重庆市中华职业教育社召开年会', '会议在渝北区举行。中华职业教育社领导出席。', [], '500000'],
		['the ministry in the lead reports for the country', null, '教育部召开新闻发布会，介绍全国职业院校发展情况。会议在长沙举行。', [], '100000'],
		['an event named after a division, not its venue', '宣城市首届中职技能大赛在宁国职高举办', '宣城市教育局主办，宁国市职高承办。', [['宣城市首届中职技能大赛', '341881']], '341800'],
		['the venue after 在 in a headline is not the subject', '全省技能大赛在绵阳市开幕', '四川省教育厅主办，全省各市代表队参赛。', [], '510000'],
		['a 全国 event in the headline', '2022年全国职业院校技能大赛开幕式在天津举行', '大赛在天津开幕。', [], '100000'],
		['a province’s round of a 全国 event is the province’s', '2019年全国职业院校技能大赛(中职组)河北省选拔赛开赛', '选拔赛在石家庄开赛，全省47个代表队参赛。', [['2019年全国职业院校技能大赛(中职组)河北省选拔赛', '130100']], '130000'],
		['two provinces named by short names: the country', null, '首届“川渝杯”职业院校技能大赛在泸州举行，川渝两地学校参赛。', [['首届“川渝杯”职业院校技能大赛', '510500']], '100000'],
		['全市 with counties of one city: that city', '2020年中职教育质量报告', '全市现有中职学校9所，其中米脂县2所，绥德县3所，全市招生增加。', [], '610800'],
		['全区 of an autonomous region: the region', null, '全区12个盟市代表队在通辽市参赛，全区共有工作人员400人。', [], '150000'],
		['a school report takes the school’s division', '曲阜远东职业技术学院2016年质量年度报告', '学院占地18万平方米，台湾同胞投资兴办，台湾教育家创办。', [], '370881'],
		['the meeting venue when nothing else tells', null, '5月9日，职教集团年会在邹平市召开，代表参会。', [['职教集团年会', '371681']], '371681'],
		['a template speech for X市 has no region', '在全市职业教育大会上的讲话', '同志们：今天我们召开全市职业教育大会。', [], null]
	];
	it.each(cases)('%s', (_name, title, body, meetings, expected) => {
		expect(regionOf(title, body, meetings)).toBe(expected);
	});
});

describe('region helpers', () => {
	it('reads provinces named by one character (川渝两地, 粤黔协作)', () => {
		expect(abbreviatedProvinces('川渝两地78所学校')[0]?.codes).toEqual(['510000', '500000']);
		expect(abbreviatedProvinces('粤黔协作帮扶')[0]?.codes).toEqual(['440000', '520000']);
		expect(abbreviatedProvinces('沿沪宁高速')).toEqual([]);
	});

	it.each([
		[['371600', '371300'], '370000'],
		[['371681', '371600'], '371600'],
		[['110000', '120000'], '100000'],
		[['500109'], '500109']
	])('the smallest division containing %j is %s', (codes, expected) => {
		expect(commonDivision(codes)).toBe(expected);
	});
});

describe('documentRegion on a fourth unseen sample', () => {
	it('reads a headline of 全省 that names no division as the province’s news, though a ministry’s notice opens the lead', () => {
		expect(regionOf('全省5家企业入选国家产教融合型企业', '本报讯 近日，国家发展改革委、教育部印发《关于公布某名单的通知》。大连市被确定为试点城市。', [])).toBe('210000');
		// (a headline naming a division still speaks for it: 某市在全省大赛中获佳绩)
		expect(regionOf('大连市在全省技能大赛中获佳绩', '近日，教育部公布名单，大连市代表队获一等奖12个。', [])).toBe('210200');
	});
});

describe('documentRegion: 中国(省) in an event name', () => {
	it('reads 中国(某省)—东盟 as held by that province, not as a national event', () => {
		expect(regionOf('郑州某职业学院承办2024中国(河南)-东盟交流月', '4月9日，中国(河南)—东盟职业教育交流会在郑州召开。', [['中国(河南)—东盟职业教育交流会', '410100']])).toBe('410100');
		expect(regionOf(null, '4月9日，中国—东盟职业教育交流会在南宁召开。', [['中国—东盟职业教育交流会', '450100']])).toBe('450100');
	});
});

describe('documentRegion: guests of a national body', () => {
	it('does not read a national body among the guests who attended (…出席会议) as the reporter', () => {
		expect(regionOf(null, '9月20日，河北省某职业教育集团成立大会在廊坊举行。全国职业教育集团化工作专家组成员某某、河北省教育厅某处长某某出席会议。', [['河北省某职业教育集团成立大会', '131000']])).toBe('130000');
		// (a sentence naming the national body as the host still does: 由中华职业教育社主办，…出席活动)
		expect(regionOf(null, '7月17日，某论坛在漳州市举行。论坛由中华职业教育社主办，来自各地的代表200余人出席活动。', [['某论坛', '350600']])).toBe('100000');
	});
});
