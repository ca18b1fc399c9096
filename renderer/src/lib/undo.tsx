import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { messageOf } from '../api/client';

let lastUndo: { id: string; run: () => Promise<unknown> } | null = null;

/**
 * Destructive actions happen at once and offer "Fortryd" for a while (also on Ctrl+Z),
 * instead of asking "are you sure?" first.
 */
export function offerUndo(message: string, undo: () => Promise<unknown>) {
  const id = `undo-${Date.now()}`;
  lastUndo = { id, run: undo };
  notifications.show({
    id,
    color: 'gray',
    autoClose: 10_000,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm">{message}</Text>
        <Button size="compact-sm" variant="light" onClick={() => void undoLast()}>
          Fortryd
        </Button>
      </Group>
    ),
  });
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
}

export async function undoLast() {
  const pending = lastUndo;
  if (!pending) return;
  lastUndo = null;
  notifications.hide(pending.id);
  try {
    await pending.run();
    notifications.show({ color: 'teal', message: 'Handlingen er fortrudt.', autoClose: 3000 });
  } catch (error) {
    showError(error);
  }
}

export function showError(error: unknown) {
  notifications.show({ color: 'red', title: 'Det lykkedes ikke', message: messageOf(error), autoClose: 8000 });
}
