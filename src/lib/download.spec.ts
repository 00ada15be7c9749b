import { expect, test } from 'vitest';
import { exportFileName, fileNameOf } from './download.ts';

test.each([
	['成果 / 按年份', '成果-按年份.png'],
	['a:b*c?"d"<e>|f', 'a-b-c-d-e-f.png'],
	['  ', 'zhijiao.png']
])('names the file of %j %j', (title, name) => {
	expect(fileNameOf(title, 'png')).toBe(name);
});

test('names an export by its local date', () => {
	expect(exportFileName(new Date(2024, 4, 1, 23, 30))).toBe('zhijiao-data-2024-05-01.json');
});
