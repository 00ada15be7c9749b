// The caption of a picture saved from a view: the chart's own words plus what the whole app knows
// at that moment (the URL's filters, the corpus date), in the interface language. Read at click time.
import { get } from 'svelte/store';
import { exportCaption, type Caption, type CaptionInput } from '$lib/charts/caption.ts';
import { _, locale } from '$lib/i18n/index.ts';
import { facts } from '$lib/state/facts.svelte.ts';
import { currentFilters } from '$lib/state/filters.svelte.ts';

/**
 * A saved chart's caption.
 * @example chartCaption({ title: '成果按年份 · 培训人次', unit: '人次', sources: sourcesOf(figures) })
 */
export function chartCaption(input: Omit<CaptionInput, 'filters' | 'asOf'>): Caption {
	const format = get(_);
	const asOf = facts.summary?.asOf ?? null;
	return exportCaption({ ...input, filters: currentFilters(), asOf }, (key, options) => format(key, options), get(locale) ?? 'zh-CN');
}

/** How many documents a set of records comes from. */
export function documentCount(docIds: Iterable<string>): number {
	return new Set(docIds).size;
}
