import type { Page } from 'playwright-core';

/**
 * The texts the page shows cut off: a single-line field whose value (or, while empty, its placeholder) is wider than
 * the field, and an element that ends its text in an ellipsis or clamps it to a number of lines. An excerpt is
 * allowed where the full text is reachable: marked `data-excerpt` with the full text as its title, or
 * `data-excerpt="expandable"` beside a button that shows it all. Each is named by its label and the start of its
 * text, so a failure says what to fix.
 */
export function cutOffTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const shown = (el: HTMLElement) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[aria-hidden="true"]');
    const name = (el: HTMLElement, text: string) => `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? ` «${el.getAttribute('aria-label')}»` : ''}: ${JSON.stringify(text.trim().slice(0, 70))}`;
    const canvas = document.createElement('canvas').getContext('2d')!;
    /** The width a placeholder needs: the field's own font, measured, against the room inside its padding. */
    const placeholderCut = (el: HTMLInputElement) => {
      const style = getComputedStyle(el);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return canvas.measureText(el.placeholder).width > room + 1;
    };
    const allowedExcerpt = (el: HTMLElement) => el.dataset.excerpt === 'expandable' || (el.hasAttribute('data-excerpt') && (el.title ?? '').trim() !== '');
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (!shown(el)) continue;
      if (el instanceof HTMLInputElement) {
        if (!['text', 'search', 'email', 'url', 'tel'].includes(el.type)) continue;
        if (el.value && el.scrollWidth > el.clientWidth + 1) found.push(name(el, el.value));
        else if (!el.value && el.placeholder && placeholderCut(el)) found.push(name(el, `placeholder ${el.placeholder}`));
        continue;
      }
      const style = getComputedStyle(el);
      const ellipsis = style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1;
      const clamped = style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '' && el.scrollHeight > el.clientHeight + 1;
      if ((ellipsis || clamped) && !allowedExcerpt(el)) found.push(name(el, el.textContent ?? ''));
    }
    return found;
  });
}
