import type { ApprovalStep } from '../../../../../shared/domain/proposal';
import { formatNumericDate } from '../../../../../shared/format';
import { api } from '../../../api/client';
import { showError } from '../../../lib/undo';
import { useAgenda } from '../../../stores/agenda';
import { openMeetingPage } from '../../../stores/navigation';

/**
 * Opens a meeting's agenda with one item selected. The agenda is read first and the item named as the selection, so
 * the meeting page opens on it (its own load keeps a selection of the same meeting) without a race between two loads.
 * The item's editor itself mounts after the page: a rich-text editor mounted in the very commit that shows the lazily
 * loaded meeting page fails (TipTap, "reading 'cached'").
 */
export async function openAgendaItem(meetingId: string, itemId: string) {
  try {
    const [items, followUps] = await Promise.all([api().call('agenda.list', { meetingId }), api().call('followUps.forMeeting', { meetingId })]);
    useAgenda.setState({ meetingId, items, followUps, selectedId: itemId, selected: null });
  } catch (error) {
    showError(error);
  }
  openMeetingPage(meetingId);
}

/** "DAS 27.05.2021, punkt 7", as the papers cite an item. */
export const itemReference = (step: Pick<ApprovalStep, 'bodyCode' | 'item'>) =>
  step.item ? `${step.bodyCode} ${formatNumericDate(step.item.meetingDate)}, punkt ${step.item.itemNumber}` : '';
