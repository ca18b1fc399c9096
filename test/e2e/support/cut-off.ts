import type { Page } from 'playwright-core';

/**
 * The texts the page shows cut off: a single-line field whose value is wider than the field, and an element that
 * ends its text in an ellipsis or clamps it to a number of lines. Each is named by its label and the start of its
 * text, so a failure says what to fix.
 */
export function cutOffTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const shown = (el: HTMLElement) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[aria-hidden="true"]');
    const name = (el: HTMLElement, text: string) => `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? ` «${el.getAttribute('aria-label')}»` : ''}: ${JSON.stringify(text.trim().slice(0, 70))}`;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (!shown(el)) continue;
      if (el instanceof HTMLInputElement) {
        if (['text', 'search', 'email', 'url', 'tel'].includes(el.type) && el.value && el.scrollWidth > el.clientWidth + 1) found.push(name(el, el.value));
        continue;
      }
      const style = getComputedStyle(el);
      const ellipsis = style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1;
      const clamped = style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '' && el.scrollHeight > el.clientHeight + 1;
      if (ellipsis || clamped) found.push(name(el, el.textContent ?? ''));
    }
    return found;
  });
}
