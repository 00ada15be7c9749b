// The document page.
export const messages = {
	'zh-CN': {
		document: {
			notFound: '没有编号为 {id} 的文档。',
			published: '发布日期',
			kind: '类型',
			region: '地区',
			length: '字数',
			original: '原文',
			originalLink: '在原网站查看',
			originalTitle: '原标题',
			file: '文件',
			meetings: '会议',
			places: '地名',
			metrics: '成果数据',
			evidence: '原文',
			offsets: '位置 {start}–{end}',
			offsetsPage: 'PDF 第 {page} 页 · 位置 {start}–{end}',
			pages: '页数',
			text: '全文',
			noText: '本文档的全文不随看板分发；每条数据保留原文短语和字符位置，可据此核对原件。',
			mentions: '出现 {n} 次'
		}
	},
	en: {
		document: {
			notFound: 'There is no document {id}.',
			published: 'Published',
			kind: 'Kind',
			region: 'Region',
			length: 'Characters',
			original: 'Original',
			originalLink: 'View on the original site',
			originalTitle: 'Original title',
			file: 'File',
			meetings: 'Meetings',
			places: 'Places',
			metrics: 'Figures',
			evidence: 'Evidence',
			offsets: 'characters {start}–{end}',
			offsetsPage: 'PDF page {page} · characters {start}–{end}',
			pages: 'Pages',
			text: 'Full text',
			noText: "The document's full text does not ship with the dashboard; every fact keeps its source phrase and character offsets to check against the original.",
			mentions: 'named {n}×'
		}
	}
};
