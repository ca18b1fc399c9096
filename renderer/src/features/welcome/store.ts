import { notifications } from '@mantine/notifications';
import { api } from '../../api/client';
import { showError } from '../../lib/undo';
import { loadMeetings } from '../meetings/store';
import { loadReference } from '../../stores/reference';

export async function loadDemo() {
  try {
    const added = await api().call('demo.load', {});
    await Promise.all([loadReference(), loadMeetings()]);
    const message = added.meetings + added.bodies + added.items + added.scenarios + added.proposals === 0
      ? 'Demodata var allerede indlæst.'
      : `Demodata indlæst: ${added.meetings} møder med ${added.items} punkter, ${added.bodies} organer ${added.scenarios} takstscenarier og ${added.proposals} forslag til nye tilbud.`;
    notifications.show({ color: 'teal', message, autoClose: 5000 });
  } catch (error) {
    showError(error);
  }
}
