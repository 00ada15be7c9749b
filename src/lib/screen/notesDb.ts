// The speaker notes in IndexedDB (the `notes` table, Dexie version 5).
import type { DashboardDB } from '../db/db.ts';
import { asStorageError } from '../db/errors.ts';
import { MAX_NOTE, type SpeakerNote } from './notes.ts';
import type { ScreenPage } from './tour.ts';

/** Every page's note, by page. */
export async function readNotes(db: DashboardDB): Promise<Map<ScreenPage, SpeakerNote>> {
	return new Map((await db.notes.toArray()).map((n) => [n.page, n]));
}

/**
 * Stores a page's note (an empty text too: the later empty note wins over an older file's on a
 * restore). Cut to MAX_NOTE characters; throws StorageError when it was not stored.
 */
export async function saveNote(db: DashboardDB, page: ScreenPage, text: string, at = new Date()): Promise<SpeakerNote> {
	const note: SpeakerNote = { page, text: text.slice(0, MAX_NOTE), updatedAt: at.toISOString() };
	await asStorageError(() => db.notes.put(note));
	return note;
}
