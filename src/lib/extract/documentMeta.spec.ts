import { describe, expect, it } from 'vitest';
import { documentKind, documentTitle, fitTitle, leadTitle, publishedAt, referenceDate, TITLE_LIMIT } from './documentMeta.ts';
import { prepareDocument } from './text.ts';

const prep = (text: string, name = 'a.txt') => prepareDocument(name, new TextEncoder().encode(text));

describe('publishedAt', () => {
	it.each([
		['takes the page publication line', '某校新闻网\n学校举办春季运动会\n发布时间：2022-04-18  浏览：12\n4月16日，运动会开幕。', '2022-04-18'],
		['takes a dateline among the first lines', '学院承办技能竞赛\n2021-06-03 10:20  来源：本站\n6月2日，竞赛举行。', '2021-06-03'],
		['takes the day-precision signature at the end of a speech', '同志们：\n今天召开全县教育大会。\n谢谢大家！\n二〇二二年三月九日', '2022-03-09'],
		['gives null for a month-only signature', '全区职教工作总结\n一、主要工作。全年新增专业。\n某某厅\n二〇二五年十二月', null],
		['gives null when nothing dates the document', '职业教育发展综述\n近年来，职业教育规模稳定。', null],
		['does not take a founding date (成立时间) for the publication line', '某市职教社\n成立时间：1950年3月2日\n简介。', null],
		['reads a day-first meta line 05.06.2019 10:30', '学院举办招聘会\n05.06.2019  10:30\n6月4日，招聘会举行。', '2019-06-05'],
		['dates a news dateline by the latest year the text writes', '某报武汉3月9日讯（记者）8日，2018年全市职教工作会议召开，回顾2017年工作。', '2018-03-09'],
		['dates a news dateline by the year written first after it', '某报12月24日讯 今日，2021年度全省技能竞赛开幕。该赛始于2016年，2023年将扩容。', '2021-12-24'],
		['reads a date in brackets on its own line', '学院召开大会\n[2024-05-22]\n5月21日，学院召开大会。', '2024-05-22'],
		['reads a date after another label on a meta line', '学院召开大会\n信息来源：办公室 添加时间：2024-05-22\n5月21日，学院召开大会。', '2024-05-22'],
		['reads a publication line after the article', '学院召开大会\n5月21日，学院召开大会，总结工作。\n（责任编辑：李四）\n发布日期：2024-05-22', '2024-05-22'],
		['finds a news dateline below blank lines and a menu line', '某标题\n\n首页 > 新闻\n\n\n    某报兰州4月3日讯(记者 某某)2023年某赛开幕。', '2023-04-03'],
		['dates a news dateline by a year written in brackets inside an event name after it', '某报西宁9月2日讯（记者 某某）日前，第二届青海（2024）职教创新大赛在西宁举办。', '2024-09-02'],
		['reads a press-release dateline', '某城, 2022年10月11日 - (某通讯社) - 学会举办论坛。', '2022-10-11']
	])('%s', (_name, text, expected) => {
		expect(publishedAt(prep(text))?.start ?? null).toBe(expected);
	});

	it('offers a month-precision signature as the reference date', () => {
		const doc = prep('全区职教工作总结\n一、主要工作。全年新增专业。\n某某厅\n二〇二五年十二月');
		expect(referenceDate(doc)).toEqual({ start: '2025-12', end: '2025-12', precision: 'month' });
	});
});

describe('documentKind', () => {
	it.each([
		['calls 在…上的讲话 a speech', '在全县职业教育工作会议上的讲话\n同志们：\n今天的会议很重要。', 'speech'],
		['calls a text opening with 同志们 a speech', '同志们：\n这次会议的任务是部署全年工作。', 'speech'],
		['calls a 工作报告 a report', '某某学会第三届理事会工作报告\n各位代表：\n现在我向大会报告工作。', 'report'],
		['calls a 工作总结 a report', '某市2024年职业教育工作总结\n一年来，全市职业教育稳步发展。', 'report'],
		['calls 关于…的通知 a notice', '关于举办2024年教师培训班的通知\n各有关学校：\n现将有关事项通知如下。', 'notice'],
		['calls a report of a held meeting news even when its title says 报告', '学会召开年度工作报告会\n发布日期：2023-01-05\n1月4日，学会召开会议。', 'news'],
		['calls other articles news', '我校学子获省赛一等奖\n发布日期：2023-01-05\n近日，我校学生获奖。', 'news']
	])('%s', (_name, text, expected) => {
		expect(documentKind(prep(text))).toBe(expected);
	});
});

describe('documentTitle', () => {
	it('keeps the page title', () => {
		expect(documentTitle(prep('学校举办春季运动会\n发布时间：2022-04-18\n正文。'))).toBe('学校举办春季运动会');
	});

	it('never takes a paragraph above an editor line for the title', () => {
		const doc = prep('某网太原5月3日电 全省技能大赛今日开幕，来自各市的选手参赛。\n大赛共设十个赛项，历时三天。\n【编辑：某某】');
		expect(documentTitle(doc)).toBeNull();
		expect(doc.body.length).toBeGreaterThan(0);
		expect(doc.norm.slice(doc.body[0]!.start, doc.body[0]!.end)).toContain('全省技能大赛');
	});

	it('skips the speaker line and subtitle between a title and its date', () => {
		const doc = prep('深化改革 提质培优\n——在学院教代会上的工作报告\n院长 某某某\n（2021年3月5日）\n各位代表：\n现在我报告工作。');
		expect(documentTitle(doc)).toBe('深化改革 提质培优');
	});

	it('keeps a title that is really a paragraph within the record limit, cut at its first sentence', () => {
		const long = '关于做好全市职业院校招生工作的说明' + '，请各校认真组织'.repeat(40) + '。其余事项另行通知。';
		const title = documentTitle(prep(`<html><head><title>${long}</title></head><body><p>正文。</p></body></html>`, 'a.html'))!;
		expect(title.length).toBeLessThanOrEqual(TITLE_LIMIT);
		expect(title.startsWith('关于做好全市职业院校招生工作的说明')).toBe(true);
		expect(fitTitle('短标题')).toBe('短标题');
		expect(fitTitle('甲'.repeat(500))).toHaveLength(TITLE_LIMIT);
	});

	it('gives null when the text opens with a salutation', () => {
		expect(documentTitle(prep('同志们：\n今天召开会议。'))).toBeNull();
	});

	it.each([
		['a menu row with a section name', '学院动态 学院新闻\n5月8日，学院举办技能节。', null],
		['a breadcrumb', '新闻 - 部委\n5月8日，学院举办技能节。', null],
		['a site name shorter than a headline', '官方微信\n5月8日，学院举办技能节。', null],
		['an outline heading', '一、会议目的\n交流各地经验。', null],
		['a picture note', '（资料图）\n5月8日，学院举办技能节。', null],
		['a share widget', '请使用浏览器分享功能进行分享\n5月8日，学院举办技能节。', null],
		['a republished note before the headline', '原标题：全市职业教育活动周启动\n5月8日，活动周启动。', '全市职业教育活动周启动'],
		['two short phrases of a real headline', '深化改革 提质培优\n正文在此。', '深化改革 提质培优']
	])('reads %s', (_, text, title) => {
		expect(documentTitle(prep(text))).toBe(title);
	});
});

describe('leadTitle', () => {
	it.each([
		['the first sentence of the first line of prose', '官方微信\n客户端\n5月8日，全市职业院校技能节在市职教中心开幕。来自各校的选手参赛。', '5月8日，全市职业院校技能节在市职教中心开幕'],
		['without a byline or a news tag before it', '（通讯员 某某）本报讯 5月8日，全市职业院校技能节开幕。', '5月8日，全市职业院校技能节开幕'],
		['cut to forty characters with an ellipsis', '为了进一步加强校园文化建设，激发全校师生重技能、练技能、比技能的热情，学校举办了第五届技能节活动，历时两周。', '为了进一步加强校园文化建设，激发全校师生重技能、练技能、比技能的热情，学校举办…']
	])('names a document without a title by %s', (_, text, lead) => {
		expect(leadTitle(prep(text))).toBe(lead);
	});

	it('is null for a text without a line of prose', () => {
		expect(leadTitle(prep('官方微信\n客户端'))).toBeNull();
	});
});
