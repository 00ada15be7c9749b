import { describe, expect, it } from 'vitest';
import { findMeetings, meetingVenue } from './meetings.ts';
import { findPlaces } from './places.ts';
import { prepareDocument } from './text.ts';
import type { DateRange, MeetingMention } from './types.ts';

const day = (iso: string): DateRange => ({ start: iso, end: iso, precision: 'day' });

function meetings(text: string, published: DateRange | null): MeetingMention[] {
	const doc = prepareDocument('m.txt', new TextEncoder().encode(text));
	return findMeetings(doc, findPlaces(doc.norm, doc.body), published);
}

type Expect = { name?: string; start?: string | null; end?: string | null; venue?: string | null; attendees?: number | null };
type Case = [name: string, text: string, published: DateRange | null, expected: Expect[]];

const cases: Case[] = [
	[
		'sharpens a province-level venue by the one city of that province an earlier clause of the sentence names, not by a company in the event\'s own clause',
		'新闻标题\n2022年6月8日至9日，某联席会议（湖北·宜昌）期间，由湖北省教育厅承办的某职教交流会在湖北某会展中心举行。2022年7月1日，校长及襄阳某公司经理在湖北省某公司会议室举行某合作座谈会。',
		null,
		[
			{ name: '某职教交流会', start: '2022-06-08', venue: '420500' },
			{ name: '某合作座谈会', start: '2022-07-01', venue: '420000' }
		]
	],
	[
		'merges a headline and a body mention whose names differ in the middle dot the page uses (甲·乙 and 甲•乙) and a few words',
		'2022年苏皖职教干部秋季研修会暨合肥都市圈·芜湖·扬州职教论坛在肥举行\n\n本报讯（通讯员 李明）日前，苏皖职教负责干部秋季研修会暨合肥都市圈•芜湖•扬州职业教育发展论坛在合肥举行。',
		null,
		[{ start: '2022', venue: '340100' }]
	],
	[
		'keeps a month or a range of days the page gives no year for out of the name, and still reads the event by its venue',
		'新闻标题\n第九届滇黔职教联席会议8至9日在昆明召开。某省职教论坛于10月在贵阳举行。',
		null,
		[
			{ name: '第九届滇黔职教联席会议', start: null, venue: '530100' },
			{ name: '某省职教论坛', start: null, venue: '520100' }
		]
	],
	[
		'takes no head count from the reporting side\'s own delegation (我校8名学生参赛, 我省代表团40位选手), only from a total that joins it to others',
		'新闻标题\n2020年9月3日，第二届东北职教技能大赛在沈阳开幕，我校8名学生参加了比赛。2020年10月5日，第四届华北职教论坛在太原召开，我省代表团40位代表参加。2020年11月6日，第五届西北职教论坛在兰州召开，来自各省及我省院校的代表共210余人参加。',
		null,
		[
			{ name: '第二届东北职教技能大赛', attendees: null },
			{ name: '第四届华北职教论坛', attendees: null },
			{ name: '第五届西北职教论坛', attendees: 210 }
		]
	],
	[
		'reads a municipality written by its one-character short name as the venue (在沪举行), but not a longer word opening with it (在京东)',
		'新闻标题\n2022年3月9日，第三届长三角职教合作论坛在沪隆重举行。2022年3月10日，第一届某电商培训班在京东举办。',
		null,
		[
			{ name: '第三届长三角职教合作论坛', start: '2022-03-09', venue: '310000' },
			{ name: '第一届某电商培训班', start: '2022-03-10', venue: null }
		]
	],
	[
		'drops 随着 (as) from the front of a name in a clause that gives the circumstance',
		'新闻标题\n2021年6月2日，随着第五届西南职教技能大赛在渝开幕，参赛院校增至四十所。',
		null,
		[{ name: '第五届西南职教技能大赛', start: '2021-06-02', venue: '500000' }]
	],
	[
		'reads a head count written with 多 or in Chinese numerals in a later sentence (the splitter notes which sentences hold one)',
		'新闻标题\n2023年5月8日，第二届西部职教论坛在成都召开。来自各地的三百多位代表参加会议。',
		null,
		[{ name: '第二届西部职教论坛', start: '2023-05-08', attendees: 300 }]
	],
	[
		'reads each event of a list hosted in a report, dated or not (承办了甲、乙)',
		'学校年度工作报告\n一年来，学校成功的承办了全省职业院校技能大赛、全省产教融合现场推进会，各项工作都有新起色。',
		null,
		[{ name: '全省职业院校技能大赛', start: null }, { name: '全省产教融合现场推进会', start: null }]
	],
	[
		'keeps the host out of the name of an event it hosts',
		'新闻标题\n11月22日，某某职业学院承办第一届川渝职业教育论坛，200余名代表参加。',
		day('2022-11-23'),
		[{ name: '第一届川渝职业教育论坛', start: '2022-11-22' }]
	],
	[
		'reads no event from a host named as a role (承办单位)',
		'关于举办技能大赛的通知\n承办单位：某某职业学院。联系人：张老师。',
		null,
		[]
	],
	[
		'drops a column tag before the name (【技能大赛】)',
		'新闻标题\n发布日期：2025-04-20\n【技能大赛】2025年江西省职业院校技能大赛4月18日在南昌开幕，参赛选手800余人。',
		day('2025-04-20'),
		[{ name: '2025年江西省职业院校技能大赛', start: '2025-04-18', venue: '360100' }]
	],
	[
		'drops the end of a byline whose names are set apart by spaces',
		'新闻标题\n本报南昌12月18日电 (王明 李华 赵强)2015“赣鄂职业教育论坛”18日在南昌开幕，180余名专家参加。',
		day('2015-12-18'),
		[{ name: '2015“赣鄂职业教育论坛”', start: '2015-12-18', venue: '360100' }]
	],
	[
		'reads a named forum held in a city with a day range and a head count',
		'新闻标题\n发布日期：2020-10-20\n10月15—16日，第三届西部职业教育创新论坛在成都举行。来自四川、重庆的院校代表300余人参加论坛。',
		day('2020-10-20'),
		[{ name: '第三届西部职业教育创新论坛', start: '2020-10-15', end: '2020-10-16', venue: '510100', attendees: 300 }]
	],
	[
		'reads ORG在PLACE召开NAME and takes the venue between 在 and the verb',
		'正文开始\n3月8日，市教育局在株洲召开2021年全市中职学校招生工作会议，各区县代表约80名到会。',
		day('2021-03-10'),
		[{ name: '2021年全市中职学校招生工作会议', start: '2021-03-08', venue: '430200', attendees: 80 }]
	],
	[
		'prefixes the convening body when the name starts with 第',
		'正文开始\n上个月，宜昌职业教育社在宜昌召开第四次社员代表大会，选举产生新一届领导班子。',
		day('2022-07-02'),
		[{ name: '宜昌职业教育社第四次社员代表大会', start: '2022-06', venue: '420500' }]
	],
	[
		'uses the year in the name when the text gives no other date',
		'正文开始\n此前，2019年全省职业院校技能大赛开幕式在洛阳市举行。',
		day('2021-05-01'),
		[{ name: '2019年全省职业院校技能大赛开幕式', start: '2019', end: '2019', venue: '410300' }]
	],
	[
		'extends a contest to the end date stated by 持续至',
		'正文开始\n9月3日，第五届全省职业技能大赛在柳州拉开帷幕，比赛将持续至9月6日。共有420名选手参赛。',
		day('2023-09-03'),
		[{ name: '第五届全省职业技能大赛', start: '2023-09-03', end: '2023-09-06', venue: '450200', attendees: 420 }]
	],
	[
		'counts a separately named welcome event before the opening as its own meeting',
		'正文开始\n6月12日，首届运河职业教育大会在扬州开幕。开幕前一天，扬州市举行大会欢迎宴会。',
		day('2024-06-14'),
		[
			{ name: '首届运河职业教育大会', start: '2024-06-12', venue: '321000' },
			{ name: '运河职业教育大会欢迎宴会', start: '2024-06-11', venue: '321000' }
		]
	],
	[
		'does not report planned, habitual or counted events',
		'正文开始\n活动周期间，还将举办职业教育成果展暨产教对接大会。学会已连续举办五届教学论坛。大赛每两年举办一次。五部门决定于10月至11月在太原举办2025年全省技能大赛。',
		day('2024-05-01'),
		[]
	],
	[
		'does not report an event named without date or venue',
		'正文开始\n学会举办“数字赋能职教”专题论坛，线上参与热烈。',
		day('2024-05-01'),
		[]
	],
	[
		'reads a speech occasion from its title with the publication date',
		'在全县第九届职业教育活动周启动仪式上的讲话\n发布时间：2022-05-10\n同志们：\n今天，我们在县职教中心举行启动仪式，师生六百多人参加。',
		day('2022-05-10'),
		[{ name: '全县第九届职业教育活动周启动仪式', start: '2022-05-10', attendees: 600 }]
	],
	[
		'dates a speech occasion within the period named before 今天 when only the title gives a year',
		'在2017年大连市职业教育活动周启动仪式上的讲话\n同志们：\n今年5月7日至13日是职业教育活动周。今天，我们在大连举行2017年大连市职业教育活动周启动仪式。',
		null,
		[{ name: '2017年大连市职业教育活动周启动仪式', start: '2017-05', end: '2017-05', venue: '210200' }]
	],
	[
		'reads a name in quotes after a sponsor phrase',
		'正文开始\n6月3日，由市教育局主办的“2022年全市中职教师教学能力比赛”在滨州举行。',
		day('2022-06-05'),
		[{ name: '2022年全市中职教师教学能力比赛', start: '2022-06-03', venue: '371600' }]
	],
	[
		'reads a selection contest opened (开赛) on a day written without its month',
		'正文开始\n12日，2021年全省职业院校技能大赛选拔赛在烟台开赛。',
		day('2021-04-15'),
		[{ name: '2021年全省职业院校技能大赛选拔赛', start: '2021-04-12', venue: '370600' }]
	],
	[
		'reads NAME，在VENUE VERB and a venue named through an institution',
		'正文开始\n4月20日，由省教育厅主办的第五届全省职业院校班主任能力比赛，在宜宾职业技术学院拉开帷幕。',
		day('2023-04-25'),
		[{ name: '第五届全省职业院校班主任能力比赛', start: '2023-04-20', venue: '511500' }]
	],
	[
		'reads a meeting named after 召开的 and prefixes the convening body to a short name',
		'正文开始\n记者从省教育厅在南昌召开的新闻发布会上获悉，全省新增专业点120个。',
		day('2021-03-02'),
		[{ name: '省教育厅新闻发布会', venue: '360100' }]
	],
	[
		'prefixes the convening body to a short name after the verb',
		'正文开始\n1994年5月6日，宜宾市职业教育社召开社委会，选举新一届主任。',
		null,
		[{ name: '宜宾市职业教育社社委会', start: '1994-05-06', venue: '511500' }]
	],
	[
		'lets a year written in the name beat the page year for a year-less date',
		'正文开始\n3月30日上午，2016年全区中职学校技能大赛在南宁开幕。',
		day('2018-07-02'),
		[{ name: '2016年全区中职学校技能大赛', start: '2016-03-30', venue: '450100' }]
	],
	[
		'dates a year-less range by the year the sentence writes when the page has no date',
		'正文开始\n5月14日至15日，2011年全省高职院校技能大赛在沈阳举行。',
		null,
		[{ name: '2011年全省高职院校技能大赛', start: '2011-05-14', end: '2011-05-15', venue: '210100' }]
	],
	[
		'reads an activity week launched (启动) as held',
		'正文开始\n18日，2024年全省职业教育活动周全面启动。某市启动改革项目。',
		day('2024-05-19'),
		[{ name: '2024年全省职业教育活动周', start: '2024-05-18' }]
	],
	[
		'dates a contest back from its closing day by its stated length',
		'正文开始\n经过3天的激烈角逐，第三届全市中职技能大赛26日在绵阳落下帷幕。',
		day('2022-05-27'),
		[{ name: '第三届全市中职技能大赛', start: '2022-05-24', end: '2022-05-26', venue: '510700' }]
	],
	[
		'extends a contest to a lone end day after 持续到',
		'正文开始\n4月24日，全省职业院校技能大赛在海口拉开帷幕，比赛将持续到26日。',
		day('2012-04-25'),
		[{ name: '全省职业院校技能大赛', start: '2012-04-24', end: '2012-04-26', venue: '460100' }]
	],
	[
		'keeps names with 中等 and 高等 (not 等 closing a list)',
		'正文开始\n5月7日，2017年全市中等职业学校招生咨询会在青岛举行。',
		day('2017-05-08'),
		[{ name: '2017年全市中等职业学校招生咨询会', start: '2017-05-07', venue: '370200' }]
	],
	[
		'sharpens a provincial venue with the district the name gives',
		'正文开始\n5月14日，银川市西夏区职教联盟第三届年会在宁夏举行。',
		day('2024-05-20'),
		[{ name: '银川市西夏区职教联盟第三届年会', venue: '640105' }]
	],
	[
		'places a meeting without venue in the dateline city of its paragraph',
		'某报太原12月16日讯 15日，2020年全省职业教育工作会议召开，会议总结2020年工作。',
		null,
		[{ name: '2020年全省职业教育工作会议', start: '2020-12-15', venue: '140100' }]
	],
	[
		'places a meeting without venue in the city of a dateline without a date',
		'某某新闻网邯郸讯(记者 某某)6月12日，2021年冀南技工教育联盟成立大会在某技师学院举办。',
		null,
		[{ name: '2021年冀南技工教育联盟成立大会', start: '2021-06-12', venue: '130400' }]
	],
	[
		'takes the stated total as the head count',
		'正文开始\n10月9日，第二届职教论坛在苏州举行。来自高校的120名专家和80名学生，共计200余人参加论坛。',
		day('2020-10-10'),
		[{ name: '第二届职教论坛', attendees: 200 }]
	],
	[
		'reads a head count of representatives without a verb of taking part, and not a plan in 计划单列市',
		'正文开始\n11月2日，第四届西部职教论坛在贵阳召开。来自各省和计划单列市的260位代表进行了交流。',
		day('2021-11-03'),
		[{ name: '第四届西部职教论坛', attendees: 260 }]
	],
	[
		'takes the date written between the name and its verb over an earlier dateline date',
		'某城，2022年3月9日 - 学会主办「第一届湾区职教座谈会」，2022年3月6日在深圳举行。',
		null,
		[{ name: '第一届湾区职教座谈会', start: '2022-03-06', venue: '440300' }]
	],
	[
		'reads the head count near the dated mention, not near an undated headline',
		'全省中职技能大赛拉开帷幕。\n某网4月24日消息 4月24日，全省中职技能大赛在海口拉开帷幕。\n全省共有900名学生报名参加比赛。',
		day('2015-04-24'),
		[{ name: '全省中职技能大赛', start: '2015-04-24', attendees: 900 }]
	],
	[
		'cuts a slogan set off by spaces or a dash from the front of a name',
		'正文开始\n比技能 亮风采 2015年全县中职学校技能大赛在某校举办。\n6月2日，匠心筑梦——平凉市技工学校2020年学生技能竞赛在平凉举行。\n某省技能赛.2020年全省中职技能大赛在兰州开赛。',
		day('2020-06-03'),
		[
			{ name: '2015年全县中职学校技能大赛', start: '2015' },
			{ name: '平凉市技工学校2020年学生技能竞赛', start: '2020-06-02', venue: '620800' },
			{ name: '2020年全省中职技能大赛', venue: '620100' }
		]
	],
	[
		'cuts an announcing clause and a theme phrase from a name',
		'正文开始\n5月9日，副市长致辞并宣布2022年全市职业教育活动周正式启动。5月10日，以“技能成就梦想”为主题的第三届全市职教论坛在铜川举行。',
		day('2022-05-12'),
		[{ name: '2022年全市职业教育活动周', start: '2022-05-09' }, { name: '第三届全市职教论坛', start: '2022-05-10', venue: '610200' }]
	],
	[
		'reads the first quoted name after a verb and the convening body after 为',
		'正文开始\n7月1日，主办方在遵义举行了“职教成果展”和“中职文明风采竞赛”。7月2日，县长为遵义职业教育集团举行了揭牌仪式。',
		day('2019-07-03'),
		[{ name: '职教成果展', start: '2019-07-01', venue: '520300' }, { name: '遵义职业教育集团揭牌仪式', start: '2019-07-02', venue: '520300' }]
	],
	[
		'dates a year-less day by a year opening a name without 年',
		'正文开始\n8月20日，2025江淮职业教育研讨会在合肥举行。',
		null,
		[{ name: '2025江淮职业教育研讨会', start: '2025-08-20', venue: '340100' }]
	],
	[
		'dates a year-less day by the year opening the name even when a period or another year is written later on the page',
		'正文开始\n6月3日，2023滨海职教论坛在某学院举行。市长出席。\n论坛提出落实《纲要（2021-2035年）》，对标2019年方案。',
		null,
		[{ name: '2023滨海职教论坛', start: '2023-06-03' }]
	],
	[
		'reads no head count from a slogan of persons (三位一体) in a meeting\'s sentence',
		'正文开始\n2023年6月3日，某职教论坛在某学院举行，与会嘉宾围绕“三位一体”格局参与研讨，另有五位一体布局发言。',
		null,
		[{ name: '某职教论坛', attendees: null }]
	],
	[
		'reads the event named before its sponsor clause (NAME由某单位承办，于DATE在VENUE举行)',
		'正文开始\n2022年某省中职学校教学能力比赛由某某学院承办，于5月6日在我校图书馆举行。\n2022年某市职教论坛由甲、乙联合主办，6月7日在某宾馆召开。',
		null,
		[
			{ name: '2022年某省中职学校教学能力比赛', start: '2022-05-06' },
			{ name: '2022年某市职教论坛', start: '2022-06-07' }
		]
	],
	[
		'names a contest by itself when the text reports one quoted item of it (大赛“某项”项目)',
		'正文开始\n2022年某省中职学校技能大赛“电梯安装与维修”项目由某某学院承办，于5月6日在我校实训楼举行。',
		null,
		[{ name: '2022年某省中职学校技能大赛', start: '2022-05-06' }]
	],
	[
		'reads an item of a contest reported without its contest as the contest the page names next to it',
		'正文开始\n昨日，第三届某某职业院校技能大赛进入决赛日。由某学院承办的“电子商务”赛项在天津某学院顺利结束。',
		null,
		[{ name: '第三届某某职业院校技能大赛' }]
	],
	[
		'reads items of a contest held at two colleges as the one contest the page names after them',
		'正文开始\n中职组网络布线赛项在太原某职业学院举行，该院选手获一等奖。\n乙学院承办的会计技能赛项在大同某学院举行。\n据悉，某省第九届职业院校技能大赛其余赛项仍在进行。',
		null,
		[{ name: '某省第九届职业院校技能大赛' }]
	],
	[
		'leaves a description of rank or size ending in 的 out of the name',
		'正文开始\n2023年5月3日，全省规格最高的中职学校班主任论坛在济南举行。',
		null,
		[{ name: '中职学校班主任论坛', start: '2023-05-03' }]
	],
	[
		'reads a dated visit a delegation pays (带队到某地开展调研) as an event held where it went',
		'新闻标题\n2024年3月5日，某职院院长带队到烟台市某产业园开展校企合作调研。双方举行座谈。',
		null,
		[{ name: '校企合作调研', start: '2024-03-05', venue: '370600' }]
	],
	[
		'names a visit by its title without the organiser, and places it where the group went next',
		'某市政协组织职业教育专题视察调研\n2019年4月2日，副主席率课题组开展视察调研。课题组深入烟台市某学院实地察看。',
		null,
		[{ name: '职业教育专题视察调研', start: '2019-04-02', venue: '370600' }]
	],
	[
		'reads a call on visitors (在某地会见某一行) as an event, and no research group or plan as a visit',
		'正文开始\n5月8日，某省厅主任在济南市会见了来访的某学院董事长一行。\n调研组报告已印发。学校将于下月赴青岛调研。',
		null,
		[{ name: '某省厅主任会见某学院董事长一行', venue: '370100' }]
	],
	[
		'reads a contest the lead reports only through the prizes won at it, dated by its name\'s year, not by the day the news was filed',
		'新闻标题\n记者6月2日获悉，在近日结束的2023年山东省中职学校技能大赛中，我市代表队获一等奖12个。全市共推荐40名教师、300多名学生参加竞赛。',
		null,
		// (the counts are the reporting city's teams: no head count of the contest)
		[{ name: '2023年山东省中职学校技能大赛', start: '2023', venue: '370000', attendees: null }]
	],
	[
		'reads no contest from prizes named in passing beyond the lead, nor from one without a year',
		'新闻标题\n' + '学校坚持产教融合，深化校企合作，提升育人质量。'.repeat(14) + '\n在2019年全国职业院校技能大赛中，学校获一等奖2项。在全省技能大赛中，学生获奖10项。',
		null,
		[]
	],
	[
		'lets the year opening a name without 年 beat the one other year a page without a date writes',
		'正文开始\n6月3日，2023滨海职教论坛在某学院举行。市长出席。\n会上回顾了2019年以后的工作。',
		null,
		[{ name: '2023滨海职教论坛', start: '2023-06-03' }]
	],
	[
		'reads a report occasion from its subtitle line',
		'凝心聚力 再创佳绩\n——在学院第二届教职工代表大会第三次会议上的工作报告\n院长 某某\n（2020年1月8日）\n各位代表：\n现在我代表学院作工作报告，请予审议。',
		null,
		[{ name: '学院第二届教职工代表大会第三次会议' }]
	],
	[
		'names a meeting of a division’s party committee after the division',
		'正文开始\n3月2日，甘肃省召开省委常委（扩大）会议，研究职业教育工作。',
		day('2016-03-03'),
		[{ name: '甘肃省省委常委(扩大)会议', start: '2016-03-02', venue: '620000' }]
	],
	[
		'does not report an event a clause prepares for (为…举行的…)',
		'正文开始\n4月2日，全省中职技能选拔赛在兰州开赛，同时为5月举行的全国职业院校技能大赛选拔选手。',
		day('2019-04-03'),
		[{ name: '全省中职技能选拔赛', start: '2019-04-02', venue: '620100' }]
	],
	[
		'does not take an organising committee joined by 暨 for a meeting',
		'正文开始\n5月16日，2021年全省职业教育活动周暨技能大赛组委会召开全体成员会议。',
		day('2021-05-20'),
		[{ name: '2021年全省职业教育活动周暨技能大赛组委会全体成员会议', start: '2021-05-16' }]
	],
	[
		'does not merge a short generic name into a long one that holds its characters',
		'正文开始\n3月5日，2019年全省中职学校技能大赛河北省选拔赛在保定开赛。4月9日，全国技能大赛在天津开幕。',
		day('2019-04-10'),
		[{ name: '2019年全省中职学校技能大赛河北省选拔赛', start: '2019-03-05' }, { name: '全国技能大赛', start: '2019-04-09' }]
	],
	[
		'reads the length of a meeting stated a few paragraphs on, blank lines not counting',
		'正文开始\n12月30日，全省职教学会第五次会员代表大会在福州开幕。\n\n\n\n省领导出席开幕式。\n\n\n\n会议为期两天。',
		day('2014-12-31'),
		[{ name: '全省职教学会第五次会员代表大会', start: '2014-12-30', end: '2014-12-31', venue: '350100' }]
	],
	[
		'reads quoted names: a stray opening quote, a quoted body before 成立大会, an abbreviation note',
		'正文开始\n6月26日，“2013年全国技能大赛“某某杯”机电赛项在天津举行。10月31日，在邢台召开了“冀中汽车职教联盟”成立大会。8月8日，首届全省职业院校技能大赛(简称“省校赛”)在石家庄开赛。',
		day('2013-11-02'),
		[
			{ name: '2013年全国技能大赛“某某杯”机电赛项', start: '2013-06-26', venue: '120000' },
			{ name: '“冀中汽车职教联盟”成立大会', start: '2013-10-31', venue: '130500' },
			{ name: '首届全省职业院校技能大赛', start: '2013-08-08', venue: '130100' }
		]
	],
	[
		'places a meeting held 在我市 in the city the document is about',
		'正文开始\n7月14日，第三届职教与城市发展对话会在我市开幕。乌兰察布市各界代表参加。',
		null,
		[{ name: '第三届职教与城市发展对话会', venue: '150900' }]
	],
	[
		'does not take a part after 暨 for a meeting of its own',
		'正文开始\n5月29日，“某地职教论坛暨某某集团第一届理事会”在北京召开。',
		day('2015-06-01'),
		[{ name: '某地职教论坛暨某某集团第一届理事会', start: '2015-05-29', venue: '110000' }]
	],
	[
		'keeps the region and year before a quoted event kind, and trims 为期…的',
		'正文开始\n11月8日，陕西省2020年“职业教育活动周”在西安启动。6月29日，为期一个月的2020年全省技能大赛在西安落下帷幕。',
		day('2020-11-10'),
		[{ name: '陕西省2020年“职业教育活动周”', start: '2020-11-08' }, { name: '2020年全省技能大赛', start: '2020-06-29' }]
	],
	[
		'does not report an event held since some year, nor a count of divisions holding contests',
		'正文开始\n我市从2006年开始举办中职技能大赛活动，规模逐年扩大。2008年，全国28个省都开展了省级比赛。',
		day('2020-11-10'),
		[]
	],
	[
		'dates an opening reported only in the headline by the date opening the first paragraph',
		'第五届校园技能文化节在某校开幕\n发布时间：2021-04-30\n4月28日上午，学校师生齐聚操场，各专业展示了实训成果。',
		day('2021-04-30'),
		[{ name: '第五届校园技能文化节', start: '2021-04-28' }]
	],
	[
		'drops the end of a byline before a name',
		'某报讯(记者 某某)2015“两岸职业教育论坛”12月18日在南昌开幕。',
		day('2015-12-19'),
		[{ name: '2015“两岸职业教育论坛”', start: '2015-12-18', venue: '360100' }]
	],
	[
		'reads a report occasion and its day from a subtitle ——DATE在…上',
		'某市职教社第三届社员代表大会工作报告\n——2023年12月20日在某市职教社第四次社员代表大会上\n各位代表：\n现在，我代表社务委员会向大会报告工作，请予审议。',
		null,
		[{ name: '某市职教社第四次社员代表大会', start: '2023-12-20' }]
	],
	[
		'reads a meeting held in some form (以视频会议形式) and a graduating class (2023届) in a name',
		'正文开始\n6月8日，第二届职教国际合作论坛以视频会议形式举行。6月9日，某职业学院举行2023届毕业典礼。',
		day('2023-06-10'),
		[{ name: '第二届职教国际合作论坛', start: '2023-06-08' }, { name: '2023届毕业典礼', start: '2023-06-09' }]
	],
	[
		'dates a meeting by its own clause, not by a later clause that announces another event',
		'正文开始\n记者从教育部在北京召开的新闻发布会上了解到，今年活动周将于5月7日至13日举行，10余位代表作了发言。',
		null,
		[{ name: '教育部新闻发布会', start: null, venue: '110000', attendees: null }]
	],
	[
		'does not take a clause announcing an event for its name, nor a clause continuing a plan',
		'正文开始\n5月20日，州长出席启动仪式并宣布活动周正式启动。活动周期间，全省院校将开放实训室，举办行业前景论坛，在兰州展示成果。',
		day('2022-05-21'),
		[]
	],
	[
		'reads the ceremony of something opened and attended',
		'正文开始\n2019年3月5日，某理工大学鲁班工坊正式启用，天津市教委负责人出席仪式并致辞，近200名师生参加。',
		null,
		[{ name: '某理工大学鲁班工坊启用仪式', start: '2019-03-05', attendees: 200 }]
	],
	[
		'reads an event after 举行了 when the clause before names a work plan, not a plan to hold it',
		'正文开始\n3月2日，联盟在邯郸召开会议，审议了2023年工作计划，举行了“某某职教集团成立”揭牌仪式。',
		day('2023-03-03'),
		[{ name: '“某某职教集团成立”揭牌仪式', start: '2023-03-02' }]
	],
	[
		'sharpens a provincial venue by a 在-place of the sentence before in the same paragraph, and reads no head count of those who will take part',
		'正文开始\n4月3日，在河北省保定市某技工学校的车间内，焊工们正在比赛。2019年河北省中职技能选拔赛开赛，268名选手将参加比赛。',
		day('2019-04-04'),
		[{ name: '2019年河北省中职技能选拔赛', venue: '130600', attendees: null }]
	],
	[
		'does not take a description of events (…项目的比赛) for a name',
		'正文开始\n其中，4月1日至4日举行焊接、电工两个项目的比赛。',
		day('2019-04-05'),
		[]
	],
	[
		'reads an event reported as 启幕 or 拉开序幕 (verbs of opening besides 开幕)',
		'新闻标题\n6月3日，2024年某某市职业教育活动周启动仪式在某某公园启幕。\n9月9日，第二届滨海职业教育论坛在青岛拉开序幕。',
		day('2024-09-10'),
		[
			{ name: '2024年某某市职业教育活动周启动仪式', start: '2024-06-03' },
			{ name: '第二届滨海职业教育论坛', start: '2024-09-09', venue: '370200' }
		]
	],
	[
		'reads a contest reported by its end (圆满结束) and runs a later duration back from that day',
		'新闻标题\n2023年4月20日，第三届某某职业院校技能大赛在某某学院圆满结束。\n本次大赛为期3天，共设8个赛项。',
		null,
		[{ name: '第三届某某职业院校技能大赛', start: '2023-04-18', end: '2023-04-20' }]
	],
	[
		'counts the people who gather (齐聚一堂, 汇聚) as attendees',
		'新闻标题\n3月2日，某某职教联盟成立大会在保定召开。\n联盟成员单位负责人等120余人齐聚一堂。',
		day('2023-03-03'),
		[{ name: '某某职教联盟成立大会', attendees: 120 }]
	],
	[
		'reads a head count of contestants named after where they come from (共N位来自…的选手)',
		'新闻标题\n5月6日，第一届某某杯技能大赛在某某学院举行。共36位来自甲学院、乙学院和丙学校的选手同场竞技。',
		day('2023-05-07'),
		[{ name: '第一届某某杯技能大赛', attendees: 36 }]
	],
	[
		'dates a meeting reported a day later in the page\'s year, though its name writes the year of the season it prepares',
		'2021年全市中职技能竞赛赛前培训会召开\n发布时间：2022-03-10\n3月9日上午，2021年全市中职技能竞赛赛前培训会在洛阳召开。',
		day('2022-03-10'),
		[{ name: '2021年全市中职技能竞赛赛前培训会', start: '2022-03-09', venue: '410300' }]
	],
	[
		'names a contest without the count of its items (某大赛“甲”“乙”等三个赛项; 模拟 in an item is no plan, 拟) and reads no event from a list of items a school hosts',
		'新闻标题\n发布日期：2022-04-12\n4月11日，2022年某省职业院校技能大赛“汽车维修”“沙盘模拟经营”等三个赛项在某某职业学院开赛。某某学校承办了汽车维修、电子商务、茶艺三个赛项。',
		day('2022-04-12'),
		[{ name: '2022年某省职业院校技能大赛', start: '2022-04-11' }]
	],
	[
		'reads no event from a description counting schools (5所学校的授牌仪式)',
		'新闻标题\n5月9日，某区职业教育活动周启动仪式在某某广场举行。仪式上还举行了6所学校的授牌仪式。',
		day('2022-05-10'),
		[{ name: '某区职业教育活动周启动仪式', start: '2022-05-09' }]
	],
	[
		'dates an event by the day opening its paragraph when a semicolon split the sentence, not a follow-on event after it',
		'新闻标题\n发布时间：2024-06-20\n6月18日，由甲厅、乙厅主办；某某学院承办的第三届中部职业教育交流会在武汉召开。随后举行了某某专题研讨会。',
		day('2024-06-20'),
		[{ name: '第三届中部职业教育交流会', start: '2024-06-18', venue: '420100' }]
	],
	[
		'reads a head count near a name quoting a plan’s word (“某某计划”大赛), and dates it by 当日 after the day before',
		'新闻标题\n5月6日，选手在参加茶艺项目的决赛。\n当日，第三届某市“启明计划”职业院校技能大赛决赛开赛，约90名选手参加了决赛。',
		day('2023-05-06'),
		[{ name: '第三届某市“启明计划”职业院校技能大赛决赛', start: '2023-05-06', attendees: 90 }]
	],
	[
		'reads a contest whose date follows a mistyped year (于201年5月6日-8日), and its later 大赛开幕式 as its opening',
		'某省中职技能大赛2019年春季学期某省中职学校技能大赛于201年5月6日-8日在包头市举办\n5月6日上午，大赛开幕式在包头市某学校举行，共1200人参赛',
		null,
		[{ name: '某省中职技能大赛2019年春季学期某省中职学校技能大赛', start: '2019-05-06', end: '2019-05-08', venue: '150200', attendees: 1200 }]
	],
	[
		'dates a meeting held at a known place by the day opening the article when nothing else is dated between, but not one of another year',
		'新闻标题\n2018年9月5日，某副省长到某市职教中心调研。\n调研组参观了实训基地。\n随后，调研组在学校会议室召开了唐山市职业教育工作座谈会。\n此前，2017年全省职业教育现场会在唐山市举行。',
		null,
		[
			// (the dated visit is an event of its own: 到某地调研)
			{ name: '某副省长到某市职教中心调研', start: '2018-09-05' },
			{ name: '唐山市职业教育工作座谈会', start: '2018-09-05', venue: '130200' },
			{ name: '2017年全省职业教育现场会', start: '2017', venue: '130200' }
		]
	],
	[
		'reads two quoted events joined by 及 as two meetings',
		'新闻标题\n2023年8月3日，由某厅主办的“第三届中国-东盟职教论坛”及“东西部协作推进会”在张掖召开。',
		null,
		[
			{ name: '第三届中国-东盟职教论坛', start: '2023-08-03', venue: '620700' },
			{ name: '东西部协作推进会', start: '2023-08-03', venue: '620700' }
		]
	],
	[
		'prefixes a short ceremony with the quoted body holding it (“某共同体”在某地举行筹建启动仪式)',
		'新闻标题\n2024年10月9日，五家单位共同牵头的“华南智能制造产教融合共同体”在广州举行筹建启动仪式。',
		null,
		[{ name: '“华南智能制造产教融合共同体”筹建启动仪式', start: '2024-10-09', venue: '440100' }]
	],
	[
		'runs a closing day back by the days the contestants spent (经过3天激烈角逐) stated in a later paragraph',
		'新闻标题\n本报讯 11月20日，某省第三届职业技能大赛在武汉落幕。\n来自各地的800余名选手经过3天激烈角逐，决出了全部奖牌。',
		day('2024-11-21'),
		[{ name: '某省第三届职业技能大赛', start: '2024-11-18', end: '2024-11-20', attendees: 800 }]
	],
	[
		'reads no event from a clause describing one (X是…以来，某部门召开的第一次…大会)',
		'新闻标题\n5月6日，某市职业教育论坛在某市举行。他指出，这次大会是建市以来，市委、市政府召开的第一次全市职业教育大会。',
		day('2022-05-07'),
		[{ name: '某市职业教育论坛', start: '2022-05-06' }]
	],
	[
		'reads no head count from a registration counter at the foot of the page (已有N人成功报名)',
		'新闻标题\n5月20日，全国职业教育高地建设交流会在济南举行。\n会上，各地代表作了交流发言。\n已有812人已成功报名！',
		day('2021-05-22'),
		[{ name: '全国职业教育高地建设交流会', attendees: null }]
	],
	[
		'tells 今天 from the news dateline’s day, not the page’s date a day later',
		'新闻标题\n\n首页 > 新闻\n\n    本报保定5月9日讯(记者 某某)今天，某省职业教育工作会议在保定召开。',
		day('2024-05-10'),
		[{ name: '某省职业教育工作会议', start: '2024-05-09', venue: '130600' }]
	],
	[
		'reads no held event from a headline announcing a month still to come (某大赛6月在津举办 on a page of April)',
		'某省职业院校技能大赛6月在津举办\n发布时间：2012年04月10日\n教育部近日发出通知，决定于2012年6月20日至24日在天津举办某省职业院校技能大赛。',
		day('2012-04-10'),
		[]
	],
	[
		'gives a side exhibition the venue of the forum holding it (论坛还举办了某成果展)',
		'新闻标题\n2023年6月18日，第五届两岸职业教育论坛在厦门开幕。\n论坛还举办了闽台职业教育成果展，多所院校师生参加。',
		null,
		[
			{ name: '第五届两岸职业教育论坛', venue: '350200' },
			{ name: '闽台职业教育成果展', venue: '350200' }
		]
	],
	[
		'does not end a contest opened on a day by a later range still planned for one of its items (将在…至…日)',
		'新闻标题\n4月8日上午，2018年某市职业院校技能大赛某校赛区在该校开赛。\n来自各校的30支代表队将在4月8至9日参加焊接项目的角逐。',
		day('2018-04-09'),
		[{ name: '2018年某市职业院校技能大赛某校赛区', start: '2018-04-08', end: '2018-04-08' }]
	],
	[
		'reads the total of the page’s last meeting stated many paragraphs on (参赛选手总数达N人)',
		'新闻标题\n4月2日上午，2019年某区职业院校技能大赛在某某学院开幕。\n第二段。\n第三段。\n第四段。\n第五段。\n据了解，本届大赛共有80所院校参赛，参赛选手总数达1520人。',
		day('2019-04-03'),
		[{ name: '2019年某区职业院校技能大赛', attendees: 1520 }]
	],
	[
		'keeps an undated meeting held 在我市 but reads none from an achievement listed in passing (市政府召开全市职业教育大会，出台…)',
		'新闻标题\n本报讯 第三届某某职业教育论坛在我市开幕，邯郸市副市长出席。\n副市长指出，近年来我市坚持统筹发展，市政府召开全市职业教育大会，出台了实施方案。',
		null,
		[{ name: '第三届某某职业教育论坛', venue: '130400' }]
	],
	[
		'reads no event from the categories of a contest a school hosts (承办信息技术类、土木水利类赛项竞赛)',
		'新闻标题\n4月12日，2021年某省职业院校技能大赛在某某学院开赛。据了解，本次大赛由省教育厅主办，某某学院承办信息技术类、土木水利类赛项竞赛。',
		day('2021-04-13'),
		[{ name: '2021年某省职业院校技能大赛', start: '2021-04-12' }]
	],
	[
		'dates a year-less day on a page without a date of its own by the one year it writes, not by a year opening a period',
		'新闻标题\n5月25日，某市职业院校技能大赛在某某学校开幕。\n校长致辞并宣布2024年某市职业院校技能大赛开幕。\n2010年至今，学校已承办多届比赛。',
		null,
		[{ name: '2024年某市职业院校技能大赛', start: '2024-05-25' }]
	],
	[
		'places an event at an institution named by its province in the one city of that province the page names, not when it names several',
		'新闻标题\n2024年12月20日，某省职教学会年会在黑龙江某某职业技术学院举行。佳木斯市副市长出席并致辞。',
		null,
		[{ name: '某省职教学会年会', venue: '230800' }]
	],
	[
		'leaves the city open when the page names two cities of the province',
		'新闻标题\n2024年12月20日，某省职教学会年会在黑龙江某某职业技术学院举行。佳木斯市、哈尔滨市代表出席。',
		null,
		[{ name: '某省职教学会年会', venue: '230000' }]
	]
];

describe('findMeetings', () => {
	it.each(cases)('%s', (_name, text, published, expected) => {
		const got = meetings(text, published);
		expect(got).toHaveLength(expected.length);
		expected.forEach((e, i) => {
			const m = got[i]!;
			if (e.name !== undefined) expect(m.name).toBe(e.name);
			if (e.start !== undefined) expect(m.date?.start ?? null).toBe(e.start);
			if (e.end !== undefined) expect(m.date?.end ?? null).toBe(e.end);
			if (e.venue !== undefined) expect(m.venueCode).toBe(e.venue);
			if (e.attendees !== undefined) expect(m.attendees).toBe(e.attendees);
		});
	});

	it('matches a headline in Traditional characters with its body mention', () => {
		const got = meetings('某行業首個職教集團在雙鴨山市召開成立大會\n7月8日，全國某某職業教育集團成立大會在雙鴨山市召開。', day('2015-07-09'));
		expect(got.map((m) => [m.name, m.date?.start])).toEqual([['全國某某職業教育集團成立大會', '2015-07-08']]);
	});

	it('merges the title and body mentions of one meeting, keeping the longer name', () => {
		const got = meetings('全省职教学会年会暨理事会议在南昌召开\n发布日期：2022-11-20\n11月18日，全省职教学会年会在南昌召开。', day('2022-11-20'));
		expect(got.map((m) => [m.name, m.date?.start])).toEqual([['全省职教学会年会暨理事会议', '2022-11-18']]);
	});

	it('reads the first held events of a run-on line and no more than a sentence can hold', () => {
		const districts = ['东城区', '西城区', '朝阳区', '海淀区', '丰台区', '石景山区', '门头沟区', '房山区', '通州区', '顺义区'];
		const line = Array.from({ length: 40 }, (_, i) => `5月${(i % 28) + 1}日第${i + 1}届${districts[i % 10]}职业教育论坛在北京市${districts[i % 10]}召开`).join('，');
		const got = meetings(`标题\n${line}`, day('2024-05-01'));
		expect(got.length).toBeGreaterThan(20);
		expect(got.length).toBeLessThanOrEqual(32);
		expect(got.slice(0, 2).map((m) => m.name)).toEqual(['第1届东城区职业教育论坛', '第2届西城区职业教育论坛']);
	});
});

describe('meetingVenue', () => {
	it('resolves the venue code through the given resolver', () => {
		const resolve = (code: string) => (code === '340100' ? { province: '安徽省', city: '合肥市', county: null } : null);
		expect(meetingVenue({ venueCode: '340100' }, resolve)).toEqual({ province: '安徽省', city: '合肥市', county: null });
		expect(meetingVenue({ venueCode: null }, resolve)).toEqual({ province: null, city: null, county: null });
	});
});

describe('findMeetings: a fourth unseen sample', () => {
	it('reads a city by its one-character short name in the 在 slot (在兰举行) on a page that names its province, and keeps it over the body’s province', () => {
		const got = meetings('某信息职教集团成立大会在兰举行\n10月16日，某信息职教集团成立大会在甘肃省某学院召开。', null);
		expect(got.map((m) => m.venueCode)).toEqual(['620100']);
		expect(meetings('新闻标题\n某职教论坛在兰举行，各校代表出席。', null).map((m) => m.venueCode)).toEqual([]);
	});

	it('dates a day that a dateline gave the page’s year by that year, not by a 年度 year in the name', () => {
		const got = meetings('新闻标题\n某报2月10日讯 2月10日，2022年度某市职业院校技能竞赛在某技师学院开幕。', day('2023-02-11'));
		expect(got.map((m) => m.date?.start)).toEqual(['2023-02-10']);
	});

	it('does not cut a name at a space inside its quotes', () => {
		const got = meetings('新闻标题\n4月22日，第三届某技能大赛"迎赛事 展风采"系列活动启动仪式在郑州举行。', day('2025-04-23'));
		expect(got.map((m) => m.name)).toEqual(['第三届某技能大赛"迎赛事 展风采"系列活动启动仪式']);
	});
});

describe('findMeetings: periods and local bodies on a fourth unseen sample', () => {
	it('dates events held during the contest reported before them (比赛期间还召开了…) by the contest’s days', () => {
		const got = meetings('新闻标题\n7月3日至5日，某市第七届中职学校技能大赛在某理工学校举行。比赛期间还召开了某职教一体化座谈会、某市中职工作座谈会。', day('2021-07-10'));
		expect(got.map((m) => [m.date?.start, m.date?.end])).toEqual([
			['2021-07-03', '2021-07-05'],
			['2021-07-03', '2021-07-05'],
			['2021-07-03', '2021-07-05']
		]);
	});

	it('places a visit to a body named by 市 alone (来到市教育局) in the page’s own city', () => {
		const got = meetings('新闻标题\n7月2日下午，南昌市政协副主席某某、南昌市某协会会长某某一行来到市教育局专题调研职业教育工作。', day('2021-07-05'));
		expect(got.map((m) => m.venueCode)).toEqual(['360100']);
	});
});

describe('findMeetings: events reported by their launch or by taking part, on a fourth unseen sample', () => {
	it('reads an activity week launched with a quoted theme holding a comma (启动以“甲，乙”为主题的…活动周)', () => {
		const got = meetings('新闻标题\n5月8日下午，我州在州职教园区启动以“匠心筑梦，技能成才”为主题的2018年职业教育活动周。', day('2018-05-09'));
		expect(got.map((m) => [m.name, m.date?.start])).toEqual([['2018年职业教育活动周', '2018-05-08']]);
		expect(meetings('新闻标题\n5月8日，学校启动某某实训工程建设。', day('2018-05-09'))).toEqual([]);
	});

	it('reads an event the lead reports the writer taking part in, its quoted name dated by its year', () => {
		const got = meetings('新闻标题\n近日，某职业学院受邀参加 "2025 职业教育某某对话会"，并签署合作协议。本次盛会吸引了近500名嘉宾齐聚一堂。', null);
		expect(got.map((m) => [m.name, m.date?.start, m.attendees])).toEqual([['2025职业教育某某对话会', '2025', 500]]);
		// (参加“某论坛”的嘉宾: the event describes who is reported on)
		expect(meetings('新闻标题\n7月7日，受邀参加“2016某某发展论坛”的多位嘉宾前往某校参观。', null)).toEqual([]);
	});
});

describe('findMeetings: head counts on a fourth unseen sample', () => {
	it('does not read a named school’s team (某学院学生组3名选手) as the head count of the contest', () => {
		const got = meetings('新闻标题\n6月5日，某省第九届职业院校技能大赛某赛项在某职业技术学院举行。\n在花艺比赛中，某林业职业技术学院学生组3名选手全部获奖。', day('2021-06-06'));
		expect(got.map((m) => m.attendees)).toEqual([null]);
	});
});

describe('findMeetings: a school’s own venue', () => {
	it('places an event held 在我校 in the city the school’s page names most, within the event’s province', () => {
		const got = meetings('新闻标题\n1月5日，2018年四川省中职学生技能大赛某赛项开幕式在我校举行。成都市教育局、青白江区教育局领导出席。此次大赛在我校举办，是对青白江区职业教育的肯定。', day('2018-01-06'));
		expect(got.map((m) => m.venueCode)).toEqual(['510100']);
	});
});

describe('findMeetings: the day of an opening named by the event’s kind', () => {
	it('dates the page’s one event, known only to its year, by the day its opening is given (12月5日赛事开幕当天)', () => {
		const got = meetings('2025某省职业院校技能大赛三个赛项在我校举行\n2025某省职业院校技能大赛三个赛项在我校顺利举行。\n12月5日赛事开幕当天，领导嘉宾出席开幕式。', day('2025-12-08'));
		expect(got.map((m) => m.date?.start)).toEqual(['2025-12-05']);
	});
});

describe('findMeetings: events after a ceremony', () => {
	it('dates an event held after the ceremony reported before it (启动仪式后举办了…) by that ceremony’s day', () => {
		const got = meetings('新闻标题\n5月20日，某县职业教育活动周启动仪式在某中学举行。启动仪式后举办了县域产业学院发展论坛，专家作主题报告。', day('2025-05-21'));
		expect(got.map((m) => m.date?.start)).toEqual(['2025-05-20', '2025-05-20']);
	});
});

describe('findMeetings in a notice announcing an event', () => {
	it('reports none of the plan it describes, but an earlier event said to have taken place', () => {
		const text = '某厅关于举办2031年全省职业院校创新大赛的通知\n各有关学校：\n大赛分赛区比赛将在6月中旬完成，大赛闭幕式在南京举行。2030年5月10日，第五届全省职业院校创新大赛已在苏州圆满举行。';
		const found = meetings(text, day('2031-04-20'));
		expect(found.map((m) => m.name)).not.toContain('大赛闭幕式');
		expect(found.some((m) => m.date?.start === '2030-05-10')).toBe(true);
	});
});

describe('findMeetings of an event the writer attended, named without quotes', () => {
	it('takes the event a sentence opening with its day reports attended', () => {
		const found = meetings('新闻标题\n为深化合作，代表团赴外地考察。\n5月12日，校长随团出席某县代表团与某公司的合作座谈会，双方签订了协议。', day('2031-05-20'));
		expect(found.map((m) => [m.name, m.date?.start])).toEqual([['某县代表团与某公司的合作座谈会', '2031-05-12']]);
	});
	it('takes none that is planned', () => {
		expect(meetings('新闻标题\n5月12日，校长将出席某县与某公司的合作座谈会，商谈协议。', day('2031-05-01'))).toEqual([]);
	});
});

describe('findMeetings of an unveiling reported by its day', () => {
	it('takes the ceremony of what a day-opened sentence says was unveiled somewhere', () => {
		const found = meetings('新闻标题\n9月3日，北山智能制造实训中心在某职业学院揭牌启用。中心将服务本地企业。', day('2031-09-05'));
		expect(found.map((m) => [m.name, m.date?.start])).toEqual([['北山智能制造实训中心揭牌仪式', '2031-09-03']]);
	});
	it('takes none when the unveiling is planned', () => {
		expect(meetings('新闻标题\n9月3日，北山智能制造实训中心将在某职业学院揭牌启用。', day('2031-09-01'))).toEqual([]);
	});
});

describe('findMeetings of a contest the lead reports reaching its finals', () => {
	it('takes the contest as held, dated by its sentence', () => {
		const found = meetings('新闻标题\n昨天开始，第三届某市“春风杯”职业院校技能大赛进入决赛阶段的角逐。', day('2031-04-10'));
		expect(found.map((m) => [m.name, m.date?.start])).toEqual([['第三届某市“春风杯”职业院校技能大赛', '2031-04-09']]);
	});
	it('takes no team that reaches the finals of a contest for the contest', () => {
		expect(meetings('新闻标题\n我校代表队在比赛中表现出色，顺利进入决赛。', day('2031-04-10'))).toEqual([]);
	});
});

describe('findMeetings dated by a bare day of the month', () => {
	it('keeps an event a sentence opening with its day reports, without month, year or venue', () => {
		const found = meetings('新闻标题\n9日上午，记者从省教育厅举行的新闻发布会上获悉，活动周下月启动。', null);
		expect(found.map((m) => [m.name, m.date])).toEqual([['省教育厅新闻发布会', null]]);
	});
});
