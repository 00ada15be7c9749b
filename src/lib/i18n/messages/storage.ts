// Problem lines from validation, loading and storage (see src/lib/state/problems.ts), and the
// storage and loading faults the app reports itself (merged into the shared `notices` and `app`).
export const messages = {
	'zh-CN': {
		storage: {
			blocked: '另一个标签页中打开的旧版看板正占用本地数据库，本页无法完成数据更新。请关闭或刷新其他看板标签页，本页会自动继续。',
			retry: '重试',
			retrying: '正在重试…',
			saveFailed: '未能保存：{detail}',
			quota: '浏览器存储空间已满，没有保存任何内容。请删除一些导入的文档或清理浏览器存储后再试。',
			restoreFailed: '恢复未完成，数据没有任何改动：{detail}',
			tooLarge: '文件中的数据过多，浏览器无法一次处理（{detail}）。',
			closed: '本地数据库已被关闭或清除。',
			invalid: '文档的数据无法修复为有效记录，没有保存（{detail}）。',
			collision: '记录编号与已有数据冲突，没有写入任何内容（{detail}）。',
			unknown: '存储出错（{detail}）。'
		},
		notices: {
			timeout: '数据服务器长时间没有响应，当前显示的是本机保存的上一版数据。',
			cleared: '本页的本地数据已被清除（如浏览器的“清除网站数据”）。请刷新页面重新载入看板数据；导入的文档和更正只能从导出的备份文件恢复。',
			retry: '重试'
		},
		problems: {
			at: '{where}：{message}',
			http: '{where}：服务器返回错误（HTTP {status}）',
			timeout: '{where}：{seconds} 秒内没有响应',
			network: '{where}：网络连接失败',
			json: '数据文件不是有效的 JSON（{detail}）',
			quota: '浏览器存储空间已满，没有写入任何内容',
			more: '……另有 {n} 个问题',
			notCorpus: '文件不是看板的数据文件（应为包含 documents、meetings、places、metrics 的 JSON 对象）',
			version: '数据格式版本为 {found}，本看板读取版本 {expected}',
			hash: '内容与文件声明的校验值不符：文件被改动过或不完整',
			empty: '不能为空',
			tooLong: '超过 {n} 个字符',
			date: '应为日期 YYYY、YYYY-MM 或 YYYY-MM-DD',
			adcode: '应为 6 位行政区划代码（GB/T 2260）',
			integer: '应为整数',
			negative: '不能为负数',
			finite: '应为有限的数值',
			digest: '应为 SHA-256 校验值（64 位十六进制）',
			timestamp: '应为 ISO 时间',
			span: '结束位置不能在开始位置之前',
			noDocument: '至少要指向一个文档',
			array: '应为数组',
			unknownDocument: '指向的文档不在数据中（{id}）',
			repeatedId: '编号与 {other} 重复',
			pastEnd: '位置 {end} 超出了文档 {doc} 的长度（{length} 个字符）',
			textLength: '全文有 {found} 个字符，文档记录为 {expected} 个',
			textHash: '全文与文档的内容校验值不符',
			docIdType: '应为文档编号（字符串）',
			type: '类型错误：应为 {expected}，实际为 {received}',
			invalid: '值无效'
		}
	},
	en: {
		storage: {
			blocked: 'An older dashboard open in another tab holds the local database, so this page cannot finish updating it. Close or reload the other dashboard tabs; this page then continues by itself.',
			retry: 'Retry',
			retrying: 'Retrying…',
			saveFailed: 'Not saved: {detail}',
			quota: 'The browser has no storage space left; nothing was saved. Remove some imported documents or free browser storage, then try again.',
			restoreFailed: 'The restore did not finish and nothing was changed: {detail}',
			tooLarge: 'The file holds more data than the browser can take at once ({detail}).',
			closed: 'The local database was closed or cleared.',
			invalid: "The document's data could not be repaired into valid records and was not saved ({detail}).",
			collision: 'Record ids clash with stored data; nothing was written ({detail}).',
			unknown: 'A storage error occurred ({detail}).'
		},
		notices: {
			timeout: 'The data server has not answered for a long time; the previous data stored on this computer is shown.',
			cleared: "This page's local data was cleared (for example by the browser's \"clear site data\"). Reload the page to load the dashboard's data again; imported documents and corrections come back only from an exported backup file.",
			retry: 'Retry'
		},
		problems: {
			at: '{where}: {message}',
			http: '{where}: the server answered with an error (HTTP {status})',
			timeout: '{where}: no answer within {seconds} s',
			network: '{where}: the network connection failed',
			json: 'The data file is not valid JSON ({detail})',
			quota: 'The browser has no storage space left; nothing was written',
			more: '… and {n} more problems',
			notCorpus: 'The file is not a dashboard data file (a JSON object with documents, meetings, places and metrics)',
			version: 'The data format is version {found}; this dashboard reads version {expected}',
			hash: 'The content does not match the checksum the file declares: the file was changed or is incomplete',
			empty: 'must not be empty',
			tooLong: 'is longer than {n} characters',
			date: 'must be a date YYYY, YYYY-MM or YYYY-MM-DD',
			adcode: 'must be a 6-digit GB/T 2260 code',
			integer: 'must be a whole number',
			negative: 'must not be negative',
			finite: 'must be a finite number',
			digest: 'must be a SHA-256 hex digest',
			timestamp: 'must be an ISO timestamp',
			span: 'end must not come before start',
			noDocument: 'must name at least one document',
			array: 'must be an array',
			unknownDocument: 'names a document that is not in the corpus ({id})',
			repeatedId: 'repeats the id of {other}',
			pastEnd: '{end} lies past the end of document {doc} ({length} characters)',
			textLength: 'has {found} characters, the document {expected}',
			textHash: "does not match the document's contentHash",
			docIdType: 'must be a document id (a string)',
			type: 'invalid type: expected {expected}, received {received}',
			invalid: 'invalid value'
		}
	}
};
