import { Alert, Badge, Group, ScrollArea, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { ConflictCard, type FieldChoice } from './ConflictCard';
import { SourceNotice } from './TrustedLaptops';
import { IconAlertTriangle, IconInfoCircle, IconLockOpen } from '@tabler/icons-react';
import { RESOLUTION_LABELS, type ImportPreviewView, type Resolution } from '../../../../shared/domain/exchange';
import { SCOPE_LABELS } from '../../../../shared/exchange/manifest';
import { formatFileSize, formatInteger, formatTimestamp } from '../../../../shared/format';

/** The merge classes as columns, in the order a reader asks about them. */
const COLUMNS = [
  { key: 'new', label: 'Nye' },
  { key: 'changed', label: 'Ændrede' },
  { key: 'merged', label: 'Flettede' },
  { key: 'deleted', label: 'Slettede' },
  { key: 'conflict', label: 'Konflikter' },
  { key: 'local-only', label: 'Kun ændret her' },
  { key: 'unchanged', label: 'Uændrede' },
] as const;

/** Conflicts listed one by one; beyond this many the rest follow «Alle konflikter». */
export const LISTED_CONFLICTS = 100;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const count = (n: number) => (n === 0 ? <Text span c="dimmed">0</Text> : formatInteger(n));

export interface Resolutions {
  fallback: Resolution;
  perRecord: Record<string, Resolution>;
  /** By `recordId:field`. */
  perField: Record<string, FieldChoice>;
  /** By record id: a closed item the package would open, or whose title it would show («keep» unless chosen). */
  openings: Record<string, 'keep' | 'open'>;
}

const OPENING_TEXT = { open: 'bliver åbent', showTitle: 'titlen vises i den offentlige udgave' } as const;

/** What importing the package would do, and the choice per conflict. Writes nothing. */
export function ImportPreview({ preview, resolutions, onResolutions, disabled }: { preview: ImportPreviewView; resolutions: Resolutions; onResolutions(next: Resolutions): void; disabled: boolean }) {
  const { totals } = preview;
  const resolutionOptions = (canKeepBoth: boolean) =>
    (Object.keys(RESOLUTION_LABELS) as Resolution[]).map((r) => ({ value: r, label: RESOLUTION_LABELS[r], disabled: r === 'both' && !canKeepBoth }));

  return (
    <Stack gap="md" data-testid="import-preview">
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" size="lg">{SCOPE_LABELS[preview.scope.kind]}</Badge>
        <Text size="sm">
          <strong>{preview.fileName}</strong> · {formatFileSize(preview.bytes)} · lavet {formatTimestamp(preview.createdAt)} med Sekretariat {preview.appVersion}
          {preview.files.count > 0 && ` · ${formatInteger(preview.files.count)} bilagsfiler (${formatFileSize(preview.files.bytes)})`}
        </Text>
      </Group>
      {preview.openings.length > 0 && (
        <Alert
          variant="light"
          color="red"
          icon={<IconLockOpen size={18} />}
          title={preview.openings.some((o) => o.kinds.includes('open')) ? 'Pakken gør disse lukkede punkter åbne' : 'Pakken gør titlen på disse lukkede punkter offentlig'}
          data-testid="import-openings"
        >
          <Stack gap="xs">
            <Text size="sm">
              Et lukket punkt, der bliver åbent, kommer med i den offentlige dagsorden og det offentlige referat. Vælg for hvert punkt; det, du ikke vælger, forbliver lukket.
            </Text>
            {preview.openings.map((o) => (
              <Group key={o.id} justify="space-between" wrap="wrap" gap="xs" data-testid="opening-row">
                <Text size="sm" c="red.9" style={{ flex: '1 1 360px' }}>
                  {o.entity === 'attachments' ? capitalise(o.label) : `Punktet ${o.label}`}: {o.kinds.map((k) => OPENING_TEXT[k]).join(', og ')}
                </Text>
                <SegmentedControl
                  size="xs"
                  color="red"
                  aria-label={`Lukket: ${o.label}`}
                  data={[
                    { value: 'keep', label: 'Behold lukket' },
                    { value: 'open', label: o.kinds.includes('open') ? 'Gør det åbent' : 'Vis titlen' },
                  ]}
                  value={resolutions.openings[o.id] ?? 'keep'}
                  disabled={disabled}
                  onChange={(value) => onResolutions({ ...resolutions, openings: { ...resolutions.openings, [o.id]: value as 'keep' | 'open' } })}
                />
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
      {preview.fromThisInstallation && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
          Pakken er lavet på denne computer. Det, der er ændret her siden, bliver ikke overskrevet.
        </Alert>
      )}
      {!preview.fromThisInstallation && <SourceNotice preview={preview} />}
      {preview.blockers.length > 0 && (
        <Alert variant="light" color="red" icon={<IconAlertTriangle size={18} />} title="Pakken kan ikke indlæses, som tingene står" data-testid="import-blockers">
          <Stack gap={4}>
            {preview.blockers.map((b) => (
              <Text key={b} size="sm">{b}</Text>
            ))}
          </Stack>
        </Alert>
      )}
      {preview.clashes.length > 0 && (
        <Alert variant="light" color="orange" icon={<IconAlertTriangle size={18} />} title="Vælg, hvilken der skal gælde" data-testid="import-clashes">
          <Stack gap="xs">
            {preview.clashes.map((c) => (
              <Group key={c.incomingId} justify="space-between" wrap="wrap" gap="xs" data-testid="clash-row">
                <Text size="sm" style={{ flex: '1 1 360px' }}>{c.message}</Text>
                <SegmentedControl
                  size="xs"
                  aria-label={c.message}
                  data={[
                    { value: 'mine', label: 'Behold den her' },
                    { value: 'theirs', label: 'Tag den fra pakken' },
                  ]}
                  value={resolutions.perRecord[c.incomingId] ?? (resolutions.fallback === 'theirs' ? 'theirs' : 'mine')}
                  disabled={disabled}
                  onChange={(value) => onResolutions({ ...resolutions, perRecord: { ...resolutions.perRecord, [c.incomingId]: value as Resolution } })}
                />
              </Group>
            ))}
            <Text size="sm" c="gray.7">Den anden fjernes; den gemte sikkerhedskopi fra før importen har den stadig.</Text>
          </Stack>
        </Alert>
      )}
      {preview.notes.map((note) => (
        <Alert key={note} variant="light" color={preview.alreadyImported ? 'teal' : 'yellow'} icon={<IconInfoCircle size={18} />}>
          {note}
        </Alert>
      ))}
      <ScrollArea type="auto" offsetScrollbars>
        <Table verticalSpacing={4} aria-label="Hvad importen gør" miw={720} style={{ fontVariantNumeric: 'tabular-nums' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Poster</Table.Th>
              <Table.Th ta="right">I pakken</Table.Th>
              {COLUMNS.map((c) => (
                <Table.Th key={c.key} ta="right" style={{ whiteSpace: 'nowrap' }}>{c.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.entities.map((e) => (
              <Table.Tr key={e.entity}>
                <Table.Td>{capitalise(e.label)}</Table.Td>
                <Table.Td ta="right">{formatInteger(e.total)}</Table.Td>
                {COLUMNS.map((c) => (
                  <Table.Td key={c.key} ta="right" fw={c.key === 'conflict' && e[c.key] > 0 ? 700 : undefined} c={c.key === 'conflict' && e[c.key] > 0 ? 'orange.8' : undefined}>
                    {count(e[c.key])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={600}>
              <Table.Td>I alt</Table.Td>
              <Table.Td ta="right">{formatInteger(preview.entities.reduce((sum, e) => sum + e.total, 0))}</Table.Td>
              {COLUMNS.map((c) => (
                <Table.Td key={c.key} ta="right">{formatInteger(totals[c.key])}</Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollArea>

      {preview.conflicts.length > 0 && (
        <Stack gap="xs">
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <div>
              <Group gap={6}>
                <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" />
                <Text fw={600}>{formatInteger(preview.conflicts.length)} {preview.conflicts.length === 1 ? 'post er' : 'poster er'} ændret både her og i pakken</Text>
              </Group>
              <Text size="sm" c="gray.7">
                Felter, som kun den ene side har ændret, flettes af sig selv. Vælg for hvert felt herunder, hvilken udgave der skal gælde — eller for hele posten.
                «Behold begge» lægger den indlæste ind som en kopi.
              </Text>
            </div>
            <Group gap="xs">
              <Text size="sm">Alle konflikter:</Text>
              <SegmentedControl
                size="xs"
                aria-label="Alle konflikter"
                data={resolutionOptions(true)}
                value={resolutions.fallback}
                disabled={disabled}
                onChange={(value) => onResolutions({ ...resolutions, fallback: value as Resolution, perRecord: {}, perField: {} })}
              />
            </Group>
          </Group>
          <Stack gap="xs">
            {preview.conflicts.slice(0, LISTED_CONFLICTS).map((c) => {
              const recordChoice = resolutions.perRecord[c.id] ?? (resolutions.fallback === 'both' && !c.canKeepBoth ? 'theirs' : resolutions.fallback);
              return (
                <ConflictCard
                  key={c.id}
                  conflict={c}
                  recordChoice={recordChoice}
                  fieldChoice={(f) => resolutions.perField[`${c.id}:${f.field}`] ?? (recordChoice === 'theirs' ? 'theirs' : 'mine')}
                  onRecord={(choice) => {
                    // A choice for the whole record replaces the choices made for its fields.
                    const perField = Object.fromEntries(Object.entries(resolutions.perField).filter(([key]) => !key.startsWith(`${c.id}:`)));
                    onResolutions({ ...resolutions, perRecord: { ...resolutions.perRecord, [c.id]: choice }, perField });
                  }}
                  onField={(field, choice) => onResolutions({ ...resolutions, perField: { ...resolutions.perField, [`${c.id}:${field}`]: choice } })}
                  disabled={disabled}
                />
              );
            })}
          </Stack>
          {preview.conflicts.length > LISTED_CONFLICTS && (
            <Text size="sm" c="dimmed">
              De øvrige {formatInteger(preview.conflicts.length - LISTED_CONFLICTS)} konflikter følger valget ved «Alle konflikter».
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
