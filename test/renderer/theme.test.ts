import { alpha, DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrast, theme } from '../../renderer/src/app/theme';

const WHITE = '#ffffff';
const PAGE = DEFAULT_THEME.colors.gray[1];

/** The colour a translucent rgba() tint shows over a background. */
function over(tint: string, background: string): string {
  const [r, g, b, a] = tint.match(/[\d.]+/g)!.map(Number) as [number, number, number, number];
  const bg = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
  return `#${[r, g, b].map((c, i) => Math.round(c * a + bg[i]! * (1 - a)).toString(16).padStart(2, '0')).join('')}`;
}

describe('theme colours (WCAG 2.1 AA)', () => {
  const colours = Object.entries(theme.colors!);

  it.each(colours)('%s: text, filled and light-variant shades hold 4.5:1', (_name, shades) => {
    for (const shade of [6, 7, 8, 9]) {
      const colour = shades![shade]!;
      expect(contrast(colour, WHITE), `shade ${shade} ${colour} on white`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colour, PAGE), `shade ${shade} ${colour} on the grey page`).toBeGreaterThanOrEqual(4.5);
    }
    // A light badge or alert: shade 7 text on a 10 % tint of itself (primaryShade is 7).
    const text = shades![7]!;
    expect(contrast(text, over(alpha(text, 0.1), WHITE)), `${text} on its light tint`).toBeGreaterThanOrEqual(4.5);
  });

  it('dims text with a grey that reads at 4.5:1 on white and on the page', () => {
    const dimmed = theme.colors!.gray![6]!;
    expect(contrast(dimmed, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(dimmed, PAGE)).toBeGreaterThanOrEqual(4.5);
    // Mantine's own dimmed grey, for comparison: 3.3:1.
    expect(contrast(DEFAULT_THEME.colors.gray[6], WHITE)).toBeLessThan(4.5);
  });
});
