import { ActionIcon, Badge, Group, Menu, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconDots, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { PROPOSAL_STATUS_LABELS, type Proposal } from '../../../../shared/domain/proposal';
import { SaveIndicator } from '../../components/SaveIndicator';
import { useAutosave } from '../../lib/autosave';
import { removeWithUndo } from '../../lib/undo';
import { openProposal } from '../../stores/navigation';
import { deleteProposal, restoreProposal, updateProposal, useProposals } from './store';
import { STATUS_COLORS, T } from './texts';

/** Code, title and status of a proposal (saved as they are typed), its versions below them, and «Slet forslag». */
export function ProposalHeader({ proposal, children }: { proposal: Proposal; children: ReactNode }) {
  const [code, setCode] = useState(proposal.code);
  const [title, setTitle] = useState(proposal.title);
  const autosave = useAutosave(async (patch: { code?: string; title?: string }) => {
    await updateProposal(useProposals.getState().open!, patch);
  });

  function edit(patch: { code?: string; title?: string }) {
    const next = { code: patch.code ?? code, title: patch.title ?? title };
    setCode(next.code);
    setTitle(next.title);
    if (next.code.trim() && next.title.trim()) autosave.schedule({ code: next.code.trim(), title: next.title.trim() });
  }

  async function remove() {
    await autosave.flush();
    await removeWithUndo(
      T.deleted(proposal.code, proposal.title),
      async () => {
        await deleteProposal(proposal.id);
        openProposal(null);
      },
      async () => {
        await restoreProposal(proposal.id);
        openProposal(proposal.id);
      },
    );
  }

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
          <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: 1, minWidth: 0 }}>
            <TextInput
              aria-label="Kort betegnelse"
              value={code}
              onChange={(e) => edit({ code: e.currentTarget.value })}
              w={110}
              maxLength={30}
              styles={{ input: { fontWeight: 700 } }}
              error={!code.trim() ? 'Angiv en betegnelse' : undefined}
            />
            <Textarea
              aria-label="Forslagets titel"
              autosize
              minRows={1}
              variant="unstyled"
              value={title}
              onChange={(e) => edit({ title: e.currentTarget.value })}
              style={{ flex: 1 }}
              styles={{ input: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 700, lineHeight: 1.3, paddingTop: 2 } }}
              error={!title.trim() ? 'Giv forslaget en titel' : undefined}
            />
          </Group>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="default" size="lg" aria-label="Flere handlinger for forslaget">
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void remove()}>
                Slet forslaget
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap">
            <Badge variant="light" color={STATUS_COLORS[proposal.status]} tt="none" data-testid="proposal-view-status">
              {PROPOSAL_STATUS_LABELS[proposal.status]}
            </Badge>
            <Text size="sm" c="dimmed" data-testid="proposal-status-reason">{proposal.statusReason}</Text>
          </Group>
          {/* The code and title: the version's own saving shows in its bar below. */}
          <SaveIndicator state={autosave.state} onRetry={() => void autosave.retry()} />
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
