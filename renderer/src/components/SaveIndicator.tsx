import { Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { SaveState } from '../lib/autosave';

const clock = new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit' });

export function SaveIndicator({ state }: { state: SaveState }) {
  switch (state.kind) {
    case 'idle':
      return <Text size="sm" c="dimmed">Ændringer gemmes automatisk</Text>;
    case 'saving':
      return (
        <Group gap={6}>
          <Loader size={14} />
          <Text size="sm" c="dimmed">Gemmer …</Text>
        </Group>
      );
    case 'saved':
      return (
        <Group gap={6} data-testid="save-state">
          <IconCheck size={16} color="var(--mantine-color-teal-7)" />
          <Text size="sm" c="dimmed">Gemt kl. {clock.format(state.at)}</Text>
        </Group>
      );
    case 'failed':
      return (
        <Group gap={6} wrap="nowrap" data-testid="save-state">
          <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" />
          <Text size="sm" c="red.8">Ikke gemt: {state.message}</Text>
        </Group>
      );
  }
}
