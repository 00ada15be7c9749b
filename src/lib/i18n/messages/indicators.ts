// Indicators and the words that say what a figure is: shared by the overview, achievements, map,
// explorer and correction forms.
export const messages = {
	'zh-CN': {
		indicator: {
			label: '指标',
			pick: '选择指标',
			unnamed: '未注明内容（{category}）',
			national: '全国',
			kind: { level: '数量', change: '增减', cumulative: '累计', rate: '比率' },
			change: { increase: '增加', decrease: '减少', none: '不是增减' },
			part: '其中',
			partLong: '是另一数字的组成部分',
			scope: '范围',
			scopeDefault: '同文档地区',
			subject: '统计对象',
			noSum: '这一指标的数字不能相加（比率、累计数或增减），下表逐条列出。',
			sumRule: '只相加同一指标、同一单位、同一类型、不同地区或不同年份的数字；“其中”部分、增减数、比率和累计数不相加；同一地区同一年份不一致的数字并列展示，按较大者计；同一地区的存量（如学校数）按最近年份计。',
			sources: '{n} 篇文档'
		}
	},
	en: {
		indicator: {
			label: 'Indicator',
			pick: 'Pick an indicator',
			unnamed: 'Unnamed ({category})',
			national: 'Whole country',
			kind: { level: 'level', change: 'change', cumulative: 'running total', rate: 'rate' },
			change: { increase: 'increase', decrease: 'decrease', none: 'not a change' },
			part: 'part',
			partLong: 'is a part of another figure',
			scope: 'Scope',
			scopeDefault: 'the document’s region',
			subject: 'Counts',
			noSum: 'The figures of this indicator may not be added (rates, running totals or changes): they are listed below.',
			sumRule: 'Only figures of one indicator, unit and kind, of different places or years, are added; parts (“of which” figures), changes, rates and running totals never are; differing figures of one place and year stand side by side and the larger counts; a stock (such as schools) counts its latest year per place.',
			sources: '{n} documents'
		}
	}
};
