// The Content-Security-Policy header line for nginx (deploy/nginx.conf includes it), from a build:
// the policy SvelteKit wrote into the page, with `frame-ancestors 'none'`. Run after every build.
//   node scripts/nginx-csp.ts [build-dir] > /etc/nginx/zhijiao-csp.conf
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentSecurityPolicy } from './static-server.ts';

/**
 * The `add_header` line for the page in `html`.
 * @example nginxCspLine(html) // 'add_header Content-Security-Policy "default-src \'self\'; …; frame-ancestors \'none\'" always;'
 */
export function nginxCspLine(html: string): string {
	const policy = contentSecurityPolicy(html);
	if (/["\\$]/.test(policy)) throw new Error('the policy holds a character nginx would read as syntax');
	return `add_header Content-Security-Policy "${policy}" always;\n`;
}

if (import.meta.main) {
	const dir = process.argv[2] ?? 'build';
	let html: string;
	try {
		html = readFileSync(join(dir, 'index.html'), 'utf8');
	} catch {
		console.error(`${join(dir, 'index.html')} is missing: run \`npm run build\` first.`);
		process.exit(1);
	}
	if (!/http-equiv="content-security-policy"/i.test(html)) {
		console.error(`${join(dir, 'index.html')} has no Content-Security-Policy <meta>: is it a build of this app?`);
		process.exit(1);
	}
	process.stdout.write(nginxCspLine(html));
}
