// The map of China (or of one province) as an ECharts option: a choropleth of the areas, the
// cities and counties as sized points, and lines from a meeting's participants to its venue.
// Pure: `mapModel` turns filtered facts into numbers, `mapOption` turns those into the option;
// both are tested in Node.
import type { EChartsCoreOption } from 'echarts/core';
import { coordinates, division, placeName } from '../geo/gazetteer.ts';
import { unitLabel } from '../i18n/units.ts';
import { analyseFigures, areaTotals, mapIndicators, type Figure } from '../query/achievements.ts';
import { venueCode, type Filtered } from '../query/facts.ts';
import { DRAWN_LINKS } from '../query/mapAnswer.ts';
import { areaOf } from '../geo/mapAreas.ts';
import { simplified } from '../query/names.ts';
import { escapeHtml } from './escape.ts';

// Defined where the map page's answer (query/mapAnswer.ts, in the facts worker and the page's
// engine) reads them too, so the engine does not bring this module into every page.
export { areaOf, DRAWN_LINKS };

/** What colours the areas: the meetings held there, or the total of one indicator's figures (its id). */
export type MapMeasure = 'meetings' | (string & {});

/** An area of the registered map (the shape of `LoadedMap.areas` in geo/maps.ts). */
export interface MapAreaInput {
	code: string | null;
	name: string;
}

export interface AreaValue extends MapAreaInput {
	/** null when no document names the area or anything inside it: unknown, not zero */
	value: number | null;
	/** some figure in the sum is approximate (约, 余, 近, 以上) */
	approximate: boolean;
}

/** A city or county drawn as a point. */
export interface MapPoint {
	code: string;
	name: string;
	coord: [number, number];
	/** meetings held there or attended by its bodies */
	meetings: number;
	/** times documents name it */
	mentions: number;
}

/** A line from a participant to a venue, with the meetings it stands for. */
export interface MapLink {
	from: string;
	to: string;
	fromName: string;
	toName: string;
	coords: [[number, number], [number, number]];
	meetings: string[];
}

export interface MapModel {
	/** registered map name: 'china' or a province code */
	map: string;
	measure: MapMeasure;
	/** unit of an indicator measure, null for meetings or when the indicator has no level to add */
	unit: string | null;
	areas: AreaValue[];
	points: MapPoint[];
	/** the busiest links (see DRAWN_LINKS); all of a chosen meeting's */
	links: MapLink[];
	/** links not drawn because busier ones were */
	linksLeftOut: number;
	/** figures of the measured indicator left out: of no place on this map, or in another unit */
	leftOut: number;
	/** the indicator's national total (the country is no area of the map), or null */
	national: { value: number; qualifier: string } | null;
}

/**
 * The indicators the map can be coloured by (see mapIndicators), from the facts' own figures.
 * @example mapMeasures(figures) // ['schools', 'trainees', ...]
 */
export function mapMeasures(figures: Figure[]): string[] {
	return mapIndicators(figures);
}

const isProvince = (code: string): boolean => code.endsWith('0000');
const nameOf = (code: string): string => division(code)?.name ?? code;

export interface MapModelInput {
	/** registered map name: 'china' or a province code */
	map: string;
	areas: readonly MapAreaInput[];
	/** facts after the global filters */
	facts: Filtered;
	measure: MapMeasure;
	/** the figures of `facts.metrics` (analyseFigures), when the caller has them already */
	figures?: Figure[];
	/** the meeting whose lines to draw; null draws every meeting's */
	meetingId?: string | null;
}

/**
 * The numbers behind the map.
 * @example mapModel({ map: 'china', areas, facts, measure: 'meetings' }).areas.find((a) => a.code === '370000')?.value // 1
 */
export function mapModel({ map, areas, facts, measure, meetingId = null, figures }: MapModelInput): MapModel {
	const codes = new Set(areas.flatMap((a) => (a.code ? [a.code] : [])));
	const covered = new Set<string>();
	const cover = (code: string | null | undefined) => {
		const a = areaOf(code, codes);
		if (a) covered.add(a);
	};
	for (const p of facts.places) cover(p.adcode);
	for (const d of facts.documents) cover(d.regionCode);
	for (const m of facts.meetings) [venueCode(m), ...m.participantCodes].forEach(cover);

	const sums = new Map<string, number>();
	const approximate = new Set<string>();
	let unit: string | null = null;
	let leftOut = 0;
	let national: MapModel['national'] = null;
	if (measure === 'meetings') {
		for (const m of facts.meetings) {
			const a = areaOf(venueCode(m), codes);
			if (a) sums.set(a, (sums.get(a) ?? 0) + 1);
		}
	} else {
		// An indicator's figures add by the rules of query/aggregate.ts: parts, changes, rates and
		// running totals never; the country's figures stand apart, never on a province.
		const t = areaTotals(figures ?? analyseFigures(facts.metrics, facts.docById).figures, measure, (code) => areaOf(code, codes));
		unit = t.unit;
		leftOut = t.leftOut;
		for (const [a, total] of t.totals) {
			sums.set(a, total.value!);
			if (total.qualifier !== 'exact') approximate.add(a);
			covered.add(a);
		}
		if (t.national) national = { value: t.national.value!, qualifier: t.national.qualifier };
	}
	const areaValues: AreaValue[] = areas.map((a) => ({
		code: a.code,
		name: a.name,
		// An area without figures of the indicator is unknown, not zero; one without meetings held none.
		value: a.code && covered.has(a.code) ? (sums.get(a.code) ?? (measure === 'meetings' ? 0 : null)) : null,
		approximate: a.code != null && approximate.has(a.code)
	}));

	const points = new Map<string, MapPoint>();
	const point = (code: string): MapPoint | undefined => {
		if (isProvince(code) || !areaOf(code, codes)) return undefined;
		const coord = coordinates(code);
		if (!coord) return undefined;
		let p = points.get(code);
		if (!p) points.set(code, (p = { code, name: nameOf(code), coord, meetings: 0, mentions: 0 }));
		return p;
	};
	for (const pl of facts.places) {
		const p = point(pl.adcode);
		if (p) p.mentions += pl.mentions;
	}
	for (const m of facts.meetings) {
		const venue = venueCode(m);
		for (const code of new Set([...(venue ? [venue] : []), ...m.participantCodes])) {
			const p = point(code);
			if (p) p.meetings++;
		}
	}

	const links = new Map<string, MapLink>();
	const shown = meetingId ? facts.meetings.filter((m) => m.id === meetingId) : facts.meetings;
	for (const m of shown) {
		const to = venueCode(m);
		const toCoord = to ? coordinates(to) : undefined;
		if (!to || !toCoord) continue;
		for (const from of m.participantCodes) {
			const fromCoord = coordinates(from);
			if (from === to || !fromCoord) continue;
			const key = `${from}>${to}`;
			const link = links.get(key);
			if (link) link.meetings.push(simplified(m.name));
			else links.set(key, { from, to, fromName: nameOf(from), toName: nameOf(to), coords: [fromCoord, toCoord], meetings: [simplified(m.name)] });
		}
	}

	const busiest = [...links.values()].sort((a, b) => b.meetings.length - a.meetings.length || (a.from + a.to < b.from + b.to ? -1 : 1)).slice(0, DRAWN_LINKS);
	const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
	return {
		map,
		measure,
		unit,
		areas: areaValues,
		points: [...points.values()].sort(byCode),
		links: busiest.sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1)),
		linksLeftOut: links.size - busiest.length,
		leftOut,
		national
	};
}

/** Words the option shows, already translated. */
export interface MapLabels {
	/** what the colour means, e.g. 会议数 or 培训 */
	measure: string;
	noData: string;
	places: string;
	links: string;
	meetings: string;
	mentions: string;
	/** a place's name in the interface language (pinyin in English), from its code, else as the map names it */
	place?: (code: string | null, name: string) => string;
}

/**
 * The map's labels from a translate function, with `measure` for the colour's meaning.
 * @example mapLabels($_, $_('map.meetings'))
 */
export function mapLabels(t: (key: string) => string, measure: string, locale?: string | null): MapLabels {
	const english = locale != null && !locale.startsWith('zh');
	return {
		measure,
		noData: t('map.noData'),
		places: t('map.places'),
		links: t('map.links'),
		meetings: t('map.meetingsShort'),
		mentions: t('map.mentions'),
		...(english && { place: (code: string | null, name: string) => (code ? placeName(code, locale) : name) })
	};
}

export const MAP_COLORS = {
	scale: ['#e3eef9', '#7fb0e0', '#0b5cad'],
	noData: '#eef0f3',
	border: '#9aa7b6',
	point: '#e07b00',
	link: '#c8102e'
} as const;

/** Diagonal hatching for areas no document covers, so 'unknown' never reads as 'zero'. */
export const NO_DATA_DECAL = {
	symbol: 'rect',
	color: 'rgba(91, 103, 118, 0.35)',
	backgroundColor: MAP_COLORS.noData,
	dashArrayX: [1, 0],
	dashArrayY: [2, 5],
	rotation: Math.PI / 4
};

/** Lines of plain text as tooltip content: corpus strings are shown, never interpreted. */
const tooltipText = (lines: string[]): string => lines.map(escapeHtml).join('<br/>');

const formatNumber = (n: number): string => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/**
 * Point size from meetings and mentions, on a square-root scale so a busy city doesn't swamp the
 * map: 6 px for nothing up to `largest` px for the busiest point (or for 30, when no point is that
 * busy). Smaller points when many are drawn (see largestPoint).
 */
export function pointSize(p: Pick<MapPoint, 'meetings' | 'mentions'>, busiest = 0, largest = 28): number {
	const weight = p.meetings + p.mentions;
	const smallest = Math.min(6, largest / 2);
	return Math.round(smallest + (largest - smallest) * Math.sqrt(weight / Math.max(busiest, weight, 30)));
}

/** The largest point size for a map of `count` points: 28 px up to 200 points, down to 10 px for thousands. */
export const largestPoint = (count: number): number => Math.max(10, Math.min(28, Math.round(28 * Math.sqrt(200 / Math.max(count, 1)))));

/**
 * Points named on the map: the busiest ones. A corpus of thousands of documents puts thousands of
 * places on the map; their names would be unreadable, and laying them out costs more than drawing
 * the map (the tooltip names every point).
 */
export const LABELLED_POINTS = 40;

/** The codes of the points to name: the most meetings and mentions first, areas' own cities never. */
function labelledPoints(points: readonly MapPoint[], areaCodes: ReadonlySet<string>): Set<string> {
	const weight = (p: MapPoint) => p.meetings * 1000 + p.mentions;
	return new Set(
		points
			.filter((p) => !areaCodes.has(p.code))
			.sort((a, b) => weight(b) - weight(a))
			.slice(0, LABELLED_POINTS)
			.map((p) => p.code)
	);
}

/** Too small to label on the map of China: their names would sit on 广东's (the tooltip still names them). */
const UNLABELLED = new Set(['810000', '820000']);

/**
 * Side of the invisible square each area name sits on. ECharts hides overlapping labels (across
 * every series with `labelLayout.hideOverlap`) in order of the size of what they label, so names
 * on a square larger than the largest point (28 px) win over point names: provinces are named
 * first, then the busiest places where there is room; hovering names the rest.
 */
export const AREA_NAME_SIZE = 48;

/** Where an area's name goes: its seat (the map files' label point), as [longitude, latitude]. */
function areaNames(model: MapModel, short: ReadonlyMap<string, string>, place: (code: string | null, name: string) => string) {
	return model.areas.flatMap((a) => {
		if (a.code == null || (model.map === 'china' && UNLABELLED.has(a.code))) return [];
		const coord = coordinates(a.code);
		return coord ? [{ name: place(a.code, a.name), code: a.code, value: coord, label: { formatter: short.get(a.name) ?? a.name } }] : [];
	});
}

/** A point as the map's scatter holds it: longitude, latitude, meetings + mentions, size in px, code, name. */
export type PointRow = [number, number, number, number, string, string];
/** Where each of a point row's values is. */
export const POINT_ROW = { lng: 0, lat: 1, weight: 2, size: 3, code: 4, name: 5 } as const;

/**
 * The division code of a point the chart names (an event's or tooltip's `data`), else undefined.
 * @example pointCode([117.7, 36.9, 6, 12, '371681', '邹平市']) // '371681'
 */
export function pointCode(data: unknown): string | undefined {
	if (Array.isArray(data)) return typeof data[POINT_ROW.code] === 'string' ? data[POINT_ROW.code] : undefined;
	const code = (data as { code?: unknown } | null | undefined)?.code;
	return typeof code === 'string' ? code : undefined;
}

interface TooltipParams {
	componentType?: string;
	seriesType?: string;
	name?: string;
	data?: unknown;
}

export interface MapOptionInput {
	model: MapModel;
	labels: MapLabels;
	/** the region filter: the area holding it is shown selected */
	selectedArea?: string | null;
}

/**
 * The ECharts option for a map model: a geo component carrying the choropleth (map series on
 * geoIndex 0, coloured by a visualMap), a scatter of points and the participant lines.
 * @example mapOption({ model, labels }).series[1].data.length // points drawn
 */
export function mapOption({ model, labels, selectedArea = null }: MapOptionInput) {
	const place = labels.place ?? ((_code: string | null, name: string) => name);
	// Short names on the map (山东, not 山东省); in English the pinyin name.
	const short = new Map(model.areas.map((a) => [a.name, labels.place ? place(a.code, a.name) : (a.code && division(a.code)?.shortNames[0]) || a.name]));
	const areaByName = new Map(model.areas.map((a) => [a.name, a]));
	const max = Math.max(1, ...model.areas.map((a) => a.value ?? 0));
	const areaCodes = new Set(model.areas.flatMap((a) => (a.code ? [a.code] : [])));
	const selected = areaOf(selectedArea, areaCodes);
	const named = labelledPoints(model.points, areaCodes);
	const pointByCode = new Map(model.points.map((p) => [p.code, p]));
	const busiest = Math.max(0, ...model.points.map((p) => p.meetings + p.mentions));
	const largest = largestPoint(model.points.length);
	const unitWord = model.unit ? (labels.place ? unitLabel(model.unit, 'en') : model.unit) : '';
	const unit = unitWord ? ` ${unitWord}` : '';

	const areaTip = (name: string): string[] => {
		const a = areaByName.get(name);
		if (!a) return [name];
		const shown = place(a.code, name);
		if (a.value == null) return [shown, labels.noData];
		return [shown, `${labels.measure}: ${a.approximate ? '≈' : ''}${formatNumber(a.value)}${unit}`];
	};
	const formatter = (params: TooltipParams): string => {
		if (params.seriesType === 'scatter') {
			const p = pointByCode.get(pointCode(params.data) ?? '');
			if (!p) return tooltipText([params.name ?? '']);
			return tooltipText([place(p.code, p.name), `${labels.meetings}: ${p.meetings} · ${labels.mentions}: ${p.mentions}`]);
		}
		if (params.seriesType === 'lines') {
			const l = params.data as { link: MapLink };
			return tooltipText([`${l.link.fromName} → ${l.link.toName}`, ...l.link.meetings]);
		}
		return tooltipText(areaTip(params.name ?? ''));
	};

	return {
		// The chart counts as ready on its first drawn frame: without animation that frame is the final
		// map (points at full size), for readers, data-state and screenshots alike.
		animation: false,
		// The text alternative names the areas with the most, in the interface language (ECharts' own
		// would read the map files' Chinese names).
		aria: {
			enabled: true,
			label: {
				description: `${labels.measure}: ${[...model.areas]
					.filter((a) => a.value != null)
					.sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
					.slice(0, 10)
					.map((a) => `${place(a.code, a.name)} ${formatNumber(a.value!)}${unit}`)
					.join(', ')}`
			}
		},
		tooltip: { trigger: 'item', formatter },
		legend: {
			top: 8,
			left: 8,
			orient: 'vertical',
			selectedMode: false,
			data: [
				{ name: labels.places, icon: 'circle' },
				...(model.links.length ? [{ name: labels.links, icon: 'roundRect' }] : []),
				{ name: labels.noData, icon: 'rect' }
			]
		},
		visualMap: {
			type: 'continuous',
			seriesIndex: 0,
			min: 0,
			max,
			left: 8,
			bottom: 8,
			itemHeight: 100,
			calculable: false,
			text: [`${formatNumber(max)}${unit}`, '0'],
			inRange: { color: [...MAP_COLORS.scale] },
			outOfRange: { color: MAP_COLORS.noData }
		},
		geo: {
			map: model.map,
			roam: false,
			selectedMode: 'single',
			top: 16,
			bottom: 16,
			left: 16,
			right: 16,
			// China keeps its shape in any box: the largest undistorted map that fits, centred.
			preserveAspect: 'contain',
			tooltip: { show: true },
			// Area names are drawn by the 'area names' series, where overlapping labels are hidden.
			label: { show: false, fontSize: 10, color: '#34404d', formatter: (p: { name: string }) => short.get(p.name) ?? '' },
			itemStyle: { areaColor: MAP_COLORS.noData, borderColor: MAP_COLORS.border, borderWidth: 0.6 },
			emphasis: { label: { show: true, color: '#1d2733' }, itemStyle: { areaColor: '#ffd98a' } },
			select: { label: { show: true, color: '#fff' }, itemStyle: { areaColor: '#0b3d75' } },
			regions: model.areas.flatMap((a) => (a.code != null && a.code === selected ? [{ name: a.name, selected: true }] : []))
		},
		series: [
			{
				type: 'map',
				name: labels.measure,
				geoIndex: 0,
				data: model.areas.map((a) =>
					a.value == null
						? { name: a.name, code: a.code, value: NaN, itemStyle: { decal: NO_DATA_DECAL } }
						: { name: a.name, code: a.code, value: a.value }
				)
			},
			{
				// Every point, unlabelled (their names are the 'place names' series), each a row of numbers
				// and its code (POINT_ROW): no object per point, so ECharts makes no model per point, and a
				// map of thousands of points is set and drawn without label layout.
				type: 'scatter',
				name: labels.places,
				coordinateSystem: 'geo',
				dimensions: ['lng', 'lat', 'weight', 'size', { name: 'code', type: 'ordinal' }, { name: 'name', type: 'ordinal' }],
				encode: { lng: POINT_ROW.lng, lat: POINT_ROW.lat, itemName: POINT_ROW.name },
				symbolSize: (row: PointRow) => row[POINT_ROW.size],
				itemStyle: { color: MAP_COLORS.point, borderColor: '#fff', borderWidth: 1, opacity: 0.9 },
				label: { show: false, position: 'right', fontSize: 10, color: '#5b2f00' },
				data: model.points.map((p): PointRow => [p.coord[0], p.coord[1], p.meetings + p.mentions, pointSize(p, busiest, largest), p.code, place(p.code, p.name)])
			},
			{
				type: 'lines',
				name: labels.links,
				coordinateSystem: 'geo',
				symbol: ['circle', 'arrow'],
				symbolSize: [4, 9],
				lineStyle: { color: MAP_COLORS.link, width: 1.6, opacity: 0.85, curveness: 0.25 },
				data: model.links.map((l) => ({ coords: l.coords, link: l, lineStyle: { width: Math.min(6, 1.2 + l.meetings.length * 0.6) } }))
			},
			{
				// Draws nothing: gives 'no data' its legend entry, hatched like the areas it stands for.
				type: 'scatter',
				name: labels.noData,
				coordinateSystem: 'geo',
				data: [],
				itemStyle: { color: MAP_COLORS.noData, borderColor: MAP_COLORS.border, borderWidth: 0.6, decal: NO_DATA_DECAL }
			},
			{
				// The areas' names, on invisible squares that outrank the points (see AREA_NAME_SIZE).
				type: 'scatter',
				name: 'area names',
				coordinateSystem: 'geo',
				silent: true,
				tooltip: { show: false },
				symbol: 'rect',
				symbolSize: AREA_NAME_SIZE,
				itemStyle: { color: 'transparent' },
				label: { show: true, position: 'inside', fontSize: 10, color: '#34404d' },
				labelLayout: { hideOverlap: true },
				data: areaNames(model, short, place)
			},
			{
				// The busiest points' names (LABELLED_POINTS), on invisible marks of their points' size over
				// them: only these few labels are laid out, and area names outrank them (see AREA_NAME_SIZE).
				type: 'scatter',
				name: 'place names',
				coordinateSystem: 'geo',
				silent: true,
				tooltip: { show: false },
				itemStyle: { color: 'transparent' },
				label: { show: true, position: 'right', fontSize: 10, color: '#5b2f00', formatter: '{b}' },
				labelLayout: { hideOverlap: true },
				data: model.points.flatMap((p) =>
					named.has(p.code) ? [{ name: place(p.code, p.name), code: p.code, value: p.coord, symbolSize: pointSize(p, busiest, largest) }] : []
				)
			}
		]
	} satisfies EChartsCoreOption;
}

/** From this many points on, the map is drawn in stages (mapStages); a smaller map is set at once, but for its first drawing. */
export const STAGED_POINTS = 1000;

/**
 * A part of a staged option that adds rows to one series (ECharts' `appendData`) instead of being
 * set: ECharts then draws only that series' new rows (400 a frame beyond 3,000), where a `setOption`
 * draws the whole chart again (the map's regions rebuilt, the labels laid out, the main layer painted).
 */
export interface AppendPart {
	appendData: { seriesIndex: number; data: unknown[] };
}

/**
 * Which part of the map each series of mapOption is set in: 0 the areas (choropleth, legend,
 * scale, the 'no data' entry), 1 the participant lines, the areas' names and the busiest points'
 * names; the points themselves (series 1) come last, appended (AppendPart).
 */
const SERIES_STAGE = [0, 2, 1, 0, 1, 1] as const;
/** The points' series in mapOption. */
const POINTS = 1;

/**
 * The map option in parts for the chart to set one task after another (echart's `stages`): no one
 * main-thread task draws ~3,200 points, 80 lines, 70 labels and the areas together (issue 17). The
 * first part is the whole option with the later parts' series empty; the second gives the lines and
 * the names their data, merged in by position; the third appends the points to their (empty) series,
 * so the areas, lines and names are not drawn a third time. Setting the parts in order draws what
 * the option draws (mapOption.spec). A map of fewer than STAGED_POINTS points is one part, except
 * when it is the chart's first option: ECharts then also reads the map's regions and builds its
 * views, which with the shipped corpus's few hundred points took one task of ~150 ms.
 * @example mapStages(mapOption({ model, labels })).length // 3 for a map of thousands of points
 */
export function mapStages(option: EChartsCoreOption, first = false): (EChartsCoreOption | AppendPart)[] {
	const series = option.series as Record<string, unknown>[] | undefined;
	if (!Array.isArray(series) || series.length !== SERIES_STAGE.length) return [option];
	if (!first && ((series[POINTS]?.data as unknown[] | undefined)?.length ?? 0) < STAGED_POINTS) return [option];
	return [
		{ ...option, series: series.map((s, i) => (SERIES_STAGE[i] === 0 ? s : { ...s, data: [] })) },
		{ series: series.map((s, i) => (SERIES_STAGE[i] === 1 ? { data: s.data } : {})) },
		{ appendData: { seriesIndex: POINTS, data: series[POINTS]!.data as unknown[] } }
	];
}
