import { Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { MeetingPatch, type Meeting } from '../../../../shared/domain/meeting';
import { formatLongDate } from '../../../../shared/format';
import { api, ApiError } from '../../api/client';
import { SaveIndicator } from '../../components/SaveIndicator';
import { useAutosave } from '../../lib/autosave';
import { removeWithUndo } from '../../lib/undo';
import { deleteMeeting, openMeeting, restoreMeeting, updateMeeting, useMeetings } from '../../stores/meetings';
import { navigate, useNavigation } from '../../stores/navigation';
import { AttendanceEditor } from './AttendanceEditor';
import { fieldErrors } from '../../lib/field-errors';
import { MeetingFields, type MeetingFieldValues } from './MeetingFields';
import { TEXTS } from './texts';

const fieldsOf = (m: Meeting): MeetingFieldValues => ({
  bodyId: m.bodyId,
  date: m.date,
  startTime: m.startTime,
  endTime: m.endTime,
  location: m.location,
  status: m.status,
  note: m.note,
});

/** The fields that differ from what was last saved. */
function changes(base: MeetingFieldValues, draft: MeetingFieldValues): Partial<MeetingFieldValues> {
  return Object.fromEntries(Object.entries(draft).filter(([key, value]) => base[key as keyof MeetingFieldValues] !== value));
}

export function MeetingEditorDrawer() {
  const openId = useMeetings((s) => s.openId);
  const meeting = useMeetings((s) => s.items.find((m) => m.id === s.openId));
  return (
    <Drawer
      opened={openId !== null && meeting !== undefined}
      onClose={() => openMeeting(null)}
      position="right"
      size={560}
      title={meeting ? <Text fw={600} size="lg">Møde i {meeting.bodyCode} · {formatLongDate(meeting.date)}</Text> : null}
    >
      {meeting && <MeetingEditor key={meeting.id} meeting={meeting} />}
    </Drawer>
  );
}

function MeetingEditor({ meeting }: { meeting: Meeting }) {
  const [draft, setDraft] = useState(() => fieldsOf(meeting));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saved = useRef({ fields: fieldsOf(meeting), revision: meeting.revision });

  const { state, schedule, flush } = useAutosave<MeetingFieldValues>(async (next) => {
    const patch = changes(saved.current.fields, next);
    if (Object.keys(patch).length === 0) return;
    try {
      const updated = await updateMeeting(meeting.id, saved.current.revision, patch);
      saved.current = { fields: fieldsOf(updated), revision: updated.revision };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        // Someone else saved first: show their version rather than overwrite it.
        const fresh = await api().call('meetings.get', { id: meeting.id });
        saved.current = { fields: fieldsOf(fresh), revision: fresh.revision };
        setDraft(fieldsOf(fresh));
      }
      if (error instanceof ApiError) setErrors(error.fields);
      throw error;
    }
  });

  function change(patch: Partial<MeetingFieldValues>) {
    const next = { ...draft, ...patch };
    setDraft(next);
    const check = MeetingPatch.safeParse(next);
    setErrors(check.success ? {} : fieldErrors(check.error.issues));
    if (check.success) schedule(next);
  }

  async function remove() {
    await flush();
    const label = `${meeting.bodyCode} ${formatLongDate(meeting.date)}`;
    await removeWithUndo(
      TEXTS.deleted(label),
      async () => {
        await deleteMeeting(meeting.id);
        // Deleted from its own page: back to the list, where the undo restores it.
        if (useNavigation.getState().meetingId === meeting.id) navigate('moeder');
      },
      () => restoreMeeting(meeting.id),
    );
  }

  return (
    <Stack gap="lg">
      <MeetingFields value={draft} onChange={change} errors={errors} />
      <AttendanceEditor meetingId={meeting.id} />
      <Group justify="space-between">
        <SaveIndicator state={state} />
        <Group gap="xs">
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => void remove()}>
            Slet møde
          </Button>
          <Button variant="default" onClick={() => void flush().then(() => openMeeting(null))}>
            Luk
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
