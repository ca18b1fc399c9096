import { Alert, Button, FileButton, Group, Modal, ScrollArea, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { AGE_GROUP_LABELS, type AgeGroup, type Organisation } from '../../../../shared/domain/organisation';
import { formatInteger, formatList, formatQuarter } from '../../../../shared/format';
import { dstWeights, parseDstTable } from '../../../../shared/logic/tariff/dst-key';
import { showError } from '../../lib/undo';
import { importPopulation, useReference } from '../../stores/reference';
import { readCsvFile, shortName } from '../scenarios/key';

const signed = new Intl.NumberFormat('da-DK', { signDisplay: 'exceptZero' });

/**
 * The municipalities' population (or 0–17-year-olds) for one quarter from a Danmarks Statistik table (FOLK1A saved as
 * semicolon CSV): read and checked in full, shown beside today's figures, and stored for all municipalities at once
 * on «Gem tallene». A table that lacks a municipality cannot be stored.
 */
export function PopulationImport({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Befolkningstal fra Danmarks Statistik" size="lg">
      <PopulationForm onClose={onClose} />
    </Modal>
  );
}

function PopulationForm({ onClose }: { onClose(): void }) {
  const organisations = useReference((s) => s.organisations);
  const municipalities = organisations.filter((o) => o.kind === 'kommune');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [ageGroup, setAgeGroup] = useState<AgeGroup>('i_alt');
  const [period, setPeriod] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const parsed = useMemo(() => {
    if (!text.trim()) return null;
    try {
      const table = parseDstTable(text);
      const quarters = table.periods.filter((p) => /^\d{4}K[1-4]$/.test(p));
      if (quarters.length === 0) return { error: 'Tabellen har ingen kvartaler (som «2022K1»); befolkningstal gemmes pr. kvartal.' };
      const chosen = period && quarters.includes(period) ? period : quarters[quarters.length - 1]!;
      const { weights } = dstWeights(table, chosen);
      // StatBank writes "Aalborg", or "Aalborg 0-17 år" when the age is a column of its own; two rows for one
      // municipality (several age groups chosen) cannot be told apart and are refused.
      const countOf = (o: Organisation): number | null => {
        const short = shortName(o.name);
        const exact = weights[o.name] ?? weights[short];
        if (exact !== undefined) return exact;
        const rows = Object.keys(weights).filter((area) => area.startsWith(`${short} `));
        if (rows.length > 1) throw new RangeError(`${o.name} står i flere rækker (${rows.join(', ')}); vælg kun én aldersgruppe i Statistikbanken.`);
        return rows.length === 1 ? weights[rows[0]!]! : null;
      };
      const rows = municipalities.map((o) => ({ organisation: o, count: countOf(o) }));
      const missing = rows.filter((r) => r.count === null).map((r) => r.organisation.name);
      return { quarters, chosen, rows, missing };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }, [text, period, municipalities]);

  const current = (o: Organisation) => (ageGroup === 'i_alt' ? o.population : o.children);

  async function save() {
    if (!parsed || 'error' in parsed || parsed.missing.length > 0) return;
    setSaving(true);
    try {
      await importPopulation({
        quarter: parsed.chosen,
        ageGroup,
        figures: parsed.rows.map((r) => ({ organisationId: r.organisation.id, count: r.count! })),
      });
      notifications.show({ color: 'teal', message: `${AGE_GROUP_LABELS[ageGroup]} for ${formatQuarter(parsed.chosen)} er gemt for alle ${parsed.rows.length} kommuner.`, autoClose: 6000 });
      onClose();
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Hent FOLK1A i Statistikbanken (befolkning pr. kommune og kvartal, evt. kun alder 0–17 år), gem den som «CSV (semikolonsepareret)», og vælg filen her.
      </Text>
      <Group>
        <SegmentedControl size="sm" data={(['i_alt', '0-17'] as const).map((g) => ({ value: g, label: AGE_GROUP_LABELS[g] }))} value={ageGroup} onChange={(v) => setAgeGroup(v as AgeGroup)} />
        <FileButton
          onChange={(file) => {
            if (!file) return;
            setFileName(file.name);
            void readCsvFile(file).then(setText, showError);
          }}
          accept=".csv,text/csv,text/plain"
        >
          {(props) => (
            <Button {...props} variant="light" leftSection={<IconUpload size={14} />}>
              Vælg CSV-fil
            </Button>
          )}
        </FileButton>
        {fileName && <Text size="sm">{fileName}</Text>}
      </Group>
      {parsed && 'error' in parsed && (
        <Alert color="red" title="Filen kan ikke bruges" data-testid="population-error">
          {parsed.error}
        </Alert>
      )}
      {parsed && !('error' in parsed) && (
        <>
          <Select
            label="Kvartal"
            data={parsed.quarters.map((q) => ({ value: q, label: `${formatQuarter(q)} (${q})` }))}
            value={parsed.chosen}
            onChange={setPeriod}
            allowDeselect={false}
            maw={260}
          />
          {parsed.missing.length > 0 && (
            <Alert color="red" title="Tabellen mangler kommuner" data-testid="population-error">
              Der er intet tal for {formatList(parsed.missing)} i {formatQuarter(parsed.chosen)}. Alle kommuner skal med, så fordelingen passer; intet er gemt.
            </Alert>
          )}
          <ScrollArea.Autosize mah={340}>
            <Table striped verticalSpacing={3} data-testid="population-preview" style={{ fontVariantNumeric: 'tabular-nums' }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Kommune</Table.Th>
                  <Table.Th ta="right">Nu</Table.Th>
                  <Table.Th ta="right">{formatQuarter(parsed.chosen)}</Table.Th>
                  <Table.Th ta="right">Forskel</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {parsed.rows.map(({ organisation, count }) => {
                  const now = current(organisation);
                  return (
                    <Table.Tr key={organisation.id}>
                      <Table.Td>{organisation.name}</Table.Td>
                      <Table.Td ta="right">{now ? `${formatInteger(now.count)} (${now.quarter})` : '–'}</Table.Td>
                      <Table.Td ta="right" c={count === null ? 'red' : undefined}>{count === null ? 'mangler' : formatInteger(count)}</Table.Td>
                      <Table.Td ta="right">{count !== null && now ? signed.format(count - now.count) : ''}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>I alt</Table.Th>
                  <Table.Th ta="right">{formatInteger(parsed.rows.reduce((s, r) => s + (current(r.organisation)?.count ?? 0), 0))}</Table.Th>
                  <Table.Th ta="right">{formatInteger(parsed.rows.reduce((s, r) => s + (r.count ?? 0), 0))}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </ScrollArea.Autosize>
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>Annuller</Button>
        <Button loading={saving} disabled={!parsed || 'error' in parsed || parsed.missing.length > 0} onClick={() => void save()}>
          Gem tallene
        </Button>
      </Group>
    </Stack>
  );
}
