// The facts worker's records hold what its answers read, and no more: at 100,000 documents the
// corpus's 200,000 places are ~50 MB of the worker's heap as parsed, ~12 MB as the four fields the
// views' answers read (the map's and the overview's: a place's document, division and mentions; the
// import page's stale corrections: where its evidence is, without its text).
// The document page's places, with their names, levels, coordinates and evidence, are read from the
// database for that one document (db/documentRead.ts), never from these.
import type { Place } from '../corpus/schema.ts';
import type { Facts } from './facts.ts';

/** What the worker keeps of a place: its id, its document, its division, how often it is named and where (its key: corpus/edits.ts's factKey). */
export type SlimPlace = Pick<Place, 'id' | 'docId' | 'adcode' | 'mentions'> & { evidence: Pick<Place['evidence'], 'docId' | 'start' | 'end'> };

/**
 * The facts with each place cut to a SlimPlace (the other records as they are). The places keep
 * their type's name only for the engine, which reads these fields of them: not for answers
 * that return places (the document request is answered from the database instead).
 * @example slimPlaces(facts).places[0] // { id: 'news-a@330100', docId: 'news-a', adcode: '330100', mentions: 2, evidence: { docId: 'news-a', start: 20, end: 22 } }
 */
export function slimPlaces(facts: Facts): Facts {
	const places = facts.places.map((p): SlimPlace => ({ id: p.id, docId: p.docId, adcode: p.adcode, mentions: p.mentions, evidence: { docId: p.evidence.docId, start: p.evidence.start, end: p.evidence.end } }));
	return { ...facts, places: places as Place[] };
}
