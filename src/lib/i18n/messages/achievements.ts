// The achievements view and the overview's headline figures.
export const messages = {
	'zh-CN': {
		achievements: {
			title: '成果',
			byCategory: '各类成果数量',
			byIndicator: '各指标数据条数',
			indicatorFigures: '该指标的数字',
			place: '地区',
			byYear: '按年份汇总',
			placesSum: '各地区合计',
			byRegion: '按地区汇总',
			unit: '单位',
			unitNote: '只汇总同一指标、同一单位的数字；累计数、增减数和百分比不相加。',
			figures: '项数据',
			table: '成果明细',
			value: '数值',
			subject: '内容',
			year: '年份',
			cumulative: '累计',
			conflicts: '口径不一致的数据',
			conflictsNote: '同一事项在不同文档中数值不同，并列展示，不相加。',
			empty: '当前筛选条件下没有成果数据。',
			allFigures: '在明细中查看全部 {n} 条',
			chartCategory: '各类别成果数据条数的条形图',
			chartIndicator: '各指标成果数据条数的条形图',
			chartYear: '按年份汇总的成果数值条形图',
			chartRegion: '按地区汇总的成果数值条形图'
		}
	},
	en: {
		achievements: {
			title: 'Achievements',
			byCategory: 'Figures by category',
			byIndicator: 'Figures by indicator',
			indicatorFigures: 'Figures of this indicator',
			place: 'Place',
			byYear: 'Totals by year',
			placesSum: 'Regions added up',
			byRegion: 'Totals by region',
			unit: 'Unit',
			unitNote: 'Only figures of one indicator and unit are added; running totals, changes and percentages never are.',
			figures: 'figures',
			table: 'All figures',
			value: 'Value',
			subject: 'What',
			year: 'Year',
			cumulative: 'running total',
			conflicts: 'Conflicting figures',
			conflictsNote: 'The same thing reported with different values by different documents: shown side by side, never added.',
			empty: 'No figures match the current filters.',
			allFigures: 'All {n} figures in Explore',
			chartCategory: 'Bar chart of the number of figures per category',
			chartIndicator: 'Bar chart of the number of figures per indicator',
			chartYear: 'Bar chart of totals by year',
			chartRegion: 'Bar chart of totals by region'
		}
	}
};
