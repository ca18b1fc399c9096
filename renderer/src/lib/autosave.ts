import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { messageOf } from '../api/client';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; message: string };

/**
 * Saves a little after the user stops typing, and at once when the editor closes or the window is left:
 * there is no save button, and nothing typed is lost.
 */
export function useAutosave<T>(save: (value: T) => Promise<void>, delayMs = 600) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  });

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    setState({ kind: 'saving' });
    try {
      await saveRef.current(next.value);
      setState({ kind: 'saved', at: new Date() });
    } catch (error) {
      setState({ kind: 'failed', message: messageOf(error) });
    }
  }, []);

  const schedule = useCallback(
    (value: T) => {
      pending.current = { value };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush],
  );

  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  return { state, schedule, flush };
}
