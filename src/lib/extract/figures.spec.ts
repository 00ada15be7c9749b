import { describe, expect, it } from 'vitest';
import { changeOf, endsOutOf, markParts, subjectOf, withTopics } from './figures.ts';
import { findMetrics } from './metrics.ts';

const run = (text: string) => findMetrics(text, [{ start: 0, end: text.length }]);

describe('subject: what a figure counts', () => {
	const cases: Array<[string, string, number, string | null]> = [
		['the noun after the unit', '全市19所中职学校参加了展演。', 19, '中职学校'],
		['the noun before the number', '全年共建成实训基地12个。', 12, '实训基地'],
		['a verb of making is not what is counted', '课题组形成研究报告36份。', 36, '研究报告'],
		['a counted action keeps its verb', '全年培训教师3200人次。', 3200, '培训教师'],
		['time and place words are left out', '2023年全省现有技工学校58所。', 58, '技工学校'],
		['a list of people stays whole', '学生、家长和市民共600余人到场。', 600, '学生、家长和市民'],
		['a list closed by 等 names those counted', '来自各地的校长、企业代表等百余人参会。', 100, '校长、企业代表'],
		['the action when nobody is named', '大会开幕，共计300余人出席大会。', 300, '出席大会'],
		['a rate keeps its measure', '毕业生就业率达96%以上。', 96, '毕业生就业率'],
		['a rate reached from another keeps the measure', '对口就业率由52%提升到71%。', 71, '对口就业率'],
		['the measure in the clause before 由', '双师型教师比例，由40%上升到65%。', 40, '双师型教师比例'],
		['an action that narrows who is counted', '其中56名同学参加了团体赛。', 56, '参加团体赛同学'],
		['a general action does not', '共有420名选手参加比赛。', 420, '选手'],
		['the item after an earlier one in a list', '获得一等奖3个、二等奖7个。', 7, '二等奖'],
		['a figure named by a generic head and its action', '会上，5个单位作了交流发言。', 5, '交流发言单位'],
		['a noun opened by 参赛 is a noun', '来自全省的88名参赛选手同台竞技。', 88, '参赛选手'],
		['inserted pinyin is dropped', '全省13个(gè)代表队(duì)参赛。', 13, '代表队'],
		['those attending are the noun after 的', '出席大会的代表300多位。', 300, '代表'],
		['共同体 stays one noun', '8个行业产教融合共同体获得授牌。', 8, '行业产教融合共同体'],
		['the unit is the noun counted', '学院现设5系1部。', 5, '系'],
		['a copula ends the noun', '8所县级中职学校为示范校。', 8, '县级中职学校'],
		['该批 is no part of the noun', '该批骨干院校从2010年开始分三批开展建设。', 3, '骨干院校'],
		['a share is of what follows 占', '占高中阶段在校生的41.5%。', 41.5, '高中阶段在校生'],
		['those 来自…的 are the noun after 的', '王校长等30所来自两地的职业院校参赛。', 30, '职业院校'],
		['集中 as a modifier stays in the noun', '大赛共设集中竞赛项目60个，另设60个集中竞赛项目。', 60, '集中竞赛项目'],
		['占地 keeps its verb', '学校占地320亩。', 320, '学校占地'],
		['a year range is no part of the subject', '2019年-2021年连续三年高职扩招42万人。', 420000, '高职扩招'],
		['就业 before a noun is a noun', '企业带来2000多个就业岗位。', 2000, '就业岗位'],
		['a line break ends the words before a number', '活动周在永川启动\n全市职业院校在校生人数达10.2万人。', 102000, '职业院校在校生'],
		['a list of divisions loses its trailing mark', '全国37个省、自治区、直辖市、计划单列市的选手参赛。', 37, '省、自治区、直辖市、计划单列市'],
		['a long list of people is cut at a list mark', '来自各地的职业教育专家、学者、院校和企业代表等200余人出席。', 200, '职业教育专家、学者、院校和企业代表']
	];
	it.each(cases)('%s', (_name, text, value, subject) => {
		const m = run(text).find((x) => x.value === value);
		expect(m?.subject).toBe(subject);
	});

	it('keeps the topic only where a document counts one noun under several topics', () => {
		expect(withTopics([{ subject: '专业类别', topic: '高职组' }, { subject: '专业类别', topic: '中职组' }, { subject: '赛项', topic: '中职组' }])).toEqual(['高职组专业类别', '中职组专业类别', '赛项']);
	});

	it('reads subjectOf from the clause parts directly', () => {
		expect(subjectOf('全省', '高职院校集中亮出成果', '所')).toBe('高职院校');
		expect(subjectOf('', '', '个')).toBeNull();
	});
});

describe('change: the difference between two levels', () => {
	const cases: Array<[string, string, number, 'increase' | 'decrease' | null]> = [
		['比上年增加 is an increase', '学校数比上年增加4所。', 4, 'increase'],
		['减少 with a base is a decrease', '招生数较2022年减少276人。', 276, 'decrease'],
		['同比增长 of a rate', '经费同比增长12.5%。', 12.5, 'increase'],
		['提高…个百分点', '就业率提高3个百分点。', 3, 'increase'],
		['增长三成', '招生人数比上年增长三成。', 3, 'increase'],
		['a figure listed after a change is one too', '分别比上年增长8%、6%。', 6, 'increase'],
		['增加到 names the new level', '专项资金增加到800万元。', 8000000, null],
		['新增 counts new things, a level', '今年新增专业10个。', 10, null],
		['由…减少到 gives two levels', '在校生由5200人减少到4900人。', 4900, null]
	];
	it.each(cases)('%s', (_name, text, value, change) => {
		expect(run(text).find((x) => x.value === value)?.change ?? null).toBe(change);
	});

	it('needs a comparison base for a bare 多/少', () => {
		expect(changeOf('比上年多', null)).toBe('increase');
		expect(changeOf('多', null)).toBeNull();
		// a marker of approximation between the verb and the number (增长超, 增长突破)
		expect(changeOf('产能五年增长超', null)).toBe('increase');
		expect(changeOf('访问量同比增长突破', null)).toBe('increase');
	});
});

describe('part: a component of another figure', () => {
	const parts = (text: string) => run(text).map((m) => [m.value, m.part]);
	it('marks the figures after 其中 in the same sentence', () => {
		expect(parts('全区共有职业学校80所，其中国家级示范校12所、省级30所。另有技工学校9所。')).toEqual([
			[80, false],
			[12, true],
			[30, true],
			[9, false]
		]);
	});

	it('marks a narrower subject after its total in one sentence', () => {
		expect(parts('全校开设专业36个，建成省级重点专业8个。')).toEqual([
			[36, false],
			[8, true]
		]);
	});

	it('marks the figures listed before their total', () => {
		expect(parts('参赛学生620人，参赛教师140人，参赛人员总数达760人。')).toEqual([
			[620, true],
			[140, true],
			[760, false]
		]);
	});

	it('marks a figure picked out of the one before it (54个项目中的34个)', () => {
		expect(parts('该校参加本届大赛54个项目中的34个项目，获一等奖16个。')).toEqual([
			[54, false],
			[34, true],
			[16, false]
		]);
	});

	it('marks a breakdown after 其中 whose figures pair two units, when both totals stand in its sentence', () => {
		expect(parts('全年外出交流40批500人次，其中赴境外12批150人次。')).toEqual([
			[40, false],
			[500, false],
			[12, true],
			[150, true]
		]);
	});

	it('carries 其中 over a ； only to a clause that repeats the first one’s words', () => {
		expect(parts('大赛设9个赛项。其中，甲组赛项有A、B共3个；乙组赛项有C、D、E共6个。')).toEqual([
			[9, false],
			[3, true],
			[6, true]
		]);
		expect(parts('学校有教师80人，其中教授12人；聘请20人的兼职教师团队。').map(([, p]) => p)).toEqual([false, true, false]);
	});

	it('marks winners as a part of those taking part, wherever the entrants are counted', () => {
		expect(parts('本校共10名学生参加比赛。经过角逐，4名学生荣获一等奖。').map(([, p]) => p)).toEqual([false, true]);
		expect(parts('4名学生荣获一等奖。').map(([, p]) => p)).toEqual([false]);
	});

	it('marks the uses of a built area that follow it in its sentence', () => {
		expect(parts('校园占地20万平方米，建筑面积8万平方米，实训用房3万平方米，学生公寓2万平方米。').map(([, p]) => p)).toEqual([false, false, true, true]);
	});

	it('never marks a change as a part', () => {
		expect(parts('共有学校40所，其中民办学校6所，学校总数比上年减少2所。')).toEqual([
			[40, false],
			[6, true],
			[2, false]
		]);
	});

	it('works on bare candidates', () => {
		const figs = [
			{ start: 2, unit: '所', subject: '学校', change: null, sentenceStart: 0 },
			{ start: 12, unit: '所', subject: '民办学校', change: null, sentenceStart: 0 }
		];
		expect(markParts('共有40所学校，民办学校6所。', figs)).toEqual([false, true]);
	});
});

describe('subjectOf: words seen on unseen pages', () => {
	it('keeps 参赛 that opens the counted noun', () => {
		expect(subjectOf('', '本省参赛选手亮相开幕式', '名')).toBe('本省参赛选手');
	});

	it('keeps 展示 inside a noun (交流展示项目)', () => {
		expect(subjectOf('', '交流展示项目在大赛期间进行展示', '个')).toBe('交流展示项目');
	});

	it('reads the people after 来自 … without 的', () => {
		expect(subjectOf('会上邀请', '来自高校和企业专家作专题报告', '位')).toBe('专家');
	});

	it('reads the rate kept, not who keeps it (连续五年保持)', () => {
		expect(subjectOf('该校连续五年保持毕业生就业率超过', '', '%')).toBe('毕业生就业率');
	});

	it('reads what is submitted after 申报', () => {
		expect(subjectOf('各校共向组委会申报参赛作品', '', '件')).toBe('参赛作品');
	});

	it('reads the people after a long 来自 … 的 phrase', () => {
		expect(subjectOf('共', '来自甲职业技术学院、乙职业技术学院、丙技师学院的选手同台竞技', '位')).toBe('选手');
	});

	it('reads the people a description before 的 is about (怀揣梦想的学徒)', () => {
		expect(subjectOf('迎来了', '满怀期待的学徒', '名')).toBe('学徒');
		expect(subjectOf('', '院校的学生参加', '个')).not.toBe('学生');
	});

	it('reads a division word alone as the noun (这三个县)', () => {
		expect(subjectOf('本地这', '县率先开展试点', '个')).toBe('县');
	});

	it('reads the bodies a description before 的 is about, and lists of people in full', () => {
		expect(subjectOf('集团由', '具有独立法人资格的单位组成', '家')).toBe('独立法人资格单位');
		expect(subjectOf('', '院校领导、职能部门负责人、专业带头人齐聚一堂', '名')).toBe('院校领导、职能部门负责人、专业带头人');
	});

	it('reads the division word before a list that goes on to other things (14个市、某经济区…)', () => {
		expect(subjectOf('省内', '市、某经济区13个市负责同志等参加', '个')).toBe('市');
		expect(subjectOf('全国', '省、自治区、直辖市的选手参赛', '个')).toBe('省、自治区、直辖市');
	});

	it('reads the list after 还有 as what is counted, not the words before it', () => {
		expect(subjectOf('出席会议的还有省内外职业院校、物流企业、民间组织代表', '', '人')).not.toBe('出席会议的还');
	});

	it('reads the measure named before money or area that describes a noun after 的', () => {
		expect(subjectOf('随着投资', '的新校区和实训楼的建成', '元')).toBe('投资');
		expect(subjectOf('学院和占地', '的实训基地', '亩')).toBe('占地');
		expect(subjectOf('提供了', '的实训设备', '元')).toBe('实训设备');
	});

	it('reads what a figure serves (…名支持乡村建设) as no noun, and keeps a long noun whole up to its verb', () => {
		expect(subjectOf('新招聘教师', '支持乡村学校发展', '名')).toBe('新招聘教师');
		expect(subjectOf('为', '区级现代服务业校企合作联合体授牌', '个')).toBe('区级现代服务业校企合作联合体');
	});

	it('leaves a division named before the number out of the subject, and words that only start like one in', () => {
		expect(subjectOf('泉州市共投入', '', '元')).toBe('投入');
		expect(subjectOf('福建省泉州市投入专项资金', '', '元')).toBe('投入专项资金');
		expect(subjectOf('开展京津区域订单班', '', '个')).toBe('京津区域订单班');
	});

	it('gives a level before the next figure the noun the list ends with (1个国家级、2个省级…项目)', () => {
		expect(subjectOf('学校获批', '国家级、2个省级教学改革试点项目', '个')).toBe('国家级教学改革试点项目');
		expect(subjectOf('实施', '校级现代学徒制项目后', '个')).toBe('校级现代学徒制项目');
	});
});

describe('subjectOf: words of a third sample of unseen pages', () => {
	it('leaves a marker of approximation before the number out of the subject (不足, 不到, 近乎)', () => {
		expect(subjectOf('全市技工学校不足', '', '所')).toBe('技工学校');
		expect(subjectOf('参赛院校不到', '', '所')).toBe('参赛院校');
	});

	it('reads people named before the number as the subject, without the verb after it', () => {
		expect(subjectOf('部分高等院校代表', '参加了开班仪式', '人')).toBe('高等院校代表');
		// a thing named before the number still takes the people's action
		expect(subjectOf('学术年会', '参与线上交流', '人')).toBe('学术年会参与线上交流');
	});

	it('reads a visiting group (某某一行8人莅临, 一行5人到某市) by the people before 一行', () => {
		expect(subjectOf('调研组成员一行', '莅临学院考察', '人')).toBe('调研组成员');
		expect(subjectOf('院长及相关处室一行', '到某市企业园区开展调研', '人')).toBe('院长及相关处室');
	});

	it('ends the noun at a conjunction whose list is counted by a figure of its own (以及…等五个)', () => {
		expect(subjectOf('有来自各地', '职业学校以及甲国代表队、乙国等五个境外代表队', '所')).toBe('职业学校');
		expect(subjectOf('', '部门和行业组织共同主办', '个')).toBe('部门和行业组织');
	});

	it('keeps a noun of 11 or 12 characters that ends its clause whole (示范性实习实训基地)', () => {
		expect(subjectOf('建成', '市级示范性实习实训基地', '个')).toBe('市级示范性实习实训基地');
	});

	it('cuts a long subject after a division’s name rather than inside it', () => {
		expect(subjectOf('随后银川市人大监察和司法委员会组成人员一行', '莅临', '人')).toBe('人大监察和司法委员会组成人员');
	});

	it('names generic bodies by the title they receive (等6所学校成为…示范学校)', () => {
		expect(subjectOf('甲校、乙校等', '学校成为省级优质中职学校', '所')).toBe('省级优质中职学校');
		expect(subjectOf('甲、乙等', '县(市)被确定为全国职业教育示范县', '个')).toBe('全国职业教育示范县');
		expect(subjectOf('某某学院等', '学校被授予杭州市劳动教育实践基地', '所')).toBe('劳动教育实践基地');
		expect(subjectOf('全省', '学校参加比赛', '所')).toBe('学校');
	});

	it('gives a generic school noun after 共有 the kind named before the verb', () => {
		expect(subjectOf('全国高等职业教育共有学校', '', '所')).toBe('高等职业教育学校');
		expect(subjectOf('全省共有学校', '', '所')).toBe('学校');
		expect(subjectOf('全省共有中职学校', '', '所')).toBe('中职学校');
	});

	it('leaves a short name given in brackets out of the subject', () => {
		expect(subjectOf('某市督导委员会(以下简称督导委)成员', '参加', '名')).toBe('某市督导委员会成员');
	});

	it('reads a level that grew from one vague count to another as the same measure (从几十人发展到几百人)', () => {
		expect(subjectOf('报名人数从', '发展到上千人', '人')).toBe('报名人数');
		expect(subjectOf('报名人数从几十人发展到', '', '人')).toBe('报名人数');
	});
});

describe('endsOutOf', () => {
	it.each([
		['54个项目中的34个', 0, 7, true],
		['54个项目中34个', 0, 6, true],
		['54个项目中的34个', 0, 6, true],
		['54个项目的34个', 0, 6, false],
		['中的', 0, 2, false],
		['54个项目中的34个', 0, 7, true]
	])('%s [%i, %i) ends with 中 or 中的: %s', (s, from, to, expected) => {
		expect(endsOutOf(s, from, to, 18)).toBe(expected);
	});
	it('a text longer than the bound does not', () => {
		expect(endsOutOf('一二三四五六七八九十中', 0, 11, 10)).toBe(false);
	});
	it('every OUT_OF-like match passes the gate (random texts)', () => {
		const re = /^[^，,。；;：:、]{1,16}中的?$/;
		const alphabet = '中的个，项目';
		let seed = 5;
		for (let n = 0; n < 3000; n++) {
			let s = '';
			const len = (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 20;
			for (let k = 0; k < len; k++) s += alphabet[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length];
			if (re.test(s)) expect(endsOutOf(s, 0, s.length, 18)).toBe(true);
		}
	});
});
