// Builds the map geometry the app bundles (src/lib/geo/generated/maps/) from the installed
// echarts4 package only, so no map service is needed at run time:
//   china.json      34 province-level features, named with official full names (山东省), properties.adcode
//   <adcode>.json   one per province: its cities (a municipality: its districts), same naming
// Output stays in ECharts' compressed GeoJSON (UTF8Encoding, a 1/1024° grid ≈ 100 m, i.e. about
// 3 decimals): echarts.registerMap decodes it, and it is about a sixth of the size of plain
// coordinates. Runs under Node's native type stripping: erasable syntax only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cityOf, division, isMunicipality, lookupName, type Division } from '../src/lib/geo/gazetteer.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'node_modules/echarts4/map/json');
const OUT = path.join(ROOT, 'src/lib/geo/generated/maps');
const GAZETTEER = path.join(ROOT, 'src/lib/geo/generated/gazetteer.json');
/** Each map's area codes (geo/mapAreas.ts): what the facts worker groups by, without the geometry. */
const AREAS = path.join(ROOT, 'src/lib/geo/generated/map-areas.json');
const SCALE = 1024;

/** taiwan.json is the one province file whose features carry no ids to read the province from. */
const PROVINCE_OF_FILE: Record<string, string> = { 'taiwan.json': '710000' };
/** The feature of taiwan.json holding 钓鱼岛; ECharts only adds the island to a region named '台湾'. */
const DIAOYU = '中国属钓鱼岛';

/** A ring as integer grid points. */
type Ring = [number, number][];
/** A polygon: exterior ring, then holes. */
type Polygon = Ring[];

interface SourceFeature {
	id?: string;
	properties: { id?: string; name: string; cp?: [number, number] };
	geometry: { type: string; coordinates: unknown; encodeOffsets?: unknown };
}
interface SourceCollection {
	UTF8Encoding?: boolean;
	UTF8Scale?: number;
	features: SourceFeature[];
}

interface Area {
	adcode: string | null;
	name: string;
	cp: [number, number] | null;
	polygons: Polygon[];
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

function decodeRing(s: string, offset: [number, number]): Ring {
	const ring: Ring = [];
	let [x, y] = offset;
	for (let i = 0; i < s.length; i += 2) {
		const dx = s.charCodeAt(i) - 64;
		const dy = s.charCodeAt(i + 1) - 64;
		x += (dx >> 1) ^ -(dx & 1);
		y += (dy >> 1) ^ -(dy & 1);
		ring.push([x, y]);
	}
	return ring;
}

/** Polygons on the integer grid, whether the source is compressed (most files) or plain (xizang.json). */
function polygonsOf(f: SourceFeature, encoded: boolean, scale: number): Polygon[] {
	const g = f.geometry;
	const toGrid = (r: number[][]): Ring => r.map(([lng, lat]) => [Math.round(lng! * SCALE), Math.round(lat! * SCALE)]);
	const rescale = (r: Ring): Ring => (scale === SCALE ? r : r.map(([x, y]) => [Math.round((x * SCALE) / scale), Math.round((y * SCALE) / scale)]));
	const multi = g.type === 'MultiPolygon';
	if (g.type !== 'Polygon' && !multi) throw new Error(`unexpected geometry ${g.type} in ${f.properties.name}`);
	const polys = (multi ? g.coordinates : [g.coordinates]) as unknown[][];
	const offsets = encoded ? ((multi ? g.encodeOffsets : [g.encodeOffsets]) as [number, number][][]) : [];
	return polys.map((rings, p) =>
		rings.map((ring, r) => (encoded ? rescale(decodeRing(ring as string, offsets[p]![r]!)) : toGrid(ring as number[][])))
	);
}

/** Drops repeated points; a ring left with fewer than three corners is dropped by the caller. */
function clean(ring: Ring): Ring {
	return ring.filter((pt, i) => i === 0 || pt[0] !== ring[i - 1]![0] || pt[1] !== ring[i - 1]![1]);
}

function encodeRing(ring: Ring): { s: string; offset: [number, number] } {
	const offset: [number, number] = [ring[0]![0], ring[0]![1]];
	let [px, py] = offset;
	let s = '';
	for (const [x, y] of ring) {
		for (const d of [x - px, y - py]) {
			const code = ((d << 1) ^ (d >> 31)) + 64;
			// A code in the UTF-16 surrogate range would not survive JSON text: never seen at this scale.
			if (code >= 0xd800) throw new Error(`coordinate step too large to encode (${d})`);
			s += String.fromCharCode(code);
		}
		[px, py] = [x, y];
	}
	return { s, offset };
}

function toFeature(a: Area): object {
	const coordinates: string[][] = [];
	const encodeOffsets: [number, number][][] = [];
	for (const poly of a.polygons) {
		const rings = poly.map(clean).filter((r) => r.length >= 3);
		if (rings.length === 0) continue;
		const encoded = rings.map(encodeRing);
		coordinates.push(encoded.map((e) => e.s));
		encodeOffsets.push(encoded.map((e) => e.offset));
	}
	const properties: Record<string, unknown> = { name: a.name, adcode: a.adcode };
	if (a.cp) properties.cp = a.cp;
	return { type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates, encodeOffsets } };
}

/** Code-point order: the same on every machine, unlike a locale's collation. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function collection(areas: Area[]): string {
	const sorted = [...areas].sort((a, b) => cmp(a.adcode ?? '999999', b.adcode ?? '999999') || cmp(a.name, b.name));
	return JSON.stringify({ type: 'FeatureCollection', UTF8Encoding: true, UTF8Scale: SCALE, features: sorted.map(toFeature) });
}

const round3 = (cp: [number, number] | undefined): [number, number] | null => (cp ? [Number(cp[0].toFixed(3)), Number(cp[1].toFixed(3))] : null);

/**
 * The current division a source feature stands for. The package dates from 2017: renamed units
 * (梁平县 → 梁平区), merged ones (莱芜市 → 济南市莱芜区) and features without ids (上海 崇明区) are
 * found by name inside the province, former names included.
 */
function resolve(id: string | undefined, name: string, province: string): Division | undefined {
	const byId = id ? division(id) : undefined;
	if (byId && byId.name === name) return byId;
	const inside = (n: string) => lookupName(n, province).filter((d) => d.level !== 'province');
	const found = inside(name)[0] ?? inside(name.replace(/(地区|县|区|市|盟)$/, ''))[0];
	return found ?? byId;
}

function provinceAreas(file: string, src: SourceCollection): { code: string; areas: Area[]; diaoyu: Polygon[] } {
	const ids = src.features.map((f) => f.id ?? f.properties.id).filter((id): id is string => !!id);
	const code = PROVINCE_OF_FILE[file] ?? `${ids[0]?.slice(0, 2)}0000`;
	if (!division(code)) throw new Error(`${file}: cannot tell its province`);
	const scale = src.UTF8Scale ?? SCALE;
	const byKey = new Map<string, Area>();
	let diaoyu: Polygon[] = [];
	for (const f of src.features) {
		const polygons = polygonsOf(f, !!src.UTF8Encoding, scale);
		const name = f.properties.name;
		if (name === DIAOYU) diaoyu = polygons;
		const d = resolve(f.id ?? f.properties.id, name, code);
		// A municipality's map shows districts; elsewhere a county maps onto its city (莱芜区 → 济南市),
		// except the county-level cities directly under a province (仙桃市), which stand alone.
		const unit = d && (isMunicipality(code) ? d : (cityOf(d.code) ?? d));
		const key = unit?.code ?? `name:${name}`;
		const area = byKey.get(key);
		if (area) {
			area.polygons.push(...polygons);
			if (d === unit) area.cp = round3(f.properties.cp);
		} else {
			const label = name === DIAOYU ? '钓鱼岛' : name;
			byKey.set(key, { adcode: unit?.code ?? null, name: unit?.name ?? label, cp: round3(f.properties.cp), polygons });
		}
	}
	return { code, areas: [...byKey.values()], diaoyu };
}

function main(): void {
	const files = fs
		.readdirSync(path.join(SRC, 'province'))
		.filter((f) => f.endsWith('.json'))
		.sort();
	const inputs = [path.join(SRC, 'china.json'), ...files.map((f) => path.join(SRC, 'province', f))];
	const newestInput = Math.max(
		...[path.join(ROOT, 'package-lock.json'), GAZETTEER, fileURLToPath(import.meta.url)].map((f) => fs.statSync(f).mtimeMs)
	);
	const chinaOut = path.join(OUT, 'china.json');
	if (fs.existsSync(chinaOut) && fs.statSync(chinaOut).mtimeMs > newestInput && process.argv[2] !== '--force') {
		console.log('maps: up to date');
		writeAreaTable();
		return;
	}
	const started = performance.now();
	fs.rmSync(OUT, { recursive: true, force: true });
	fs.mkdirSync(OUT, { recursive: true });

	const outputs: [string, string][] = [];
	let diaoyu: Polygon[] = [];
	for (const file of files) {
		const { code, areas, diaoyu: found } = provinceAreas(file, readJson<SourceCollection>(path.join(SRC, 'province', file)));
		if (found.length) diaoyu = found;
		outputs.push([`${code}.json`, collection(areas)]);
	}

	const china = readJson<SourceCollection>(inputs[0]!);
	const provinces: Area[] = china.features.map((f) => {
		const code = f.id ?? f.properties.id;
		const d = code ? division(code) : undefined;
		if (!d || d.level !== 'province') throw new Error(`china.json: unknown province ${code} ${f.properties.name}`);
		const polygons = polygonsOf(f, !!china.UTF8Encoding, china.UTF8Scale ?? SCALE);
		return { adcode: d.code, name: d.name, cp: round3(f.properties.cp), polygons };
	});
	if (provinces.length !== 34) throw new Error(`china.json: expected 34 provinces, found ${provinces.length}`);
	// Renaming 台湾 to 台湾省 turns off ECharts' own 钓鱼岛 patch, so the island comes from taiwan.json.
	if (!diaoyu.length) throw new Error(`taiwan.json: no ${DIAOYU} feature`);
	provinces.find((p) => p.adcode === '710000')!.polygons.push(...diaoyu);
	outputs.unshift(['china.json', collection(provinces)]);

	const sizes = outputs.map(([name, text]): [string, number] => {
		fs.writeFileSync(path.join(OUT, name), text);
		return [name, Buffer.byteLength(text)];
	});
	const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
	const total = sizes.reduce((sum, [, n]) => sum + n, 0);
	const [largestName, largest] = sizes.slice(1).reduce((a, b) => (b[1] > a[1] ? b : a));
	console.log(
		`maps: ${sizes.length} files, ${kb(total)} in all (china.json ${kb(sizes[0]![1])}, largest province ${largestName} ${kb(largest)}) ` +
			`in ${Math.round(performance.now() - started)} ms → ${path.relative(ROOT, OUT)}`
	);
	writeAreaTable();
}

/**
 * Writes the area codes of every map written (map name → its areas' codes, in the file's order,
 * areas without a code left out), read back from the files themselves; rewritten only when it changed.
 */
function writeAreaTable(): void {
	const table: Record<string, string[]> = {};
	for (const file of fs.readdirSync(OUT).filter((f) => f.endsWith('.json')).sort()) {
		const features = readJson<{ features: { properties: { adcode: string | null } }[] }>(path.join(OUT, file)).features;
		table[file.slice(0, -'.json'.length)] = features.flatMap((f) => (f.properties.adcode ? [f.properties.adcode] : []));
	}
	const text = JSON.stringify(table);
	if (!fs.existsSync(AREAS) || fs.readFileSync(AREAS, 'utf8') !== text) fs.writeFileSync(AREAS, text);
}

main();
