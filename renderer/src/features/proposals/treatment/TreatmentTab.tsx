import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { parseDanishDate } from '../../../../../shared/format';
import { showError } from '../../../lib/undo';
import { updateProposal, useProposals } from '../store';
import { useVersionEditor } from '../version-editor';
import { ApprovalRoute } from './ApprovalRoute';
import { PutOnAgenda } from './PutOnAgenda';

/** «Behandling»: the approval route, putting a version on an agenda, and when the offer was established. */
export function TreatmentTab() {
  const { proposal } = useVersionEditor();
  return (
    <Stack gap="md" data-testid="treatment-tab">
      <PutOnAgenda />
      <ApprovalRoute />
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={4}>Etablering</Title>
            <Text size="xs" c="dimmed">Når tilbuddet er etableret, får forslaget status «Etableret» fra den dato.</Text>
          </div>
          <DateInput
            label="Etableret den"
            valueFormat="D. MMMM YYYY"
            dateParser={(t) => parseDanishDate(t)}
            placeholder="Ikke etableret"
            clearable
            value={proposal.establishedOn}
            onChange={(establishedOn) => void updateProposal(useProposals.getState().open!, { establishedOn }).catch(showError)}
            w={220}
          />
        </Group>
      </Paper>
    </Stack>
  );
}
