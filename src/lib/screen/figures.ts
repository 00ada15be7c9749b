// The figures a page of the wall shows, each with where it comes from: what the presenter view
// lists so a presenter can answer "where does this number come from?". Labels are left as data
// for the view to translate. The numbers come from the same query modules as the wall's.
import type { Meeting } from '../corpus/schema.ts';
import type { Qualifier } from '../extract/types.ts';
import type { Coverage } from '../query/overview.ts';
import { replayFrame, type ReplayAnswer } from '../query/replayAnswer.ts';
import type { ScreenHeadline } from '../query/screenAnswer.ts';
import type { ScreenPage } from './tour.ts';
import type { FigureSource, LatestMeeting, RankRow, Trend } from './widgets.ts';

export type FigureLabel =
	| { kind: 'count'; what: keyof Coverage }
	| { kind: 'indicator'; indicator: string; year: number | null }
	| { kind: 'province'; code: string; indicator: string | null }
	| { kind: 'year'; year: number; indicator: string }
	| { kind: 'meeting'; meeting: Meeting }
	| { kind: 'replayed'; meetings: number };

export interface QuotedFigure {
	key: string;
	label: FigureLabel;
	/** null for a meeting listed without a number */
	value: number | null;
	unit: string;
	qualifier: Qualifier;
	/** the documents it was read from; empty for a count over the whole corpus */
	sources: FigureSource[];
}

export interface PageContent {
	covered: Coverage | null;
	/** the headlines with their sources (the screen's answer: screenHeadlines) */
	headlines: readonly ScreenHeadline[];
	ranking: readonly RankRow[];
	trend: Trend | null;
	trendRanking: readonly RankRow[];
	/** the latest meetings, each with its first sources */
	latest: readonly LatestMeeting[];
	/** the replay's answer (replayAnswer.ts: its told meetings with their first sources), null until it comes */
	replay: ReplayAnswer | null;
	/** the replay's step on the wall (null: not known, e.g. the wall is closed: its closing frame) */
	step: number | null;
}

/** Rows of a ranking the presenter lists (the top of it, as the wall starts its roll). */
export const LISTED = 5;

function headlineFigures(c: PageContent, limit: number): QuotedFigure[] {
	return c.headlines.slice(0, limit).map((h) => ({ key: `indicator:${h.indicator}`, label: { kind: 'indicator', indicator: h.indicator, year: h.year }, value: h.value, unit: h.unit, qualifier: h.qualifier, sources: h.sources }));
}

const ranked = (rows: readonly RankRow[], indicator: string | null): QuotedFigure[] =>
	rows.slice(0, LISTED).map((r) => ({ key: `province:${indicator ?? 'meetings'}:${r.code}`, label: { kind: 'province', code: r.code, indicator }, value: r.value, unit: r.unit, qualifier: r.qualifier, sources: r.sources }));

const listed = (rows: readonly LatestMeeting[]): QuotedFigure[] =>
	rows.slice(0, LISTED).map(({ meeting, sources }) => ({ key: `meeting:${meeting.id}`, label: { kind: 'meeting', meeting }, value: meeting.attendees, unit: '人', qualifier: meeting.attendeesQualifier ?? 'exact', sources }));

const count = (c: PageContent, what: keyof Coverage): QuotedFigure[] =>
	c.covered ? [{ key: `count:${what}`, label: { kind: 'count', what }, value: c.covered[what], unit: '', qualifier: 'exact', sources: [] }] : [];

/**
 * The figures `page` shows, with their sources.
 * @example pageFigures('achievements', content).map((f) => f.key) // ['indicator:schools', …]
 */
export function pageFigures(page: ScreenPage, c: PageContent): QuotedFigure[] {
	switch (page) {
		case 'overview':
			return [...(['documents', 'meetings', 'provinces', 'cities', 'metrics'] as const).flatMap((k) => count(c, k)), ...headlineFigures(c, 3)];
		case 'map':
			return [...count(c, 'meetings'), ...ranked(c.ranking, null)];
		case 'timeline':
			return [...count(c, 'meetings'), ...listed(c.latest)];
		case 'achievements':
			return headlineFigures(c, 6);
		case 'replay': {
			const step = c.replay ? replayFrame(c.replay, c.step ?? c.replay.steps).step : null;
			if (!step) return [];
			const told: QuotedFigure = { key: 'replayed', label: { kind: 'replayed', meetings: step.totals.meetings }, value: step.totals.meetings, unit: '', qualifier: 'exact', sources: [] };
			const m = step.meeting;
			return [told, { key: `meeting:${m.id}`, label: { kind: 'meeting', meeting: m }, value: m.attendees, unit: '人', qualifier: m.attendeesQualifier ?? 'exact', sources: step.sources }];
		}
		case 'ranking':
			return [...ranked(c.ranking, null), ...listed(c.latest)];
		case 'trend': {
			const t = c.trend;
			if (!t) return [];
			return [
				...t.points.map((p) => ({ key: `year:${p.year}`, label: { kind: 'year', year: p.year, indicator: t.indicator } as const, value: p.value, unit: t.unit, qualifier: p.qualifier, sources: p.sources })),
				...ranked(c.trendRanking, t.indicator)
			];
		}
	}
}
