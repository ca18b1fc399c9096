import { notifications } from '@mantine/notifications';
import { api } from '../../api/client';
import { showError } from '../../lib/undo';

/** One municipality's payments under a scenario of a version, as .xlsx or PDF, saved like every export (download or dialog). */
export async function exportMunicipality(request: { proposalId: string; versionNumber: number; scenarioId: string; organisationName: string; format: 'xlsx' | 'pdf' }): Promise<void> {
  try {
    const made = await api().call('proposals.exportMunicipality', request);
    if (await api().saveExport(made.exportId)) {
      notifications.show({ color: 'teal', message: `${made.fileName} er gemt.`, autoClose: 4000 });
    }
  } catch (error) {
    showError(error);
  }
}
