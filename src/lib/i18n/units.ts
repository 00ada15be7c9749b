// Units of reported figures (as the extractor keeps them, in Chinese) in the interface language.
// Chinese counting words that English does not say (个, 项, 批) become nothing: "27,000", not "27,000 items".

const EN: Record<string, string> = {
	'%': '%',
	人: 'people',
	名: 'people',
	位: 'people',
	人次: 'person-times',
	个: '',
	所: 'institutions',
	家: 'organisations',
	项: 'items',
	支: 'teams',
	批: 'batches',
	类: 'categories',
	大类: 'categories',
	种: 'kinds',
	件: 'items',
	条: 'items',
	元: 'yuan',
	万元: '10k yuan',
	亿元: '100m yuan',
	平方米: 'm²',
	亩: 'mu',
	吨: 't',
	届: 'editions',
	场: 'sessions',
	期: 'sessions',
	次: 'times',
	部门: 'departments',
	系: 'departments',
	册: 'volumes',
	本: 'volumes',
	部: 'works',
	分: 'points',
	份: 'copies',
	篇: 'papers',
	台: 'units',
	门: 'courses',
	县: 'counties',
	国: 'countries',
	倍: '×',
	处: 'sites',
	字: 'characters',
	成: 'tenths',
	学时: 'class hours',
	栋: 'buildings'
};

/**
 * A figure's unit in `locale`; a unit without an English word is kept as written.
 * @example unitLabel('人次', 'en') // 'person-times'; unitLabel('人次', 'zh-CN') // '人次'
 */
export function unitLabel(unit: string, locale: string | null | undefined): string {
	if (!locale || locale.startsWith('zh')) return unit;
	return EN[unit] ?? unit;
}
