import { describe, expect, test } from 'vitest';
import { licenceOf, shippedBom, type Bom } from './sbom.ts';

const c = (ref: string, licence = 'MIT') => ({ 'bom-ref': ref, name: ref.slice(0, ref.lastIndexOf('@')), version: ref.slice(ref.lastIndexOf('@') + 1), licenses: [{ license: { id: licence } }] });
const bom: Bom = {
	metadata: { component: { 'bom-ref': 'app@1.0.0', name: 'main' } },
	components: [c('dexie@4.0.0', 'Apache-2.0'), c('tiny@1.0.0'), c('svelte@5.0.0'), c('clsx@2.0.0'), c('acorn@8.0.0'), c('vite@8.0.0'), c('echarts@4.9.0', 'Apache-2.0'), c('echarts@6.0.0', 'Apache-2.0')],
	dependencies: [
		{ ref: 'app@1.0.0', dependsOn: ['dexie@4.0.0', 'svelte@5.0.0', 'vite@8.0.0', 'echarts@6.0.0', 'echarts@4.9.0'] },
		{ ref: 'dexie@4.0.0', dependsOn: ['tiny@1.0.0'] },
		{ ref: 'svelte@5.0.0', dependsOn: ['clsx@2.0.0', 'acorn@8.0.0'] }
	]
};
const pkg = { name: 'zhijiao-dashboard', dependencies: { dexie: '^4', echarts: '^6' }, devDependencies: { svelte: '^5', vite: '^8', echarts4: 'npm:echarts@^4.9.0' } };

describe('shippedBom', () => {
	test('keeps runtime dependencies with their closure, the bundled runtime parts of devDependencies, and aliased data packages', () => {
		const shipped = shippedBom(bom, pkg);
		expect(shipped.components.map((x) => x['bom-ref']).sort()).toEqual(['clsx@2.0.0', 'dexie@4.0.0', 'echarts@4.9.0', 'echarts@6.0.0', 'svelte@5.0.0', 'tiny@1.0.0']);
		expect(shipped.metadata.component.name).toBe('zhijiao-dashboard');
	});

	test.each([
		[{ licenses: [{ license: { id: 'MIT' } }] }, 'MIT'],
		[{ licenses: [{ expression: '(MIT OR GPL-3.0-or-later)' }] }, '(MIT OR GPL-3.0-or-later)'],
		[{}, 'UNKNOWN']
	])('licence of %j is %s', (x, want) => expect(licenceOf({ 'bom-ref': 'a@1', name: 'a', version: '1', ...x })).toBe(want));
});
