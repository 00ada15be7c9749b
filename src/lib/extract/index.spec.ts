import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../corpus/hash.ts';
import { extractDocument, extractDocuments } from './index.ts';

const enc = new TextEncoder();

describe('extractDocument', () => {
	// Node's native hash and the portable one (browser, worker) must give the same contentHash
	it.each([
		['title and body', '标题\n正文：职业教育活动周开幕，300余人出席。'],
		['characters outside the BMP', '会议😀召开。\n𠀀字。'],
		['ASCII only', 'Annual meeting.\n120 schools.']
	])('%s: contentHash is the portable SHA-256 of the text', (_, text) => {
		expect(extractDocument('a.txt', enc.encode(text)).document.contentHash).toBe(sha256Hex(text));
	});

	it('a figure keeps the same text as its evidence', () => {
		const { metrics } = extractDocument('a.txt', enc.encode('标题\n今年全省共有中职学校120所，在校生5.6万人。'));
		expect(metrics.length).toBeGreaterThan(0);
		for (const m of metrics) expect(m.text).toBe(m.evidence.text);
	});
});

describe('extractDocuments', () => {
	const dir = join(import.meta.dirname, '../../../tests/fixtures/docs');
	// the project's own documents (text, GBK, HTML, an empty and a binary file), each twice, and two made here
	const files = readdirSync(dir)
		.filter((n) => /\.(txt|html)$/.test(n))
		.map((fileName) => ({ fileName, bytes: new Uint8Array(readFileSync(join(dir, fileName))) }));
	const inputs = [...files, ...files, { fileName: 'x.txt', bytes: enc.encode('标题\n5月9日，全省职业教育工作会议在太原召开，200余人参加。') }, { fileName: 'y.html', bytes: enc.encode('<h1>会议</h1><p>学院举办技能大赛，共有30所学校参赛。</p>') }];
	const alone = inputs.map((f) => {
		try {
			return { facts: extractDocument(f.fileName, f.bytes) };
		} catch (error) {
			return { error };
		}
	});

	it.each([1, 2, 3, 7, inputs.length])('in batches of %i gives each document what it gives alone', (size) => {
		const got = [];
		for (let i = 0; i < inputs.length; i += size) got.push(...extractDocuments(inputs.slice(i, i + size)));
		expect(got).toEqual(alone);
	});

	it('a document that cannot be read is reported with its error; the others of its batch go through', () => {
		const results = extractDocuments(inputs);
		const failed = results.flatMap((r, i) => ('error' in r ? [inputs[i]!.fileName] : []));
		expect(failed.sort()).toEqual(['binary.txt', 'binary.txt', 'empty.txt', 'empty.txt']);
		expect(results.filter((r) => 'facts' in r)).toHaveLength(inputs.length - 4);
	});

	it('gives the prepared text the evidence points into', () => {
		const [r] = extractDocuments([inputs.at(-2)!]);
		const facts = 'facts' in r! ? r.facts : null;
		const m = facts!.meetings[0]!;
		expect(facts!.text.slice(m.evidence[0]!.start, m.evidence[0]!.end)).toContain('会议');
	});
});
