import { Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconPlus, IconReportMoney } from '@tabler/icons-react';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { OfferRow, OfferSort } from '../../../../shared/domain/offer-register';
import { OFFER_STATUS_LABELS, type LegalBasis, type OfferCategory, type OfferStatus } from '../../../../shared/domain/tariff-year';
import { formatInteger } from '../../../../shared/format';
import { YearInput } from '../../components/NumberInputs';
import { PageHeader } from '../../components/PageHeader';
import { showError } from '../../lib/undo';
import { openOffer, openOperatorLedger } from '../../stores/navigation';
import { useReference } from '../../stores/reference';
import { NewOfferModal } from './NewOfferModal';
import { exportOfferRegister, loadOffers, setOfferQuery, useOffers } from './store';
import { CATEGORY_OPTIONS, LEGAL_BASIS_OPTIONS, shortLegalBasis, STATUS_COLORS, STATUS_OPTIONS } from './texts';

const SORT_OPTIONS: { value: OfferSort; label: string }[] = [
  { value: 'operator', label: 'Driftsherre' },
  { value: 'name', label: 'Navn' },
  { value: 'legalBasis', label: 'Lovgrundlag' },
  { value: 'category', label: 'Kategori' },
];

function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, offer: OfferRow) {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    openOffer(offer.id);
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const sibling = event.key === 'ArrowDown' ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling;
    (sibling as HTMLElement | null)?.focus();
  }
}

export function OfferRegister() {
  const { rows, loaded, query } = useOffers();
  const organisations = useReference((s) => s.organisations);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const year = query.year ?? new Date().getFullYear();
  const filtered = query.operatorId !== undefined || query.legalBasis !== undefined || query.category !== undefined || query.status !== undefined;

  useEffect(() => {
    loadOffers().catch(showError);
  }, []);

  async function runExport() {
    setExporting(true);
    try {
      const saved = await exportOfferRegister();
      if (saved) notifications.show({ color: 'teal', title: 'Eksporteret', message: `${saved} er gemt.`, autoClose: 5000 });
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  }

  const set = (patch: Parameters<typeof setOfferQuery>[0]) => setOfferQuery(patch).catch(showError);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Tilbudsregister"
        description="Tilbuddene i Nordjysk Socialaftale med driftsherre, lovgrundlag, kategori og pladser."
        actions={
          <>
            {query.operatorId !== undefined && (
              <Button variant="default" leftSection={<IconReportMoney size={16} />} onClick={() => openOperatorLedger(query.operatorId!)}>
                Driftsherrens 5 %-regnskab
              </Button>
            )}
            <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={exporting} onClick={() => void runExport()}>
              Eksportér .xlsx
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              Nyt tilbud
            </Button>
          </>
        }
      />
      <NewOfferModal opened={creating} onClose={() => setCreating(false)} />
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filtrér tilbuddene">
        <Select
          label="Driftsherre"
          placeholder="Alle driftsherrer"
          clearable
          w={180}
          data={organisations.map((o) => ({ value: o.id, label: o.name }))}
          value={query.operatorId ?? null}
          onChange={(v) => set({ operatorId: v ?? undefined })}
        />
        <Select
          label="Lovgrundlag"
          placeholder="Alle lovgrundlag"
          clearable
          searchable
          w={200}
          data={LEGAL_BASIS_OPTIONS}
          value={query.legalBasis ?? null}
          onChange={(v) => set({ legalBasis: (v ?? undefined) as LegalBasis | undefined })}
          comboboxProps={{ width: 420, position: 'bottom-start' }}
        />
        <Select
          label="Kategori"
          placeholder="Alle"
          clearable
          w={130}
          data={CATEGORY_OPTIONS}
          value={query.category === undefined ? null : String(query.category)}
          onChange={(v) => set({ category: v ? (Number(v) as OfferCategory) : undefined })}
        />
        <YearInput label="Kategori i år" w={104} value={year} onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && set({ year: v })} />
        <Select
          label="Status"
          placeholder="Alle"
          clearable
          w={150}
          data={STATUS_OPTIONS}
          value={query.status ?? null}
          onChange={(v) => set({ status: (v ?? undefined) as OfferStatus | undefined })}
        />
        <Select label="Sortér efter" w={140} data={SORT_OPTIONS} value={query.sort ?? 'operator'} allowDeselect={false} onChange={(v) => v && set({ sort: v as OfferSort })} />
      </Group>
      <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
        {!loaded ? (
          <Group justify="center" p="lg"><Loader size="sm" /></Group>
        ) : rows.length === 0 ? (
          <Text c="dimmed" p="lg" ta="center" data-testid="offers-empty">
            {filtered ? 'Ingen tilbud passer til filtrene.' : 'Registret er tomt. Opret det første tilbud med «Nyt tilbud».'}
          </Text>
        ) : (
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label="Tilbudsregister">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Tilbud</Table.Th>
                <Table.Th w="20%">Driftsherre</Table.Th>
                <Table.Th w="19%">Lovgrundlag</Table.Th>
                <Table.Th w={130} style={{ whiteSpace: 'nowrap' }}>Kategori {year}</Table.Th>
                <Table.Th w={90} ta="right">Pladser</Table.Th>
                <Table.Th w={170}>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((o) => (
                <Table.Tr key={o.id} tabIndex={0} data-testid="offer-row" style={{ cursor: 'pointer' }} onClick={() => openOffer(o.id)} onKeyDown={(e) => onRowKey(e, o)}>
                  <Table.Td><Text fw={500} size="sm">{o.name}</Text></Table.Td>
                  <Table.Td><Text size="sm">{o.operatorName}</Text></Table.Td>
                  <Table.Td><Text size="sm" title={o.legalBasis}>{shortLegalBasis(o.legalBasis)}</Text></Table.Td>
                  <Table.Td><Text size="sm" c={o.category === null ? 'dimmed' : undefined}>{o.category ?? '–'}</Text></Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" c={o.latestPlaces ? undefined : 'dimmed'} title={o.latestPlaces ? `Skemaet for ${o.latestPlaces.year}` : 'Intet takstberegningsskema endnu'}>
                      {o.latestPlaces ? formatInteger(o.latestPlaces.places) : '–'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={STATUS_COLORS[o.status]} radius="sm" size="lg" tt="none" fw={500}>{OFFER_STATUS_LABELS[o.status]}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {loaded && rows.length > 0 && <Text size="sm" c="dimmed">{rows.length === 1 ? '1 tilbud' : `${formatInteger(rows.length)} tilbud`}</Text>}
    </Stack>
  );
}
