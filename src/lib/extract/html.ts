// Saved web pages → the article's text, in one streaming pass (htmlparser2: tolerant of broken
// markup, no DOM built, no recursion however deep the nesting). Page chrome — menus, breadcrumbs,
// related links, footers — is dropped by its markup here; what survives in plain text is caught by layout.ts.
import { Parser } from 'htmlparser2';

/** Elements whose content is never visible text. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'canvas', 'object', 'iframe']);

/** Elements whose content is page furniture, not the article. */
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'select', 'button', 'textarea']);

/** Elements that end a line of text. */
const BLOCK_TAGS = new Set([
	'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol',
	'dl', 'dt', 'dd', 'table', 'tr', 'tbody', 'thead', 'blockquote', 'pre', 'figure', 'figcaption',
	'address', 'hr', 'center', 'br', 'nav', 'header', 'footer', 'aside', 'form'
]);

/** id/class words that mark page chrome, matched as whole words of the attribute. */
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|menus|footer|foot|bottom|breadcrumbs?|crumbs?|path|position|location|sidebar|side|related|relate|recommend|share|copyright|toolbar|pager|pagination|prevnext|topbar|top-links|logo|search|friendlink|links)(?:$|[\s_-])/i;

export interface HtmlText {
	/** the page's visible article text, one block per line */
	text: string;
	/** <h1> text, else the <title> without its site suffix */
	title: string | null;
	/** all visible text including chrome: where publication lines are searched */
	pageText: string;
}

interface Open {
	name: string;
	invisible: boolean;
	chrome: boolean;
}

/** Joins text parts into trimmed lines with at most one blank line between blocks. */
function tidy(parts: string[]): string {
	return parts
		.join('')
		.split('\n')
		.map((l) => l.replace(/[\t\f\r ]+/g, ' ').trim())
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
	const main: string[] = [];
	const page: string[] = [];
	const stack: Open[] = [];
	let titleTag = '';
	let h1: string | null = null;
	let inH1 = false;
	let inTitle = false;

	const top = (): Open | undefined => stack[stack.length - 1];
	const newline = () => {
		main.push('\n');
		page.push('\n');
	};

	const parser = new Parser(
		{
			onopentag(name, attribs) {
				const parent = top();
				const marks = `${attribs.id ?? ''} ${attribs.class ?? ''}`;
				stack.push({
					name,
					invisible: (parent?.invisible ?? false) || INVISIBLE.has(name),
					chrome: (parent?.chrome ?? false) || CHROME_TAGS.has(name) || (marks.length > 1 && CHROME.test(marks))
				});
				if (name === 'title') inTitle = true;
				if (name === 'h1' && h1 == null) inH1 = true;
				if (BLOCK_TAGS.has(name)) newline();
			},
			onclosetag(name) {
				stack.pop();
				if (name === 'title') inTitle = false;
				if (name === 'h1' && inH1) {
					inH1 = false;
					h1 = (h1 ?? '').trim() || null;
				}
				if (BLOCK_TAGS.has(name)) newline();
			},
			ontext(data) {
				if (inTitle) titleTag += data;
				const at = top();
				if (at?.invisible) return;
				const text = data.replace(/[\t\n\r\f ]+/g, ' ');
				page.push(text);
				if (at?.chrome) return;
				main.push(text);
				if (inH1) h1 = (h1 ?? '') + text;
			}
		},
		{ decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true }
	);
	parser.write(html);
	parser.end();

	const heading = (h1 as string | null)?.replace(/\s+/g, ' ').trim();
	return { text: tidy(main), title: heading || cleanTitle(titleTag), pageText: tidy(page) };
}
