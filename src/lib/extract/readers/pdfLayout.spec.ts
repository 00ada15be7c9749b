import { describe, expect, test } from 'vitest';
import { closeCjkSpacing, layoutPages, undecodableShare, type PdfItem, type PdfPage } from './pdfLayout.ts';

/** A line of text at `y` starting at `x`, 12 pt, each character 12 units wide. */
const line = (str: string, y: number, x = 72, size = 12): PdfItem => ({ str, x, y, size, width: str.length * size });
const page = (...items: PdfItem[]): PdfPage => ({ width: 595, height: 842, items });
/** A full body line: 30 characters from the left margin to the right one. */
const full = (str: string, y: number) => ({ ...line(str, y), width: 360 });

describe('closeCjkSpacing', () => {
	test.each([
		['2024 年 4 月 18 日', '2024年4月18日'],
		['共 320 余人，达到 96.5%，', '共320余人，达到96.5%，'],
		['18 日 湖北省', '18日 湖北省'],
		['use CAD and BIM', 'use CAD and BIM']
	])('%j → %j', (input, expected) => expect(closeCjkSpacing(input)).toBe(expected));
});

describe('undecodableShare', () => {
	test.each([
		['职业教育', 0],
		['\ue000\ue001职业', 0.5],
		['\ufffd\ufffd \ufffd', 1],
		['   ', 0]
	])('%j → %d', (text, share) => expect(undecodableShare(text)).toBe(share));
});

describe('layoutPages', () => {
	test.each([
		{
			name: 'Chinese lines of a paragraph join without a space',
			pages: [page(full('全省职业院校共有在校生', 700), line('三万人。', 685))],
			text: '全省职业院校共有在校生三万人。'
		},
		{
			name: 'an English word broken by a hyphen is made whole; English lines join with a space',
			pages: [page(full('the vocational educa-', 700), full('tion reform goes', 685), line('on.', 670))],
			text: 'the vocational education reform goes on.'
		},
		{
			name: 'an indented line starts a paragraph',
			pages: [page(full('第一段的文字到此为止的', 700), line('第二段。', 685, 96))],
			text: '第一段的文字到此为止的\n第二段。'
		},
		{
			name: 'a line opening with ideographic spaces starts a paragraph (indent typed, not set)',
			pages: [page(full('第一段的文字到此为止的', 700), full('\u3000\u3000第二段的文字', 685), line('完。', 670))],
			text: '第一段的文字到此为止的\n第二段的文字完。'
		},
		{
			name: 'a short line ends its paragraph',
			pages: [page(line('标题', 700), full('正文第一行的文字', 685), line('完。', 670))],
			text: '标题\n正文第一行的文字完。'
		},
		{
			name: 'pieces of one line are read left to right whatever their order in the file',
			pages: [page(line('教育', 700, 96), line('职业', 700, 72))],
			text: '职业教育'
		},
		{
			name: 'table cells on one line stay apart: a wide gap is a space even between Chinese and digits',
			pages: [page(line('江苏省', 700, 72), line('120所', 700, 200), line('宜昌市', 685, 72), line('28所', 685, 200))],
			text: '江苏省 120所\n宜昌市 28所'
		},
		{
			name: 'a page number alone at the foot is dropped',
			pages: [page(line('唯一一页的正文。', 700), line('- 1 -', 40, 280))],
			text: '唯一一页的正文。'
		}
	])('$name', ({ pages, text }) => expect(layoutPages(pages).text).toBe(text));

	test('running headers and footers go, a paragraph runs over the page break, and each page’s start is kept', () => {
		const pages = [
			page(line('某市职教社工作简报', 800, 200), full('第一页正文从这里开始一直写', 700), full('到页尾还没有写完的这一段', 685), line('第 1 页 共 2 页', 40, 250)),
			page(line('某市职教社工作简报', 800, 200), full('在第二页接着写完。', 700), line('第 2 页 共 2 页', 40, 250))
		];
		pages[1]!.items[1] = line('在第二页接着写完。', 700);
		const { text, pageStarts } = layoutPages(pages);
		expect(text).toBe('第一页正文从这里开始一直写到页尾还没有写完的这一段在第二页接着写完。');
		expect(pageStarts).toEqual([0, text.indexOf('在第二页')]);
	});

	test('a page without text starts where the text before it ends', () => {
		const { text, pageStarts } = layoutPages([page(full('第一页的文字写满了一行', 700), line('完。', 685)), page(), page(full('第三页的文字', 700), line('完。', 685))]);
		expect(text).toBe('第一页的文字写满了一行完。\n第三页的文字完。');
		expect(pageStarts).toEqual([0, 13, 14]);
	});
});
