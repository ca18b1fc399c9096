import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { getHotkeyHandler } from '@mantine/hooks';
import { useState } from 'react';
import { ConsultationResponseInput, STANCE_LABELS, STANCES, type ConsultationResponse, type Stance } from '../../../../../shared/domain/proposal';
import { parseDanishDate } from '../../../../../shared/format';
import { fieldErrors } from '../../../lib/field-errors';
import { showError } from '../../../lib/undo';
import { useReference } from '../../../stores/reference';
import { saveResponse } from '../store';

const stanceOptions = STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] }));

/** Adds or edits one consultation response; Ctrl+Enter in the text saves it. */
export function ResponseModal({ versionId, response, opened, onClose }: { versionId: string; response: ConsultationResponse | null; opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={response ? 'Ret høringssvar' : 'Nyt høringssvar'} size="lg">
      <ResponseForm versionId={versionId} response={response} onClose={onClose} />
    </Modal>
  );
}

function ResponseForm({ versionId, response, onClose }: { versionId: string; response: ConsultationResponse | null; onClose(): void }) {
  const organisations = useReference((s) => s.organisations);
  const [organisationId, setOrganisationId] = useState<string | null>(response?.organisationId ?? null);
  const [respondent, setRespondent] = useState(response?.respondent ?? '');
  const [receivedOn, setReceivedOn] = useState<string | null>(response?.receivedOn ?? null);
  const [stance, setStance] = useState<Stance>(response?.stance ?? 'stoetter');
  const [text, setText] = useState(response?.text ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  function pickOrganisation(id: string | null) {
    const before = organisations.find((o) => o.id === organisationId)?.name ?? '';
    setOrganisationId(id);
    // The respondent follows the organisation unless something else was typed ("Aalborg FB").
    if (!respondent.trim() || respondent === before) setRespondent(organisations.find((o) => o.id === id)?.name ?? '');
  }

  async function submit() {
    const input = { versionId, organisationId, respondent, receivedOn, stance, text, itemId: response?.itemId ?? null };
    const check = ConsultationResponseInput.safeParse(input);
    if (!check.success) return setErrors(fieldErrors(check.error.issues));
    setBusy(true);
    try {
      await saveResponse({ ...input, ...(response ? { id: response.id, revision: response.revision } : {}) });
      onClose();
    } catch (error) {
      showError(error);
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
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label="Kommune eller region"
            placeholder="Et netværk eller organ: lad stå tom"
            data={organisations.map((o) => ({ value: o.id, label: o.name }))}
            value={organisationId}
            onChange={pickOrganisation}
            searchable
            clearable
            data-autofocus
          />
          <TextInput label="Afsender" placeholder="fx Aalborg FB" value={respondent} onChange={(e) => setRespondent(e.currentTarget.value)} error={errors.respondent} />
          <DateInput label="Modtaget" valueFormat="D. MMMM YYYY" dateParser={(t) => parseDanishDate(t)} placeholder="fx 05.05.2021" value={receivedOn} onChange={setReceivedOn} clearable error={errors.receivedOn} />
          <Select label="Holdning" data={stanceOptions} value={stance} onChange={(v) => v && setStance(v as Stance)} allowDeselect={false} error={errors.stance} />
        </SimpleGrid>
        <Textarea
          label="Høringssvar"
          description="Ctrl+Enter gemmer"
          autosize
          minRows={5}
          maxRows={16}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={getHotkeyHandler([['mod+Enter', () => void submit()]])}
          error={errors.text}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Annuller</Button>
          <Button type="submit" loading={busy}>{response ? 'Gem' : 'Tilføj høringssvar'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
