// Serves the built static site: the same files a web server would host, with the SPA fallback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/**
 * Starts an HTTP server for `dir` on `port` (0 picks a free one) and resolves with its URL.
 * @example const { url, close } = await serveStatic('build', 0)
 */
export async function serveStatic(dir: string, port: number, host = '127.0.0.1'): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
	const assets = sirv(dir, {
		single: true,
		etag: true,
		gzip: true,
		dev: false,
		// Hashed build files never change under their name: cache them for good, and so the corpus
		// too (its file name carries its content hash). The page itself is always revalidated.
		setHeaders: (res, pathname) =>
			res.setHeader('Cache-Control', pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache')
	});
	const server = createServer((req, res) => assets(req, res));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	const { port: bound } = server.address() as AddressInfo;
	return {
		url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${bound}/`,
		server,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
