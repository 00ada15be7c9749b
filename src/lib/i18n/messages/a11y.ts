// Phones and accessibility: the header's menu, the filter drawer, charts' text alternatives and the
// keyboard help of the map and the timeline.
export const messages = {
	'zh-CN': {
		a11y: {
			skip: '跳到正文',
			menu: '菜单',
			menuLabel: '打开或关闭导航菜单',
			filters: '筛选',
			filtersCount: '筛选（{n}）',
			filtersLabel: '打开或关闭筛选条件，已设 {n} 项',
			close: '收起',
			showMore: '再显示 {n} 条',
			chartTable: '{label}：数据表',
			chartItem: '项目',
			chartValue: '数值',
			chartUnit: '（{unit}）',
			mapKeys: '{label}。用方向键在地区之间移动，回车筛选所选地区，Esc 返回上一级。',
			mapKeysHint: '键盘：选中地图后用方向键选地区，回车筛选，Esc 返回。',
			mapArea: '{name}：{value}',
			mapNoData: '{name}：无数据',
			mapTable: '各地区数值',
			mapPlace: '地区',
			noData: '无数据',
			timelineTable: '各年会议数',
			timelineYear: '年份',
			timelineCount: '会议数',
			timelineUndated: '日期不详'
		}
	},
	en: {
		a11y: {
			skip: 'Skip to content',
			menu: 'Menu',
			menuLabel: 'Open or close the navigation menu',
			filters: 'Filters',
			filtersCount: 'Filters ({n})',
			filtersLabel: 'Open or close the filters, {n} set',
			close: 'Close',
			showMore: 'Show {n} more',
			chartTable: '{label}: data table',
			chartItem: 'Item',
			chartValue: 'Value',
			chartUnit: ' ({unit})',
			mapKeys: '{label}. Arrow keys move between areas, Enter filters by the area chosen, Escape goes up a level.',
			mapKeysHint: 'Keyboard: focus the map, then arrow keys pick an area, Enter filters, Escape goes back.',
			mapArea: '{name}: {value}',
			mapNoData: '{name}: no data',
			mapTable: 'Values by area',
			mapPlace: 'Area',
			noData: 'No data',
			timelineTable: 'Meetings per year',
			timelineYear: 'Year',
			timelineCount: 'Meetings',
			timelineUndated: 'Date unknown'
		}
	}
};
