import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/client';
import { focusPageHeading } from './focus';

/** How long «Fortryd» is offered while the pointer and the keyboard are elsewhere. */
const OFFERED_MS = 10_000;

let lastUndo: { id: string; run: () => Promise<unknown> } | null = null;

/**
 * Destructive actions happen at once and offer "Fortryd" for a while, instead of asking "are you sure?" first. The
 * message stays while it is hovered or focused; Ctrl+Alt+Z (and Ctrl+Z outside a text field) undoes the last one
 * also after it has gone.
 */
export function offerUndo(message: string, undo: () => Promise<unknown>) {
  const id = `undo-${Date.now()}`;
  lastUndo = { id, run: undo };
  notifications.show({ id, color: 'gray', autoClose: false, message: <UndoMessage id={id} message={message} /> });
}

function UndoMessage({ id, message }: { id: string; message: string }) {
  const [held, setHeld] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const hovered = useRef(false);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => notifications.hide(id), OFFERED_MS);
    return () => clearTimeout(timer);
  }, [held, id]);
  // Held while the pointer is over it or focus is inside (focus may move from the text to the button).
  const update = () => setHeld(hovered.current || root.current?.contains(document.activeElement) === true);
  return (
    <Group
      ref={root}
      justify="space-between"
      wrap="nowrap"
      gap="md"
      onMouseEnter={() => {
        hovered.current = true;
        update();
      }}
      onMouseLeave={() => {
        hovered.current = false;
        update();
      }}
      onFocus={() => setHeld(true)}
      onBlur={() => setTimeout(update)}
    >
      <Text size="sm">{message}</Text>
      <Button size="compact-sm" variant="light" onClick={() => void undoLast()} title="Ctrl+Alt+Z" aria-keyshortcuts="Control+Alt+Z">
        Fortryd
      </Button>
    </Group>
  );
}

/**
 * A delete done at once with «Fortryd» offered; a failure is told instead. `remove` and `restore` each include
 * refreshing what shows the record.
 */
export async function removeWithUndo(message: string, remove: () => Promise<unknown>, restore: () => Promise<unknown>): Promise<void> {
  try {
    await remove();
  } catch (error) {
    showError(error);
    return;
  }
  offerUndo(message, restore);
  // The deleted record's row or form is gone, and focus with it.
  focusPageHeading({ onlyIfLost: true });
}

/**
 * «Fortryd» for a row taken out of a form that saves as it is typed (an Indstilling point, a reservation): the same
 * message and Ctrl+Alt+Z as a delete. `putBack` gets the form's state as it is when «Fortryd» is pressed (not as it
 * was at the removal) and puts the row back; the form saves it like any change. Once the form has closed, the user
 * is told to add it again.
 */
export function useRowUndo<S>(state: S): (message: string, putBack: (current: S) => void) => void {
  const latest = useRef(state);
  const shown = useRef(true);
  useEffect(() => {
    latest.current = state;
  });
  useEffect(() => {
    shown.current = true;
    return () => {
      shown.current = false;
    };
  }, []);
  return (message, putBack) =>
    offerUndo(message, async () => {
      if (!shown.current) throw new Error('Det fjernede kan kun sættes tilbage, mens det stadig er åbent. Åbn det igen, og tilføj det på ny.');
      putBack(latest.current);
    });
}

/** `list` with `row` put back at `index` (at the end if the list has become shorter). */
export const insertedAt = <T,>(list: readonly T[], index: number, row: T): T[] => [...list.slice(0, index), row, ...list.slice(index)];

export async function undoLast() {
  const pending = lastUndo;
  if (!pending) return;
  lastUndo = null;
  notifications.hide(pending.id);
  try {
    await pending.run();
    notifications.show({ color: 'teal', message: 'Handlingen er fortrudt.', autoClose: 3000 });
    // «Fortryd» was in the message that has just closed.
    focusPageHeading({ onlyIfLost: true });
  } catch (error) {
    showError(error);
  }
}

export function showError(error: unknown) {
  notifications.show({ color: 'red', title: 'Det lykkedes ikke', message: messageOf(error), autoClose: 8000 });
}
