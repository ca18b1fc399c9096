import { Button, Grid, Loader, Paper, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { showError } from '../../lib/undo';
import { loadMeetings } from '../meetings/store';
import { loadScenarios } from '../scenarios/store';
import { NewProposalModal } from './NewProposalModal';
import { ProposalList } from './ProposalList';
import { ProposalView } from './ProposalView';
import { openProposal, useNavigation } from '../../stores/navigation';
import { loadOpenProposal, loadProposals, useProposals } from './store';
import { T } from './texts';

/** Forslag til nye tilbud: the proposals on the left, the open one with its versions and tabs on the right. */
export function ProposalsPage() {
  const { loaded, open, versionNumber } = useProposals();
  const openId = useNavigation((s) => s.proposalId);
  const [creating, setCreating] = useState(false);

  // Statuses follow decisions taken on the agenda: read them afresh whenever the area is opened.
  useEffect(() => {
    Promise.all([loadProposals(), loadScenarios(), loadMeetings()]).catch(showError);
  }, []);

  useEffect(() => {
    loadOpenProposal(openId).catch((error) => {
      showError(error);
      openProposal(null);
    });
  }, [openId]);

  useHotkeys([['mod+alt+N', () => setCreating(true)]]);

  const version = open?.id === openId ? open.versions.find((v) => v.number === versionNumber) : undefined;
  return (
    <Stack gap="lg">
      <PageHeader
        title={T.title}
        description={T.description}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} title="Ctrl+Alt+N">
            {T.newProposal}
          </Button>
        }
      />
      <Grid gutter="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <ProposalList />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {!loaded ? (
            <Loader size="sm" />
          ) : open && version ? (
            <ProposalView key={version.id} proposal={open} version={version} />
          ) : openId ? (
            <Loader size="sm" />
          ) : (
            <Paper withBorder p="xl" radius="md">
              <Text c="dimmed">{T.pick}</Text>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
      <NewProposalModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
