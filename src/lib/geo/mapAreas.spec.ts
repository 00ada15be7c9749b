import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { allDivisions, provinceOf } from './gazetteer.ts';
import { mapAreaCodes, mapOfRegion } from './mapAreas.ts';
import { hasProvinceMap } from './maps.ts';

const DIR = 'src/lib/geo/generated/maps';

describe('map areas without the geometry', () => {
	test('are the codes of each map file’s areas, in its order', () => {
		const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
		expect(files.length).toBe(35);
		for (const file of files) {
			const features = (JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as { features: { properties: { adcode: string | null } }[] }).features;
			expect(mapAreaCodes(file.replace('.json', ''))).toEqual(features.flatMap((f) => (f.properties.adcode ? [f.properties.adcode] : [])));
		}
		expect(mapAreaCodes('china')).toHaveLength(34);
		expect(mapAreaCodes('999999')).toBeUndefined();
		expect(mapAreaCodes('toString')).toBeUndefined();
	});

	test('a region shows the map of its province when there is one (the map page’s drill level), else China', () => {
		for (const d of allDivisions()) {
			const p = provinceOf(d.code);
			expect(mapOfRegion(d.code)).toBe(p && hasProvinceMap(p.code) ? p.code : 'china');
		}
		expect(mapOfRegion(null)).toBe('china');
		expect(mapOfRegion('100000')).toBe('china');
		expect(mapOfRegion('371681')).toBe('370000');
	});
});
