import { Anchor, Badge, Button, Group, Loader, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { FOLLOW_UP_STATUS_LABELS, type FollowUp, type FollowUpStatus } from '../../../../shared/domain/agenda';
import { formatLongDate, todayIso } from '../../../../shared/format';
import { closeFollowUp, loadFollowUps } from './store';
import { showError } from '../../lib/undo';
import { selectItem } from '../agenda/store';
import { openMeetingPage } from '../../stores/navigation';
import { useReference } from '../../stores/reference';
import { ExportMenu } from './ExportMenu';


/** Every follow-up agreed in a decision, open ones first by default: what, who, by when, and where it was agreed. */
export function FollowUpsView() {
  const [status, setStatus] = useState<FollowUpStatus>('aaben');
  const [rows, setRows] = useState<FollowUp[] | null>(null);
  const bodies = useReference((s) => s.bodies);
  const today = todayIso();

  const reload = () => loadFollowUps({ status }).then(setRows, showError);
  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the status filter changes
  }, [status]);

  async function close(f: FollowUp) {
    try {
      await closeFollowUp(f);
      await reload();
    } catch (error) {
      showError(error);
    }
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl w={360} value={status} onChange={(v) => { setRows(null); setStatus(v as FollowUpStatus); }} data={(['aaben', 'afsluttet', 'annulleret'] as const).map((s) => ({ value: s, label: FOLLOW_UP_STATUS_LABELS[s] }))} />
        <ExportMenu what="followUps" filter={{}} label="Alle opfølgninger, med status" />
      </Group>
      {rows === null ? <Loader size="sm" /> : rows.length === 0 ? <Text c="dimmed">Ingen opfølgninger med status «{FOLLOW_UP_STATUS_LABELS[status].toLowerCase()}».</Text> : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table verticalSpacing="sm" aria-label="Opfølgninger" data-testid="follow-ups-table">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Opfølgning</Table.Th>
                <Table.Th w={170}>Ansvarlig</Table.Th>
                <Table.Th w={150}>Frist</Table.Th>
                <Table.Th w={260}>Aftalt</Table.Th>
                {status === 'aaben' && <Table.Th w={90} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((f) => {
                const overdue = f.status === 'aaben' && f.dueDate !== null && f.dueDate < today;
                return (
                  <Table.Tr key={f.id}>
                    <Table.Td><Text size="sm">{f.action}</Text></Table.Td>
                    <Table.Td><Text size="sm">{f.owner || '–'}</Text></Table.Td>
                    <Table.Td>
                      {f.dueDate ? <Text size="sm" c={overdue ? 'red.8' : undefined} fw={overdue ? 600 : undefined}>{formatLongDate(f.dueDate)}</Text> : <Text size="sm" c="dimmed">–</Text>}
                      {overdue && <Badge size="xs" color="red" variant="light" tt="none">Overskredet</Badge>}
                    </Table.Td>
                    <Table.Td>
                      <Anchor size="sm" href={`#/moeder/${f.origin.meetingId}`} onClick={(e) => { e.preventDefault(); openMeetingPage(f.origin.meetingId); void selectItem(f.itemId); }}>
                        {bodies.find((b) => b.id === f.bodyId)?.code ?? f.origin.bodyCode} {formatLongDate(f.origin.meetingDate)}, punkt {f.origin.itemNumber}
                      </Anchor>
                      <Text size="xs" c="dimmed">{f.origin.itemTitle}</Text>
                    </Table.Td>
                    {status === 'aaben' && <Table.Td><Group justify="flex-end"><Button size="compact-xs" variant="light" color="teal" onClick={() => void close(f)}>Afslut</Button></Group></Table.Td>}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
