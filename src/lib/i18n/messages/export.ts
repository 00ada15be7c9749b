// Saved charts, the saved timeline, printing and the CSV's extra columns.
export const messages = {
	'zh-CN': {
		export: {
			years: '年份',
			year: '{year}年',
			yearRange: '{from}—{to}年',
			yearFrom: '{year}年起',
			yearTo: '截至{year}年',
			allData: '全部数据',
			facet: '{label}：{value}',
			separator: ' · ',
			unit: '单位：{unit}',
			asOf: '数据截至 {date}',
			noDate: '数据日期不详',
			sources: '来源文档 {n, number} 篇',
			measure: '着色',
			visible: '时段',
			meetings: '会议',
			meeting: '会议',
			meetingCount: '{n, number} 场',
			savePng: '下载 PNG',
			saveSvg: '下载 SVG',
			saveTimeline: '下载时间轴图片（{format}，含标题、筛选条件与数据日期）',
			printFilters: '当前筛选',
			sourceTitle: '来源文档',
			sourceUrl: '来源网址',
			documentId: '文档编号',
			printRows: '打印件只含表格当前显示的行；全部数据请用“导出 CSV”。'
		}
	},
	en: {
		export: {
			years: 'Years',
			year: '{year}',
			yearRange: '{from}–{to}',
			yearFrom: 'from {year}',
			yearTo: 'up to {year}',
			allData: 'all data',
			facet: '{label}: {value}',
			separator: ' · ',
			unit: 'Unit: {unit}',
			asOf: 'Data as of {date}',
			noDate: 'Data date unknown',
			sources: '{n, plural, one {# source document} other {# source documents}}',
			measure: 'Coloured by',
			visible: 'Period',
			meetings: 'Meetings',
			meeting: 'Meeting',
			meetingCount: '{n, number}',
			savePng: 'Save PNG',
			saveSvg: 'Save SVG',
			saveTimeline: 'Download the timeline ({format}, with its title, filters and data date)',
			printFilters: 'Active filters',
			sourceTitle: 'Source document',
			sourceUrl: 'Source address',
			documentId: 'Document ID',
			printRows: 'A printout holds only the rows in view; for all of them use “Export CSV”.'
		}
	}
};
