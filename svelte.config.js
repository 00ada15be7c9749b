import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		// A single-page app: every route renders in the browser, unknown paths fall back to index.html.
		adapter: adapter({ fallback: 'index.html', strict: true }),
		alias: { $data: 'data' }
	}
};

export default config;
