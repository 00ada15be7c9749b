// The big-screen presentation mode (/screen).
export const messages = {
	'zh-CN': {
		screen: {
			title: '职教数据大屏',
			pages: { overview: '总览', map: '地图', timeline: '时间轴', achievements: '成果', replay: '会议回放' },
			stamp: '数据截至 {date} · {n, number} 篇文档',
			version: '版本 {version}',
			noDate: '日期不详',
			filters: '筛选：{filters}',
			allData: '全部数据',
			start: '开始放映',
			startHint: '按空格键或翻页键开始；← → 翻页，P 暂停，B 黑屏，F 全屏，Esc 退出',
			keys: '← → 翻页 · P 暂停 · B 黑屏 · F 全屏 · Esc 退出',
			paused: '已暂停',
			fullscreen: '全屏',
			exitFullscreen: '退出全屏',
			blanked: '黑屏中，按 B 恢复',
			loading: '正在载入数据…',
			loadFailed: '数据未能载入',
			headlines: '主要成果',
			figuresByCategory: '各类成果数据条数',
			meetingsOnMap: '会议举办地与文档提及地',
			timelineLabel: '会议时间轴：{count, number} 个会议',
			noMeetings: '当前筛选下没有会议。',
			replay: {
				meetings: '会议',
				venues: '举办地',
				provinces: '省份',
				attendees: '参会人数',
				source: '来源：《{title}》{date}',
				done: '回放结束：{n, number} 场会议',
				unknownVenue: '地点不详',
				attendeesUnknown: '参会人数不详',
				latest: '回放最近 {n, number} 场（共 {total, number} 场）',
				attendance: '参会 {n}'
			}
		}
	},
	en: {
		screen: {
			title: 'Vocational Education Wall',
			pages: { overview: 'Overview', map: 'Map', timeline: 'Timeline', achievements: 'Achievements', replay: 'Meeting replay' },
			stamp: 'Data as of {date} · {n, number} documents',
			version: 'version {version}',
			noDate: 'undated',
			filters: 'Filters: {filters}',
			allData: 'All data',
			start: 'Start the show',
			startHint: 'Space or Page Down starts; ← → change page, P pauses, B blanks, F fullscreen, Esc leaves',
			keys: '← → page · P pause · B blank · F fullscreen · Esc leave',
			paused: 'Paused',
			fullscreen: 'Fullscreen',
			exitFullscreen: 'Exit fullscreen',
			blanked: 'Screen blanked, press B to resume',
			loading: 'Loading data…',
			loadFailed: 'The data could not be loaded',
			headlines: 'Headline achievements',
			figuresByCategory: 'Figures per category',
			meetingsOnMap: 'Meeting venues and places named',
			timelineLabel: 'Meeting timeline: {count, number} meetings',
			noMeetings: 'No meetings match the filters.',
			replay: {
				meetings: 'Meetings',
				venues: 'Venues',
				provinces: 'Provinces',
				attendees: 'Attendees',
				source: 'Source: “{title}” {date}',
				done: 'Replay complete: {n, number} meetings',
				unknownVenue: 'venue unknown',
				attendeesUnknown: 'attendance not reported',
				latest: 'The latest {n, number} of {total, number} meetings',
				attendance: 'Attendance: {n}'
			}
		}
	}
};
