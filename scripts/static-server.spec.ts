import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nginxCspLine } from './nginx-csp.ts';
import { SECURITY_HEADERS, contentSecurityPolicy, serveStatic } from './static-server.ts';

const META = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-abc='; object-src 'none'">`;
let dir: string;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'static-'));
	writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head>${META}</head><body></body></html>`);
	mkdirSync(join(dir, '_app/immutable'), { recursive: true });
	writeFileSync(join(dir, '_app/immutable/a.js'), 'export {};');
	server = await serveStatic(dir, 0);
});
afterAll(async () => {
	await server?.close();
	rmSync(dir, { recursive: true, force: true });
});

/** Raw request: fetch refuses TRACE. */
function send(method: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
	return new Promise((resolve, reject) => {
		const req = request(new URL(path, server.url), { method }, (res) => {
			res.resume();
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
		});
		req.on('error', reject);
		req.end();
	});
}

describe('contentSecurityPolicy', () => {
	test.each([
		['the page policy plus frame-ancestors', META, "default-src 'self'; script-src 'self' 'sha256-abc='; object-src 'none'; frame-ancestors 'none'"],
		['a strict fallback without a policy in the page', '<html></html>', "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"],
		['one frame-ancestors, never a looser one', META.replace("object-src 'none'", "frame-ancestors *"), "default-src 'self'; script-src 'self' 'sha256-abc='; frame-ancestors 'none'"]
	])('%s', (_, html, want) => expect(contentSecurityPolicy(html)).toBe(want));

	test('nginx gets the same policy as one add_header line', () => {
		expect(nginxCspLine(META)).toBe(`add_header Content-Security-Policy "${contentSecurityPolicy(META)}" always;\n`);
	});
});

describe('npm start server', () => {
	test.each([['/'], ['/import'], ['/_app/immutable/a.js']])('sends the security headers with %s', async (path) => {
		const res = await send('GET', path);
		expect(res.status).toBe(200);
		expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy(META));
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name.toLowerCase()], name).toBe(value);
	});

	test.each([['PUT'], ['DELETE'], ['TRACE'], ['POST'], ['PATCH'], ['OPTIONS']])('refuses %s with 405 and says what is allowed', async (method) => {
		const res = await send(method, '/index.html');
		expect(res.status).toBe(405);
		expect(res.headers.allow).toBe('GET, HEAD');
		expect(res.headers['x-content-type-options']).toBe('nosniff');
	});

	test('answers HEAD, and a missing build file with 404 rather than the page', async () => {
		expect((await send('HEAD', '/')).status).toBe(200);
		expect((await send('GET', '/_app/immutable/missing.js')).status).toBe(404);
	});
});
