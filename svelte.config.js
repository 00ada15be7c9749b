import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		// A single-page app: every route renders in the browser, unknown paths fall back to index.html.
		// BUILD_DIR and KIT_OUT_DIR let parallel builds (several developers' e2e runs) keep apart.
		adapter: adapter({ pages: process.env.BUILD_DIR ?? 'build', assets: process.env.BUILD_DIR ?? 'build', fallback: 'index.html', strict: true }),
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		alias: { $data: 'data' },
		// No inline script runs but SvelteKit's own start-up script, allowed by its hash; nothing is
		// fetched from anywhere but the app's origin. Inline styles stay allowed: ECharts and d3 set them.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
