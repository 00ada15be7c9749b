// Speaker notes: one text per page of the wall, written in the presenter view, kept in IndexedDB
// and carried in the corpus exchange file. Pure checks and merging here; storage in db/notes.ts.
import { isScreenPage, type ScreenPage } from './tour.ts';

export interface SpeakerNote {
	page: ScreenPage;
	text: string;
	/** ISO time of the last change */
	updatedAt: string;
}

/** A note's longest text: a page of speaker notes, several times over. */
export const MAX_NOTE = 20_000;

/**
 * The problems of the `notes` of an exchange file, named by index and field; an absent list is
 * fine (files written before notes existed).
 * @example noteErrors([{ page: 'slides', text: '', updatedAt: '2024-05-01T08:00:00.000Z' }]) // ['notes[0].page: …']
 */
export function noteErrors(value: unknown): string[] {
	if (value === undefined) return [];
	if (!Array.isArray(value)) return ['notes: must be an array'];
	const errors: string[] = [];
	const seen = new Set<string>();
	value.forEach((n, i) => {
		if (!n || typeof n !== 'object') return void errors.push(`notes[${i}]: must be an object`);
		const o = n as Record<string, unknown>;
		if (!isScreenPage(o.page)) errors.push(`notes[${i}].page: must be a page of the wall (${String(o.page).slice(0, 40)})`);
		else if (seen.has(o.page)) errors.push(`notes[${i}].page: a second note for ${o.page}`);
		else seen.add(o.page);
		if (typeof o.text !== 'string') errors.push(`notes[${i}].text: must be a string`);
		else if (o.text.length > MAX_NOTE) errors.push(`notes[${i}].text: has ${o.text.length} characters, at most ${MAX_NOTE}`);
		if (typeof o.updatedAt !== 'string' || Number.isNaN(Date.parse(o.updatedAt))) errors.push(`notes[${i}].updatedAt: must be a date and time`);
	});
	return errors;
}

/** The notes of a checked list, with only their own fields. */
export const cleanNotes = (value: unknown): SpeakerNote[] =>
	Array.isArray(value) ? (value as SpeakerNote[]).map(({ page, text, updatedAt }) => ({ page, text, updatedAt })) : [];

/**
 * The notes to keep when a file's notes meet the stored ones: per page the later one wins (a
 * stored note edited after the file was written is not lost), an empty one included.
 * @example mergeNotes([{ page: 'map', text: 'old', updatedAt: '2024' }], [{ page: 'map', text: 'new', updatedAt: '2025' }])[0].text // 'new'
 */
export function mergeNotes(held: readonly SpeakerNote[], incoming: readonly SpeakerNote[]): SpeakerNote[] {
	const byPage = new Map(held.map((n) => [n.page, n]));
	const out: SpeakerNote[] = [];
	for (const n of incoming) {
		const have = byPage.get(n.page);
		if (!have || Date.parse(n.updatedAt) > Date.parse(have.updatedAt)) out.push(n);
	}
	return out;
}
