// Draws the installable app's PNG icons from static/icon.svg with the Chromium the browser tests
// use (no image tool needed): `node scripts/icons.ts` writes static/icon-192.png, icon-512.png and
// icon-maskable-512.png (the drawing shrunk into the maskable safe zone on the brand colour), and
// the tab's icon favicon-32.png from static/favicon.svg: Chromium fetches and decodes the page's
// icon again on every same-document navigation (each filter change), and an SVG icon is a document
// of its own to parse, lay out and paint (with its text's font) on the page's main thread.
import { readFileSync } from 'node:fs';
import { launchBrowser } from '../tests/browser.ts';

const svgs = { icon: readFileSync('static/icon.svg', 'utf8'), favicon: readFileSync('static/favicon.svg', 'utf8') };
const browser = await launchBrowser();
try {
	for (const { name, size, inset, from = 'icon' } of [
		{ name: 'icon-192.png', size: 192, inset: 0 },
		{ name: 'icon-512.png', size: 512, inset: 0 },
		{ name: 'icon-maskable-512.png', size: 512, inset: 0.1 },
		{ name: 'favicon-32.png', size: 32, inset: 0, from: 'favicon' as const }
	]) {
		const svg = svgs[from];
		const page = await browser.newPage({ viewport: { width: size, height: size } });
		const pad = Math.round(size * inset);
		await page.setContent(
			`<body style="margin:0;background:${inset ? '#0b5cad' : 'transparent'}"><div style="padding:${pad}px;width:${size - 2 * pad}px;height:${size - 2 * pad}px">${svg.replace('<svg ', `<svg width="${size - 2 * pad}" height="${size - 2 * pad}" `)}</div></body>`
		);
		await page.screenshot({ path: `static/${name}`, omitBackground: !inset });
		await page.close();
		console.log(`static/${name}`);
	}
} finally {
	await browser.close();
}
