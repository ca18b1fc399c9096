import { ActionIcon, Button, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { OCCUPANCY_METHOD_LABELS, TariffSheetContent, type OccupancyMethod, type SheetOfYear } from '../../../../shared/domain/tariff-year';
import { formatKroner } from '../../../../shared/format';
import { COST_CATEGORIES } from '../../../../shared/logic/tariff/daily-tariff';
import { FormFooter } from '../../components/FormFooter';
import { messageOf } from '../../api/client';
import { KronerInput, PercentInput } from '../../components/NumberInputs';
import { DecidingItemSelect, VERSION_DECIDERS } from './DecidingItem';
import { newSheetVersion, saveSheet } from './store';

type Content = TariffSheetContent;
const CATEGORY_OPTIONS = COST_CATEGORIES.map((c) => ({ value: c.key, label: c.label }));
const METHOD_OPTIONS = (Object.keys(OCCUPANCY_METHOD_LABELS) as OccupancyMethod[]).map((m) => ({ value: m, label: OCCUPANCY_METHOD_LABELS[m] }));
const EMPTY: Content = { budgetLines: [], statedTotal: 0, places: 1, occupancy: 0.95, occupancyMethod: 'expectation', occupancyHistory: [], levels: [], firstYearLoss: 0, reason: '', approvalNote: '', dueResultsAtApproval: null };
const HISTORY_LABELS = ['Faktisk belægning, seneste regnskabsår', 'Faktisk belægning, året før'];
const toOre = (kroner: number | string) => (typeof kroner === 'number' ? Math.round(kroner * 100) : NaN);

/** The sheet's content as the operator reports it: a draft saved as it is, or an approved sheet's next version (FU). */
export function SheetForm({ sheet, mode, onClose }: { sheet: SheetOfYear; mode: 'edit' | 'version'; onClose(): void }) {
  const current = sheet.current?.sheet ?? null;
  const start = current ? null : sheet.startingPoint;
  const [value, setValue] = useState<Content>(() => ({ ...(current?.content ?? start?.content ?? EMPTY), approvalNote: mode === 'version' ? '' : (current?.content.approvalNote ?? ''), dueResultsAtApproval: null }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [approvedItemId, setApprovedItemId] = useState<string | null>(null);
  const change = (patch: Partial<Content>) => {
    setValue((v) => ({ ...v, ...patch }));
    setError(null);
  };
  const setLine = (i: number, patch: Partial<Content['budgetLines'][number]>) => change({ budgetLines: value.budgetLines.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  const setLevel = (i: number, patch: Partial<Content['levels'][number]>) => change({ levels: value.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  // The two fields as typed; the sheet takes the pair only when both are filled in (one year alone is no average).
  const [history, setHistoryFields] = useState<(number | null)[]>(() => [value.occupancyHistory[0] ?? null, value.occupancyHistory[1] ?? null]);
  const setHistory = (i: number, occupancy: number | null) => {
    const pair = history.map((h, j) => (j === i ? occupancy : h));
    setHistoryFields(pair);
    change({ occupancyHistory: pair.every((p) => p !== null) ? (pair as number[]) : [] });
  };
  const linesTotal = value.budgetLines.reduce((a, l) => a + (Number.isFinite(l.amount) ? l.amount : 0), 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = TariffSheetContent.safeParse(value);
    if (!check.success) return setError(check.error.issues[0]?.message ?? 'Skemaet er ikke udfyldt rigtigt.');
    setBusy(true);
    try {
      if (mode === 'version') await newSheetVersion({ offerId: sheet.offer.id, year: sheet.year, content: check.data, approvedItemId });
      else await saveSheet({ offerId: sheet.offer.id, year: sheet.year, revision: current?.revision, content: check.data });
      onClose();
    } catch (failure) {
      // In the dialog, beside its button: a notification would cover the button at 1280×720.
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Takstberegningsskema">
      <Stack gap="sm">
        {start && (
          <Text size="sm" c="dimmed" data-testid="sheet-starting-point">
            Udfyldt med tallene fra skemaet for {start.fromYear}{start.content.occupancyHistory.length === 2 ? ' og belægningen som gennemsnittet af de to seneste regnskabsår' : ''}. Ret dem til {sheet.year}.
          </Text>
        )}
        <Text fw={600} size="sm">Budget på omkostningskategorier (indtægter negative)</Text>
        <Table verticalSpacing={4} aria-label="Budgetlinjer">
          <Table.Thead>
            <Table.Tr><Table.Th w="34%">Kategori</Table.Th><Table.Th>Tekst</Table.Th><Table.Th w={190}>Beløb</Table.Th><Table.Th w={40} /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.budgetLines.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}><Text size="sm" c="dimmed">Ingen budgetlinjer endnu. Tilføj en linje for hver post i driftsherrens budget.</Text></Table.Td>
              </Table.Tr>
            )}
            {value.budgetLines.map((line, i) => (
              <Table.Tr key={i}>
                <Table.Td><Select aria-label={`Kategori, linje ${i + 1}`} allowDeselect={false} data={CATEGORY_OPTIONS} value={line.category || null} onChange={(v) => v && setLine(i, { category: v })} /></Table.Td>
                <Table.Td><TextInput aria-label={`Tekst, linje ${i + 1}`} value={line.label} onChange={(e) => setLine(i, { label: e.currentTarget.value })} /></Table.Td>
                <Table.Td><KronerInput aria-label={`Beløb, linje ${i + 1}`} allowNegative value={line.amount / 100} onChange={(v) => setLine(i, { amount: toOre(v) })} /></Table.Td>
                <Table.Td><ActionIcon variant="subtle" color="gray" aria-label={`Fjern linje ${i + 1}`} onClick={() => change({ budgetLines: value.budgetLines.filter((_, j) => j !== i) })}><IconTrash size={16} /></ActionIcon></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="space-between">
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => change({ budgetLines: [...value.budgetLines, { category: 'personnel', label: '', amount: 0 }] })}>Tilføj budgetlinje</Button>
          <Text size="sm" c="dimmed">Linjerne i alt: {formatKroner(linesTotal)}</Text>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <KronerInput label="Budgettets total (oplyst)" required value={value.statedTotal / 100} onChange={(v) => change({ statedTotal: toOre(v) })} />
          <NumberInput label="Pladser" required min={0} decimalSeparator="," decimalScale={2} hideControls value={value.places} onChange={(v) => change({ places: typeof v === 'number' ? v : NaN })} />
          <PercentInput label="Belægning" required value={value.occupancy} onChange={(v) => change({ occupancy: typeof v === 'number' ? v : NaN })} />
          <KronerInput label="Underskud i første driftsår" value={value.firstYearLoss / 100} onChange={(v) => change({ firstYearLoss: toOre(v) })} />
        </SimpleGrid>
        <Select label="Belægningen er fastsat som" allowDeselect={false} data={METHOD_OPTIONS} value={value.occupancyMethod} onChange={(v) => v && change({ occupancyMethod: v as OccupancyMethod })} />
        {value.occupancyMethod === 'average-two-years' && (
          // The two years the average is taken of (Styringsaftalen 5.2); the sheet checks the budgeted occupancy against them.
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {HISTORY_LABELS.map((label, i) => (
              <PercentInput key={label} label={label} value={history[i] ?? ''} onChange={(v) => setHistory(i, typeof v === 'number' ? v : null)} />
            ))}
          </SimpleGrid>
        )}
        <Text fw={600} size="sm">Takstniveauer (kun ved differentierede takster)</Text>
        {value.levels.map((level, i) => (
          <Group key={i} align="flex-end" wrap="nowrap" gap="sm">
            <TextInput label="Niveau" style={{ flex: 2 }} value={level.name} onChange={(e) => setLevel(i, { name: e.currentTarget.value })} />
            <NumberInput label="Pladser" style={{ flex: 1 }} min={0} decimalSeparator="," hideControls value={level.places} onChange={(v) => setLevel(i, { places: typeof v === 'number' ? v : 0 })} />
            <KronerInput label="Oplyst takst" style={{ flex: 1.5 }} value={level.reportedTariff === null ? '' : level.reportedTariff / 100} onChange={(v) => setLevel(i, { reportedTariff: typeof v === 'number' ? toOre(v) : null })} />
            <NumberInput label="ATA-timer pr. uge" style={{ flex: 1 }} min={0} decimalSeparator="," thousandSeparator="." decimalScale={2} hideControls value={level.ataHours ?? ''} onChange={(v) => setLevel(i, { ataHours: typeof v === 'number' ? v : null })} />
            <ActionIcon variant="subtle" color="gray" mb={6} aria-label={`Fjern niveau ${i + 1}`} onClick={() => change({ levels: value.levels.filter((_, j) => j !== i) })}><IconTrash size={16} /></ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => change({ levels: [...value.levels, { name: '', places: 0, reportedTariff: null, ataHours: null }] })}>Tilføj takstniveau</Button>
        </Group>
        <Textarea label="Bemærkninger" description="Begrundelse for ændrede pladser eller en væsentlig takstændring" autosize minRows={2} value={value.reason} onChange={(e) => change({ reason: e.currentTarget.value })} />
        {mode === 'version' && (
          <>
            <DecidingItemSelect label="FU-punkt" description="Punktet, hvor FU (eller DAS) godkendte ændringen" bodyCodes={VERSION_DECIDERS} value={approvedItemId} onChange={(id) => { setApprovedItemId(id); setError(null); }} />
            <TextInput label="FU’s godkendelse" description="Er mødet ikke i appen: hvilket møde godkendte ændringen, fx FU 14.03.2022, punkt 5" value={value.approvalNote} onChange={(e) => change({ approvalNote: e.currentTarget.value })} />
          </>
        )}
        <FormFooter submitLabel={mode === 'version' ? 'Gem ny version' : 'Gem skemaet'} busy={busy} onCancel={onClose} error={error} />
      </Stack>
    </form>
  );
}
