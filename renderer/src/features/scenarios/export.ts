import { notifications } from '@mantine/notifications';
import { saveExport } from '../../lib/files';
import { showError } from '../../lib/undo';
import { makeScenarioExport } from './store';

/** Makes the workbook or PDF annex of one scenario or a comparison, then saves it (download or save dialog). */
export async function exportScenarios(ids: string[], format: 'xlsx' | 'pdf'): Promise<void> {
  try {
    const made = await makeScenarioExport(ids, format);
    if (await saveExport(made.exportId)) {
      notifications.show({ color: 'teal', message: `${made.fileName} er gemt.`, autoClose: 4000 });
    }
  } catch (error) {
    showError(error);
  }
}
