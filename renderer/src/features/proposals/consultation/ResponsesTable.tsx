import { ActionIcon, Button, ColorSwatch, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { STANCE_LABELS, type ConsultationResponse, type Stance } from '../../../../../shared/domain/proposal';
import { formatNumericDate, sortDanish } from '../../../../../shared/format';
import { removeWithUndo } from '../../../lib/undo';
import { deleteResponse, restoreResponse } from '../store';
import { ResponseModal } from './ResponseModal';

const STANCE_COLORS: Record<Stance, string> = {
  stoetter: 'teal',
  stoetter_med_bemaerkninger: 'lime',
  forbehold: 'orange',
  imod: 'red',
  ingen_bemaerkninger: 'gray',
};

/** The responses to a version's consultation: who, when, their stance and text; added, edited and deleted with undo. */
export function ResponsesTable({ versionId, responses, locked }: { versionId: string; responses: ConsultationResponse[]; locked: boolean }) {
  const [editing, setEditing] = useState<ConsultationResponse | 'new' | null>(null);
  const sorted = sortDanish(responses, (r) => `${r.receivedOn ?? '9999'} ${r.respondent}`);

  const remove = (response: ConsultationResponse) =>
    removeWithUndo(
      `Høringssvaret fra ${response.respondent} er slettet.`,
      () => deleteResponse(response.id),
      () => restoreResponse(response.id),
    );

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Høringssvar ({responses.length})</Title>
          {!locked && <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>Tilføj høringssvar</Button>}
        </Group>
        {responses.length === 0 ? (
          <Text size="sm" c="dimmed">Der er ikke modtaget høringssvar til denne version.</Text>
        ) : (
          <Table fz="sm" verticalSpacing={6} data-testid="responses-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>Fra</Table.Th>
                <Table.Th w={100}>Modtaget</Table.Th>
                <Table.Th w={150}>Holdning</Table.Th>
                <Table.Th>Høringssvar</Table.Th>
                {!locked && <Table.Th w={72} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((r) => (
                <Table.Tr key={r.id} data-testid="response-row">
                  <Table.Td fw={500}>{r.respondent}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.receivedOn ? formatNumericDate(r.receivedOn) : '–'}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <ColorSwatch color={`var(--mantine-color-${STANCE_COLORS[r.stance]}-6)`} size={10} mt={5} withShadow={false} style={{ flexShrink: 0 }} />
                      <Text size="sm">{STANCE_LABELS[r.stance]}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={3} title={r.text} data-excerpt>{r.text}</Text>
                  </Table.Td>
                  {!locked && (
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Ret høringssvaret fra ${r.respondent}`} onClick={() => setEditing(r)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="gray" aria-label={`Slet høringssvaret fra ${r.respondent}`} onClick={() => void remove(r)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <ResponseModal versionId={versionId} response={editing === 'new' ? null : editing} opened={editing !== null} onClose={() => setEditing(null)} />
    </Paper>
  );
}
