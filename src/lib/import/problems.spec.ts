import { describe, expect, test } from 'vitest';
import { problemBeforeReading, problemOf } from './problems.ts';
import { progressOf } from './progress.ts';

describe('problemBeforeReading', () => {
	test.each([
		['a.xls', 10, { code: 'unsupported', detail: '.xls' }],
		['a.pdf', 10, null],
		['a.pdf', 41 * 2 ** 20, { code: 'tooLarge', detail: '41.0' }],
		['a.doc', 21 * 2 ** 20, { code: 'tooLarge', detail: '21.0' }],
		['a.txt', 0, { code: 'empty', detail: '' }],
		['a.txt', 6 * 2 ** 20, { code: 'tooLarge', detail: '6.0' }],
		['a.docx', 6 * 2 ** 20, null],
		['a.docx', 21 * 2 ** 20, { code: 'tooLarge', detail: '21.0' }],
		['a.HTM', 100, null]
	])('%s of %d bytes → %j', (name, size, expected) => {
		expect(problemBeforeReading(name, size)).toEqual(expected);
	});
});

describe('problemOf', () => {
	test.each([
		['a.txt: the file is empty', 'empty'],
		['a.txt: the file is 7.5 MB, more than the 5 MB a document may have', 'tooLarge'],
		['a.txt: the file looks binary (control bytes), not a text or HTML document', 'binary'],
		['a.txt: the bytes are neither UTF-8 nor GBK/GB18030 text', 'encoding'],
		['something else', 'other']
	])('reads %j as %s', (message, code) => {
		expect(problemOf(new Error(message)).code).toBe(code);
	});

	test.each([
		['not a zip archive', 'docx', null],
		['it expands to 1024.0 MB, more than the 64.0 MB a document may', 'docxTooBig', 'it expands to 1024.0 MB, more than the 64.0 MB a document may'],
		['400000 paragraphs, more than the 200000 a document may have', 'docxTooBig', '400000 paragraphs, more than the 200000 a document may have']
	])('tells a .docx refused by its bounds (%s) from a damaged one', (reason, code, detail) => {
		const error = Object.assign(new Error(`not a readable .docx file (${reason})`), { name: 'DocxError' });
		expect(problemOf(error).code).toBe(code);
		if (detail) expect(problemOf(error).detail).toBe(detail);
	});

	test('keeps the size of a huge file for the message', () => {
		expect(problemOf(new Error('a.txt: the file is 7.5 MB, more than')).detail).toBe('7.5');
	});
});

describe('progressOf', () => {
	test('counts finished rows whole, errors included, so the overall bar reaches the end', () => {
		expect([progressOf('queued', 'queued'), progressOf('working', 'extracting'), progressOf('error', 'reading'), progressOf('done', 'stored')]).toEqual([0, 0.4, 1, 1]);
	});
});
