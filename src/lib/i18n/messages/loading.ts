// The first load's progress bar (see src/lib/views/LoadProgress.svelte).
export const messages = {
	'zh-CN': {
		loading: {
			label: '载入进度',
			download: '正在下载语料',
			parse: '正在解析语料',
			check: '正在校验语料',
			store: '正在保存到本机',
			read: '正在载入语料',
			bytes: '{done} / {total} MB',
			bytesOnly: '{done} MB',
			records: '{done} / {total} 条'
		}
	},
	en: {
		loading: {
			label: 'Loading progress',
			download: 'Downloading the corpus',
			parse: 'Parsing the corpus',
			check: 'Checking the corpus',
			store: 'Saving on this device',
			read: 'Loading the corpus',
			bytes: '{done} / {total} MB',
			bytesOnly: '{done} MB',
			records: '{done} / {total} records'
		}
	}
};
