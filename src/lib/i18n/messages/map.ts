// The map of China view.
export const messages = {
	'zh-CN': {
		map: {
			title: '地图',
			chartLabel: '{scope}地图：按{measure}着色的地区、城市和区县的点及参会方向',
			china: '全国',
			back: '返回全国',
			measure: '着色依据',
			meetings: '会议数',
			meetingsShort: '会议',
			mentions: '提及',
			places: '城市与区县',
			links: '参会方向',
			noData: '无文档',
			unit: '单位：{unit}',
			leftOut: '另有 {count} 项数据因无地区或单位不同未计入',
			national: '全国：{value}（不计入各省）',
			linksLeftOut: '参会方向：显示会议最多的 {shown} 条（共 {count} 条），选择一场会议可查看其全部参会方向',
			loadFailed: '地图未能载入：{error}',
			meetingList: '会议',
			allMeetings: '全部会议',
			noMeetings: '当前筛选下没有会议。',
			findMeeting: '按名称查找会议',
			moreMeetings: '显示前 {shown} 场，共 {n} 场：输入名称可查找其余会议。',
			participants: '参会地区',
			venue: '会场',
			noParticipants: '未记录参会地区。',
			pickMeeting: '选择一个会议查看其参会地区。',
			hint: '点击省份查看其城市；点击城市按该市筛选。'
		}
	},
	en: {
		map: {
			title: 'Map',
			chartLabel: 'Map of {scope}: areas coloured by {measure}, cities and counties as points, lines from participants to venues',
			china: 'China',
			back: 'Back to China',
			measure: 'Colour by',
			meetings: 'Meetings',
			meetingsShort: 'Meetings',
			mentions: 'Mentions',
			places: 'Cities and counties',
			links: 'Participants → venue',
			noData: 'No documents',
			unit: 'Unit: {unit}',
			leftOut: '{count} more figures not counted: no region or another unit',
			national: 'Whole country: {value} (not on any province)',
			linksLeftOut: 'Participant lines: the {shown} busiest of {count}; pick a meeting to see all of its lines',
			loadFailed: 'The map could not be loaded: {error}',
			meetingList: 'Meetings',
			allMeetings: 'All meetings',
			noMeetings: 'No meetings match the filters.',
			findMeeting: 'Find a meeting by name',
			moreMeetings: 'Showing the first {shown} of {n}: type a name to find the others.',
			participants: 'Participating regions',
			venue: 'venue',
			noParticipants: 'No participating regions recorded.',
			pickMeeting: 'Pick a meeting to see where its participants came from.',
			hint: 'Click a province to see its cities; click a city to filter by it.'
		}
	}
};
