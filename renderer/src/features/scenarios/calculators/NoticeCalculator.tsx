import { SegmentedControl } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { formatLongDate, parseDanishDate, todayIso } from '../../../../../shared/format';
import { noticeBilling, type NoticeKind } from '../../../../../shared/logic/tariff/notice';
import { CALCULATOR_RULES } from './rules';
import { attempt, CalculatorCard, Columns, Figures, Headline, RuleError, Section } from './parts';

/** Calendar days from one ISO date to another, both included. */
function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Opsigelse (7.4): how long the main tariff and the supplementary services are paid after notice. */
export function NoticeCalculator() {
  const [noticeDate, setNoticeDate] = useState<string | null>(todayIso());
  const [endDate, setEndDate] = useState<string | null>(todayIso());
  const [kind, setKind] = useState<NoticeKind>('standard');

  const billing = attempt(() => {
    if (!noticeDate) throw new RangeError('Udfyld «Opsigelsen meddelt».');
    if (!endDate) throw new RangeError('Udfyld «Sidste dag med ydelsen».');
    return noticeBilling({ rules: CALCULATOR_RULES, noticeDate, endDate, kind });
  });

  return (
    <CalculatorCard
      testId="calculator-notice"
      title="Opsigelse"
      source="Styringsaftale 2022, afsnit 7.4"
      rule={
        <>
          Opsigelsen regnes fra den dag, myndigheden har meddelt en endelig slutdato. Der betales fuld takst til udløbet af den løbende
          måned plus en måned – dog altid til opsigelsesdatoen, den sidste dag med ydelsen. Substitutionsbehandling har 14 dages varsel.
          Tillægsydelser betales kun til opsigelsesdatoen.
        </>
      }
    >
      <Columns
        inputs={
          <>
            <DateInput
              label="Opsigelsen meddelt"
              description="Den dag myndigheden meddelte den endelige slutdato"
              valueFormat="D. MMMM YYYY"
              dateParser={(text) => parseDanishDate(text)}
              placeholder="fx 10.03.2021"
              value={noticeDate}
              onChange={setNoticeDate}
            />
            <DateInput
              label="Sidste dag med ydelsen"
              description="Opsigelsesdatoen"
              valueFormat="D. MMMM YYYY"
              dateParser={(text) => parseDanishDate(text)}
              placeholder="fx 20.03.2021"
              value={endDate}
              onChange={setEndDate}
            />
            <Section title="Ydelse">
              <SegmentedControl
                aria-label="Ydelse"
                fullWidth
                size="xs"
                value={kind}
                onChange={(v) => setKind(v === 'substitution' ? 'substitution' : 'standard')}
                data={[
                  { value: 'standard', label: 'Almindelig (løbende måned + 1)' },
                  { value: 'substitution', label: 'Substitution (14 dage)' },
                ]}
              />
            </Section>
          </>
        }
        results={
          !billing.ok ? (
            <RuleError message={billing.message} />
          ) : (
            <>
              <Headline
                label="Hovedtaksten betales til og med"
                value={formatLongDate(billing.value.mainTariffUntil)}
                testId="notice-main-until"
                hint={noticeDate ? `${daysInclusive(noticeDate, billing.value.mainTariffUntil)} dage regnet fra meddelelsen` : undefined}
              />
              <Figures
                rows={[
                  { label: 'Opsigelsesvarslet udløber', value: formatLongDate(billing.value.noticeExpires) },
                  { label: 'Tillægsydelser betales til og med', value: formatLongDate(billing.value.supplementaryUntil) },
                ]}
              />
            </>
          )
        }
      />
    </CalculatorCard>
  );
}
