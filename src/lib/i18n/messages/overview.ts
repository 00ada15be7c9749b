// The overview page.
export const messages = {
	'zh-CN': {
		overview: {
			totals: '数据总量',
			scopeDocuments: '{n, number} 篇文档',
			scopeProvinces: '来自 {n, number} 个省份',
			scopeAsOf: '数据截至 {date}',
			reviewed: '其中 {reviewed} / {shown} 条数据经人工核对',
			headlines: '主要成果',
			headlineSum: '{n}个地区合计',
			headlineNote: '每项为该指标最近年份的数字；多个地区的数字按规则相加，注明来源文档。',
			documents: '文档',
			meetings: '会议',
			provinces: '涉及省份',
			cities: '涉及城市',
			metrics: '成果数据',
			cumulative: '另有累计 {value}',
			meetingList: '会议',
			name: '会议名称',
			date: '时间',
			venue: '地点',
			attendees: '人数',
			allMeetings: '查看全部 {n} 场会议'
		}
	},
	en: {
		overview: {
			totals: 'Totals',
			scopeDocuments: '{n, number} documents',
			scopeProvinces: 'from {n, number} provinces',
			scopeAsOf: 'data as of {date}',
			reviewed: '{reviewed} of {shown} figures and meetings shown were checked by a reviewer',
			headlines: 'Headline achievements',
			headlineSum: 'sum of {n} places',
			headlineNote: 'Each card is the latest year of an indicator; several places are added by the rules, with their source documents.',
			documents: 'Documents',
			meetings: 'Meetings',
			provinces: 'Provinces covered',
			cities: 'Cities covered',
			metrics: 'Figures',
			cumulative: 'running total {value}',
			meetingList: 'Meetings',
			name: 'Meeting',
			date: 'Date',
			venue: 'Venue',
			attendees: 'Attendees',
			allMeetings: 'All {n} meetings'
		}
	}
};
