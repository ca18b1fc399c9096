import { Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { SHORTCUT_GROUPS } from './shortcuts';

/** Hjælp → Tastaturgenveje: every shortcut and keyboard path of the app. */
export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Tastaturgenveje" size="xl">
      <Stack gap="lg">
        {SHORTCUT_GROUPS.map((group, i) => (
          <Stack key={group.title} gap={4}>
            {/* Focus starts on the first heading, so the screen reader reads from the top and Esc or Tab go on. */}
            <Title order={2} size="h5" tabIndex={i === 0 ? -1 : undefined} data-autofocus={i === 0 || undefined}>{group.title}</Title>
            <Table verticalSpacing={6} aria-label={group.title}>
              <Table.Tbody>
                {group.shortcuts.map((s) => (
                  <Table.Tr key={`${s.keys.join('+')} ${s.what}`}>
                    <Table.Td w={190} style={{ whiteSpace: 'nowrap' }}>
                      {s.keys.map((k, i) => (
                        <span key={k}>{i > 0 && ' + '}<Kbd>{k}</Kbd></span>
                      ))}
                    </Table.Td>
                    <Table.Td><Text size="sm">{s.what}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}
