import { Button, Group, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopyPlus, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import type { Proposal } from '../../../../shared/domain/proposal';
import { SaveIndicator } from '../../components/SaveIndicator';
import type { SaveState } from '../../lib/autosave';
import { showError } from '../../lib/undo';
import { reviseProposal, selectVersion } from './store';
import { T } from './texts';

/** v1, v2 …: which version is on screen, «Ny version», and whether the version on screen is saved. */
/**
 * «Ny version»: a copy of the latest version, shown at once; pending typing is saved first. A save refused then (the
 * version locked meanwhile) is still told: by the indicator, or by a notification once the old version's editor closes.
 */
export function useRevise(proposal: Proposal, beforeRevise: () => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  async function revise() {
    setBusy(true);
    try {
      await beforeRevise();
      const from = proposal.versions.at(-1)!.number;
      const revised = await reviseProposal(proposal.id);
      notifications.show({ color: 'teal', message: T.versionCreated(revised.versions.at(-1)!.number, from), autoClose: 5000 });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  }
  return { busy, revise };
}

interface VersionBarProps {
  proposal: Proposal;
  versionNumber: number;
  state: SaveState;
  onRetry?: () => void;
  /** Why the version on screen cannot be changed. */
  locked: string | null;
  beforeRevise(): Promise<unknown>;
}

export function VersionBar({ proposal, versionNumber, state, onRetry, locked, beforeRevise }: VersionBarProps) {
  const { busy, revise } = useRevise(proposal, beforeRevise);
  return (
    <Group justify="space-between" gap="sm">
      <Group gap="sm">
        <Text size="sm" fw={500} id="version-label">Version</Text>
        <SegmentedControl
          aria-labelledby="version-label"
          size="xs"
          value={String(versionNumber)}
          onChange={(v) => selectVersion(Number(v))}
          data={proposal.versions.map((v) => ({
            value: String(v.number),
            label: (
              <Group gap={4} wrap="nowrap" data-testid={`version-${v.number}`}>
                {v.lockedAt && <IconLock size={12} aria-label="låst" />}
                <span>v{v.number}</span>
              </Group>
            ),
          }))}
        />
        <Tooltip label="En kopi af den seneste version, som kan ændres" openDelay={400}>
          <Button size="xs" variant="light" leftSection={<IconCopyPlus size={14} />} loading={busy} onClick={() => void revise()}>
            {T.newVersion}
          </Button>
        </Tooltip>
      </Group>
      <SaveIndicator state={state} onRetry={onRetry} locked={locked} />
    </Group>
  );
}
