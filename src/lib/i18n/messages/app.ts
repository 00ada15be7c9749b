// Shell, navigation, filters and shared words.
export const messages = {
	'zh-CN': {
		app: { name: '职教数据看板', loading: '正在载入数据…', loadFailed: '数据未能载入', language: 'English', languageLabel: '切换到英文' },
		nav: { label: '主导航', overview: '概览', timeline: '会议时间轴', map: '地图', achievements: '成果', explore: '明细', screen: '大屏' },
		filters: {
			label: '筛选',
			from: '起始年份',
			to: '截止年份',
			region: '地区',
			category: '类别',
			kind: '文档类型',
			all: '全部',
			clear: '清除筛选',
			wholeProvince: '{name}（全省）',
			active: '当前筛选'
		},
		kind: { news: '新闻', speech: '讲话', report: '报告', notice: '通知' },
		category: {
			rate: '比率',
			international: '国际交流',
			research: '科研成果',
			publication: '出版成果',
			training: '培训',
			event: '活动',
			participation: '参与',
			institution: '机构合作',
			program: '专业课程',
			other: '其他'
		},
		qualifier: { exact: '', about: '约', over: '余', nearly: '近', atLeast: '以上' },
		chart: { save: '下载图片（PNG，白底，两倍清晰度）', saveShort: '下载', saveLabel: '下载图片：{label}' },
		common: { unknownDate: '日期不详', unknownPlace: '地点不详', none: '暂无数据', source: '来源', sources: '来源文档', moreSources: '另 {n} 篇', documents: '文档' },
		notices: {
			memory: '浏览器不允许本页保存数据（如隐私窗口）：看板照常可用，但关闭页面后导入和更正不会保留。',
			refused: '新发布的数据未被采用，仍显示上一版数据。原因：',
			quota: '浏览器存储空间已满：新数据未能保存，仍显示上一版数据，没有写入任何不完整的内容。',
			'upgraded-elsewhere': '看板已在另一个标签页中更新，请刷新本页后继续使用。',
			blocked: '请关闭其他已打开的看板标签页，以便完成数据更新。',
			reload: '刷新',
			dismiss: '知道了'
		}
	},
	en: {
		app: { name: 'Vocational Education Dashboard', loading: 'Loading data…', loadFailed: 'The data could not be loaded', language: '中文', languageLabel: 'Switch to Chinese' },
		nav: { label: 'Main', overview: 'Overview', timeline: 'Timeline', map: 'Map', achievements: 'Achievements', explore: 'Explore', screen: 'Big screen' },
		filters: {
			label: 'Filters',
			from: 'From year',
			to: 'To year',
			region: 'Region',
			category: 'Category',
			kind: 'Document kind',
			all: 'All',
			clear: 'Clear filters',
			wholeProvince: '{name} (whole province)',
			active: 'Active filters'
		},
		kind: { news: 'News', speech: 'Speech', report: 'Report', notice: 'Notice' },
		category: {
			rate: 'Rates',
			international: 'International',
			research: 'Research',
			publication: 'Publications',
			training: 'Training',
			event: 'Events',
			participation: 'Participation',
			institution: 'Institutions',
			program: 'Programmes',
			other: 'Other'
		},
		qualifier: { exact: '', about: '≈', over: '+', nearly: '≈', atLeast: '≥' },
		chart: { save: 'Download image (PNG, white background, twice the size)', saveShort: 'Save', saveLabel: 'Download image: {label}' },
		common: { unknownDate: 'date unknown', unknownPlace: 'place unknown', none: 'No data', source: 'Source', sources: 'Sources', moreSources: '{n} more', documents: 'documents' },
		notices: {
			memory: 'This browser does not let the page store data (a private window?): the dashboard works, but imports and corrections are lost when the page closes.',
			refused: 'The newly published data was refused; the previous version is still shown. Why:',
			quota: 'The browser has no storage space left: the new data was not saved, the previous version is still shown, and nothing was half-written.',
			'upgraded-elsewhere': 'The dashboard was updated in another tab. Reload this page to continue.',
			blocked: 'Close the other open dashboard tabs so the data update can finish.',
			reload: 'Reload',
			dismiss: 'Dismiss'
		}
	}
};
