import { SimpleGrid } from '@mantine/core';
import { CALCULATOR_PRESETS, type AtaPreset } from '../../../../../shared/presets/calculators';
import { formatKroner, formatNumber } from '../../../../../shared/format';
import { ataPrice, compareAtaModels } from '../../../../../shared/logic/tariff/ata';
import { kroner } from '../../../../../shared/logic/tariff/money';
import { KronerInput } from '../../../components/NumberInputs';
import { asKroner, asPercent, attempt, CalculatorCard, Columns, Figures, Headline, need, needFraction, needKroner, Note, NumberField, PercentField, RuleError, Section, type Entry } from './parts';
import { useCalculatorForm } from './use-form';

interface Form {
  hourCost: Entry;
  absence: Entry;
  shift: Entry;
  vfo: Entry;
  hoursPerDay: Entry;
  days: Entry;
}

const INITIAL: Form = { hourCost: 250, absence: 30, shift: 0, vfo: 5, hoursPerDay: 1, days: 5 };

const fromPreset = (p: AtaPreset): Form => ({
  hourCost: asKroner(p.input.hourCost),
  absence: asPercent(p.input.absence),
  shift: asPercent(p.input.shift),
  vfo: asPercent(p.input.vfo),
  hoursPerDay: p.hoursPerDay,
  days: p.days,
});

/** ATA-timepris (Bilag 2): the hourly rate of a supplementary service and its price for a period. */
export function AtaCalculator() {
  const { form, set, preset, loadFrom } = useCalculatorForm<Form, AtaPreset>(INITIAL);
  const presets = CALCULATOR_PRESETS.ata;

  const rates = attempt(() =>
    compareAtaModels({
      hourCost: needKroner(form.hourCost, 'Timeomkostning'),
      absence: needFraction(form.absence, 'Fravær'),
      shift: needFraction(form.shift, 'Døgnkoefficient'),
      vfo: needFraction(form.vfo, 'Variable følgeomkostninger'),
    }),
  );
  const price = attempt(() => {
    if (!rates.ok) throw new RangeError(rates.message);
    return ataPrice({ rate: rates.value.effective, hoursPerDay: need(form.hoursPerDay, 'Timer pr. dag'), days: need(form.days, 'Antal dage') });
  });
  const printed = preset?.printed;

  return (
    <CalculatorCard
      testId="calculator-ata"
      title="ATA-timepris for tillægsydelser"
      source="Styringsaftale 2022, Bilag 2 (ansigt-til-ansigt-timer)"
      rule={
        <>
          En tillægsydelse kan prissættes pr. ATA-time: 60 minutter direkte med borgeren. Timeprisen er timeomkostningen (løn inkl.
          pension, ATP og særlig feriegodtgørelse) × (1 + fravær + døgnkoefficient + variable følgeomkostninger). Døgnkoefficienten
          gælder timer uden for hverdage kl. 6–17. Prisen for en periode er timepris × timer pr. dag × dage.
        </>
      }
      presets={presets}
      onPreset={loadFrom(presets, fromPreset)}
      loaded={preset}
    >
      <Columns
        inputs={
          <>
            <KronerInput label="Timeomkostning" description="Løn inkl. ferie og pension pr. time" value={form.hourCost} onChange={(hourCost) => set({ hourCost })} />
            <Section title="Tillæg til timeomkostningen">
              <PercentField inline label="Fravær (ferie, sygdom, kurser, møder)" value={form.absence} onChange={(absence) => set({ absence })} />
              <PercentField inline label="Døgnkoefficient (d)" value={form.shift} onChange={(shift) => set({ shift })} />
              <PercentField inline label="Variable følgeomkostninger (vfo)" value={form.vfo} onChange={(vfo) => set({ vfo })} />
            </Section>
            <Section title="Ydelsen">
              <SimpleGrid cols={2} spacing="xs">
                <NumberField label="ATA-timer pr. dag" value={form.hoursPerDay} onChange={(hoursPerDay) => set({ hoursPerDay })} />
                <NumberField label="Antal dage" value={form.days} onChange={(days) => set({ days })} />
              </SimpleGrid>
            </Section>
          </>
        }
        results={
          !rates.ok ? (
            <RuleError message={rates.message} />
          ) : (
            <>
              <Headline label="ATA-timepris" value={formatKroner(rates.value.effective)} testId="ata-rate" />
              {price.ok ? (
                <Headline
                  label="Pris for perioden"
                  value={formatKroner(price.value)}
                  testId="ata-price"
                  hint={`${typeof form.days === 'number' ? formatNumber(form.days) : ''} dage × ${typeof form.hoursPerDay === 'number' ? formatNumber(form.hoursPerDay) : ''} time × ${formatKroner(rates.value.effective)}`}
                />
              ) : (
                <RuleError message={price.message} />
              )}
              <Figures
                rows={[
                  {
                    label: 'Timepris',
                    value: formatKroner(rates.value.effective),
                    ...(printed ? { printed: formatKroner(kroner(printed.rate)), matches: rates.value.effective === kroner(printed.rate) } : {}),
                  },
                  ...(price.ok
                    ? [{ label: 'Pris for perioden', value: formatKroner(price.value), ...(printed ? { printed: formatKroner(kroner(printed.price)), matches: price.value === kroner(printed.price) } : {}) }]
                    : []),
                  { label: 'Efter den trykte formel uden fravær', value: formatKroner(rates.value.printedModel) },
                ]}
              />
              <Note>
                Bilag 2 trykker formlen timeomkostning × (1 + d + vfo) uden fravær, men eksemplet lægger fraværet til som et fjerde led. Appen
                regner som eksemplet; uden fravær ville timeprisen være {formatKroner(rates.value.difference)} lavere.
              </Note>
            </>
          )
        }
      />
    </CalculatorCard>
  );
}
