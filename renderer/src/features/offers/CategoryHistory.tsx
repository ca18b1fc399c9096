import { Button, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { CategoryChangeInput, type OfferRow } from '../../../../shared/domain/offer-register';
import { FormFooter } from '../../components/FormFooter';
import { YearInput } from '../../components/NumberInputs';
import { fieldErrors } from '../../lib/field-errors';
import { showError } from '../../lib/undo';
import { Section } from '../../components/Section';
import { CATEGORY_DECIDERS, DecidingItemLink, DecidingItemSelect } from './DecidingItem';
import { changeCategory } from './store';
import { CATEGORY_HELP, CATEGORY_OPTIONS } from './texts';

/** The category from each year on, with why and who decided; «Skift kategori» adds a change from a later year. */
export function CategoryHistory({ offer }: { offer: OfferRow }) {
  const [changing, setChanging] = useState(false);
  return (
    <Section title="Kategori" hint={CATEGORY_HELP}>
      <Table verticalSpacing={6} aria-label="Kategorihistorik">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>Fra år</Table.Th>
            <Table.Th w={100}>Kategori</Table.Th>
            <Table.Th>Begrundelse</Table.Th>
            <Table.Th w="28%">Besluttet</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offer.categories.map((c) => (
            <Table.Tr key={c.id} data-testid="category-row">
              <Table.Td>{c.fromYear}</Table.Td>
              <Table.Td>{c.category}</Table.Td>
              <Table.Td><Text size="sm">{c.reason || '–'}</Text></Table.Td>
              <Table.Td>
                {c.decisionItemId && <DecidingItemLink itemId={c.decisionItemId} />}
                {(c.decidedBy || !c.decisionItemId) && <Text size="sm" c={c.decidedBy ? undefined : 'dimmed'}>{c.decidedBy || 'Ikke angivet'}</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="light" leftSection={<IconArrowsExchange size={16} />} onClick={() => setChanging(true)}>
          Skift kategori
        </Button>
      </Group>
      <Modal opened={changing} onClose={() => setChanging(false)} title="Skift kategori" size="lg">
        {changing && <CategoryForm offer={offer} onClose={() => setChanging(false)} />}
      </Modal>
    </Section>
  );
}

function CategoryForm({ offer, onClose }: { offer: OfferRow; onClose(): void }) {
  const [value, setValue] = useState({ fromYear: offer.year + 1, category: String(offer.category === 3 ? 2 : 3), reason: '', decisionItemId: null as string | null, decidedBy: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<typeof value>) => {
    setValue((v) => ({ ...v, ...patch }));
    setErrors({});
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = CategoryChangeInput.safeParse({ offerId: offer.id, ...value, category: Number(value.category) });
    if (!check.success) return setErrors(fieldErrors(check.error.issues));
    setBusy(true);
    try {
      await changeCategory(check.data);
      notifications.show({ color: 'teal', message: `Kategori ${value.category} fra ${value.fromYear} er gemt.`, autoClose: 4000 });
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
        <Text size="sm" c="dimmed">Kategorien skiftes ved den årlige ind- og udmelding og gælder fra det valgte år. Et år med et godkendt takstberegningsskema kan ikke ændres.</Text>
        <Group grow align="flex-start">
          <YearInput label="Fra år" required value={value.fromYear} error={errors.fromYear} onChange={(v) => change({ fromYear: Number(v) })} data-autofocus />
          <Select label="Ny kategori" required allowDeselect={false} data={CATEGORY_OPTIONS} value={value.category} onChange={(v) => change({ category: v ?? value.category })} />
        </Group>
        <Textarea label="Begrundelse" required autosize minRows={2} value={value.reason} error={errors.reason} onChange={(e) => change({ reason: e.currentTarget.value })} />
        <DecidingItemSelect
          label="Dagsordenspunkt"
          description="DAS- eller FU-punktet, der godkendte skiftet"
          bodyCodes={CATEGORY_DECIDERS}
          value={value.decisionItemId}
          error={errors.decisionItemId}
          onChange={(decisionItemId) => change({ decisionItemId })}
        />
        <TextInput label="Beslutning" description="Er beslutningen ikke i appen: hvem godkendte skiftet og hvornår, fx DAS 12.10.2021" value={value.decidedBy} error={errors.decidedBy} onChange={(e) => change({ decidedBy: e.currentTarget.value })} />
        <FormFooter submitLabel="Gem kategori" busy={busy} onCancel={onClose} />
      </Stack>
    </form>
  );
}
