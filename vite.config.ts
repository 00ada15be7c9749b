import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// ES module workers keep dynamic imports as chunks: the import worker loads pdf.js on its first PDF only.
	worker: { format: 'es' },
	test: {
		expect: { requireAssertions: true },
		reporters: ['default', './tests/setup/summary-reporter.ts'],
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'tests/**/*.spec.ts'],
					// Not vitest's 5 s and 10 s: a test that takes 1 s alone takes many on a busy
					// machine (CI may run at half speed). Heavy tests still state their own limit.
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/**/*.e2e.ts'],
					globalSetup: ['tests/setup/global.ts'],
					// The slowest test takes ~21 s on 2 busy cores; CI may run at half that speed.
					testTimeout: 120_000,
					hookTimeout: 180_000,
					// expect.poll gives up after 1 s by default: too soon for a page on a busy machine.
					expect: { poll: { timeout: 30_000 } },
					// One browser, one server: e2e files share them and run one after another.
					fileParallelism: false
				}
			}
		]
	}
});
