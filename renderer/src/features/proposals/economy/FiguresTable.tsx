import { Badge, Group, Paper, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState, type ReactNode } from 'react';
import type { ScenarioFigures } from '../../../../../shared/domain/proposal';
import { formatNumber, formatPercent } from '../../../../../shared/format';
import { NUMBERS } from '../texts';

/** An amount in a table headed «Beløb i kr.»: the unit once, not in every cell, as the DAS papers print it. */
const kr = (ore: number | null | undefined) => (ore === null || ore === undefined ? '–' : formatNumber(Math.round(ore) / 100));

interface Row {
  label: ReactNode;
  cells: (s: ScenarioFigures) => ReactNode;
  strong?: boolean;
  /** A cell to mark (a difference that should be zero). */
  alert?: (s: ScenarioFigures) => boolean;
}

function unionOf(lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

/** The version's start-up scenarios side by side, every figure from the engine; the chosen one is marked. */
export function FiguresTable({ scenarios, chosenId }: { scenarios: ScenarioFigures[]; chosenId: string | null }) {
  const [linesOpen, setLinesOpen] = useState(false);
  const levelNames = unionOf(scenarios.map((s) => s.levels.map((l) => l.name)));
  const lineLabels = unionOf(scenarios.map((s) => s.budgetLines.map((l) => l.label)));
  const yearCount = Math.max(0, ...scenarios.map((s) => s.years.length));

  const groups: { title: string; rows: Row[] }[] = [
    {
      title: 'Budget ved fuld drift',
      rows: [
        { label: 'Pladser og belægning', cells: (s) => `${formatNumber(s.places)} · ${formatPercent(s.occupancy, 0)}` },
        { label: 'Driftsudgifter i alt (som angivet)', cells: (s) => kr(s.fullOperationBudgetOre) },
        {
          label: (
            <UnstyledButton onClick={() => setLinesOpen((o) => !o)} aria-expanded={linesOpen} fz="sm">
              <Group gap={4} wrap="nowrap">
                {linesOpen ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                Budgetlinjernes sum (beregnet)
              </Group>
            </UnstyledButton>
          ),
          cells: (s) => kr(s.budgetLinesSumOre),
        },
        ...(linesOpen ? lineLabels.map((label): Row => ({ label: <Text span size="xs" c="dimmed" pl={22}>{label}</Text>, cells: (s) => <Text span size="xs" c="dimmed">{kr(s.budgetLines.find((l) => l.label === label)?.ore)}</Text> })) : []),
        { label: 'Forskel', cells: (s) => difference(s.budgetLinesSumOre - s.fullOperationBudgetOre), alert: (s) => s.budgetLinesSumOre !== s.fullOperationBudgetOre },
        { label: 'Gennemsnitlig døgntakst', cells: (s) => kr(s.dailyTariffOre) },
      ],
    },
    {
      title: 'Takstniveauer (døgntakst)',
      rows: [
        ...levelNames.map((name): Row => ({
          label: name,
          cells: (s) => {
            const level = s.levels.find((l) => l.name === name);
            return level ? <>{kr(level.dailyTariffOre)} <Text span size="xs" c="dimmed">({formatNumber(level.places)} pl.)</Text></> : '–';
          },
        })),
        { label: 'Indtægt ved takstniveauerne', cells: (s) => kr(s.levelRevenueOre) },
      ],
    },
    {
      title: 'Opstart og underskud',
      rows: [
        { label: 'Etablering og opstart', cells: (s) => kr(s.startupCostsOre) },
        ...Array.from({ length: yearCount }, (_, i): Row => {
          const years = [...new Set(scenarios.map((s) => s.years[i]?.year).filter((y) => y !== undefined))];
          return {
            label: <>Driftsår {i + 1}{years.length === 1 && <Text span size="xs" c="dimmed"> ({years[0]})</Text>}</>,
            cells: (s) => {
              const y = s.years[i];
              if (!y) return '–';
              return <>{kr(y.deficitOre)} <Text span size="xs" c="dimmed">({years.length > 1 ? `${y.year}, ` : ''}{formatPercent(y.occupancy, 0)})</Text></>;
            },
          };
        }),
        { label: 'I alt at dække', cells: (s) => kr(s.totalOre), strong: true },
        { label: 'Heraf Regionen', cells: (s) => <>{kr(s.regionTotalOre)} <Text span size="xs" c="dimmed">({formatPercent(s.regionShare, 0)})</Text></> },
        { label: 'Heraf kommunerne', cells: (s) => kr(s.municipalTotalOre) },
      ],
    },
  ];

  const chosenStyle = (s: ScenarioFigures) => (s.scenarioId === chosenId ? { background: 'var(--mantine-color-blue-0)' } : undefined);
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <div>
          <Title order={4}>Scenarierne side om side</Title>
          <Text size="xs" c="dimmed">Beløb i kr. Alle tal er regnet af takstmotoren ud fra scenarierne.</Text>
        </div>
        <Table.ScrollContainer minWidth={230 + 150 * scenarios.length} type="native">
          <Table fz="sm" verticalSpacing={4} horizontalSpacing="xs" data-testid="economy-figures" style={NUMBERS}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={230} />
                {scenarios.map((s, i) => (
                  <Table.Th key={s.scenarioId} ta="right" style={{ ...chosenStyle(s), whiteSpace: 'normal', verticalAlign: 'bottom' }}>
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      <Text size="sm" fw={700}>Scenarie {i + 1}</Text>
                      {s.scenarioId === chosenId && <Badge size="xs" tt="none">Valgt</Badge>}
                    </Group>
                    <Text size="xs" c="dimmed" fw={400}>{s.name}{s.frozenNumber !== null ? ` · v${s.frozenNumber}` : ''}</Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((g) => (
                <Fragment key={g.title}>
                  <Table.Tr>
                    <Table.Td colSpan={scenarios.length + 1} pt="sm" bg="gray.0">
                      <Text size="xs" fw={700} tt="uppercase" c="dimmed">{g.title}</Text>
                    </Table.Td>
                  </Table.Tr>
                  {g.rows.map((row, r) => (
                    <Table.Tr key={r} fw={row.strong ? 700 : undefined}>
                      <Table.Td>{row.label}</Table.Td>
                      {scenarios.map((s) => (
                        <Table.Td key={s.scenarioId} ta="right" style={chosenStyle(s)} c={row.alert?.(s) ? 'red.8' : undefined} data-alert={row.alert?.(s) || undefined}>
                          {row.cells(s)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

function difference(ore: number): string {
  if (ore === 0) return '0';
  return `${ore > 0 ? '+' : '−'}${kr(Math.abs(ore))}`;
}
