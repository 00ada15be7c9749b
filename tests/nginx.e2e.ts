// The production set-up: the build served by nginx with deploy/nginx.conf (and the CSP line
// scripts/nginx-csp.ts makes from the build), checked like a security review would — headers on
// every kind of response, methods refused, the app working in Chromium under the header CSP.
// .ci/run installs nginx; on a machine without it the test skips and says so.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nginxCspLine } from '../scripts/nginx-csp.ts';
import { SECURITY_HEADERS, contentSecurityPolicy } from '../scripts/static-server.ts';
import { launchBrowser } from './browser.ts';

const NGINX = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'].find((p) => p && existsSync(p));
if (!NGINX) console.warn('[skip] nginx is not installed (apt-get install nginx-light, or set NGINX_PATH): the deploy/nginx.conf test is skipped.');

const BUILD = resolve(process.env.BUILD_DIR ?? 'build');

/** deploy/nginx.conf with its machine paths moved into `dir` and its port set. */
function localConfig(template: string, dir: string, port: number): string {
	const replaced = template
		.replace(/^(\s*)listen\s+80;/m, `$1listen 127.0.0.1:${port};`)
		.replace(/^(\s*)root\s+[^;]+;/m, `$1root ${BUILD};`)
		.replace(/^pid\s+[^;]+;/m, `pid ${join(dir, 'nginx.pid')};`)
		.replace(/^error_log\s+[^;]+;/m, `error_log ${join(dir, 'error.log')} warn;`)
		.replace(/^(\s*)access_log\s+[^;]+;/m, `$1access_log ${join(dir, 'access.log')};`)
		.replaceAll('include /etc/nginx/zhijiao-csp.conf;', `include ${join(dir, 'csp.conf')};`);
	// Temporary files of a non-root nginx must not go to /var/lib/nginx.
	return replaced.replace(/^http \{/m, `http {\n\tclient_body_temp_path ${dir}/body;\n\tproxy_temp_path ${dir}/proxy;\n\tfastcgi_temp_path ${dir}/fastcgi;\n\tuwsgi_temp_path ${dir}/uwsgi;\n\tscgi_temp_path ${dir}/scgi;`);
}

function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolvePort(port));
		});
	});
}

let dir: string;
let nginx: ChildProcess | undefined;
let url: string;
let browser: Browser | undefined;

function send(method: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
	return new Promise((done, reject) => {
		const req = request(new URL(path, url), { method }, (res) => {
			res.resume();
			res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers }));
		});
		req.on('error', reject);
		req.end();
	});
}

beforeAll(async () => {
	if (!NGINX) return;
	dir = mkdtempSync(join(tmpdir(), 'zhijiao-nginx-'));
	const port = await freePort();
	url = `http://127.0.0.1:${port}/`;
	writeFileSync(join(dir, 'csp.conf'), nginxCspLine(readFileSync(join(BUILD, 'index.html'), 'utf8')));
	writeFileSync(join(dir, 'nginx.conf'), localConfig(readFileSync('deploy/nginx.conf', 'utf8'), dir, port));
	// As root, nginx's workers would run as nobody, who may not read the build: keep them as the caller.
	const user = process.getuid?.() === 0 ? ' user root;' : '';
	const check = spawnSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf'), '-g', `daemon off;${user}`], { encoding: 'utf8' });
	if (check.status !== 0) throw new Error(`nginx -t refused deploy/nginx.conf:\n${check.stderr}`);
	nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', `daemon off;${user}`], { stdio: ['ignore', 'ignore', 'pipe'] });
	// Up to a minute for nginx to answer: a busy machine starts it slowly.
	for (let i = 0; i < 600; i++) {
		try {
			await send('HEAD', '/');
			break;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	if (nginx?.pid) {
		nginx.kill('SIGQUIT');
		await new Promise((r) => nginx!.once('exit', r));
	}
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!NGINX)('nginx with deploy/nginx.conf', () => {
	const asset = () => `/_app/immutable/entry/${readdirSync(join(BUILD, '_app/immutable/entry')).find((f) => f.endsWith('.js'))}`;

	test.each([['/'], ['/import'], ['/screen?kiosk=1'], ['asset'], ['/favicon.svg']])('sends every security header with %s', async (path) => {
		const res = await send('GET', path === 'asset' ? asset() : path);
		expect(res.status).toBe(200);
		expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy(readFileSync(join(BUILD, 'index.html'), 'utf8')));
		expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name.toLowerCase()], name).toBe(value);
		expect(res.headers.server).toBe('nginx');
	});

	test('caches hashed build files for good and revalidates the page', async () => {
		expect((await send('GET', asset())).headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect((await send('GET', '/')).headers['cache-control']).toBe('no-cache');
	});

	test.each([['PUT'], ['DELETE'], ['TRACE'], ['POST'], ['PATCH']])('refuses %s with 405, headers included', async (method) => {
		const res = await send(method, '/index.html');
		expect(res.status).toBe(405);
		expect(res.headers['x-content-type-options']).toBe('nosniff');
		expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
	});

	test('answers a missing build file with 404, an unknown route with the app', async () => {
		expect((await send('GET', '/_app/immutable/missing.js')).status).toBe(404);
		expect((await send('GET', '/no/such/route')).status).toBe(200);
	});

	test('the app loads and draws under the header policy, with no violation', async () => {
		const context = await browser!.newContext({ locale: 'zh-CN' });
		await context.addInitScript(() => {
			(window as unknown as { __violations: string[] }).__violations = [];
			document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
		});
		const page = await context.newPage();
		await page.goto(url);
		await page.locator('[data-chart="totals"][data-state="ready"]').waitFor();
		expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
		await context.close();
	});
});
