import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgendaItemSummary } from '../../shared/domain/agenda';
import { AgendaList } from '../../renderer/src/features/agenda/AgendaList';
import { dragAnnouncements } from '../../renderer/src/features/agenda/drag-texts';
import { useAgenda } from '../../renderer/src/features/agenda/store';
import { renderInWindow } from './render';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const summary = (n: number, title: string): AgendaItemSummary => ({
  id: uuid(n), revision: 1, createdAt: '', updatedAt: '', meetingId: uuid(900), number: n, title, kind: 'beslutning', standing: null, closed: false, closedTitleVisible: false, hasDecision: false,
});

describe('dragging an agenda item, as a screen reader tells it', () => {
  const items = Array.from({ length: 9 }, (_, n) => summary(n + 1, n === 2 ? 'Økonomi' : `Punkt ${n + 1}`));

  it('names the item by number and title and its new place, in Danish', () => {
    const say = dragAnnouncements(items);
    const active = { id: uuid(3) } as never;
    expect(say.onDragEnd({ active, over: { id: uuid(5) } } as never)).toBe('Punkt 3 Økonomi flyttet til plads 5 af 9.');
    expect(say.onDragStart({ active } as never)).toBe('Punkt 3 Økonomi er løftet, på plads 3 af 9.');
    expect(say.onDragCancel({ active, over: null } as never)).toBe('Flytningen er annulleret. Punkt 3 Økonomi står på plads 3 af 9.');
  });

  it('gives the drag handles Danish instructions', () => {
    useAgenda.setState({ items });
    renderInWindow(<AgendaList locked={false} />);
    const handle = screen.getByRole('button', { name: 'Flyt punkt 3' });
    const instructions = document.getElementById(handle.getAttribute('aria-describedby')!);
    expect(instructions?.textContent).toMatch(/Tryk mellemrum eller Enter for at løfte punktet/);
    expect(within(document.body).queryByText(/To pick up a draggable item/)).toBeNull();
  });
});
