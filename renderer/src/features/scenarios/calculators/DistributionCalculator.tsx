import { Box, Group, Stack, Table, Text } from '@mantine/core';
import { CALCULATOR_PRESETS, type ObjectiveFinancingPreset } from '../../../../../shared/presets/calculators';
import { REFERENCE_ORGANISATIONS } from '../../../../../shared/domain/reference-data';
import type { Organisation } from '../../../../../shared/domain/organisation';
import { formatInteger, formatKroner, formatPercent, formatQuarter } from '../../../../../shared/format';
import { printedDistributionCheck } from '../../../../../shared/logic/tariff/distribution';
import { kroner } from '../../../../../shared/logic/tariff/money';
import { averagePerUnit, objectiveFinancing } from '../../../../../shared/logic/tariff/objective-financing';
import { useReference } from '../../../stores/reference';
import { KronerInput } from '../../../components/NumberInputs';
import { asKroner, attempt, CalculatorCard, Figures, need, needKroner, Note, NumberField, NUMERIC, Printed, RuleError, signedKroner, type Entry, type PresetOption } from './parts';
import { useCalculatorForm } from './use-form';

interface Form {
  total: Entry;
  keyLabel: string;
  rows: { name: string; weight: Entry }[];
}

const POPULATION: PresetOption = {
  id: 'population',
  name: 'Befolkningstal for de 11 kommuner (som under Indstillinger)',
  source: 'Indstillinger → Kommuner og region',
};

/** The municipalities' population as entered under Indstillinger, or the reference data until that has loaded. */
function populationForm(organisations: readonly Organisation[], total: Entry): Form {
  const fromSettings = organisations.filter((o) => o.kind === 'kommune' && o.population);
  if (fromSettings.length > 0) {
    const quarters = new Set(fromSettings.map((o) => o.population!.quarter));
    return {
      total,
      keyLabel: quarters.size === 1 ? `Befolkningstal pr. ${formatQuarter([...quarters][0]!)}` : 'Befolkningstal',
      rows: fromSettings.map((o) => ({ name: o.name, weight: o.population!.count })),
    };
  }
  return {
    total,
    keyLabel: `Befolkningstal pr. ${formatQuarter('2021K2')}`,
    rows: REFERENCE_ORGANISATIONS.filter((o) => o.kind === 'kommune').map((o) => ({ name: o.name, weight: o.population['2021K2'] ?? '' })),
  };
}

const fromPreset = (p: ObjectiveFinancingPreset): Form => ({
  total: asKroner(p.input.budget),
  keyLabel: p.keyLabel,
  rows: (p.input.coverageArea ?? Object.keys(p.input.weights)).map((name) => ({ name, weight: p.input.weights[name] ?? '' })),
});

/** Objektiv finansiering / fordeling: a total over the municipalities by a key, in whole kroner that add up exactly. */
export function DistributionCalculator() {
  const organisations = useReference((s) => s.organisations);
  const { form, set, preset, load } = useCalculatorForm<Form, ObjectiveFinancingPreset | (PresetOption & { printed?: undefined; average?: undefined })>(
    populationForm(organisations, 1_000_000),
  );
  const presets = CALCULATOR_PRESETS.objectiveFinancing;

  const result = attempt(() => {
    const budget = needKroner(form.total, 'Beløb, der skal fordeles');
    const weights: Record<string, number> = {};
    for (const row of form.rows) weights[row.name] = need(row.weight, `Nøgle for ${row.name}`);
    return objectiveFinancing({ budget, weights });
  });

  const printed = preset?.printed;
  const printedParts = printed ? Object.fromEntries(Object.entries(printed.parts).map(([name, kr]) => [name, kroner(kr)])) : null;
  const check = printed && printedParts ? printedDistributionCheck(printedParts, kroner(printed.total)) : null;
  const weightSum = form.rows.reduce((sum, row) => sum + (typeof row.weight === 'number' ? row.weight : 0), 0);
  const setWeight = (i: number, weight: Entry) => set({ rows: form.rows.map((row, j) => (j === i ? { ...row, weight } : row)) });

  return (
    <CalculatorCard
      testId="calculator-distribution"
      title="Objektiv finansiering og fordeling"
      source="Styringsaftale 2022, afsnit 4.2; Socialtilsyn Nords plejefamilieafdeling"
      rule={
        <>
          Et beløb fordeles på kommunerne efter en nøgle (fx befolkningstal eller 0–17-årige pr. 2. kvartal året før budgetåret):
          hver kommune betaler beløb × egen andel af nøglen. Beløbene gives i hele kroner efter største brøkdels metode, så de altid
          summerer præcist til totalen. Mødepapirerne afrunder hver række for sig, så deres rækker kan ramme et par kroner ved siden af.
        </>
      }
      presets={[...presets, POPULATION]}
      onPreset={(id) => {
        const p = presets.find((x) => x.id === id);
        if (p) load(p, fromPreset(p));
        else if (id === POPULATION.id) load(POPULATION, populationForm(organisations, typeof form.total === 'number' ? form.total : 1_000_000));
      }}
      loaded={preset}
    >
      <Group align="flex-end" gap="lg" wrap="wrap">
        <KronerInput label="Beløb, der skal fordeles" value={form.total} onChange={(total) => set({ total })} w={260} />
        <Text size="sm" c="dimmed" pb={8}>
          Nøgle: {form.keyLabel} · {form.rows.length} kommuner
        </Text>
      </Group>

      {!result.ok && <RuleError message={result.message} />}

      <Table fz="sm" verticalSpacing={3} horizontalSpacing="xs" aria-label="Fordeling på kommuner" data-testid="distribution-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kommune</Table.Th>
            <Table.Th ta="right" w={150}>Nøgle</Table.Th>
            <Table.Th ta="right">Andel</Table.Th>
            <Table.Th ta="right">Beløb</Table.Th>
            {printedParts && <Table.Th ta="right">Trykt</Table.Th>}
            {printedParts && <Table.Th ta="right">Forskel</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {form.rows.map((row, i) => {
            const part = result.ok ? result.value.parts[row.name] : undefined;
            const share = result.ok ? result.value.shares[row.name] : undefined;
            const printedPart = printedParts?.[row.name];
            const difference = part !== undefined && printedPart !== undefined ? printedPart - part : undefined;
            return (
              <Table.Tr key={row.name} data-testid="distribution-row" data-name={row.name}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>
                  <NumberField size="xs" aria-label={`Nøgle for ${row.name}`} value={row.weight} onChange={(weight) => setWeight(i, weight)} />
                </Table.Td>
                <Table.Td ta="right" style={NUMERIC}>{share === undefined ? '' : formatPercent(share)}</Table.Td>
                <Table.Td ta="right" fw={600} style={{ ...NUMERIC, whiteSpace: 'nowrap' }} data-testid="distribution-part">
                  {part === undefined ? '' : formatKroner(part)}
                </Table.Td>
                {printedParts && (
                  <Table.Td ta="right" style={{ ...NUMERIC, whiteSpace: 'nowrap' }}>
                    {printedPart !== undefined && <Printed value={formatKroner(printedPart)} matches={difference === 0} />}
                  </Table.Td>
                )}
                {printedParts && (
                  <Table.Td ta="right" c={difference ? 'orange.9' : 'dimmed'} style={{ ...NUMERIC, whiteSpace: 'nowrap' }}>
                    {difference === undefined ? '' : difference === 0 ? '–' : signedKroner(difference)}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>I alt</Table.Th>
            <Table.Th ta="right" style={NUMERIC} pr="sm">{formatInteger(weightSum)}</Table.Th>
            <Table.Th ta="right" style={NUMERIC}>{result.ok ? formatPercent(1) : ''}</Table.Th>
            <Table.Th ta="right" style={{ ...NUMERIC, whiteSpace: 'nowrap' }} data-testid="distribution-sum">
              {result.ok ? formatKroner(Object.values(result.value.parts).reduce((sum, part) => sum + part, 0)) : ''}
            </Table.Th>
            {check && (
              <Table.Th ta="right" style={{ ...NUMERIC, whiteSpace: 'nowrap' }}>
                <Printed value={formatKroner(check.printedSum)} matches={check.difference === 0} />
              </Table.Th>
            )}
            {check && (
              <Table.Th ta="right" c={check.difference ? 'orange.9' : 'dimmed'} style={{ ...NUMERIC, whiteSpace: 'nowrap' }}>
                {check.difference === 0 ? '–' : signedKroner(check.difference)}
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Tfoot>
      </Table>

      {check && printed && (
        <Stack gap="sm">
          <Note color={check.difference === 0 ? 'teal' : 'orange'} title="De trykte tal">
            <span data-testid="distribution-printed-check">{printedSumText(check.printedSum, check.difference)}</span>{' '}
            {check.difference !== 0 && 'Papiret afrunder hver kommune for sig; appens beløb summerer altid til totalen.'}
          </Note>
          {preset?.average && printed.average !== undefined && (
            <AverageFigure total={preset.average.total} units={preset.average.units} printed={printed.average} />
          )}
        </Stack>
      )}
    </CalculatorCard>
  );
}

function printedSumText(printedSum: number, difference: number): string {
  if (difference === 0) return `De trykte rækker summerer præcist til totalen, ${formatKroner(printedSum)}.`;
  const off = formatKroner(Math.abs(difference));
  return `De trykte rækker summerer til ${formatKroner(printedSum)}, ${off} ${difference < 0 ? 'under' : 'over'} totalen.`;
}

function AverageFigure({ total, units, printed }: { total: number; units: number; printed: number }) {
  const average = attempt(() => averagePerUnit(total, units));
  if (!average.ok) return <RuleError message={average.message} />;
  return (
    <Box maw={560}>
      <Figures
        caption="Gennemsnitspris"
        rows={[
          {
            label: `Gennemsnitspris pr. plejefamilie (${formatInteger(units)} plejefamilier)`,
            value: formatKroner(average.value),
            printed: formatKroner(kroner(printed)),
            matches: average.value === kroner(printed),
          },
        ]}
      />
    </Box>
  );
}
