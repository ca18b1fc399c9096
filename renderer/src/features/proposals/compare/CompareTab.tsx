import { Anchor, Group, Loader, Paper, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Fragment, useEffect, useMemo, useState } from 'react';
import type { VersionDiffRow } from '../../../../../shared/domain/proposal';
import { messageOf } from '../../../api/client';
import { loadDiff } from '../store';
import { useVersionEditor } from '../version-editor';
import { wordDiff, type Run } from '../../../lib/word-diff';

const CHANGED = { background: 'var(--mantine-color-yellow-0)' };

function grouped(rows: VersionDiffRow[]): [string, VersionDiffRow[]][] {
  const sections = new Map<string, VersionDiffRow[]>();
  for (const row of rows) sections.set(row.section, [...(sections.get(row.section) ?? []), row]);
  return [...sections];
}

const MARKS = {
  from: { background: 'var(--mantine-color-red-1)', textDecoration: 'line-through', textDecorationColor: 'var(--mantine-color-red-4)' },
  to: { background: 'var(--mantine-color-green-2)' },
} as const;

/** Long text shows its first lines; «Vis mere» unfolds it. Changed words are marked: struck on the left, added on the right. */
function LongText({ text, runs, side }: { text: string; runs: Run[] | null; side: 'from' | 'to' }) {
  const [open, setOpen] = useState(false);
  const long = text.length > 220 || text.split('\n').length > 3;
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={long && !open ? 3 : undefined} data-excerpt={long ? 'expandable' : undefined}>
        {runs ? runs.map((r, i) => (r.changed ? <mark key={i} style={MARKS[side]} data-word-changed>{r.text}</mark> : r.text)) : text}
      </Text>
      {long && (
        <Anchor component="button" type="button" size="xs" onClick={() => setOpen((o) => !o)}>
          {open ? 'Vis mindre' : 'Vis mere'}
        </Anchor>
      )}
    </Stack>
  );
}

function Cells({ row }: { row: VersionDiffRow }) {
  const runs = useMemo(() => (row.changed && !row.figure && row.from !== '–' && row.to !== '–' ? wordDiff(row.from, row.to) : null), [row]);
  if (row.figure) {
    return (
      <>
        {[row.from, row.to].map((value, i) => (
          <Table.Td key={i}>
            <Text size="sm" fw={row.changed ? 700 : 400} style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Text>
          </Table.Td>
        ))}
      </>
    );
  }
  return (
    <>
      <Table.Td><LongText text={row.from} runs={runs?.from ?? null} side="from" /></Table.Td>
      <Table.Td><LongText text={row.to} runs={runs?.to ?? null} side="to" /></Table.Td>
    </>
  );
}

/**
 * «Sammenlign»: two versions side by side, section by section, every changed row marked (changed figures in bold, changed
 * words in the texts struck and added).
 */
export function CompareTab() {
  const { proposal } = useVersionEditor();
  const numbers = proposal.versions.map((v) => v.number);
  const latest = numbers.at(-1) ?? 1;
  const [from, setFrom] = useState(numbers.at(-2) ?? latest);
  const [to, setTo] = useState(latest);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [diff, setDiff] = useState<{ key: string; rows: VersionDiffRow[]; error: string | null } | null>(null);
  const key = `${from}/${to}/${proposal.versions.map((v) => v.revision).join()}`;

  useEffect(() => {
    let live = true;
    loadDiff(proposal.id, from, to)
      .then(
        (r) => live && setDiff({ key, rows: r.rows, error: null }),
        (error: unknown) => live && setDiff({ key, rows: [], error: messageOf(error) }),
      );
    return () => {
      live = false;
    };
  }, [key, proposal.id, from, to]);

  const options = numbers.map((n) => ({ value: String(n), label: `Version ${n}` }));
  const rows = diff?.rows ?? [];
  const changed = rows.filter((r) => r.changed).length;
  const shown = onlyChanged ? rows.filter((r) => r.changed) : rows;

  return (
    <Stack gap="md" data-testid="compare-tab">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-end">
          <Group gap="xs" align="flex-end">
            <Select label="Fra" data={options} value={String(from)} onChange={(v) => v && setFrom(Number(v))} allowDeselect={false} w={140} />
            <IconArrowRight size={18} style={{ marginBottom: 9 }} />
            <Select label="Til" data={options} value={String(to)} onChange={(v) => v && setTo(Number(v))} allowDeselect={false} w={140} />
          </Group>
          <Stack gap={4} align="flex-end">
            <Switch label="Vis kun ændringer" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.currentTarget.checked)} />
            {diff && !diff.error && <Text size="xs" c="dimmed" data-testid="diff-count">{changed} af {rows.length} rækker er ændret</Text>}
          </Stack>
        </Group>
      </Paper>
      {diff === null ? (
        <Loader size="sm" />
      ) : diff.error ? (
        <Text c="red.8" size="sm">{diff.error}</Text>
      ) : (
        <Paper withBorder radius="md" p="md">
          <Table fz="sm" verticalSpacing={5} layout="fixed" data-testid="diff-table" style={{ opacity: diff.key === key ? 1 : 0.55 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="26%">Felt</Table.Th>
                <Table.Th>Version {from}</Table.Th>
                <Table.Th>Version {to}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grouped(shown).map(([section, sectionRows]) => (
                <Fragment key={section}>
                  <Table.Tr>
                    <Table.Td colSpan={3} bg="gray.0" pt="sm">
                      <Title order={5}>{section}</Title>
                    </Table.Td>
                  </Table.Tr>
                  {sectionRows.map((row, i) => (
                    <Table.Tr key={`${section}/${row.label}/${i}`} style={row.changed ? CHANGED : undefined} data-changed={row.changed || undefined} data-testid="diff-row">
                      <Table.Td fw={500} style={{ borderLeft: `3px solid ${row.changed ? 'var(--mantine-color-yellow-6)' : 'transparent'}` }}>{row.label}</Table.Td>
                      <Cells row={row} />
                    </Table.Tr>
                  ))}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
          {shown.length === 0 && <Text size="sm" c="dimmed" mt="sm">Ingen ændringer mellem de to versioner.</Text>}
        </Paper>
      )}
    </Stack>
  );
}
