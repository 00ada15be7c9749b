import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodeBytes, UnreadableFileError } from './decode.ts';
import { fold } from './fold.ts';
import { htmlToText } from './html.ts';
import { classifyLines } from './layout.ts';
import { documentId, prepareDocument, stripInsertedPinyin } from './text.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/docs/${name}`, import.meta.url));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes', () => {
	test('reads UTF-8 without a hint', () => {
		expect(decodeBytes(utf8('职业教育'), 'a.txt')).toEqual({ text: '职业教育', encoding: 'utf-8' });
	});
	test('detects GBK bytes that are not valid UTF-8, whatever the file is called', () => {
		const gbk = fixture('annual.gbk.txt');
		const asPlainName = decodeBytes(gbk, 'annual.txt');
		expect(asPlainName.encoding).toBe('gb18030');
		expect(asPlainName.text).toContain('山西省职业教育年会在太原召开');
	});
	test('drops a UTF-8 byte-order mark', () => {
		expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('会议')]), 'a.txt').text).toBe('会议');
	});
	test('reads UTF-16 with a byte-order mark', () => {
		expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x1a, 0x4f, 0xae, 0x8b]), 'a.txt').text).toBe('会议');
	});
	test.each([
		['empty.txt', 'the file is empty'],
		['binary.txt', 'looks binary']
	])('refuses %s, naming the file and the reason', (name, reason) => {
		expect(() => decodeBytes(fixture(name), name)).toThrow(UnreadableFileError);
		expect(() => decodeBytes(fixture(name), name)).toThrow(new RegExp(`^${name}: .*${reason}`));
	});
});

describe('fold', () => {
	test.each([
		['２０２３年１１月', '2023年11月'],
		['（一）研讨会：', '(一)研讨会:'],
		['發佈時間', '发布时间'],
		['舉行職業技術教育發展大會', '举行职业技术教育发展大会'],
		['臺灣', '台湾']
	])('folds %s to %s one character for one', (input, expected) => {
		expect(fold(input)).toBe(expected);
		expect(fold(input)).toHaveLength(input.length);
	});
	test('leaves Simplified text untouched', () => {
		const s = '职业教育活动周在绍兴启动';
		expect(fold(s)).toBe(s);
	});
	test('folds a long text (copied whole) as it folds its short pieces, lone surrogates kept', () => {
		const piece = '全省職業教育活動周啟動儀式在福州舉行，參加人數約５００人。\ud800職教社\udc00 ';
		const long = piece.repeat(400);
		expect(long.length).toBeGreaterThan(8192);
		expect(fold(long)).toBe(fold(piece).repeat(400));
		expect(fold('职业教育'.repeat(2000))).toBe('职业教育'.repeat(2000));
	});
});

describe('htmlToText', () => {
	test('keeps the article and drops menus, breadcrumbs and footers by their markup', () => {
		const page = htmlToText(fixture('page.html').toString('utf8'));
		expect(page.title).toBe('西部职业教育研讨会在成都召开');
		expect(page.text).toContain('约300名代表参会');
		expect(page.text).not.toContain('当前位置');
		expect(page.text).not.toContain('ICP');
		expect(page.pageText).toContain('ICP');
	});
	test('strips the site suffix from <title> when there is no <h1>', () => {
		expect(htmlToText('<html><head><title>年会召开-新闻中心</title></head><body><p>正文</p></body></html>').title).toBe('年会召开');
	});
	test('survives deeply nested markup', () => {
		const html = '<div>'.repeat(5000) + '深处的文字' + '</div>'.repeat(5000);
		expect(htmlToText(html).text).toContain('深处的文字');
	});
});

describe('classifyLines', () => {
	test('tells the site header, title, publication line, body and related links apart', () => {
		const text = '某学会\n首页 | 简介 | 新闻 | 通知\n当前位置: 首页 > 新闻\n年会在南京召开\n发布日期: 2024-03-28\n3月27日，年会在南京召开。\n相关文章\n· 另一篇  2024-01-01\n版权所有 某学会';
		expect(classifyLines(text).map((l) => l.role)).toEqual(['chrome', 'chrome', 'chrome', 'title', 'meta', 'body', 'tail', 'tail', 'tail']);
	});
	test('keeps a table row whose cell lists long names with 、 in the body, a bar menu out', () => {
		const text = '名录\n各地入选学校如下。\n甲省(2所) | 东山机电职业学院、西河农业职业学院 |\n首页 | 简介 | 新闻';
		expect(classifyLines(text).map((l) => l.role).slice(2)).toEqual(['body', 'chrome']);
	});
	test('takes no title from a speech that opens with its salutation', () => {
		const roles = classifyLines('同志们：\n今天我们召开会议，总结工作。').map((l) => l.role);
		expect(roles).toEqual(['body', 'body']);
	});
	test('takes a headline with a colon inside a list of headlines for the list', () => {
		const text = '标题一则\n9月5日，学院举行开学典礼，新生参加。\n最新新闻 频道推荐\n进入新闻频道看推荐\n某报告:全球10亿吨粮食被浪\n进入图片频道看图文\n一周热点新闻';
		expect(classifyLines(text).map((l) => l.role)).toEqual(['title', 'body', 'tail', 'tail', 'tail', 'tail', 'tail']);
	});
	test('takes a line of four or more short items between single spaces for a menu', () => {
		const text = '标题一则\n9月5日，学院举行开学典礼。\n某网-甲市分站 某网-乙市分站 某网-丙市分站 某网-丁市分站';
		expect(classifyLines(text).map((l) => l.role)).toEqual(['title', 'body', 'chrome']);
		expect(classifyLines('标题一则\n技行三湘 能动天下').map((l) => l.role)).toEqual(['title', 'body']);
	});
	test('keeps a paragraph that ends with its source note in the body', () => {
		const text = '某试验区启动\n9月5日，市政府与学院联合启动试验区，双方签署了合作协议。(信息来源:《某杂志》2010年第3期)\n来源：某网站';
		expect(classifyLines(text).map((l) => l.role)).toEqual(['title', 'body', 'meta']);
	});
});

describe('prepareDocument', () => {
	test('gives the id without extensions', () => {
		expect(documentId('dir/annual.gbk.txt')).toBe('annual');
		expect(documentId('page.html')).toBe('page');
	});
	test('finds title, publication date and a body without chrome in a saved page', () => {
		const doc = prepareDocument('news-utf8.txt', fixture('news-utf8.txt'));
		expect(doc.title).toBe('华东职业教育协作论坛在杭州举行');
		expect(doc.published).toEqual({ start: '2022-10-20', end: '2022-10-20', precision: 'day' });
		const body = doc.body.map((s) => doc.text.slice(s.start, s.end)).join('\n');
		expect(body).toContain('120余人参加论坛');
		expect(body).not.toMatch(/首页|浏览次数|相关文章|ICP/);
	});
	test('keeps offsets into the original text when folding Traditional characters', () => {
		const doc = prepareDocument('t.txt', utf8('大會在天津舉行\n發佈時間:2022-08-22\n８月１９日，大會開幕。'));
		expect(doc.norm).toHaveLength(doc.text.length);
		const at = doc.norm.indexOf('8月19日');
		expect(doc.text.slice(at, at + 5)).toBe('８月１９日');
		expect(doc.published?.start).toBe('2022-08-22');
	});
});

describe('date lines', () => {
	test('read a date whose year is set off by a space alone as a date line, not a title', () => {
		const roles = classifyLines('某网 > 图片 > 正文\n2022 07/ 15 09:30:12\n某市职业技能大赛开赛\n当日，某市职业技能大赛开赛。').map((l) => l.role);
		expect(roles.slice(1)).toEqual(['meta', 'body', 'body']);
	});
});

describe('related-article lists', () => {
	test('end the body at a 更多… heading with the headlines below it', () => {
		const roles = classifyLines('会议在某市召开\n发布时间:2024-04-20\n会议在某市召开。\n更多本地头条\n某县召开工作会议\n04-19某市举办论坛').map((l) => l.role);
		expect(roles).toEqual(['title', 'meta', 'body', 'tail', 'tail', 'tail']);
	});
	test.each(['热点排行', '点击排行', '最新文章', '【相关阅读】'])('end the body at a %s heading', (heading) => {
		const roles = classifyLines(`会议召开\n会议在某市召开。\n${heading}\n某市举办论坛`).map((l) => l.role);
		expect(roles.slice(2)).toEqual(['tail', 'tail']);
	});
});

describe('link lists without a heading', () => {
	test('take three or more headlines after the last paragraph for a list', () => {
		const roles = classifyLines('学院召开大会\n发布时间:2024-04-20\n学院在某市召开大会，总结工作。\n某县职教中心举办技能节\n某市召开中职招生工作会\n某校师生获省赛一等奖').map((l) => l.role);
		expect(roles).toEqual(['title', 'meta', 'body', 'tail', 'tail', 'tail']);
	});
	test('keep a short closing line after the last paragraph in the body', () => {
		const roles = classifyLines('学院召开大会\n发布时间:2024-04-20\n学院召开大会，总结工作。\n（某某供稿）').map((l) => l.role);
		expect(roles).toEqual(['title', 'meta', 'body', 'body']);
	});
	test('keep a paragraph that thanks a company for technical support in the body', () => {
		const roles = classifyLines('学院承办赛项\n2022-03-01 13:28\n3月1日，赛项在某校举行，某公司提供技术支持，共有20支队伍参赛。\n技术支持：某网络公司').map((l) => l.role);
		expect(roles).toEqual(['title', 'meta', 'body', 'chrome']);
	});
	test('take headlines the site cut short (…) for chrome', () => {
		const roles = classifyLines('宣传工会党支部在某集团党的二十...\n我院党委理论学习中心组开展专题…\n学院召开大会\n发布时间:2024-04-20\n学院召开大会，总结工作。').map((l) => l.role);
		expect(roles).toEqual(['chrome', 'chrome', 'title', 'meta', 'body']);
	});
});

describe('inserted pinyin', () => {
	test.each([
		['職業(yè)學(xué)校技能大賽', '職業學校技能大賽'],
		['新华社【shè】长沙电', '新华社长沙电'],
		['零部件测绘与CAD成图(CAD)', '零部件测绘与CAD成图(CAD)'],
		['年会(第二届)', '年会(第二届)']
	])('%s → %s', (input, expected) => {
		expect(stripInsertedPinyin(input)).toBe(expected);
		expect(prepareDocument('p.txt', utf8(`标题\n${input}。`)).text).toContain(expected);
	});
});
