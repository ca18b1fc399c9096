import { Alert, Badge, Button, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import type { Proposal, ProposalVersion } from '../../../../shared/domain/proposal';
import { formatTimestamp } from '../../../../shared/format';
import type { SaveState } from '../../lib/autosave';
import { ContentTab } from './content/ContentTab';
import { ProposalHeader } from './ProposalHeader';
import { selectTab, useProposals, type ProposalTab } from './store';
import { T } from './texts';
import { useEconomy } from './use-economy';
import { useVersionDraft, VersionEditorProvider, type VersionEditor } from './version-editor';
import { useRevise, VersionBar } from './VersionBar';

// The tabs other than «Oplæg» load when first opened.
const EconomyTab = lazy(() => import('./economy/EconomyTab').then((m) => ({ default: m.EconomyTab })));
const ConsultationTab = lazy(() => import('./consultation/ConsultationTab').then((m) => ({ default: m.ConsultationTab })));
const TreatmentTab = lazy(() => import('./treatment/TreatmentTab').then((m) => ({ default: m.TreatmentTab })));
const CompareTab = lazy(() => import('./compare/CompareTab').then((m) => ({ default: m.CompareTab })));

/** One version of a proposal: the header with the version picker, and the tabs that edit and treat it. */
export function ProposalView({ proposal, version }: { proposal: Proposal; version: ProposalVersion }) {
  const { economy } = useEconomy(proposal.id, version.number, version.revision);
  const editor = useVersionDraft(proposal, version, economy);
  const tab = useProposals((s) => s.tab);
  const missing = economy?.missing.length ?? 0;
  const responses = proposal.responses.filter((r) => r.versionId === version.id).length;

  return (
    <VersionEditorProvider editor={editor}>
      <Stack gap="md" data-testid="proposal-view" data-version={version.number}>
        <ProposalHeader proposal={proposal}>
          <VersionBar
            proposal={proposal}
            versionNumber={version.number}
            state={saveState(editor)}
            onRetry={() => void editor.retry()}
            locked={editor.locked ? T.lockedShort(version.number) : null}
            beforeRevise={editor.flush}
          />
        </ProposalHeader>
        {editor.locked && <LockedNotice editor={editor} />}
        <Tabs value={tab} onChange={(v) => v && selectTab(v as ProposalTab)} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="content">{T.tabs.content}</Tabs.Tab>
            <Tabs.Tab value="economy" rightSection={missing > 0 && !editor.locked ? <Badge size="xs" color="orange" variant="light" title={T.missingTitle}>{missing}</Badge> : undefined}>
              {T.tabs.economy}
            </Tabs.Tab>
            <Tabs.Tab value="consultation" rightSection={responses > 0 ? <Badge size="xs" color="gray" variant="light">{responses}</Badge> : undefined}>
              {T.tabs.consultation}
            </Tabs.Tab>
            <Tabs.Tab value="treatment">{T.tabs.treatment}</Tabs.Tab>
            <Tabs.Tab value="compare" disabled={proposal.versions.length < 2}>{T.tabs.compare}</Tabs.Tab>
          </Tabs.List>
          <Suspense fallback={<Loader size="sm" mt="md" />}>
            <Tabs.Panel value="content" pt="md"><ContentTab /></Tabs.Panel>
            <Tabs.Panel value="economy" pt="md"><EconomyTab /></Tabs.Panel>
            <Tabs.Panel value="consultation" pt="md"><ConsultationTab /></Tabs.Panel>
            <Tabs.Panel value="treatment" pt="md"><TreatmentTab /></Tabs.Panel>
            <Tabs.Panel value="compare" pt="md"><CompareTab /></Tabs.Panel>
          </Suspense>
        </Tabs>
      </Stack>
    </VersionEditorProvider>
  );
}

/** What the save indicator says: a field with an error holds the saving back. */
function saveState(editor: VersionEditor): SaveState {
  if (editor.state.kind !== 'failed' && Object.keys(editor.errors).length > 0) return { kind: 'failed', message: 'ret de markerede felter', retryable: false };
  return editor.state;
}

function LockedNotice({ editor }: { editor: VersionEditor }) {
  const { busy, revise } = useRevise(editor.proposal, editor.flush);
  const latest = editor.proposal.versions.at(-1)!;
  return (
    <Alert color="gray" variant="light" icon={<IconLock size={18} />} title={T.locked} data-testid="locked-notice">
      <Group justify="space-between" wrap="nowrap" gap="md" align="flex-end">
        <Text size="sm">
          {T.lockedHint(editor.version.number)}
          {editor.version.lockedAt && <> Låst {formatTimestamp(editor.version.lockedAt)}.</>}
        </Text>
        {latest.number === editor.version.number && (
          <Button size="xs" variant="default" loading={busy} onClick={() => void revise()} style={{ flexShrink: 0 }}>{T.newVersion}</Button>
        )}
      </Group>
    </Alert>
  );
}
