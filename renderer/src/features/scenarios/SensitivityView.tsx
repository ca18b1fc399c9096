import { Group, NumberInput, SimpleGrid, Table, Text } from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { STILL } from './charts';
import { memo, useMemo, useState } from 'react';
import type { ScenarioInput } from '../../../../shared/domain/scenario';
import { formatKroner, formatPercent } from '../../../../shared/format';
import { occupancySensitivity } from '../../../../shared/logic/tariff/sensitivity';
import { Panel } from './Panel';

/** Tariff and start-up deficit against occupancy: how much rides on the occupancy the budget assumes. */
export const SensitivityView = memo(function SensitivityView({ input }: { input: ScenarioInput }) {
  const [from, setFrom] = useState(80);
  const [to, setTo] = useState(100);
  const occupancies = useMemo(() => {
    const low = Math.max(1, Math.min(from, to));
    const high = Math.min(100, Math.max(from, to));
    const steps: number[] = [];
    for (let p = low; p <= high + 1e-9; p += high - low >= 20 ? 5 : high - low >= 6 ? 2 : 1) steps.push(Math.round(p) / 100);
    return steps;
  }, [from, to]);
  const points = useMemo(() => occupancySensitivity(input, occupancies), [input, occupancies]);
  const withDeficit = points.some((p) => p.operatingDeficit !== null);

  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md" data-testid="sensitivity">
      <Panel
        title="Døgntakst og underskud efter belægning"
        hint={withDeficit ? 'Underskuddet er opstartsårenes samlede underskud, hvis hvert år havde denne belægning.' : 'Underskuddene er indtastet, så kun døgntaksten følger belægningen.'}
      >
        <Group gap="sm">
          <NumberInput label="Fra" suffix=" %" value={from} onChange={(v) => setFrom(Number(v) || 1)} min={1} max={100} w={100} size="xs" />
          <NumberInput label="Til" suffix=" %" value={to} onChange={(v) => setTo(Number(v) || 100)} min={1} max={100} w={100} size="xs" />
        </Group>
        <LineChart
          lineProps={STILL}
          h={260}
          data={points.map((p) => ({ belægning: formatPercent(p.occupancy, 0), Døgntakst: p.dailyTariff / 100, ...(p.operatingDeficit !== null ? { Underskud: p.operatingDeficit / 100 } : {}) }))}
          dataKey="belægning"
          series={[{ name: 'Døgntakst', color: 'blue.6', yAxisId: 'left' }, ...(withDeficit ? [{ name: 'Underskud', color: 'red.6', yAxisId: 'right' }] : [])]}
          withRightYAxis={withDeficit}
          valueFormatter={(v) => formatKroner(Math.round(v) * 100)}
          yAxisProps={{ width: 80, tickFormatter: (v: number) => `${v.toLocaleString('da-DK')} kr.` }}
          rightYAxisProps={{ width: 80, tickFormatter: (v: number) => `${(v / 1_000_000).toLocaleString('da-DK')} mio.` }}
          withLegend
          curveType="linear"
        />
      </Panel>
      <Panel title="Tabel">
        <Table fz="sm" verticalSpacing={3} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Belægning</Table.Th>
              <Table.Th ta="right">Døgntakst</Table.Th>
              {withDeficit && <Table.Th ta="right">Underskud i opstarten</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p) => (
              <Table.Tr key={p.occupancy} fw={Math.abs(p.occupancy - input.occupancy) < 1e-9 ? 700 : undefined}>
                <Table.Td>{formatPercent(p.occupancy, 0)}</Table.Td>
                <Table.Td ta="right">{formatKroner(p.dailyTariff)}</Table.Td>
                {withDeficit && <Table.Td ta="right">{p.operatingDeficit === null ? '' : formatKroner(p.operatingDeficit)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">Fed skrift: scenariets budgetterede belægning.</Text>
      </Panel>
    </SimpleGrid>
  );
});
