// Working offline: the header's badge.
export const messages = {
	'zh-CN': {
		offline: {
			badge: '离线使用中',
			asOf: '本机保存的数据截至 {date}（{n, number} 篇文档）',
			saved: '显示本机保存的数据',
			title: '网络不可用，看板正使用本机保存的副本；联网后自动更新。'
		}
	},
	en: {
		offline: {
			badge: 'Offline',
			asOf: 'saved data as of {date} ({n, number} documents)',
			saved: 'showing the data saved on this device',
			title: 'No network: the dashboard is using the copy saved on this device and updates itself once online.'
		}
	}
};
