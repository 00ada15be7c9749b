// The explorer page.
export const messages = {
	'zh-CN': {
		explore: {
			title: '数据明细',
			search: '搜索',
			searchPlaceholder: '输入关键词，如 培训 人次',
			export: '导出 CSV',
			rows: '共 {n} 行',
			reviewedOnly: '只看已核对',
			type: '类型',
			meeting: '会议',
			metric: '成果',
			date: '日期',
			region: '地区',
			change: '增减',
			category: '类别',
			value: '数值',
			unit: '单位',
			qualifier: '限定',
			text: '内容',
			source: '来源',
			table: '会议与成果明细表'
		}
	},
	en: {
		explore: {
			title: 'Explore',
			search: 'Search',
			searchPlaceholder: 'Words to find, as the documents write them',
			export: 'Export CSV',
			rows: '{n} rows',
			reviewedOnly: 'Reviewed only',
			type: 'Type',
			meeting: 'Meeting',
			metric: 'Figure',
			date: 'Date',
			region: 'Region',
			change: 'Change',
			category: 'Category',
			value: 'Value',
			unit: 'Unit',
			qualifier: 'Qualifier',
			text: 'Text',
			source: 'Source',
			table: 'Meetings and figures'
		}
	}
};
