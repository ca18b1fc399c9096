import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconFileTypeCsv, IconTableExport } from '@tabler/icons-react';
import { useState } from 'react';
import type { DecisionRegisterFilter } from '../../../../shared/domain/agenda';
import { saveExport } from '../../lib/files';
import { makeRegisterExport } from './store';
import { showError } from '../../lib/undo';


type Format = 'xlsx' | 'csv';

/**
 * «Eksportér»: the decision register with the filters shown (every row, not just those loaded) or the follow-ups,
 * as an Excel workbook or a CSV file for Danish Excel; then saved (a download, or a save dialog on the desktop).
 * A menu button, so it opens with Enter or Space and the formats are chosen with the arrow keys.
 */
export function ExportMenu({ what, filter, label, size = 'sm' }: { what: 'decisions' | 'followUps'; filter: DecisionRegisterFilter; label: string; size?: 'xs' | 'sm' }) {
  const [busy, setBusy] = useState<Format | null>(null);

  async function run(format: Format) {
    setBusy(format);
    try {
      const made = await makeRegisterExport({ what, format, filter });
      if (await saveExport(made.exportId)) {
        notifications.show({ color: 'teal', title: 'Eksporteret', message: `${made.fileName} er gemt.`, autoClose: 5000 });
      }
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size={size} leftSection={<IconTableExport size={size === 'xs' ? 14 : 16} />} loading={busy !== null} aria-busy={busy !== null} data-testid={`export-${what}`}>
          Eksportér
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{label}</Menu.Label>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void run('xlsx')}>
          Regneark (.xlsx)
        </Menu.Item>
        <Menu.Item leftSection={<IconFileTypeCsv size={16} />} onClick={() => void run('csv')}>
          CSV (semikolonsepareret)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
