import { Alert, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { IconLock, IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { MeetingPatch, type Meeting } from '../../../../shared/domain/meeting';
import { formatLongDate } from '../../../../shared/format';
import { ApiError } from '../../api/client';
import { SaveIndicator } from '../../components/SaveIndicator';
import { useAutosave } from '../../lib/autosave';
import { removeWithUndo, showError } from '../../lib/undo';
import { deleteMeeting, fetchMeeting, loadMeetings, openMeeting, restoreMeeting, updateMeeting, useMeetings } from './store';
import { navigate, useNavigation } from '../../stores/navigation';
import { AttendanceEditor } from './AttendanceEditor';
import { fieldErrors } from '../../lib/field-errors';
import { MeetingFields, type MeetingFieldValues } from './MeetingFields';
import { isLocked, LOCKED, TEXTS } from './texts';

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
  const locked = isLocked(meeting.status);

  const { state, schedule, flush, retry } = useAutosave<MeetingFieldValues>(async (next) => {
    const patch = changes(saved.current.fields, next);
    if (Object.keys(patch).length === 0) return;
    try {
      const updated = await updateMeeting(meeting.id, saved.current.revision, patch);
      saved.current = { fields: fieldsOf(updated), revision: updated.revision };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        // Someone else saved first: show their version rather than overwrite it.
        const fresh = await fetchMeeting(meeting.id);
        saved.current = { fields: fieldsOf(fresh), revision: fresh.revision };
        setDraft(fieldsOf(fresh));
      }
      // Locked since this window last heard: show the meeting as it now is, read-only (the typed text stays).
      if (error instanceof ApiError && error.code === 'LOCKED') loadMeetings().catch(showError);
      if (error instanceof ApiError) setErrors(error.fields);
      throw error;
    }
    // After a conflict the other window's version is on screen: there is nothing typed here to send again.
  }, { retryable: (error) => !(error instanceof ApiError && error.code === 'CONFLICT') });

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

  // Closing keeps the drawer open while a change is not saved, so the typed text and the reason stay in view.
  const close = async () => {
    if (await flush()) openMeeting(null);
  };

  return (
    <Stack gap="lg">
      {locked && (
        <Alert color="gray" icon={<IconLock size={18} />} py="xs" data-testid="meeting-locked">
          <Text size="sm" fw={500}>{LOCKED.reason}</Text>
          <Text size="xs" c="dimmed">{LOCKED.detail}</Text>
        </Alert>
      )}
      <MeetingFields value={draft} onChange={change} errors={errors} readOnly={locked} />
      <AttendanceEditor meetingId={meeting.id} locked={locked} />
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <SaveIndicator state={state} onRetry={() => void retry()} locked={locked ? LOCKED.short : null} />
        <Group gap="xs">
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => void remove()}>
            Slet møde
          </Button>
          <Button variant="default" onClick={() => void close()}>
            Luk
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
