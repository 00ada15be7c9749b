// Serves the built static site: the same files a web server would host, with the SPA fallback,
// the security headers of deploy/nginx.conf, and nothing but GET and HEAD.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

/** Methods a static site answers; anything else (PUT, DELETE, TRACE, POST …) gets 405. */
export const ALLOWED_METHODS = ['GET', 'HEAD'] as const;

/**
 * Headers every response carries, the Content-Security-Policy aside (see contentSecurityPolicy).
 * Permissions-Policy: the app uses none of these features but fullscreen (the big screen's F key).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), fullscreen=(self)',
	'X-Frame-Options': 'DENY',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Resource-Policy': 'same-origin'
};

/**
 * The policy to send as a header: the one SvelteKit writes into the page's <meta> (with the hash
 * of its start-up script, which changes with every build), plus what a <meta> cannot say:
 * `frame-ancestors 'none'` (no other site may frame the app, /import included).
 * @example contentSecurityPolicy('<meta http-equiv="content-security-policy" content="default-src \'self\'">') // "default-src 'self'; frame-ancestors 'none'"
 */
export function contentSecurityPolicy(html: string): string {
	const meta = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html)?.[1];
	const base = (meta ?? "default-src 'self'; object-src 'none'; base-uri 'self'").replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
	const directives = base
		.split(';')
		.map((d) => d.trim())
		.filter((d) => d && !/^frame-ancestors\b/.test(d));
	return [...directives, "frame-ancestors 'none'"].join('; ');
}

/** Sets the security headers on a response. */
function secure(res: ServerResponse, csp: string): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	res.setHeader('Content-Security-Policy', csp);
}

/**
 * The request handler: 405 for other methods, else the file (or the SPA fallback) with headers.
 * @example createServer(staticHandler('build'))
 */
export function staticHandler(dir: string): (req: IncomingMessage, res: ServerResponse) => void {
	let html = '';
	try {
		html = readFileSync(join(dir, 'index.html'), 'utf8');
	} catch {
		// no page yet: the fallback policy still applies to whatever is served
	}
	const csp = contentSecurityPolicy(html);
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
	return (req, res) => {
		secure(res, csp);
		if (!(ALLOWED_METHODS as readonly string[]).includes(req.method ?? '')) {
			res.writeHead(405, { Allow: ALLOWED_METHODS.join(', '), 'Content-Type': 'text/plain; charset=utf-8' });
			res.end('405 Method Not Allowed\n');
			return;
		}
		assets(req, res, () => {
			res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
			res.end('404 Not Found\n');
		});
	};
}

/**
 * Starts an HTTP server for `dir` on `port` (0 picks a free one) and resolves with its URL.
 * @example const { url, close } = await serveStatic('build', 0)
 */
export async function serveStatic(dir: string, port: number, host = '127.0.0.1'): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
	const server = createServer(staticHandler(dir));
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
