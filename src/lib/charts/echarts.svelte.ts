// ECharts in Svelte 5: an attachment that creates the chart once, follows its option getter
// in a nested effect, resizes with its node (coalesced into one frame) and disposes on teardown.
import * as echarts from 'echarts/core';
import { BarChart, EffectScatterChart, LinesChart, MapChart, PieChart, ScatterChart } from 'echarts/charts';
import {
	AriaComponent,
	DatasetComponent,
	GeoComponent,
	GridComponent,
	LegendComponent,
	TitleComponent,
	TooltipComponent,
	VisualMapComponent
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import type { Attachment } from 'svelte/attachments';
import { setOptionSettings, withMotion } from './optionUpdate.ts';

// Only what the app draws: the full bundle is about 1 MB.
echarts.use([
	BarChart,
	EffectScatterChart,
	LinesChart,
	MapChart,
	PieChart,
	ScatterChart,
	AriaComponent,
	DatasetComponent,
	GeoComponent,
	GridComponent,
	LegendComponent,
	TitleComponent,
	TooltipComponent,
	VisualMapComponent,
	// labelLayout (hideOverlap): without it ECharts ignores the option and labels pile up
	LabelLayout,
	CanvasRenderer
]);

export type EChartsOption = echarts.EChartsCoreOption;
export type EChartsInstance = echarts.ECharts;
export { echarts };

export interface EChartOptions {
	/** a mark was clicked */
	onClick?: (params: echarts.ECElementEvent) => void;
	/** the chart drew a new option (its first frame) */
	onRendered?: (chart: EChartsInstance) => void;
	/** 'dark' on the big screen */
	theme?: string;
	/** a changed option is drawn at once, not as ECharts' transition from the previous one (the first still grows in) */
	instantUpdates?: boolean;
	/**
	 * Splits a large option into parts set one after another, each in a task of its own (the first
	 * as given, the others merged into it): no one main-thread task draws the whole. With more than
	 * one part, the chart counts as drawn on ECharts' 'finished' (every part set and painted, its
	 * progressive rendering done), not on the first frame. `first`: the chart's first option. See mapStages.
	 */
	stages?: (option: EChartsOption, first: boolean) => ChartPart[];
}

/** A part of a staged option: set (merged into the parts before), or rows appended to one series (mapOption's AppendPart). */
export type ChartPart = EChartsOption | { appendData: { seriesIndex: number; data: unknown[] } };

/** Whether a throwaway chart has run ECharts' code for a change in this page (warmCharts). */
let chartsWarmed = false;

/**
 * A chart's first change (a filter) merges its next option into the drawn one: ECharts' code for
 * that (the merge, the series' data diff, the update of the views and the paint) runs for the first
 * time then, compiled while the user waits (on the achievements page the second change's setOptions
 * took ~35 ms against ~15 later). Once a page, at idle half a second after its first chart is drawn, a throwaway
 * chart out of sight draws that chart's option and then merges it in again, each in an idle task of
 * its own: that code is ready before the user's first change, and the page's charts (their growing
 * in) are left alone.
 */
function warmCharts(option: EChartsOption, theme?: string): void {
	if (chartsWarmed || typeof requestIdleCallback !== 'function') return;
	chartsWarmed = true;
	const idle = (f: () => void) => requestIdleCallback(f, { timeout: 2000 });
	const still = () => withMotion(option, { first: false, instantUpdates: true, reducedMotion: true });
	// half a second on: after the page's other first charts (each drawn in a task of its own as its answer comes), not between them
	setTimeout(() => idle(() => {
		const box = document.createElement('div');
		box.setAttribute('aria-hidden', 'true');
		box.style.cssText = 'position:fixed;left:-10000px;top:0;width:480px;height:320px;visibility:hidden;pointer-events:none';
		document.body.append(box);
		const chart = echarts.init(box, theme, { renderer: 'canvas' });
		chart.setOption(still(), { notMerge: true, silent: true });
		idle(() => {
			chart.setOption(still(), { notMerge: false, silent: true });
			chart.dispose();
			box.remove();
			performance.mark('charts:warmed');
		});
	}), WARM_DELAY_MS);
}
/** How long after a page's first chart is drawn its warm-up waits for the page's idle time. */
const WARM_DELAY_MS = 500;

/**
 * An attachment drawing the option that `getOption` returns (null draws nothing).
 * @example <div {@attach echart(() => option, { onClick })}></div>
 */
export function echart(getOption: () => EChartsOption | null, opts: EChartOptions = {}): Attachment<HTMLElement> {
	return (node) => {
		const chart = echarts.init(node, opts.theme, { renderer: 'canvas' });
		// End-to-end tests opt in before the app loads (window.__charts__ = {}) to reach an instance
		// by its container's data-chart name, e.g. for convertToPixel.
		const hook = (window as { __charts__?: Record<string, EChartsInstance> }).__charts__;
		const name = node.closest<HTMLElement>('[data-chart]')?.dataset.chart;
		if (hook && name) hook[name] = chart;
		let frame = 0;
		const resize = new ResizeObserver(() => {
			cancelAnimationFrame(frame);
			frame = requestAnimationFrame(() => chart.resize());
		});
		resize.observe(node);
		// Printing lays the page out at the paper's width and takes its picture before the next
		// frame: resize at once, going to paper and coming back.
		const printQuery = matchMedia('print');
		// The print snapshot comes before the next animation frame, where zrender would paint: paint now.
		const resizeNow = () => {
			chart.resize();
			chart.getZr().flush();
		};
		printQuery.addEventListener('change', resizeNow);
		window.addEventListener('beforeprint', resizeNow);
		window.addEventListener('afterprint', resizeNow);
		if (opts.onClick) chart.on('click', (p) => opts.onClick?.(p as echarts.ECElementEvent));
		// 'rendered' fires after the first frame that shows the new data, not after the animation
		// ends: the chart is readable from then on. An option drawn in stages is read on 'finished'.
		let pending = false;
		let staged = false;
		const drawnNow = () => {
			pending = false;
			opts.onRendered?.(chart);
		};
		chart.on('rendered', () => pending && !staged && drawnNow());
		chart.on('finished', () => pending && staged && drawnNow());
		// An option of the drawn one's shape is merged in (components and their views kept), any
		// other replaces it; changes move only where asked to and the reader allows: optionUpdate.ts.
		const motion = matchMedia('(prefers-reduced-motion: reduce)');
		let drawn: EChartsOption | null = null;
		let next = 0;
		$effect(() => {
			const option = getOption();
			if (!option || option === drawn) return;
			const first = drawn == null;
			const given = withMotion(option, { first, instantUpdates: !!opts.instantUpdates, reducedMotion: motion.matches });
			const settings = setOptionSettings(drawn, option);
			drawn = option;
			const parts = opts.stages?.(given, first) ?? [given];
			// A part still waiting belongs to the option before: the parts of this one replace it.
			clearTimeout(next);
			pending = false;
			staged = parts.length > 1;
			const set = (i: number) => {
				if (i === parts.length - 1) pending = true;
				const part = parts[i]!;
				if ('appendData' in part) chart.appendData(part.appendData as Parameters<EChartsInstance['appendData']>[0]);
				else chart.setOption(part, i === 0 ? settings : { notMerge: false });
				if (i + 1 < parts.length) next = window.setTimeout(() => set(i + 1));
			};
			// Staged, even the first part waits for a task of its own: not the one that changed the page. So does a
			// chart's first option: a page that shows several charts at once (the achievements page's answer, ~90 ms
			// at 10k documents in one task) draws each in a task of its own, not all in the task that mounted them.
			if (staged || first) next = window.setTimeout(() => set(0));
			else set(0);
			if (first && !staged) warmCharts(option, opts.theme);
		});
		return () => {
			if (hook && name && hook[name] === chart) delete hook[name];
			resize.disconnect();
			printQuery.removeEventListener('change', resizeNow);
			window.removeEventListener('beforeprint', resizeNow);
			window.removeEventListener('afterprint', resizeNow);
			cancelAnimationFrame(frame);
			clearTimeout(next);
			chart.dispose();
		};
	};
}
