import { Alert, Badge, Button, Checkbox, FileButton, Group, Modal, ScrollArea, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { formatInteger, formatPercent, formatQuarter } from '../../../../shared/format';
import { dstWeights, parseDstTable, type DstTable } from '../../../../shared/logic/tariff/dst-key';
import { useReference } from '../../stores/reference';
import { readCsvFile, shortName } from './key';

/**
 * A distribution key from a Danmarks Statistik table (FOLK1A and the like, saved as semicolon CSV): read and checked in
 * full first, then shown with every municipality's weight and share; only the ticked areas become the key. Nothing
 * changes until «Brug nøglen».
 */
export function DstKeyImport({ opened, onClose, current, onUse }: { opened: boolean; onClose: () => void; current: Record<string, number>; onUse: (key: Record<string, number>) => void }) {
  // The form lives inside the modal, so every opening starts with an empty file.
  return (
    <Modal opened={opened} onClose={onClose} title="Fordelingsnøgle fra Danmarks Statistik" size="lg">
      <DstKeyForm onClose={onClose} current={current} onUse={onUse} />
    </Modal>
  );
}

type KeyUse = { current: Record<string, number>; onUse: (key: Record<string, number>) => void };

function DstKeyForm({ onClose, current, onUse }: KeyUse & { onClose: () => void }) {
  const organisations = useReference((s) => s.organisations);
  const [text, setText] = useState('');
  const [period, setPeriod] = useState<string | null>(null);
  /** Areas the user ticked or unticked; the rest follow the preselection. */
  const [toggled, setToggled] = useState<Record<string, boolean>>({});

  const table = useMemo((): { table: DstTable } | { error: string } | null => {
    if (!text.trim()) return null;
    try {
      return { table: parseDstTable(text) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }, [text]);

  const preview = useMemo(() => {
    if (!table || 'error' in table) return null;
    try {
      return dstWeights(table.table, period ?? undefined);
    } catch (error) {
      return { error: (error as Error).message };
    }
  }, [table, period]);

  // StatBank writes "Aalborg"; the agreement's parties are "Aalborg Kommune": a known name is used where one matches.
  const weights = useMemo(() => {
    if (!preview || 'error' in preview) return null;
    const known = [...Object.keys(current), ...organisations.map((o) => o.name)];
    const nameOf = (area: string) => known.find((n) => n === area || shortName(n) === area) ?? area;
    return Object.fromEntries(Object.entries(preview.weights).map(([area, weight]) => [nameOf(area), weight]));
  }, [preview, current, organisations]);
  // Ticked at first: what the scenario already uses and the parties of the agreement (or every area if none match).
  const chosen = useMemo(() => {
    const names = Object.keys(weights ?? {});
    const known = new Set([...Object.keys(current), ...organisations.filter((o) => o.kind === 'kommune').map((o) => o.name)]);
    const preselected = names.some((n) => known.has(n)) ? names.filter((n) => known.has(n)) : names;
    return new Set(names.filter((n) => toggled[n] ?? preselected.includes(n)));
  }, [weights, current, organisations, toggled]);
  const total = weights ? [...chosen].reduce((sum, n) => sum + (weights[n] ?? 0), 0) : 0;
  const error = table && 'error' in table ? table.error : preview && 'error' in preview ? preview.error : null;

  return (
    <Stack>
        <Text size="sm" c="dimmed">
          Hent tabellen i Statistikbanken (fx FOLK1A: befolkning pr. kommune og kvartal, eller de 0–17-årige), gem den som «CSV (semikolonsepareret)», og vælg filen her – eller indsæt indholdet.
        </Text>
        <Group>
          <FileButton onChange={(file) => file && void readCsvFile(file).then(setText)} accept=".csv,text/csv,text/plain">
            {(props) => (
              <Button {...props} variant="light" leftSection={<IconUpload size={14} />}>
                Vælg CSV-fil
              </Button>
            )}
          </FileButton>
        </Group>
        <Textarea label="Eller indsæt tabellen" autosize minRows={3} maxRows={6} value={text} onChange={(e) => setText(e.currentTarget.value)} styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} />
        {error && (
          <Alert color="red" title="Filen kan ikke bruges" data-testid="dst-error">
            {error}
          </Alert>
        )}
        {table && !('error' in table) && (
          <Select
            label="Periode"
            data={table.table.periods.map((p) => ({ value: p, label: /K\d$/.test(p) ? `${formatQuarter(p)} (${p})` : p }))}
            value={period ?? table.table.periods[table.table.periods.length - 1]!}
            onChange={setPeriod}
            allowDeselect={false}
          />
        )}
        {weights && (
          <ScrollArea.Autosize mah={320}>
            <Table striped verticalSpacing={3} data-testid="dst-preview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={32} />
                  <Table.Th>Område</Table.Th>
                  <Table.Th ta="right">Antal</Table.Th>
                  <Table.Th ta="right">Andel</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {Object.entries(weights).map(([name, weight]) => (
                  <Table.Tr key={name}>
                    <Table.Td>
                      <Checkbox
                        size="xs"
                        aria-label={`Medtag ${name}`}
                        checked={chosen.has(name)}
                        onChange={(e) => {
                          const checked = e.currentTarget.checked;
                          setToggled((t) => ({ ...t, [name]: checked }));
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      {name}{' '}
                      {current[name] === undefined && <Badge size="xs" variant="light" color="gray">ny i nøglen</Badge>}
                    </Table.Td>
                    <Table.Td ta="right">{formatInteger(weight)}</Table.Td>
                    <Table.Td ta="right">{chosen.has(name) && total > 0 ? formatPercent(weight / total) : ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>I alt ({chosen.size} områder)</Table.Th>
                  <Table.Th ta="right">{formatInteger(total)}</Table.Th>
                  <Table.Th ta="right">{total > 0 ? formatPercent(1) : ''}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </ScrollArea.Autosize>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Annuller</Button>
          <Button
            disabled={!weights || chosen.size === 0 || total === 0}
            onClick={() => {
              onUse(Object.fromEntries(Object.entries(weights!).filter(([n]) => chosen.has(n))));
              onClose();
            }}
          >
            Brug nøglen
          </Button>
        </Group>
    </Stack>
  );
}
