import { describe, expect, it } from 'vitest';
import { findMetrics } from './metrics.ts';

const run = (text: string, year: number | null = null) => findMetrics(text, [{ start: 0, end: text.length }], { year });

describe('findMetrics: figures', () => {
	const cases: Array<[string, string, number, string, string, string]> = [
		['reads 150余人 as 150 人, over, participation', '本次研讨会共150余人参加。', 150, '人', 'over', 'participation'],
		['reads 约300名 as about', '约300名选手参加了决赛。', 300, '名', 'about', 'participation'],
		['reads 2.7万多人次 of trainees as 27000, over, training', '全年累计参训教师2.7万多人次。', 27000, '人次', 'over', 'training'],
		['folds 万 into money: 3000万元 → 30000000 元', '市财政投入专项资金3000万元。', 30000000, '元', 'exact', 'other'],
		['reads 近500万元 as nearly', '带动企业投资近500万元。', 5000000, '元', 'nearly', 'other'],
		['reads 45%以上 as a rate, atLeast', '毕业生对口就业率保持在45%以上。', 45, '%', 'atLeast', 'rate'],
		['reads 百分之七十 as a rate', '双师型教师占比达到百分之七十。', 70, '%', 'exact', 'rate'],
		['reads 1.5倍 as a rate', '报名人数是去年的1.5倍。', 1.5, '倍', 'exact', 'rate'],
		['reads countries abroad as international', '来自15个国家的代表出席论坛。', 15, '个', 'exact', 'international'],
		['reads 课题 as research', '全年立项省级课题28项。', 28, '项', 'exact', 'research'],
		['reads 论文 as publication', '教师发表论文86篇。', 86, '篇', 'exact', 'publication'],
		['reads 场 of contests as event', '全年举办技能比赛12场。', 12, '场', 'exact', 'event'],
		['counts 举办9届 as events held', '该联盟已连续举办9届教学能力比赛。', 9, '届', 'exact', 'event'],
		['reads 基地 as institution', '全区建成产教融合实训基地21个。', 21, '个', 'exact', 'institution'],
		['reads 专业 as program', '学院现开设专业42个。', 42, '个', 'exact', 'program'],
		['reads 门 of courses as program', '建成在线精品课程35门。', 35, '门', 'exact', 'program'],
		['reads schools taking part as participation', '全市23所学校参加了展演。', 23, '所', 'exact', 'participation'],
		['reads 数百人次 as 100, over', '组织数百人次专家参与评审。', 100, '人次', 'over', 'participation'],
		['reads Chinese numerals: 一千二百名', '一千二百名学生参加了开幕式。', 1200, '名', 'exact', 'participation'],
		['reads 四家单位 作交流发言 as participation', '会上，四家单位作了交流发言。', 4, '家', 'exact', 'participation'],
		['reads prizes as other', '大赛共评出一等奖36个。', 36, '个', 'exact', 'other'],
		['reads teams as participation', '全省共有42支代表队参赛。', 42, '支', 'exact', 'participation'],
		['reads contest items as events', '本届大赛共设赛项18个。', 18, '个', 'exact', 'event'],
		['reads classes of majors as programs in a contest', '大赛设置专业类别12个。', 12, '个', 'exact', 'program'],
		['reads venues as other', '大赛共设比赛赛点6个。', 6, '个', 'exact', 'other'],
		['reads library holdings as other', '学院馆藏图书52万册。', 520000, '册', 'exact', 'other'],
		['reads bodies forming a group as institutions', '由30余家企业和院校共同组建职教集团。', 30, '家', 'over', 'institution'],
		['reads visits abroad as international', '全年组织出境考察12批。', 12, '批', 'exact', 'international'],
		['reads 港澳台 delegations as international', '接待港澳台团组25批。', 25, '批', 'exact', 'international'],
		['reads teaching hours of training as training', '非学历培训时长达3200学时。', 3200, '学时', 'exact', 'training'],
		['reads a name with 计划 as no plan', '“双高计划”院校到款额达520万元。', 5200000, '元', 'exact', 'other'],
		['reads 将 as an object marker', '先后将三所中专学校并入学院。', 3, '所', 'exact', 'institution'],
		['reads 系 as departments', '学院现设6系。', 6, '系', 'exact', 'institution'],
		['reads 部 after a college’s 系 as departments too', '学院下设四系两部。', 2, '部', 'exact', 'institution'],
		['reads parents among people at an event as participation', '近2000名学生、家长和市民到场参与。', 2000, '名', 'nearly', 'participation'],
		['reads households reached as other', '带动4万多个贫困家庭脱贫。', 40000, '个', 'over', 'other']
	];
	it.each(cases)('%s', (_name, text, value, unit, qualifier, category) => {
		const found = run(text);
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ value, unit, qualifier, category });
		expect(found[0].text.length).toBeLessThanOrEqual(40);
	});

	it('reports 由25%提升到60% as two rates', () => {
		expect(run('合格率由25%提升到60%。').map((m) => m.value)).toEqual([25, 60]);
	});

	it('records a decrease as its positive size', () => {
		expect(run('学校总数比上年减少6所。')[0]).toMatchObject({ value: 6, unit: '所' });
	});

	it('reports a figure repeated in the same words once', () => {
		expect(run('共培训教师800人次。会上通报：共培训教师800人次。')).toHaveLength(1);
	});

	it('marks running totals as cumulative and reads the anchoring year', () => {
		const [m] = run('截至2022年底，累计培训农民工1.2万人次。');
		expect(m).toMatchObject({ value: 12000, cumulative: true, year: 2022 });
	});

	it('resolves 今年 with the document year', () => {
		expect(run('今年新增实训基地6个。', 2021)[0].year).toBe(2021);
	});
});

describe('findMetrics: not metrics', () => {
	it.each([
		['dates and years', '2021年5月12日召开大会。'],
		['ordinals', '第五届技能节开幕。'],
		['document numbers', '根据苏教职〔2020〕7号文件精神。'],
		['phone and record numbers', '联系电话0531-12345678，备案号12345678号。'],
		['page-view counters', '浏览次数：356次'],
		['slogans with 个', '增强四个意识，做到两个维护。'],
		['slogans with 大', '实施五大行动、十大载体。'],
		['a numbered policy in quotes', '“职教20条”印发以来成效明显。'],
		['the speaker outline', '下面，我讲三点意见。'],
		['the speaker outline in 方面', '从五个方面谈谈体会。'],
		['planned targets', '预计到明年底建成实训基地30个。'],
		['targets with 力争', '力争建成高水平专业群10个。'],
		['ages', '学员平均年龄35岁。'],
		['times of day', '活动于上午9点30分开始。'],
		['a number used as an article', '学院建成一个实训中心。'],
		['a threshold in a definition', '规模在50人以上的企业需报备。'],
		['a 3+X formula', '推行“3+X”培养模式。'],
		['a named goal with 个', '助力建设12个强国目标。'],
		['a policy name with Chinese numerals', '坚持一体两翼，做到七个好。'],
		['an ICP record number', '浙ICP备05012345号-1'],
		['a page-view counter with 阅读量', '阅读量:4514'],
		['a duration in months', '工坊在不到四个月时间内建成。'],
		['部分 as a word', '座谈会分两部分进行。'],
		['an outline of things to do', '今年要做好两件事。'],
		['二元制 as a word', '推行二元制人才培养模式改革。'],
		['provinces just named', '粤黔两省合作成效明显，大赛跨两省市举办。'],
		['a party congress', '深入学习党的二十届三中全会精神。'],
		['a session number', '召开教代会第三届四次会议。'],
		['an outline spelled out in brackets', '做到两个扩大(扩大招生对象、扩大招生范围)。'],
		['a name that holds 计划 as a noun', '来自各计划单列市的代表出席。'],
		['divisions counted inside a meeting name', '出席边境四省教育工作磋商会。'],
		['a council term and session', '学会四届三次会议在京召开。'],
		['a journal issue after its year', '刊于《职教论坛》2011年12期。'],
		['a numbered policy in straight quotes', '落实国务院"职教20条"的重要举措。']
	])('ignores %s', (_name, text) => {
		expect(run(text)).toEqual([]);
	});
});

describe('findMetrics: mechanisms read on unseen pages', () => {
	const one = (text: string) => {
		const found = run(text);
		expect(found).toHaveLength(1);
		return found[0];
	};

	it('does not read 拟 inside 模拟 as a plan', () => {
		expect(one('“模拟驾驶”等三个赛项在市体育馆开赛。')).toMatchObject({ value: 3, unit: '个', category: 'event' });
	});

	it('does not read an effort already made (积极争取，) as a plan', () => {
		expect(one('经多方争取，学校派出8名选手参赛。')).toMatchObject({ value: 8, category: 'participation' });
	});

	it('still reads 拟 and 争取 before an aim as plans', () => {
		expect(run('学院拟新建实训基地5个。')).toEqual([]);
		expect(run('学院争取建成示范专业4个。')).toEqual([]);
	});

	it('reads a lone 十 before a measure word', () => {
		expect(one('由市教育局等十部门联合主办。')).toMatchObject({ value: 10, unit: '部门', subject: '部门', category: 'participation' });
		expect(one('全年培训十万人次。')).toMatchObject({ value: 100000, unit: '人次' });
		expect(run('这件事十分重要。')).toEqual([]);
	});

	it('reads departments that hold an event together as taking part', () => {
		expect(one('市委宣传部等九部门在会展中心举办了开幕式。')).toMatchObject({ value: 9, category: 'participation', subject: '部门' });
	});

	it('keeps two single-digit figures of different subjects', () => {
		expect(run('学院获省级奖项5个。学生组共获二等奖5个。').map((m) => m.subject)).toEqual(['学院获省级奖项', '二等奖']);
	});

	it('still reports a larger figure said again in other words once', () => {
		expect(run('全市共有中职学校16所。目前16所学校均已开设实训课。')).toHaveLength(1);
	});

	it('never reads schools (所, 家) as research or publications', () => {
		expect(one('全市共有42所学校的整改方案通过验收。').category).toBe('institution');
	});

	it('reads bodies listed after 来自 as taking part across the list', () => {
		const found = run('本届大赛共有来自全省14所本科院校、9所高职院校，61所中职学校、12所技工学校，共计2300名学生同场比拼。');
		expect(found.map((m) => [m.value, m.category])).toEqual([
			[14, 'participation'],
			[9, 'participation'],
			[61, 'participation'],
			[12, 'participation'],
			[2300, 'participation']
		]);
	});

	it('reads people of a contest as contestants, and winners as other', () => {
		expect(one('本届比赛共有900多名中职生进入决赛。').category).toBe('participation');
		expect(one('在省赛中，12名学生获一等奖。').category).toBe('other');
	});

	it('reads bodies that set up a group together as institutions', () => {
		expect(run('由两所大学和3家企业共同牵头筹建产业学院。').map((m) => m.category)).toEqual(['institution', 'institution']);
	});

	it.each([
		['三位一体 as a slogan', '构建三位一体的育人格局。'],
		['an office named by its number', '省政府办公厅综合八处处长陪同调研。'],
		['what a speaker asks for (要在…)', '会议要求，要在统筹两类大赛中体现全局意识。']
	])('ignores %s', (_name, text) => {
		expect(run(text)).toEqual([]);
	});

	it('keeps two figures near a span start apart (their windows overlap)', () => {
		expect(run('全省14个市、13个县参加。').map((m) => m.subject)).toEqual(['市', '县']);
	});

	it('reads items of a contest decided by 角逐 as events', () => {
		expect(run('各队经过激烈角逐，决出了30个项目的金牌。')[0]).toMatchObject({ value: 30, category: 'event' });
	});

	it('ignores the two countries just named (中德两国)', () => {
		expect(run('深化中德两国在职业教育领域的合作。')).toEqual([]);
	});

	it('keeps two-digit figures of subjects that share no word apart, and one said again in other words once', () => {
		expect(run('全市拥有中职学校25所。现已建成25所省级示范校。').map((m) => m.subject)).toEqual(['中职学校', '省级示范校']);
		expect(run('全区建有16所高等院校。全区建有16所联盟成员院校。')).toHaveLength(1);
	});

	it('reads 到 a past year-end as the date of a count, a later year as a target', () => {
		expect(run('到2017年年末，全省共有中职学校277所。', 2018)).toHaveLength(1);
		expect(run('到2017年年末，全省共有中职学校277所。', null)).toHaveLength(1);
		expect(run('到2025年，全省建成示范校30所。', 2021)).toEqual([]);
		expect(run('2023年底前建设联合体50家左右。', 2023)).toEqual([]);
	});

	it('reads a plan word at the start of a clause longer than the window', () => {
		const items = Array.from({ length: 12 }, (_, i) => `第${i + 1}场专题交流会`).join('、');
		expect(run(`会议将举办${items}等12项活动。`)).toEqual([]);
	});

	it('does not read 国际 in a body’s name or a rank as abroad', () => {
		expect(one('某国际交流协会负责人及100多个职教组织代表参加会议。').category).toBe('participation');
		expect(run('23家单位就共建国际级技能大师工作室进行签约。')[0].category).not.toBe('international');
	});

	it('reads members of a group as institutions', () => {
		expect(run('联合体成员单位包括20多所院校、24家科研机构以及上千家企业。').map((m) => [m.value, m.category, m.subject])).toEqual([
			[20, 'institution', '院校'],
			[24, 'institution', '科研机构'],
			[1000, 'institution', '企业']
		]);
	});

	it.each([
		['a score threshold (200分以上者)', '成绩在200分以上者获得证书。'],
		['a comment counter', '192条评论'],
		['a registration counter', '已有979人已成功报名！']
	])('ignores %s', (_name, text) => {
		expect(run(text)).toEqual([]);
	});

	it('reads N个市、县 as a count of divisions, not a slogan', () => {
		expect(one('来自济南、青岛等5个市、县的选手参赛。')).toMatchObject({ value: 5, subject: '市、县' });
	});

	it('reads projects as other, not bodies, and a contest group’s items as events', () => {
		expect(one('学院与企业开展120个分段培养项目。').category).toBe('other');
		expect(run('共设12个中职组项目和8个高职组项目。').map((m) => m.category)).toEqual(['event', 'event']);
	});

	it('reads a bare 项目 outside a contest as other, and 两种形式 as no count', () => {
		expect(one('研究室已为企业完成了20多个项目。').category).toBe('other');
		expect(run('比赛分个人赛、小组赛两种形式。')).toEqual([]);
	});

	it('reads a slogan verb that opens a description of the noun (N个面向…的联盟) as a count, a quoted slogan still not', () => {
		expect(run('共有9个面向乡村振兴的实训联盟获得表彰。').map((m) => [m.value, m.subject])).toEqual([[9, '实训联盟']]);
		expect(run('学校坚持“四个面向”的办学思路。')).toEqual([]);
	});

	it('counts what a published list of those chosen holds (公示拟推荐名单), a plan with 拟 still not', () => {
		expect(run('市教育局公示拟推荐名单，12所学校入选。').map((m) => m.value)).toEqual([12]);
		expect(run('学院拟新建实训基地5个。')).toEqual([]);
	});

	it('reads a figure in an aside after a dash as reported, even after a plan word, and its subject from the aside', () => {
		const m = run('该基地将服务于全市制造业——目前已培训技术工人1200人。');
		expect(m.map((x) => [x.value, x.subject])).toEqual([[1200, '培训技术工人']]);
		expect(run('该基地将培训技术工人1200人。')).toEqual([]);
	});

	it('tells prizes of two contests apart by the contest named before them in their sentence', () => {
		const text = '学校选派30名学生参加全省机电技能竞赛8个项目的比赛，获得2个一等奖。在行业协会组织的物流技能大赛中获得一等奖5项。';
		expect(run(text).filter((m) => m.subject?.endsWith('一等奖')).map((m) => m.subject)).toEqual(['机电技能竞赛一等奖', '物流技能大赛一等奖']);
		// one contest: the prize keeps its plain name
		expect(run('学校参加全省机电技能竞赛，获得2个一等奖。').map((m) => m.subject)).toEqual(['一等奖']);
	});

	it('reads figures after 将于 in their sentence as planned (the second round will be held later)', () => {
		expect(run('首轮比赛今天开赛，30支代表队参赛；第二轮将于6月举行，届时40支代表队参赛。').map((m) => m.value)).toEqual([30]);
	});

	it('reads events restated in another count unit (N项赛事, then N个赛项) once, other events of that size twice', () => {
		expect(run('学院承办全省大赛4项赛事。大赛设有机器人、物联网等4个赛项。').map((m) => [m.value, m.unit])).toEqual([[4, '项']]);
		expect(run('学院承办全省大赛4项赛事。同期举办4场讲座。')).toHaveLength(2);
	});

	it('reads schools merged into one (并入, 合并而成) as institutions, not participants', () => {
		expect(one('2010年，甲校、乙校、丙校三所学校共同并入了某职业学院。')).toMatchObject({ value: 3, category: 'institution' });
	});

	it('reads what a workshop abroad has as international when the sentence before names it abroad', () => {
		expect(one('学院在境外建设的鲁班工坊正式揭牌，首期建成两个实训中心。')).toMatchObject({ value: 2, category: 'international' });
		// teams of a contest counted with teams from abroad are still those taking part
		expect(one('比赛有来自国外的代表队参加，共30支代表队。').category).not.toBe('international');
	});

	it('gives a figure that only says how a level moved the subject of the level before it in its sentence', () => {
		expect(run('报名学员总数达520人，较上年增加80人。').map((m) => m.subject)).toEqual(['报名学员', '报名学员']);
		expect(run('合作企业设备投入同比增长20%，达到300万元。').map((m) => m.subject)).toEqual(['合作企业设备投入', '合作企业设备投入']);
		// a level of another kind names nothing the change is about
		expect(run('联合30所学校开展培训，累计达5万人。')[1]!.subject).not.toBe('学校');
	});

	it('reads a notice’s limit (最多可报2个) and the copies of a form (一式三份) as no figures', () => {
		expect(run('每所院校最多可推荐2个团队，材料一式三份报送。')).toEqual([]);
		expect(run('本次共有8个团队报名。').map((m) => m.value)).toEqual([8]);
	});

	it('reads a few people per unit asked for in a notice (负责人1-2名, 代表各1名, 每组3~4人) as no figures', () => {
		expect(run('请各校分管校长1-2名、教师代表各1名参会，每组3~4人。')).toEqual([]);
		expect(run('学校共有6名教师参会。').map((m) => m.value)).toEqual([6]);
	});

	it('reads a cue abroad after the next figure of the clause as that figure’s', () => {
		expect(run('比赛有来自全国40所高职院校以及某国代表队等六个国际代表队。').map((m) => m.category)).toEqual(['participation', 'international']);
		expect(one('学院有10余名学生在第一届某国际大赛中参赛。').category).toBe('international');
	});
});

describe('findMetrics: a third sample of unseen pages', () => {
	it('reads an aim after 努力 (努力培养数以万计的人才) as a plan, and an effort already made as a figure', () => {
		expect(run('各地要努力培养数以万计的技术技能人才。')).toEqual([]);
		expect(run('经过多年努力，学校培养了3000名技术技能人才。').map((m) => m.value)).toEqual([3000]);
	});

	it('reads a count that sums up a list of principles (坚持甲与乙、丙与丁两个对接) as a slogan', () => {
		expect(run('必须坚持专业与岗位、课程与标准两个对接。')).toEqual([]);
		expect(run('举办了3个对接会。').map((m) => m.value)).toEqual([3]);
	});

	it('reads figures that add up to a total in their sentence as its parts, whatever their units', () => {
		const parts = (text: string) => run(text).map((m) => `${m.value}${m.part ? '*' : ''}`);
		expect(parts('决赛有来自各省的40所学校以及5个境外代表队，共45支代表队。')).toEqual(['40*', '5*', '45']);
		expect(parts('全市共有职业学校30所(公办18所，民办12所)。')).toEqual(['30', '18*', '12*']);
		expect(parts('全市共有职业学校110所。中职学校90所、高职院校20所。')).toEqual(['110', '90*', '20*']);
		// those chosen out of an earlier figure of the same thing, in a later sentence
		expect(parts('共有60支队伍报名参赛。经过初赛，组委会遴选出24支队伍进入决赛。')).toEqual(['60', '24*']);
		// a division's share of a total elsewhere in the document, before or after it, in another count unit
		expect(parts('浙江省2所学校、3名教师获奖。本届评选共有60个优秀学校、90名优秀教师受到表彰。')).toEqual(['2*', '3*', '60', '90']);
		// a division's figure next to another division's is no part of it
		expect(parts('杭州市有8所学校获奖。宁波市有5所学校获奖。')).toEqual(['8', '5']);
		// the first items of a longer list that happen to add up to the figure before are no parts
		expect(parts('新增专业9个，建成示范专业4个、骨干专业5个、特色专业6个。')).toEqual(['9', '4', '5', '6']);
	});

	it('reads the next value of a list that names nothing (分别为98%和95%) as counting what the one before counts', () => {
		const found = run('两校毕业生就业率分别为98%和95%。');
		expect(found.map((m) => m.value)).toEqual([98, 95]);
		expect(found[1]!.subject).toBe(found[0]!.subject);
		expect(found[0]!.subject).toContain('就业率');
	});

	it('reads a breakdown in brackets as counting what its total counts (20个比赛项目(中职12个、高职8个))', () => {
		const found = run('大赛共设20个比赛项目(中职12个、高职8个)。');
		expect(found.map((m) => `${m.value}${m.part ? '*' : ''}`)).toEqual(['20', '12*', '8*']);
		expect(found.map((m) => m.category)).toEqual(['event', 'event', 'event']);
	});

	it('reads people who come from other countries as the country’s, and what a region built abroad as the region’s', () => {
		const scoped = (text: string) => findMetrics(text, [{ start: 0, end: text.length }], { regionCode: '450100' }).map((m) => m.scopeCode ?? null);
		expect(scoped('来自甲国、乙国、丙国等东盟国家的300位代表参加论坛。')).toEqual(['100000']);
		expect(scoped('论坛吸引了东盟各国12位部长到会。')).toEqual(['100000']);
		expect(scoped('学院已在海外建成5个实训中心。')).toEqual([null]);
	});

	it('reads a bare per-head figure as of what the figure before it measures (建筑面积…，生均…)', () => {
		const found = run('建筑面积12万平方米，生均25平方米。');
		expect(found.map((m) => m.subject)).toEqual(['建筑面积', '生均建筑面积']);
		expect(run('设备资产总值8000万元，生均1.2万元。')[1]!.subject).toBe('生均设备资产值');
	});

	it('reads a figure picked out of the one before it (20个一等奖中的6个奖项) as counting what that one counts', () => {
		expect(run('学院选手摘得20个一等奖中的6个奖项。').map((m) => m.subject)).toEqual(['一等奖', '一等奖']);
	});

	it('reads the class before 包括 … 共 as what is counted', () => {
		expect(run('到会嘉宾包括政府和企业界人士共40余人。')[0]!.subject).toBe('到会嘉宾');
	});

	it('reads a figure that names a target or a task set (…万人的目标, 的招生任务) as planned', () => {
		expect(run('确保完成全省招生12万人的目标。')).toEqual([]);
		expect(run('各校要完成800人的招生任务。')).toEqual([]);
		expect(run('全年招生12万人，目标完成率达110%。').map((m) => m.value)).toEqual([120000, 110]);
	});

	it('reads 数以万计 before people named a few words later (毕业生, 师生, 劳动者) as a vague count of people', () => {
		expect(run('数以万计的毕业生走上工作岗位。')).toMatchObject([{ value: 10000, unit: '人', qualifier: 'over' }]);
	});

	it('reads a visiting group as people taking part', () => {
		expect(run('市人大调研组一行9人莅临学校考察。')).toMatchObject([{ value: 9, unit: '人', category: 'participation', subject: '市人大调研组' }]);
	});
});

describe('findMetrics: a fourth unseen sample', () => {
	it('reads 国家 opening a compound (国家双高, 国家产教融合) as national, not a count of countries', () => {
		const found = run('全市建成8个国家双高建设单位和12家国家产教融合型企业，另有来自6个国家的留学生。');
		expect(found.map((m) => [m.value, m.category === 'international'])).toEqual([
			[8, false],
			[12, false],
			[6, true]
		]);
	});

	it('reads 截止到 a month as the date of a count, not a target (the document year unknown)', () => {
		expect(run('截止到2015年9月，全区建有职教集团15个。')).toMatchObject([{ value: 15, unit: '个', category: 'institution' }]);
		expect(run('到2030年，全区建成职教集团20个。')).toEqual([]);
	});

	it('reads 争取 with an object closed by a comma as an effort made, not a plan for the figure', () => {
		expect(run('学校主动争取各方支持，设备经费占比由20%提高到35%。').map((m) => m.value)).toEqual([20, 35]);
		expect(run('学校争取设备经费占比提高到35%。')).toEqual([]);
	});

	it('does not count the session of a council named by its term (十三届人大四次会议)', () => {
		expect(run('关于区十三届人大四次会议建议的答复。')).toEqual([]);
		expect(run('全年共召开4次会议。')).toMatchObject([{ value: 4, unit: '次' }]);
	});
});

describe('findMetrics: subjects and categories on a fourth unseen sample', () => {
	const subjects = (text: string) => run(text).map((m) => m.subject);

	it('reads the list after 中有 as what is counted (会员中有A、B 260人)', () => {
		expect(subjects('据统计，会员中有高级讲师、工程师260人。')).toEqual(['高级讲师、工程师']);
	});

	it('ends the noun before 凭借 and before 分获', () => {
		expect(subjects('该校5名选手凭借过硬的技术获得好评。')).toEqual(['选手']);
		expect(subjects('本院三支队伍分获金奖和银奖。')).toEqual(['队伍']);
	});

	it('does not read spaces right before the number as a gap that ends the subject', () => {
		expect(subjects('全县职业学校在校生总数为 4500人。')).toEqual(['职业学校在校生']);
	});

	it('takes a year inside the words before a number off the subject (学校中2019年招生学校)', () => {
		expect(subjects('全省中职学校中2019年招生学校共56所。')).toEqual(['招生学校']);
	});

	it('reads the prize after 共获, 夺得, 斩获', () => {
		expect(subjects('代表团共获一等奖40个，选手斩获二等奖12个。')).toEqual(['一等奖', '二等奖']);
	});

	it('reads the teams a prize was won among (在16支代表队中荣获…) as the field of a contest', () => {
		expect(run('学院在全市16支代表队中荣获团体二等奖。')[0]).toMatchObject({ value: 16, category: 'participation' });
	});

	it('gives a breakdown after 其中 the category of its total', () => {
		expect(run('代表团共获一等奖40个，其中中职组25个、高职组15个。').map((m) => [m.category, m.part])).toEqual([
			['other', false],
			['other', true],
			['other', true]
		]);
	});

	it('keeps prizes of two ranks with the same count as two figures', () => {
		expect(subjects('学院在省赛中共获一等奖2个、三等奖2个。')).toEqual(['一等奖', '三等奖']);
	});

	it('reads a contest’s main items and sub-items (大项, 小项目) as events', () => {
		expect(run('大赛设12个大项、30个小项目。').map((m) => m.category)).toEqual(['event', 'event']);
	});

	it('does not read divisions as events because a contest follows them', () => {
		expect(run('全省11个地市都开展了技能比赛。')[0]!.category).not.toBe('event');
	});

	it('does not carry a count of countries earlier in the sentence to a figure of places here', () => {
		expect(run('来自全球40个国家和地区的选手，在本市10个场馆参赛。').map((m) => m.category)).toEqual(['international', 'other']);
		expect(run('中方在海外建成的鲁班工坊，建有四个实训区。')[0]!.category).toBe('international');
	});
});

describe('findMetrics: series and described things on a fourth unseen sample', () => {
	const subjects = (text: string) => run(text).map((m) => m.subject);

	it('counts editions of what holds them, not of the verb (大赛已连续举办七届)', () => {
		expect(subjects('从2010年至今，技能节已连续举办六届。')).toEqual(['技能节']);
		expect(subjects('某市技能大赛在本市已连续举办5届。')).toEqual(['某市技能大赛']);
		// (the series named as the sentence's topic, the count in a later clause)
		expect(subjects('某职教活动周是全市性的展示活动，自2012年以来，已连续举办11届。')).toEqual(['某职教活动周']);
		expect(subjects('该学会已连续举办8届说课比赛。')).toEqual(['说课比赛']);
	});

	it('reads the things after a list closed by 等…的 as counted (12个涵盖甲、乙等领域的新平台)', () => {
		expect(run('联盟新组建了12个涵盖课程开发、师资培训等领域的新平台。')[0]).toMatchObject({ subject: '新平台', category: 'institution' });
		// (a list after a verb of the noun's own clause describes something else: 7所院校将发挥甲、乙等方面的优势)
		expect(subjects('某省7所高职院校将发挥专业、人才等方面的优势。')).toEqual(['高职院校']);
	});
});

describe('findMetrics: verbs of issuing', () => {
	it('reads what 提出, 出台, 印发 issue as counted (出台扶持措施12条 → 扶持措施)', () => {
		expect(run('全市出台扶持措施12条。').map((m) => m.subject)).toEqual(['扶持措施']);
		expect(run('学校提出激励政策8条。').map((m) => m.subject)).toEqual(['激励政策']);
	});
});

describe('findMetrics: a national list in a province’s news', () => {
	const scoped = (text: string) => findMetrics(text, [{ start: 0, end: text.length }], { regionCode: '210000' }).map((m) => [m.value, m.scopeCode]);

	it('gives this round’s total of a national title (本次共认定…国家…) the country’s scope', () => {
		expect(scoped('本次共认定15个国家示范城市和40家国家示范企业。')).toEqual([
			[15, '100000'],
			[40, '100000']
		]);
		// (the province's share of the list keeps the province)
		expect(scoped('本次我省共认定5家国家示范企业。')).toEqual([[5, null]]);
	});
});

describe('findMetrics: a total over domestic and foreign participants', () => {
	it('reads a total closing a list of counts (…80名教师，以及某国学者共计200余人) as participation, not international', () => {
		const found = run('来自全国30所院校的120名专家和80名教师，以及法国某大学的学者共计200余人参加了会议。');
		expect(found.map((m) => [m.value, m.category])).toContainEqual([200, 'participation']);
		expect(run('来自境外的学者共计20余人参加了会议。')[0]!.category).toBe('international');
	});
});

describe('findMetrics: a fifth unseen sample', () => {
	it('does not read a paywall’s counter (查看全文(剩余80%)) as a figure', () => {
		expect(run('订阅后可查看全文(剩余75%)')).toEqual([]);
	});

	it('reads what a published list 拟-selects as the outcome of a selection, not a plan', () => {
		expect(run('9月4日，教育部公布首批名单，首批拟确定30家示范联合体。').map((m) => m.value)).toEqual([30]);
		expect(run('学院拟新建实训基地5个。')).toEqual([]);
	});

	it('reads a contest’s sub-items and items named by their contest (42个分项, 40个国赛精选项目) as events', () => {
		expect(run('大赛共举行30个项目(40个分项)。').map((m) => m.category)).toEqual(['event', 'event']);
		expect(run('本届大赛设40个国赛精选项目。')[0]!.category).toBe('event');
	});

	it('ends the noun before 出征 and 涵盖', () => {
		expect(run('代表团86名选手出征。').map((m) => m.subject)).toEqual(['选手']);
		expect(run('20个精选项目涵盖多个行业。').map((m) => m.subject)).toEqual(['精选项目']);
	});
});

describe('findMetrics: bodies and the people who came for them', () => {
	it('counts the bodies, not their envoys (9所中职院校主要负责人, 15家企业负责人)', () => {
		expect(run('全市9所中职院校主要负责人参加会议。').map((m) => m.subject)).toEqual(['中职院校']);
		expect(run('15家企业负责人等参加了座谈会。').map((m) => m.subject)).toEqual(['企业']);
		expect(run('共有30所院校参加比赛。').map((m) => m.subject)).toEqual(['院校']);
	});
});

describe('findMetrics: events described before their kind', () => {
	it('reads the kind closing the clause as what N期/N场 count (18期…教师参加的培训班 → 培训班)', () => {
		expect(run('学会举办了12期线上线下2000多位教师参加的培训班。')[0]!.subject).toBe('培训班');
		expect(run('全年举办了6场面向企业职工的专题讲座。')[0]!.subject).toBe('专题讲座');
	});
});

describe('findMetrics: 牵头 as part of a noun', () => {
	it('reads 牵头单位 after the unit as the noun counted, not as a verb ending it', () => {
		expect(run('会上，9家牵头单位作了进展汇报。')[0]!.subject).toBe('牵头单位');
		expect(run('由3所学校牵头组建联盟。')[0]!.subject).toBe('学校');
	});
});

describe('findMetrics: items of one list', () => {
	it('keeps two items of one list with the same count (公办5所，民办5所) as two figures', () => {
		expect(run('全区现有高职院校11所，其中公办性质5所，民办性质5所。').map((m) => [m.value, m.subject])).toEqual([
			[11, '高职院校'],
			[5, '公办性质'],
			[5, '民办性质']
		]);
		// (the same figure said again in another sentence is still one)
		expect(run('全区现有高职院校11所。目前11所高职院校均已开设实训课。')).toHaveLength(1);
	});

	it('gives a breakdown after 其中 whose kind its own words leave uncategorised the category of its total', () => {
		expect(run('全区现有高职院校11所，其中公办性质5所，民办性质6所。').map((m) => m.category)).toEqual(['institution', 'institution', 'institution']);
	});

	it('ends the noun before 签订 and 签署', () => {
		expect(run('与9所高校签订对口帮扶协议。')[0]!.subject).toBe('高校');
	});

	it('reads 破 before a vague magnitude as over, but not 打破', () => {
		const [m] = run('去年来访游客破百万人次。');
		expect([m!.value, m!.qualifier, m!.subject]).toEqual([1000000, 'over', '来访游客']);
		expect(run('选手打破4项纪录。')[0]!.qualifier).toBe('exact');
	});

	it('counts countries in 国 as international', () => {
		expect(run('互免签证协议已覆盖23国。')[0]!.category).toBe('international');
	});

	it('makes a count listed before the total that sums it (甲12位和乙共计40余人) a part', () => {
		const ms = run('评审组的12位教授和各地学员共计40余人出席了活动。');
		expect(ms.map((m) => [m.value, m.part])).toEqual([
			[12, true],
			[40, false]
		]);
	});

	it('drops 平均每年 and 向社会 from the words before a number', () => {
		expect(run('平均每年向社会输送各类技工3000人。')[0]!.subject).toBe('输送技工');
	});

	it('ends the noun after a unit before 并肩, 跻身 and 携手', () => {
		expect(run('东校的三名参赛选手并肩完成了任务。')[0]!.subject).toBe('参赛选手');
		expect(run('全市共有7所中职学校跻身省级优质校行列。')[0]!.subject).toBe('中职学校');
	});

	it('counts the events held after 举办 (5次举办某节)', () => {
		expect(run('学院已连续5次举办校园技能文化节。')[0]!.subject).toBe('校园技能文化节');
	});

	it('drops 不低于 from a rate’s subject', () => {
		expect(run('其中本地生源的录取比例不低于20%。')[0]!.subject).toBe('本地生源的录取比例');
	});

	it('makes no part of a count of 参赛选手 after one of 选手 (the same people, not a narrower kind)', () => {
		const ms = run('甲校两名选手远程加入，与乙校的两名参赛选手并肩比赛。');
		expect(ms.every((m) => !m.part)).toBe(true);
	});

	it('makes divisions that each held the activity participants (9个省、3个市都开展了比赛)', () => {
		const ms = run('全国9个省(区)、3个计划单列市都开展了省级选拔赛。');
		expect(ms.map((m) => m.category)).toEqual(['participation', 'participation']);
		expect(run('全市8个县区均举办了技能展演活动。')[0]!.subject).toBe('县区');
	});

	it('drops 提前N年实现 from the words before a number', () => {
		expect(run('全县提前两年实现技能培训覆盖3万人次。')[0]!.subject).toBe('技能培训覆盖');
	});

	it('drops 面向社会 and 向社会 with the 年 after them from the words before a number', () => {
		expect(run('面向社会年培训各类人员20万余人次。')[0]!.subject).toBe('培训人员');
	});

	it('ends a count of divisions at the division word (9个地市职业院校师生 counts 地市)', () => {
		expect(run('来自全省9个地市职业院校师生参加了展演。')[0]!.subject).toBe('地市');
		expect(run('全省11个市及行业代表队参赛。')[0]!.subject).toBe('市');
	});
});
