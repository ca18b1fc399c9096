import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconArrowRight, IconCalendarPlus, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { MEETING_STATUS_LABELS, type Meeting } from '../../../../../shared/domain/meeting';
import { formatList, formatNumericDate, todayIso } from '../../../../../shared/format';
import { JobProgress } from '../../../components/JobProgress';
import { progressOf, useJob } from '../../../lib/jobs';
import { showError } from '../../../lib/undo';
import { useMeetings } from '../../meetings/store';
import { refreshOpenProposal, startPutOnAgenda } from '../store';
import { useEconomy } from '../use-economy';
import { useVersionEditor } from '../version-editor';
import { itemReference, openAgendaItem } from './open-item';

/** Meetings that can still take an item: coming and planned ones first (soonest first), then the rest (newest first). */
function meetingGroups(meetings: readonly Meeting[]) {
  const today = todayIso();
  const open = meetings.filter((m) => m.status !== 'referat_godkendt');
  const ahead = open.filter((m) => m.date >= today || m.status === 'planlagt' || m.status === 'dagsorden_udsendt').sort((a, b) => a.date.localeCompare(b.date));
  const rest = open.filter((m) => !ahead.includes(m)).sort((a, b) => b.date.localeCompare(a.date));
  const option = (m: Meeting) => ({ value: m.id, label: `${m.bodyCode} ${formatNumericDate(m.date)} – ${MEETING_STATUS_LABELS[m.status]}` });
  return [
    { group: 'Kommende og planlagte møder', items: ahead.map(option) },
    { group: 'Tidligere møder', items: rest.map(option) },
  ].filter((g) => g.items.length > 0);
}

type PutResult = { itemId: string; warnings: string[] } | null;

/**
 * «Sæt på dagsorden …»: creates the item with its sections, draft Indstilling and annexes, and locks the version.
 * What is missing is shown before anything is sent, as the reason it cannot go yet.
 */
export function PutOnAgenda() {
  const { proposal, version: onScreen, flush } = useVersionEditor();
  const meetings = useMeetings((s) => s.items);
  const [versionNumber, setVersionNumber] = useState(onScreen.number);
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [stepPick, setStepPick] = useState<string | null | undefined>(undefined);
  const job = useJob();
  const [outcome, setOutcome] = useState<PutResult>(null);

  const version = proposal.versions.find((v) => v.number === versionNumber) ?? onScreen;
  const { economy } = useEconomy(proposal.id, version.number, version.revision);
  const meeting = meetings.find((m) => m.id === meetingId);
  const openSteps = proposal.steps.filter((s) => s.itemId === null);
  // The step it treats: picked, or the first open step of the meeting's body.
  const suggested = openSteps.find((s) => s.bodyId === meeting?.bodyId)?.id ?? null;
  const stepId = stepPick === undefined ? suggested : stepPick;
  const missing = economy?.missing ?? [];
  const blocked = missing.length > 0;

  async function put() {
    if (!meetingId) return;
    setOutcome(null);
    try {
      await flush();
    } catch (error) {
      showError(error);
      return;
    }
    // A refusal (missing fields, already on that agenda) or a failure is told by the job hook in the backend's words.
    const request = { proposalId: proposal.id, versionNumber, meetingId, ...(stepId ? { stepId } : {}) };
    const result = await job.run('agendaItem', () => startPutOnAgenda(request), 'Forslaget blev ikke sat på dagsordenen; der er ikke oprettet noget punkt.');
    if (!result) return;
    await refreshOpenProposal();
    setOutcome({ itemId: result.itemId, warnings: result.warnings });
    // One item per meeting: the meeting is picked again for the next one.
    setMeetingId(null);
    setStepPick(undefined);
  }

  return (
    <Paper withBorder radius="md" p="md" data-testid="put-on-agenda">
      <Stack gap="sm">
        <div>
          <Title order={4}>Sæt på dagsorden …</Title>
          <Text size="xs" c="dimmed">Opretter punktet med resumé, sagsfremstilling, økonomi, høring, et udkast til indstilling og bilagene. Versionen låses, så det står klart, hvad der blev behandlet.</Text>
        </div>
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="sm">
          <Select label="Version" data={proposal.versions.map((v) => ({ value: String(v.number), label: `Version ${v.number}${v.lockedAt ? ' (låst)' : ''}` }))} value={String(versionNumber)} onChange={(v) => v && setVersionNumber(Number(v))} allowDeselect={false} />
          <Select label="Møde" placeholder="Vælg et møde" data={meetingGroups(meetings)} value={meetingId} onChange={(id) => { setMeetingId(id); setStepPick(undefined); }} searchable nothingFoundMessage="Intet møde passer" />
          <Select
            label="Trin på godkendelsesvejen"
            placeholder="Nyt trin for mødets organ"
            data={openSteps.map((s) => ({ value: s.id, label: `${s.position}. ${s.bodyCode}${s.plannedDate ? ` ${formatNumericDate(s.plannedDate)}` : ''}` }))}
            value={stepId}
            onChange={(v) => setStepPick(v)}
            clearable
            disabled={openSteps.length === 0}
          />
        </SimpleGrid>
        {blocked && (
          <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} title={`Version ${versionNumber} kan ikke sættes på en dagsorden endnu`} data-testid="agenda-refusal">
            <Text size="sm">Udfyld først: {formatList(missing)}.</Text>
          </Alert>
        )}
        <Group>
          <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => void put()} loading={job.running} disabled={!meetingId || blocked || economy === null}>
            Sæt på dagsordenen
          </Button>
          {meeting && !blocked && <Text size="sm" c="dimmed">Punktet sættes før de afsluttende standardpunkter på {meeting.bodyCode} {formatNumericDate(meeting.date)}.</Text>}
        </Group>
        {job.status && <JobProgress {...progressOf(job.status)} onCancel={() => void job.cancel().catch(showError)} />}
        <Result outcome={outcome} />
      </Stack>
    </Paper>
  );
}

function Result({ outcome }: { outcome: PutResult }) {
  const { proposal } = useVersionEditor();
  if (!outcome) return null;
  const step = proposal.steps.find((s) => s.itemId === outcome.itemId);
  return (
    <Alert color="teal" variant="light" icon={<IconCheck size={18} />} title="Punktet er oprettet" data-testid="agenda-created">
      <Stack gap={6}>
        {step?.item ? (
          <Text size="sm">
            {itemReference(step)}: «{step.item.title}».
          </Text>
        ) : (
          <Text size="sm">Punktet er oprettet på dagsordenen.</Text>
        )}
        {outcome.warnings.length > 0 && (
          <Stack gap={2} component="ul" m={0} pl="md">
            {outcome.warnings.map((w) => (
              <Text component="li" size="sm" key={w} c="orange.9">{w}</Text>
            ))}
          </Stack>
        )}
        {step?.item && (
          <Button size="xs" variant="light" rightSection={<IconArrowRight size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => void openAgendaItem(step.item!.meetingId, outcome.itemId)}>
            Gå til punktet
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
