import { ActionIcon, Autocomplete, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconUsers, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Attendee } from '../../../../shared/domain/meeting';
import { SaveIndicator } from '../../components/SaveIndicator';
import { useAutosave } from '../../lib/autosave';
import { showError } from '../../lib/undo';
import { removeWhenLeftEmpty, useAddedRows } from '../../lib/added-rows';
import { PartyInput, useMembers } from '../../components/PartyInput';
import { attendanceFromMembers, loadAttendance, saveAttendance, useMeetings } from './store';
import { TEXTS } from './texts';

type Row = Omit<Attendee, 'id'>;

/** Deltagere og afbud: who attends the meeting; starts from the body's members. Read-only once the minutes are approved. */
export function AttendanceEditor({ meetingId, locked }: { meetingId: string; locked: boolean }) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const members = useMembers(useMeetings((s) => s.items.find((m) => m.id === meetingId)?.bodyId));
  const added = useAddedRows();
  const { state, schedule, retry } = useAutosave<Row[]>(async (next) => {
    await saveAttendance(meetingId, next.filter((r) => r.name.trim()));
  });

  useEffect(() => {
    loadAttendance(meetingId).then((a) => setRows(a.map(({ name, organisation, present }) => ({ name, organisation, present }))), showError);
  }, [meetingId]);

  if (!rows) return null;
  const change = (next: Row[]) => {
    setRows(next);
    schedule(next);
  };
  const set = (i: number, patch: Partial<Row>) => change(rows.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  const remove = (i: number) => change(rows.filter((_, n) => n !== i));
  // A member chosen by name brings the organisation along.
  const setName = (i: number, name: string) => {
    const member = members.find((m) => m.name === name);
    set(i, member && !rows[i]!.organisation.trim() ? { name, organisation: member.organisation } : { name });
  };

  async function fromMembers() {
    try {
      const filled = await attendanceFromMembers(meetingId);
      if (filled.length === 0) notifications.show({ color: 'yellow', message: TEXTS.noMembers, autoClose: 8000 });
      setRows(filled.map(({ name, organisation, present }) => ({ name, organisation, present })));
    } catch (error) {
      showError(error);
    }
  }

  return (
    <Stack gap={6} data-testid="attendance">
      <Group justify="space-between">
        <Text size="sm" fw={500}>Deltagere og afbud</Text>
        <SaveIndicator state={state} onRetry={() => void retry()} />
      </Group>
      {rows.length === 0 && locked && <Text size="sm" c="dimmed">Ingen deltagere registreret.</Text>}
      {rows.length === 0 && !locked && (
        <Button variant="light" size="compact-sm" leftSection={<IconUsers size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => void fromMembers()}>
          Hent organets medlemmer
        </Button>
      )}
      {rows.map((r, i) => (
        <Group key={i} gap="xs" wrap="nowrap" onBlur={locked ? undefined : removeWhenLeftEmpty(!r.name.trim() && !r.organisation.trim(), () => remove(i))}>
          <Autocomplete ref={added.firstField(i)} aria-label={`Deltager ${i + 1} navn`} placeholder="Navn" data={members.map((m) => m.name)} value={r.name} readOnly={locked} onChange={(name) => setName(i, name)} style={{ flex: 2 }} />
          <PartyInput aria-label={`Deltager ${i + 1} organisation`} placeholder="Organisation" members={members} value={r.organisation} readOnly={locked} onChange={(organisation) => set(i, { organisation })} style={{ flex: 2 }} />
          <SegmentedControl size="xs" aria-label={`Deltager ${i + 1} fremmøde`} value={r.present ? 'ja' : 'afbud'} readOnly={locked} onChange={(v) => set(i, { present: v === 'ja' })} data={[{ value: 'ja', label: 'Deltager' }, { value: 'afbud', label: 'Afbud' }]} />
          {!locked && <ActionIcon variant="subtle" color="gray" aria-label={`Fjern deltager ${i + 1}`} onClick={() => remove(i)}><IconX size={16} /></ActionIcon>}
        </Group>
      ))}
      {!locked && (
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => { added.added(rows.length); change([...rows, { name: '', organisation: '', present: true }]); }}>
          Tilføj deltager
        </Button>
      )}
    </Stack>
  );
}
