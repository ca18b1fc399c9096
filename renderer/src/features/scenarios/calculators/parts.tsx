import { Alert, Badge, Button, Grid, Group, Menu, NumberInput, Paper, Stack, Table, Text, Title, type NumberInputProps } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconChevronDown, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatKroner, formatNumber } from '../../../../../shared/format';
import { kroner } from '../../../../../shared/logic/tariff/money';

/*
 * The building blocks every calculator shares: a card with the rule and its source, a preset menu, Danish number
 * inputs, and result tables whose numbers are right-aligned in tabular figures.
 */

/** What a NumberInput holds: a number, or the text of an unfinished or empty entry. */
export type Entry = number | string;

/** Right-aligned tabular figures for numbers in inputs and cells. */
export const NUMERIC = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

type InputProps = Omit<NumberInputProps, 'value' | 'onChange'> & { value: Entry; onChange: (value: Entry) => void };

/** Label left, a narrow input right: for short lists of rates. */
const INLINE = {
  root: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 'var(--mantine-spacing-sm)' },
  label: { flex: 1 },
  wrapper: { width: 120, flexShrink: 0 },
  input: NUMERIC,
} as const;

/**
 * A percentage typed as Danes write it (33 or 12,5). Not clamped: an occupancy of 120 % stays 120 %, so that the rule
 * can say why it is refused.
 */
export function PercentField({ value, onChange, inline, ...rest }: InputProps & { inline?: boolean }) {
  return (
    <NumberInput
      thousandSeparator="."
      decimalSeparator=","
      decimalScale={4}
      suffix=" %"
      allowNegative={false}
      clampBehavior="none"
      hideControls
      value={value}
      onChange={onChange}
      styles={inline ? INLINE : { input: NUMERIC }}
      {...rest}
    />
  );
}

/** A plain count or decimal (places, hours, days). */
export function NumberField({ value, onChange, ...rest }: InputProps) {
  return (
    <NumberInput
      thousandSeparator="."
      decimalSeparator=","
      decimalScale={4}
      allowNegative={false}
      hideControls
      value={value}
      onChange={onChange}
      styles={{ input: NUMERIC }}
      {...rest}
    />
  );
}

/** A calendar year: no thousands separator (2022, not 2.022). */
export function YearField({ value, onChange, ...rest }: InputProps) {
  return <NumberInput allowDecimal={false} allowNegative={false} hideControls value={value} onChange={onChange} styles={{ input: NUMERIC }} {...rest} />;
}

// ---------------------------------------------------------------------------------------------------------------

/** The number in an entry, or a Danish RangeError naming the empty field. */
export function need(entry: Entry, label: string): number {
  if (typeof entry === 'number' && Number.isFinite(entry)) return entry;
  throw new RangeError(`Udfyld «${label}».`);
}

/** Kroner typed → øre for the engine. */
export const needKroner = (entry: Entry, label: string) => kroner(need(entry, label));

/** A percentage typed → a fraction for the engine. */
export const needFraction = (entry: Entry, label: string) => need(entry, label) / 100;

/** A fraction from a preset → the percentage to show (0.33 → 33, without binary noise). */
export const asPercent = (fraction: number) => Math.round(fraction * 1e8) / 1e6;

/** Øre from a preset → kroner to show. */
export const asKroner = (ore: number) => ore / 100;

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** Runs a rule and keeps its Danish RangeError for the user instead of letting it break the page. */
export function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, message: error.message };
    return { ok: false, message: `Beregningen kunne ikke gennemføres: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// ---------------------------------------------------------------------------------------------------------------

export interface PresetOption {
  id: string;
  name: string;
  source: string;
}

/** "Forudfyld med …": fills the inputs with a worked example from the papers. */
export function PresetMenu({ presets, onPick }: { presets: readonly PresetOption[]; onPick: (id: string) => void }) {
  if (presets.length === 0) return null;
  return (
    <Menu position="bottom-end" shadow="md" width={420} withinPortal>
      <Menu.Target>
        <Button variant="light" size="sm" rightSection={<IconChevronDown size={14} />} style={{ flexShrink: 0 }}>
          Forudfyld med …
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Eksempler fra mødepapirerne</Menu.Label>
        {presets.map((preset) => (
          <Menu.Item key={preset.id} onClick={() => onPick(preset.id)}>
            <Text size="sm">{preset.name}</Text>
            <Text size="xs" c="dimmed">Kilde: {preset.source}</Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** One calculator: title, the rule's source, the preset menu, then its body; the rule in words at the foot. */
export function CalculatorCard({
  title,
  source,
  presets = [],
  onPreset,
  rule,
  loaded,
  children,
  testId,
}: {
  title: string;
  source: string;
  presets?: readonly PresetOption[];
  onPreset?: (id: string) => void;
  /** The rule in a few Danish sentences. */
  rule: ReactNode;
  /** The preset in use, if any, so the user sees where the figures come from. */
  loaded?: PresetOption | null;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid={testId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={3} size="h4">{title}</Title>
            <Text size="sm" c="dimmed">{source}</Text>
          </Stack>
          {onPreset && <PresetMenu presets={presets} onPick={onPreset} />}
        </Group>
        <Text size="sm" maw={760}>{rule}</Text>
        {loaded && (
          <Group gap={6}>
            <Badge variant="light" color="gray" radius="sm" tt="none" fw={500}>
              Udfyldt med: {loaded.name}
            </Badge>
            <Text size="xs" c="dimmed">Kilde: {loaded.source}</Text>
          </Group>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

/** The card's own width decides whether inputs and results stand side by side (a container query, not the window's). */
const CARD_BREAKPOINTS = { xs: '360px', sm: '480px', md: '640px', lg: '800px', xl: '1000px' };

/** Inputs on the left, results (a little wider) on the right; stacked when the card is narrow. */
export function Columns({ inputs, results }: { inputs: ReactNode; results: ReactNode }) {
  return (
    <Grid type="container" breakpoints={CARD_BREAKPOINTS} gutter="lg" align="flex-start">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="sm">{inputs}</Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="sm">{results}</Stack>
      </Grid.Col>
    </Grid>
  );
}

/** A group of inputs or results with a small heading. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">{title}</Text>
      {children}
    </Stack>
  );
}

/** The engine's Danish message where the result would be. */
export function RuleError({ message }: { message: string }) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Kan ikke beregnes" role="alert" data-testid="calculator-error">
      {message}
    </Alert>
  );
}

/** The main result, large. */
export function Headline({ label, value, hint, testId }: { label: string; value: string; hint?: ReactNode; testId?: string }) {
  return (
    <Paper radius="md" p="sm" bg="blue.0">
      <Text size="xs" fw={700} tt="uppercase" c="blue.9">{label}</Text>
      <Text fz={26} fw={700} lh={1.25} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Paper>
  );
}

export interface FigureRow {
  label: ReactNode;
  value: string;
  /** As printed in the paper, where there is a printed figure. */
  printed?: string;
  /** Whether the computed value agrees with the printed one (as printed: rounded the same way). */
  matches?: boolean;
  strong?: boolean;
}

/** Label and value rows; with a «Trykt» column when any row has a printed figure. */
export function Figures({ rows, caption, testId }: { rows: readonly FigureRow[]; caption?: string; testId?: string }) {
  const withPrinted = rows.some((r) => r.printed !== undefined);
  return (
    <Table fz="sm" verticalSpacing={5} horizontalSpacing="xs" data-testid={testId} aria-label={caption}>
      {withPrinted && (
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">Beregnet</Table.Th>
            <Table.Th ta="right">Trykt</Table.Th>
          </Table.Tr>
        </Table.Thead>
      )}
      <Table.Tbody>
        {rows.map((row, i) => (
          <Table.Tr key={i}>
            <Table.Td fw={row.strong ? 600 : undefined}>{row.label}</Table.Td>
            <Table.Td ta="right" fw={row.strong ? 700 : undefined} style={{ ...NUMERIC, whiteSpace: 'nowrap' }}>{row.value}</Table.Td>
            {withPrinted && (
              <Table.Td ta="right" style={{ ...NUMERIC, whiteSpace: 'nowrap' }}>
                {row.printed !== undefined && <Printed value={row.printed} matches={row.matches ?? true} />}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A printed figure with a mark: a tick when the app's figure agrees, a warning when it does not. */
export function Printed({ value, matches }: { value: string; matches: boolean }) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap" c={matches ? undefined : 'orange.9'} data-matches={matches}>
      {matches ? (
        <IconCheck size={14} color="var(--mantine-color-teal-7)" aria-label="stemmer" />
      ) : (
        <IconAlertTriangle size={14} aria-label="afviger" />
      )}
      <span>{value}</span>
    </Group>
  );
}

/** A note in a calm colour: hints and remarks beside a result. */
export function Note({ children, color = 'gray', title }: { children: ReactNode; color?: string; title?: string }) {
  return (
    <Alert color={color} variant="light" icon={<IconInfoCircle size={18} />} title={title} p="sm">
      <Text size="sm">{children}</Text>
    </Alert>
  );
}

/** "+1.234 kr." / "−1.234 kr." / "0 kr." */
export function signedKroner(ore: number): string {
  if (ore === 0) return formatKroner(0);
  return `${ore > 0 ? '+' : '−'}${formatKroner(Math.abs(ore))}`;
}

/** "14,41" with the number of decimals asked for (no trailing zeros beyond them). */
export function decimals(n: number, digits: number): string {
  const factor = 10 ** digits;
  return formatNumber(Math.round(n * factor) / factor);
}
