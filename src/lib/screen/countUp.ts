// Counting a KPI up to its value: an ease-out curve, fast at first and settling on the number,
// so the figure is legible for most of the animation.

/**
 * Cubic ease-out on [0, 1].
 * @example easeOutCubic(0.5) // 0.875
 */
export function easeOutCubic(t: number): number {
	const c = Math.min(1, Math.max(0, t));
	return 1 - (1 - c) ** 3;
}

/**
 * The number shown `elapsed` ms into counting from `from` to `to` over `duration` ms; whole
 * numbers stay whole on the way, and the end value is exact.
 * @example countUpAt({ from: 0, to: 1000, elapsed: 600, duration: 1200 }) // 875
 */
export function countUpAt({ from, to, elapsed, duration }: { from: number; to: number; elapsed: number; duration: number }): number {
	if (duration <= 0 || elapsed >= duration) return to;
	const v = from + (to - from) * easeOutCubic(elapsed / duration);
	return Number.isInteger(from) && Number.isInteger(to) ? Math.round(v) : v;
}
