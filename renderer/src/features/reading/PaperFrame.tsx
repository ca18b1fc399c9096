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
  /** The item being read and where its start stands in the window, to hold it there when the window is resized. */
  const anchor = useRef<{ element: HTMLElement; offset: number } | null>(null);
  const settling = useRef(0);

  const win = () => frame.current?.contentWindow ?? null;

  function spy(w: Window) {
    const elements = document.items.map((item) => itemElement(w.document, item.number));
    // Measured at each look: sheets laid out as they come near change the height of those before them.
    const tops = elements.map((element) => (element ? element.getBoundingClientRect().top + w.scrollY : Number.POSITIVE_INFINITY));
    const index = currentIndex(tops, { scrollY: w.scrollY, height: w.innerHeight, scrollHeight: w.document.documentElement.scrollHeight });
    const element = elements[index];
    if (!settling.current) anchor.current = element ? { element, offset: tops[index]! - w.scrollY } : null;
    if (index === shown.current) return;
    shown.current = index;
    onCurrent(document.items[index]?.id ?? null);
  }

  /**
   * Puts an item's start at a place in the window and keeps it there while sheets laid out as they come into sight
   * grow or shrink from their estimated height, until it has stood still for a few frames.
   */
  function hold(w: Window, element: HTMLElement, offset: number) {
    const run = ++settling.current;
    anchor.current = { element, offset };
    let frames = 0;
    let still = 0;
    const step = () => {
      if (run !== settling.current) return;
      const off = element.getBoundingClientRect().top - offset;
      if (Math.abs(off) > 1) w.scrollTo({ top: w.scrollY + off, behavior: 'instant' });
      still = Math.abs(off) <= 1 ? still + 1 : 0;
      if (still < 3 && ++frames < 60) requestAnimationFrame(step);
      else settling.current = 0;
    };
    step();
  }

  useImperativeHandle(ref, () => ({
    jumpTo(itemId: string) {
      const w = win();
      const item = document.items.find((i) => i.id === itemId);
      const element = w && item ? itemElement(w.document, item.number) : null;
      if (w && element) hold(w, element, JUMP_MARGIN);
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
        spy(w);
      });
    }, { passive: true });
    // A wider or narrower window reflows every sheet: the item being read stays where it was.
    w.addEventListener('resize', () => {
      if (anchor.current) hold(w, anchor.current.element, anchor.current.offset);
    });
    shown.current = -2;
    spy(w);
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
