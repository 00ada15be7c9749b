// Interface language: Simplified Chinese first, English as a switch (svelte-i18n).
// Message catalogues live in ./messages/*.ts, one per part of the app, each exporting
// `messages = { 'zh-CN': {...}, en: {...} }`; they are merged here so parts never edit one shared file.
import { addMessages, init, locale } from 'svelte-i18n';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
const STORAGE_KEY = 'zhijiao:locale';

type Catalogue = Record<Locale, Record<string, unknown>>;
const parts = import.meta.glob<{ messages: Catalogue }>('./messages/*.ts', { eager: true });
for (const part of Object.values(parts)) for (const l of LOCALES) addMessages(l, part.messages[l] as never);

function storedLocale(): Locale {
	try {
		const saved = localStorage.getItem(STORAGE_KEY);
		return LOCALES.includes(saved as Locale) ? (saved as Locale) : 'zh-CN';
	} catch {
		return 'zh-CN';
	}
}

const initial = typeof localStorage === 'undefined' ? 'zh-CN' : storedLocale();
init({ fallbackLocale: 'zh-CN', initialLocale: initial });
// The page's language follows the stored choice from the start (screen readers, fonts, hyphenation).
if (typeof document !== 'undefined') document.documentElement.lang = initial;

/** Switches the interface language and remembers the choice. */
export function setLocale(next: Locale): void {
	locale.set(next);
	try {
		localStorage.setItem(STORAGE_KEY, next);
	} catch {
		// storage may be unavailable (private window): the switch still applies to this visit
	}
	document.documentElement.lang = next;
}

export { _, locale } from 'svelte-i18n';
