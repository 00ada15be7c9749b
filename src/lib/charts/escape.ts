// Text from documents is never markup: ECharts' HTML tooltips insert what a formatter returns.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for insertion into HTML.
 * @example escapeHtml('<img onerror=x>') // '&lt;img onerror=x&gt;'
 */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
