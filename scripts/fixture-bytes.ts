// Inputs that tests, benchmarks and generators build byte by byte: a seeded random number
// generator, and zip files (the container of .docx) whose directory may state a size that is not
// the real one, as an attacker's would. Node only.
import { deflateRawSync } from 'node:zlib';

/** A small, fast, seeded PRNG (mulberry32): the same seed always gives the same sequence in [0, 1). */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface ZipEntry {
	name: string;
	data: Uint8Array | string;
	/** the uncompressed size the zip states, when it is to lie about it */
	declare?: number;
}

/**
 * A zip of the given entries, each deflated; `declare` overrides the uncompressed size that the
 * local header and the central directory state.
 * @example zip([{ name: 'word/document.xml', data: '<w:document/>' }])
 */
export function zip(entries: readonly ZipEntry[]): Uint8Array {
	const enc = new TextEncoder();
	const locals: Uint8Array[] = [];
	const centrals: Uint8Array[] = [];
	let offset = 0;
	for (const e of entries) {
		const raw = typeof e.data === 'string' ? enc.encode(e.data) : e.data;
		const packed = deflateRawSync(raw);
		const name = enc.encode(e.name);
		const size = e.declare ?? raw.length;
		const local = new Uint8Array(30 + name.length + packed.length);
		const lv = new DataView(local.buffer);
		lv.setUint32(0, 0x04034b50, true);
		lv.setUint16(8, 8, true);
		lv.setUint32(18, packed.length, true);
		lv.setUint32(22, size, true);
		lv.setUint16(26, name.length, true);
		local.set(name, 30);
		local.set(packed, 30 + name.length);
		const central = new Uint8Array(46 + name.length);
		const cv = new DataView(central.buffer);
		cv.setUint32(0, 0x02014b50, true);
		cv.setUint16(10, 8, true);
		cv.setUint32(20, packed.length, true);
		cv.setUint32(24, size, true);
		cv.setUint16(28, name.length, true);
		cv.setUint32(42, offset, true);
		central.set(name, 46);
		locals.push(local);
		centrals.push(central);
		offset += local.length;
	}
	const directory = centrals.reduce((n, c) => n + c.length, 0);
	const end = new Uint8Array(22);
	const ev = new DataView(end.buffer);
	ev.setUint32(0, 0x06054b50, true);
	ev.setUint16(8, entries.length, true);
	ev.setUint16(10, entries.length, true);
	ev.setUint32(12, directory, true);
	ev.setUint32(16, offset, true);
	const out = new Uint8Array(offset + directory + end.length);
	let at = 0;
	for (const part of [...locals, ...centrals, end]) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/** A minimal .docx: one word/document.xml holding `xml` as its body. */
export function docx(xml: string, declare?: number): Uint8Array {
	const document = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${xml}</w:body></w:document>`;
	return zip([{ name: 'word/document.xml', data: document, declare }]);
}
