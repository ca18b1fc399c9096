import { useImperativeHandle, useRef, type Ref } from 'react';
import type { ReadingDocument } from './store';
import { currentIndex, itemElement, readingHtml } from './paper-frame';

/** Room above an item jumped to, so its sheet's edge shows. */
const JUMP_MARGIN = 16;

export interface PaperFrameHandle {
  jumpTo(itemId: string): void;
}

interface Props {
  ref: Ref<PaperFrameHandle>;
  document: ReadingDocument;
  onCurrent(itemId: string | null): void;
}

/**
 * The papers in a sandboxed frame that runs no script (their print CSS stays inside it); this window measures and
 * scrolls it from outside, which the same origin allows. A newer text of the same papers keeps the reader's place.
 */
export function PaperFrame({ ref, document, onCurrent }: Props) {
  const frame = useRef<HTMLIFrameElement>(null);
  const shown = useRef(-2);
  const kept = useRef(0);

  const win = () => frame.current?.contentWindow ?? null;
  const elementOf = (doc: Document, itemId: string) => {
    const item = document.items.find((i) => i.id === itemId);
    return item ? itemElement(doc, item.number) : null;
  };

  // Measured at each look: sheets laid out as they come near change the height of those before them.
  function tops(w: Window) {
    return document.items.map((item) => {
      const element = itemElement(w.document, item.number);
      return element ? element.getBoundingClientRect().top + w.scrollY : Number.POSITIVE_INFINITY;
    });
  }

  function spy() {
    const w = win();
    if (!w) return;
    const index = currentIndex(tops(w), { scrollY: w.scrollY, height: w.innerHeight, scrollHeight: w.document.documentElement.scrollHeight });
    if (index === shown.current) return;
    shown.current = index;
    onCurrent(document.items[index]?.id ?? null);
  }

  useImperativeHandle(ref, () => ({
    jumpTo(itemId: string) {
      const w = win();
      const element = w && elementOf(w.document, itemId);
      if (!w || !element) return;
      // Sheets laid out as they come into sight grow or shrink from their estimated height, moving the item: it is
      // put back at the top until it has stood still for a few frames.
      const place = () => {
        const off = element.getBoundingClientRect().top - JUMP_MARGIN;
        if (Math.abs(off) > 1) w.scrollTo({ top: w.scrollY + off, behavior: 'instant' });
        return Math.abs(off) <= 1;
      };
      let frames = 0;
      let still = 0;
      const settle = () => {
        still = place() ? still + 1 : 0;
        if (still < 3 && ++frames < 60) requestAnimationFrame(settle);
      };
      settle();
    },
  }));

  function onLoad() {
    const w = win();
    if (!w) return;
    if (kept.current) w.scrollTo({ top: kept.current, behavior: 'instant' });
    let pending = false;
    // One look per frame, however many scroll events arrive.
    w.addEventListener('scroll', () => {
      kept.current = w.scrollY;
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        spy();
      });
    }, { passive: true });
    w.addEventListener('resize', spy);
    shown.current = -2;
    spy();
  }

  return (
    <iframe
      ref={frame}
      title={document.title}
      // No script runs in the papers; the same origin lets this window scroll them and follow the reader.
      sandbox="allow-same-origin"
      srcDoc={readingHtml(document.html)}
      onLoad={onLoad}
      data-testid="reading-paper"
      style={{ flex: 1, minWidth: 0, height: '100%', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6, background: '#e9ecef' }}
    />
  );
}
