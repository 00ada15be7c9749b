import { describe, expect, test } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import type { Metric } from '../corpus/schema.ts';
import { replayAnswer } from '../query/replayAnswer.ts';
import { replayRequest, screenRequest } from '../query/requests.ts';
import { screenAnswer } from '../query/screenAnswer.ts';
import { NO_FILTERS } from '../state/filters.ts';
import { pageFigures, type PageContent } from './figures.ts';
import { SCREEN_PAGES } from './tour.ts';

const content = sampleContent();
// a figure the overview can quote: schools in 浙江, 2022
const schools: Metric = { ...content.metrics[0]!, id: 'news-a$2', value: 44, unit: '所', category: 'institution', subject: '职业院校', indicator: 'schools', text: '职业院校44所', evidence: { docId: 'news-a', start: 100, end: 107, text: '全省职业院校44所' } };
content.metrics.push(schools);
// the screen's answer, as the wall and the presenter ask it (screenAnswer.ts)
const answer = screenAnswer(content, screenRequest(NO_FILTERS, 'schools'));
const page: PageContent = {
	covered: answer.coverage,
	headlines: answer.headlines,
	ranking: answer.ranking,
	trend: answer.trend,
	trendRanking: answer.trendRanking,
	latest: answer.latest,
	// the replay's answer (replayAnswer.ts), its first meeting on show
	replay: replayAnswer(content, replayRequest(NO_FILTERS)),
	step: 0
};

describe('pageFigures', () => {
	test.each<[(typeof SCREEN_PAGES)[number], string[]]>([
		['overview', ['count:documents', 'count:meetings', 'count:provinces', 'count:cities', 'count:metrics', 'indicator:schools']],
		['map', ['count:meetings', 'province:meetings:330000']],
		['timeline', ['count:meetings', 'meeting:news-a#0']],
		['achievements', ['indicator:schools']],
		['replay', ['replayed', 'meeting:news-a#0']],
		['ranking', ['province:meetings:330000', 'meeting:news-a#0']],
		['trend', ['year:2022', 'province:schools:330000']]
	])('%s', (name, keys) => {
		expect(pageFigures(name, page).map((f) => f.key)).toEqual(keys);
	});

	test('a figure names its document, date and the phrase it was read in; a count names none', () => {
		const [documents, , , , , school] = pageFigures('overview', page);
		expect(documents!.sources).toEqual([]);
		expect(school).toMatchObject({ value: 44, unit: '所', sources: [{ docId: 'news-a', title: '论坛在杭州举行', date: '2022-10-20', evidence: '全省职业院校44所' }] });
		const meeting = pageFigures('replay', page)[1]!;
		expect(meeting.sources.map((s) => [s.docId, s.evidence])).toEqual([['news-a', '华东职业教育协作论坛在杭州举行'], ['news-b', null]]);
		expect(meeting).toMatchObject({ value: 120, qualifier: 'over' });
	});

	test('an empty corpus quotes nothing but the counts', () => {
		const empty: PageContent = { ...page, headlines: [], ranking: [], trend: null, trendRanking: [], latest: [], replay: null, step: null };
		for (const p of SCREEN_PAGES) expect(pageFigures(p, empty).every((f) => f.key.startsWith('count:'))).toBe(true);
	});
});
