// End-to-end setup: build the app once, serve build/ like production, hand the URL to the tests.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/static-server.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

export default async function setup(project: TestProject) {
	// E2E_SKIP_BUILD=1 reuses an existing build when iterating on tests only; BUILD_DIR picks the folder.
	const dir = process.env.BUILD_DIR ?? 'build';
	if (!(process.env.E2E_SKIP_BUILD && existsSync(`${dir}/index.html`))) {
		execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	}
	const { url, close } = await serveStatic(dir, 0);
	project.provide('baseURL', url);
	return close;
}
