import { useCallback, useRef, type FocusEvent } from 'react';

/**
 * Rows added with a «Tilføj …» button: the new row's first field takes the focus (else a space typed next presses
 * the button again), and a row left empty is removed once the focus leaves it.
 */
export function useAddedRows() {
  const pending = useRef<number | null>(null);

  /** Marks the row at `index` as new: its first field focuses itself when it mounts. */
  const added = useCallback((index: number) => {
    pending.current = index;
  }, []);

  /** The ref of a row's first field. */
  const firstField = useCallback(
    (index: number) => (element: HTMLElement | null) => {
      if (element && pending.current === index) {
        pending.current = null;
        element.focus();
      }
    },
    [],
  );

  return { added, firstField };
}

/**
 * The blur handler of a row: `remove` runs when the focus went outside the row and the row is empty. Not when the whole
 * window lost the focus (another program in front): the user comes back to the same row.
 */
export function removeWhenLeftEmpty(empty: boolean, remove: () => void) {
  return (event: FocusEvent<HTMLElement>) => {
    const next = event.relatedTarget as Node | null;
    if (!empty || (next && event.currentTarget.contains(next))) return;
    // The window itself lost the focus: the field keeps it, and has it again when the user comes back.
    if (!next && document.activeElement === event.target) return;
    remove();
  };
}
