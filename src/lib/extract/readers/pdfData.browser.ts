// pdf.js's CMap files for the browser build: a PDF whose Chinese font is not embedded (STSong-Light
// through UniGB-UCS2-H, as report generators write them) has no readable text without them. Each
// file becomes an asset of the build whose address this module knows (Vite's import.meta.glob of
// URLs), fetched only when a PDF names it. Imported by pdf.ts in the browser only.
const cmaps = import.meta.glob('/node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

/** pdf.js's BinaryDataFactory interface: CMaps from the build's assets; no standard-font or wasm data. */
export class BundledBinaryData {
	async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
		const url = kind === 'cMapUrl' ? cmaps[`/node_modules/pdfjs-dist/cmaps/${filename}`] : undefined;
		if (!url) throw new Error(`no ${kind} data for ${filename} in this build`);
		// Small files are inlined as data: addresses; decoded here, since a CSP may refuse fetching them.
		const inline = /^data:[^,]*;base64,(.*)$/.exec(url);
		if (inline) return Uint8Array.from(atob(inline[1]!), (c) => c.charCodeAt(0));
		const response = await fetch(url);
		if (!response.ok) throw new Error(`${filename}: HTTP ${response.status}`);
		return new Uint8Array(await response.arrayBuffer());
	}
}

/** The getDocument options that make pdf.js ask BundledBinaryData. */
export const bundledDataOptions = { BinaryDataFactory: BundledBinaryData, cMapUrl: 'bundled/', cMapPacked: true, useWorkerFetch: false };
