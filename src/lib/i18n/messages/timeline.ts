// The meeting timeline view and chart.
export const messages = {
	'zh-CN': {
		timeline: {
			title: '会议时间轴',
			chartLabel: '会议时间轴：{count, number} 个会议按时间排列。方向键在会议间移动，回车打开来源文档，加号和减号缩放。',
			loading: '正在载入会议…',
			empty: '当前筛选下没有可标注日期的会议。',
			error: '会议数据未能载入：{message}',
			counts: '共 {total, number} 个会议，{drawn, number} 个标注在时间轴上',
			undatedCount: '，{count, number} 个日期不详',
			undatedHeading: '日期不详的会议',
			undatedMore: '另有 {n, number} 个日期不详的会议未列出（可在明细页查看）',
			zoomIn: '放大',
			zoomOut: '缩小',
			reset: '复位',
			clearYears: '清除年份筛选',
			brushHint: '在刻度区拖动以按年份筛选；在图上滚轮或拖动以缩放、平移。',
			legend: '图例',
			precisionDay: '精确到日',
			precisionMonth: '精确到月',
			precisionYear: '仅知年份',
			venue: '地点',
			dates: '时间',
			sources: '来源文档',
			visible: '可见范围 {range}',
			more: '另有 {n, number} 个会议（放大可分开）',
			moreShort: '另有 {n, number} 个会议'
		}
	},
	en: {
		timeline: {
			title: 'Meeting timeline',
			chartLabel: 'Meeting timeline: {count, number} meetings in time order. Arrow keys move between meetings, Enter opens the source document, plus and minus zoom.',
			loading: 'Loading meetings…',
			empty: 'No dated meetings match the current filters.',
			error: 'The meetings could not be loaded: {message}',
			counts: '{total, number} meetings, {drawn, number} on the timeline',
			undatedCount: ', {count, number} without a date',
			undatedHeading: 'Meetings without a date',
			undatedMore: '{n, number} more meetings without a date are not listed (see Explore)',
			zoomIn: 'Zoom in',
			zoomOut: 'Zoom out',
			reset: 'Reset',
			clearYears: 'Clear the year filter',
			brushHint: 'Drag along the axis to filter by year; scroll or drag the chart to zoom and pan.',
			legend: 'Legend',
			precisionDay: 'Exact day',
			precisionMonth: 'Month only',
			precisionYear: 'Year only',
			venue: 'Venue',
			dates: 'Dates',
			sources: 'Source documents',
			visible: 'Showing {range}',
			more: '+{n, number} more (zoom in to separate)',
			moreShort: '+{n, number} more'
		}
	}
};
