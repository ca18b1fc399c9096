import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCircleCheck, IconGripVertical, IconLock } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import { ITEM_KIND_LABELS, type AgendaItemSummary } from '../../../../shared/domain/agenda';
import { showError } from '../../lib/undo';
import { DRAG_INSTRUCTIONS, dragAnnouncements } from './drag-texts';
import { moveItem, selectItem, useAgenda } from './store';

/**
 * The agenda, reordered by dragging the handle, or from the keyboard: Alt+↑/↓ moves the selected item,
 * ↑/↓ moves the selection.
 */
export function AgendaList({ locked }: { locked: boolean }) {
  const items = useAgenda((s) => s.items);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const to = items.findIndex((i) => i.id === over.id) + 1;
    moveItem(String(active.id), to).catch(showError);
  }

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements: dragAnnouncements(items), screenReaderInstructions: DRAG_INSTRUCTIONS }}>
      <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy} disabled={locked}>
        <Stack gap={6} role="list" aria-label="Dagsorden">
          {items.map((item) => (
            <AgendaRow key={item.id} item={item} count={items.length} locked={locked} />
          ))}
        </Stack>
      </SortableContext>
    </DndContext>
  );
}

function AgendaRow({ item, count, locked }: { item: AgendaItemSummary; count: number; locked: boolean }) {
  const selected = useAgenda((s) => s.selectedId === item.id);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id });

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown') && !locked) {
      event.preventDefault();
      const to = item.number + (event.key === 'ArrowUp' ? -1 : 1);
      if (to >= 1 && to <= count) moveItem(item.id, to).then(() => document.getElementById(`agenda-item-${item.id}`)?.focus(), showError);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const row = event.currentTarget.closest('[data-agenda-row]');
      const sibling = event.key === 'ArrowDown' ? row?.nextElementSibling : row?.previousElementSibling;
      sibling?.querySelector<HTMLButtonElement>('button[data-select]')?.focus();
    }
  }

  return (
    <Paper
      ref={setNodeRef}
      data-agenda-row
      role="listitem"
      data-testid="agenda-row"
      data-item-id={item.id}
      withBorder
      radius="sm"
      bg={selected ? 'blue.0' : undefined}
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1, borderColor: selected ? 'var(--mantine-color-blue-5)' : undefined }}
    >
      <Group gap={0} wrap="nowrap" align="stretch">
        {!locked && (
          <UnstyledButton {...attributes} {...listeners} aria-label={`Flyt punkt ${item.number}`} px={6} style={{ cursor: 'grab', display: 'flex', alignItems: 'center' }} c="gray.5">
            <IconGripVertical size={16} />
          </UnstyledButton>
        )}
        <UnstyledButton
          id={`agenda-item-${item.id}`}
          data-select
          aria-current={selected || undefined}
          onClick={() => void selectItem(item.id)}
          onFocus={() => !selected && void selectItem(item.id)}
          onKeyDown={onKeyDown}
          p="xs"
          pl={locked ? 'sm' : 0}
          style={{ flex: 1, minWidth: 0 }}
        >
          <Text size="xs" c="dimmed" fw={600}>Punkt {item.number}.</Text>
          <Text size="sm" fw={500}>{item.title}</Text>
          <Group gap={6} mt={4}>
            <Badge size="xs" variant="light" color="gray" tt="none">{ITEM_KIND_LABELS[item.kind]}</Badge>
            {item.closed && (
              <Badge size="xs" variant="light" color="red" tt="none" leftSection={<IconLock size={10} />}>Fortrolig</Badge>
            )}
            {item.hasDecision && (
              <Badge size="xs" variant="light" color="teal" tt="none" leftSection={<IconCircleCheck size={10} />}>Besluttet</Badge>
            )}
          </Group>
        </UnstyledButton>
      </Group>
    </Paper>
  );
}
