// Every message catalogue says the same things in both languages: a key missing in one would show
// the key itself (or fall back to Chinese) in the other.
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const dir = new URL('./messages/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

/** Dotted paths of a catalogue's leaves: { a: { b: 'x' } } → ['a.b']. */
function keys(tree: unknown, prefix = ''): string[] {
	if (typeof tree !== 'object' || tree === null) return [prefix];
	return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('message catalogues', () => {
	test.each(files)('%s has the same keys in Chinese and English', async (file) => {
		const { messages } = (await import(new URL(file, dir).href)) as { messages: Record<'zh-CN' | 'en', unknown> };
		expect(keys(messages.en).sort()).toEqual(keys(messages['zh-CN']).sort());
	});

	test('the accessibility words carry the same placeholders in both languages', async () => {
		const { messages } = await import('./messages/a11y.ts');
		const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const [key, zh] of Object.entries(messages['zh-CN'].a11y)) {
			expect([key, slots((messages.en.a11y as Record<string, string>)[key]!)]).toEqual([key, slots(zh)]);
		}
	});
});
