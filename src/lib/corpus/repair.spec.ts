import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { sampleContent } from './fixture.ts';
import type { DocumentRecords } from './rebase.ts';
import { MAX_DOCUMENT_ID, cut, cutFileName, repairRecords, shortId } from './repair.ts';
import { DocumentRecord, MeetingRecord, MetricRecord, PlaceRecord } from './schema.ts';

/** The first sample document with its own facts. */
function sample(): DocumentRecords {
	const c = sampleContent();
	return {
		document: c.documents[0]!,
		meetings: c.meetings.map((m) => ({ ...m, docIds: ['news-a'] })),
		places: c.places,
		metrics: c.metrics
	};
}

function valid(r: DocumentRecords): boolean {
	return (
		v.is(DocumentRecord, r.document) &&
		r.meetings.every((m) => v.is(MeetingRecord, m)) &&
		r.places.every((p) => v.is(PlaceRecord, p)) &&
		r.metrics.every((m) => v.is(MetricRecord, m))
	);
}

describe('repairRecords', () => {
	test('returns valid records unchanged and without warnings', () => {
		const r = sample();
		const out = repairRecords(r);
		expect(out).toEqual({ records: r, warnings: [], ok: true });
		expect(out.records).toBe(r);
	});

	const cases: Array<[string, (r: DocumentRecords) => void, RegExp]> = [
		['cuts a 412-character <h1> title', (r) => (r.document.title = '标'.repeat(412)), /^document\.title: cut to 300 characters \(was 412\)$/],
		['cuts a 310-character file name and keeps its extension', (r) => (r.document.fileName = `${'名'.repeat(306)}.docx`), /^document\.fileName: cut/],
		['names a document with an empty id', (r) => (r.document.id = ''), /^document\.id: empty/],
		['shortens a 196-character id so imported and fact ids fit', (r) => (r.document.id = 'x'.repeat(196)), /^document\.id: shortened/],
		['clears an impossible publication date', (r) => (r.document.publishedAt = '-1'), /^document\.publishedAt: "-1" is not a date/],
		['clears a year outside 1900–2100', (r) => (r.metrics[0]!.year = 9998), /^metrics\[0\]\.year: 9998/],
		['clears an impossible meeting date', (r) => (r.meetings[0]!.startDate = '0000-00'), /^meetings\[0\]\.startDate/],
		['cuts a long meeting name', (r) => (r.meetings[0]!.name = '会'.repeat(301)), /^meetings\[0\]\.name: cut/],
		['cuts long evidence', (r) => (r.places[0]!.evidence.text = '证'.repeat(81)), /^places\[0\]\.evidence\.text: cut/],
		['renames a repeated fact id', (r) => (r.metrics[1]!.id = r.metrics[0]!.id), /^metrics\[1\]\.id: repeated, renamed/],
		['leaves out a negative figure', (r) => (r.metrics[0]!.value = -5000), /^metrics\[0\] \(news-a\$0\) left out: value: must not be negative$/],
		['leaves out a figure with an over-long unit', (r) => (r.metrics[1]!.unit = '个'.repeat(13)), /^metrics\[1\] \(news-a\$1\) left out: unit/]
	];
	test.each(cases)('%s', (_, spoil, warning) => {
		const r = sample();
		spoil(r);
		const out = repairRecords(r);
		expect(out.ok).toBe(true);
		expect(out.warnings.some((w) => warning.test(w)), out.warnings.join('\n')).toBe(true);
		expect(valid(out.records)).toBe(true);
	});

	test('moves every fact to the shortened document id', () => {
		const r = sample();
		r.document.id = 'y'.repeat(250);
		r.metrics = r.metrics.map((m) => ({ ...m, id: `${r.document.id}$${m.id.slice(-1)}`, docId: r.document.id, evidence: { ...m.evidence, docId: r.document.id } }));
		const out = repairRecords(r).records;
		expect(out.document.id).toHaveLength(MAX_DOCUMENT_ID);
		expect(out.metrics.every((m) => m.docId === out.document.id && m.evidence.docId === out.document.id && m.id.startsWith(out.document.id))).toBe(true);
	});

	test('fails only when the document record itself stays invalid', () => {
		const r = sample();
		r.document.contentHash = 'not a hash';
		const out = repairRecords(r);
		expect(out.ok).toBe(false);
		expect(out.warnings.at(-1)).toMatch(/^document\.contentHash: must be a SHA-256 hex digest$/);
	});
});

describe('short forms', () => {
	test.each([
		['cut keeps short text', cut('abc', 5), 'abc'],
		['cut ends with an ellipsis', cut('abcdef', 4), 'abc…'],
		['cut never splits a surrogate pair', cut('a𠀀𠀀', 4), 'a𠀀…'],
		['cutFileName keeps the extension', cutFileName(`${'a'.repeat(20)}.html`, 10), 'aaaa….html'],
		['shortId keeps a short id', shortId('abc', 10), 'abc']
	])('%s', (_, got, want) => expect(got).toBe(want));

	test('shortId gives distinct ids of the bound for distinct long ids', () => {
		const a = shortId('z'.repeat(300) + 'a');
		const b = shortId('z'.repeat(300) + 'b');
		expect(a).not.toBe(b);
		expect(a.length).toBeLessThanOrEqual(MAX_DOCUMENT_ID);
	});
});
