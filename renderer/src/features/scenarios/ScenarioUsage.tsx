import { Alert, Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconGitBranch, IconLink, IconLock } from '@tabler/icons-react';
import { Fragment, useId } from 'react';
import type { ScenarioUse } from '../../../../shared/domain/scenario';
import { listText, throughText, versionLabel, type VersionUse } from '../../../../shared/logic/proposals/scenario-uses';
import { openProposalVersion } from '../proposals/store';

/** A choice with its explanation under it: the label wraps and stays left-aligned. */
const TWO_LINES = { h: 'auto', py: 8, styles: { label: { whiteSpace: 'normal', textAlign: 'left', display: 'block' } } } as const;

/** «NT-1 version 2 – Økonomi» as a link to that version's «Økonomi». */
function UseLink({ use }: { use: VersionUse }) {
  return (
    <Anchor component="button" type="button" size="sm" fw={600} onClick={() => openProposalVersion(use.proposalId, use.versionNumber, 'economy')}>
      {use.label} – Økonomi
    </Anchor>
  );
}

/**
 * Where a scenario's figures go: the proposal versions that follow it live (changed with it, with the user's consent)
 * and those that keep a frozen copy (never changed from here).
 */
export function UsageNotice({ live, usedBy, confirmed }: { live: VersionUse[]; usedBy: ScenarioUse[]; confirmed: boolean }) {
  const frozen = [...new Map(usedBy.filter((u) => u.frozenNumber !== null).map((u) => [u.versionId, versionLabel(u.proposalCode, u.versionNumber)])).values()];
  if (live.length === 0 && frozen.length === 0) return null;
  const labels = listText(live.map((u) => u.label));
  return (
    <Stack gap={6} data-testid="scenario-usage">
      {live.length > 0 && (
        <Alert color={confirmed ? 'orange' : 'blue'} variant="light" icon={<IconLink size={18} />} p="sm">
          <Text size="sm">
            Bruges af{' '}
            {live.map((use, i) => (
              <Fragment key={use.versionId}>
                {i > 0 && (i === live.length - 1 ? ' og ' : ', ')}
                <UseLink use={use} />
                {throughText(use) && ` (${throughText(use)})`}
              </Fragment>
            ))}
            .
          </Text>
          <Text size="sm" c={confirmed ? undefined : 'dimmed'} fw={confirmed ? 600 : undefined} mt={4} data-testid="scenario-usage-state">
            {confirmed
              ? `Dine ændringer her ændrer også tallene i ${labels}.`
              : `Ændrer du tallene, spørges du først, om ${labels} skal ændres med, eller om ændringen skal i en variant til forsøget.`}
          </Text>
        </Alert>
      )}
      {frozen.length > 0 && (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconLock size={14} style={{ flexShrink: 0, marginTop: 3 }} color="var(--mantine-color-dimmed)" />
          <Text size="xs" c="dimmed">
            {listText(frozen)} bygger på en fastfrosset kopi af scenariet og ændres ikke herfra.
          </Text>
        </Group>
      )}
    </Stack>
  );
}

/**
 * Asked before the first change to a used scenario lands: change the proposal too, or move the change to a variant of
 * its own. Escape or «Annuller» takes the change back.
 */
export function UsedScenarioChoice({
  opened,
  scenarioName,
  live,
  busy,
  onConfirm,
  onVariant,
  onCancel,
}: {
  opened: boolean;
  scenarioName: string;
  live: VersionUse[];
  busy: boolean;
  onConfirm: () => void;
  onVariant: () => void;
  onCancel: () => void;
}) {
  const labels = listText(live.map((u) => u.label));
  const id = useId();
  return (
    <Modal opened={opened} onClose={onCancel} title="Scenariet bruges af et forslag" size="lg" closeOnClickOutside={false}>
      <Stack gap="md" data-testid="usage-choice">
        <Text size="sm">
          Tallene i «{scenarioName}» bruges af{' '}
          {live.map((use, i) => (
            <Fragment key={use.versionId}>
              {i > 0 && (i === live.length - 1 ? ' og ' : ', ')}
              <Text span fw={600}>{use.label} – Økonomi</Text>
              {throughText(use) && ` (${throughText(use)})`}
            </Fragment>
          ))}
          . Din ændring er ikke gemt endnu.
        </Text>
        <Stack gap="xs">
          <Button variant="light" color="orange" justify="flex-start" leftSection={<IconLink size={16} />} onClick={onConfirm} disabled={busy} aria-label={`Ret også i ${labels}`} aria-describedby={`${id}-confirm`} {...TWO_LINES}>
            Ret også i {labels}
            <Text span display="block" size="xs" fw={400} c="dimmed" id={`${id}-confirm`}>Forslagets tal ændres med. Det gælder, så længe scenariet er åbent.</Text>
          </Button>
          <Button variant="light" justify="flex-start" leftSection={<IconGitBranch size={16} />} onClick={onVariant} loading={busy} aria-label="Lav en variant til forsøget" aria-describedby={`${id}-variant`} data-autofocus {...TWO_LINES}>
            Lav en variant til forsøget
            <Text span display="block" size="xs" fw={400} c="dimmed" id={`${id}-variant`}>Ændringen kommer i en ny variant, og du retter videre dér. Forslaget er uændret.</Text>
          </Button>
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>Annuller</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
