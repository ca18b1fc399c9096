import { Button, Center, Group, Kbd, Paper, Select, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCalendarEvent, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { todayIso, yearOf } from '../../../../shared/format';
import { PageHeader } from '../../components/PageHeader';
import { setFilter, useMeetings } from './store';
import { useReference } from '../../stores/reference';
import { MeetingEditorDrawer } from './MeetingEditor';
import { MeetingTable } from './MeetingTable';
import { NewMeetingModal } from './NewMeetingModal';
import { TrashDrawer } from './TrashDrawer';
import { TEXTS } from './texts';

export function MeetingsPage() {
  const items = useMeetings((s) => s.items);
  const filter = useMeetings((s) => s.filter);
  const bodies = useReference((s) => s.bodies);
  const [creating, setCreating] = useState(false);
  const [trashOpen, setTrashOpen] = useState(false);

  useHotkeys([
    ['mod+N', () => setCreating(true)],
    ['mod+alt+N', () => setCreating(true)],
  ]);

  const years = useMemo(() => [...new Set(items.map((m) => yearOf(m.date)))].sort((a, b) => b - a), [items]);
  const visible = items.filter((m) => (!filter.bodyId || m.bodyId === filter.bodyId) && (!filter.year || yearOf(m.date) === filter.year));
  const today = todayIso();
  const upcoming = visible.filter((m) => m.date >= today).reverse();
  const past = visible.filter((m) => m.date < today);

  return (
    <Stack gap="lg">
      <PageHeader
        title={TEXTS.title}
        description={TEXTS.description}
        actions={
          <>
            <Button variant="default" leftSection={<IconTrash size={16} />} onClick={() => setTrashOpen(true)}>Papirkurv</Button>
            <Tooltip label={<>Genvej: <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">Alt</Kbd>+<Kbd size="xs">N</Kbd></>} openDelay={300}>
              <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
                {TEXTS.newMeeting}
              </Button>
            </Tooltip>
          </>
        }
      />
      <Group gap="md" align="flex-end">
        <Select
          label="Organ"
          w={280}
          data={[{ value: '', label: TEXTS.allBodies }, ...bodies.map((b) => ({ value: b.id, label: `${b.code} – ${b.name}` }))]}
          value={filter.bodyId ?? ''}
          onChange={(v) => setFilter({ bodyId: v || null })}
          allowDeselect={false}
        />
        <Select
          label="År"
          w={140}
          data={[{ value: '', label: TEXTS.allYears }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
          value={filter.year ? String(filter.year) : ''}
          onChange={(v) => setFilter({ year: v ? Number(v) : null })}
          allowDeselect={false}
        />
        <Text c="dimmed" size="sm" pb={8}>
          {visible.length === 1 ? '1 møde' : `${visible.length} møder`}
        </Text>
      </Group>

      {items.length === 0 ? (
        <EmptyState onCreate={() => setCreating(true)} />
      ) : visible.length === 0 ? (
        <Text c="dimmed">{TEXTS.noMatch}</Text>
      ) : (
        <>
          <MeetingTable title={TEXTS.upcoming} meetings={upcoming} />
          <MeetingTable title={TEXTS.past} meetings={past} />
        </>
      )}
      <NewMeetingModal opened={creating} onClose={() => setCreating(false)} />
      <MeetingEditorDrawer />
      <TrashDrawer opened={trashOpen} onClose={() => setTrashOpen(false)} />
    </Stack>
  );
}

function EmptyState({ onCreate }: { onCreate(): void }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <Center>
        <Stack align="center" gap="xs" maw={420}>
          <ThemeIcon size={48} radius="xl" variant="light">
            <IconCalendarEvent size={26} />
          </ThemeIcon>
          <Text fw={600} size="lg">{TEXTS.emptyTitle}</Text>
          <Text c="dimmed" ta="center" size="sm">{TEXTS.emptyText}</Text>
          <Button mt="sm" leftSection={<IconPlus size={18} />} onClick={onCreate}>{TEXTS.newMeeting}</Button>
        </Stack>
      </Center>
    </Paper>
  );
}
