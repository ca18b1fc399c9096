import { Alert, Badge, Button, FileButton, Group, List, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileImport, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { TariffImportKind, TariffImportPreview, TariffImportReport } from '../../../../shared/domain/tariff-import';
import { formatInteger } from '../../../../shared/format';
import { YearInput } from '../../components/NumberInputs';
import { JobProgress } from '../../components/JobProgress';
import { saveExport } from '../../lib/files';
import { progressOf, useJob } from '../../lib/jobs';
import { showError } from '../../lib/undo';
import { useReference } from '../../stores/reference';
import { discardTariffFiles, makeTariffTemplate, startTariffImport, startTariffPreview, uploadTariffTemplate } from './store';

type Stage = { kind: 'choose' } | { kind: 'preview'; fileIds: string[]; preview: TariffImportPreview } | { kind: 'done'; report: TariffImportReport };

const ACTION_LABELS = { new: 'Nyt', version: 'Ny version', update: 'Rettet', unchanged: 'Uændret' } as const;

/**
 * The tariff year's collection: «Hent skabelon» writes an operator's .xlsx for a year; «Indlæs takstskemaer» sends any
 * number of filled files, which are checked in full and compared with what is stored before the user accepts.
 */
export function TariffTemplatesSection() {
  const operators = useReference((s) => s.organisations);
  const [operator, setOperator] = useState<string | null>(null);
  const [year, setYear] = useState<number>(new Date().getFullYear() + 1);
  const [kind, setKind] = useState<TariffImportKind>('sheets');
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [downloading, setDownloading] = useState(false);
  const [uploading, setUploading] = useState(false);
  const check = useJob();
  const apply = useJob();
  // The results sheet is the year before the tariff year.
  const filesYear = kind === 'sheets' ? year : year - 1;

  async function downloadTemplate() {
    if (!operator) return;
    setDownloading(true);
    try {
      const made = await makeTariffTemplate(operator, year);
      await saveExport(made.exportId);
    } catch (error) {
      showError(error);
    } finally {
      setDownloading(false);
    }
  }

  async function choose(files: File[]) {
    if (files.length === 0) return;
    setUploading(true);
    const fileIds: string[] = [];
    try {
      for (const file of files) fileIds.push((await uploadTariffTemplate(file)).fileId);
    } catch (error) {
      showError(error);
      await discardTariffFiles(fileIds).catch(() => undefined);
      return;
    } finally {
      setUploading(false);
    }
    const done = await check.run('tariffImportPreview', () => startTariffPreview({ kind, fileIds, year: filesYear }), 'Kontrollen blev afbrudt; intet er indlæst.');
    if (done) setStage({ kind: 'preview', fileIds, preview: done.preview });
    else await discardTariffFiles(fileIds).catch(() => undefined);
  }

  async function accept(fileIds: string[]) {
    const done = await apply.run('tariffImport', () => startTariffImport({ kind, fileIds, year: filesYear }), 'Indlæsningen blev afbrudt. Databasen er ikke ændret.');
    if (done) setStage({ kind: 'done', report: done.report });
  }

  async function cancel(fileIds: string[]) {
    await discardTariffFiles(fileIds).catch(showError);
    setStage({ kind: 'choose' });
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <div>
          <Title order={4}>Takstskemaer fra driftsherrerne</Title>
          <Text size="sm" c="dimmed" maw={760}>
            Hent en skabelon pr. driftsherre med årets skemaer udfyldt, eller sidste års, hvor årets mangler. De udfyldte filer kontrolleres helt, og forskellene mod det gemte vises, før noget skrives.
          </Text>
        </div>
        <Group align="flex-end" wrap="wrap">
          <YearInput label="Takstår" value={year} onChange={(v) => typeof v === 'number' && setYear(v)} w={110} />
          <Select label="Driftsherre" placeholder="Vælg" data={operators.map((o) => o.name)} value={operator} onChange={setOperator} searchable w={260} />
          <Button variant="light" leftSection={<IconDownload size={16} />} disabled={!operator} loading={downloading} onClick={() => void downloadTemplate()}>
            Hent skabelon
          </Button>
        </Group>
        {stage.kind === 'choose' && !check.status && (
          <Group align="center" wrap="wrap">
            <SegmentedControl value={kind} onChange={(v) => setKind(v as TariffImportKind)} data={[{ value: 'sheets', label: `Takster ${year}` }, { value: 'results', label: `Resultater ${year - 1}` }]} />
            <FileButton multiple onChange={(files) => void choose(files)} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
              {(props) => (
                <Button {...props} leftSection={<IconFileImport size={16} />} loading={uploading}>
                  Indlæs takstskemaer …
                </Button>
              )}
            </FileButton>
          </Group>
        )}
        {check.status && <JobProgress {...progressOf(check.status)} onCancel={() => void check.cancel().catch(showError)} />}
        {stage.kind === 'preview' && (
          <>
            <PreviewTable preview={stage.preview} />
            {apply.status ? (
              <JobProgress {...progressOf(apply.status)} onCancel={() => void apply.cancel().catch(showError)} />
            ) : (
              <Group>
                <Button leftSection={<IconFileImport size={16} />} disabled={stage.preview.problems.length > 0} onClick={() => void accept(stage.fileIds)}>
                  Indlæs
                </Button>
                <Button variant="default" leftSection={<IconX size={16} />} onClick={() => void cancel(stage.fileIds)}>
                  Annuller
                </Button>
              </Group>
            )}
          </>
        )}
        {stage.kind === 'done' && (
          <Alert color="teal" variant="light" title={`${formatInteger(stage.report.written)} ${stage.report.kind === 'sheets' ? 'takstskemaer' : 'resultater'} indlæst for ${stage.report.year}`} data-testid="tariff-import-done">
            <Stack gap="xs">
              <Text size="sm">{formatInteger(stage.report.unchanged)} uændrede.{stage.report.backup && ` Databasen før indlæsningen er gemt som sikkerhedskopien «${stage.report.backup}».`}</Text>
              <Group>
                <Button size="xs" variant="light" onClick={() => setStage({ kind: 'choose' })}>Indlæs flere</Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function PreviewTable({ preview }: { preview: TariffImportPreview }) {
  return (
    <Stack gap="sm" data-testid="tariff-import-preview">
      {preview.problems.length > 0 && (
        <Alert color="red" variant="light" title="Filerne kan ikke indlæses. Ret dem, og prøv igen">
          <List size="sm" spacing={2}>
            {preview.problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {preview.notes.map((note) => (
        <Text key={note} size="sm" c="dimmed">{note}</Text>
      ))}
      {preview.problems.length === 0 && preview.offers.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tilbud</Table.Th>
                <Table.Th>Felt</Table.Th>
                <Table.Th>Gemt</Table.Th>
                <Table.Th>Nyt</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.offers.map((offer) =>
                (offer.changes.length ? offer.changes : [null]).map((change, i) => (
                  <Table.Tr key={`${offer.offerId}-${change?.field ?? ''}`}>
                    {i === 0 && (
                      <Table.Td rowSpan={Math.max(1, offer.changes.length)} style={{ verticalAlign: 'top' }}>
                        <Text size="sm" fw={500}>{offer.offerName}</Text>
                        <Group gap={4}>
                          <Text size="xs" c="dimmed">{offer.operatorName}</Text>
                          <Badge size="xs" variant="light" color={offer.action === 'unchanged' ? 'gray' : 'blue'}>{ACTION_LABELS[offer.action]}</Badge>
                        </Group>
                      </Table.Td>
                    )}
                    <Table.Td>{change?.field ?? '–'}</Table.Td>
                    <Table.Td>{change?.stored ?? ''}</Table.Td>
                    <Table.Td fw={change ? 500 : undefined}>{change?.incoming ?? ''}</Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
