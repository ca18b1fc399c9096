import { ActionIcon, Badge, Button, Collapse, Group, Paper, ScrollArea, Stack, Text, Textarea, TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCheck, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { AgendaItem, FollowUp } from '../../../../shared/domain/agenda';
import { formatLongDate, parseDanishDate } from '../../../../shared/format';
import { showError } from '../../lib/undo';
import { closeFollowUp, createFollowUp, loadItemFollowUps, takeUpFollowUp, useAgenda } from './store';

const origin = (f: FollowUp) => `${f.origin.bodyCode} ${formatLongDate(f.origin.meetingDate)}, punkt ${f.origin.itemNumber}`;

async function close(f: FollowUp, meetingId: string) {
  try {
    await closeFollowUp(f, meetingId);
  } catch (error) {
    showError(error);
  }
}

/**
 * Open follow-ups agreed at the body's earlier meetings: they show up by themselves when the next meeting is prepared,
 * folded into one line under the agenda (ten of them would push the agenda off the screen).
 */
export function MeetingFollowUps({ meetingId, locked }: { meetingId: string; locked: boolean }) {
  const followUps = useAgenda((s) => s.followUps);
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  if (followUps.length === 0) return null;

  async function takeUp(f: FollowUp) {
    try {
      await takeUpFollowUp(f, meetingId);
    } catch (error) {
      showError(error);
    }
  }

  return (
    <Paper ref={panel} withBorder radius="md" bg="yellow.0" data-testid="meeting-follow-ups">
      <UnstyledButton
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls="meeting-follow-ups-list"
        px={10}
        py={6}
        w="100%"
        style={{ display: 'flex', alignItems: 'center', gap: 4, borderRadius: 'var(--mantine-radius-md)' }}
      >
        <IconChevronRight size={12} style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 120ms', flexShrink: 0 }} aria-hidden />
        <Text size="sm" fw={600}>Opfølgninger fra tidligere møder ({followUps.length})</Text>
      </UnstyledButton>
      {/* The column is sticky under a capped agenda: the open list keeps within the screen and is scrolled to. */}
      <Collapse in={open} onTransitionEnd={() => open && panel.current?.scrollIntoView({ block: 'nearest' })}>
        <ScrollArea.Autosize mah={180} offsetScrollbars>
          <Stack gap={8} id="meeting-follow-ups-list" px="sm" pb="sm">
            {followUps.map((f) => (
              <div key={f.id}>
                <Text size="sm">{f.action}</Text>
                <Text size="xs" c="dimmed">{[f.owner, origin(f), f.dueDate && `frist ${formatLongDate(f.dueDate)}`].filter(Boolean).join(' · ')}</Text>
                {!locked && (
                  <Group gap={4} mt={4}>
                    <Button size="compact-xs" variant="light" onClick={() => void takeUp(f)}>Tag op som punkt</Button>
                    <Button size="compact-xs" variant="subtle" color="teal" onClick={() => void close(f, meetingId)}>Afslut</Button>
                  </Group>
                )}
              </div>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Collapse>
    </Paper>
  );
}

/**
 * Follow-ups agreed under this item ("Det aftales, at …"). What was agreed at approved minutes is locked; whether it
 * has been done is still followed up («Afslut»).
 */
export function ItemFollowUps({ item, locked }: { item: AgendaItem; locked: boolean }) {
  const [followUps, setFollowUps] = useState<FollowUp[]>([]);
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState<string | null>(null);

  const reload = () => loadItemFollowUps(item.id).then(setFollowUps, showError);
  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the item changes only
  }, [item.id]);

  async function add() {
    if (!action.trim()) return;
    try {
      await createFollowUp({ itemId: item.id, action, owner, dueDate: due });
      setAction('');
      setOwner('');
      setDue(null);
      await reload();
    } catch (error) {
      showError(error);
    }
  }

  return (
    <Stack gap="xs" data-testid="item-follow-ups">
      <Title order={4}>Opfølgning</Title>
      {followUps.map((f) => (
        <Group key={f.id} gap="xs" wrap="nowrap">
          <Badge size="sm" variant="light" color={f.status === 'aaben' ? 'yellow' : 'teal'} tt="none" w={80}>{f.status === 'aaben' ? 'Åben' : f.status === 'afsluttet' ? 'Afsluttet' : 'Annulleret'}</Badge>
          <Text size="sm" style={{ flex: 1 }}>{f.action}{f.owner && <Text span c="dimmed"> · {f.owner}</Text>}{f.dueDate && <Text span c="dimmed"> · frist {formatLongDate(f.dueDate)}</Text>}</Text>
          {f.status === 'aaben' && (
            <Tooltip label="Afslut"><ActionIcon variant="subtle" color="teal" aria-label={`Afslut ${f.action}`} onClick={() => void close(f, item.meetingId).then(reload)}><IconCheck size={16} /></ActionIcon></Tooltip>
          )}
        </Group>
      ))}
      {followUps.length === 0 && locked && <Text size="sm" c="dimmed">Ingen opfølgning aftalt.</Text>}
      {!locked && (
        // Each field at least as wide as its hint; the row wraps where the editor is narrow, and the text grows.
        <Group gap="xs" align="flex-end">
          <Textarea
            label="Det aftales, at …"
            placeholder="fx sekretariatet giver status på næste møde"
            autosize
            minRows={1}
            value={action}
            onChange={(e) => setAction(e.currentTarget.value)}
            style={{ flex: '3 1 22rem' }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || e.shiftKey) return;
              e.preventDefault();
              void add();
            }}
          />
          <TextInput label="Ansvarlig" placeholder="fx Sekretariatet" value={owner} onChange={(e) => setOwner(e.currentTarget.value)} style={{ flex: '1.5 1 10rem' }} />
          <DateInput label="Frist" placeholder="dd.mm.åååå" valueFormat="DD.MM.YYYY" dateParser={(t) => parseDanishDate(t)} value={due} onChange={setDue} clearable style={{ flex: '0 1 150px' }} miw={130} />
          <Button leftSection={<IconPlus size={14} />} variant="light" onClick={() => void add()} disabled={!action.trim()}>Tilføj</Button>
        </Group>
      )}
    </Stack>
  );
}
