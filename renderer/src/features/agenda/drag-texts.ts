import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import type { AgendaItemSummary } from '../../../../shared/domain/agenda';

/** What a screen reader hears while an item is dragged: in Danish, by the item's number and title (never its id). */
export function dragAnnouncements(items: readonly AgendaItemSummary[]): Announcements {
  const item = (id: string | number) => items.find((i) => i.id === id);
  const name = (id: string | number) => {
    const found = item(id);
    return found ? `Punkt ${found.number} ${found.title}` : 'Punktet';
  };
  const place = (id: string | number) => `plads ${items.findIndex((i) => i.id === id) + 1} af ${items.length}`;
  return {
    onDragStart: ({ active }) => `${name(active.id)} er løftet, på ${place(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${name(active.id)} er over ${place(over.id)}.` : `${name(active.id)} er ikke over en plads på dagsordenen.`),
    onDragEnd: ({ active, over }) => (over ? `${name(active.id)} flyttet til ${place(over.id)}.` : `${name(active.id)} er sluppet uden at blive flyttet.`),
    onDragCancel: ({ active }) => `Flytningen er annulleret. ${name(active.id)} står på ${place(active.id)}.`,
  };
}

export const DRAG_INSTRUCTIONS: ScreenReaderInstructions = {
  draggable: 'Tryk mellemrum eller Enter for at løfte punktet. Flyt det med piletasterne, og tryk mellemrum eller Enter igen for at sætte det. Escape annullerer. Alt+pil op eller ned flytter også det valgte punkt.',
};
