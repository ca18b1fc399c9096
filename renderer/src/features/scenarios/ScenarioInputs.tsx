import { ActionIcon, Box, Button, Fieldset, Group, NumberInput, SegmentedControl, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type ReactNode } from 'react';
import type { ScenarioInput } from '../../../../shared/domain/scenario';
import { formatPercent } from '../../../../shared/format';
import { checkLevelPlaces } from '../../../../shared/logic/tariff/level-places';
import { isCellBlock, pasteBudgetLines, pasteLevels, type Pasted } from '../../../../shared/logic/tariff/paste';
import { Section } from '../../components/Section';
import { useReference } from '../../stores/reference';
import { DstKeyImport } from './DstKeyImport';
import { fitsFigure, KronerInput, PercentInput } from '../../components/NumberInputs';
import { Changed } from './fields';
import { populationKey, populationQuarter, shortName } from './key';

type Draft = ScenarioInput;
type Path = 'places' | 'occupancy' | 'offerKind' | 'fullOperationBudget' | 'budgetLines' | 'levels' | 'startupCosts' | 'years' | 'fixedShare' | 'deficits' | 'split.regionShare' | 'split.key';

type Update = (change: (draft: Draft) => Draft) => void;
type Reset = ((...paths: Path[]) => void) | null;

/**
 * Every input of a scenario, grouped as the NT-1 proposal presents them; a variant's changes are marked. Each group
 * re-renders only when its own figures change, so typing in one field stays quick however many fields there are.
 * Without `onChange` (a frozen version) every field and button is disabled: a fieldset disables all it holds.
 */
export function ScenarioInputs({ draft, base, changedPaths, onChange }: { draft: Draft; base: Draft | null; changedPaths: string[]; onChange: ((next: Draft) => void) | null }) {
  const draftRef = useRef(draft);
  useLayoutEffect(() => {
    draftRef.current = draft;
  });
  const update = useCallback<Update>((change) => onChange?.(change(draftRef.current)), [onChange]);
  const reset = useMemo<Reset>(
    () =>
      base &&
      ((...paths: Path[]) =>
        update((draft) => {
          let next: Draft = { ...draft };
          for (const path of paths) {
            if (path === 'split.regionShare') next = { ...next, split: { ...next.split, regionShare: base.split.regionShare } };
            else if (path === 'split.key') next = { ...next, split: { ...next.split, key: base.split.key } };
            else next = { ...next, [path]: base[path] };
          }
          return next;
        })),
    [base, update],
  );
  const changed = (...paths: Path[]) => paths.some((p) => changedPaths.includes(p));

  return (
    <Fieldset variant="unstyled" disabled={onChange === null} p={0} m={0} data-testid="scenario-inputs">
      <Stack gap="md">
        <OfferSection
          places={draft.places}
          occupancy={draft.occupancy}
          budget={draft.fullOperationBudget}
          offerKind={draft.offerKind}
          changed={changedPaths.filter((p) => ['places', 'occupancy', 'fullOperationBudget', 'offerKind'].includes(p)).join()}
          update={update}
          reset={reset}
        />
        <Section title="Budgetlinjer" hint="Tjekkes mod budgettet ved fuld drift.">
          <BudgetLines rows={draft.budgetLines} changed={changed('budgetLines')} update={update} reset={reset} />
        </Section>
        <Section title="Takstniveauer" hint="Indtægten ved den budgetterede belægning sammenlignes med budgettet.">
          <Levels rows={draft.levels} places={draft.places} changed={changed('levels')} update={update} reset={reset} />
        </Section>
        <StartupSection
          startupCosts={draft.startupCosts}
          fixedShare={draft.fixedShare}
          deficits={draft.deficits}
          years={draft.years}
          baseFixedShare={base?.fixedShare}
          changed={changedPaths.filter((p) => ['startupCosts', 'fixedShare', 'deficits', 'years'].includes(p)).join()}
          update={update}
          reset={reset}
        />
        <SplitSection regionShare={draft.split.regionShare} keyWeights={draft.split.key} changed={changedPaths.filter((p) => p.startsWith('split.')).join()} update={update} reset={reset} />
      </Stack>
    </Fieldset>
  );
}

const OfferSection = memo(function OfferSection(props: { places: unknown; occupancy: unknown; budget: unknown; offerKind: string; changed: string; update: Update; reset: Reset }) {
  const { update, reset } = props;
  const set = (key: keyof Draft) => (value: unknown) => update((d) => ({ ...d, [key]: value }));
  const changed = (path: Path) => props.changed.split(',').includes(path);
  const undo = (path: Path) => (reset ? () => reset(path) : undefined);
  return (
    <Section title="Tilbuddet">
      {/* Two columns where there is room for the longest value, else one. */}
      <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(13rem, 1fr))', gap: 'var(--mantine-spacing-sm)' }}>
        <Changed changed={changed('places')} onReset={undo('places')}>
          <NumberInput label="Pladser" value={props.places as number} onChange={set('places')} min={0} decimalScale={1} decimalSeparator="," hideControls />
        </Changed>
        <Changed changed={changed('occupancy')} onReset={undo('occupancy')}>
          <PercentInput label="Belægning (budget)" value={props.occupancy} onChange={set('occupancy')} />
        </Changed>
        <Changed changed={changed('fullOperationBudget')} onReset={undo('fullOperationBudget')}>
          <KronerInput label="Budget ved fuld drift" value={props.budget} onChange={set('fullOperationBudget')} />
        </Changed>
        <Changed changed={changed('offerKind')} onReset={undo('offerKind')}>
          <Select
            label="Tilbudstype"
            value={props.offerKind}
            onChange={(v) => v && set('offerKind')(v)}
            allowDeselect={false}
            data={[
              { value: 'normal', label: 'Almindeligt' },
              { value: 'short-stay', label: 'Kort, akut, aflastning' },
            ]}
          />
        </Changed>
      </Box>
    </Section>
  );
});

const BudgetLines = memo(function BudgetLines({ rows, changed, update, reset }: { rows: Draft['budgetLines']; changed: boolean; update: Update; reset: Reset }) {
  return (
    <Changed changed={changed} onReset={reset ? () => reset('budgetLines') : undefined}>
      <Rows
        rows={rows}
        onChange={(next) => update((d) => ({ ...d, budgetLines: next }))}
        blank={{ label: '', amount: 0 }}
        addLabel="Tilføj linje"
        paste={pasteBudgetLines}
        columns={[
          { header: 'Linje', cell: (row, set) => <Textarea autosize minRows={1} size="xs" value={row.label} onChange={(e) => set({ label: e.currentTarget.value })} aria-label="Budgetlinje" /> },
          // A line may be negative (income, a reduction), as in the budgets the lines are copied from.
          { header: 'Beløb', width: 130, cell: (row, set) => <KronerInput size="xs" value={row.amount} onChange={(v) => set({ amount: v as number })} aria-label="Beløb" allowNegative /> },
        ]}
      />
    </Changed>
  );
});

const Levels = memo(function Levels({ rows, places, changed, update, reset }: { rows: Draft['levels']; places: unknown; changed: boolean; update: Update; reset: Reset }) {
  // Only whole figures are checked: a field being typed in holds text for a moment.
  const complete = typeof places === 'number' && rows.every((r) => typeof r.places === 'number');
  const mismatch = complete ? checkLevelPlaces(rows, places) : null;
  return (
    <Changed changed={changed} onReset={reset ? () => reset('levels') : undefined}>
      <Rows
        rows={rows}
        onChange={(next) => update((d) => ({ ...d, levels: next }))}
        blank={{ name: `Takst ${rows.length + 1}`, dailyTariff: 0, places: 0 }}
        addLabel="Tilføj takstniveau"
        paste={pasteLevels}
        note={mismatch && (
          <Text size="xs" c="orange.9" role="status" data-testid="level-places-warning">
            <IconAlertTriangle size={12} style={{ verticalAlign: -2, marginRight: 4 }} aria-hidden />
            {mismatch}
          </Text>
        )}
        columns={[
          { header: 'Niveau', cell: (row, set) => <Textarea autosize minRows={1} size="xs" value={row.name} onChange={(e) => set({ name: e.currentTarget.value })} aria-label="Takstniveau" /> },
          { header: 'Døgntakst', width: 104, cell: (row, set) => <KronerInput size="xs" value={row.dailyTariff} onChange={(v) => set({ dailyTariff: v as number })} aria-label="Døgntakst" /> },
          { header: 'Pladser', width: 52, cell: (row, set) => <NumberInput size="xs" hideControls min={0} decimalSeparator="," value={row.places} onChange={(v) => set({ places: v as number })} aria-label="Pladser på niveauet" /> },
        ]}
      />
    </Changed>
  );
});

const StartupSection = memo(function StartupSection(props: {
  startupCosts: unknown;
  fixedShare: number | undefined;
  deficits: Draft['deficits'];
  years: Draft['years'];
  baseFixedShare: number | undefined;
  changed: string;
  update: Update;
  reset: Reset;
}) {
  const { update, reset } = props;
  const changed = (...paths: Path[]) => paths.some((p) => props.changed.split(',').includes(p));
  const undo = (...paths: Path[]) => (reset ? () => reset(...paths) : undefined);
  const computedDeficits = props.fixedShare !== undefined;
  return (
    <Section title="Opstart">
      <Changed changed={changed('startupCosts')} onReset={undo('startupCosts')}>
        <KronerInput label="Etablering og opstart" value={props.startupCosts} onChange={(v) => update((d) => ({ ...d, startupCosts: v as number }))} />
      </Changed>
      <Changed changed={changed('fixedShare', 'deficits')} onReset={undo('fixedShare', 'deficits')}>
        <Stack gap={6}>
          <Text size="sm" fw={500}>Underskud i opstartsårene</Text>
          <SegmentedControl
            size="xs"
            value={computedDeficits ? 'computed' : 'entered'}
            onChange={(mode) =>
              update(({ fixedShare: _f, deficits: _d, ...rest }) =>
                mode === 'computed' ? { ...rest, fixedShare: props.baseFixedShare ?? 0.6 } : { ...rest, deficits: rest.years.map(() => 0) },
              )
            }
            data={[
              { value: 'computed', label: 'Beregnet' },
              { value: 'entered', label: 'Indtastet pr. år' },
            ]}
          />
          {computedDeficits && (
            <PercentInput
              label="Faste omkostninger (andel af budgettet)"
              description="Omkostning = faste + variable × belægning; underskud = omkostning − indtægt ved årets belægning."
              value={props.fixedShare}
              onChange={(v) => update((d) => ({ ...d, fixedShare: v as number }))}
            />
          )}
        </Stack>
      </Changed>
      <Changed changed={changed('years', 'deficits')} onReset={undo('years', 'deficits')}>
        <YearsTable years={props.years} deficits={props.deficits} update={update} />
      </Changed>
    </Section>
  );
});

const SplitSection = memo(function SplitSection(props: { regionShare: unknown; keyWeights: Record<string, number>; changed: string; update: Update; reset: Reset }) {
  const { update, reset } = props;
  const changed = (path: Path) => props.changed.split(',').includes(path);
  const undo = (path: Path) => (reset ? () => reset(path) : undefined);
  return (
    <Section title="Fordeling">
      <Changed changed={changed('split.regionShare')} onReset={undo('split.regionShare')}>
        <PercentInput
          label="Regionens andel"
          description="Resten fordeles på kommunerne efter nøglen."
          value={props.regionShare}
          onChange={(v) => update((d) => ({ ...d, split: { ...d.split, regionShare: v as number } }))}
        />
      </Changed>
      <Changed changed={changed('split.key')} onReset={undo('split.key')}>
        <KeyEditor keyWeights={props.keyWeights} onChange={(key) => update((d) => ({ ...d, split: { ...d.split, key } }))} />
      </Changed>
    </Section>
  );
});


interface Column<R> {
  header: string;
  width?: number;
  cell: (row: R, update: (patch: Partial<R>) => void) => ReactNode;
}

/**
 * A small editable table: rows with a delete button and an add button under them. Cells copied from Excel and pasted
 * into a row fill the table from that row down (more rows where needed), as in Excel; a paste that cannot be read
 * changes nothing and says why.
 */
function Rows<R>({
  rows,
  onChange,
  blank,
  addLabel,
  columns,
  paste,
  note,
}: {
  rows: R[];
  onChange: (rows: R[]) => void;
  blank: R;
  addLabel: string;
  columns: Column<R>[];
  paste: (text: string) => Pasted<R>;
  note?: ReactNode;
}) {
  const [pasted, setPasted] = useState<{ ok: boolean; message: string } | null>(null);
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (!isCellBlock(text)) return;
    event.preventDefault();
    const result = paste(text);
    if (!result.ok) {
      setPasted({ ok: false, message: result.message });
      return;
    }
    const row = (event.target as HTMLElement).closest('[data-row]')?.getAttribute('data-row');
    const at = row == null ? rows.length : Number(row);
    onChange([...rows.slice(0, at), ...result.rows, ...rows.slice(at + result.rows.length)]);
    const n = result.rows.length;
    setPasted({ ok: true, message: `${n} ${n === 1 ? 'række' : 'rækker'} indsat fra udklipsholderen.` });
  };
  return (
    <Stack gap={4} onPaste={onPaste}>
      {rows.length > 0 && (
        <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.header} w={c.width} fz="xs" c="dimmed" fw={500}>{c.header}</Table.Th>
              ))}
              <Table.Th w={28} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => (
              <Table.Tr key={i} data-row={i}>
                {columns.map((c) => (
                  <Table.Td key={c.header}>{c.cell(row, (patch) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))))}</Table.Td>
                ))}
                <Table.Td>
                  <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Fjern rækken" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {note}
      {pasted && (
        <Text size="xs" c={pasted.ok ? 'dimmed' : 'red.8'} role={pasted.ok ? 'status' : 'alert'}>
          {pasted.message}
        </Text>
      )}
      <Group>
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => onChange([...rows, blank])}>
          {addLabel}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">Rækker fra Excel: kopiér dem, og indsæt med Ctrl+V i en celle.</Text>
    </Stack>
  );
}

/** The ramp-up: each operating year with its occupancy, and its deficit when deficits are entered. */
function YearsTable({ years, deficits, update }: { years: Draft['years']; deficits: Draft['deficits']; update: Update }) {
  const entered = deficits !== undefined;
  const setYear = (i: number, patch: Partial<Draft['years'][number]>) => update((d) => ({ ...d, years: d.years.map((y, j) => (j === i ? { ...y, ...patch } : y)) }));
  const setDeficit = (i: number, value: number) => update((d) => ({ ...d, deficits: (d.deficits ?? []).map((x, j) => (j === i ? value : x)) }));
  const addYear = () =>
    update((d) => {
      const last = d.years[d.years.length - 1];
      return { ...d, years: [...d.years, { year: (last?.year ?? new Date().getFullYear()) + 1, occupancy: 1 }], ...(d.deficits ? { deficits: [...d.deficits, 0] } : {}) };
    });
  const removeYear = (i: number) => update((d) => ({ ...d, years: d.years.filter((_, j) => j !== i), ...(d.deficits ? { deficits: d.deficits.filter((_, j) => j !== i) } : {}) }));
  return (
    <Stack gap={4}>
      <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={4} data-testid="years-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th fz="xs" c="dimmed" fw={500} w={90}>Driftsår</Table.Th>
            <Table.Th fz="xs" c="dimmed" fw={500}>Belægning</Table.Th>
            {entered && <Table.Th fz="xs" c="dimmed" fw={500}>Underskud</Table.Th>}
            <Table.Th w={28} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {years.map((y, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <NumberInput size="xs" hideControls value={y.year} onChange={(v) => setYear(i, { year: v as number })} aria-label="Driftsår" thousandSeparator="" styles={{ input: fitsFigure('2024') }} />
              </Table.Td>
              <Table.Td>
                <PercentInput size="xs" value={y.occupancy} onChange={(v) => setYear(i, { occupancy: v as number })} aria-label={`Belægning ${y.year}`} />
              </Table.Td>
              {entered && (
                <Table.Td>
                  <KronerInput size="xs" value={deficits?.[i]} onChange={(v) => setDeficit(i, v as number)} aria-label={`Underskud ${y.year}`} />
                </Table.Td>
              )}
              <Table.Td>
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Fjern året" disabled={years.length === 1} onClick={() => removeYear(i)}>
                  <IconTrash size={14} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={addYear}>
          Tilføj driftsår
        </Button>
      </Group>
    </Stack>
  );
}

/** The municipal key: the weights with their shares, from the population, equal, or a Danmarks Statistik file. */
function KeyEditor({ keyWeights, onChange }: { keyWeights: Record<string, number>; onChange: (key: Record<string, number>) => void }) {
  const organisations = useReference((s) => s.organisations);
  const [importing, setImporting] = useState(false);
  const total = Object.values(keyWeights).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const quarter = populationQuarter(organisations);
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>Fordelingsnøgle</Text>
        <Group gap={4}>
          <Button size="compact-xs" variant="light" onClick={() => onChange(populationKey(organisations))}>
            Befolkningstal{quarter ? ` ${quarter}` : ''}
          </Button>
          <Button size="compact-xs" variant="light" onClick={() => onChange(Object.fromEntries(Object.keys(keyWeights).map((k) => [k, 1])))}>
            Ligelig
          </Button>
          <Button size="compact-xs" variant="light" onClick={() => setImporting(true)}>
            Fra Danmarks Statistik …
          </Button>
        </Group>
      </Group>
      <Table withRowBorders={false} verticalSpacing={1} horizontalSpacing={4} data-testid="key-table">
        <Table.Tbody>
          {Object.entries(keyWeights).map(([name, weight]) => (
            <Table.Tr key={name}>
              <Table.Td fz="sm">{shortName(name)}</Table.Td>
              <Table.Td w={120}>
                <NumberInput
                  size="xs"
                  hideControls
                  min={0}
                  thousandSeparator="."
                  decimalSeparator=","
                  value={weight}
                  onChange={(v) => onChange({ ...keyWeights, [name]: v as number })}
                  aria-label={`Vægt for ${name}`}
                  styles={{ input: Number.isFinite(weight) ? fitsFigure(weight.toLocaleString('da-DK')) : {} }}
                />
              </Table.Td>
              <Table.Td w={70} ta="right" fz="xs" c="dimmed">
                {total > 0 && Number.isFinite(weight) ? formatPercent(weight / total) : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <DstKeyImport opened={importing} onClose={() => setImporting(false)} current={keyWeights} onUse={onChange} />
    </Stack>
  );
}
