import { ActionIcon, Button, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { OUTCOME_LABELS, OUTCOMES, type AgendaItem, type Decision, type Outcome } from '../../../../shared/domain/agenda';
import { ApiError } from '../../api/client';
import { RichText } from '../../components/RichText';
import { SaveIndicator } from '../../components/SaveIndicator';
import { useAutosave } from '../../lib/autosave';
import { insertedAt, showError, useRowUndo } from '../../lib/undo';
import { removeWhenLeftEmpty, useAddedRows } from '../../lib/added-rows';
import { PartyInput, useMembers } from '../../components/PartyInput';
import { saveDecision } from './store';
import { loadMeetings, useMeetings } from '../meetings/store';
import { LOCKED } from '../meetings/texts';

interface Draft {
  text: string;
  outcome: Outcome | null;
  pointOutcomes: Record<string, Outcome>;
  reservations: { party: string; organisationId: string | null; text: string }[];
}

const draftOf = (d: Decision | null): Draft => ({
  text: d?.text ?? '',
  outcome: d?.outcome ?? null,
  pointOutcomes: d?.pointOutcomes ?? {},
  reservations: (d?.reservations ?? []).map(({ party, organisationId, text }) => ({ party, organisationId, text })),
});

const outcomeOptions = OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }));

/** Beslutning: the text, a structured outcome, an outcome per Indstilling point and named reservations. */
export function DecisionPanel({ item, locked }: { item: AgendaItem; locked: boolean }) {
  const [draft, setDraft] = useState(() => draftOf(item.decision));
  const revision = useRef<number | null>(item.decision?.revision ?? null);
  const members = useMembers(useMeetings((s) => s.items.find((m) => m.id === item.meetingId)?.bodyId));
  const rows = useAddedRows();

  const { state, schedule, retry } = useAutosave<Draft>(async (next) => {
    const saved = await saveDecision(
      {
        itemId: item.id,
        revision: revision.current,
        ...next,
        reservations: next.reservations.filter((r) => r.party.trim() !== ''),
      },
      item.meetingId,
    ).catch((error: unknown) => {
        // Locked since this window last heard: show the meeting as it now is (the typed text stays).
        if (error instanceof ApiError && error.code === 'LOCKED') loadMeetings().catch(showError);
        throw error;
      });
    revision.current = saved.revision;
  });

  // Read-only when locked; whatever change still comes is sent, so the backend's refusal shows.
  function change(patch: Partial<Draft>) {
    const next = { ...draft, ...patch };
    setDraft(next);
    schedule(next);
  }
  const offerRowUndo = useRowUndo({ draft, change });

  const setReservation = (index: number, patch: Partial<Draft['reservations'][number]>) =>
    change({ reservations: draft.reservations.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  const removeReservation = (index: number) => {
    const removed = draft.reservations[index]!;
    change({ reservations: draft.reservations.filter((_, i) => i !== index) });
    if (removed.party.trim() || removed.text.trim()) {
      offerRowUndo(`Forbeholdet${removed.party.trim() ? ` fra ${removed.party.trim()}` : ''} er fjernet.`, (current) => current.change({ reservations: insertedAt(current.draft.reservations, index, removed) }));
    }
  };
  function addReservation() {
    rows.added(draft.reservations.length);
    change({ reservations: [...draft.reservations, { party: '', organisationId: null, text: '' }] });
  }

  return (
    <Stack gap="sm" data-testid="decision-panel">
      <Group justify="space-between">
        <Title order={4}>Beslutning</Title>
        <SaveIndicator state={state} onRetry={() => void retry()} locked={locked ? LOCKED.short : null} />
      </Group>
      <Select label="Udfald" placeholder="Vælg udfald" data={outcomeOptions} value={draft.outcome} clearable readOnly={locked} onChange={(v) => change({ outcome: (v as Outcome | null) ?? null })} w={280} />
      <RichText label="Beslutningstekst" value={draft.text} onChange={(text) => change({ text })} readOnly={locked} />
      {item.recommendations.length > 1 && (
        <Stack gap={6}>
          <Text size="sm" fw={500}>Udfald pr. indstillingspunkt</Text>
          {item.recommendations.map((r, index) => (
            <Group key={r.id} gap="sm" wrap="nowrap" align="flex-start">
              <Text size="sm" style={{ flex: 1 }}>{index + 1}. {r.text || '(tomt punkt)'}</Text>
              <Select
                aria-label={`Udfald for indstilling ${index + 1}`}
                placeholder={draft.outcome ? `Som helhed: ${OUTCOME_LABELS[draft.outcome]}` : 'Som helhed'}
                data={outcomeOptions}
                value={draft.pointOutcomes[r.id] ?? null}
                clearable
                readOnly={locked}
                w={240}
                onChange={(v) => {
                  const pointOutcomes = { ...draft.pointOutcomes };
                  if (v) pointOutcomes[r.id] = v as Outcome;
                  else delete pointOutcomes[r.id];
                  change({ pointOutcomes });
                }}
              />
            </Group>
          ))}
        </Stack>
      )}
      <Stack gap={6}>
        <Text size="sm" fw={500}>Forbehold</Text>
        {draft.reservations.map((r, index) => (
          <Group key={index} gap="xs" wrap="nowrap" onBlur={locked ? undefined : removeWhenLeftEmpty(!r.party.trim() && !r.text.trim(), () => removeReservation(index))}>
            <PartyInput
              ref={rows.firstField(index)}
              aria-label={`Forbehold ${index + 1} fra`}
              placeholder="Fra: vælg, eller skriv"
              value={r.party}
              members={members}
              readOnly={locked}
              onChange={(party, organisationId) => setReservation(index, { party, organisationId })}
              style={{ flex: 1 }}
            />
            <Textarea autosize minRows={1} aria-label={`Forbehold ${index + 1} tekst`} placeholder="Forbeholdet" value={r.text} readOnly={locked} onChange={(e) => setReservation(index, { text: e.currentTarget.value })} style={{ flex: 2 }} />
            {!locked && <ActionIcon variant="subtle" color="gray" aria-label={`Fjern forbehold ${index + 1}`} onClick={() => removeReservation(index)}><IconX size={16} /></ActionIcon>}
          </Group>
        ))}
        {!locked && (
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={addReservation}>
            Tilføj forbehold
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
