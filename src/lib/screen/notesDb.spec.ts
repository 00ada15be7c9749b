import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { DashboardDB } from '../db/db.ts';
import { MAX_NOTE } from './notes.ts';
import { readNotes, saveNote } from './notesDb.ts';

let db: DashboardDB;
beforeEach(() => {
	db = new DashboardDB(`notes-${crypto.randomUUID()}`);
});
afterEach(async () => {
	await db.delete();
});

test('a note per page, replaced by the next save, kept across a reopen', async () => {
	await saveNote(db, 'map', '先讲山东', new Date('2024-05-01T08:00:00Z'));
	await saveNote(db, 'map', '先讲山东，再讲江苏', new Date('2024-05-01T08:01:00Z'));
	await saveNote(db, 'replay', 'x'.repeat(MAX_NOTE + 5));
	db.close();
	const again = new DashboardDB(db.name);
	const notes = await readNotes(again);
	expect(notes.get('map')).toEqual({ page: 'map', text: '先讲山东，再讲江苏', updatedAt: '2024-05-01T08:01:00.000Z' });
	expect(notes.get('replay')!.text).toHaveLength(MAX_NOTE);
	expect(notes.has('overview')).toBe(false);
	again.close();
	await db.open();
});
