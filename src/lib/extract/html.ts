// Saved web pages → the article's text. Page chrome (menus, breadcrumbs, related links,
// footers) is dropped by its markup here; what survives in plain text is caught by layout.ts.
import { parseHTML } from 'linkedom';

/** Elements whose content is never article text. */
const DROP_TAGS = new Set([
	'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS',
	'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'SELECT', 'BUTTON', 'INPUT', 'TEXTAREA', 'HEAD'
]);

/** Elements that end a line of text. */
const BLOCK_TAGS = new Set([
	'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL',
	'DL', 'DT', 'DD', 'TABLE', 'TR', 'TBODY', 'THEAD', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION',
	'ADDRESS', 'HR', 'CENTER'
]);

/** id/class words that mark page chrome. Matched as whole words of the attribute. */
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|menus|footer|foot|bottom|breadcrumbs?|crumbs?|path|position|location|sidebar|side|related|relate|recommend|share|copyright|toolbar|pager|pagination|prevnext|topbar|top-links|logo|search|friendlink|links)(?:$|[\s_-])/i;

export interface HtmlText {
	/** the page's visible article text, one block per line */
	text: string;
	/** <h1> text, else the <title> without its site suffix */
	title: string | null;
	/** all visible text including chrome: where publication lines are searched */
	pageText: string;
}

interface Node {
	nodeType: number;
	nodeName: string;
	textContent: string | null;
	childNodes: ArrayLike<Node>;
	getAttribute?(name: string): string | null;
}

function isChrome(el: Node): boolean {
	if (DROP_TAGS.has(el.nodeName)) return true;
	const marks = `${el.getAttribute?.('id') ?? ''} ${el.getAttribute?.('class') ?? ''}`;
	return CHROME.test(marks);
}

/** Appends the text of `node` to `out`, one line per block; `all` keeps chrome. */
function walk(node: Node, out: string[], all: boolean, depth: number): void {
	// Deeply nested markup is flattened rather than recursed into without bound.
	if (depth > 400) {
		out.push(node.textContent ?? '');
		return;
	}
	const kids = node.childNodes;
	for (let i = 0; i < kids.length; i++) {
		const child = kids[i]!;
		if (child.nodeType === 3) {
			out.push((child.textContent ?? '').replace(/[\t\n\r\f ]+/g, ' '));
		} else if (child.nodeType === 1) {
			const tag = child.nodeName;
			if (tag === 'BR') {
				out.push('\n');
				continue;
			}
			if (all ? tag === 'SCRIPT' || tag === 'STYLE' || tag === 'HEAD' : isChrome(child)) continue;
			const block = BLOCK_TAGS.has(tag);
			if (block) out.push('\n');
			walk(child, out, all, depth + 1);
			if (block) out.push('\n');
		}
	}
}

function tidy(parts: string[]): string {
	return parts
		.join('')
		.split('\n')
		.map((l) => l.trim())
		.filter((l, i, a) => l !== '' || (i > 0 && a[i - 1] !== ''))
		.join('\n')
		.trim();
}

/** Strips a site or column suffix: 标题-党委宣传部, 标题_新闻_某网. */
function cleanTitle(raw: string): string | null {
	const t = raw.replace(/\s+/g, ' ').trim();
	if (!t) return null;
	const first = t.split(/\s*(?:[-_|｜—]{1,2})\s*/)[0]?.trim();
	return first && first.length >= 4 ? first : t;
}

/**
 * Turns an HTML page into article text.
 * @example htmlToText('<h1>标题</h1><p>正文</p>').text // '标题\n正文'
 */
export function htmlToText(html: string): HtmlText {
	const { document } = parseHTML(html.includes('<html') ? html : `<html><body>${html}</body></html>`);
	const root = (document.body ?? document.documentElement) as unknown as Node | null;
	if (!root) return { text: '', title: null, pageText: '' };
	const main: string[] = [];
	walk(root, main, false, 0);
	const page: string[] = [];
	walk(root, page, true, 0);
	const h1 = document.querySelector('h1')?.textContent?.trim();
	const titleTag = document.querySelector('title')?.textContent ?? '';
	return {
		text: tidy(main),
		title: h1 ? h1.replace(/\s+/g, ' ') : cleanTitle(titleTag),
		pageText: tidy(page)
	};
}
