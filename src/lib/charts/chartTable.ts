// A chart's text alternative: the rows a screen reader reads, taken from the very option the chart
// draws (its first series' marks, or each named bar series', named as the axis or the mark names them, valued as the mark's
// label says), so the picture and its table cannot disagree. Pure: option in, rows out.

/** What a visually hidden table under a chart holds. */
export interface ChartTable {
	/** headers: what a row names, what it measures (with the unit when the value axis has one) */
	columns: [string, string];
	rows: [string, string][];
}

interface SeriesLike {
	type?: string;
	name?: string;
	data?: unknown[];
	label?: { formatter?: unknown };
}
interface AxisLike {
	type?: string;
	name?: string;
	data?: unknown[];
}

const first = <T>(v: T | T[] | undefined): T | undefined => (Array.isArray(v) ? v[0] : v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A mark's value as a number: the last of an array value ([lng, lat, count]), a bare number, or null. */
function numberOf(value: unknown): number | null {
	const v = Array.isArray(value) ? value[value.length - 1] : value;
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The rows of a chart's first series: one per mark, in the order drawn. A mark's name is its own
 * `name`, else the category axis' entry at its index; its value is what the series' label formatter
 * writes for it (the chart's own wording, 2.7万余人次), else the mark's `label` text, else the number
 * formatted by `format`. Marks without a number (no data) are left out. Null when the option has
 * no series with data.
 * @example chartTable({ xAxis: { type: 'category', data: ['2023'] }, yAxis: { type: 'value', name: '所' }, series: [{ type: 'bar', data: [5] }] }, { name: '项目', value: '数值' }, String)
 * // { columns: ['项目', '数值（所）'], rows: [['2023', '5']] }
 */
export function chartTable(
	option: Record<string, unknown> | null | undefined,
	head: { name: string; value: string; unit?: (unit: string) => string },
	format: (n: number) => string
): ChartTable | null {
	if (!option) return null;
	const all = option.series as SeriesLike | SeriesLike[] | undefined;
	// a chart of several named bar series (全国 beside 各地区合计) reads each; any other chart its first
	const named = Array.isArray(all) && all.length > 1 && all.every((x) => x.type === 'bar' && typeof x.name === 'string');
	const list = (named ? (all as SeriesLike[]) : [first(all)]).filter((x): x is SeriesLike => !!x?.data?.length);
	if (list.length === 0) return null;
	const axes = [first(option.xAxis as AxisLike | AxisLike[] | undefined), first(option.yAxis as AxisLike | AxisLike[] | undefined)];
	const category = axes.find((a) => a?.type === 'category');
	const valueAxis = axes.find((a) => a?.type === 'value');
	const rows: [string, string][] = [];
	for (const series of list) {
		const formatter = typeof series.label?.formatter === 'function' ? (series.label.formatter as (p: object) => unknown) : null;
		series.data!.forEach((item, dataIndex) => {
			const data = isRecord(item) ? item : { value: item };
			const value = numberOf(data.value);
			if (value == null) return;
			const fromAxis = category?.data?.[dataIndex];
			const name = typeof data.name === 'string' ? data.name : fromAxis != null ? String(isRecord(fromAxis) ? fromAxis.value : fromAxis) : String(dataIndex + 1);
			const written = formatter ? formatter({ name, value: data.value, data: item, dataIndex }) : typeof data.label === 'string' ? data.label : null;
			rows.push([named ? `${series.name} · ${name}` : name, typeof written === 'string' && written ? written : format(value)]);
		});
	}
	const unit = valueAxis?.name ? (head.unit ? head.unit(valueAxis.name) : `（${valueAxis.name}）`) : '';
	return { columns: [head.name, `${head.value}${unit}`], rows };
}
