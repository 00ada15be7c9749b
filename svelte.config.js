import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		// A single-page app: every route renders in the browser, unknown paths fall back to index.html.
		// BUILD_DIR and KIT_OUT_DIR let parallel builds (several developers' e2e runs) keep apart.
		adapter: adapter({ pages: process.env.BUILD_DIR ?? 'build', assets: process.env.BUILD_DIR ?? 'build', fallback: 'index.html', strict: true }),
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		alias: { $data: 'data' }
	}
};

export default config;
