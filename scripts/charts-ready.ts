// Shared by the benchmarks that drive the built site: when a page's charts have drawn.
import type { Page } from 'playwright-core';

/** Resolves, in the page, with the time (performance.now()) when every chart on it is ready or empty. */
export const allChartsReady = (p: Page) =>
	p.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const done = () => {
					const charts = [...document.querySelectorAll('[data-chart]')];
					return charts.length > 0 && charts.every((c) => c.getAttribute('data-state') === 'ready' || c.getAttribute('data-state') === 'empty');
				};
				if (done()) return resolve(performance.now());
				const obs = new MutationObserver(() => {
					if (done()) {
						obs.disconnect();
						resolve(performance.now());
					}
				});
				obs.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
			})
	);
