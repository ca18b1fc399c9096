import { Badge, Group, NavLink, Paper, Stack, Text } from '@mantine/core';
import { EmptyList } from '../../components/Section';
import { PROPOSAL_STATUS_LABELS } from '../../../../shared/domain/proposal';
import { openProposal, useNavigation } from '../../stores/navigation';
import { useProposals } from './store';
import { STATUS_COLORS, T } from './texts';

/** Every proposal with its status (which follows the decisions on its route) and its latest version. */
export function ProposalList() {
  const items = useProposals((s) => s.items);
  const openId = useNavigation((s) => s.proposalId);

  if (items.length === 0) {
    return <EmptyList title={T.empty} hint={T.emptyHint} />;
  }
  return (
    <Paper withBorder radius="md" p={4} component="nav" aria-label="Forslag">
      {items.map((item) => (
        <NavLink
          key={item.id}
          data-testid="proposal-row"
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
          active={item.id === openId}
          href={`#/forslag/${item.id}`}
          onClick={(e) => {
            e.preventDefault();
            openProposal(item.id);
          }}
          label={
            <Stack gap={4}>
              <Group gap={6} wrap="nowrap" justify="space-between">
                <Text size="xs" fw={700} c="dimmed">{item.code}</Text>
                {item.latestVersion > 0 && <Badge size="xs" variant="light" color="gray" tt="none">v{item.latestVersion}</Badge>}
              </Group>
              <Text size="sm" fw={600}>{item.title}</Text>
              <Badge size="xs" variant="light" color={STATUS_COLORS[item.status]} tt="none" data-testid="proposal-status">
                {PROPOSAL_STATUS_LABELS[item.status]}
              </Badge>
              <Text size="xs" c="dimmed" lineClamp={2} data-excerpt title={item.statusReason} data-testid="proposal-row-reason">{item.statusReason}</Text>
            </Stack>
          }
        />
      ))}
    </Paper>
  );
}
