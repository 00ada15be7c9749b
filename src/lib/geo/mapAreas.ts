// Each map's areas by code, without its geometry (scripts/build-maps.ts writes the table from the
// map files it builds): the query engine colours a map's areas in the facts worker, which never
// loads the geometry, and the page joins the values with the areas of the map it drew.
import table from './generated/map-areas.json' with { type: 'json' };
import { division, provinceOf } from './gazetteer.ts';

const areas = table as Record<string, string[]>;

/**
 * The codes of a map's areas ('china' or a province's code), in the map file's order; areas
 * without a code (南海诸岛, the districts of 香港) are left out. Undefined for a map that does not exist.
 * @example mapAreaCodes('china')?.length // 34
 */
export function mapAreaCodes(map: string): readonly string[] | undefined {
	return Object.hasOwn(areas, map) ? areas[map] : undefined;
}

/**
 * The map a region filter shows: its province's, when that province has a map, else China's.
 * @example mapOfRegion('371681') // '370000'
 */
export function mapOfRegion(region: string | null | undefined): string {
	const p = region ? provinceOf(region) : undefined;
	return p && mapAreaCodes(p.code) ? p.code : 'china';
}

/**
 * The area of the map that contains a division: the code itself or its nearest ancestor on the map.
 * @example areaOf('371681', new Set(['371600'])) // '371600'
 */
export function areaOf(code: string | null | undefined, areaCodes: ReadonlySet<string>): string | null {
	for (let c = code ?? undefined; c; c = division(c)?.parent ?? undefined) if (areaCodes.has(c)) return c;
	return null;
}
