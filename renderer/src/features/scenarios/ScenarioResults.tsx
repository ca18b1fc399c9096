import { Alert, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { memo } from 'react';
import type { ScenarioInput } from '../../../../shared/domain/scenario';
import { formatKroner, formatNumber, formatPercent } from '../../../../shared/format';
import type { ScenarioResult } from '../../../../shared/logic/tariff/scenario';
import { shortName } from './key';
import { Panel } from './Panel';
import { MunicipalityChart, RampUpCharts } from './ScenarioCharts';
import { T } from './texts';

const kroner = (ore: number) => formatKroner(ore);
/** Amounts in a table whose heading says «Beløb i kr.»: the unit once, not in every cell (as the DAS papers print). */
const amount = (ore: number) => formatNumber(ore / 100);
const NUMBERS = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The figures a manager reads first, and every inconsistency: shown above the tabs, so they stay in view. */
export function KeyFigures({ input, result, stale }: { input: ScenarioInput; result: ScenarioResult; stale: boolean }) {
  const { startup } = result;
  return (
    <Stack gap="sm" style={{ opacity: stale ? 0.55 : 1 }}>
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm">
        <Figure label="Døgntakst" value={kroner(result.dailyTariff)} testId="figure-daily-tariff" hint={`ved ${formatPercent(input.occupancy, 1)} belægning`} />
        <Figure label="Samlet at dække" value={kroner(startup.totals.amount)} testId="figure-total" hint={`opstart ${kroner(startup.totals.startupCosts)} + underskud ${kroner(startup.totals.operatingDeficit)}`} />
        <Figure label="Regionen" value={kroner(startup.totals.regionPart)} testId="figure-region" hint={`${formatPercent(input.split.regionShare, 0)} af det samlede`} />
        <Figure label="Kommunerne" value={kroner(startup.totals.municipalPart)} testId="figure-municipal" hint={`fordelt på ${Object.keys(startup.totals.perMunicipality).length} kommuner`} />
      </SimpleGrid>
      {result.warnings.length > 0 ? (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={`${T.warnings} (${result.warnings.length})`} data-testid="scenario-warnings" py="xs">
          <Stack gap={2} component="ul" m={0} pl="md">
            {result.warnings.map((w) => (
              <Text component="li" size="sm" key={w}>{w}</Text>
            ))}
          </Stack>
        </Alert>
      ) : (
        <Group gap={6} c="teal.8">
          <IconCircleCheck size={16} />
          <Text size="sm">{T.noWarnings}</Text>
        </Group>
      )}
    </Stack>
  );
}

/** The details behind the key figures: level revenue, the ramp-up, the years and the municipalities. */
export const ScenarioResults = memo(function ScenarioResults({ input, result, stale }: { input: ScenarioInput; result: ScenarioResult; stale: boolean }) {
  const { startup } = result;
  const rows = [{ label: 'Opstart', ...startup.startup }, ...startup.years.map((y) => ({ label: String(y.year), ...y }))];
  // The charts are the slowest part to draw: they follow once the typing pauses, the tables at once.
  const [settled] = useDebouncedValue(result, 250);
  return (
    <Stack gap="md" style={{ opacity: stale ? 0.55 : 1 }} data-testid="scenario-results">
      {result.levelRevenue !== null && (
        <Panel title="Takstniveauer">
          <Text size="sm">
            Indtægt ved {formatPercent(input.occupancy, 1)} belægning: <b>{kroner(result.levelRevenue)}</b>
            {result.revenueGap !== null && result.revenueGap !== 0 && <> – {kroner(Math.abs(result.revenueGap))} {result.revenueGap < 0 ? 'under' : 'over'} budgettet</>}
          </Text>
        </Panel>
      )}

      <RampUpCharts startup={settled.startup} />

      <Panel title="År for år" hint="Beløb i kr.">
        {/* Scrolls sideways on a narrow window: focusable, so the arrow keys can scroll it too. */}
        <Table.ScrollContainer minWidth={440} type="native" tabIndex={0} role="region" aria-label="År for år">
        <Table fz="xs" verticalSpacing={5} horizontalSpacing={6} data-testid="years-result" style={NUMBERS}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>År</Table.Th>
              <Table.Th ta="right">Belægning</Table.Th>
              <Table.Th ta="right">Underskud</Table.Th>
              <Table.Th ta="right">Regionen</Table.Th>
              <Table.Th ta="right">Kommunerne</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.label}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td ta="right">{'occupancy' in r ? formatPercent(r.occupancy, 0) : ''}</Table.Td>
                <Table.Td ta="right">{amount(r.amount)}</Table.Td>
                <Table.Td ta="right">{amount(r.regionPart)}</Table.Td>
                <Table.Td ta="right">{amount(r.municipalPart)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>I alt</Table.Th>
              <Table.Th />
              <Table.Th ta="right">{amount(startup.totals.amount)}</Table.Th>
              <Table.Th ta="right">{amount(startup.totals.regionPart)}</Table.Th>
              <Table.Th ta="right">{amount(startup.totals.municipalPart)}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
        </Table.ScrollContainer>
      </Panel>

      <Panel title="Kommunernes andel" hint="Beløb i kr., fordelt i hele kroner efter største brøkdels metode, så kommunerne summer præcist til totalen.">
        <SimpleGrid cols={1} spacing="lg">
          <Table fz="sm" verticalSpacing={3} data-testid="municipal-result" style={NUMBERS}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kommune</Table.Th>
                <Table.Th ta="right">Andel</Table.Th>
                <Table.Th ta="right">I alt</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {Object.entries(startup.totals.perMunicipality).map(([name, part]) => (
                <Table.Tr key={name}>
                  <Table.Td>{shortName(name)}</Table.Td>
                  <Table.Td ta="right">{formatPercent(startup.totals.shares[name] ?? 0)}</Table.Td>
                  <Table.Td ta="right">{amount(part)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>I alt</Table.Th>
                <Table.Th ta="right">{formatPercent(1)}</Table.Th>
                <Table.Th ta="right">{amount(startup.totals.municipalPart)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
          <MunicipalityChart perMunicipality={settled.startup.totals.perMunicipality} />
        </SimpleGrid>
      </Panel>
    </Stack>
  );
});

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="lg" fw={700} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Paper>
  );
}
