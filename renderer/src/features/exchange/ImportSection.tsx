import { Alert, Button, FileButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconFileImport, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { ImportPreviewView, ImportReportView, IncomingPackage } from '../../../../shared/domain/exchange';
import { EXCHANGE_EXTENSION } from '../../../../shared/exchange/manifest';
import { formatFileSize, formatInteger } from '../../../../shared/format';
import { uploadPackage } from '../../lib/files';
import { JobProgress } from '../../components/JobProgress';
import { progressOf, useJob } from '../../lib/jobs';
import { showError } from '../../lib/undo';
import { loadMeetings } from '../meetings/store';
import { loadReference } from '../../stores/reference';
import { loadScenarios } from '../scenarios/store';
import { ImportPreview, type Resolutions } from './ImportPreview';
import { discardPackage, loadIncoming, startImport, startPreview } from './store';

type Stage =
  | { kind: 'choose' }
  | { kind: 'upload'; fileName: string; fraction: number }
  | { kind: 'preview'; preview: ImportPreviewView }
  | { kind: 'done'; report: ImportReportView; fileName: string };

const FIRST: Resolutions = { fallback: 'mine', perRecord: {}, perField: {}, openings: {} };

/**
 * Reads a package in three steps: the file is sent to the backend, checked in full and compared with this database
 * (nothing is written), and only then imported as the user decided, in one transaction after a backup.
 */
export function ImportSection() {
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [resolutions, setResolutions] = useState<Resolutions>(FIRST);
  const [waiting, setWaiting] = useState<IncomingPackage[]>([]);
  const upload = useRef<AbortController | null>(null);
  const check = useJob();
  const apply = useJob();

  useEffect(() => {
    loadIncoming().then(setWaiting, () => undefined);
  }, [stage.kind]);

  async function previewPackage(received: IncomingPackage) {
    const done = await check.run('preview', () => startPreview(received.packageId), 'Kontrollen blev afbrudt; pakken er ikke indlæst.');
    if (done) {
      setResolutions(FIRST);
      setStage({ kind: 'preview', preview: done.preview });
      return;
    }
    // A package that cannot be read, or whose check the user stopped, is of no further use here.
    await discardPackage(received.packageId).catch(() => undefined);
    setStage({ kind: 'choose' });
  }

  async function choose(file: File | null) {
    if (!file) return;
    const controller = new AbortController();
    upload.current = controller;
    setStage({ kind: 'upload', fileName: file.name, fraction: 0 });
    try {
      const received = await uploadPackage(file, (fraction) => setStage({ kind: 'upload', fileName: file.name, fraction }), controller.signal);
      await previewPackage(received);
    } catch (error) {
      if (!controller.signal.aborted) showError(error);
      setStage({ kind: 'choose' });
    } finally {
      upload.current = null;
    }
  }

  async function discard(packageId: string) {
    await discardPackage(packageId).catch(showError);
    setStage({ kind: 'choose' });
  }

  async function importPackage(preview: ImportPreviewView) {
    const done = await apply.run(
      'import',
      () => startImport({ packageId: preview.packageId, default: resolutions.fallback, perRecord: resolutions.perRecord, perField: resolutions.perField, openings: resolutions.openings }),
      'Importen blev afbrudt. Databasen er ikke ændret.',
    );
    if (!done) return;
    setStage({ kind: 'done', report: done.report, fileName: preview.fileName });
    await Promise.all([loadReference(), loadMeetings(), loadScenarios()]).catch(showError);
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <div>
          <Title order={4}>Indlæs en pakke</Title>
          <Text size="sm" c="dimmed" maw={720}>
            Pakken kontrolleres helt, før noget skrives: filernes SHA-256, posternes opbygning og deres henvisninger. Derefter ser du, hvad der er nyt, ændret og
            slettet, og importen sker samlet efter en sikkerhedskopi. Den samme pakke to gange ændrer intet.
          </Text>
        </div>

        {stage.kind === 'choose' && !check.status && (
          <Stack gap="sm">
            <Group>
              <FileButton onChange={(file) => void choose(file)} accept={`${EXCHANGE_EXTENSION},.zip,application/zip`}>
                {(props) => (
                  <Button {...props} leftSection={<IconFileImport size={16} />}>
                    Vælg en pakke …
                  </Button>
                )}
              </FileButton>
              <Text size="sm" c="dimmed">Filer med endelsen {EXCHANGE_EXTENSION}</Text>
            </Group>
            {waiting.length > 0 && (
              <Stack gap={4}>
                <Text size="sm" fw={500}>Modtaget, men ikke indlæst:</Text>
                {waiting.map((w) => (
                  <Group key={w.packageId} gap="xs">
                    <Text size="sm">{w.fileName} ({formatFileSize(w.bytes)})</Text>
                    <Button size="compact-xs" variant="light" onClick={() => void previewPackage(w)}>Kontrollér</Button>
                    <Button size="compact-xs" variant="subtle" color="gray" onClick={() => void discard(w.packageId)}>Fjern</Button>
                  </Group>
                ))}
              </Stack>
            )}
          </Stack>
        )}

        {stage.kind === 'upload' && !check.status && (
          <JobProgress step={`Overfører ${stage.fileName}`} fraction={stage.fraction} onCancel={() => upload.current?.abort()} />
        )}
        {check.status && <JobProgress {...progressOf(check.status)} onCancel={() => void check.cancel().catch(showError)} />}

        {stage.kind === 'preview' && (
          <>
            <ImportPreview preview={stage.preview} resolutions={resolutions} onResolutions={setResolutions} disabled={apply.running} />
            {apply.status ? (
              <JobProgress {...progressOf(apply.status)} onCancel={() => void apply.cancel().catch(showError)} />
            ) : (
              <Group>
                <Button leftSection={<IconFileImport size={16} />} onClick={() => void importPackage(stage.preview)} disabled={stage.preview.alreadyImported || stage.preview.blockers.length > 0}>
                  Importér
                </Button>
                <Button variant="default" leftSection={<IconX size={16} />} onClick={() => void discard(stage.preview.packageId)}>
                  Annuller
                </Button>
              </Group>
            )}
          </>
        )}

        {stage.kind === 'done' && <ImportDone report={stage.report} fileName={stage.fileName} onNext={() => setStage({ kind: 'choose' })} />}
      </Stack>
    </Paper>
  );
}

function ImportDone({ report, fileName, onNext }: { report: ImportReportView; fileName: string; onNext(): void }) {
  const lines = [
    [report.inserted, 'ny post', 'nye poster'],
    [report.updated, 'opdateret', 'opdaterede'],
    [report.merged, 'flettet felt for felt', 'flettet felt for felt'],
    [report.deleted, 'slettet', 'slettede'],
    [report.copied, 'lagt ind som kopi (behold begge)', 'lagt ind som kopi (behold begge)'],
    [report.kept, 'konflikt, hvor din udgave er beholdt', 'konflikter, hvor din udgave er beholdt'],
    [report.filesCopied, 'bilagsfil kopieret', 'bilagsfiler kopieret'],
    [report.unchanged, 'uændret', 'uændrede'],
  ] as const;
  return (
    <Alert color="teal" variant="light" icon={<IconCircleCheck size={20} />} title={report.alreadyImported ? 'Pakken var allerede indlæst' : `${fileName} er indlæst`} data-testid="import-done">
      <Stack gap="xs">
        {report.alreadyImported ? (
          <Text size="sm">Intet er ændret.</Text>
        ) : (
          <List size="sm" spacing={2}>
            {lines
              .filter(([n]) => n > 0)
              .map(([n, one, many]) => (
                <List.Item key={many}>
                  {formatInteger(n)} {n === 1 ? one : many}
                </List.Item>
              ))}
          </List>
        )}
        {report.notes.map((note) => (
          <Text key={note} size="sm">{note}</Text>
        ))}
        {report.backup && (
          <Text size="sm" c="dimmed">
            Databasen før importen er gemt som sikkerhedskopien «{report.backup}». Importen kan fortrydes ved at gendanne den under Indstillinger.
          </Text>
        )}
        <Group>
          <Button size="xs" variant="light" onClick={onNext}>Indlæs en pakke mere</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
