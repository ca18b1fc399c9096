import { Alert, Anchor, Badge, Box, Button, Grid, Group, Loader, Modal, Paper, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconBook, IconFileText, IconInfoCircle, IconLayoutList, IconPlus, IconReceipt } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { MEETING_STATUS_LABELS } from '../../../../shared/domain/meeting';
import { formatLongDate, formatTimeSpan, formatWeekday } from '../../../../shared/format';
import { showError } from '../../lib/undo';
import { applyTemplate, createItem, loadAgenda, useAgenda } from './store';
import { openMeeting, useMeetings } from '../meetings/store';
import { navigate, openMeetingReading } from '../../stores/navigation';
import { useReference } from '../../stores/reference';
import { MeetingEditorDrawer } from '../meetings/MeetingEditor';
import { isLocked, STATUS_COLORS } from '../meetings/texts';
import { AgendaList } from './AgendaList';
import { MeetingFollowUps } from './FollowUpsPanel';
import { ItemEditor } from './ItemEditor';
import { MinutesCorrection } from './MinutesCorrection';
import { TEXTS } from './texts';
import { TakstbilagModal } from '../tariff-annex/TakstbilagModal';

// The documents dialog (preview, PDF, Word) is loaded when first opened.
const DocumentsModal = lazy(() => import('../documents/DocumentsModal').then((m) => ({ default: m.DocumentsModal })));

/** A meeting's agenda: the items on the left, the selected item with its sections and decision on the right. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const meeting = useMeetings((s) => s.items.find((m) => m.id === meetingId));
  const loaded = useMeetings((s) => s.loaded);
  const body = useReference((s) => s.bodies.find((b) => b.id === meeting?.bodyId));
  const items = useAgenda((s) => (s.meetingId === meetingId ? s.items : null));
  const selected = useAgenda((s) => s.selected);
  const hasFollowUps = useAgenda((s) => s.followUps.length > 0);
  const [adding, setAdding] = useState(false);
  const [documentsOpen, setDocumentsOpen] = useState(false);
  const [annexOpen, setAnnexOpen] = useState(false);
  // Once loaded, the documents dialog stays mounted: closing it then runs its exit, which gives focus back.
  const [documentsUsed, setDocumentsUsed] = useState(false);
  if (documentsOpen && !documentsUsed) setDocumentsUsed(true);

  useEffect(() => {
    loadAgenda(meetingId).catch(showError);
  }, [meetingId]);
  // Also while writing in a field or a rich-text section: both have modifiers, so they never type a character.
  useHotkeys(
    [
      ['mod+alt+N', () => setAdding(true)],
      ['mod+shift+P', () => setDocumentsOpen(true)],
    ],
    [],
    true,
  );

  if (!meeting) {
    return loaded ? (
      <Alert color="yellow" title="Mødet findes ikke">Det er måske slettet. <Anchor href="#/moeder" onClick={(e) => { e.preventDefault(); navigate('moeder'); }}>Tilbage til møderne</Anchor></Alert>
    ) : <Loader />;
  }
  const locked = isLocked(meeting.status);

  async function insertStandingItems() {
    try {
      const before = useAgenda.getState().items.length;
      await applyTemplate(meetingId);
      if (useAgenda.getState().items.length === before) notifications.show({ color: 'yellow', message: TEXTS.templateNothing, autoClose: 8000 });
    } catch (error) {
      showError(error);
    }
  }

  const takstbilag = !locked && meeting.bodyCode === 'DAS';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="lg">
            <Anchor size="sm" href="#/moeder" onClick={(e) => { e.preventDefault(); navigate('moeder'); }}>
              <Group gap={4} component="span"><IconArrowLeft size={14} />{TEXTS.back}</Group>
            </Anchor>
            <Anchor size="sm" href={`#/moeder/${meeting.id}/laes`} onClick={(e) => { e.preventDefault(); openMeetingReading(meeting.id); }}>
              <Group gap={4} component="span"><IconBook size={14} />{TEXTS.read}</Group>
            </Anchor>
          </Group>
          <Title order={1} size="h2" tabIndex={-1}>{meeting.bodyCode} · {formatLongDate(meeting.date)}</Title>
          <Group gap="xs">
            <Text c="dimmed" size="sm" tt="capitalize">{formatWeekday(meeting.date)}</Text>
            <Text c="dimmed" size="sm">{[formatTimeSpan(meeting.startTime, meeting.endTime), meeting.location].filter(Boolean).join(' · ')}</Text>
            <Badge variant="dot" color={STATUS_COLORS[meeting.status]} tt="none">{MEETING_STATUS_LABELS[meeting.status]}</Badge>
          </Group>
        </Stack>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconInfoCircle size={16} />} onClick={() => openMeeting(meeting.id)}>{TEXTS.details}</Button>
          <Button variant="default" leftSection={<IconFileText size={16} />} onClick={() => setDocumentsOpen(true)} title="Ctrl+Skift+P">{TEXTS.documents}</Button>
          {!locked && <Button variant="default" leftSection={<IconLayoutList size={16} />} onClick={() => void insertStandingItems()}>{TEXTS.template}</Button>}
          {!locked && <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{TEXTS.newItem}</Button>}
        </Group>
      </Group>
      <MinutesCorrection meetingId={meetingId} locked={locked} />

      {/* Columns as tall as the editor, so the agenda stays in view (sticky) while a long item is edited. */}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm" pos="sticky" top={72}>
            {/* Room under the agenda for the folded follow-ups, so the line shows without scrolling. */}
            <ScrollArea.Autosize mah={`calc(100vh - ${(hasFollowUps ? 340 : 290) + (takstbilag ? 36 : 0)}px)`} offsetScrollbars>
              {items === null ? <Loader size="sm" /> : items.length === 0 ? <Text c="dimmed" size="sm">{TEXTS.emptyAgenda}</Text> : <AgendaList locked={locked} />}
            </ScrollArea.Autosize>
            {/* In line with the agenda's rows, which leave room for their scrollbar (12 px). */}
            <Box mr={12}>
              <MeetingFollowUps meetingId={meetingId} locked={locked} />
            </Box>
            {/* DAS approves the year's takstbilag: put on its agenda from here. */}
            {takstbilag && (
              <Button variant="subtle" size="compact-sm" leftSection={<IconReceipt size={14} />} onClick={() => setAnnexOpen(true)} style={{ alignSelf: 'flex-start' }}>
                {TEXTS.takstbilag}
              </Button>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder radius="md" p="lg" bg="white">
            {selected && selected.meetingId === meetingId ? (
              <ItemEditor key={selected.id} item={selected} locked={locked} hidden={body?.hiddenSections ?? []} />
            ) : (
              <Box c="dimmed">Vælg et punkt på dagsordenen.</Box>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      <NewItemModal meetingId={meetingId} opened={adding} onClose={() => setAdding(false)} />
      <MeetingEditorDrawer />
      {annexOpen && <TakstbilagModal opened onClose={() => setAnnexOpen(false)} meetingId={meetingId} meetingYear={Number(meeting.date.slice(0, 4))} />}
      {documentsUsed && (
        <Suspense fallback={null}>
          <DocumentsModal meeting={meeting} opened={documentsOpen} onClose={() => setDocumentsOpen(false)} />
        </Suspense>
      )}
    </Stack>
  );
}

function NewItemModal({ meetingId, opened, onClose }: { meetingId: string; opened: boolean; onClose(): void }) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setError('Punktet skal have en titel');
    try {
      // New items go before the closing standing items (Eventuelt, Næste møde).
      const items = useAgenda.getState().items;
      const closing = items.findIndex((i) => i.standing === 'eventuelt' || i.standing === 'naeste_moede' || i.standing === 'fu_orienterer');
      await createItem({ meetingId, title, ...(closing >= 0 ? { at: closing + 1 } : {}) });
      setTitle('');
      onClose();
    } catch (e) {
      showError(e);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={TEXTS.newItem}>
      <form onSubmit={(e) => void submit(e)}>
        <TextInput label={TEXTS.newItemTitle} data-autofocus value={title} onChange={(e) => { setTitle(e.currentTarget.value); setError(null); }} error={error} />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>Annuller</Button>
          <Button type="submit">Opret punkt</Button>
        </Group>
      </form>
    </Modal>
  );
}
