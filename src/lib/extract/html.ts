// Saved web pages → the article's text, in one streaming pass: htmlparser2's tokenizer (tolerant of
// broken markup) under a tree builder of our own. htmlparser2's Parser keeps its open elements with
// `unshift` and searches them with `indexOf`, which costs the square of the nesting depth (10⁵
// nested <div>s took 20 s); here the open elements are a plain stack with a count per name, so
// every tag costs O(1) amortised, and nesting beyond MAX_DEPTH is flattened into its ancestor.
// Page chrome — menus, breadcrumbs, related links, footers — is dropped by its markup here; what
// survives in plain text is caught by layout.ts.
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

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

/** Elements that have no content and no end tag. */
const VOID = new Set([
	'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex',
	'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'
]);

/** Open elements that a new element closes (HTML's optional end tags). */
const P = new Set(['p']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const FORM_PARTS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const IMPLIES_CLOSE = new Map<string, Set<string>>([
	['tr', new Set(['tr', 'th', 'td'])],
	['th', new Set(['th'])],
	['td', new Set(['thead', 'th', 'td'])],
	['body', new Set(['head', 'link', 'script'])],
	['a', new Set(['a'])],
	['li', new Set(['li'])],
	['option', new Set(['option'])],
	['optgroup', new Set(['optgroup', 'option'])],
	['dd', new Set(['dd', 'dt'])],
	['dt', new Set(['dd', 'dt'])],
	['rt', new Set(['rt', 'rp'])],
	['rp', new Set(['rt', 'rp'])],
	['tbody', new Set(['thead', 'tbody'])],
	['tfoot', new Set(['thead', 'tbody'])],
	...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [h, HEADINGS] as [string, Set<string>]),
	...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM_PARTS] as [string, Set<string>]),
	...['p', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
		(t) => [t, P] as [string, Set<string>]
	)
]);

/** Elements inside SVG or MathML whose content is HTML again. */
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'desc', 'title']);

/**
 * Open elements kept at most; deeper ones are flattened into the deepest kept element (their
 * text stays, their own markup is ignored). No real page nests more than a few dozen levels.
 */
export const MAX_DEPTH = 1000;

interface Events {
	open(name: string, attribs: Record<string, string>): void;
	close(name: string): void;
	text(data: string): void;
}

/**
 * Tokenizes `html` and reports elements as a forgiving HTML parser would (implied end tags,
 * void elements, stray end tags ignored, `</p>` alone is an empty paragraph), in time linear in
 * the input whatever the nesting.
 */
function walk(html: string, on: Events): void {
	const stack: string[] = [];
	const openCount = new Map<string, number>();
	/** elements opened beyond MAX_DEPTH, by name: their end tags are swallowed */
	const flattened = new Map<string, number>();
	let tagName = '';
	let attribs: Record<string, string> | null = null;
	let attribName = '';
	let attribValue = '';

	const bump = (m: Map<string, number>, name: string, by: number) => m.set(name, (m.get(name) ?? 0) + by);
	/** the content model inside each element that changes it (SVG, MathML, HTML again) */
	const context: Array<'html' | 'svg' | 'math'> = ['html'];
	/** per open element: whether it pushed a context */
	const switched: boolean[] = [];
	const pop = () => {
		const name = stack.pop()!;
		bump(openCount, name, -1);
		if (switched.pop()) context.pop();
		on.close(name);
	};
	const push = (name: string) => {
		const inside = context[context.length - 1]!;
		const next = name === 'svg' || name === 'math' ? name : INTEGRATION.has(name) || (name === 'foreignobject' && inside === 'svg') ? 'html' : null;
		stack.push(name);
		bump(openCount, name, 1);
		switched.push(next != null);
		if (next) context.push(next);
	};
	const startTag = (name: string) => {
		tagName = name;
		// A second <form> inside an open one is ignored, as browsers do.
		if (name === 'form' && (openCount.get('form') ?? 0) > 0) {
			attribs = null;
			return;
		}
		const closes = IMPLIES_CLOSE.get(name);
		if (closes) while (stack.length > 0 && closes.has(stack[stack.length - 1]!)) pop();
		attribs = {};
	};
	/** Ends a start tag: 'pushed' when the element is now open. */
	const endStartTag = (): 'pushed' | 'flattened' | 'void' | 'ignored' => {
		const name = tagName;
		tagName = '';
		const a = attribs;
		attribs = null;
		if (a == null) return 'ignored';
		if (VOID.has(name)) {
			on.open(name, a);
			on.close(name);
			return 'void';
		}
		if (stack.length >= MAX_DEPTH) {
			bump(flattened, name, 1);
			return 'flattened';
		}
		push(name);
		on.open(name, a);
		return 'pushed';
	};
	const endTag = (name: string) => {
		if (VOID.has(name)) {
			if (name === 'br') {
				on.open('br', {});
				on.close('br');
			}
			return;
		}
		if ((flattened.get(name) ?? 0) > 0) {
			bump(flattened, name, -1);
			return;
		}
		if ((openCount.get(name) ?? 0) > 0) {
			// Each element is popped once, so closing many at a time stays linear overall.
			while (stack[stack.length - 1] !== name) pop();
			pop();
		} else if (name === 'p') {
			startTag('p');
			if (endStartTag() === 'pushed') pop();
		}
	};
	const slice = (start: number, end: number) => html.slice(start, end);
	const foreign = () => context[context.length - 1] !== 'html';
	/** A tag's name, lower-cased; <image> is an old spelling of <img> outside SVG. */
	const tag = (start: number, end: number) => {
		const name = slice(start, end).toLowerCase();
		return name === 'image' && !foreign() ? 'img' : name;
	};

	const callbacks: TokenizerCallbacks = {
		ontext: (start, end) => on.text(slice(start, end)),
		ontextentity: (cp) => on.text(String.fromCodePoint(cp)),
		onopentagname: (start, end) => startTag(tag(start, end)),
		onopentagend: () => endStartTag(),
		onselfclosingtag: () => {
			const name = tagName;
			const outcome = endStartTag();
			if (outcome === 'pushed') pop();
			else if (outcome === 'flattened') bump(flattened, name, -1);
		},
		onclosetag: (start, end) => endTag(tag(start, end)),
		onattribname: (start, end) => {
			attribName = slice(start, end).toLowerCase();
		},
		onattribdata: (start, end) => {
			attribValue += slice(start, end);
		},
		onattribentity: (cp) => {
			attribValue += String.fromCodePoint(cp);
		},
		onattribend: () => {
			if (attribs && !Object.hasOwn(attribs, attribName)) attribs[attribName] = attribValue;
			attribValue = '';
		},
		oncdata: (start, end, offset) => {
			if (foreign()) on.text(slice(start, end - offset));
		},
		oncomment: () => {},
		ondeclaration: () => {},
		onprocessinginstruction: () => {},
		onend: () => {
			while (stack.length > 0) pop();
		},
		// Inside <svg> and <math>, <title>/<script> are ordinary elements, not raw text.
		isInForeignContext: () => foreign()
	};
	const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true, recognizeSelfClosing: true }, callbacks);
	tokenizer.write(html);
	tokenizer.end();
}

/**
 * Joins text parts into trimmed lines with at most one blank line between blocks: the lines of the
 * joined parts, each with its runs of white space made one space and trimmed, a blank line kept
 * only after a line that is not blank. Read line by line (an empty line costs no regex call).
 */
function tidy(parts: string[]): string {
	const all = parts.join('');
	const out: string[] = [];
	let blankBefore = true;
	for (let at = 0; at <= all.length; ) {
		let nl = all.indexOf('\n', at);
		if (nl < 0) nl = all.length;
		const line = nl === at ? '' : all.slice(at, nl).replace(/[\t\f\r ]+/g, ' ').trim();
		if (line !== '' || !blankBefore) out.push(line);
		blankBefore = line === '';
		at = nl + 1;
	}
	return out.join('\n').trim();
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
	// A third line end in a row adds nothing tidy() keeps (more blank lines in a row are one): 10⁵
	// nested blocks end as many lines, which are not all pushed. (how many parts each array ends with
	// are line ends)
	let mainEnds = 0;
	let pageEnds = 0;
	const newline = () => {
		if (mainEnds < 2) main.push('\n');
		if (pageEnds < 2) page.push('\n');
		mainEnds++;
		pageEnds++;
	};

	walk(html, {
		open(name, attribs) {
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
		close(name) {
			stack.pop();
			if (name === 'title') inTitle = false;
			if (name === 'h1' && inH1) {
				inH1 = false;
				h1 = (h1 ?? '').trim() || null;
			}
			if (BLOCK_TAGS.has(name)) newline();
		},
		text(data) {
			if (inTitle) titleTag += data;
			const at = top();
			if (at?.invisible) return;
			const text = data.replace(/[\t\n\r\f ]+/g, ' ');
			page.push(text);
			pageEnds = 0;
			if (at?.chrome) return;
			main.push(text);
			mainEnds = 0;
			if (inH1) h1 = (h1 ?? '') + text;
		}
	});

	const heading = (h1 as string | null)?.replace(/\s+/g, ' ').trim();
	return { text: tidy(main), title: heading || cleanTitle(titleTag), pageText: tidy(page) };
}
