import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { messageOf } from '../api/client';

/**
 * `saving` also covers a change waiting for the typing to pause: it is not saved yet. A failed save can be sent again
 * unless the editor has put the stored version in its place (`retryable` false).
 */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; message: string; retryable: boolean };

interface Options {
  delayMs?: number;
  /** Whether a refusal leaves the typed value to send again; false where the editor showed the stored one instead. */
  retryable?: (error: unknown) => boolean;
}

const SAVING: SaveState = { kind: 'saving' };

/**
 * Saves a little after the user stops typing, and at once when the editor closes or the window is left: there is no
 * save button, and nothing typed is lost. Saves run one at a time, in order. A refused save keeps its value: the
 * state says why (`failed`), `retry` sends it again, and further typing sends it with the new text. A save refused
 * after the editor has closed is told in a notification, since nothing on screen could show it any more.
 *
 * `flush` resolves to true when everything typed is saved, so an action that needs the stored state (freeze, export,
 * a new version, closing the editor) can hold back while a save has failed.
 */
export function useAutosave<T>(save: (value: T) => Promise<void>, { delayMs = 600, retryable = () => true }: Options = {}) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const mounted = useRef(true);
  const saveRef = useRef(save);
  const retryableRef = useRef(retryable);
  useLayoutEffect(() => {
    saveRef.current = save;
    retryableRef.current = retryable;
  });

  const flush = useCallback((): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const run = queue.current.then(async () => {
      const job = pending.current;
      if (!job) return true;
      pending.current = null;
      setState(SAVING);
      try {
        await saveRef.current(job.value);
        // Something typed meanwhile is still to be saved: the state stays «saving» until it is.
        if (!pending.current) setState({ kind: 'saved', at: new Date() });
        return true;
      } catch (error) {
        // Kept for «Prøv igen», unless newer typing has replaced it.
        const again = retryableRef.current(error);
        if (again) pending.current ??= job;
        setState({ kind: 'failed', message: messageOf(error), retryable: again || pending.current !== null });
        if (!mounted.current) notifications.show({ color: 'red', title: 'Ikke gemt', message: messageOf(error), autoClose: false });
        return false;
      }
    });
    queue.current = run;
    return run;
  }, []);

  const schedule = useCallback(
    (value: T) => {
      pending.current = { value };
      setState((s) => (s.kind === 'saving' ? s : SAVING));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush],
  );

  useEffect(() => {
    mounted.current = true;
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      mounted.current = false;
      void flush();
    };
  }, [flush]);

  return { state, schedule, flush, retry: flush };
}
