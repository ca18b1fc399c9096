import { Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { OfferDraft } from '../../../../shared/domain/offer-register';
import { FormFooter } from '../../components/FormFooter';
import { YearInput } from '../../components/NumberInputs';
import { fieldErrors } from '../../lib/field-errors';
import { showError } from '../../lib/undo';
import { useReference } from '../../stores/reference';
import { createOffer } from './store';
import { CATEGORY_HELP, CATEGORY_OPTIONS, LEGAL_BASIS_OPTIONS } from './texts';

export function NewOfferModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Nyt tilbud" size="md">
      {opened && <NewOfferForm onClose={onClose} />}
    </Modal>
  );
}

function NewOfferForm({ onClose }: { onClose(): void }) {
  const organisations = useReference((s) => s.organisations);
  const [value, setValue] = useState({ name: '', operatorId: '', legalBasis: '', category: '3', fromYear: new Date().getFullYear() });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<typeof value>) => {
    setValue((v) => ({ ...v, ...patch }));
    setErrors({});
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = OfferDraft.safeParse({ ...value, category: Number(value.category) });
    if (!check.success) {
      const found = fieldErrors(check.error.issues);
      if (!value.operatorId) found.operatorId = 'Vælg driftsherren';
      if (!value.legalBasis) found.legalBasis = 'Vælg lovgrundlaget';
      setErrors(found);
      return;
    }
    setBusy(true);
    try {
      await createOffer(check.data);
      onClose();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <TextInput label="Navn" required data-autofocus value={value.name} error={errors.name} onChange={(e) => change({ name: e.currentTarget.value })} />
        <Select
          label="Driftsherre"
          required
          data={organisations.map((o) => ({ value: o.id, label: o.name }))}
          value={value.operatorId || null}
          error={errors.operatorId}
          onChange={(v) => change({ operatorId: v ?? '' })}
        />
        <Select label="Lovgrundlag" required searchable data={LEGAL_BASIS_OPTIONS} value={value.legalBasis || null} error={errors.legalBasis} onChange={(v) => change({ legalBasis: v ?? '' })} />
        <Group grow align="flex-start">
          <Select label="Kategori" required data={CATEGORY_OPTIONS} allowDeselect={false} value={value.category} onChange={(v) => change({ category: v ?? '3' })} />
          <YearInput label="Fra år" required value={value.fromYear} error={errors.fromYear} onChange={(v) => change({ fromYear: Number(v) })} />
        </Group>
        <Text size="xs" c="dimmed">{CATEGORY_HELP}</Text>
        <FormFooter submitLabel="Opret tilbud" busy={busy} onCancel={onClose} />
      </Stack>
    </form>
  );
}
