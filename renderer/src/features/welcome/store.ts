import { notifications } from '@mantine/notifications';
import { api } from '../../api/client';
import { showError } from '../../lib/undo';
import { loadInfo } from '../../stores/reference';

/**
 * Loads the demo data. Its change event names everything it wrote, and each store reads its own part again; the
 * database's state is read here too, so the welcome dialog closes as the loading ends.
 */
export async function loadDemo() {
  try {
    const added = await api().call('demo.load', {});
    await loadInfo();
    const message = added.meetings + added.bodies + added.items + added.scenarios + added.proposals === 0
      ? 'Demodata var allerede indlæst.'
      : `Demodata indlæst: ${added.meetings} møder med ${added.items} punkter, ${added.bodies} organer ${added.scenarios} takstscenarier og ${added.proposals} forslag til nye tilbud.`;
    notifications.show({ color: 'teal', message, autoClose: 5000 });
  } catch (error) {
    showError(error);
  }
}
