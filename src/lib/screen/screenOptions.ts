// ECharts options for the big screen: the dashboard's own builders (mapOption,
// figuresByCategoryOption) restyled for a dark wall — light text, type sized from the screen's
// height rather than fixed pixels, tooltips that stay inside the chart — plus the replay's
// lit venues. Pure: tested in Node.
import { escapeHtml } from '../charts/escape.ts';
import { categoryCountsOption, figuresByCategoryOption, type BuiltChart, type ChartText } from '../charts/achievementsOptions.ts';
import type { EChartsOption } from '../charts/echarts.svelte.ts';
import { AREA_NAME_SIZE, mapOption, NO_DATA_DECAL, POINT_ROW, type MapLabels, type MapModel, type PointRow } from '../charts/mapOption.ts';
import type { Figure } from '../query/achievements.ts';
import type { MetricCategory } from '../extract/types.ts';
import type { ReplayFrame } from '../query/replayAnswer.ts';
import type { Trend } from './widgets.ts';

export const SCREEN_COLORS = {
	text: '#e8eef5',
	muted: '#a9b8c9',
	panel: '#0f1a2a',
	border: '#3d5068',
	scale: ['#17375c', '#2f7fd0', '#8fd4ff'],
	noData: '#162233',
	highlight: '#ffb347',
	venue: '#ffd24d',
	past: '#ff7a45',
	bar: '#3d9bff'
} as const;

/** A tooltip that reads from across the room and never leaves its chart. */
export const screenTooltip = (fontSize: number) => ({
	confine: true,
	backgroundColor: 'rgba(8, 16, 28, 0.94)',
	borderColor: SCREEN_COLORS.highlight,
	borderWidth: Math.max(2, Math.round(fontSize / 12)),
	padding: [Math.round(fontSize * 0.5), Math.round(fontSize * 0.75)],
	textStyle: { color: SCREEN_COLORS.text, fontSize, lineHeight: Math.round(fontSize * 1.4) },
	// No easing: a tooltip that glides between marks is hard to follow from afar.
	transitionDuration: 0
});

export interface ScreenMapInput {
	model: MapModel;
	labels: MapLabels;
	/** px of the smallest text on the screen */
	fontSize: number;
	/** the replay's frame: the venues lit before, and the step shown now; the map then draws only venues */
	replay?: Pick<ReplayFrame, 'step' | 'past'>;
}

/** Lit venues past which the replay draws them as one path (ECharts' large scatter). */
export const PAST_LARGE = 500;

/**
 * The map, dark: the dashboard's option with the screen's colours and type, and in the replay an
 * effectScatter of the venues lit so far (the current one rippling).
 * @example screenMapOption({ model, labels, fontSize: 24 }).tooltip.textStyle.fontSize // 24
 */
export function screenMapOption({ model, labels, fontSize, replay }: ScreenMapInput) {
	const base = mapOption({ model, labels });
	const [areas, points, lines, noData, names, placeNames] = base.series;
	const small = Math.round(fontSize * 0.8);
	const decal = { ...NO_DATA_DECAL, color: 'rgba(169, 184, 201, 0.25)', backgroundColor: SCREEN_COLORS.noData };
	const label = { fontSize: small, color: SCREEN_COLORS.text, textBorderColor: '#000', textBorderWidth: 2 };

	const current = replay?.step;
	const venues = replay?.past ?? [];
	// The venue now told ripples, named even where a province's name would sit (see names below).
	const venueSeries = {
		type: 'effectScatter',
		name: labels.meetings,
		coordinateSystem: 'geo',
		zlevel: 1,
		rippleEffect: { scale: 4, brushType: 'stroke', period: 3 },
		tooltip: { formatter: (p: { name: string }) => escapeHtml(p.name) },
		label: { show: true, position: 'right', formatter: '{b}', ...label, fontSize },
		labelLayout: { hideOverlap: true },
		data: current?.coord ? [{ name: current.venueName ?? '', value: current.coord, symbolSize: Math.round(fontSize * 1.1), itemStyle: { color: SCREEN_COLORS.venue } }] : []
	};
	// The earlier venues glow steadily, each once (replayAnswer.ts), under the one told: a plain
	// scatter of rows [longitude, latitude, name], not an effect symbol and a label per venue; drawn
	// as one path past PAST_LARGE venues (at 100k documents ~3,200 lit: one element, not thousands,
	// for zrender to walk). On the map's layer, not the ripple's, which is painted again every frame.
	const pastSeries = {
		type: 'scatter',
		name: labels.meetings,
		coordinateSystem: 'geo',
		zlevel: 0,
		large: true,
		largeThreshold: PAST_LARGE,
		symbolSize: Math.round(fontSize * 0.6),
		itemStyle: { color: SCREEN_COLORS.past, opacity: 0.75 },
		tooltip: { formatter: (p: { name: string; value?: unknown[] }) => escapeHtml(String(p.value?.[2] ?? p.name)) },
		label: { show: false },
		data: venues.map((v): [number, number, string] => [v.coord[0], v.coord[1], v.name])
	};

	return {
		...base,
		backgroundColor: 'transparent',
		tooltip: { ...base.tooltip, ...screenTooltip(fontSize) },
		legend: {
			...base.legend,
			show: !replay,
			top: fontSize / 2,
			left: fontSize / 2,
			itemGap: fontSize / 2,
			textStyle: { color: SCREEN_COLORS.text, fontSize: small },
			itemWidth: small * 1.4,
			itemHeight: small
		},
		visualMap: {
			...base.visualMap,
			left: fontSize / 2,
			bottom: fontSize / 2,
			itemWidth: small,
			itemHeight: fontSize * 6,
			textStyle: { color: SCREEN_COLORS.text, fontSize: small },
			inRange: { color: [...SCREEN_COLORS.scale] },
			outOfRange: { color: SCREEN_COLORS.noData }
		},
		geo: {
			...base.geo,
			top: fontSize,
			bottom: fontSize,
			label: { ...base.geo.label, ...label, fontSize: Math.round(fontSize * 0.7) },
			itemStyle: { areaColor: SCREEN_COLORS.noData, borderColor: SCREEN_COLORS.border, borderWidth: 1 },
			emphasis: { label: { show: true, color: '#000', fontSize: small }, itemStyle: { areaColor: SCREEN_COLORS.highlight } },
			select: { label: { show: true, color: '#000' }, itemStyle: { areaColor: SCREEN_COLORS.highlight } }
		},
		series: [
			{ ...areas, data: areas.data.map((d) => ('itemStyle' in d ? { ...d, itemStyle: { decal } } : d)) },
			replay
				? { ...points, data: [] }
				: {
						...points,
						itemStyle: { ...points.itemStyle, color: SCREEN_COLORS.venue, borderColor: '#000' },
						label: { ...points.label, ...label },
						emphasis: { scale: 1.6, label: { show: true, fontSize } },
						symbolSize: (row: PointRow) => Math.round(row[POINT_ROW.size] * (fontSize / 16))
					},
			replay ? { ...lines, data: [] } : lines,
			{ ...noData, itemStyle: { ...noData.itemStyle, color: SCREEN_COLORS.noData, decal } },
			...(replay ? [venueSeries, pastSeries] : []),
			{
				...names,
				// Area names outrank points as on the dashboard; in the replay the venue's name outranks them.
				symbolSize: replay ? 1 : Math.round(AREA_NAME_SIZE * (fontSize / 16)),
				label: { ...names.label, ...label, fontSize: Math.round(fontSize * 0.7) }
			},
			// The busiest points' names, over points drawn larger (as above); none in the replay.
			replay
				? { ...placeNames, data: [] }
				: {
						...placeNames,
						label: { ...placeNames.label, ...label },
						data: (placeNames.data as { symbolSize: number }[]).map((d) => ({ ...d, symbolSize: Math.round(d.symbolSize * (fontSize / 16)) }))
					}
		]
	} satisfies EChartsOption;
}

/**
 * Figures per category as horizontal bars, dark and large.
 * @example screenFiguresOption(figures, text, 24).items // categories drawn
 */
export function screenFiguresOption(figures: Figure[], text: ChartText, fontSize: number): { option: EChartsOption; items: number } {
	return screenBars(figuresByCategoryOption(figures, text), fontSize);
}

/** screenFiguresOption from the figures' counts by category (the screen's answer: categoryCounts). */
export function screenCategoryOption(counts: Iterable<[MetricCategory, number]>, text: ChartText, fontSize: number): { option: EChartsOption; items: number } {
	return screenBars(categoryCountsOption(counts, text), fontSize);
}

function screenBars(built: BuiltChart, fontSize: number): { option: EChartsOption; items: number } {
	const o = built.option as Record<string, unknown> & { series: Record<string, unknown>[] };
	const axisText = { color: SCREEN_COLORS.text, fontSize };
	return {
		items: built.items,
		option: {
			...o,
			backgroundColor: 'transparent',
			animationDuration: 800,
			grid: { left: fontSize / 2, right: fontSize * 3, top: fontSize / 2, bottom: fontSize / 2, containLabel: true },
			tooltip: { ...(o.tooltip as object), ...screenTooltip(fontSize) },
			xAxis: { ...(o.xAxis as object), axisLabel: { ...axisText, fontSize: Math.round(fontSize * 0.8) }, splitLine: { lineStyle: { color: SCREEN_COLORS.border } } },
			yAxis: { ...(o.yAxis as object), axisLabel: axisText, axisLine: { lineStyle: { color: SCREEN_COLORS.border } } },
			series: o.series.map((s) => ({
				...s,
				barMaxWidth: fontSize * 2,
				itemStyle: { color: SCREEN_COLORS.bar, borderRadius: [0, 4, 4, 0] },
				label: { show: true, position: 'right', color: SCREEN_COLORS.text, fontSize },
				emphasis: { itemStyle: { color: SCREEN_COLORS.highlight } }
			}))
		}
	};
}

export interface TrendText {
	/** the indicator's name, for the tooltip and the accessible label */
	indicator: string;
	figure: (value: number, unit: string, qualifier: string) => string;
}

/** Years a trend's axis lists one by one: a longer span shows only the years with a total. */
const MAX_SPAN = 40;

/**
 * One indicator's totals by year: bars with their values and a line over them, dark and large.
 * Every year between the first and the last has its place on the axis, so a gap in the reports
 * shows as a gap (no bar), never as a zero or as years drawn closer together; a hedged total
 * (近, 余 …) keeps its hedge in its label. `indices` are the bars that have a value (for the
 * cycling highlight).
 * @example screenTrendOption(trend, text, 24).option.xAxis.data // ['2021', '2022', '2023']
 */
export function screenTrendOption(trend: Trend, text: TrendText, fontSize: number) {
	const first = trend.points[0]?.year ?? 0;
	const last = trend.points.at(-1)?.year ?? 0;
	const years = last - first < MAX_SPAN ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : trend.points.map((p) => p.year);
	const byYear = new Map(trend.points.map((p) => [p.year, p]));
	const points = years.map((y) => byYear.get(y) ?? null);
	const labels = points.map((p) => (p ? text.figure(p.value, trend.unit, p.qualifier) : ''));
	const values = points.map((p) => p?.value ?? null);
	const axisText = { color: SCREEN_COLORS.text, fontSize: Math.round(fontSize * 0.8) };
	const option = {
		backgroundColor: 'transparent',
		animationDuration: 800,
		grid: { left: fontSize / 2, right: fontSize, top: fontSize * 2, bottom: fontSize / 2, containLabel: true },
		tooltip: {
			...screenTooltip(fontSize),
			trigger: 'item',
			formatter: (p: { dataIndex: number; name: string }) => `${escapeHtml(p.name)} · ${escapeHtml(text.indicator)}<br/>${escapeHtml(labels[p.dataIndex] ?? '')}`
		},
		xAxis: {
			type: 'category',
			data: years.map(String),
			axisLabel: { ...axisText, fontSize },
			axisLine: { lineStyle: { color: SCREEN_COLORS.border } }
		},
		yAxis: { type: 'value', axisLabel: axisText, splitLine: { lineStyle: { color: SCREEN_COLORS.border } } },
		series: [
			{
				type: 'bar',
				name: text.indicator,
				data: values,
				barMaxWidth: fontSize * 3,
				itemStyle: { color: SCREEN_COLORS.bar, borderRadius: [4, 4, 0, 0] },
				label: { show: true, position: 'top', color: SCREEN_COLORS.text, fontSize: Math.round(fontSize * 0.8), formatter: (p: { dataIndex: number }) => labels[p.dataIndex] ?? '' },
				// Small neighbouring bars: a label that would overlap another is left to the tooltip.
				labelLayout: { hideOverlap: true },
				emphasis: { itemStyle: { color: SCREEN_COLORS.highlight } }
			},
			{
				type: 'line',
				name: text.indicator,
				data: values,
				connectNulls: false,
				symbolSize: Math.round(fontSize * 0.5),
				lineStyle: { color: SCREEN_COLORS.venue, width: Math.max(2, Math.round(fontSize / 10)) },
				itemStyle: { color: SCREEN_COLORS.venue },
				tooltip: { show: false },
				silent: true,
				z: 3
			}
		]
	} satisfies EChartsOption;
	return { option, indices: points.flatMap((p, i) => (p ? [i] : [])) };
}
