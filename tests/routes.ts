// Every route of the app, each with what shows that it has drawn its data, for tests that visit them all.

/** [path, selector of what the route draws once its data is in]; the document page shows `docId`. */
export function routesWithReadyMark(docId: string): [string, string][] {
	return [
		['/', '[data-chart="totals"][data-state="ready"]'],
		['/timeline', '[data-chart="timeline"][data-state="ready"]'],
		['/map', '[data-chart="map"][data-state="ready"]'],
		['/achievements', '[data-chart="figure-table"]'],
		['/explore', '[data-chart="explore-table"]'],
		['/import', 'main h1, main h2'],
		[`/documents/${encodeURIComponent(docId)}`, '[data-chart="document"][data-state="ready"]'],
		['/screen', '.kpi[data-kpi="documents"] [data-value]'],
		['/screen/presenter', '.presenter li[data-figure]']
	];
}

/** Whether a route shows the app's header (navigation, filters, offline badge): the wall and its presenter do not. */
export const hasHeader = (path: string): boolean => !path.startsWith('/screen');
