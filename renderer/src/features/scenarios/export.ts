import { notifications } from '@mantine/notifications';
import { api } from '../../api/client';
import { showError } from '../../lib/undo';

/** Makes the workbook or PDF annex of one scenario or a comparison, then saves it (download or save dialog). */
export async function exportScenarios(ids: string[], format: 'xlsx' | 'pdf'): Promise<void> {
  try {
    const made = await api().call('scenarios.export', { ids, format });
    if (await api().saveExport(made.exportId)) {
      notifications.show({ color: 'teal', message: `${made.fileName} er gemt.`, autoClose: 4000 });
    }
  } catch (error) {
    showError(error);
  }
}
