import { ActionIcon, Badge, Button, FileButton, Group, Modal, Paper, Progress, Stack, Switch, Text, Title, Tooltip } from '@mantine/core';
import { IconDeviceFloppy, IconExternalLink, IconPaperclip, IconReplace, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import type { AgendaItem } from '../../../../shared/domain/agenda';
import { formatInteger } from '../../../../shared/format';
import { ApiError } from '../../api/client';
import { openStoredFile, saveStoredFile } from '../../lib/files';
import { removeWithUndo, showError } from '../../lib/undo';
import { addAttachments, deleteAttachment, replaceAttachment, restoreAttachment, setAttachmentClosed } from './store';

const megabytes = (bytes: number) => `${formatInteger(Math.max(1, Math.round(bytes / 1024)))} kB`;

/** Bilag: picked or dropped files, numbered per item; a closed one never reaches a public edition. */
export function AttachmentsPanel({ item, locked }: { item: AgendaItem; locked: boolean }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  /** A program or script the app will not open: why, and «Gem som…» instead. */
  const [notOpened, setNotOpened] = useState<{ sha256: string; fileName: string; message: string } | null>(null);

  async function open(sha256: string, fileName: string) {
    try {
      await openStoredFile(sha256, fileName);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'FORBIDDEN') setNotOpened({ sha256, fileName, message: error.message });
      else showError(error);
    }
  }

  async function saveCopy() {
    if (!notOpened) return;
    try {
      if (await saveStoredFile(notOpened.sha256, notOpened.fileName)) setNotOpened(null);
    } catch (error) {
      showError(error);
    }
  }

  async function add(files: File[]) {
    await addAttachments(item, files, setBusy, showError).catch(showError);
    setBusy(null);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (!locked) void add([...event.dataTransfer.files]);
  }

  async function replace(id: string, file: File) {
    setBusy(file.name);
    try {
      await replaceAttachment(id, file);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  }

  const remove = (id: string, title: string) =>
    removeWithUndo(
      `Bilaget «${title}» er fjernet.`,
      () => deleteAttachment(id),
      () => restoreAttachment(id),
    );

  async function setClosed(id: string, revision: number, closed: boolean) {
    try {
      await setAttachmentClosed(id, revision, closed);
    } catch (error) {
      showError(error);
    }
  }

  return (
    <Stack gap="xs" data-testid="attachments">
      <Title order={4}>Bilag</Title>
      <Modal opened={notOpened !== null} onClose={() => setNotOpened(null)} title="Filen åbnes ikke" size="md">
        <Stack gap="md">
          <Text size="sm">{notOpened?.message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setNotOpened(null)}>Annuller</Button>
            <Button leftSection={<IconDeviceFloppy size={16} />} onClick={() => void saveCopy()}>Gem som…</Button>
          </Group>
        </Stack>
      </Modal>
      {item.attachments.map((a) => (
        <Group key={a.id} gap="xs" wrap="nowrap" data-testid="attachment-row">
          <IconPaperclip size={16} color="var(--mantine-color-gray-6)" />
          <Text size="sm" style={{ flex: 1 }}>
            <b>Bilag {a.number}:</b> {a.title}{a.version > 1 ? ` (version ${a.version})` : ''}{' '}
            <Text span size="xs" c="dimmed">({a.fileName}{a.size !== null ? `, ${megabytes(a.size)}` : ', eftersendes'})</Text>
          </Text>
          {a.closed && <Badge size="xs" color="red" variant="light" tt="none">Fortroligt</Badge>}
          {!locked && <Switch size="xs" label="Lukket" checked={a.closed} onChange={(e) => void setClosed(a.id, a.revision, e.currentTarget.checked)} />}
          {!locked && (
            <FileButton onChange={(file) => file && void replace(a.id, file)}>
              {(props) => <Tooltip label="Erstat med ny version"><ActionIcon {...props} variant="subtle" aria-label={`Erstat bilag ${a.number}`}><IconReplace size={16} /></ActionIcon></Tooltip>}
            </FileButton>
          )}
          {a.sha256 && (
            <Tooltip label="Åbn"><ActionIcon variant="subtle" aria-label={`Åbn bilag ${a.number}`} onClick={() => void open(a.sha256!, a.fileName)}><IconExternalLink size={16} /></ActionIcon></Tooltip>
          )}
          {!locked && <Tooltip label="Fjern"><ActionIcon variant="subtle" color="red" aria-label={`Fjern bilag ${a.number}`} onClick={() => void remove(a.id, a.title)}><IconTrash size={16} /></ActionIcon></Tooltip>}
        </Group>
      ))}
      {!locked && (
        <Paper
          withBorder
          radius="md"
          p="sm"
          style={{ borderStyle: 'dashed', background: dragging ? 'var(--mantine-color-blue-0)' : undefined }}
          onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          {busy ? (
            <Stack gap={4}>
              <Text size="sm">Overfører «{busy}» …</Text>
              <Progress value={100} animated />
            </Stack>
          ) : (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">Træk filer hertil (PDF, Word, Excel, billeder) – eller</Text>
              <FileButton multiple onChange={(files) => void add(files)}>
                {(props) => <Button {...props} size="compact-sm" variant="light" leftSection={<IconUpload size={14} />}>Vælg filer</Button>}
              </FileButton>
            </Group>
          )}
        </Paper>
      )}
    </Stack>
  );
}
