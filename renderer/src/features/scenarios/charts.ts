/**
 * Charts redraw at once instead of animating: the modeller recomputes on every keystroke, and an animation started by
 * each one would keep the window busy while the user types.
 */
export const STILL = { isAnimationActive: false } as const;
