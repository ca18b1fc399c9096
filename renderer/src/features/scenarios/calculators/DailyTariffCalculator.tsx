import { Alert, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { CALCULATOR_PRESETS, type DailyTariffPreset } from '../../../../../shared/presets/calculators';
import { formatKroner, formatNumber } from '../../../../../shared/format';
import { annualCostPerPlace, dailyTariff } from '../../../../../shared/logic/tariff/daily-tariff';
import { occupancyWarnings, type OfferKind } from '../../../../../shared/logic/tariff/occupancy';
import { KronerInput } from '../../../components/NumberInputs';
import { asKroner, asPercent, attempt, CalculatorCard, Columns, Figures, Headline, need, needFraction, needKroner, Note, NumberField, PercentField, RuleError, Section, type Entry } from './parts';
import { CALCULATOR_RULES } from './rules';
import { useCalculatorForm } from './use-form';

interface Form {
  budget: Entry;
  places: Entry;
  occupancy: Entry;
  kind: OfferKind;
}

const INITIAL: Form = { budget: 10_000_000, places: 12, occupancy: 96, kind: 'normal' };

const fromPreset = (p: DailyTariffPreset): Form => ({ budget: asKroner(p.input.budget), places: p.input.places, occupancy: asPercent(p.input.occupancy), kind: p.kind });

/** Døgntakst (5.1, 5.2): the tariff from the budget, the places and the budgeted occupancy, with the occupancy band. */
export function DailyTariffCalculator() {
  const { form, set, preset, loadFrom } = useCalculatorForm<Form, DailyTariffPreset>(INITIAL);
  const presets = CALCULATOR_PRESETS.dailyTariff;

  const computed = attempt(() => {
    const input = { rules: CALCULATOR_RULES, budget: needKroner(form.budget, 'Takstberegningsgrundlag'), places: need(form.places, 'Antal pladser'), occupancy: needFraction(form.occupancy, 'Budgetteret belægning') };
    const tariff = dailyTariff(input);
    return {
      tariff,
      days: input.places * CALCULATOR_RULES.daysPerYear * input.occupancy,
      annual: annualCostPerPlace(tariff, CALCULATOR_RULES),
      warnings: occupancyWarnings(input.occupancy, form.kind, CALCULATOR_RULES),
    };
  });

  return (
    <CalculatorCard
      testId="calculator-daily-tariff"
      title="Døgntakst"
      source="Styringsaftale 2022, afsnit 5.1 (takståret) og 5.2 (budgetteret belægning)"
      rule={
        <>
          Døgntaksten er takstberegningsgrundlaget delt med de belagte døgn: pladser × 365 × budgetteret belægning. Året regnes altid
          som 365 dage, også i skudår. Dag- og døgntilbud forventes budgetteret med 95–100 % belægning (anbefalet 95–98 %);
          korttids-, akut- og aflastningstilbud med mindst 90 %. Et nyt tilbud må i første driftsår budgettere med den forventede,
          lavere belægning (afsnit 6.1.2).
        </>
      }
      presets={presets}
      onPreset={loadFrom(presets, fromPreset)}
      loaded={preset}
    >
      <Columns
        inputs={
          <>
            <KronerInput label="Takstberegningsgrundlag" description="Årets budget for tilbuddet" value={form.budget} onChange={(budget) => set({ budget })} />
            <NumberField label="Antal pladser" value={form.places} onChange={(places) => set({ places })} />
            <PercentField label="Budgetteret belægning" description="Over 0 % og højst 100 %" value={form.occupancy} onChange={(occupancy) => set({ occupancy })} />
            <Section title="Tilbudstype">
              <SegmentedControl
                aria-label="Tilbudstype"
                fullWidth
                size="xs"
                value={form.kind}
                onChange={(v) => set({ kind: v === 'short-stay' ? 'short-stay' : 'normal' })}
                data={[
                  { value: 'normal', label: 'Dag- og døgntilbud' },
                  { value: 'short-stay', label: 'Korttid, akut, aflastning' },
                ]}
              />
            </Section>
          </>
        }
        results={
          !computed.ok ? (
            <RuleError message={computed.message} />
          ) : (
            <>
              <Headline label="Døgntakst" value={formatKroner(computed.value.tariff)} testId="daily-tariff" hint="rundet til hele øre" />
              <Figures
                rows={[
                  { label: 'Belagte døgn om året', value: formatNumber(Math.round(computed.value.days * 100) / 100) },
                  { label: 'Årlig pris pr. helårsplads (takst × 365)', value: formatKroner(computed.value.annual) },
                ]}
              />
              <Stack gap="xs" data-testid="occupancy-warnings">
                {computed.value.warnings.length === 0 ? (
                  <Text size="sm" c="teal.8" style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
                    <IconCircleCheck size={16} /> Belægningen ligger i det anbefalede interval.
                  </Text>
                ) : (
                  computed.value.warnings.map((w) => (
                    <Alert
                      key={w.message}
                      color={w.severity === 'warning' ? 'yellow' : 'blue'}
                      variant="light"
                      p="sm"
                      icon={w.severity === 'warning' ? <IconAlertTriangle size={18} /> : <IconInfoCircle size={18} />}
                    >
                      <Text size="sm">{w.message}</Text>
                    </Alert>
                  ))
                )}
              </Stack>
              {preset?.note && <Note>{preset.note}</Note>}
            </>
          )
        }
      />
    </CalculatorCard>
  );
}
