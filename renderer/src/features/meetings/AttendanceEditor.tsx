import { ActionIcon, Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconUsers, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Attendee } from '../../../../shared/domain/meeting';
import { SaveIndicator } from '../../components/SaveIndicator';
import { useAutosave } from '../../lib/autosave';
import { showError } from '../../lib/undo';
import { attendanceFromMembers, loadAttendance, saveAttendance } from './store';

type Row = Omit<Attendee, 'id'>;

/** Deltagere og afbud: who attends the meeting; starts from the body's members. Read-only once the minutes are approved. */
export function AttendanceEditor({ meetingId, locked }: { meetingId: string; locked: boolean }) {
  const [rows, setRows] = useState<Row[] | null>(null);
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

  async function fromMembers() {
    try {
      const filled = await attendanceFromMembers(meetingId);
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
        <Group key={i} gap="xs" wrap="nowrap">
          <TextInput aria-label={`Deltager ${i + 1} navn`} placeholder="Navn" value={r.name} readOnly={locked} onChange={(e) => set(i, { name: e.currentTarget.value })} style={{ flex: 2 }} />
          <TextInput aria-label={`Deltager ${i + 1} organisation`} placeholder="Organisation" value={r.organisation} readOnly={locked} onChange={(e) => set(i, { organisation: e.currentTarget.value })} style={{ flex: 2 }} />
          <SegmentedControl size="xs" aria-label={`Deltager ${i + 1} fremmøde`} value={r.present ? 'ja' : 'afbud'} readOnly={locked} onChange={(v) => set(i, { present: v === 'ja' })} data={[{ value: 'ja', label: 'Deltager' }, { value: 'afbud', label: 'Afbud' }]} />
          {!locked && <ActionIcon variant="subtle" color="gray" aria-label={`Fjern deltager ${i + 1}`} onClick={() => change(rows.filter((_, n) => n !== i))}><IconX size={16} /></ActionIcon>}
        </Group>
      ))}
      {!locked && (
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => change([...rows, { name: '', organisation: '', present: true }])}>
          Tilføj deltager
        </Button>
      )}
    </Stack>
  );
}
