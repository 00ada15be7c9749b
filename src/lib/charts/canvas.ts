// Canvas drawing at the real pixel size: never scaled by CSS, so text and marks stay crisp on any screen.

/**
 * Sizes a canvas's backing store to `width` × `height` CSS pixels at the device pixel ratio (or
 * `ratio`: 2 for a saved picture) and returns a cleared context drawing in CSS pixels, or null when
 * there is nothing to draw on.
 * @example const ctx = prepareCanvas(canvas, 800, 200)
 */
export function prepareCanvas(canvas: HTMLCanvasElement | null | undefined, width: number, height: number, ratio?: number): CanvasRenderingContext2D | null {
	const ctx = canvas?.getContext('2d');
	if (!canvas || !ctx || width <= 0 || height <= 0) return null;
	const dpr = ratio ?? (window.devicePixelRatio || 1);
	const pw = Math.round(width * dpr);
	const ph = Math.round(height * dpr);
	if (canvas.width !== pw || canvas.height !== ph) [canvas.width, canvas.height] = [pw, ph];
	ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
	ctx.clearRect(0, 0, width, height);
	return ctx;
}
