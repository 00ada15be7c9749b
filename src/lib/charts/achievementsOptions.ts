// ECharts options for the achievement charts. Pure: data in, option out, tested in Node.
import type { MetricCategory } from '../extract/types.ts';
import { NATIONAL, placeOf, totalsBy, yearTotalsByScope, type Figure, type Total } from '../query/achievements.ts';
import { escapeHtml } from './escape.ts';
import type { EChartsOption } from './echarts.svelte.ts';

export interface ChartText {
	/** a category's display name */
	category: (c: MetricCategory) => string;
	/** a number with its unit and hedge, e.g. 2.7万余人次 */
	figure: (value: number, unit: string, qualifier: string) => string;
	/** "figures" in the interface language */
	figures: string;
	/** the region name of a code (100000: the whole country) */
	region: (code: string) => string;
	/** an indicator's display name */
	indicator?: (indicator: string) => string;
	/** a unit in the interface language (the axis name); the unit as written when absent */
	unit?: (unit: string) => string;
	/** the name of the sum of the places' own figures, beside the country's (各地区合计) */
	placesSum?: string;
}

export interface BuiltChart {
	option: EChartsOption;
	/** marks drawn */
	items: number;
}

const BAR = '#0b5cad';
/** The whole country's bars (as in the region chart). */
const COUNTRY = '#2a9d8f';
const grid = { left: 8, right: 24, top: 24, bottom: 8, containLabel: true };
/**
 * The tooltip's box goes where it always went, in the chart's own element, but named: without
 * `appendTo` ECharts reads the element's computed position on every update (to make it relative),
 * which on a filter change forces a style recalculation of the whole page in the middle of it
 * (~2-4 ms at 10k documents). The chart's element is absolutely placed (EChart.svelte), so the box
 * is placed the same.
 */
const inChart = (chart: HTMLElement) => chart;

/**
 * Horizontal bars of how many figures each key counts, each bar labelled with its count; a bar's
 * data carries its key under `field`, for a click to pick it.
 */
function countBars<K extends string>(rows: [K, number][], label: (k: K) => string, field: string, text: ChartText): BuiltChart {
	return {
		items: rows.length,
		option: {
			aria: { enabled: true },
			grid,
			tooltip: { trigger: 'item', appendTo: inChart, formatter: (p: { name: string; value: number }) => `${escapeHtml(p.name)}: ${p.value} ${escapeHtml(text.figures)}` },
			xAxis: { type: 'value', minInterval: 1 },
			yAxis: { type: 'category', data: rows.map(([k]) => label(k)) },
			series: [
				{
					type: 'bar',
					barMaxWidth: 40,
					itemStyle: { color: BAR },
					label: { show: true, position: 'right' },
					data: rows.map(([k, n]) => ({ value: n, name: label(k), [field]: k }))
				}
			]
		}
	};
}

const countBy = <K extends string>(figures: Figure[], key: (f: Figure) => K): Map<K, number> => {
	const counts = new Map<K, number>();
	for (const f of figures) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
	return counts;
};

/**
 * How many figures each category reports (unit-free, so categories compare); clicking a bar
 * filters by that category.
 * @example figuresByCategoryOption(figures, text).items // number of categories
 */
export function figuresByCategoryOption(figures: Figure[], text: ChartText): BuiltChart {
	return categoryCountsOption(countBy(figures, (f) => f.category), text);
}

/** figuresByCategoryOption from the figures' counts by category, in the order the categories first come (computed where the figures are). */
export function categoryCountsOption(counts: Iterable<[MetricCategory, number]>, text: ChartText): BuiltChart {
	const rows = [...counts].sort((a, b) => a[1] - b[1]);
	return countBars(rows, text.category, 'category', text);
}

/**
 * How many figures each indicator counts (the `limit` most reported); clicking a bar picks that
 * indicator.
 * @example figuresByIndicatorOption(figures, text).items // number of indicators shown
 */
export function figuresByIndicatorOption(figures: Figure[], text: ChartText, limit = 15): BuiltChart {
	return indicatorCountsOption(countBy(figures, (f) => f.indicator), text, limit);
}

/** figuresByIndicatorOption from the figures' counts by indicator (computed where the figures are). */
export function indicatorCountsOption(counts: Iterable<[string, number]>, text: ChartText, limit = 15): BuiltChart {
	const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).reverse();
	return countBars(rows, text.indicator ?? ((i: string) => i), 'indicator', text);
}

/** Years up to which every bar carries its sum; more bars leave no room, and the tooltip says it. */
export const LABELLED_YEARS = 10;

const labelOf = (t: Total, text: ChartText) => text.figure(t.value!, t.unit, t.qualifier);

/**
 * One indicator's totals by year, in one unit (figures of other units are left out); each year
 * adds its places by the rules of aggregate.ts, and a bar's label keeps the total's hedge
 * (2.7万余人次; 近 and 余 together: 约). Years whose figures may not be added have no bar. The
 * country's own figures and the sum of the places' stand side by side as two series: a national
 * total among years of a few provinces' figures would read as a jump that never happened.
 * @example sumsByYearOption(indicatorFigures(figures, 'schools', '所'), '所', text)
 */
export function sumsByYearOption(figures: Figure[], unit: string, text: ChartText): BuiltChart {
	return yearTotalsOption(yearTotalsByScope(figures.filter((f) => f.unit === unit)), unit, text);
}

/** sumsByYearOption from the totals by year (yearTotalsByScope of the figures in that unit); reads each total's value, unit and qualifier. */
export function yearTotalsOption({ national, places }: { national: Map<number, Total>; places: Map<number, Total> }, unit: string, text: ChartText): BuiltChart {
	const groups: { name: string | null; totals: Map<number, Total>; color: string }[] =
		national.size && places.size
			? [
					{ name: text.region(NATIONAL), totals: national, color: COUNTRY },
					{ name: text.placesSum ?? '', totals: places, color: BAR }
				]
			: [national.size ? { name: null, totals: national, color: COUNTRY } : { name: null, totals: places, color: BAR }];
	const years = [...new Set(groups.flatMap((g) => [...g.totals].filter(([, t]) => t.value != null).map(([y]) => y)))].sort((a, b) => a - b);
	const label = (totals: Map<number, Total>, year: number) => {
		const t = totals.get(year);
		return t?.value != null ? labelOf(t, text) : '';
	};
	const named = groups.length > 1;
	return {
		items: groups.reduce((n, g) => n + years.filter((y) => g.totals.get(y)?.value != null).length, 0),
		option: {
			aria: { enabled: true },
			grid: named ? { ...grid, top: 40 } : grid,
			...(named ? { legend: { top: 0, data: groups.map((g) => g.name!) } } : {}),
			tooltip: {
				trigger: 'item',
				appendTo: inChart,
				formatter: (p: { name: string; seriesIndex?: number; seriesName?: string }) =>
					`${named ? `${escapeHtml(p.seriesName ?? '')} · ` : ''}${escapeHtml(p.name)}: ${escapeHtml(label(groups[p.seriesIndex ?? 0]!.totals, Number(p.name)))}`
			},
			xAxis: { type: 'category', data: years.map(String) },
			yAxis: { type: 'value', name: text.unit ? text.unit(unit) : unit },
			series: groups.map((g) => ({
				type: 'bar',
				...(g.name != null ? { name: g.name } : {}),
				barMaxWidth: 40,
				itemStyle: { color: g.color },
				label: { show: years.length <= LABELLED_YEARS, position: 'top', formatter: (p: { name: string }) => label(g.totals, Number(p.name)) },
				labelLayout: { hideOverlap: true },
				data: years.map((y) => ({ value: g.totals.get(y)?.value ?? null, name: String(y), year: y }))
			}))
		}
	};
}

/**
 * One indicator's totals by place (the country, provinces, or a province's cities when
 * `byCity`), largest first, at most `limit`; each place's years follow the rules of aggregate.ts
 * (a stock: its latest year; a flow: the years add up).
 */
export function sumsByRegionOption(figures: Figure[], unit: string, byCity: boolean, text: ChartText, limit = 15): BuiltChart {
	const totals = totalsBy(
		figures.filter((f) => f.unit === unit),
		(f) => placeOf(f, byCity)
	);
	return regionTotalsOption(totals, unit, text, limit);
}

/** sumsByRegionOption from the totals by place (totalsBy placeOf); reads each total's value, unit and qualifier. */
export function regionTotalsOption(totals: Map<string, Total>, unit: string, text: ChartText, limit = 15): BuiltChart {
	const rows = [...totals]
		.filter(([, t]) => t.value != null)
		.sort((a, b) => b[1].value! - a[1].value! || a[0].localeCompare(b[0]))
		.slice(0, limit)
		.reverse();
	return {
		items: rows.length,
		option: {
			aria: { enabled: true },
			// Room on the right for the bars' labels (37.34万余门), which the grid does not contain.
			grid: { ...grid, right: 80 },
			tooltip: { trigger: 'item', appendTo: inChart, formatter: (p: { name: string; data: { label: string } }) => `${escapeHtml(p.name)}: ${escapeHtml(p.data.label)}` },
			// Few ticks: the labels of a 1.17万 axis (2,000 4,000 …) otherwise run into each other.
			xAxis: { type: 'value', name: text.unit ? text.unit(unit) : unit, splitNumber: 3, axisLabel: { hideOverlap: true } },
			yAxis: { type: 'category', data: rows.map(([code]) => text.region(code)) },
			series: [
				{
					type: 'bar',
					barMaxWidth: 40,
					itemStyle: { color: COUNTRY },
					label: { show: true, position: 'right', formatter: (p: { data: { label: string } }) => p.data.label },
					data: rows.map(([code, t]) => ({ value: t.value!, name: text.region(code), region: code, label: labelOf(t, text) }))
				}
			]
		}
	};
}
