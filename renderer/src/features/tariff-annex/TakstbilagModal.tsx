import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { YearInput } from '../../components/NumberInputs';
import { JobProgress } from '../../components/JobProgress';
import { saveExport } from '../../lib/files';
import { progressOf, useJob } from '../../lib/jobs';
import { showError } from '../../lib/undo';
import { openAgendaItem } from '../agenda/store';
import { makeTakstbilagExport, startTakstbilagOnAgenda } from './store';

/**
 * «Takstbilag …» on a DAS meeting: the year's takstbilag fetched as PDF or regneark, or put on this meeting's agenda
 * with a drafted Resumé and Indstilling and the PDF attached. The decision on that item approves the year's sheets.
 */
export function TakstbilagModal({ opened, onClose, meetingId, meetingYear }: { opened: boolean; onClose(): void; meetingId: string; meetingYear: number }) {
  // DAS approves next year's tariffs at its last meeting of the year.
  const [year, setYear] = useState<number>(meetingYear + 1);
  const [fetching, setFetching] = useState<'pdf' | 'xlsx' | null>(null);
  const job = useJob();
  const valid = Number.isInteger(year) && year >= 2000 && year <= 2100;

  async function download(format: 'pdf' | 'xlsx') {
    setFetching(format);
    try {
      const made = await makeTakstbilagExport({ year, format });
      if (await saveExport(made.exportId)) notifications.show({ color: 'teal', message: `${made.fileName} er gemt.`, autoClose: 4000 });
    } catch (error) {
      showError(error);
    } finally {
      setFetching(null);
    }
  }

  async function put() {
    const result = await job.run('agendaItem', () => startTakstbilagOnAgenda({ year, meetingId }), 'Takstbilaget blev ikke sat på dagsordenen; der er ikke oprettet noget punkt.');
    if (!result) return;
    onClose();
    notifications.show({ color: 'teal', message: `Takstbilag ${year} er sat på dagsordenen.`, autoClose: 4000 });
    await openAgendaItem(meetingId, result.itemId).catch(showError);
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Takstbilag" size="lg">
      <Stack gap="md">
        <Text size="sm">Takstbilaget viser alle tilbuds takster for året efter driftsherre og lovgrundlag med sidste års takst, ændringen og kontrollens bemærkninger.</Text>
        <YearInput label="Takstår" value={year} onChange={(v) => setYear(typeof v === 'number' ? v : Number(v))} w={160} data-autofocus error={valid ? null : 'Skriv et årstal, fx 2022'} />
        <Group gap="xs">
          <Button variant="default" leftSection={<IconFileTypePdf size={16} />} loading={fetching === 'pdf'} disabled={!valid || fetching !== null} onClick={() => void download('pdf')}>Hent PDF</Button>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={fetching === 'xlsx'} disabled={!valid || fetching !== null} onClick={() => void download('xlsx')}>Hent regneark</Button>
        </Group>
        <Stack gap={6}>
          <Text size="sm" c="dimmed">«Sæt på dagsordenen» opretter et punkt med resumé, indstilling og takstbilaget som bilag. Når DAS godkender punktet, godkendes og låses årets indsendte takstberegningsskemaer.</Text>
          <Group>
            <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => void put()} loading={job.running} disabled={!valid}>Sæt på dagsordenen</Button>
          </Group>
        </Stack>
        {job.status && <JobProgress {...progressOf(job.status)} onCancel={() => void job.cancel().catch(showError)} />}
      </Stack>
    </Modal>
  );
}
