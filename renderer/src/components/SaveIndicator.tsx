import { Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconLock } from '@tabler/icons-react';
import type { SaveState } from '../lib/autosave';

const clock = new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit' });

interface Props {
  state: SaveState;
  /** Sends the refused change again («Prøv igen»). */
  onRetry?: () => void;
  /** Why nothing here can be changed (approved minutes, a treated version); shown unless a save is under way or failed. */
  locked?: string | null;
}

/**
 * What became of the typing: being saved, saved at a time, or not saved and why – never a claim of a save that did not
 * happen. Before the first change it says nothing, or why the fields are locked.
 */
export function SaveIndicator({ state, onRetry, locked }: Props) {
  if (state.kind === 'failed') {
    return (
      <Group gap={6} wrap="nowrap" align="flex-start" data-testid="save-state" role="alert">
        <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="sm" c="red.8">Ikke gemt – {state.message}</Text>
        {onRetry && state.retryable && (
          <Button size="compact-xs" variant="light" color="red" onClick={onRetry} style={{ flexShrink: 0 }}>
            Prøv igen
          </Button>
        )}
      </Group>
    );
  }
  if (state.kind === 'saving') {
    return (
      <Group gap={6} wrap="nowrap" data-testid="save-state">
        <Loader size={14} />
        <Text size="sm" c="dimmed">Gemmer …</Text>
      </Group>
    );
  }
  if (locked) {
    return (
      <Group gap={6} wrap="nowrap" align="flex-start" data-testid="locked-reason">
        <IconLock size={16} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="sm" c="dimmed">{locked}</Text>
      </Group>
    );
  }
  if (state.kind === 'saved') {
    return (
      <Group gap={6} wrap="nowrap" data-testid="save-state">
        <IconCheck size={16} color="var(--mantine-color-teal-7)" />
        <Text size="sm" c="dimmed">Gemt kl. {clock.format(state.at)}</Text>
      </Group>
    );
  }
  return null;
}
