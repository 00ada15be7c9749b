import { describe, expect, test } from 'vitest';
import { sampleContent } from '../corpus/fixture.ts';
import { availableRegions, withRegion, yearOptions } from './options.ts';

const flat = (groups: ReturnType<typeof availableRegions>) => groups.map((g) => [g.province.name, g.places.map((p) => p.name)]);

describe('availableRegions', () => {
	test('lists the whole country as a region of its own, before the provinces, never as a province', () => {
		const c = sampleContent();
		c.documents[1] = { ...c.documents[1]!, regionCode: '100000' };
		c.metrics[0] = { ...c.metrics[0]!, scopeCode: '110105' };
		expect(flat(availableRegions(c, null))).toEqual([
			['全国', []],
			['北京市', ['朝阳区']],
			['浙江省', ['杭州市']]
		]);
	});

	test('groups cities under their province in code order; counties count for their city', () => {
		const c = sampleContent();
		c.documents[0] = { ...c.documents[0]!, regionCode: '371681' };
		c.documents[1] = { ...c.documents[1]!, regionCode: '370100' };
		c.metrics[0] = { ...c.metrics[0]!, scopeCode: '130000' };
		expect(flat(availableRegions(c, null))).toEqual([
			['河北省', []],
			['浙江省', ['杭州市']],
			['山东省', ['济南市', '滨州市']]
		]);
	});

	test('offers the region in the URL even where no fact is, the very county when one is chosen', () => {
		const groups = availableRegions(sampleContent(), '371681');
		expect(flat(groups)).toContainEqual(['山东省', ['邹平市']]);
	});
});

describe('withRegion', () => {
	test.each([null, '330000', '330100', '371681', '370000', '100000'])('adds %s as availableRegions would', (code) => {
		const c = sampleContent();
		expect(withRegion(availableRegions(c, null), code)).toEqual(availableRegions(c, code));
	});
});

describe('yearOptions', () => {
	test.each([
		[[2021, 2023], [null, null], [2021, 2023]],
		[[2021, 2023], [2022, 2024], [2021, 2022, 2023, 2024]],
		[[], [2019, undefined], [2019]],
		[[2021], [2021, 2021], [2021]]
	] as const)('%j with %j in the URL offers %j', (available, asked, years) => {
		expect(yearOptions(available, ...asked)).toEqual(years);
	});
});
