import { Alert, Badge, Box, Button, Divider, Group, List, Loader, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconCheck, IconDownload, IconFileTypeDocx, IconFileTypePdf, IconPrinter, IconSend } from '@tabler/icons-react';
import { useMounted } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import type { DocumentEdition, DocumentExport, DocumentFormat, DocumentKind } from '../../../../shared/domain/documents';
import type { Meeting } from '../../../../shared/domain/meeting';
import { formatInteger } from '../../../../shared/format';
import { messageOf } from '../../api/client';
import { saveExport } from '../../lib/files';
import { loadCapabilities, loadPreview, makeDocument } from './store';
import { showError } from '../../lib/undo';
import { updateMeeting } from '../meetings/store';
import { TEXTS } from './texts';

interface Props {
  meeting: Meeting;
  opened: boolean;
  onClose(): void;
}

/**
 * Agenda, minutes and agenda pack: a preview of exactly the HTML the PDF is printed from, in a sandboxed frame that
 * runs no script, and export to PDF or Word in the internal or public edition. Minutes move on from here: sent for
 * comments, then approved.
 */
export function DocumentsModal({ meeting, opened, onClose }: Props) {
  const [kind, setKind] = useState<DocumentKind>(defaultKind(meeting));
  const [edition, setEdition] = useState<DocumentEdition>('internal');
  // The preview answers one request; a stale answer (kind or edition changed since) is not shown.
  const previewKey = `${meeting.id}/${meeting.revision}/${kind}/${edition}`;
  const [loaded, setLoaded] = useState<{ key: string; html: string; title: string } | null>(null);
  const preview = loaded?.key === previewKey ? loaded : null;
  const [canPrintPdf, setCanPrintPdf] = useState<boolean | null>(null);
  const [busy, setBusy] = useState<DocumentFormat | null>(null);
  const [result, setResult] = useState<DocumentExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  // Loaded on first use, the dialog mounts while already asked to open; a dialog mounted open runs no opening (focus
  // stays on its close button) and never sees where focus came from. It opens one render after mounting instead.
  const mounted = useMounted();

  useEffect(() => {
    if (!opened) return;
    let current = true;
    loadPreview({ meetingId: meeting.id, kind: kind === 'pack' ? 'agenda' : kind, edition })
      .then((p) => current && setLoaded({ key: previewKey, ...p }))
      .catch((e: unknown) => current && setError(messageOf(e)));
    return () => {
      current = false;
    };
  }, [opened, meeting.id, previewKey, kind, edition]);

  useEffect(() => {
    if (opened && canPrintPdf === null) loadCapabilities().then((c) => setCanPrintPdf(c.pdf)).catch(showError);
  }, [opened, canPrintPdf]);

  async function exportAs(format: DocumentFormat) {
    setBusy(format);
    setError(null);
    setResult(null);
    try {
      const made = await makeDocument({ meetingId: meeting.id, kind, edition, format });
      setResult(made);
      await saveExport(made.exportId);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  }

  /** The browser's own print dialog on the preview: the fallback where no Chromium can make the PDF. */
  const printPreview = () => frame.current?.contentWindow?.print();

  const select = (change: () => void) => {
    change();
    setResult(null);
    setError(null);
  };

  return (
    <Modal opened={opened && mounted} onClose={onClose} title={TEXTS.title} size="min(1280px, 96vw)" padding="md" styles={{ body: { paddingBottom: 12 } }}>
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Stack gap="md" w={300} mah="calc(100vh - 170px)" style={{ flexShrink: 0, overflowY: 'auto' }}>
          <Stack gap={6}>
            <Text size="sm" fw={600}>{TEXTS.kind}</Text>
            <SegmentedControl fullWidth orientation="vertical" value={kind} onChange={(v) => select(() => setKind(v as DocumentKind))} data={KIND_OPTIONS} aria-label={TEXTS.kind} />
          </Stack>
          <Stack gap={6}>
            <Text size="sm" fw={600}>{TEXTS.edition}</Text>
            <SegmentedControl fullWidth value={edition} onChange={(v) => select(() => setEdition(v as DocumentEdition))} data={EDITION_OPTIONS} aria-label={TEXTS.edition} />
            <Text size="xs" c="dimmed">{edition === 'public' ? TEXTS.publicHint : TEXTS.internalHint}</Text>
          </Stack>
          <Divider />
          <Stack gap="xs">
            <Button leftSection={<IconFileTypePdf size={18} />} loading={busy === 'pdf'} disabled={busy !== null || canPrintPdf === false} onClick={() => void exportAs('pdf')}>
              {TEXTS.savePdf}
            </Button>
            {kind !== 'pack' && (
              <Button variant="default" leftSection={<IconFileTypeDocx size={18} />} loading={busy === 'docx'} disabled={busy !== null} onClick={() => void exportAs('docx')}>
                {TEXTS.saveDocx}
              </Button>
            )}
            {kind !== 'pack' && (
              <Button variant="subtle" leftSection={<IconPrinter size={18} />} disabled={!preview} onClick={printPreview}>
                {TEXTS.print}
              </Button>
            )}
            {busy === 'pdf' && <Text size="xs" c="dimmed">{kind === 'pack' ? TEXTS.workingPack : TEXTS.working}</Text>}
            {canPrintPdf === false && <Alert color="yellow" p="xs">{TEXTS.noChromium}</Alert>}
          </Stack>
          {error && <Alert color="red" title={TEXTS.failed}>{error}</Alert>}
          {result && <ExportResult result={result} />}
          {kind === 'minutes' && <MinutesFlow meeting={meeting} />}
        </Stack>
        <Box style={{ flex: 1, minWidth: 0 }}>
          {preview ? (
            <iframe
              ref={frame}
              title={preview.title}
              // No scripts may run in the document; same origin only so the print button can reach its window.
              sandbox="allow-same-origin allow-modals"
              srcDoc={preview.html}
              style={{ width: '100%', height: 'calc(100vh - 170px)', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6, background: '#e9ecef' }}
            />
          ) : (
            <Group justify="center" p="xl"><Loader size="sm" /></Group>
          )}
        </Box>
      </Group>
    </Modal>
  );
}

function ExportResult({ result }: { result: DocumentExport }) {
  return (
    <Alert color={result.warnings.length ? 'yellow' : 'green'} title={TEXTS.made} icon={<IconCheck size={18} />}>
      <Stack gap={6}>
        <Text size="sm">
          {result.fileName}
          <br />
          {result.pages === null ? `${formatInteger(Math.ceil(result.bytes / 1024))} kB` : TEXTS.pages(result.pages)}
        </Text>
        {result.warnings.length > 0 && (
          <List size="sm" spacing={2}>
            {result.warnings.map((w) => <List.Item key={w}>{w}</List.Item>)}
          </List>
        )}
        <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} onClick={() => void saveExport(result.exportId).catch(showError)}>
          {TEXTS.saveAgain}
        </Button>
      </Stack>
    </Alert>
  );
}

/** Minutes: a draft goes out for comments, then is approved (after which corrections make new versions). */
function MinutesFlow({ meeting }: { meeting: Meeting }) {
  const [saving, setSaving] = useState(false);
  const move = async (status: Meeting['status']) => {
    setSaving(true);
    try {
      await updateMeeting(meeting.id, meeting.revision, { status });
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };
  if (meeting.status === 'referat_godkendt') return <Badge color="green" variant="light" tt="none">{TEXTS.approved}</Badge>;
  return (
    <Stack gap={6}>
      <Divider />
      <Text size="sm" fw={600}>{TEXTS.minutesFlow}</Text>
      <Text size="xs" c="dimmed">{meeting.status === 'referat_udsendt' ? TEXTS.sentHint : TEXTS.draftHint}</Text>
      {meeting.status === 'referat_udsendt' ? (
        <Button variant="light" color="green" leftSection={<IconCheck size={16} />} loading={saving} onClick={() => void move('referat_godkendt')}>{TEXTS.approve}</Button>
      ) : (
        <Button variant="light" leftSection={<IconSend size={16} />} loading={saving} onClick={() => void move('referat_udsendt')}>{TEXTS.markSent}</Button>
      )}
    </Stack>
  );
}

const KIND_OPTIONS = [
  { value: 'agenda', label: 'Dagsorden' },
  { value: 'minutes', label: 'Referat' },
  { value: 'pack', label: 'Dagsorden med bilag' },
];
const EDITION_OPTIONS = [
  { value: 'internal', label: 'Intern' },
  { value: 'public', label: 'Offentlig' },
];

const defaultKind = (meeting: Meeting): DocumentKind => (['afholdt', 'referat_udsendt', 'referat_godkendt'].includes(meeting.status) ? 'minutes' : 'agenda');
