// A small, hand-written corpus for tests of the corpus, the database and the views.
import { SCHEMA_VERSION, type Corpus, type CorpusContent } from './schema.ts';
import { sealCorpus } from './validate.ts';

/** Two documents, one meeting reported by both, a place and two metrics. Unsealed: no hash. */
export function sampleContent(): CorpusContent {
	const hash = 'a'.repeat(64);
	return {
		schemaVersion: SCHEMA_VERSION,
		documents: [
			{ id: 'news-a', fileName: 'news-a.txt', title: '论坛在杭州举行', publishedAt: '2022-10-20', kind: 'news', length: 200, encoding: 'utf-8', regionCode: '330100', contentHash: hash, sourceUrl: null },
			{ id: 'news-b', fileName: 'news-b.html', title: null, publishedAt: null, kind: 'news', length: 120, encoding: 'gb18030', regionCode: null, contentHash: 'b'.repeat(64), sourceUrl: null }
		],
		meetings: [
			{
				id: 'news-a#0',
				name: '华东职业教育协作论坛',
				startDate: '2022-10-18',
				endDate: '2022-10-19',
				datePrecision: 'day',
				province: '浙江省',
				provinceCode: '330000',
				city: '杭州市',
				cityCode: '330100',
				county: null,
				countyCode: null,
				attendees: 120,
				attendeesQualifier: 'over',
				participantCodes: ['330100', '320000'],
				docIds: ['news-a', 'news-b'],
				evidence: [{ docId: 'news-a', start: 10, end: 40, text: '华东职业教育协作论坛在杭州举行' }]
			}
		],
		places: [
			{ id: 'news-a@330100', docId: 'news-a', name: '杭州市', adcode: '330100', level: 'city', lng: 120.15, lat: 30.28, mentions: 2, evidence: { docId: 'news-a', start: 20, end: 22, text: '杭州' } }
		],
		metrics: [
			{ id: 'news-a$0', docId: 'news-a', value: 15, unit: '份', qualifier: 'exact', category: 'research', cumulative: false, year: 2022, subject: '研究报告', indicator: '研究报告', scopeCode: null, change: null, part: false, text: '发布研究报告15份', evidence: { docId: 'news-a', start: 60, end: 69, text: '发布研究报告15份' } },
			{ id: 'news-a$1', docId: 'news-a', value: 12000, unit: '人次', qualifier: 'exact', category: 'training', cumulative: true, year: null, subject: '培训教师', indicator: '培训教师', scopeCode: null, change: null, part: false, text: '累计培训教师1.2万人次', evidence: { docId: 'news-a', start: 80, end: 92, text: '累计培训教师1.2万人次' } }
		]
	};
}

/**
 * A sealed copy of `corpus` that keeps only its first `n` documents and their facts: a "new
 * corpus" for tests of what happens when one ships.
 * @example firstDocuments(shipped, 2).documents.length // 2
 */
export function firstDocuments(corpus: Corpus, n: number): Corpus {
	const documents = corpus.documents.slice(0, n);
	const kept = new Set(documents.map((d) => d.id));
	return sealCorpus({
		schemaVersion: corpus.schemaVersion,
		documents,
		meetings: corpus.meetings.filter((m) => m.docIds.every((d) => kept.has(d))),
		places: corpus.places.filter((p) => kept.has(p.docId)),
		metrics: corpus.metrics.filter((m) => kept.has(m.docId))
	});
}
