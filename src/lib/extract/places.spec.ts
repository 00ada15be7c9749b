import { describe, expect, it } from 'vitest';
import { documentPlaces, findPlaces } from './places.ts';
import type { Span } from './types.ts';

const whole = (s: string): Span[] => [{ start: 0, end: s.length }];
/** The codes found in a whole text, in order. */
const codes = (s: string): string[] => findPlaces(s, whole(s)).map((m) => m.code);
/** The distinct codes found in a whole text. */
const places = (s: string): string[] => documentPlaces(findPlaces(s, whole(s))).map((m) => m.code);

describe('resolution by the place written before (research cases 34–36, 38, 41)', () => {
	it.each([
		['湖南湘潭县', '430321', 'resolves 湖南湘潭县 to the county 430321'],
		['湖南湘潭', '430300', 'resolves 湖南湘潭 to the city 430300'],
		['湘潭市湘潭县', '430321', 'resolves 湘潭市湘潭县 to the county 430321'],
		['湖南省长沙市', '430100', 'resolves 湖南省长沙市 to the city 430100, not 长沙县'],
		['吉林省吉林市', '220200', 'resolves 吉林省吉林市 to the city 220200'],
		['福建省鼓楼区', '350102', 'resolves 福建省鼓楼区 to 350102'],
		['青海西宁', '630100', 'resolves 青海西宁 to 西宁 630100, not 海西'],
		['北京市朝阳区', '110105', 'resolves 北京市朝阳区 to 110105'],
		['通辽科左后旗', '150522', 'resolves the banner short name 科左后旗 under 通辽']
	])('%s → %s: %s', (text, code) => {
		expect(codes(text).at(-1)).toBe(code);
	});

	it('keeps both parts of a nested name', () => {
		expect(codes('湖南省长沙市')).toEqual(['430000', '430100']);
		expect(codes('青海西宁')).toEqual(['630000', '630100']);
	});

	it('leaves 江苏省鼓楼区 unresolved: Nanjing and Xuzhou both have one (case 38)', () => {
		expect(codes('江苏省鼓楼区')).toEqual(['320000']);
	});

	it('resolves 江苏省鼓楼区 when the document names Nanjing elsewhere', () => {
		expect(places('南京的学校来到江苏省鼓楼区参观')).toContain('320106');
	});
});

describe('ambiguous names without context (case 37)', () => {
	it('leaves 朝阳 alone unresolved', () => {
		expect(codes('他们在朝阳举办活动')).toEqual([]);
	});

	it('reads 朝阳 as the Beijing district when the document names Beijing', () => {
		expect(places('北京各区学校参加，朝阳的学校人数最多')).toEqual(['110000', '110105']);
	});

	it('prefers the province for 海南 alone (case 46)', () => {
		expect(codes('海南的职业院校')).toEqual(['460000']);
	});

	it('keeps 河北 the province when Tianjin is named in the same document (case 45)', () => {
		expect(codes('天津与河北共建实训基地')).toEqual(['120000', '130000']);
	});
});

describe('false hits inside other words (cases 39, 40, 42–44)', () => {
	it.each([
		['江阴市长泾镇', ['320281'], 'does not read 市长 in 江阴市长泾镇'],
		['宁夏固原市彭阳县红河镇', ['640000', '640400', '640425'], 'does not read 红河镇 as 红河县'],
		['上海市广东路689号', ['310000'], 'does not read a street named 广东路 as the province'],
		['启东市台湾风情街', ['320681'], 'does not read 台湾风情街 as Taiwan'],
		['东兴市', ['450681'], 'reads 东兴市 as the Guangxi city 450681, not 东兴区'],
		['西安交通大学', ['610100'], 'reads 西安交通大学 as 西安市, not a 西安区'],
		['河北区', ['120105'], 'reads 河北区 as the Tianjin district, not the province'],
		['海南藏族自治州', ['632500'], 'reads 海南藏族自治州 as the Qinghai prefecture'],
		['海南区', ['150303'], 'reads 海南区 as the Wuhai district']
	])('%s → %j: %s', (text, expected) => {
		expect(codes(text)).toEqual(expected);
	});

	it.each([
		['推动区域协调发展', 'does not read 区域 as a district'],
		['城区学校与农村学校结对', 'does not read 城区 alone as a division'],
		['各位来宾，大家好', 'does not read 来宾 (guests) as the city'],
		['开幕式上书记王吉林讲话', 'does not read a person named 吉林 as the province'],
		['坚持校企合作、产教融合', 'does not read 合作 as 合作市'],
		['绿水青山就是金山银山', 'does not read everyday words as districts']
	])('%s: %s', (text) => {
		expect(codes(text)).toEqual([]);
	});

	it('reads a city in front of 市场 by its short name', () => {
		expect(codes('深圳市场监管部门')).toEqual(['440300']);
	});

	it('keeps a province before 乡村 and 乡镇', () => {
		expect(codes('山东乡村振兴学院')).toEqual(['370000']);
	});

	it('lets a full name win over a bare short name it starts inside (N名山东省)', () => {
		expect(codes('共有28名山西省选手参赛')).toEqual(['140000']);
		expect(codes('雅安名山区茶园')).toEqual(['511800', '511803']);
		expect(codes('珠海城市职业技术学院')).toEqual(['440400']);
	});

	it('reads a surname, a bare name and a title as a person (、刘长春副主任)', () => {
		expect(codes('王县长、刘长春副主任出席')).toEqual([]);
		expect(codes('吉林长春副局长出席')).toEqual(['220000', '220100']);
	});
});

describe('renamed units and units without a level (cases 47, 48)', () => {
	it.each([
		['莱芜', '370116'],
		['襄樊', '420600'],
		['襄樊市', '420600'],
		['下城区', '330105']
	])('maps the former name %s to %s', (text, code) => {
		expect(codes(text)).toEqual([code]);
	});

	it('resolves 五指山 to the county-level city under Hainan', () => {
		expect(codes('五指山')).toEqual(['469001']);
	});

	it('resolves 广东省中山市小榄镇 to 中山市 and stops there', () => {
		expect(codes('广东省中山市小榄镇')).toEqual(['440000', '442000']);
	});
});

describe('short names', () => {
	it.each([
		['滨州职业学院', '371600', 'reads 滨州 as 滨州市'],
		['河南的学校', '410000', 'reads 河南 as the province'],
		['会议在南京召开', '320100', 'reads 南京 as 南京市'],
		['黑龙江、内蒙古也派队参加', '150000', 'reads 内蒙古 as the autonomous region'],
		['来自黔东南州的学生', '522600', 'reads 黔东南州 as the prefecture']
	])('%s → %s: %s', (text, code) => {
		expect(codes(text)).toContain(code);
	});

	it('reads 北碚 as the Chongqing district when Chongqing is named', () => {
		expect(places('重庆的学校很多，北碚的一所学校也来了')).toEqual(['500000', '500109']);
	});

	it('does not read a bare county name without its parent anywhere in the document', () => {
		expect(codes('北碚的一所学校也来了')).toEqual([]);
	});

	it('reads a municipality at province level', () => {
		const [m] = findPlaces('重庆', whole('重庆'));
		expect(m).toMatchObject({ code: '500000', level: 'province', name: '重庆市', surface: '重庆' });
	});
});

describe('institution names', () => {
	it.each([
		['北京理工大学', ['110000']],
		['重庆市渝北职业教育中心', ['500000', '500112']],
		['天津职业大学', ['120000']]
	])('finds the places named in %s', (text, expected) => {
		expect(codes(text)).toEqual(expected);
	});
});

describe('spans and body ranges', () => {
	it('reports spans into the text and the official name', () => {
		const text = '我们去了山东省滨州市。';
		const ms = findPlaces(text, whole(text));
		expect(ms.map((m) => [m.start, m.end, m.surface, m.name, m.level])).toEqual([
			[4, 7, '山东省', '山东省', 'province'],
			[7, 10, '滨州市', '滨州市', 'city']
		]);
	});

	it('looks only inside the body ranges', () => {
		const text = '首页 江苏 浙江\n正文：安徽的学校';
		const body = [{ start: text.indexOf('正文'), end: text.length }];
		expect(findPlaces(text, body).map((m) => m.code)).toEqual(['340000']);
	});

	it('keeps the first mention of each division in documentPlaces', () => {
		const text = '南京，南京市，江苏';
		const doc = documentPlaces(findPlaces(text, whole(text)));
		expect(doc.map((m) => [m.code, m.start])).toEqual([
			['320100', 0],
			['320000', 7]
		]);
	});
});

describe('names that are not the division (real pages)', () => {
	it.each([
		['a person whose name starts like a place', '会议选举王平、吴忠祥、李明为副主任。', '640300'],
		['a person named before a verb', '市委常务副部长吴忠祥出席会议。', '640300'],
		['a mountain, and the province read across its foot', '园区地处贺兰山东麓，风光秀丽。', '370000'],
		['a school abroad named after a city', '省台办会见台湾大同技术学院一行。', '140200'],
		['an international body named after a city', '在上海合作组织框架下开展职教合作。', '310000']
	])('%s', (_name, text, code) => {
		expect(places(text)).not.toContain(code);
	});

	it('still reads the place before a suffix, a list and a province anchor', () => {
		expect(places('吴忠市、银川市和山东、山西代表')).toEqual(expect.arrayContaining(['640300', '640100', '370000', '140000']));
	});

	it('reads a name shared by a province and its city as the city in a list of cities', () => {
		expect(places('长春、吉林、辽源建设了职教园区')).toEqual(['220100', '220200', '220400']);
		expect(places('吉林、辽宁两省')).toEqual(['220000', '210000']);
	});

	it('reads a place written right after a short name as no mountain (西藏山南市)', () => {
		expect(places('来自西藏山南市的学生')).toEqual(['540000', '540500']);
		expect(places('担任京东西藏山南站站长')).toEqual(['540000', '540500']);
	});

	it('reads a county-level city by its short name when its province is named', () => {
		expect(places('贵州以清镇职教城为核心发展')).toContain('520181');
	});

	it('leaves Taiwan, Hong Kong and Macao out of the places a document covers', () => {
		expect(places('香港和台湾的学者来到四川')).toEqual(['510000']);
		expect(codes('香港和台湾的学者来到四川')).toContain('810000');
	});
});

describe('a text made of place names', () => {
	it('finds every mention of 300,000 without overflowing the call stack', () => {
		const norm = '北京，'.repeat(300_000);
		expect(findPlaces(norm, [{ start: 0, end: norm.length }])).toHaveLength(300_000);
	}, 60_000);
});

describe('former county names of cities and districts', () => {
	it('reads a county that became a county-level city under its stem or a 州 stem by its current code', () => {
		// 邹平县 is now 邹平市, 邳县 is now 邳州市
		expect(codes('会议在邹平县召开。')).toEqual(['371681']);
		expect(codes('活动在邳县体育馆举行。')).toEqual(['320382']);
	});

	it('gives a stem that several current units share to none of them', () => {
		expect(codes('某鼓楼县的消息')).toEqual([]);
	});
});

describe('findPlaces on a fourth unseen sample', () => {
	it('reads no short name from the 中 of 其中 (其中江苏…: not 中江)', () => {
		const text = '大赛设多个分赛区，其中江苏分赛区承担20项。';
		expect(findPlaces(text, [{ start: 0, end: text.length }]).map((p) => [p.surface, p.code])).toEqual([['江苏', '320000']]);
		const city = '其中山市有3所，中江县有2所。';
		expect(findPlaces(city, [{ start: 0, end: city.length }]).map((p) => p.code)).toEqual(['442000', '510623']);
	});
});
