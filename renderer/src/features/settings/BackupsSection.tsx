import { Badge, Button, Group, Loader, Modal, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconRestore } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { BACKUP_KIND_LABELS, type BackupEntry } from '../../../../shared/domain/backups';
import { formatInteger, formatTimestamp } from '../../../../shared/format';
import { api } from '../../api/client';
import { showError } from '../../lib/undo';
import { loadMeetings } from '../../stores/meetings';
import { loadReference } from '../../stores/reference';
import { loadScenarios } from '../../stores/scenarios';

const oneDecimal = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "1,4 MB", "612 kB": Danish decimals, megabytes from 1 MB. */
export const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${oneDecimal.format(bytes / (1024 * 1024))} MB` : `${formatInteger(Math.max(1, Math.round(bytes / 1024)))} kB`;

/** Backups in the data folder: take one now, or take one back (after backing up the current state). */
export function BackupsSection({ onRestored }: { onRestored(): void }) {
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const [busy, setBusy] = useState(false);

  async function load() {
    try {
      setBackups(await api().call('backups.list', {}));
    } catch (error) {
      showError(error);
    }
  }
  useEffect(() => {
    let live = true;
    api().call('backups.list', {}).then((list) => live && setBackups(list), showError);
    return () => {
      live = false;
    };
  }, []);

  async function create() {
    setCreating(true);
    try {
      const entry = await api().call('backups.create', {});
      notifications.show({ color: 'teal', message: `Sikkerhedskopien er taget (${formatSize(entry.bytes)}).`, autoClose: 5000 });
    } catch (error) {
      showError(error);
    } finally {
      setCreating(false);
      await load();
    }
  }

  async function restore(entry: BackupEntry) {
    setBusy(true);
    try {
      const result = await api().call('backups.restore', { fileName: entry.fileName });
      await Promise.all([loadReference(), loadMeetings(), loadScenarios()]);
      onRestored();
      setRestoring(null);
      notifications.show({
        color: 'teal',
        title: 'Databasen er gendannet',
        message: `Tilstanden fra ${formatTimestamp(entry.createdAt)} er taget tilbage. Den tidligere tilstand er gemt som sikkerhedskopien «${result.safetyBackup}», så gendannelsen kan fortrydes.`,
        autoClose: 12000,
      });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
      await load();
    }
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={4}>Sikkerhedskopier</Title>
            <Text size="sm" c="dimmed" maw={640}>
              Sekretariat tager en sikkerhedskopi af databasen hver dag og før opdateringer, import og gendannelse.
              De 14 nyeste daglige og de 10 nyeste øvrige gemmes. Bilagenes filer er ikke med; de ligger i datamappen.
            </Text>
          </div>
          <Button variant="light" leftSection={<IconDeviceFloppy size={16} />} loading={creating} onClick={() => void create()} style={{ flexShrink: 0 }}>
            Tag en sikkerhedskopi nu
          </Button>
        </Group>
        {backups === null ? (
          <Loader size="sm" />
        ) : backups.length === 0 ? (
          <Text size="sm" c="dimmed">Der er ingen sikkerhedskopier endnu.</Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
            <Table verticalSpacing={6} aria-label="Sikkerhedskopier" stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tidspunkt</Table.Th>
                  <Table.Th>Art</Table.Th>
                  <Table.Th w={110} ta="right">Størrelse</Table.Th>
                  <Table.Th w={130} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {backups.map((b, index) => (
                  <Table.Tr key={b.fileName} data-testid="backup-row">
                    <Table.Td>
                      <Group gap={8} wrap="nowrap">
                        <Text size="sm" title={b.fileName} style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(b.createdAt)}</Text>
                        {index === 0 && <Badge size="sm" variant="light">Nyeste</Badge>}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{BACKUP_KIND_LABELS[b.kind]}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatSize(b.bytes)}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        leftSection={<IconRestore size={14} />}
                        aria-label={`Gendan sikkerhedskopien fra ${formatTimestamp(b.createdAt)}`}
                        onClick={() => setRestoring(b)}
                      >
                        Gendan …
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
      </Stack>
      <Modal
        opened={restoring !== null}
        onClose={() => !busy && setRestoring(null)}
        title="Gendan sikkerhedskopi"
        closeOnClickOutside={!busy}
        closeOnEscape={!busy}
        withCloseButton={!busy}
      >
        {restoring && (
          <Stack gap="md">
            <Text size="sm">
              Databasen sættes tilbage til tilstanden fra <strong style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(restoring.createdAt)}</strong>. Den nuværende tilstand gemmes
              først som en sikkerhedskopi, så gendannelsen kan fortrydes.
            </Text>
            <Text size="sm" c="dimmed">Ændringer, der er lavet siden, forsvinder fra databasen, men findes i den nye sikkerhedskopi.</Text>
            {busy && (
              <Group gap="xs">
                <Loader size="xs" />
                <Text size="sm">Gendanner …</Text>
              </Group>
            )}
            <Group justify="flex-end">
              <Button variant="default" disabled={busy} onClick={() => setRestoring(null)}>Annuller</Button>
              <Button color="orange" leftSection={<IconRestore size={16} />} loading={busy} onClick={() => void restore(restoring)}>
                Gendan
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
