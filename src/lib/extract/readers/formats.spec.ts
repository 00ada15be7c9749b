import { describe, expect, test } from 'vitest';
import { checkExtension, containerOf, DocumentReadError, formatOfName, maxBytesOf } from './formats.ts';

const bytes = (s: string | number[]) => (typeof s === 'string' ? new TextEncoder().encode(s) : new Uint8Array(s));
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0];
const ZIP = [0x50, 0x4b, 0x03, 0x04, 0, 0];

describe('formats', () => {
	test.each([
		['a.txt', 'text'],
		['a.HTM', 'html'],
		['报告.PDF', 'pdf'],
		['b.doc', 'doc'],
		['c.wps', 'wps'],
		['d.docx', 'docx'],
		['e.xls', null],
		['noext', null]
	])('formatOfName(%j) → %j', (name, format) => expect(formatOfName(name)).toBe(format));

	test.each([
		[bytes('%PDF-1.7\n'), 'pdf'],
		[bytes('\n\n  %PDF-1.4'), 'pdf'],
		[bytes(ZIP), 'zip'],
		[bytes(CFB), 'cfb'],
		[bytes('全省职业教育'), 'other']
	])('containerOf → %s', (b, container) => expect(containerOf(b)).toBe(container));

	test('containerOf finds %PDF- where the former scan of every position of the first kilobyte did', () => {
		const former = (b: Uint8Array) => {
			const head = b.subarray(0, 1024);
			for (let i = 0; i + 5 <= head.length; i++) if ([0x25, 0x50, 0x44, 0x46, 0x2d].every((x, k) => head[i + k] === x)) return 'pdf';
			return 'other';
		};
		const pdf = [...'%PDF-'].map((c) => c.charCodeAt(0));
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		for (let n = 0; n < 2000; n++) {
			// '%', 'P', 'D', 'F', '-' and other bytes, a signature (whole or cut) near the kilobyte's end
			const b = Array.from({ length: Math.floor(next() * 1100) }, () => (next() < 0.5 ? pdf[Math.floor(next() * 5)]! : Math.floor(next() * 256)));
			if (next() < 0.3) b.splice(Math.max(0, 1019 + Math.floor(next() * 6) - 3), 0, ...pdf.slice(0, 3 + Math.floor(next() * 3)));
			const bytes = new Uint8Array(b);
			if (bytes[0] === 0xd0 || bytes[0] === 0x50) continue; // (compound files and zips are told apart first)
			expect(containerOf(bytes), String(n)).toBe(former(bytes));
		}
	});

	test.each([
		['a.pdf', bytes('%PDF-1.7'), 'pdf'],
		['a.docx', bytes(ZIP), 'docx'],
		['a.docx', bytes(CFB), 'docx'],
		['a.doc', bytes(CFB), 'doc'],
		['a.wps', bytes('old kingsoft'), 'wps'],
		['a.txt', bytes('正文'), 'text']
	])('checkExtension(%j) accepts its own format', (name, b, format) => expect(checkExtension(name, b)).toBe(format));

	test.each([
		['a.pdf', bytes('<html>'), 'its name says .pdf but its content is a text file'],
		['a.docx', bytes('%PDF-1.7'), 'its name says .docx but its content is a PDF file'],
		['a.doc', bytes(ZIP), 'its name says .doc but its content is a zip archive'],
		['a.html', bytes(CFB), 'its name says .html but its content is a Word 97-2003'],
		['a.xls', bytes(CFB), 'not a document format']
	])('checkExtension(%j) refuses, naming the file', (name, b, words) => {
		expect(() => checkExtension(name, b)).toThrow(DocumentReadError);
		expect(() => checkExtension(name, b)).toThrow(`${name}: ${words}`);
	});

	test('size limits: text as before, Word four times, PDF eight times', () => {
		expect(maxBytesOf('a.txt')).toBe(5 * 2 ** 20);
		expect(maxBytesOf('a.doc')).toBe(20 * 2 ** 20);
		expect(maxBytesOf('a.pdf')).toBe(40 * 2 ** 20);
	});
});
