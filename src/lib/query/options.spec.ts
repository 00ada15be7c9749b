import { expect, test } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import { availableRegions } from './options.ts';

test('lists the whole country as a region of its own, before the provinces, never as a province', () => {
	const c = sampleContent();
	c.documents[1] = { ...c.documents[1]!, regionCode: '100000' };
	c.metrics[0] = { ...c.metrics[0]!, scopeCode: '110105' };
	expect(availableRegions(c, null)).toEqual([
		{ code: '100000', name: '全国' },
		{ code: '110000', name: '北京市' },
		{ code: '330000', name: '浙江省' }
	]);
});
