import { Group, Table, Text } from '@mantine/core';
import { CALCULATOR_PRESETS, type IndexProjectionPreset } from '../../../../../shared/presets/calculators';
import { formatKroner, formatNumber } from '../../../../../shared/format';
import { PRICE_WAGE_FACTORS, projectBudget } from '../../../../../shared/logic/tariff/index-projection';
import { kroner } from '../../../../../shared/logic/tariff/money';
import { KronerInput } from '../../../components/NumberInputs';
import { asKroner, attempt, CalculatorCard, Columns, Figures, Headline, need, needKroner, Note, NUMERIC, RuleError, signedKroner, YearField, type Entry } from './parts';
import { useCalculatorForm } from './use-form';

interface Form {
  amount: Entry;
  fromYear: Entry;
  toYear: Entry;
}

const INITIAL: Form = { amount: 1_000_000, fromYear: 2021, toYear: 2022 };

const fromPreset = (p: IndexProjectionPreset): Form => ({ amount: asKroner(p.amount), fromYear: p.fromYear, toYear: p.toYear });

/** Pris- og lønfremskrivning: an amount restated in another year's prices with the factors the app knows. */
export function IndexCalculator() {
  const { form, set, preset, loadFrom } = useCalculatorForm<Form, IndexProjectionPreset>(INITIAL);
  const presets = CALCULATOR_PRESETS.indexProjection;
  const projected = attempt(() => projectBudget(needKroner(form.amount, 'Beløb'), need(form.fromYear, 'Fra prisniveau'), need(form.toYear, 'Til prisniveau')));
  const printed = preset?.printed;
  const factors = Object.entries(PRICE_WAGE_FACTORS).sort(([a], [b]) => Number(a) - Number(b));

  return (
    <CalculatorCard
      testId="calculator-index"
      title="Pris- og lønfremskrivning"
      source="Afledt af Socialtilsyn Nords budget 2022 (år 2021 i 2022-priser); Styringsaftalen trykker ingen indeks"
      rule={
        <>
          Et beløb fremskrives fra et års prisniveau til et andet ved at gange årets faktorer sammen (og dele, når der regnes
          tilbage). Resultatet rundes én gang, til hele kroner. Faktorerne er udledt af kildernes tal og skal erstattes af KL’s og
          Danske Regioners officielle satser, efterhånden som sekretariatet kender dem.
        </>
      }
      presets={presets}
      onPreset={loadFrom(presets, fromPreset)}
      loaded={preset}
    >
      <Columns
        inputs={
          <>
            <KronerInput label="Beløb" value={form.amount} onChange={(amount) => set({ amount })} />
            <Group grow gap="xs">
              <YearField label="Fra prisniveau" value={form.fromYear} onChange={(fromYear) => set({ fromYear })} />
              <YearField label="Til prisniveau" value={form.toYear} onChange={(toYear) => set({ toYear })} />
            </Group>
            <Table fz="sm" verticalSpacing={3} horizontalSpacing="xs" aria-label="Kendte faktorer" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Fra år til år</Table.Th>
                  <Table.Th ta="right">Faktor</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {factors.map(([year, factor]) => (
                  <Table.Tr key={year}>
                    <Table.Td>{Number(year) - 1} → {year}</Table.Td>
                    <Table.Td ta="right" style={NUMERIC}>{formatNumber(factor)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        }
        results={
          !projected.ok ? (
            <RuleError message={projected.message} />
          ) : (
            <>
              <Headline label={`I ${typeof form.toYear === 'number' ? form.toYear : ''}-priser`} value={formatKroner(projected.value)} testId="index-projected" />
              {printed && (
                <>
                  <Figures
                    rows={[
                      { label: `${formatKroner(kroner(printed.amount))} fremskrevet`, value: formatKroner(projected.value), printed: formatKroner(kroner(printed.projected)), matches: projected.value === kroner(printed.projected) },
                      { label: 'Trykt − beregnet', value: signedKroner(kroner(printed.projected) - projected.value) },
                    ]}
                  />
                  <Note>
                    Faktoren 1,0169 er afrundet til fire decimaler fra budgettets egne tal, så fremskrivningen rammer de trykte beløb inden for
                    nogle hundrede kroner.
                  </Note>
                </>
              )}
              {!printed && <Text size="sm" c="dimmed">Rundet til hele kroner.</Text>}
            </>
          )
        }
      />
    </CalculatorCard>
  );
}
