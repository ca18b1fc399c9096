import { Badge, Button, Group, Loader, Modal, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconRestore } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { BACKUP_KIND_LABELS, type BackupEntry } from '../../../../shared/domain/backups';
import { formatFileSize, formatTimestamp } from '../../../../shared/format';
import { api } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { progressOf, useJob } from '../../lib/jobs';
import { showError } from '../../lib/undo';
import { loadMeetings } from '../../stores/meetings';
import { loadReference } from '../../stores/reference';
import { loadScenarios } from '../../stores/scenarios';


/** Backups in the data folder: take one now, or take one back (after backing up the current state). */
export function BackupsSection({ onRestored }: { onRestored(): void }) {
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const backupJob = useJob();
  const restoreJob = useJob();

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
    const done = await backupJob.run('backup', () => api().call('backups.create', {}), 'Sikkerhedskopien blev afbrudt; der er ikke gemt nogen halv kopi.');
    if (done) notifications.show({ color: 'teal', message: `Sikkerhedskopien er taget (${formatFileSize(done.backup.bytes)}).`, autoClose: 5000 });
    await load();
  }

  async function restore(entry: BackupEntry) {
    const done = await restoreJob.run('restore', () => api().call('backups.restore', { fileName: entry.fileName }), 'Gendannelsen blev afbrudt. Databasen er ikke ændret.');
    setRestoring(null);
    if (done) {
      await Promise.all([loadReference(), loadMeetings(), loadScenarios()]).catch(showError);
      onRestored();
      notifications.show({
        color: 'teal',
        title: 'Databasen er gendannet',
        message: `Tilstanden fra ${formatTimestamp(entry.createdAt)} er taget tilbage. Den tidligere tilstand er gemt som sikkerhedskopien «${done.restore.safetyBackup}», så gendannelsen kan fortrydes.`,
        autoClose: 12000,
      });
    }
    await load();
  }
  const busy = restoreJob.running;

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
          <Button variant="light" leftSection={<IconDeviceFloppy size={16} />} loading={backupJob.running} onClick={() => void create()} style={{ flexShrink: 0 }}>
            Tag en sikkerhedskopi nu
          </Button>
        </Group>
        {backupJob.status && <JobProgress {...progressOf(backupJob.status)} onCancel={() => void backupJob.cancel().catch(showError)} />}
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
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatFileSize(b.bytes)}</Text>
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
            {restoreJob.status && <JobProgress {...progressOf(restoreJob.status)} onCancel={() => void restoreJob.cancel().catch(showError)} />}
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
