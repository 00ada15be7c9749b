// Map geometry built by scripts/build-maps.ts, fetched on demand: each file is its own lazy chunk
// (import.meta.glob compiles to dynamic import()), so the app ships no geometry until a map is
// shown and needs no map service. Each map is registered with ECharts once.
import { getMap, registerMap } from 'echarts/core';

/** One drawable area of a map: a province on the China map, a city (a district) on a province map. */
export interface MapArea {
	/** GB/T 2260 code; null where the gazetteer has none (the districts of 香港, 澳门 and 台湾) */
	code: string | null;
	/** official full name, also the ECharts region name */
	name: string;
}

/** A registered map: the name to give `geo.map`, and its areas. */
export interface LoadedMap {
	name: string;
	areas: MapArea[];
}

interface MapFile {
	features: { properties: { name: string; adcode: string | null } }[];
}

const files = import.meta.glob<MapFile>('./generated/maps/*.json', { import: 'default' });
const loading = new Map<string, Promise<LoadedMap>>();

const fileOf = (name: string): string => `./generated/maps/${name}.json`;

function load(file: string, mapName: string): Promise<LoadedMap> {
	let pending = loading.get(mapName);
	if (!pending) {
		const importer = files[file];
		if (!importer) return Promise.reject(new Error(`no map geometry for ${mapName}`));
		pending = importer().then((json) => {
			// Read the areas before registering: ECharts decodes the geometry in place.
			const areas = json.features.map((f) => ({ code: f.properties.adcode, name: f.properties.name }));
			if (!getMap(mapName)) registerMap(mapName, json as unknown as Parameters<typeof registerMap>[1]);
			return { name: mapName, areas };
		});
		pending.catch(() => loading.delete(mapName));
		loading.set(mapName, pending);
	}
	return pending;
}

/**
 * Registers the map of China as 'china', which gives it ECharts' 南海诸岛 inset.
 * @example const { name, areas } = await loadChinaMap(); // name === 'china', 34 areas
 */
export function loadChinaMap(): Promise<LoadedMap> {
	return load(fileOf('china'), 'china');
}

/**
 * Registers the map of one province under its code: its cities, or a municipality's districts.
 * @example (await loadProvinceMap('370000')).areas.find((a) => a.code === '371600')?.name // '滨州市'
 */
export function loadProvinceMap(code: string): Promise<LoadedMap> {
	return load(fileOf(code), code);
}

/** Whether a province-level code has a map to drill into. */
export function hasProvinceMap(code: string): boolean {
	return fileOf(code) in files;
}
