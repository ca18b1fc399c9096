import { Alert, Anchor, Badge, Button, Group, Loader, SegmentedControl, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { DocumentEdition } from '../../../../shared/domain/documents';
import { MEETING_STATUS_LABELS } from '../../../../shared/domain/meeting';
import { formatLongDate } from '../../../../shared/format';
import { hasMinutes, readingKindFor } from '../../../../shared/logic/meeting-view';
import { messageOf } from '../../api/client';
import { navigate, openMeetingPage } from '../../stores/navigation';
import { showError } from '../../lib/undo';
import { openAgendaItem } from '../agenda/store';
import { useMeetings } from '../meetings/store';
import { STATUS_COLORS } from '../meetings/texts';
import { ItemList } from './ItemList';
import { PaperFrame, type PaperFrameHandle } from './PaperFrame';
import { chooseReading, openReading, setReadingShown, useReading, type ReadingKind } from './store';
import { TEXTS } from './texts';

/**
 * A meeting's papers as the members read them: the agenda or minutes exactly as printed (the chosen edition), the
 * items beside them to jump between, and «Redigér» back to the editor at the item being read.
 */
export function ReadingPage({ meetingId }: { meetingId: string }) {
  const meeting = useMeetings((s) => s.items.find((m) => m.id === meetingId));
  const loaded = useMeetings((s) => s.loaded);
  const status = meeting?.status;
  const reading = useReading();
  const ready = reading.meetingId === meetingId ? reading : null;
  const [current, setCurrent] = useState<string | null>(null);
  const frame = useRef<PaperFrameHandle>(null);

  useEffect(() => {
    if (status) void openReading(meetingId, readingKindFor(status) ?? (hasMinutes(status) ? 'minutes' : 'agenda'));
  }, [meetingId, status]);
  useEffect(() => {
    setReadingShown(true);
    return () => void setReadingShown(false);
  }, []);

  if (!meeting) {
    return loaded ? (
      <Alert color="yellow" title={TEXTS.missing}>{TEXTS.missingText} <Anchor href="#/moeder" onClick={(e) => { e.preventDefault(); navigate('moeder'); }}>{TEXTS.back}</Anchor></Alert>
    ) : <Loader />;
  }
  const document = ready?.document ?? null;
  const items = document?.items ?? [];
  const editItem = current ?? items[0]?.id;
  const edit = () => (editItem ? void openAgendaItem(meetingId, editItem).catch(showError) : openMeetingPage(meetingId));

  return (
    // The page fills the window below the header; the papers scroll inside their frame, the item list stays put.
    <Stack gap="sm" h="calc(100dvh - var(--app-shell-header-offset, 56px) - 2 * var(--app-shell-padding, 32px))" mih={420}>
      <Group justify="space-between" align="flex-end" wrap="nowrap" gap="md">
        <Stack gap={4} miw={0}>
          <Anchor size="sm" href="#/moeder" onClick={(e) => { e.preventDefault(); navigate('moeder'); }}>
            <Group gap={4} component="span"><IconArrowLeft size={14} />{TEXTS.back}</Group>
          </Anchor>
          <Group gap="sm" wrap="nowrap">
            <Title order={1} size="h2" tabIndex={-1}>{meeting.bodyCode} · {formatLongDate(meeting.date)}</Title>
            <Badge variant="dot" color={STATUS_COLORS[meeting.status]} tt="none">{MEETING_STATUS_LABELS[meeting.status]}</Badge>
          </Group>
        </Stack>
        <Group gap="sm" wrap="nowrap">
          <SegmentedControl
            aria-label={TEXTS.kind}
            value={ready?.kind ?? 'agenda'}
            onChange={(v) => void chooseReading({ kind: v as ReadingKind })}
            data={TEXTS.kinds.map((k) => ({ ...k, disabled: k.value === 'minutes' && !hasMinutes(meeting.status) }))}
          />
          <SegmentedControl aria-label={TEXTS.edition} value={ready?.edition ?? 'internal'} onChange={(v) => void chooseReading({ edition: v as DocumentEdition })} data={TEXTS.editions} />
          <Button leftSection={<IconPencil size={16} />} onClick={edit} title={TEXTS.editHint}>{TEXTS.edit}</Button>
        </Group>
      </Group>
      {ready?.error ? (
        <Alert color="red" title={TEXTS.failed}>{messageOf(ready.error)}</Alert>
      ) : (
        <Group gap="md" align="stretch" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
          <ItemList items={items} current={current} loading={!document} onJump={(id) => frame.current?.jumpTo(id)} />
          {document ? (
            <PaperFrame ref={frame} key={`${meetingId}/${ready?.kind}/${ready?.edition}`} document={document} onCurrent={setCurrent} />
          ) : (
            <Group justify="center" p="xl" style={{ flex: 1 }}><Loader size="sm" /></Group>
          )}
        </Group>
      )}
    </Stack>
  );
}
