// Read-side queries: plain functions over the database, shared by every view.
import type { Meeting } from '../corpus/schema.ts';
import type { Facts } from '../query/facts.ts';
import type { DashboardDB } from './db.ts';

export interface CorpusTotals {
	documents: number;
	meetings: number;
	places: number;
	provinces: number;
	cities: number;
	metrics: number;
}

/** Counts of what the stored corpus holds; provinces and cities are distinct divisions named. */
export async function corpusTotals(db: DashboardDB): Promise<CorpusTotals> {
	const [documents, meetings, places, metrics] = await Promise.all([
		db.documents.count(),
		db.meetings.count(),
		db.places.count(),
		db.metrics.count()
	]);
	const provinces = new Set<string>();
	const cities = new Set<string>();
	await db.places.each((p) => {
		if (p.level === 'province') provinces.add(p.adcode);
		else if (p.level === 'city') cities.add(p.adcode);
	});
	return { documents, meetings, places, provinces: provinces.size, cities: cities.size, metrics };
}

/** Meetings by start date, undated ones last, ties by name. */
export async function meetingsByDate(db: DashboardDB): Promise<Meeting[]> {
	const all = await db.meetings.toArray();
	return all.sort((a, b) => {
		if (a.startDate !== b.startDate) {
			if (a.startDate == null) return 1;
			if (b.startDate == null) return -1;
			return a.startDate < b.startDate ? -1 : 1;
		}
		return a.name.localeCompare(b.name, 'zh-CN');
	});
}

/** Every table of the corpus, read in one transaction so the views see one consistent corpus. */
export async function loadFacts(db: DashboardDB): Promise<Facts> {
	return db.transaction('r', [db.documents, db.meetings, db.places, db.metrics], async () => {
		const [documents, meetings, places, metrics] = await Promise.all([
			db.documents.toArray(),
			db.meetings.toArray(),
			db.places.toArray(),
			db.metrics.toArray()
		]);
		return { documents, meetings, places, metrics };
	});
}
