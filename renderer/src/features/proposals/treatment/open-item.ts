import type { ApprovalStep } from '../../../../../shared/domain/proposal';
import { formatNumericDate } from '../../../../../shared/format';
import { showError } from '../../../lib/undo';
import { openAgendaItem as openItem } from '../../agenda/store';

/** Opens the agenda on the item where a step is treated; a failure to read it is told, not thrown. */
export async function openAgendaItem(meetingId: string, itemId: string) {
  await openItem(meetingId, itemId).catch(showError);
}

/** "DAS 27.05.2021, punkt 7", as the papers cite an item. */
export const itemReference = (step: Pick<ApprovalStep, 'bodyCode' | 'item'>) =>
  step.item ? `${step.bodyCode} ${formatNumericDate(step.item.meetingDate)}, punkt ${step.item.itemNumber}` : '';
