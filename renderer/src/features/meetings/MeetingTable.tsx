import { Badge, Button, Center, Paper, Table, Text, Title } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { MEETING_STATUS_LABELS, type Meeting } from '../../../../shared/domain/meeting';
import { formatLongDate, formatTimeSpan, formatWeekday } from '../../../../shared/format';
import { openMeetingFromList } from '../reading/store';
import { STATUS_COLORS } from './texts';

/** Arrow keys move between rows; Enter or Space opens the meeting (its papers to read, or the agenda editor). */
function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, meeting: Meeting) {
  const row = event.currentTarget;
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    openMeetingFromList(meeting);
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const sibling = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
    (sibling as HTMLElement | null)?.focus();
  }
}

/** Rows shown before "Vis alle": ten years hold hundreds of meetings, and mounting them all slows the first view. */
const FIRST_ROWS = 50;

export function MeetingTable({ title, meetings }: { title: string; meetings: Meeting[] }) {
  const [showAll, setShowAll] = useState(false);
  if (meetings.length === 0) return null;
  const shown = showAll ? meetings : meetings.slice(0, FIRST_ROWS);
  return (
    <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
      <Title order={4} px="md" pt="sm" pb="xs" fw={600}>
        {title} <Text span c="dimmed" fw={400} size="sm">({meetings.length})</Text>
      </Title>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={title}>
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th w="28%">Dato</Table.Th>
            <Table.Th w="16%">Tid</Table.Th>
            <Table.Th w="12%">Organ</Table.Th>
            <Table.Th>Sted</Table.Th>
            <Table.Th w={190}>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((m) => (
            <Table.Tr
              key={m.id}
              tabIndex={0}
              data-testid="meeting-row"
              style={{ cursor: 'pointer' }}
              onClick={() => openMeetingFromList(m)}
              onKeyDown={(e) => onRowKey(e, m)}
            >
              <Table.Td>
                <Text fw={500} size="sm">{formatLongDate(m.date)}</Text>
                <Text c="dimmed" size="xs" tt="capitalize">{formatWeekday(m.date)}</Text>
              </Table.Td>
              <Table.Td><Text size="sm">{formatTimeSpan(m.startTime, m.endTime) || '–'}</Text></Table.Td>
              <Table.Td>
                <Badge variant="light" color="blue" radius="sm" size="lg" tt="none" title={m.bodyName}>{m.bodyCode}</Badge>
              </Table.Td>
              <Table.Td><Text size="sm" c={m.location ? undefined : 'dimmed'}>{m.location || 'Sted ikke fastlagt'}</Text></Table.Td>
              <Table.Td>
                <Badge variant="dot" color={STATUS_COLORS[m.status]} radius="sm" size="lg" tt="none" fw={500}>{MEETING_STATUS_LABELS[m.status]}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {shown.length < meetings.length && (
        <Center py="sm">
          <Button variant="subtle" onClick={() => setShowAll(true)}>
            Vis alle {meetings.length} møder
          </Button>
        </Center>
      )}
    </Paper>
  );
}
