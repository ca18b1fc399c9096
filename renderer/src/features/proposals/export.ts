import { notifications } from '@mantine/notifications';
import { saveExport } from '../../lib/files';
import { makeMunicipalityExport } from './store';
import { showError } from '../../lib/undo';

/** One municipality's payments under a scenario of a version, as .xlsx or PDF, saved like every export (download or dialog). */
export async function exportMunicipality(request: { proposalId: string; versionNumber: number; scenarioId: string; organisationName: string; format: 'xlsx' | 'pdf' }): Promise<void> {
  try {
    const made = await makeMunicipalityExport(request);
    if (await saveExport(made.exportId)) {
      notifications.show({ color: 'teal', message: `${made.fileName} er gemt.`, autoClose: 4000 });
    }
  } catch (error) {
    showError(error);
  }
}
