import { useEffect, useRef, type RefObject } from 'react';
import { matchRanges } from '../../../../shared/logic/search-text';
import { clearSearchHit, useAgenda, type SearchHitTarget } from './store';
import './search-hit.css';

const HIGHLIGHT = 'search-hit';
/** Where a hit in a decision or an attachment is, whether or not its words are on screen (an annex's text is not). */
const SECTION_OF: Partial<Record<SearchHitTarget['entity'], string>> = { decision: '[data-testid="decision-panel"]', attachment: '[data-testid="attachments"]' };
// The rich-text editors fill in after the item shows: look again each frame for about two seconds.
const FRAMES = 120;

/**
 * A search hit opened in this item: scrolls to the section holding the searched words, marks the words (the CSS Custom
 * Highlight API, so the editors' text is not touched) and outlines the section, until the user types or leaves.
 */
export function useSearchHit(container: RefObject<HTMLElement | null>, itemId: string) {
  const hit = useAgenda((s) => (s.hit?.itemId === itemId ? s.hit : null));
  // The marks outlive the hit in the store (cleared once shown): they go when the user types or leaves the item.
  const unmark = useRef<() => void>(() => {});
  useEffect(() => () => unmark.current(), []);
  useEffect(() => {
    const root = container.current;
    if (!hit || !root) return;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const shown = show(root, hit);
      if (shown) {
        unmark.current();
        const stop = () => {
          root.removeEventListener('input', stop);
          shown();
        };
        root.addEventListener('input', stop);
        unmark.current = stop;
      }
      if (shown || ++tries >= FRAMES) clearSearchHit();
      else frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [hit, container]);
}

/** Marks and scrolls to the hit; null while nothing of it is on the page yet. Returns what takes the marks away. */
function show(root: HTMLElement, hit: SearchHitTarget): (() => void) | null {
  const section = SECTION_OF[hit.entity] ? root.querySelector<HTMLElement>(SECTION_OF[hit.entity]!) : null;
  const within = section ?? root;
  const ranges = textRanges(within, hit.terms);
  const field = [...within.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].find((f) => f.value && matchRanges(f.value, hit.terms).length > 0);
  const first = ranges[0]?.startContainer.parentElement ?? null;
  // A field before the first marked text (a title, an Indstilling) is where the eye goes first.
  const target = field && (!first || field.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) ? field : first;
  const outlined = target ? (target.closest<HTMLElement>('.mantine-RichTextEditor-root') ?? target) : section && hit.entity === 'attachment' ? section : null;
  if (!outlined) return null;
  outlined.setAttribute('data-search-hit', '');
  // The words themselves to the middle of the screen: a section can be taller than the screen.
  (target ?? outlined).scrollIntoView({ block: 'center' });
  const highlights = 'highlights' in CSS ? CSS.highlights : null;
  if (highlights && ranges.length > 0) highlights.set(HIGHLIGHT, new Highlight(...ranges));
  return () => {
    outlined.removeAttribute('data-search-hit');
    highlights?.delete(HIGHLIGHT);
  };
}

/** The matched words in the text of an element (not in its fields' values), as DOM ranges. */
function textRanges(root: HTMLElement, terms: readonly string[]): Range[] {
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.parentElement?.closest('textarea, [aria-hidden="true"]')) continue;
    for (const [start, end] of matchRanges(node.data, terms)) {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      ranges.push(range);
    }
  }
  return ranges;
}
