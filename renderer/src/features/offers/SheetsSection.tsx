import { Badge, Button, Group, Modal, Select, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { SHEET_STATUS_LABELS, type SheetStatus } from '../../../../shared/domain/tariff-year';
import type { OfferRow } from '../../../../shared/domain/offer-register';
import { formatTimestamp } from '../../../../shared/format';
import { EmptyList, Section } from '../../components/Section';
import { showError } from '../../lib/undo';
import { DecidingItemLink } from './DecidingItem';
import { SheetForm } from './SheetForm';
import { SheetSummary } from './SheetSummary';
import { loadOfferSheets, reopenSheet, submitSheet, useOfferSheets } from './store';

const STATUS_COLORS: Record<SheetStatus, string> = { draft: 'gray', submitted: 'blue', approved: 'teal', amended: 'grape' };

/** «Takstberegningsskemaer»: one year's current sheet, computed, with what its status allows. */
export function SheetsSection({ offer }: { offer: OfferRow }) {
  const state = useOfferSheets();
  const mine = state.offerId === offer.id;
  const years = mine ? state.years : [];
  const year = mine ? state.year : null;
  const sheet = mine ? state.sheet : null;
  const [editing, setEditing] = useState<'edit' | 'version' | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    loadOfferSheets(offer).catch(showError);
    // Reloaded by the store on changes; the offer's identity is what picks the sheets.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [offer.id]);

  const current = sheet?.current ?? null;
  const status = current?.sheet.status ?? null;
  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await run();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Takstberegningsskemaer" testId="offer-sheets" hint="Driftsherrens skema for hvert år: budget, pladser og belægning, og taksten som den beregnes efter Styringsaftalen.">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" gap="md">
          <Select
            label="År"
            w={120}
            allowDeselect={false}
            data={years.map(String)}
            value={year === null ? null : String(year)}
            onChange={(v) => v && loadOfferSheets(offer, Number(v)).catch(showError)}
          />
          {status && (
            <Group gap={6} pb={6}>
              <Badge color={STATUS_COLORS[status]} variant="light" data-testid="sheet-status">{SHEET_STATUS_LABELS[status]}</Badge>
              {current?.locked && (
                <Badge color="gray" variant="outline" leftSection={<IconLock size={12} />}>Låst</Badge>
              )}
              {current && current.sheet.version > 1 && <Text size="sm" c="dimmed">version {current.sheet.version}</Text>}
            </Group>
          )}
        </Group>
        <Group gap="xs">
          {(status === null || status === 'draft') && (
            <Button variant={status ? 'default' : 'filled'} onClick={() => setEditing('edit')} disabled={year === null}>
              {status ? 'Ret skemaet' : 'Opret skema'}
            </Button>
          )}
          {status === 'draft' && current && (
            <Button loading={busy} onClick={() => void act(() => submitSheet(current.sheet.id, current.sheet.revision))}>Indsend</Button>
          )}
          {status === 'submitted' && current && (
            <Button variant="default" loading={busy} onClick={() => void act(() => reopenSheet(current.sheet.id, current.sheet.revision))}>Genåbn</Button>
          )}
          {current?.locked && <Button variant="default" onClick={() => setEditing('version')}>Ny version (ændring i årets løb)</Button>}
        </Group>
      </Group>
      {current?.locked && (
        <Text size="sm" c="dimmed" data-testid="sheet-approval">
          <ApprovalText sheet={current.sheet} />
        </Text>
      )}
      {current ? (
        <SheetSummary sheet={sheet!} />
      ) : (
        <EmptyList title={`Intet skema for ${year ?? ''}`} hint={`Opret skemaet her${sheet?.startingPoint ? ` (det udfyldes med tallene fra ${sheet.startingPoint.fromYear})` : ''}, eller indlæs det fra driftsherrens skabelon under Indstillinger → Takstskemaer fra driftsherrerne.`} />
      )}
      {/* Wide enough for Tabel 4's category names and the budget texts carried over from last year, at 1280 px. */}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'version' ? `Ny version af skemaet for ${year}` : `Takstberegningsskema ${year}`} size={1040}>
        {editing && sheet && <SheetForm sheet={sheet} mode={editing} onClose={() => setEditing(null)} />}
      </Modal>
    </Section>
  );
}

/** How the locked sheet was approved, naming the deciding item (a link) where one was picked. */
function ApprovalText({ sheet }: { sheet: { status: SheetStatus; approvedItemId: string | null; approvedAt: string | null; content: { approvalNote: string } } }) {
  const when = sheet.approvedAt ? ` ${formatTimestamp(sheet.approvedAt)}` : '';
  const item = sheet.approvedItemId && <> ved beslutningen på <DecidingItemLink itemId={sheet.approvedItemId} /></>;
  const note = sheet.content.approvalNote;
  if (sheet.status === 'amended') {
    return <>Ændret i årets løb og godkendt{item ? '' : ' af FU'}{when}{item}{note ? `${item ? ' · ' : ': '}${note}` : ''}. Skemaet er låst.</>;
  }
  return <>Godkendt{when}{item}. Skemaet er låst og kan kun ændres ved en ny version, som FU godkender.</>;
}
