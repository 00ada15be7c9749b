import { describe, expect, test } from 'vitest';
import { htmlToText, MAX_DEPTH } from './html.ts';

describe('htmlToText', () => {
	test.each([
		['blocks are set apart by a blank line', '<h1>标题</h1><p>第一段</p><p>第二段</p>', '标题\n\n第一段\n\n第二段'],
		['an unclosed <p> is closed by the next block', '<p>甲<div>乙</div>', '甲\n\n乙'],
		['a stray end tag is ignored', '<div>甲</span>乙</div>', '甲乙'],
		['a lone </p> is an empty paragraph', '甲</p>乙', '甲\n\n乙'],
		['script, style and head stay hidden', '<head><title>t</title></head><script>x()</script><style>a{}</style>正文', '正文'],
		['chrome by tag and by class is left out of the article', '<nav>首页</nav><div class="footer">版权</div><p>正文</p>', '正文'],
		['entities are decoded', '<p>甲&amp;乙&nbsp;丙</p>', '甲&乙\u00a0丙'],
		['a second <form> inside one does not nest: its end closes the first', '<form>甲<form>乙</form>丙', '丙'],
		['<image> is an image', '<image src=x><p>甲</p>', '甲'],
		['self-closing elements close at once', '<span/>甲<br/>乙', '甲\n\n乙']
	])('%s', (_, html, text) => {
		expect(htmlToText(html).text).toBe(text);
	});

	test('takes the <h1> as title, else the <title> without its site suffix', () => {
		expect(htmlToText('<title>会议召开_新闻中心_某网</title><p>x</p>').title).toBe('会议召开');
		expect(htmlToText('<title>t</title><h1>大会召开</h1>').title).toBe('大会召开');
	});

	test('keeps the text of nesting far deeper than MAX_DEPTH, flattened into the deepest kept element', () => {
		const depth = MAX_DEPTH * 20;
		const deep = '<div class="x"><b>'.repeat(depth) + '深处文字' + '</b></div>'.repeat(depth) + '<p>其后</p>';
		expect(htmlToText(deep).text).toBe('深处文字\n\n其后');
		expect(htmlToText('<nav>' + '<b>'.repeat(depth) + '菜单').text).toBe('');
		expect(htmlToText('<b>'.repeat(depth) + '未闭合').text).toBe('未闭合');
	});

	test('a run of block ends of any length is one blank line, blank text between them included', () => {
		for (const run of ['<p>'.repeat(20_000), '</p>'.repeat(5), '<br><p> </p>\n\t<div>\u3000</div><hr>']) {
			const page = htmlToText(`<p>甲${run}乙</p>${run}`);
			expect(page.text).toBe('甲\n\n乙');
			expect(page.pageText).toBe('甲\n\n乙');
		}
	});
});
