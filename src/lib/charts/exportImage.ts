// A saved picture that stands on its own: the plot between a header band (title, filters) and a
// footer band (unit, data date, sources), drawn on one canvas (PNG) or written as one SVG.
// The text and its layout come from ./caption.ts; this file only draws.
import { layoutCaption, type Caption, type CaptionLayout } from './caption.ts';

/** Loads an image from a data or object URL. */
export function loadImage(url: string): Promise<HTMLImageElement> {
	return new Promise((resolve, reject) => {
		const img = new Image();
		img.onload = () => resolve(img);
		img.onerror = () => reject(new Error('the image could not be decoded'));
		img.src = url;
	});
}

let measurer: CanvasRenderingContext2D | null = null;
/** Text widths in CSS pixels, as the canvas draws them. */
function measure(text: string, font: string): number {
	measurer ??= document.createElement('canvas').getContext('2d');
	if (!measurer) return text.length * 14;
	measurer.font = font;
	return measurer.measureText(text).width;
}

/** The bands' layout for an image `width` CSS pixels wide. */
export function captionLayout(caption: Caption, width: number): CaptionLayout {
	return layoutCaption(caption, width, measure);
}

/**
 * A canvas `scale` times the CSS size: white, the caption's header band, the plot (`layers`, each
 * drawn at its offset and size in CSS pixels), the footer band.
 */
export function composeCaptioned(
	layers: ReadonlyArray<{ image: CanvasImageSource; x?: number; y?: number; width: number; height: number }>,
	width: number,
	height: number,
	caption: Caption,
	scale = 2
): HTMLCanvasElement {
	const layout = captionLayout(caption, width);
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(width * scale);
	canvas.height = Math.round((layout.headerHeight + height + layout.footerHeight) * scale);
	const ctx = canvas.getContext('2d');
	if (!ctx) return canvas;
	ctx.scale(scale, scale);
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, width, layout.headerHeight + height + layout.footerHeight);
	for (const l of layers) ctx.drawImage(l.image, l.x ?? 0, layout.headerHeight + (l.y ?? 0), l.width, l.height);
	ctx.textBaseline = 'middle';
	const lines = (band: CaptionLayout['header'], top: number) => {
		for (const line of band) {
			ctx.font = line.font;
			ctx.fillStyle = line.color;
			ctx.fillText(line.text, layout.padding, top + line.y);
		}
	};
	lines(layout.header, 0);
	// A hairline between the plot and the footer, so the notes read as notes.
	ctx.fillStyle = '#dfe4ea';
	ctx.fillRect(layout.padding, layout.headerHeight + height, width - 2 * layout.padding, 1);
	lines(layout.footer, layout.headerHeight + height);
	return canvas;
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * An SVG document: the caption as real text (selectable, searchable) around `plot`, SVG markup
 * `width` × `height` CSS pixels drawn in the plot's own coordinates.
 */
export function captionedSvg(plot: string, width: number, height: number, caption: Caption): string {
	const layout = captionLayout(caption, width);
	const total = layout.headerHeight + height + layout.footerHeight;
	const text = (band: CaptionLayout['header'], top: number) =>
		band
			.map((l) => {
				const [, weight, size] = /^(\d+) (\d+)px/.exec(l.font) ?? [];
				return `<text x="${layout.padding}" y="${(top + l.y).toFixed(1)}" dominant-baseline="middle" font-weight="${weight}" font-size="${size}" fill="${l.color}">${escapeXml(l.text)}</text>`;
			})
			.join('');
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif">` +
		`<rect width="100%" height="100%" fill="#fff"/>` +
		text(layout.header, 0) +
		`<g transform="translate(0 ${layout.headerHeight})">${plot}</g>` +
		`<rect x="${layout.padding}" y="${layout.headerHeight + height}" width="${width - 2 * layout.padding}" height="1" fill="#dfe4ea"/>` +
		text(layout.footer, layout.headerHeight + height) +
		`</svg>`
	);
}

/** An SVG document as an image (for drawing it onto a canvas). */
export function svgImage(svg: string): Promise<HTMLImageElement> {
	return loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
}
