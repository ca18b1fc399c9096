import { SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { CALCULATOR_PRESETS, type PaybackPreset } from '../../../../../shared/presets/calculators';
import { formatKroner, formatPercent } from '../../../../../shared/format';
import { kroner } from '../../../../../shared/logic/tariff/money';
import { impliedPlaces, paybackIncrease, paybackYears, perResidentYearCost } from '../../../../../shared/logic/tariff/payback';
import { KronerInput } from '../../../components/NumberInputs';
import { asKroner, asPercent, attempt, CalculatorCard, Columns, decimals, Figures, Headline, need, needFraction, needKroner, NumberField, PercentField, RuleError, Section, type Entry, type FigureRow } from './parts';
import { CALCULATOR_RULES } from './rules';
import { useCalculatorForm } from './use-form';

interface Form {
  amount: Entry;
  placesFrom: 'direct' | 'plan';
  places: Entry;
  planAmount: Entry;
  planIncrease: Entry;
  planYears: Entry;
  increase: Entry;
  years: Entry;
  refund: Entry;
}

const INITIAL: Form = {
  amount: 1_000_000,
  placesFrom: 'direct',
  places: 20,
  planAmount: '',
  planIncrease: '',
  planYears: '',
  increase: 50,
  years: 5,
  refund: 50,
};

function fromPreset(p: PaybackPreset): Form {
  return {
    amount: asKroner(p.keepPeriod.amount),
    placesFrom: 'plan',
    places: p.keepPeriod.places,
    planAmount: asKroner(p.firstPlan.amount),
    planIncrease: asKroner(p.firstPlan.increase),
    planYears: p.firstPlan.years,
    increase: asKroner(p.extendPeriod.increase),
    years: p.keepPeriod.years,
    refund: asPercent(p.perResident[0]?.options.refundShare ?? 0.5),
  };
}

/** Tilbagebetaling via takstforhøjelse: how long an increase takes to repay an amount, or which increase repays it in time. */
export function PaybackCalculator() {
  const { form, set, preset, loadFrom } = useCalculatorForm<Form, PaybackPreset>(INITIAL);
  const presets = CALCULATOR_PRESETS.payback;

  const places = attempt(() =>
    form.placesFrom === 'plan'
      ? impliedPlaces({ rules: CALCULATOR_RULES, amount: needKroner(form.planAmount, 'Beløb i planen'), increase: needKroner(form.planIncrease, 'Takststigning i planen'), years: need(form.planYears, 'Antal år i planen') })
      : need(form.places, 'Belagte pladser'),
  );
  const amount = attempt(() => needKroner(form.amount, 'Beløb, der skal tilbagebetales'));
  const refundShare = attempt(() => needFraction(form.refund, 'Refusion'));

  const byYears = attempt(() => {
    if (!places.ok) throw new RangeError(places.message);
    if (!amount.ok) throw new RangeError(amount.message);
    const increase = needKroner(form.increase, 'Takststigning pr. døgn');
    return { increase, ...paybackYears({ rules: CALCULATOR_RULES, amount: amount.value, increase, places: places.value }) };
  });
  const byIncrease = attempt(() => {
    if (!places.ok) throw new RangeError(places.message);
    if (!amount.ok) throw new RangeError(amount.message);
    const years = need(form.years, 'Antal år');
    return { years, ...paybackIncrease({ rules: CALCULATOR_RULES, amount: amount.value, years, places: places.value }) };
  });
  const perResident = (increase: number) =>
    attempt(() => {
      if (!refundShare.ok) throw new RangeError(refundShare.message);
      return perResidentYearCost(increase, { rules: CALCULATOR_RULES, refundShare: refundShare.value });
    });

  const printed = preset?.printed;
  const residentRows = (increase: number, printedGross?: number, printedNet?: number): FigureRow[] => {
    const cost = perResident(increase);
    if (!cost.ok) return [{ label: cost.message, value: '' }];
    const share = refundShare.ok ? formatPercent(refundShare.value, 0) : '';
    return [
      { label: `365 × ${formatKroner(increase)} pr. helårsbeboer`, value: formatKroner(cost.value.gross), ...printedKr(cost.value.gross, printedGross) },
      { label: `Efter ${share} refusion`, value: formatKroner(cost.value.net), ...printedKr(cost.value.net, printedNet), strong: true },
    ];
  };

  return (
    <CalculatorCard
      testId="calculator-payback"
      title="Tilbagebetaling via takstforhøjelse"
      source="Svenstrupgård, FU 15.5.2020 og DAS 25.03.2021; refusion efter serviceloven"
      rule={
        <>
          En takststigning pr. døgn betaler et beløb tilbage over et antal år: beløb = stigning × 365 × belagte pladser × år (lineært,
          uden rente). Antal år rundes til nærmeste hele år, stigningen til hele kroner. Betalingskommunen får 50 % refusion af
          forsorgshjemsophold, så nettoudgiften pr. helårsbeboer er det halve af 365 × stigningen.
        </>
      }
      presets={presets}
      onPreset={loadFrom(presets, fromPreset)}
      loaded={preset}
    >
      <Columns
        inputs={
          <>
            <KronerInput label="Beløb, der skal tilbagebetales" value={form.amount} onChange={(amount) => set({ amount })} />
            <Section title="Belagte pladser">
              <SegmentedControl
                aria-label="Belagte pladser"
                fullWidth
                size="xs"
                value={form.placesFrom}
                onChange={(v) => set({ placesFrom: v === 'plan' ? 'plan' : 'direct' })}
                data={[
                  { value: 'direct', label: 'Angiv antal' },
                  { value: 'plan', label: 'Udled af første plan' },
                ]}
              />
              {form.placesFrom === 'direct' ? (
                <NumberField label="Belagte pladser (helårsbeboere)" value={form.places} onChange={(v) => set({ places: v })} />
              ) : (
                <Stack gap="xs">
                  <KronerInput label="Beløb i planen" value={form.planAmount} onChange={(v) => set({ planAmount: v })} />
                  <SimpleGrid cols={2} spacing="xs">
                    <KronerInput label="Takststigning i planen" value={form.planIncrease} onChange={(v) => set({ planIncrease: v })} />
                    <NumberField label="Antal år i planen" value={form.planYears} onChange={(v) => set({ planYears: v })} />
                  </SimpleGrid>
                  <Text size="xs" c="dimmed" data-testid="payback-implied-places">
                    {places.ok ? `Planen svarer til ${decimals(places.value, 2)} belagte pladser (beløb ÷ (stigning × 365 × år)).` : ''}
                  </Text>
                </Stack>
              )}
            </Section>
            <Section title="De to muligheder">
              <SimpleGrid cols={2} spacing="xs">
                <KronerInput label="Takststigning pr. døgn" value={form.increase} onChange={(v) => set({ increase: v })} />
                <NumberField label="Antal år" value={form.years} onChange={(v) => set({ years: v })} />
              </SimpleGrid>
            </Section>
            <PercentField label="Refusion til betalingskommunen" value={form.refund} onChange={(v) => set({ refund: v })} />
          </>
        }
        results={
          <>
            {!places.ok ? (
              <RuleError message={places.message} />
            ) : (
              <>
                <Section title="Behold stigningen, forlæng perioden">
                  {byYears.ok ? (
                    <>
                      <Headline
                        label={`Tilbagebetalingstid ved ${formatKroner(byYears.value.increase)} pr. døgn`}
                        value={`${byYears.value.years} år`}
                        testId="payback-years"
                        hint={`${decimals(byYears.value.exactYears, 2)} år beregnet; helt tilbagebetalt efter ${byYears.value.yearsToRepayFully} år; ${formatKroner(byYears.value.annualRepayment)} om året`}
                      />
                      <Figures
                        caption="Ved uændret stigning"
                        rows={[
                          ...(printed ? [{ label: 'Antal år', value: `${byYears.value.years} år`, printed: `${printed.years} år`, matches: byYears.value.years === printed.years }] : []),
                          ...residentRows(byYears.value.increase, printed?.gross, printed?.net),
                        ]}
                      />
                    </>
                  ) : (
                    <RuleError message={byYears.message} />
                  )}
                </Section>
                <Section title="Behold perioden, hæv stigningen">
                  {byIncrease.ok ? (
                    <>
                      <Headline
                        label={`Takststigning pr. døgn over ${decimals(byIncrease.value.years, 2)} år`}
                        value={formatKroner(byIncrease.value.increase)}
                        testId="payback-increase"
                        hint={`${formatKroner(Math.round(byIncrease.value.exactIncrease))} beregnet; ${formatKroner(byIncrease.value.fullyRepayingIncrease)} tilbagebetaler det hele`}
                      />
                      <Figures
                        caption="Ved uændret periode"
                        rows={[
                          ...(printed ? [{ label: 'Takststigning', value: formatKroner(byIncrease.value.increase), ...printedKr(byIncrease.value.increase, printed.increase) }] : []),
                          ...residentRows(byIncrease.value.increase, printed?.grossKeepPeriod, printed?.netKeepPeriod),
                        ]}
                      />
                    </>
                  ) : (
                    <RuleError message={byIncrease.message} />
                  )}
                </Section>
              </>
            )}
          </>
        }
      />
    </CalculatorCard>
  );
}

/** The printed cell of a kroner row: printed in kroner, computed in øre. */
function printedKr(computed: number, printed: number | undefined): Pick<FigureRow, 'printed' | 'matches'> {
  if (printed === undefined) return {};
  return { printed: formatKroner(kroner(printed)), matches: computed === kroner(printed) };
}
