import { Badge, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { RESOLUTION_LABELS, type ConflictField, type ImportPreviewView, type Resolution } from '../../../../shared/domain/exchange';
import { formatTimestamp } from '../../../../shared/format';
import { wordDiff, type Run } from '../../lib/word-diff';

type Conflict = ImportPreviewView['conflicts'][number];
export type FieldChoice = 'mine' | 'theirs';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const ADDED = { background: 'var(--mantine-color-yellow-2)', borderRadius: 2 } as const;

/** A value with the words that differ from `against` marked (rich text is compared as its readable text). */
function Marked({ text, against }: { text: string; against: string | null }) {
  const runs: Run[] | null = useMemo(() => (against === null || against === text ? null : (wordDiff(against, text)?.to ?? null)), [text, against]);
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {runs ? runs.map((r, i) => (r.changed ? <mark key={i} style={ADDED} data-word-changed>{r.text}</mark> : r.text)) : text}
    </Text>
  );
}

/**
 * One record changed on both laptops: the fields in conflict side by side — the common version, this laptop's and
 * the package's, with the words each side changed marked —, a choice per field, and one for the whole record.
 */
export function ConflictCard({
  conflict,
  recordChoice,
  fieldChoice,
  onRecord,
  onField,
  disabled,
}: {
  conflict: Conflict;
  recordChoice: Resolution;
  fieldChoice(field: ConflictField): FieldChoice;
  onRecord(choice: Resolution): void;
  onField(field: string, choice: FieldChoice): void;
  disabled: boolean;
}) {
  const options = (Object.keys(RESOLUTION_LABELS) as Resolution[]).map((r) => ({ value: r, label: RESOLUTION_LABELS[r], disabled: r === 'both' && !conflict.canKeepBoth }));
  const bothChosen = recordChoice === 'both';
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="conflict-row">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Group gap={6} wrap="wrap">
              <Text fw={600} size="sm">{capitalise(conflict.label)}</Text>
              <Badge size="sm" variant="light" color="gray">{conflict.entityLabel}</Badge>
              {conflict.incomingDeleted && <Badge size="sm" color="red" variant="light">Slettet i pakken</Badge>}
            </Group>
            <Text size="xs" c="gray.7">
              Ændret her {formatTimestamp(conflict.localUpdatedAt)} · i pakken {formatTimestamp(conflict.incomingUpdatedAt)}
            </Text>
          </div>
          <SegmentedControl size="xs" aria-label={`Hele posten ${conflict.label}`} data={options} value={recordChoice} disabled={disabled} onChange={(value) => onRecord(value as Resolution)} />
        </Group>
        {conflict.noBase && (
          <Text size="sm" c="orange.9">
            De to bærbare har ikke udvekslet denne post før, så det kan ikke ses, hvem der har ændret hvad: alle felter, der er forskellige, står her.
          </Text>
        )}
        <Table verticalSpacing={4} layout="fixed" aria-label={`Felter i konflikt: ${conflict.label}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="14%">Felt</Table.Th>
              <Table.Th>Fælles udgave</Table.Th>
              <Table.Th>Her</Table.Th>
              <Table.Th>I pakken</Table.Th>
              <Table.Th w={190}>Gælder</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {conflict.fields.map((f) => (
              <Table.Tr key={f.field} data-testid="conflict-field" data-field={f.field}>
                <Table.Td>
                  <Text size="sm" fw={500}>{f.label}</Text>
                </Table.Td>
                <Table.Td>{f.base === null ? <Text size="sm" c="gray.7">ukendt</Text> : <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{f.base}</Text>}</Table.Td>
                <Table.Td><Marked text={f.local} against={f.base ?? f.incoming} /></Table.Td>
                <Table.Td><Marked text={f.incoming} against={f.base ?? f.local} /></Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    aria-label={`${f.label} i ${conflict.label}`}
                    data={[
                      { value: 'mine', label: 'Her' },
                      { value: 'theirs', label: 'I pakken' },
                    ]}
                    value={fieldChoice(f)}
                    disabled={disabled || bothChosen}
                    onChange={(value) => onField(f.field, value as FieldChoice)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {bothChosen && <Text size="sm" c="gray.7">Din udgave bliver stående, og pakkens lægges ind ved siden af som en kopi.</Text>}
        {(conflict.theirs.length > 0 || conflict.mine.length > 0) && (
          <Text size="sm" c="gray.7">
            Flettes uden spørgsmål:
            {conflict.theirs.length > 0 && ` ${conflict.theirs.join(', ')} fra pakken`}
            {conflict.theirs.length > 0 && conflict.mine.length > 0 && ';'}
            {conflict.mine.length > 0 && ` ${conflict.mine.join(', ')} herfra`}.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
