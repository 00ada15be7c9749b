import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../corpus/hash.ts';
import { extractDocument } from './index.ts';

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
