import { ActionIcon, Button, CopyButton, Group, Paper, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconEye, IconSnowflake } from '@tabler/icons-react';
import { useState } from 'react';
import type { Scenario, ScenarioVersion } from '../../../../shared/domain/scenario';
import { formatTimestamp } from '../../../../shared/format';
import { showError } from '../../lib/undo';
import { openScenario } from '../../stores/navigation';
import { freezeScenario } from './store';
import { T } from './texts';

/** How an agenda item or a decision cites a frozen version: name, number and the start of the hash. */
export const versionReference = (name: string, v: ScenarioVersion) => `Takstscenarie «${name}», version ${v.number} (SHA-256 ${v.hash.slice(0, 12)})`;

/**
 * Frozen versions: the figures as they were put before a body, numbered and hashed, so a decision can name exactly
 * what it decided on even after the scenario is changed.
 */
export function VersionsPanel({ scenario, beforeFreeze }: { scenario: Scenario; beforeFreeze: () => Promise<boolean> }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  async function freeze() {
    setBusy(true);
    try {
      // Frozen is what is stored: not while a change on screen is refused.
      if (!(await beforeFreeze())) {
        notifications.show({ color: 'red', title: 'Ikke fastfrosset', message: T.notSavedYet, autoClose: 8000 });
        return;
      }
      await freezeScenario(scenario.id, note);
      setNote('');
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md" data-testid="versions">
      <Paper withBorder radius="md" p="md">
        <Group align="flex-end">
          <TextInput label="Bemærkning til versionen" placeholder="fx Til DAS 27. maj 2021" value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1 }} maxLength={500} />
          <Button leftSection={<IconSnowflake size={16} />} loading={busy} onClick={() => void freeze()}>
            Fastfrys version {scenario.versions.length + 1}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt={6}>
          En fastfrosset version ændres aldrig. Kopiér henvisningen ind i sagsfremstillingen eller beslutningen, så det står klart, hvilke tal der blev besluttet på.
        </Text>
      </Paper>
      {scenario.versions.length > 0 && (
        <Paper withBorder radius="md" p="md">
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Version</Table.Th>
                <Table.Th>Fastfrosset</Table.Th>
                <Table.Th>Bemærkning</Table.Th>
                <Table.Th>SHA-256</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scenario.versions.map((v) => (
                <Table.Tr key={v.number}>
                  <Table.Td fw={600}>{v.number}</Table.Td>
                  <Table.Td>{formatTimestamp(v.frozenAt)}{v.frozenBy ? ` · ${v.frozenBy}` : ''}</Table.Td>
                  <Table.Td>{v.note}</Table.Td>
                  <Table.Td ff="monospace" fz="xs">{v.hash.slice(0, 12)}…</Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <Tooltip label={T.showVersion(v.number)}>
                        <ActionIcon variant="subtle" color="gray" onClick={() => openScenario(scenario.id, v.number)} aria-label={T.showVersion(v.number)}>
                          <IconEye size={14} />
                        </ActionIcon>
                      </Tooltip>
                      <CopyButton value={versionReference(scenario.name, v)}>
                        {({ copied, copy }) => (
                          <Tooltip label={copied ? 'Kopieret' : 'Kopiér henvisning'}>
                            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label="Kopiér henvisning">
                              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </CopyButton>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
