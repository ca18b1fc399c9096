import { ActionIcon, Group, Loader, Menu, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { MunicipalityShare, ScenarioFigures } from '../../../../../shared/domain/proposal';
import { formatNumber, formatPercent } from '../../../../../shared/format';
import { messageOf } from '../../../api/client';
import { loadMunicipalities } from '../store';
import { exportMunicipality } from '../export';
import { NUMBERS, T } from '../texts';

const kr = (ore: number) => formatNumber(Math.round(ore) / 100);

/**
 * «Betaling pr. kommune»: what each municipality pays under a scenario of the version, year by year, with a sum row;
 * each municipality's own figures can be taken home as a workbook or a PDF for its budget process.
 */
export function MunicipalityPayments({ proposalId, versionNumber, revision, scenarios, chosenId }: { proposalId: string; versionNumber: number; revision: number; scenarios: ScenarioFigures[]; chosenId: string | null }) {
  const [picked, setPicked] = useState<string | null>(null);
  const scenarioId = picked && scenarios.some((s) => s.scenarioId === picked) ? picked : (chosenId ?? scenarios[0]?.scenarioId ?? null);
  const [table, setTable] = useState<{ key: string; rows: MunicipalityShare[]; error: string | null } | null>(null);
  const key = `${scenarioId}/${revision}`;

  useEffect(() => {
    if (!scenarioId) return;
    let live = true;
    loadMunicipalities({ proposalId, versionNumber, scenarioId })
      .then(
        (r) => live && setTable({ key, rows: r.rows, error: null }),
        (error: unknown) => live && setTable({ key, rows: [], error: messageOf(error) }),
      );
    return () => {
      live = false;
    };
  }, [key, proposalId, versionNumber, scenarioId]);

  if (!scenarioId) return null;
  const rows = table?.rows ?? [];
  const columns = rows[0]?.amounts.map((a) => a.label) ?? [];
  const sum = (pick: (r: MunicipalityShare) => number) => rows.reduce((total, r) => total + pick(r), 0);

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={4}>Betaling pr. kommune</Title>
            <Text size="xs" c="dimmed">Beløb i kr. Kommunernes del fordelt efter nøglen; hent den enkelte kommunes tal med knappen i rækken.</Text>
          </div>
          <Select
            label="Scenarie"
            data={scenarios.map((s, i) => ({ value: s.scenarioId, label: `Scenarie ${i + 1}${s.scenarioId === chosenId ? ' (valgt)' : ''}: ${s.name}` }))}
            value={scenarioId}
            onChange={setPicked}
            allowDeselect={false}
            w={380}
          />
        </Group>
        {table === null ? (
          <Loader size="sm" />
        ) : table.error ? (
          <Text size="sm" c="red.8">{table.error}</Text>
        ) : (
          <Table.ScrollContainer minWidth={300 + 105 * columns.length} type="native">
            <Table fz="xs" verticalSpacing={4} horizontalSpacing={6} striped data-testid="municipality-table" style={{ ...NUMBERS, opacity: table.key === key ? 1 : 0.55 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Kommune</Table.Th>
                  <Table.Th ta="right">Andel</Table.Th>
                  {columns.map((c) => (
                    <Table.Th key={c} ta="right" style={{ whiteSpace: 'normal' }}>{c}</Table.Th>
                  ))}
                  <Table.Th ta="right">I alt</Table.Th>
                  <Table.Th w={36}><VisuallyHidden>Hent</VisuallyHidden></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.organisationName} data-testid="municipality-row">
                    <Table.Td>{r.organisationName}</Table.Td>
                    <Table.Td ta="right">{formatPercent(r.share)}</Table.Td>
                    {r.amounts.map((a) => (
                      <Table.Td key={a.label} ta="right">{kr(a.ore)}</Table.Td>
                    ))}
                    <Table.Td ta="right" fw={600} data-testid="municipality-total">{kr(r.totalOre)}</Table.Td>
                    <Table.Td py={0}>
                      <ExportMenu name={r.organisationName} onExport={(format) => exportMunicipality({ proposalId, versionNumber, scenarioId, organisationName: r.organisationName, format })} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>I alt</Table.Th>
                  <Table.Th ta="right">{formatPercent(sum((r) => r.share))}</Table.Th>
                  {columns.map((c, i) => (
                    <Table.Th key={c} ta="right">{kr(sum((r) => r.amounts[i]?.ore ?? 0))}</Table.Th>
                  ))}
                  <Table.Th ta="right" data-testid="municipality-sum">{kr(sum((r) => r.totalOre))}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

function ExportMenu({ name, onExport }: { name: string; onExport(format: 'xlsx' | 'pdf'): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const run = (format: 'xlsx' | 'pdf') => {
    setBusy(true);
    void onExport(format).finally(() => setBusy(false));
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" size="sm" color="gray" loading={busy} aria-label={`Hent tal for ${name}`}>
          <IconDownload size={14} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{name}</Menu.Label>
        <Menu.Item leftSection={<IconFileSpreadsheet size={14} />} onClick={() => run('xlsx')}>{T.exportXlsx}</Menu.Item>
        <Menu.Item leftSection={<IconFileTypePdf size={14} />} onClick={() => run('pdf')}>{T.exportPdf}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
