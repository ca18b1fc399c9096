import { Alert, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { OCCUPANCY_METHOD_LABELS, SHEET_STATUS_LABELS, tariffUnitLabel, type SheetOfYear } from '../../../../shared/domain/tariff-year';
import { formatKroner, formatNumber, formatPercent, formatTimestamp } from '../../../../shared/format';
import { COST_CATEGORIES } from '../../../../shared/logic/tariff/daily-tariff';
import { DecidingItemLink } from './DecidingItem';

const ALERT = { error: { color: 'red', title: 'Fejl' }, warning: { color: 'orange', title: 'Advarsel' }, hint: { color: 'blue', title: 'Bemærk' } } as const;

/** The current sheet of a year as DAS reads it: the tariff and how it comes about, the checks, the budget and the versions. */
export function SheetSummary({ sheet }: { sheet: SheetOfYear }) {
  const view = sheet.current!;
  const { computation: c, sheet: s } = view;
  const unit = tariffUnitLabel(sheet.offer.tariffUnit).toLowerCase();
  const change = view.previousTariff === null ? null : c.tariff - view.previousTariff;
  const history = s.content.occupancyMethod === 'average-two-years' ? s.content.occupancyHistory : [];
  const levelsWithAta = s.content.levels.some((l) => l.ataHours !== null);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Table verticalSpacing={4} aria-label="Taksten" data-testid="sheet-figures">
          <Table.Tbody>
            <Row label={`Beregnet ${unit}`} value={formatKroner(c.tariff)} strong testId="sheet-tariff" />
            <Row label="Budget" value={formatKroner(c.budgetTotal)} />
            {view.dueSources.map((d) => (
              <Row key={d.resultYear} label={`Resultat fra ${d.resultYear} (${d.amount >= 0 ? 'underskud' : 'overskud'})`} value={formatKroner(d.amount)} testId="sheet-due" />
            ))}
            {c.lossWriteOff !== 0 && <Row label="Andel af underskud i første driftsår" value={formatKroner(c.lossWriteOff)} />}
            <Row label="Takstberegningsgrundlag" value={formatKroner(c.tariffBasis)} strong testId="sheet-basis" />
            <Row label="Pladser" value={formatNumber(s.content.places)} />
            <Row label="Belægning" value={formatPercent(s.content.occupancy, 1)} />
            <Row label="Enheder i året" value={formatNumber(Math.round(c.units * 100) / 100)} />
            <Row label="Sidste års takst" value={view.previousTariff === null ? '–' : formatKroner(view.previousTariff)} />
            <Row
              label="Ændring"
              value={change === null ? '–' : `${change >= 0 ? '+' : ''}${formatKroner(change)}${c.change?.tariffShare != null ? ` (${c.change.tariffShare >= 0 ? '+' : ''}${formatPercent(c.change.tariffShare, 1)})` : ''}`}
            />
          </Table.Tbody>
        </Table>
        <Stack gap="xs">
          <Text size="sm">
            <b>Belægningen er fastsat som:</b> {OCCUPANCY_METHOD_LABELS[s.content.occupancyMethod]}
            {history.length === 2 && ` (${history.map((h) => formatPercent(h, 1)).join(' og ')})`}
          </Text>
          {(c.levels.length > 1 || levelsWithAta) && (
            <Text size="sm" data-testid="sheet-levels"><b>Takstniveauer:</b> {c.levels.map((l, i) => `${l.name} ${formatKroner(l.tariff)} (${formatNumber(l.places)} pl.${ataText(s.content.levels[i]?.ataHours ?? null)})`).join(' · ')}</Text>
          )}
          {s.content.reason && <Text size="sm"><b>Bemærkninger:</b> {s.content.reason}</Text>}
          <Text size="xs" c="dimmed">Takstregler: {view.ruleSet.source}</Text>
          {c.checks.map((check) => (
            <Alert key={check.code + check.message} color={ALERT[check.severity].color} title={ALERT[check.severity].title} variant="light" p="xs" data-testid={`sheet-check-${check.severity}`}>
              <Text size="sm">{check.message}</Text>
            </Alert>
          ))}
        </Stack>
      </SimpleGrid>
      <BudgetSplit lines={s.content.budgetLines} />
      <Title order={5}>Versioner</Title>
      <Table verticalSpacing={4} aria-label="Skemaets versioner">
        <Table.Thead>
          <Table.Tr><Table.Th w={90}>Version</Table.Th><Table.Th w={160}>Status</Table.Th><Table.Th>Godkendt</Table.Th><Table.Th>Sidst ændret</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheet.versions.map((v) => (
            <Table.Tr key={v.id} data-testid="sheet-version">
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>{SHEET_STATUS_LABELS[v.status]}</Table.Td>
              <Table.Td>
                {v.approvedAt ? formatTimestamp(v.approvedAt) : '–'}
                {v.approvedItemId && <> · <DecidingItemLink itemId={v.approvedItemId} /></>}
                {v.content.approvalNote ? ` · ${v.content.approvalNote}` : ''}
              </Table.Td>
              <Table.Td>{formatTimestamp(v.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** ATA hours per week of a level (Styringsaftalen 5.4.7), when reported. */
const ataText = (hours: number | null) => (hours === null ? '' : `, ${formatNumber(hours)} ATA-timer pr. uge`);

function Row({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <Table.Tr data-testid={testId}>
      <Table.Td><Text size="sm" fw={strong ? 600 : undefined}>{label}</Text></Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}><Text size="sm" fw={strong ? 600 : undefined}>{value}</Text></Table.Td>
    </Table.Tr>
  );
}

/** The budget summed on Tabel 4's cost categories (income lines negative). */
function BudgetSplit({ lines }: { lines: { category: string; amount: number }[] }) {
  const sums = COST_CATEGORIES.map((cat) => ({ label: cat.label, amount: lines.filter((l) => l.category === cat.key).reduce((a, l) => a + l.amount, 0), used: lines.some((l) => l.category === cat.key) })).filter((r) => r.used);
  if (sums.length === 0) return null;
  return (
    <Table verticalSpacing={4} aria-label="Budget fordelt på omkostningskategorier" maw={640}>
      <Table.Thead><Table.Tr><Table.Th>Omkostningskategori (Tabel 4)</Table.Th><Table.Th ta="right">Budget</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {sums.map((r) => (
          <Table.Tr key={r.label}><Table.Td>{r.label}</Table.Td><Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatKroner(r.amount)}</Table.Td></Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
