import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconLock, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ComponentProps, type FormEvent } from 'react';
import type { RuleSetParams, RuleSetRecord } from '../../../../shared/domain/rule-sets';
import { formatNumericDate, parseDanishDate } from '../../../../shared/format';
import { ApiError, messageOf } from '../../api/client';
import { FormFooter } from '../../components/FormFooter';
import { KronerInput, PercentInput, YearInput } from '../../components/NumberInputs';
import { showError } from '../../lib/undo';
import { PARAM_GROUPS, valueAt, withValue, type ParamField } from './rule-set-fields';
import { approveRuleSet, copyRuleSet, loadRuleSets, updateRuleSet, useRuleSets } from './store';

/** Indstillinger → Takstregler: each agreement year's Styringsaftale parameters; an approved set is read-only. */
export function RuleSetsSection() {
  const { sets, loaded } = useRuleSets();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [copying, setCopying] = useState(false);
  useEffect(() => {
    loadRuleSets().catch(showError);
  }, []);
  const chosen = sets.find((s) => s.id === chosenId) ?? sets[0] ?? null;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="rule-sets-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={4} id="rule-sets-title">Takstregler</Title>
            <Text size="sm" c="dimmed">
              Styringsaftalens parametre for hvert aftaleår. Et år bruger det seneste regelsæt fra samme år eller før. Et godkendt regelsæt er låst; kopiér det til et nyt år for at ændre reglerne.
            </Text>
          </div>
          <Button variant="light" leftSection={<IconCopy size={16} />} onClick={() => setCopying(true)} disabled={!chosen} style={{ flexShrink: 0 }}>
            Kopiér til nyt år
          </Button>
        </Group>
        {loaded && (
          <Table verticalSpacing={6} aria-label="Regelsæt" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>År</Table.Th>
                <Table.Th>Kilde</Table.Th>
                <Table.Th w={220}>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sets.map((s) => (
                <Table.Tr
                  key={s.id}
                  data-testid="rule-set-row"
                  bg={s.id === chosen?.id ? 'blue.0' : undefined}
                  style={{ cursor: 'pointer' }}
                  onClick={() => setChosenId(s.id)}
                >
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" ml={-8} onClick={() => setChosenId(s.id)} aria-pressed={s.id === chosen?.id} aria-label={`Vis regelsættet for ${s.year}`}>
                      {s.year}
                    </Button>
                  </Table.Td>
                  <Table.Td><Text size="sm">{s.source}</Text></Table.Td>
                  <Table.Td><StatusBadge set={s} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {/* Keyed by the set alone: a remount on each saved revision dropped what was typed meanwhile in the next field. */}
        {chosen && <RuleSetView key={chosen.id} set={chosen} />}
      </Stack>
      <Modal opened={copying} onClose={() => setCopying(false)} title="Kopiér til nyt år" size="sm">
        {copying && chosen && <CopyForm from={chosen} nextYear={Math.max(...sets.map((s) => s.year)) + 1} onDone={(id) => { setCopying(false); setChosenId(id); }} onCancel={() => setCopying(false)} />}
      </Modal>
    </Paper>
  );
}

function StatusBadge({ set }: { set: RuleSetRecord }) {
  return set.approvedAt ? (
    <Badge variant="light" color="teal" radius="sm" tt="none" leftSection={<IconLock size={12} />}>Godkendt {formatNumericDate(set.approvedAt.slice(0, 10))}</Badge>
  ) : (
    <Badge variant="light" color="orange" radius="sm" tt="none">Kladde</Badge>
  );
}

/** «Kopiér til nyt år»: Enter copies, and a refused copy (the year has a set already) says why beside the button. */
function CopyForm({ from, nextYear, onDone, onCancel }: { from: RuleSetRecord; nextYear: number; onDone(id: string): void; onCancel(): void }) {
  const [year, setYear] = useState<number | string>(nextYear);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const copy = await copyRuleSet({ fromId: from.id, year: Number(year) });
      notifications.show({ color: 'teal', message: `Regelsættet for ${copy.year} er oprettet som en kopi af ${from.year}.`, autoClose: 4000 });
      onDone(copy.id);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Text size="sm">Det nye regelsæt starter som en kopi af reglerne fra {from.year}. Ret det, og godkend det, når aftalen er vedtaget.</Text>
        <YearInput
          label="Nyt aftaleår"
          value={year}
          onChange={(v) => {
            setYear(v);
            setError(null);
          }}
          data-autofocus
        />
        <FormFooter submitLabel="Kopiér" busy={busy} onCancel={onCancel} error={error} />
      </Stack>
    </form>
  );
}

function RuleSetView({ set }: { set: RuleSetRecord }) {
  const locked = set.approvedAt !== null;
  const [params, setParams] = useState<RuleSetParams>(set.params);
  const [source, setSource] = useState(set.source);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [approving, setApproving] = useState(false);
  // A newer revision (this window's save, or another's) replaces the fields only where nothing is typed but unsaved.
  const [shown, setShown] = useState(set);
  if (shown !== set) {
    if (JSON.stringify(params) === JSON.stringify(shown.params)) setParams(set.params);
    if (source === shown.source) setSource(set.source);
    setShown(set);
  }

  // Saves one after another, each at the revision the one before left: a field left right after another is not refused
  // as changed elsewhere while the first save is still under way.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const revision = useRef(set.revision);
  function save(patch: { params?: RuleSetParams; source?: string }) {
    queue.current = queue.current.then(async () => {
      try {
        // The newer of what this view saved last and what the store has since loaded (another window's save).
        const at = Math.max(revision.current, set.revision);
        revision.current = (await updateRuleSet({ id: set.id, revision: at, patch })).revision;
        setErrors({});
      } catch (error) {
        if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
          setErrors(Object.fromEntries(Object.entries(error.fields).map(([path, message]) => [path.replace(/^patch\.(params\.)?/, ''), message])));
        } else showError(error);
      }
    });
    return queue.current;
  }

  const commit = (next: RuleSetParams) => (JSON.stringify(next) === JSON.stringify(set.params) ? setErrors({}) : void save({ params: next }));

  return (
    <Stack gap="md" mt="sm" data-testid="rule-set-view" data-year={set.year} data-locked={locked}>
      <Group justify="space-between" align="flex-end">
        <Title order={5}>Regelsættet for {set.year}</Title>
        {!locked && (
          <Button color="teal" leftSection={<IconCircleCheck size={16} />} onClick={() => setApproving(true)}>
            Godkend
          </Button>
        )}
      </Group>
      {locked && (
        <Alert color="gray" icon={<IconLock size={16} />} p="xs">
          Godkendt og låst: reglerne kan ikke ændres. Kopiér regelsættet til et nyt år for at ændre dem.
        </Alert>
      )}
      <TextInput
        label="Kilde"
        readOnly={locked}
        variant={locked ? 'filled' : 'default'}
        value={source}
        error={errors.source}
        onChange={(e) => setSource(e.currentTarget.value)}
        onBlur={() => source !== set.source && void save({ source })}
      />
      {PARAM_GROUPS.map((group) => (
        <div key={group.title}>
          <Text fw={600} size="sm" mb={6}>{group.title}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="xs">
            {group.fields.map((field) => (
              <ParamInput
                key={field.path}
                field={field}
                value={valueAt(params, field.path)}
                locked={locked}
                error={errors[field.path]}
                onChange={(value) => setParams((p) => withValue(p, field.path, value))}
                onCommit={() => commit(params)}
                onPick={(value) => {
                  const next = withValue(params, field.path, value);
                  setParams(next);
                  commit(next);
                }}
              />
            ))}
          </SimpleGrid>
        </div>
      ))}
      <Modal opened={approving} onClose={() => setApproving(false)} title={`Godkend regelsættet for ${set.year}`} size="sm">
        <Stack gap="sm">
          <Text size="sm">Når regelsættet er godkendt, er det låst og bruges til takster, skemaer og 5 %-regnskab fra {set.year}. Det kan ikke ændres bagefter.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setApproving(false)}>Annuller</Button>
            <Button
              color="teal"
              onClick={() => {
                setApproving(false);
                approveRuleSet({ id: set.id, revision: set.revision })
                  .then(() => notifications.show({ color: 'teal', message: `Regelsættet for ${set.year} er godkendt.`, autoClose: 4000 }))
                  .catch(showError);
              }}
            >
              Godkend og lås
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ParamInput(props: { field: ParamField; value: unknown; locked: boolean; error?: string; onChange(value: unknown): void; onCommit(): void; onPick(value: unknown): void }) {
  const { field, value, locked, error, onChange, onCommit, onPick } = props;
  const common = { label: field.label, readOnly: locked, variant: locked ? 'filled' : 'default', error, onBlur: onCommit, size: 'sm' } as const;
  // A label on two lines must not push its input below those of the row.
  const styles = { root: { display: 'flex', flexDirection: 'column', justifyContent: 'flex-end' }, input: { textAlign: 'right' } } as const;
  const number = (v: number | string) => onChange(typeof v === 'number' ? v : v === '' ? null : v);
  switch (field.kind) {
    case 'percent':
      return <PercentInput {...common} value={value} onChange={number} styles={styles} />;
    case 'kroner':
      return <KronerInput {...common} styles={styles} value={typeof value === 'number' ? value / 100 : value} onChange={(v) => onChange(typeof v === 'number' ? Math.round(v * 100) : v)} />;
    case 'date':
      return <DateParamInput {...common} styles={{ root: styles.root }} value={typeof value === 'string' ? value : null} onPick={onPick} />;
    default:
      return (
        <NumberInput
          {...common}
          hideControls
          allowDecimal={field.kind === 'number'}
          decimalSeparator=","
          thousandSeparator="."
          allowNegative={field.path.endsWith('YearOffset')}
          value={typeof value === 'number' ? value : ''}
          onChange={number}
          styles={styles}
        />
      );
  }
}

/** A date parameter in the form of the DAS papers (01.01.2007), typed as Danes write dates and saved as ISO when left. */
function DateParamInput({ value, onPick, error, ...rest }: Omit<ComponentProps<typeof TextInput>, 'value' | 'onChange' | 'onBlur'> & { value: string | null; onPick(iso: string): void }) {
  const [text, setText] = useState(value ? formatNumericDate(value) : '');
  const [invalid, setInvalid] = useState(false);
  const leave = () => {
    const iso = parseDanishDate(text);
    if (!iso) return setInvalid(true);
    setText(formatNumericDate(iso));
    if (iso !== value) onPick(iso);
  };
  return (
    <TextInput
      {...rest}
      placeholder="dd.mm.åååå"
      value={text}
      error={invalid ? 'Skriv datoen som dd.mm.åååå, fx 01.01.2007' : error}
      onChange={(e) => {
        setText(e.currentTarget.value);
        setInvalid(false);
      }}
      onBlur={leave}
    />
  );
}
