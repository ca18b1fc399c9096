import { Alert, Badge, Button, Group, Loader, Modal, Paper, ScrollArea, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconRestore } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { BACKUP_KIND_LABELS, type BackupEntry } from '../../../../shared/domain/backups';
import { formatFileSize, formatInteger, formatTimestamp } from '../../../../shared/format';
import { JobProgress } from '../../components/JobProgress';
import { progressOf, useJob } from '../../lib/jobs';
import { showError } from '../../lib/undo';
import { loadMeetings } from '../meetings/store';
import { loadReference } from '../../stores/reference';
import { loadScenarios } from '../scenarios/store';
import { loadBackups, startBackup, startRestore } from './store';

const files = (n: number) => `${formatInteger(n)} ${n === 1 ? 'fil' : 'filer'}`;

/** What a backup carries of the attachments' files: shown in the list, so a backup of the database only stands out. */
function FilesCell({ entry }: { entry: BackupEntry }) {
  if (!entry.files) {
    return (
      <Tooltip label="Lavet af en ældre version: kun databasen er med. Bilagsfiler, der ikke findes i datamappen, vil mangle efter en gendannelse." multiline w={300}>
        <Text size="sm" c="orange.8" style={{ whiteSpace: 'nowrap' }}>Kun databasen</Text>
      </Tooltip>
    );
  }
  const { count, bytes, missing } = entry.files;
  return (
    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
      {count === 0 && missing === 0 ? <Text span c="dimmed" size="sm">Ingen bilag</Text> : `${files(count)} · ${formatFileSize(bytes)}`}
      {missing > 0 && (
        <Text span c="orange.8" size="sm">{` · ${formatInteger(missing)} manglede`}</Text>
      )}
    </Text>
  );
}

/** Backups in the data folder: take one now, or take one back (after backing up the current state). */
export function BackupsSection({ onRestored }: { onRestored(): void }) {
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const backupJob = useJob();
  const restoreJob = useJob();

  async function load() {
    try {
      setBackups(await loadBackups());
    } catch (error) {
      showError(error);
    }
  }
  useEffect(() => {
    let live = true;
    loadBackups().then((list) => live && setBackups(list), showError);
    return () => {
      live = false;
    };
  }, []);

  async function create() {
    const done = await backupJob.run('backup', startBackup, 'Sikkerhedskopien blev afbrudt; der er ikke gemt nogen halv kopi.');
    if (done) notifications.show({ color: 'teal', message: `Sikkerhedskopien er taget (${formatFileSize(done.backup.bytes)}).`, autoClose: 5000 });
    await load();
  }

  async function restore(entry: BackupEntry) {
    const done = await restoreJob.run('restore', () => startRestore(entry.fileName), 'Gendannelsen blev afbrudt. Databasen er ikke ændret.');
    setRestoring(null);
    if (done) {
      await Promise.all([loadReference(), loadMeetings(), loadScenarios()]).catch(showError);
      onRestored();
      const { filesRestored, missingFiles, safetyBackup } = done.restore;
      notifications.show({
        color: 'teal',
        title: 'Databasen er gendannet',
        message:
          `Tilstanden fra ${formatTimestamp(entry.createdAt)} er taget tilbage${filesRestored > 0 ? `, og ${files(filesRestored)} til bilagene er lagt tilbage i datamappen` : ''}. ` +
          `Den tidligere tilstand er gemt som sikkerhedskopien «${safetyBackup}», så gendannelsen kan fortrydes.`,
        autoClose: 12000,
      });
      if (missingFiles.length > 0) {
        const names = missingFiles.map((m) => (m.names.length > 0 ? m.names.join(', ') : `(fil ${m.sha256.slice(0, 12)}…)`));
        notifications.show({
          color: 'orange',
          title: `${files(missingFiles.length)} til bilagene mangler`,
          message: `Sikkerhedskopien indeholder ikke filerne, og de findes ikke i datamappen: ${names.slice(0, 10).join('; ')}${names.length > 10 ? ` og ${formatInteger(names.length - 10)} flere` : ''}. Vedhæft dem igen, hvis du har dem.`,
          autoClose: false,
        });
      }
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
              Sekretariat tager en sikkerhedskopi af databasen og bilagenes filer hver dag og før opdateringer, import og
              gendannelse. De 14 nyeste daglige og de 10 nyeste øvrige gemmes. Hver bilagsfil gemmes kun én gang, så en ny
              sikkerhedskopi kun fylder databasen og de filer, der er kommet til.
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
                  <Table.Th>Bilagsfiler</Table.Th>
                  <Table.Th w={110} ta="right">Database</Table.Th>
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
                    <Table.Td>
                      <FilesCell entry={b} />
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
            {!restoring.files && (
              <Alert color="orange" variant="light" p="sm">
                <Text size="sm">
                  Denne sikkerhedskopi er lavet af en ældre version og indeholder kun databasen. Bilagsfiler, der ikke findes i
                  datamappen, vil mangle; du får at vide hvilke.
                </Text>
              </Alert>
            )}
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
