import { ActionIcon, Button, Divider, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { CALCULATOR_PRESETS, type ResultPreset } from '../../../../../shared/presets/calculators';
import { formatKroner, formatPercent } from '../../../../../shared/format';
import { kroner } from '../../../../../shared/logic/tariff/money';
import { resultLedger, settleResult, type ResultLedgerEntry, type ResultSettlement } from '../../../../../shared/logic/tariff/result';
import { KronerInput } from '../../../components/NumberInputs';
import { asKroner, attempt, CalculatorCard, Columns, Figures, Headline, need, needKroner, Note, NUMERIC, RuleError, signedKroner, YearField, type Entry, type FigureRow } from './parts';
import { CALCULATOR_RULES } from './rules';
import { useCalculatorForm } from './use-form';

interface Row {
  year: Entry;
  basis: Entry;
  result: Entry;
  /** Empty: the maximum (the Styringsaftale's example). */
  setAside: Entry;
}

const THIS_YEAR = new Date().getFullYear();
const INITIAL: Row = { year: THIS_YEAR - 1, basis: 10_000_000, result: 300_000, setAside: '' };

const fromPreset = (p: ResultPreset): Row => ({ year: p.input.year, basis: asKroner(p.input.basis), result: asKroner(p.input.result), setAside: p.input.setAside === undefined ? '' : asKroner(p.input.setAside) });

function entryOf(row: Row, n?: number): ResultLedgerEntry {
  const where = n === undefined ? '' : ` (række ${n})`;
  const entry: ResultLedgerEntry = {
    year: need(row.year, `År${where}`),
    basis: needKroner(row.basis, `Takstberegningsgrundlag${where}`),
    result: needKroner(row.result, `Årets resultat${where}`),
  };
  if (typeof row.setAside === 'number') entry.setAside = kroner(row.setAside);
  return entry;
}

/** Over- og underskud (Styringsaftale 5.3): one year settled, and a ledger over several years. */
export function ResultCalculator() {
  const { form, set, preset, load } = useCalculatorForm<Row, ResultPreset>(INITIAL);
  const [rows, setRows] = useState<Row[]>([INITIAL, { ...INITIAL, year: THIS_YEAR, result: -650_000 }]);
  const presets = CALCULATOR_PRESETS.result;
  const settled = attempt(() => settleResult({ ...entryOf(form), rules: CALCULATOR_RULES }));

  return (
    <CalculatorCard
      testId="calculator-result"
      title="Over- og underskud"
      source="Styringsaftale 2022, afsnit 5.3 (5.3.1 overskud, 5.3.2 underskud)"
      rule={
        <>
          Et års resultat skal i taksten, dog ikke den del, der ligger inden for 5 % af takstberegningsgrundlaget. Af et overskud
          kan driftsherren hensætte op til 5 %; hensættelsen skal bruges inden for 5 år efter året. Resten nedsætter taksten senest
          2 år efter. Et underskud op til 5 % må ikke indgå i taksten og dækkes af effektivisering eller tidligere hensættelser;
          resten forhøjer taksten senest 2 år efter.
        </>
      }
      presets={presets}
      onPreset={(id) => {
        const p = presets.find((x) => x.id === id);
        if (!p) return;
        load(p, fromPreset(p));
        setRows([fromPreset(p)]);
      }}
      loaded={preset}
    >
      <Columns
        inputs={
          <>
            <YearField label="Året, resultatet vedrører" value={form.year} onChange={(year) => set({ year })} />
            <KronerInput label="Takstberegningsgrundlag" description="Fx det ordinære bruttobudget" value={form.basis} onChange={(basis) => set({ basis })} />
            <KronerInput label="Årets resultat" description="Indtægter − omkostninger; skriv minus foran et underskud" allowNegative value={form.result} onChange={(result) => set({ result })} />
            <KronerInput label="Hensættelse" description="Tomt felt: det størst mulige (5 %)" placeholder="Størst mulig" value={form.setAside} onChange={(setAside) => set({ setAside })} />
          </>
        }
        results={settled.ok ? <Settlement s={settled.value} preset={preset} /> : <RuleError message={settled.message} />}
      />
      <Divider />
      <Ledger rows={rows} onChange={setRows} />
    </CalculatorCard>
  );
}

function Settlement({ s, preset }: { s: ResultSettlement; preset: ResultPreset | null }) {
  const printed = preset?.printed;
  const surplus = s.kind === 'surplus';
  const rows: FigureRow[] = [
    {
      label: surplus ? 'Overskud i % af grundlaget' : 'Underskud i % af grundlaget',
      value: formatPercent(Math.abs(s.resultShare), 1),
      ...(printed ? { printed: formatPercent(printed.resultPercent / 100, 1), matches: formatPercent(s.resultShare, 1) === formatPercent(printed.resultPercent / 100, 1) } : {}),
    },
    { label: '5 % af grundlaget (grænsen)', value: formatKroner(s.threshold) },
    surplus
      ? {
          label: `Hensat (bruges senest ${s.setAsideUseBy})`,
          value: formatKroner(s.setAside),
          ...(printed ? { printed: formatKroner(kroner(printed.setAside)), matches: s.setAside === kroner(printed.setAside) } : {}),
        }
      : { label: 'Dækkes af effektivisering eller hensættelser', value: formatKroner(s.absorbed) },
    {
      label: `I taksten senest ${s.tariffYear}`,
      value: signedKroner(s.toTariff),
      strong: true,
      ...(printed ? { printed: signedKroner(-kroner(printed.toTariff)), matches: s.toTariff === -kroner(printed.toTariff) } : {}),
    },
  ];
  return (
    <>
      <Headline
        label={`I taksten senest ${s.tariffYear}`}
        value={signedKroner(s.toTariff)}
        testId="result-to-tariff"
        hint={s.toTariff < 0 ? 'nedsætter taksten (et overskud gives tilbage)' : s.toTariff > 0 ? 'forhøjer taksten' : 'intet skal i taksten'}
      />
      <Figures rows={rows} caption="Resultatet efter 5.3" testId="result-figures" />
      {printed && (
        <Note>
          Eksemplets regnskab: indtægter {formatKroner(kroner(printed.income))} − omkostninger{' '}
          {formatKroner(kroner(printed.costLines.reduce((sum, line) => sum + line.amount, 0)))} = {formatKroner(kroner(printed.result))} Året er trykt som
          «202Y»; {preset.input.year} står i stedet.
        </Note>
      )}
    </>
  );
}

function Ledger({ rows, onChange }: { rows: Row[]; onChange: (rows: Row[]) => void }) {
  const ledger = attempt(() => resultLedger(rows.map((row, i) => entryOf(row, i + 1)), CALCULATOR_RULES));
  const update = (i: number, patch: Partial<Row>) => onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const last = rows[rows.length - 1];
  const add = () =>
    onChange([...rows, { year: typeof last?.year === 'number' ? last.year + 1 : THIS_YEAR, basis: last?.basis ?? '', result: '', setAside: '' }]);

  return (
    <Stack gap="sm">
      <div>
        <Title order={4} size="h5">Flere år</Title>
        <Text size="sm" c="dimmed">
          Hensættelser bruges til senere underskud inden for 5 %, ældste først («Brugt»); det, de ikke dækker, må dækkes af
          effektivisering. Hensættelser, der ikke er brugt ved udgangen af år + 5, vises som udløbet. «Saldo» er de ubrugte
          hensættelser ved årets udgang; «I årets takst» er det, der senest skal indregnes i det års takst.
        </Text>
      </div>
      <Table fz="sm" verticalSpacing={4} horizontalSpacing="xs" aria-label="Resultater år for år">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>År</Table.Th>
            <Table.Th ta="right">Takstberegningsgrundlag</Table.Th>
            <Table.Th ta="right">Årets resultat</Table.Th>
            <Table.Th ta="right">Hensættelse</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <YearField size="xs" aria-label={`År, række ${i + 1}`} value={row.year} onChange={(year) => update(i, { year })} />
              </Table.Td>
              <Table.Td>
                <KronerInput size="xs" aria-label={`Takstberegningsgrundlag, række ${i + 1}`} value={row.basis} onChange={(basis) => update(i, { basis })} />
              </Table.Td>
              <Table.Td>
                <KronerInput size="xs" allowNegative aria-label={`Årets resultat, række ${i + 1}`} value={row.result} onChange={(result) => update(i, { result })} />
              </Table.Td>
              <Table.Td>
                <KronerInput size="xs" placeholder="Størst mulig" aria-label={`Hensættelse, række ${i + 1}`} value={row.setAside} onChange={(setAside) => update(i, { setAside })} />
              </Table.Td>
              <Table.Td>
                <ActionIcon variant="subtle" color="gray" aria-label={`Fjern række ${i + 1}`} disabled={rows.length === 1} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="default" size="xs" leftSection={<IconPlus size={14} />} onClick={add}>
          Tilføj år
        </Button>
      </Group>

      {!ledger.ok ? (
        <RuleError message={ledger.message} />
      ) : (
        <Table fz="sm" verticalSpacing={4} horizontalSpacing="xs" striped aria-label="Hensættelser og takstvirkning" data-testid="result-ledger">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>År</Table.Th>
              <Table.Th ta="right">Resultat</Table.Th>
              <Table.Th ta="right">Hensat</Table.Th>
              <Table.Th ta="right">Brugt</Table.Th>
              <Table.Th ta="right">Effektivisering</Table.Th>
              <Table.Th ta="right">Udløbet</Table.Th>
              <Table.Th ta="right">Saldo</Table.Th>
              <Table.Th ta="right">I årets takst</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ledger.value.years.map((y) => {
              const used = y.setAsideUsed.reduce((sum, u) => sum + u.amount, 0);
              const expired = y.expired.reduce((sum, u) => sum + u.amount, 0);
              return (
                <Table.Tr key={y.year}>
                  <Table.Td>{y.year}</Table.Td>
                  <Cell value={y.settlement ? signedKroner(y.settlement.result) : ''} />
                  <Cell value={dash(y.setAsideAdded)} />
                  <Cell value={dash(used)} />
                  <Cell value={dash(y.coveredByEfficiency)} />
                  <Cell value={dash(expired)} warn={expired > 0} />
                  <Cell value={formatKroner(y.setAsideBalance)} />
                  <Cell value={y.tariffEffect === 0 ? '–' : signedKroner(y.tariffEffect)} strong={y.tariffEffect !== 0} />
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

const dash = (ore: number) => (ore === 0 ? '–' : formatKroner(ore));

function Cell({ value, strong, warn }: { value: string; strong?: boolean; warn?: boolean }) {
  return (
    <Table.Td ta="right" fw={strong ? 600 : undefined} c={warn ? 'orange.9' : undefined} style={{ ...NUMERIC, whiteSpace: 'nowrap' }}>
      {value}
    </Table.Td>
  );
}
