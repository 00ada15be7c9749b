import { describe, expect, test } from 'vitest';
import { messages } from '../i18n/messages/storage.ts';
import { StorageError } from '../db/errors.ts';
import { describeStorageError, localizeProblem, type Translate } from './problems.ts';

/** The Chinese catalogue as svelte-i18n would format it: `{name}` replaced by its value. */
const zh: Translate = (id, options) => {
	const text = id.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], messages['zh-CN']);
	if (typeof text !== 'string') throw new Error(`no message ${id}`);
	return text.replace(/\{(\w+)\}/g, (_, name: string) => String(options?.values?.[name] ?? `{${name}}`));
};

describe('localizeProblem', () => {
	test.each([
		['documents[0] (a).title: is longer than 300 characters', 'documents[0] (a).title：超过 300 个字符'],
		['metrics[3] (m:x:2).unit: Invalid type: Expected string but received 7', 'metrics[3] (m:x:2).unit：类型错误：应为 string，实际为 7'],
		['/_app/corpus.ab.json: HTTP 404', '/_app/corpus.ab.json：服务器返回错误（HTTP 404）'],
		['/_app/corpus.ab.json: Failed to fetch', '/_app/corpus.ab.json：网络连接失败'],
		['/_app/corpus.ab.json: timed out after 15 s', '/_app/corpus.ab.json：15 秒内没有响应'],
		['corpus: not valid JSON (Unexpected end)', '数据文件不是有效的 JSON（Unexpected end）'],
		['corpus.schemaVersion: is 1, this app reads version 2', '数据格式版本为 1，本看板读取版本 2'],
		['texts[0] (a~1).text: does not match the document\'s contentHash', 'texts[0] (a~1).text：全文与文档的内容校验值不符'],
		['metrics[1] (a$1).id: repeats an id of metrics', 'metrics[1] (a$1).id：编号与 metrics 重复'],
		['… and 12 more problems', '……另有 12 个问题'],
		['document.title: cut to 300 characters (was 412)', 'document.title：已截短为 300 个字符（原有 412 个）'],
		['metrics[0] (a$0) left out: value: must not be negative', 'metrics[0] (a$0) 已略去：value：不能为负数'],
		['document.publishedAt: "-1" is not a date, cleared', 'document.publishedAt："-1" 不是有效日期，已清除'],
		['The quota has been exceeded.', '浏览器存储空间已满，没有写入任何内容'],
		['Key already exists in the object store.', '记录编号与已保存的数据重复，没有写入任何内容'],
		['something nobody wrote a rule for', 'something nobody wrote a rule for']
	])('%s', (line, want) => expect(localizeProblem(line, zh)).toBe(want));

	test('every message key the rules use exists in both catalogues', () => {
		const used = new Set<string>();
		const spy: Translate = (id) => (used.add(id), id);
		for (const line of ['a: HTTP 500', 'a: timed out after 1 s', 'a: Failed to fetch', 'corpus: not valid JSON (x)', 'storage: the browser has no space left', 'a: must not be empty', 'a: is longer than 9 characters'])
			localizeProblem(line, spy);
		for (const id of used) {
			const [group, key] = id.split('.') as [keyof (typeof messages)['en'], string];
			expect(Object.keys(messages.en[group]), id).toContain(key);
			expect(Object.keys(messages['zh-CN'][group]), id).toContain(key);
		}
	});
});

describe('describeStorageError', () => {
	test.each([
		[new DOMException('The quota has been exceeded.', 'QuotaExceededError'), /^浏览器存储空间已满/],
		[new StorageError('collision', 'Key already exists in the object store.'), /^记录编号与已有数据冲突/],
		[new RangeError('Maximum call stack size exceeded'), /^文件中的数据过多/],
		[new Error('boom'), /^存储出错（boom）/]
	])('%s', (e, want) => expect(describeStorageError(e, zh)).toMatch(want));
});
