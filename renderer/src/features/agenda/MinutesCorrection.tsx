import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconLock, IconPencil } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { MinutesVersion } from '../../../../shared/domain/meeting';
import { formatTimestamp } from '../../../../shared/format';
import { ApiError } from '../../api/client';
import { showError } from '../../lib/undo';
import { loadAgenda } from './store';
import { correctMinutes, loadMinutesVersions } from '../meetings/store';
import { LOCKED } from '../meetings/texts';

/** Locked minutes, the way to correct them as a new version, and the corrections made so far. */
export function MinutesCorrection({ meetingId, locked }: { meetingId: string; locked: boolean }) {
  const [versions, setVersions] = useState<MinutesVersion[]>([]);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadMinutesVersions(meetingId).then(setVersions, showError);
  }, [meetingId, locked]);

  async function correct() {
    try {
      await correctMinutes(meetingId, reason);
      setAsking(false);
      setReason('');
      await loadAgenda(meetingId);
    } catch (e) {
      if (e instanceof ApiError && e.fields.reason) setError(e.fields.reason);
      else showError(e);
    }
  }

  return (
    <Stack gap={6}>
      {locked && (
        <Alert color="gray" icon={<IconLock size={18} />} py="xs" data-testid="minutes-locked">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Text size="sm" fw={500}>{LOCKED.reason}</Text>
              <Text size="xs" c="dimmed">{LOCKED.detail}</Text>
            </div>
            <Button size="compact-sm" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setAsking(true)} style={{ flexShrink: 0 }}>{LOCKED.correct}</Button>
          </Group>
        </Alert>
      )}
      {versions.map((v) => (
        <Text key={v.id} size="xs" c="dimmed" data-testid="minutes-version">
          Version {v.version} · rettelse påbegyndt {formatTimestamp(v.createdAt)}: {v.reason}
        </Text>
      ))}
      <Modal opened={asking} onClose={() => setAsking(false)} title="Ret godkendt referat">
        <Stack gap="sm">
          <Text size="sm">Rettelsen bliver en ny version af referatet. Den godkendte version gemmes, og årsagen noteres i historikken.</Text>
          <Textarea label="Årsag til rettelsen" data-autofocus autosize minRows={2} value={reason} onChange={(e) => { setReason(e.currentTarget.value); setError(null); }} error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>Annuller</Button>
            <Button onClick={() => void correct()}>Opret ny version</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
