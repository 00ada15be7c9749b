// Words about units that the catalogue of unit names (src/lib/i18n/units.ts) cannot give.
export const messages = {
	'zh-CN': { units: { bare: '个（计数）' } },
	en: { units: { bare: 'count' } }
};
