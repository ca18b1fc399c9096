import { Anchor, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { OfferRow } from '../../../../shared/domain/offer-register';
import type { LegalBasis, OfferStatus, TariffUnit } from '../../../../shared/domain/tariff-year';
import { YearInput } from '../../components/NumberInputs';
import { PageHeader } from '../../components/PageHeader';
import { SaveIndicator } from '../../components/SaveIndicator';
import { Section } from '../../components/Section';
import { useAutosave } from '../../lib/autosave';
import { showError } from '../../lib/undo';
import { openOffer } from '../../stores/navigation';
import { useReference } from '../../stores/reference';
import { CategoryHistory } from './CategoryHistory';
import { LedgerSection } from './LedgerSection';
import { SheetsSection } from './SheetsSection';
import { loadOpenOffer, updateOpenOffer, useOffers } from './store';
import { LEGAL_BASIS_OPTIONS, OFFER_KIND_OPTIONS, STATUS_OPTIONS, TARIFF_UNIT_OPTIONS } from './texts';

type Fields = Pick<OfferRow, 'name' | 'operatorId' | 'address' | 'legalBasis' | 'targetGroup' | 'offerKind' | 'tariffUnit' | 'portalNumber' | 'status' | 'firstYear' | 'notes'>;

const fieldsOf = (o: OfferRow): Fields => ({
  name: o.name,
  operatorId: o.operatorId,
  address: o.address,
  legalBasis: o.legalBasis,
  targetGroup: o.targetGroup,
  offerKind: o.offerKind,
  tariffUnit: o.tariffUnit,
  portalNumber: o.portalNumber,
  status: o.status,
  firstYear: o.firstYear,
  notes: o.notes,
});

export function OfferPage({ offerId }: { offerId: string }) {
  const open = useOffers((s) => (s.open?.id === offerId ? s.open : null));
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    loadOpenOffer(offerId).catch((error: unknown) => {
      setMissing(true);
      showError(error);
    });
  }, [offerId]);
  if (!open) return missing ? <Text c="dimmed">Tilbuddet findes ikke (længere).</Text> : <Loader size="sm" />;
  return <OfferEditor offer={open} />;
}

function OfferEditor({ offer }: { offer: OfferRow }) {
  const organisations = useReference((s) => s.organisations);
  const [draft, setDraft] = useState<Fields>(() => fieldsOf(offer));
  const autosave = useAutosave<Fields>(async (value) => {
    await updateOpenOffer(value);
  });
  const change = (patch: Partial<Fields>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    autosave.schedule(next);
  };

  return (
    <Stack gap="lg">
      <Anchor component="button" type="button" size="sm" onClick={() => openOffer(null)} style={{ alignSelf: 'flex-start' }}>
        <Group gap={4}><IconArrowLeft size={14} /> Alle tilbud</Group>
      </Anchor>
      <PageHeader title={offer.name || 'Tilbud uden navn'} description={`${offer.operatorName} · kategori ${offer.category ?? '–'} i ${offer.year}`} actions={<SaveIndicator state={autosave.state} onRetry={() => void autosave.retry()} />} />
      <Section title="Oplysninger" hint="Ændringer gemmes af sig selv.">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput label="Navn" required value={draft.name} onChange={(e) => change({ name: e.currentTarget.value })} />
          <Select
            label="Driftsherre"
            data={organisations.map((o) => ({ value: o.id, label: o.name }))}
            allowDeselect={false}
            value={draft.operatorId}
            onChange={(v) => v && change({ operatorId: v })}
          />
          <Select label="Lovgrundlag" searchable allowDeselect={false} data={LEGAL_BASIS_OPTIONS} value={draft.legalBasis} onChange={(v) => v && change({ legalBasis: v as LegalBasis })} />
          <TextInput label="Adresse" value={draft.address} onChange={(e) => change({ address: e.currentTarget.value })} />
          <Select label="Tilbudstype" allowDeselect={false} data={OFFER_KIND_OPTIONS} value={draft.offerKind} onChange={(v) => v && change({ offerKind: v as Fields['offerKind'] })} />
          <Select label="Takstenhed" allowDeselect={false} data={TARIFF_UNIT_OPTIONS} value={draft.tariffUnit} onChange={(v) => v && change({ tariffUnit: v as TariffUnit })} />
          <TextInput label="Nummer på Tilbudsportalen" value={draft.portalNumber} onChange={(e) => change({ portalNumber: e.currentTarget.value })} />
          <Select label="Status" allowDeselect={false} data={STATUS_OPTIONS} value={draft.status} onChange={(v) => v && change({ status: v as OfferStatus })} />
          <YearInput
            label="Første driftsår"
            description="For et nyt tilbud: det første år i drift"
            value={draft.firstYear ?? ''}
            onChange={(v) => change({ firstYear: typeof v === 'number' ? v : null })}
          />
        </SimpleGrid>
        <Textarea label="Målgruppe" autosize minRows={2} value={draft.targetGroup} onChange={(e) => change({ targetGroup: e.currentTarget.value })} />
        <Textarea label="Noter" autosize minRows={2} value={draft.notes} onChange={(e) => change({ notes: e.currentTarget.value })} />
      </Section>
      <CategoryHistory offer={offer} />
      <SheetsSection offer={offer} />
      <LedgerSection offer={offer} />
    </Stack>
  );
}
