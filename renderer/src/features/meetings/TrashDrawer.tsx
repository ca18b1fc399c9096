import { Badge, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TrashEntry } from '../../../../shared/domain/meeting';
import { formatLongDate, formatTimestamp } from '../../../../shared/format';
import { showError } from '../../lib/undo';
import { loadTrash, restoreFromTrash } from './store';

/** Papirkurv: everything deleted stays restorable, also after the undo notice is gone. */
export function TrashDrawer({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const [entries, setEntries] = useState<TrashEntry[] | null>(null);
  const reload = () => loadTrash().then(setEntries, showError);
  useEffect(() => {
    if (opened) void reload();
  }, [opened]);

  async function restore(entry: TrashEntry) {
    try {
      await restoreFromTrash(entry);
      await reload();
    } catch (error) {
      showError(error);
    }
  }

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size={520} title={<Text fw={600}>Papirkurv</Text>}>
      {entries?.length === 0 && <Text c="dimmed" size="sm">Papirkurven er tom.</Text>}
      <Stack gap="sm" data-testid="trash">
        {entries?.map((e) => (
          <Group key={e.id} justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Group gap={6}>
                <Badge size="xs" variant="light" color={e.kind === 'møde' ? 'blue' : 'gray'} tt="none">{e.kind === 'møde' ? 'Møde' : 'Punkt'}</Badge>
                <Text size="sm" fw={500}>{e.title}</Text>
              </Group>
              <Text size="xs" c="dimmed">{e.bodyCode} {formatLongDate(e.meetingDate)} · slettet {formatTimestamp(e.deletedAt)}</Text>
            </div>
            <Button size="compact-sm" variant="light" onClick={() => void restore(e)}>Gendan</Button>
          </Group>
        ))}
      </Stack>
    </Drawer>
  );
}
