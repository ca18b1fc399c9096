import { Button, Group, Modal, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ScenarioInput } from '../../../../shared/domain/scenario';
import { showError } from '../../lib/undo';
import { openScenario } from '../../stores/navigation';
import { useReference } from '../../stores/reference';
import { createScenario, fetchScenario, useScenarios } from './store';
import { populationKey } from './key';

type Start = 'blank' | 'copy' | 'variant';

/**
 * A new base scenario (blank, or a copy of another scenario's figures) or a variant of a base. Opened with N or with
 * `variantOf`, which starts it as a variant of that base.
 */
export function NewScenarioModal({ opened, onClose, variantOf }: { opened: boolean; onClose: () => void; variantOf?: string }) {
  // The form lives inside the modal, so it starts afresh every time the modal opens.
  return (
    <Modal opened={opened} onClose={onClose} title="Nyt scenarie" size="md">
      <NewScenarioForm onClose={onClose} variantOf={variantOf} />
    </Modal>
  );
}

function NewScenarioForm({ onClose, variantOf }: { onClose: () => void; variantOf?: string }) {
  const items = useScenarios((s) => s.items);
  const organisations = useReference((s) => s.organisations);
  const [start, setStart] = useState<Start>(variantOf ? 'variant' : 'blank');
  const [sourceId, setSourceId] = useState<string | null>(variantOf ?? null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const bases = items.filter((i) => i.baseId === null);
  const sources = start === 'variant' ? bases : items;

  async function submit() {
    if (!name.trim()) return setError('Giv scenariet et navn');
    if (start !== 'blank' && !sourceId) return setError(start === 'variant' ? 'Vælg grundscenariet' : 'Vælg scenariet, der skal kopieres');
    setBusy(true);
    try {
      let created;
      if (start === 'variant') created = await createScenario({ name, baseId: sourceId! });
      else {
        const input: ScenarioInput = start === 'copy' ? (await fetchScenario(sourceId!)).input : blankInput(populationKey(organisations));
        created = await createScenario({ name, input: { ...input, name } });
      }
      onClose();
      openScenario(created.id);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <SegmentedControl
            value={start}
            onChange={(v) => setStart(v as Start)}
            data={[
              { value: 'blank', label: 'Tomt' },
              { value: 'copy', label: 'Kopi af et scenarie' },
              { value: 'variant', label: 'Variant' },
            ]}
          />
          {start !== 'blank' && (
            <Select
              label={start === 'variant' ? 'Grundscenarie' : 'Kopiér tallene fra'}
              description={start === 'variant' ? 'Varianten følger grundscenariet og gemmer kun det, du ændrer.' : undefined}
              data={sources.map((s) => ({ value: s.id, label: s.name }))}
              value={sourceId}
              onChange={setSourceId}
              searchable
              nothingFoundMessage="Ingen scenarier"
            />
          )}
          <TextInput label="Navn" value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} data-autofocus maxLength={200} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Annuller</Button>
            <Button type="submit" loading={busy}>Opret</Button>
          </Group>
        </Stack>
    </form>
  );
}

/** A sensible start: ten places at 95 %, two ramp-up years, costs 60 % fixed, the municipalities by population. */
function blankInput(key: Record<string, number>): ScenarioInput {
  const year = new Date().getFullYear() + 1;
  return {
    name: '',
    agreementYear: 2022,
    places: 10,
    occupancy: 0.95,
    offerKind: 'normal',
    fullOperationBudget: 10_000_000,
    budgetLines: [],
    levels: [],
    startupCosts: 0,
    years: [
      { year, occupancy: 0.5 },
      { year: year + 1, occupancy: 1 },
    ],
    fixedShare: 0.6,
    split: { regionShare: 0, key },
  };
}
