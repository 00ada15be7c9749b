// ECharts options for the achievement charts. Pure: data in, option out, tested in Node.
import type { MetricCategory } from '../extract/types.ts';
import { addable, type Figure } from '../query/achievements.ts';
import { escapeHtml } from './escape.ts';
import type { EChartsOption } from './echarts.svelte.ts';

export interface ChartText {
	/** a category's display name */
	category: (c: MetricCategory) => string;
	/** a number with its unit and hedge, e.g. 2.7万余人次 */
	figure: (value: number, unit: string, qualifier: string) => string;
	/** "figures" in the interface language */
	figures: string;
	/** the region name of a code */
	region: (code: string) => string;
}

export interface BuiltChart {
	option: EChartsOption;
	/** marks drawn */
	items: number;
}

const BAR = '#0b5cad';
const grid = { left: 8, right: 24, top: 24, bottom: 8, containLabel: true };

/** Whether an added list holds any approximate figure: its total is then approximate too. */
const hedgeOf = (list: Figure[]) => (list.some((f) => f.qualifier !== 'exact') ? 'over' : 'exact');

/**
 * How many figures each category reports (unit-free, so categories compare), each bar labelled
 * with its count; clicking a bar filters by that category.
 * @example figuresByCategoryOption(figures, text).items // number of categories
 */
export function figuresByCategoryOption(figures: Figure[], text: ChartText): BuiltChart {
	const counts = new Map<MetricCategory, number>();
	for (const f of figures) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
	const rows = [...counts].sort((a, b) => a[1] - b[1]);
	return {
		items: rows.length,
		option: {
			aria: { enabled: true },
			grid,
			tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${escapeHtml(p.name)}: ${p.value} ${escapeHtml(text.figures)}` },
			xAxis: { type: 'value', minInterval: 1 },
			yAxis: { type: 'category', data: rows.map(([c]) => text.category(c)) },
			series: [
				{
					type: 'bar',
					barMaxWidth: 40,
					itemStyle: { color: BAR },
					label: { show: true, position: 'right' },
					data: rows.map(([c, n]) => ({ value: n, name: text.category(c), category: c }))
				}
			]
		}
	};
}

/** Years up to which every bar carries its sum; more bars leave no room, and the tooltip says it. */
export const LABELLED_YEARS = 10;

/**
 * Sums of one unit by year (only figures that may be added: no running totals, no rates);
 * a bar's label keeps the hedge of its figures (2.7万余人次).
 */
export function sumsByYearOption(figures: Figure[], unit: string, text: ChartText): BuiltChart {
	const byYear = Map.groupBy(
		addable(figures.filter((f) => f.unit === unit && f.year != null)),
		(f) => f.year!
	);
	const years = [...byYear.keys()].sort((a, b) => a - b);
	const label = (year: number) => {
		const list = byYear.get(year)!;
		return text.figure(list.reduce((a, f) => a + f.value, 0), unit, hedgeOf(list));
	};
	return {
		items: years.length,
		option: {
			aria: { enabled: true },
			grid,
			tooltip: { trigger: 'item', formatter: (p: { name: string }) => `${escapeHtml(p.name)}: ${escapeHtml(label(Number(p.name)))}` },
			xAxis: { type: 'category', data: years.map(String) },
			yAxis: { type: 'value', name: unit },
			series: [
				{
					type: 'bar',
					barMaxWidth: 40,
					itemStyle: { color: BAR },
					label: { show: years.length <= LABELLED_YEARS, position: 'top', formatter: (p: { name: string }) => label(Number(p.name)) },
					labelLayout: { hideOverlap: true },
					data: years.map((y) => ({ value: byYear.get(y)!.reduce((a, f) => a + f.value, 0), name: String(y), year: y }))
				}
			]
		}
	};
}

/**
 * Sums of one unit by region (the province of each figure's document), largest first, at most `limit`.
 */
export function sumsByRegionOption(figures: Figure[], unit: string, regionOf: (f: Figure) => string | null, text: ChartText, limit = 15): BuiltChart {
	const byRegion = Map.groupBy(addable(figures.filter((f) => f.unit === unit)), (f) => regionOf(f) ?? '');
	byRegion.delete('');
	const sum = (list: Figure[]) => list.reduce((a, f) => a + f.value, 0);
	const rows = [...byRegion].sort((a, b) => sum(b[1]) - sum(a[1]) || a[0].localeCompare(b[0])).slice(0, limit).reverse();
	return {
		items: rows.length,
		option: {
			aria: { enabled: true },
			// Room on the right for the bars' labels (37.34万余门), which the grid does not contain.
			grid: { ...grid, right: 80 },
			tooltip: { trigger: 'item', formatter: (p: { name: string; data: { label: string } }) => `${escapeHtml(p.name)}: ${escapeHtml(p.data.label)}` },
			xAxis: { type: 'value', name: unit },
			yAxis: { type: 'category', data: rows.map(([code]) => text.region(code)) },
			series: [
				{
					type: 'bar',
					barMaxWidth: 40,
					itemStyle: { color: '#2a9d8f' },
					label: { show: true, position: 'right', formatter: (p: { data: { label: string } }) => p.data.label },
					data: rows.map(([code, list]) => ({ value: sum(list), name: text.region(code), region: code, label: text.figure(sum(list), unit, hedgeOf(list)) }))
				}
			]
		}
	};
}
