import { ActionIcon, Button, Checkbox, Divider, Group, Menu, Paper, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowForwardUp, IconCopy, IconDots, IconHistory, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { AgendaItemPatch, ITEM_KIND_LABELS, ITEM_KINDS, type AgendaItem, type ItemKind } from '../../../../shared/domain/agenda';
import { formatLongDate } from '../../../../shared/format';
import { ApiError } from '../../api/client';
import { RichText } from '../../components/RichText';
import { SaveIndicator } from '../../components/SaveIndicator';
import { useAutosave } from '../../lib/autosave';
import { insertedAt, removeWithUndo, showError, useRowUndo } from '../../lib/undo';
import { removeWhenLeftEmpty, useAddedRows } from '../../lib/added-rows';
import { deleteItem, postponeItem, restoreItem, saveItem, useAgenda } from './store';
import { loadMeetings, useMeetings } from '../meetings/store';
import { fieldErrors } from '../../lib/field-errors';
import { AttachmentsPanel } from './AttachmentsPanel';
import { DecisionPanel } from './DecisionPanel';
import { ItemFollowUps } from './FollowUpsPanel';
import { HistoryDrawer } from './HistoryDrawer';
import { useSearchHit } from './search-hit';
import { LOCKED } from '../meetings/texts';
import { changes, fieldsOf, type ItemFields } from './concurrent-edits';

type Fields = ItemFields;

export function ItemEditor({ item, locked, hidden }: { item: AgendaItem; locked: boolean; hidden: readonly string[] }) {
  const [draft, setDraft] = useState(() => fieldsOf(item));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [historyOpen, setHistoryOpen] = useState(false);
  const saved = useRef({ fields: fieldsOf(item), revision: item.revision });
  // The number follows the agenda's order at once (a drag renumbers the list before the backend answers).
  const number = useAgenda((s) => s.items.find((i) => i.id === item.id)?.number ?? item.number);
  const rows = useAddedRows();
  const root = useRef<HTMLDivElement>(null);
  useSearchHit(root, item.id);

  const { state, schedule, flush, retry } = useAutosave<Fields>(async (next) => {
    const patch = changes(saved.current.fields, next);
    if (Object.keys(patch).length === 0) return;
    try {
      const updated = await saveItem(item.id, saved.current, patch, (theirs) => {
        // A real clash: the other version of those fields wins, and the user sees it and is told.
        setDraft((d) => ({ ...d, ...theirs }));
        notifications.show({ color: 'yellow', message: 'Punktet blev ændret samtidig et andet sted. Den anden udgave af de samme felter er beholdt.', autoClose: 8000 });
      });
      saved.current = { fields: fieldsOf(updated), revision: updated.revision };
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fields);
      // Locked since this window last heard: show the meeting as it now is, read-only (the typed text stays).
      if (error instanceof ApiError && error.code === 'LOCKED') loadMeetings().catch(showError);
      throw error;
    }
  });

  // The fields of locked minutes are read-only; whatever change still comes is sent, so the backend's refusal shows.
  function change(patch: Partial<Fields>) {
    const next = { ...draft, ...patch };
    setDraft(next);
    const check = AgendaItemPatch.safeParse(next);
    setErrors(check.success ? {} : fieldErrors(check.error.issues));
    if (check.success) schedule(next);
  }
  const offerRowUndo = useRowUndo({ draft, change });

  async function remove() {
    await flush();
    await removeWithUndo(
      `Punkt ${number}. ${item.title} er slettet.`,
      () => deleteItem(item),
      () => restoreItem(item),
    );
  }

  const setRecommendation = (index: number, text: string) => change({ recommendations: draft.recommendations.map((r, i) => (i === index ? text : r)) });
  const removeRecommendation = (index: number) => {
    const text = draft.recommendations[index] ?? '';
    change({ recommendations: draft.recommendations.filter((_, i) => i !== index) });
    if (text.trim()) offerRowUndo(`Indstilling ${index + 1} er fjernet.`, (current) => current.change({ recommendations: insertedAt(current.draft.recommendations, index, text) }));
  };
  function addRecommendation() {
    rows.added(draft.recommendations.length);
    change({ recommendations: [...draft.recommendations, ''] });
  }
  const show = (section: string) => !hidden.includes(section);

  return (
    <Stack ref={root} gap="md" data-testid="item-editor" data-item-id={item.id}>
      <Stack gap={2}>
        <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
          <Text size="sm" c="dimmed" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="item-number">Punkt {number}.</Text>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <SaveIndicator state={state} onRetry={() => void retry()} locked={locked ? LOCKED.short : null} />
            <ItemMenu item={item} locked={locked} onHistory={() => setHistoryOpen(true)} onDelete={() => void remove()} />
          </Group>
        </Group>
        <Textarea
            aria-label="Titel"
            autosize
            minRows={1}
            variant="unstyled"
            styles={{ input: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 600, lineHeight: 1.3 } }}
            value={draft.title}
            readOnly={locked}
            onChange={(e) => change({ title: e.currentTarget.value })}
            error={errors.title}
          />
      </Stack>

      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Select label="Punkttype" data={ITEM_KINDS.map((k) => ({ value: k, label: ITEM_KIND_LABELS[k] }))} value={draft.kind} allowDeselect={false} readOnly={locked} onChange={(v) => v && change({ kind: v as ItemKind })} />
          <Stack gap={6} justify="flex-end">
            <Switch label="Lukket punkt (fortroligt)" checked={draft.closed} disabled={locked} onChange={(e) => change(e.currentTarget.checked ? { closed: true, closedTitleVisible: false } : { closed: false })} />
            {draft.closed && <Checkbox size="xs" label="Vis titlen i den offentlige udgave" checked={draft.closedTitleVisible} disabled={locked} onChange={(e) => change({ closedTitleVisible: e.currentTarget.checked })} />}
          </Stack>
          <TextInput label="Sagsnummer" placeholder="fx EMN-2022-00567" value={draft.caseNumber} readOnly={locked} onChange={(e) => change({ caseNumber: e.currentTarget.value })} />
          <TextInput label="Sagsbehandler" value={draft.caseOfficer} readOnly={locked} onChange={(e) => change({ caseOfficer: e.currentTarget.value })} />
        </SimpleGrid>
        <GuestsEditor guests={draft.guests} locked={locked} onChange={(guests) => change({ guests })} />
      </Paper>

      {show('resume') && <RichText label="Resumé" value={draft.resume} onChange={(resume) => change({ resume })} readOnly={locked} />}

      <Stack gap={6}>
        <Text size="sm" fw={500}>Indstilling</Text>
        <Text size="sm" c="dimmed">Det indstilles, at</Text>
        {draft.recommendations.map((text, index) => (
          <Group key={index} gap="xs" wrap="nowrap" onBlur={locked ? undefined : removeWhenLeftEmpty(!text.trim(), () => removeRecommendation(index))}>
            <Textarea ref={rows.firstField(index)} aria-label={`Indstilling ${index + 1}`} autosize minRows={1} style={{ flex: 1 }} value={text} readOnly={locked} onChange={(e) => setRecommendation(index, e.currentTarget.value)} />
            {!locked && (
              <ActionIcon variant="subtle" color="gray" aria-label={`Fjern indstilling ${index + 1}`} onClick={() => removeRecommendation(index)}>
                <IconX size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {!locked && (
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={addRecommendation}>
            Tilføj indstilling
          </Button>
        )}
      </Stack>

      {show('caseText') && <RichText label="Sagsfremstilling" value={draft.caseText} onChange={(caseText) => change({ caseText })} minHeight={160} readOnly={locked} />}
      {show('economy') && <RichText label="Økonomi" value={draft.economy} onChange={(economy) => change({ economy })} readOnly={locked} />}
      {show('consultation') && <RichText label="Høring" value={draft.consultation} onChange={(consultation) => change({ consultation })} readOnly={locked} />}

      <AttachmentsPanel item={item} locked={locked} />
      <Divider />
      <DecisionPanel key={`${item.id}-decision`} item={item} locked={locked} />
      <ItemFollowUps item={item} locked={locked} />
      <HistoryDrawer itemId={historyOpen ? item.id : null} onClose={() => setHistoryOpen(false)} />
    </Stack>
  );
}

function GuestsEditor({ guests, locked, onChange }: { guests: Fields['guests']; locked: boolean; onChange(guests: Fields['guests']): void }) {
  const set = (index: number, patch: Partial<Fields['guests'][number]>) => onChange(guests.map((g, i) => (i === index ? { ...g, ...patch } : g)));
  const rows = useAddedRows();
  const empty = (g: Fields['guests'][number]) => !g.name.trim() && !g.title.trim() && !g.organisation.trim();
  const offerRowUndo = useRowUndo({ guests, onChange });
  const remove = (index: number) => {
    const removed = guests[index]!;
    onChange(guests.filter((_, i) => i !== index));
    if (!empty(removed)) offerRowUndo(`${removed.name.trim() ? `Gæsten ${removed.name.trim()}` : `Gæst ${index + 1}`} er fjernet.`, (current) => current.onChange(insertedAt(current.guests, index, removed)));
  };
  return (
    <Stack gap={6} mt="sm">
      <Text size="sm" fw={500}>Gæster under punktet</Text>
      {guests.map((g, index) => (
        // Name and title side by side, the organisation (often long) under them: all three wrap, none is cut.
        <Group key={index} gap="xs" wrap="nowrap" align="flex-start" onBlur={locked ? undefined : removeWhenLeftEmpty(empty(g), () => remove(index))}>
          <Stack gap={4} style={{ flex: 1 }}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Textarea autosize minRows={1} ref={rows.firstField(index)} aria-label={`Gæst ${index + 1} navn`} placeholder="Navn" value={g.name} readOnly={locked} onChange={(e) => set(index, { name: e.currentTarget.value })} style={{ flex: 1 }} />
              <Textarea autosize minRows={1} aria-label={`Gæst ${index + 1} titel`} placeholder="Titel" value={g.title} readOnly={locked} onChange={(e) => set(index, { title: e.currentTarget.value })} style={{ flex: 1 }} />
            </Group>
            <Textarea autosize minRows={1} aria-label={`Gæst ${index + 1} organisation`} placeholder="Organisation" value={g.organisation} readOnly={locked} onChange={(e) => set(index, { organisation: e.currentTarget.value })} />
          </Stack>
          <Checkbox label="Deltog" checked={g.attended} disabled={locked} onChange={(e) => set(index, { attended: e.currentTarget.checked })} mt={8} />
          {!locked && <ActionIcon variant="subtle" color="gray" mt={4} aria-label={`Fjern gæst ${index + 1}`} onClick={() => remove(index)}><IconX size={16} /></ActionIcon>}
        </Group>
      ))}
      {!locked && (
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => { rows.added(guests.length); onChange([...guests, { name: '', title: '', organisation: '', attended: false }]); }}>
          Tilføj gæst
        </Button>
      )}
    </Stack>
  );
}

function ItemMenu({ item, locked, onHistory, onDelete }: { item: AgendaItem; locked: boolean; onHistory(): void; onDelete(): void }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label="Flere handlinger for punktet"><IconDots size={18} /></ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconHistory size={16} />} onClick={onHistory}>Historik</Menu.Item>
        {!locked && <PostponeMenuItems item={item} />}
        {!locked && <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>Slet punkt</Menu.Item>}
      </Menu.Dropdown>
    </Menu>
  );
}

/** "Udsæt": move or copy the item to a later meeting of the same body. */
function PostponeMenuItems({ item }: { item: AgendaItem }) {
  const meetings = useMeetings((s) => s.items);
  const current = meetings.find((m) => m.id === item.meetingId);
  const later = meetings.filter((m) => current && m.bodyId === current.bodyId && m.date > current.date && m.status !== 'referat_godkendt').reverse().slice(0, 4);
  async function postpone(toMeetingId: string, mode: 'flyt' | 'kopier') {
    try {
      await postponeItem(item, toMeetingId, mode);
    } catch (error) {
      showError(error);
    }
  }
  if (later.length === 0) return <Menu.Item disabled leftSection={<IconArrowForwardUp size={16} />}>Udsæt (intet senere møde)</Menu.Item>;
  return (
    <>
      <Menu.Label>Udsæt til</Menu.Label>
      {later.map((m) => (
        <Menu.Item key={`${m.id}-flyt`} leftSection={<IconArrowForwardUp size={16} />} onClick={() => void postpone(m.id, 'flyt')}>
          Flyt til {formatLongDate(m.date)}
        </Menu.Item>
      ))}
      {later.map((m) => (
        <Menu.Item key={`${m.id}-kopier`} leftSection={<IconCopy size={16} />} onClick={() => void postpone(m.id, 'kopier')}>
          Kopiér til {formatLongDate(m.date)}
        </Menu.Item>
      ))}
    </>
  );
}

