import { describe, expect, test } from 'vitest';
import { cleanNotes, MAX_NOTE, mergeNotes, noteErrors, type SpeakerNote } from './notes.ts';

const at = '2024-05-01T08:00:00.000Z';
const note = (page: SpeakerNote['page'], text: string, updatedAt = at): SpeakerNote => ({ page, text, updatedAt });

describe('noteErrors', () => {
	test.each<[string, unknown, RegExp | null]>([
		['absent (an older file)', undefined, null],
		['empty', [], null],
		['two pages', [note('map', '先讲山东'), note('replay', '')], null],
		['not an array', { map: 'x' }, /^notes: must be an array/],
		['not an object', ['x'], /^notes\[0\]: must be an object/],
		['an unknown page', [{ ...note('map', 'x'), page: 'slides' }], /^notes\[0\]\.page: must be a page of the wall \(slides\)/],
		['a page twice', [note('map', 'a'), note('map', 'b')], /^notes\[1\]\.page: a second note for map/],
		['a number for text', [{ ...note('map', 'x'), text: 3 }], /^notes\[0\]\.text: must be a string/],
		['a text too long', [note('map', 'x'.repeat(MAX_NOTE + 1))], /^notes\[0\]\.text: has 20001 characters/],
		['no time', [{ page: 'map', text: 'x' }], /^notes\[0\]\.updatedAt: must be a date and time/]
	])('%s', (_, value, error) => {
		const errors = noteErrors(value);
		if (error) expect(errors[0]).toMatch(error);
		else expect(errors).toEqual([]);
	});
});

test('cleanNotes keeps only the fields of a note', () => {
	expect(cleanNotes([{ ...note('map', 'x'), extra: 1 }])).toEqual([note('map', 'x')]);
	expect(cleanNotes(undefined)).toEqual([]);
});

describe('mergeNotes', () => {
	test.each<[string, SpeakerNote[], SpeakerNote[], SpeakerNote[]]>([
		['a new page is taken', [note('map', 'a')], [note('replay', 'b')], [note('replay', 'b')]],
		['a later note replaces', [note('map', 'a')], [note('map', 'b', '2025-01-01T00:00:00.000Z')], [note('map', 'b', '2025-01-01T00:00:00.000Z')]],
		['an earlier note does not', [note('map', 'a', '2025-01-01T00:00:00.000Z')], [note('map', 'b')], []],
		['the same note is not written again', [note('map', 'a')], [note('map', 'a')], []]
	])('%s', (_, held, incoming, kept) => {
		expect(mergeNotes(held, incoming)).toEqual(kept);
	});
});
