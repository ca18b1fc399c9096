import { Box, SimpleGrid } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { memo } from 'react';
import { formatKroner } from '../../../../shared/format';
import type { StartupScenarioResult } from '../../../../shared/logic/tariff/startup';
import { STILL } from './charts';
import { shortName } from './key';
import { Panel } from './Panel';

const wholeKroner = (kr: number) => formatKroner(Math.round(kr) * 100);

/** Occupancy per ramp-up year, and what is to be covered each year split between Region and municipalities. */
export const RampUpCharts = memo(function RampUpCharts({ startup }: { startup: StartupScenarioResult }) {
  const rows = [{ label: 'Opstart', ...startup.startup }, ...startup.years.map((y) => ({ label: String(y.year), ...y }))];
  return (
      <SimpleGrid type="container" cols={{ base: 1, '640px': 2 }} spacing="md">
        <Panel title="Belægning i opstarten">
          <BarChart
            barProps={STILL}
            h={180}
            data={startup.years.map((y) => ({ år: String(y.year), Belægning: Math.round(y.occupancy * 1000) / 10 }))}
            dataKey="år"
            series={[{ name: 'Belægning', color: 'blue.6' }]}
            valueFormatter={(v) => `${v.toLocaleString('da-DK')} %`}
            yAxisProps={{ domain: [0, 100] }}
            withTooltip
            tickLine="y"
          />
        </Panel>
        <Panel title="At dække pr. år">
          <BarChart
            barProps={STILL}
            h={180}
            type="stacked"
            data={rows.map((r) => ({ år: r.label, Regionen: r.regionPart / 100, Kommunerne: r.municipalPart / 100 }))}
            dataKey="år"
            series={[
              { name: 'Kommunerne', color: 'teal.6' },
              { name: 'Regionen', color: 'grape.5' },
            ]}
            valueFormatter={wholeKroner}
            yAxisProps={{ width: 80, tickFormatter: (v: number) => `${(v / 1_000_000).toLocaleString('da-DK')} mio.` }}
            withLegend
            tickLine="y"
          />
        </Panel>
      </SimpleGrid>
  );
});

/** Each municipality's part of the total, as bars. */
export const MunicipalityChart = memo(function MunicipalityChart({ perMunicipality }: { perMunicipality: Record<string, number> }) {
  return (
          <Box>
            <BarChart
              barProps={STILL}
              h={Math.max(200, 26 * Object.keys(perMunicipality).length)}
              orientation="vertical"
              data={Object.entries(perMunicipality).map(([name, part]) => ({ kommune: shortName(name), Andel: part / 100 }))}
              dataKey="kommune"
              series={[{ name: 'Andel', color: 'teal.6' }]}
              valueFormatter={wholeKroner}
              yAxisProps={{ width: 110, interval: 0 }}
              xAxisProps={{ tickFormatter: (v: number) => `${(v / 1_000_000).toLocaleString('da-DK')} mio.` }}
              gridAxis="x"
            />
          </Box>
  );
});
