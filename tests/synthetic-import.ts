// Made-up news items for the import page: each with a meeting, a place and figures. Shared by
// tests/import.e2e.ts and scripts/bench-import.ts; `seed` keeps batches apart (names and content).

export interface SyntheticFile {
	name: string;
	mimeType: string;
	buffer: Buffer;
}

export function syntheticDocuments(n: number, seed: string): SyntheticFile[] {
	const cities = ['杭州', '南京', '成都', '武汉', '西安', '长沙', '郑州', '济南', '福州', '昆明'];
	return Array.from({ length: n }, (_, i) => {
		const city = cities[i % cities.length]!;
		const month = (i % 12) + 1;
		const text = [
			`${city}职业教育第${i + 1}次工作推进会召开（${seed}）`,
			'',
			`发布时间：2022-${String(month).padStart(2, '0')}-15`,
			'',
			`${month}月12日，${city}职业教育第${i + 1}次工作推进会在${city}市召开，来自各地的代表${100 + i}余人参加会议。`,
			`会议期间共培训教师${1000 + i * 7}人次，签订校企合作协议${10 + (i % 30)}项，发布研究报告${3 + (i % 9)}份。`,
			`${'与会代表围绕产教融合、专业建设和人才培养开展了交流研讨。'.repeat(6)}`
		].join('\n');
		return { name: `${seed}-${String(i).padStart(3, '0')}.txt`, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') };
	});
}
