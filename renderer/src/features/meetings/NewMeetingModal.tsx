import { Alert, Button, Group, Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { MeetingDraft } from '../../../../shared/domain/meeting';
import { formatLongDate, todayIso } from '../../../../shared/format';
import { ApiError, messageOf } from '../../api/client';
import { createMeeting, openMeeting, useMeetings } from './store';
import { useReference } from '../../stores/reference';
import { fieldErrors } from '../../lib/field-errors';
import { MeetingFields, type MeetingFieldValues } from './MeetingFields';
import { TEXTS } from './texts';

/** A new meeting starts from the body's latest meeting: same times and place, which is usually right. */
function initialValues(bodyId: string): MeetingFieldValues {
  const previous = useMeetings.getState().items.find((m) => m.bodyId === bodyId);
  return {
    bodyId,
    date: '',
    startTime: previous?.startTime ?? null,
    endTime: previous?.endTime ?? null,
    location: previous?.location ?? '',
    status: 'planlagt',
    note: '',
  };
}

export function NewMeetingModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const filterBody = useMeetings((s) => s.filter.bodyId);
  const bodies = useReference((s) => s.bodies);
  const defaultBody = filterBody ?? bodies.find((b) => b.code === 'DAS')?.id ?? bodies[0]?.id ?? '';
  return (
    <Modal opened={opened} onClose={onClose} title={TEXTS.newMeeting} size="md">
      {opened && <NewMeetingForm key={defaultBody} defaultBody={defaultBody} onClose={onClose} />}
    </Modal>
  );
}

function NewMeetingForm({ defaultBody, onClose }: { defaultBody: string; onClose(): void }) {
  const [value, setValue] = useState(() => initialValues(defaultBody));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  function change(patch: Partial<MeetingFieldValues>) {
    setValue((v) => (patch.bodyId && patch.bodyId !== v.bodyId ? { ...initialValues(patch.bodyId), date: v.date } : { ...v, ...patch }));
    setErrors({});
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = MeetingDraft.safeParse(value);
    if (!check.success) {
      setErrors({ ...fieldErrors(check.error.issues), ...(value.date ? {} : { date: 'Vælg mødets dato' }) });
      return;
    }
    setBusy(true);
    try {
      const created = await createMeeting(check.data);
      onClose();
      openMeeting(created.id);
      notifications.show({ color: 'teal', message: TEXTS.created(`${created.bodyCode} ${formatLongDate(created.date)}`), autoClose: 4000 });
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fields : {});
      notifications.show({ color: 'red', message: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <MeetingFields value={value} onChange={change} errors={errors} compact autoFocus />
      {value.date && value.date < todayIso() && (
        <Alert color="yellow" mt="sm" py={6} data-testid="past-date-warning">Datoen ligger i fortiden. Det er i orden, hvis du registrerer et afholdt møde.</Alert>
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>Annuller</Button>
        <Button type="submit" loading={busy}>Opret møde</Button>
      </Group>
    </form>
  );
}
