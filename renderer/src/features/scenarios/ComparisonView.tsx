import { Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { STILL } from './charts';
import { IconFileSpreadsheet, IconFileTypePdf, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { Scenario } from '../../../../shared/domain/scenario';
import { formatKroner, formatPercent } from '../../../../shared/format';
import { compareScenarios } from '../../../../shared/logic/tariff/compare';
import { computeScenario } from '../../../../shared/logic/tariff/scenario';
import { showError } from '../../lib/undo';
import { exportScenarios } from './export';
import { fetchScenario } from './store';
import { Panel } from './Panel';
import { formatDifference, formatFigure } from './texts';

const CHANGED = { background: 'var(--mantine-color-yellow-0)' };

/** Two to four scenarios side by side; every figure that differs from the first (the base) is marked with its difference. */
export function ComparisonView({ ids, onClose }: { ids: string[]; onClose: () => void }) {
  const [scenarios, setScenarios] = useState<Scenario[] | null>(null);
  const [exporting, setExporting] = useState<'xlsx' | 'pdf' | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all(ids.map((id) => fetchScenario(id)))
      .then((loaded) => live && setScenarios(loaded))
      .catch(showError);
    return () => {
      live = false;
    };
  }, [ids]);

  const computed = useMemo(() => scenarios?.map((s) => ({ input: s.input, result: computeScenario(s.input) })) ?? null, [scenarios]);
  const figures = useMemo(() => (computed ? compareScenarios(computed) : null), [computed]);
  if (!scenarios || !computed || !figures) return <Loader size="sm" />;

  const municipalities = [...new Set(computed.flatMap((c) => Object.keys(c.result.startup.totals.perMunicipality)))];
  const exportAs = (format: 'xlsx' | 'pdf') => {
    setExporting(format);
    void exportScenarios(ids, format).finally(() => setExporting(null));
  };

  return (
    <Stack gap="md" data-testid="comparison">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between">
          <div>
            <Title order={3}>Sammenligning af {scenarios.length} scenarier</Title>
            <Text size="sm" c="dimmed">Forskelle regnes fra «{scenarios[0]!.name}». Gult: afviger fra det.</Text>
          </div>
          <Group gap="xs">
            <Button variant="default" size="xs" leftSection={<IconFileSpreadsheet size={14} />} loading={exporting === 'xlsx'} onClick={() => exportAs('xlsx')}>
              Regneark (.xlsx)
            </Button>
            <Button variant="default" size="xs" leftSection={<IconFileTypePdf size={14} />} loading={exporting === 'pdf'} onClick={() => exportAs('pdf')}>
              PDF-bilag
            </Button>
            <Button variant="subtle" size="xs" color="gray" leftSection={<IconX size={14} />} onClick={onClose}>
              Luk
            </Button>
          </Group>
        </Group>
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Table fz="sm" verticalSpacing={5} data-testid="comparison-table" style={{ fontVariantNumeric: 'tabular-nums' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {scenarios.map((s, i) => (
                <Table.Th key={s.id} ta="right">
                  {s.name}
                  {i === 0 && <Text size="xs" c="dimmed" fw={400}>basis</Text>}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {figures.map((f) => (
              <Table.Tr key={f.label}>
                <Table.Td fw={500}>{f.label}</Table.Td>
                {f.values.map((v, i) => {
                  const d = f.differences[i]!;
                  const differs = i > 0 && d.absolute !== 0;
                  return (
                    <Table.Td key={i} ta="right" style={differs ? CHANGED : undefined} data-differs={differs || undefined}>
                      <div>{formatFigure(f.unit, v)}</div>
                      {differs && (
                        <Text size="xs" c={d.absolute > 0 ? 'red.8' : 'teal.8'}>
                          {formatDifference(f.unit, d.absolute)}
                          {d.relative !== null && f.unit !== 'fraction' ? ` (${d.relative > 0 ? '+' : '−'}${formatPercent(Math.abs(d.relative), 1)})` : ''}
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        <Panel title="At dække i alt">
          <BarChart
            barProps={STILL}
            h={240}
            type="stacked"
            data={computed.map((c, i) => ({ scenarie: scenarios[i]!.name, Regionen: c.result.startup.totals.regionPart / 100, Kommunerne: c.result.startup.totals.municipalPart / 100 }))}
            dataKey="scenarie"
            series={[
              { name: 'Kommunerne', color: 'teal.6' },
              { name: 'Regionen', color: 'grape.5' },
            ]}
            valueFormatter={(v) => formatKroner(Math.round(v) * 100)}
            yAxisProps={{ width: 80, tickFormatter: (v: number) => `${(v / 1_000_000).toLocaleString('da-DK')} mio.` }}
            withLegend
          />
        </Panel>
        <Panel title="Belægning i opstarten">
          <BarChart
            barProps={STILL}
            h={240}
            data={[...new Set(computed.flatMap((c) => c.result.startup.years.map((y) => y.year)))].sort().map((year) => ({
              år: String(year),
              ...Object.fromEntries(computed.map((c, i) => [scenarios[i]!.name, Math.round((c.result.startup.years.find((y) => y.year === year)?.occupancy ?? 0) * 1000) / 10])),
            }))}
            dataKey="år"
            series={scenarios.map((s, i) => ({ name: s.name, color: ['blue.6', 'orange.6', 'teal.6', 'grape.6'][i]! }))}
            valueFormatter={(v) => `${v.toLocaleString('da-DK')} %`}
            yAxisProps={{ domain: [0, 100] }}
            withLegend
          />
        </Panel>
      </SimpleGrid>

      <Panel title="Kommunernes andel i alt">
        <Table fz="sm" verticalSpacing={3} striped data-testid="comparison-municipalities" style={{ fontVariantNumeric: 'tabular-nums' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kommune</Table.Th>
              {scenarios.map((s) => (
                <Table.Th key={s.id} ta="right">{s.name}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {municipalities.map((name) => {
              const first = computed[0]!.result.startup.totals.perMunicipality[name] ?? 0;
              return (
                <Table.Tr key={name}>
                  <Table.Td>{name}</Table.Td>
                  {computed.map((c, i) => {
                    const part = c.result.startup.totals.perMunicipality[name] ?? 0;
                    return (
                      <Table.Td key={i} ta="right">
                        {formatKroner(part)}
                        {i > 0 && part !== first && <Text span size="xs" c="dimmed"> ({formatDifference('øre', part - first)})</Text>}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Panel>
    </Stack>
  );
}
