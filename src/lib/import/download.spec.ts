import { expect, test } from 'vitest';
import { exportFileName } from './download.ts';

test('names an export by its local date', () => {
	expect(exportFileName(new Date(2024, 4, 1, 23, 30))).toBe('zhijiao-data-2024-05-01.json');
});
