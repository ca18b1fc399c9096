import { ActionIcon, Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconArrowDown, IconArrowUp, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { OUTCOME_LABELS, OUTCOMES, type Outcome } from '../../../../../shared/domain/agenda';
import type { ApprovalStep, ApprovalStepInput } from '../../../../../shared/domain/proposal';
import { parseDanishDate } from '../../../../../shared/format';
import { SaveIndicator } from '../../../components/SaveIndicator';
import { useAutosave } from '../../../lib/autosave';
import { insertedAt, useRowUndo } from '../../../lib/undo';
import { useReference } from '../../../stores/reference';
import { setApprovalSteps } from '../store';
import { useVersionEditor } from '../version-editor';
import { itemReference, openAgendaItem } from './open-item';

interface Row {
  key: string;
  input: ApprovalStepInput;
  /** The stored step, for its item and the decision's outcome. */
  step: ApprovalStep | null;
}

const rowsOf = (steps: readonly ApprovalStep[]): Row[] =>
  steps.map((step) => ({
    key: step.id,
    step,
    input: {
      bodyId: step.bodyId,
      plannedDate: step.plannedDate,
      versionNumber: step.versionNumber,
      itemId: step.itemId,
      manualOutcome: step.outcomeSource === 'manuel' ? step.outcome : null,
      note: step.note,
    },
  }));

const outcomeOptions = OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }));
let newKeys = 0;

/**
 * The approval route (BUDK → DAS → KKR …): each step a body, a planned date and the version it treats; the item it is
 * treated in and the outcome of its decision, or an outcome recorded by hand where the body's meetings are not kept here.
 * Saved as it is edited.
 */
export function ApprovalRoute() {
  const { proposal } = useVersionEditor();
  const bodies = useReference((s) => s.bodies);
  const serverKey = JSON.stringify(proposal.steps);
  const [rows, setRows] = useState(() => rowsOf(proposal.steps));
  const [seen, setSeen] = useState(serverKey);
  const [edits, setEdits] = useState({ made: 0, saved: 0 });

  const { state, schedule, retry } = useAutosave(async ({ next, edit }: { next: Row[]; edit: number }) => {
    await setApprovalSteps({ proposalId: proposal.id, steps: next.map((r) => r.input) }, () => setEdits((e) => ({ ...e, saved: edit })));
  });

  // The route changed elsewhere (put on an agenda, a decision taken): show it, once nothing typed here is waiting.
  if (serverKey !== seen && edits.made === edits.saved) {
    setSeen(serverKey);
    setRows(rowsOf(proposal.steps));
  }

  function update(next: Row[]) {
    setRows(next);
    const edit = edits.made + 1;
    setEdits((e) => ({ ...e, made: edit }));
    schedule({ next, edit });
  }
  const offerRowUndo = useRowUndo({ rows, update });
  function remove(index: number) {
    const removed = rows[index]!;
    update(rows.filter((_, i) => i !== index));
    const body = bodies.find((b) => b.id === removed.input.bodyId)?.code;
    // Back under a new key: the route saved since may have given the removed step's id to another.
    offerRowUndo(`Trin ${index + 1}${body ? ` (${body})` : ''} er fjernet.`, (current) => current.update(insertedAt(current.rows, index, { ...removed, key: `new-${++newKeys}` })));
  }
  const set = (index: number, patch: Partial<ApprovalStepInput>) => update(rows.map((r, i) => (i === index ? { ...r, input: { ...r.input, ...patch } } : r)));
  function move(index: number, by: -1 | 1) {
    const next = [...rows];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    update(next);
  }
  function add() {
    const das = bodies.find((b) => b.code === 'DAS') ?? bodies[0];
    if (!das) return;
    const input: ApprovalStepInput = { bodyId: das.id, plannedDate: null, versionNumber: proposal.versions.at(-1)?.number ?? null, itemId: null, manualOutcome: null, note: '' };
    update([...rows, { key: `new-${++newKeys}`, step: null, input }]);
  }

  const bodyOptions = bodies.map((b) => ({ value: b.id, label: `${b.code} – ${b.name}` }));
  const versionOptions = proposal.versions.map((v) => ({ value: String(v.number), label: `Version ${v.number}` }));

  return (
    <Paper withBorder radius="md" p="md" data-testid="approval-route">
      <Stack gap="sm">
        <div>
          <Title order={4}>Godkendelsesvej</Title>
          <Text size="xs" c="dimmed">Organerne i den rækkefølge, forslaget behandles. Udfaldet følger beslutningen på punktet.</Text>
        </div>
        {rows.length === 0 && <Text size="sm" c="dimmed">Ingen trin endnu. Tilføj dem, eller sæt forslaget på en dagsorden ovenfor.</Text>}
        {rows.map((row, index) => {
          const { input, step } = row;
          const label = `trin ${index + 1}`;
          return (
            <Paper key={row.key} withBorder radius="sm" p="sm" bg="gray.0" data-testid="approval-step">
              <Stack gap={8}>
                {/* The organ has the whole line, so its full name shows; date, version and item go under it. */}
                <Group gap="xs" wrap="nowrap">
                  <Text fw={700} size="sm" w={22}>{index + 1}.</Text>
                  <Select aria-label={`Organ for ${label}`} data={bodyOptions} value={input.bodyId} onChange={(v) => v && set(index, { bodyId: v })} allowDeselect={false} searchable style={{ flex: 1, minWidth: 0 }} />
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Flyt ${label} op`} disabled={index === 0} onClick={() => move(index, -1)}><IconArrowUp size={16} /></ActionIcon>
                    <ActionIcon variant="subtle" color="gray" aria-label={`Flyt ${label} ned`} disabled={index === rows.length - 1} onClick={() => move(index, 1)}><IconArrowDown size={16} /></ActionIcon>
                    <ActionIcon variant="subtle" color="gray" aria-label={`Fjern ${label}`} onClick={() => remove(index)}><IconX size={16} /></ActionIcon>
                  </Group>
                </Group>
                <Group gap="md" align="flex-end" pl={30}>
                  <DateInput label="Planlagt" aria-label={`Planlagt dato for ${label}`} valueFormat="DD.MM.YYYY" dateParser={(t) => parseDanishDate(t)} placeholder="dd.mm.åååå" value={input.plannedDate} onChange={(plannedDate) => set(index, { plannedDate })} clearable w={150} size="xs" />
                  <Select label="Version" aria-label={`Version for ${label}`} data={versionOptions} value={input.versionNumber === null ? null : String(input.versionNumber)} onChange={(v) => set(index, { versionNumber: v ? Number(v) : null })} placeholder="Ikke valgt" clearable w={130} size="xs" />
                  <ItemCell step={step} itemId={input.itemId} />
                  {input.itemId ? (
                    <OutcomeBadge outcome={step?.outcome ?? null} />
                  ) : (
                    <Select aria-label={`Udfald for ${label}`} placeholder="Udfald (angives her)" data={outcomeOptions} value={input.manualOutcome} onChange={(v) => set(index, { manualOutcome: (v as Outcome | null) ?? null })} clearable w={200} size="xs" />
                  )}
                </Group>
                <Textarea aria-label={`Note til ${label}`} placeholder="Note" value={input.note} onChange={(e) => set(index, { note: e.currentTarget.value })} maxLength={2000} size="xs" autosize minRows={1} maxRows={6} ml={30} />
              </Stack>
            </Paper>
          );
        })}
        <Group justify="space-between">
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={add}>
            Tilføj trin
          </Button>
          <SaveIndicator state={state} onRetry={() => void retry()} />
        </Group>
      </Stack>
    </Paper>
  );
}

function ItemCell({ step, itemId }: { step: ApprovalStep | null; itemId: string | null }) {
  const cell = { w: 200, pb: 4, style: { flexShrink: 0, whiteSpace: 'nowrap' } } as const;
  if (!itemId) return <Text size="sm" c="dimmed" {...cell}>Ikke på en dagsorden her</Text>;
  if (!step?.item || step.itemId !== itemId) return <Text size="sm" {...cell}>Punkt på en dagsorden</Text>;
  const { meetingId } = step.item;
  return (
    <Anchor
      size="sm"
      fw={600}
      {...cell}
      href={`#/moeder/${meetingId}`}
      title={step.item.title}
      data-testid="step-item-link"
      onClick={(e) => {
        e.preventDefault();
        void openAgendaItem(meetingId, itemId);
      }}
    >
      {itemReference(step)}
    </Anchor>
  );
}

function OutcomeBadge({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return <Text size="sm" c="dimmed" w={200} pt={4}>Ingen beslutning endnu</Text>;
  const color = outcome === 'ikke_godkendt' ? 'red' : outcome.startsWith('godkendt') ? 'teal' : 'blue';
  return (
    <Group w={200} gap={4} pt={4} wrap="nowrap">
      <Badge variant="light" color={color} tt="none" data-testid="step-outcome">{OUTCOME_LABELS[outcome]}</Badge>
      <Text size="xs" c="dimmed">(beslutning)</Text>
    </Group>
  );
}
