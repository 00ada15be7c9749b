// npm start: serves build/ and prints where. PORT and HOST override the defaults.
import { existsSync } from 'node:fs';
import { serveStatic } from './static-server.ts';

if (!existsSync('build/index.html')) {
	console.error('build/index.html is missing: run `npm run build` first (npm start does it for you).');
	process.exit(1);
}
const { url } = await serveStatic('build', Number(process.env.PORT ?? 4173), process.env.HOST ?? '127.0.0.1');
console.log(`职教数据看板 is running at ${url}  (Ctrl+C stops it)`);
