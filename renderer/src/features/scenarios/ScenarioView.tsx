import { ActionIcon, Alert, Badge, Button, Grid, Group, Menu, Paper, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconFileSpreadsheet, IconFileTypePdf, IconGitBranch, IconTrash } from '@tabler/icons-react';
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ScenarioInput } from '../../../../shared/domain/scenario';
import { liveVersionUses } from '../../../../shared/logic/proposals/scenario-uses';
import { canonicalJson } from '../../../../shared/logic/tariff/freeze';
import { computeScenario, type ScenarioResult } from '../../../../shared/logic/tariff/scenario';
import { diffOverrides, overriddenPaths } from '../../../../shared/logic/tariff/variants';
import { SaveIndicator } from '../../components/SaveIndicator';
import { useAutosave } from '../../lib/autosave';
import { removeWithUndo, showError } from '../../lib/undo';
import { openScenario } from '../../stores/navigation';
import { createScenario, deleteScenario, restoreScenario, saveScenario, useScenarios } from './store';
import { exportScenarios } from './export';
import { NewScenarioModal } from './NewScenarioModal';
import { ScenarioInputs } from './ScenarioInputs';
import { KeyFigures, ScenarioResults } from './ScenarioResults';
import { SensitivityView } from './SensitivityView';
import { T } from './texts';
import { UsageNotice, UsedScenarioChoice } from './ScenarioUsage';
import { VersionsPanel } from './VersionsPanel';

/** Equal figures: the name is no figure. */
const sameFigures = (a: ScenarioInput, b: ScenarioInput) => canonicalJson({ ...a, name: '' }) === canonicalJson({ ...b, name: '' });

/** «… – forsøg», numbered where that name is taken. */
function trialName(name: string, taken: readonly string[]): string {
  const stem = `${name.slice(0, 180)} – forsøg`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? stem : `${stem} ${n}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

/** The field the user was typing in when a change moved to a new variant: focused again there (by its place). */
let focusOnOpen: { scenarioId: string; index: number } | null = null;
const FIELDS = 'input, textarea';

/**
 * One scenario: its inputs, recomputed on every keystroke in the window itself (the engine is pure and takes well
 * under a millisecond), saved a moment later — a base as its whole input, a variant as what differs from its base.
 */
export function ScenarioView() {
  const scenario = useScenarios((s) => s.open)!;
  const base = useScenarios((s) => s.base);
  const [draft, setDraft] = useState<unknown>(scenario.input);
  const [name, setName] = useState(scenario.name);
  const [lastValid, setLastValid] = useState<{ input: ScenarioInput; result: ScenarioResult }>(() => ({ input: scenario.input, result: computeScenario(scenario.input) }));
  const [variantOpen, setVariantOpen] = useState(false);
  const [exporting, setExporting] = useState<'xlsx' | 'pdf' | null>(null);

  // Proposal versions that follow this scenario live; a change reaches them only once the user has said so, which
  // holds while the scenario stays open.
  const live = useMemo(() => liveVersionUses(scenario.id, scenario.usedBy), [scenario.id, scenario.usedBy]);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const unconfirmed = live.filter((use) => !confirmed.includes(use.versionId));
  const [choice, setChoice] = useState<{ focus: number } | null>(null);
  const [branching, setBranching] = useState(false);
  const refs = useRef({ confirmed, asks: unconfirmed.length > 0, draft });
  useLayoutEffect(() => {
    refs.current = { confirmed, asks: unconfirmed.length > 0, draft };
  });
  // The last figures accepted for saving: what «Annuller» goes back to.
  const accepted = useRef<ScenarioInput>(scenario.input);
  const inputsRef = useRef<HTMLDivElement>(null);

  const autosave = useAutosave(async (patch: { name?: string; input?: ScenarioInput }) => {
    const current = useScenarios.getState().open!;
    const currentBase = useScenarios.getState().base;
    const confirmedUses = refs.current.confirmed;
    if (patch.input && currentBase) await saveScenario(current, { name: patch.name, overrides: diffOverrides(currentBase.input, patch.input) }, confirmedUses);
    else await saveScenario(current, patch, confirmedUses);
  });

  // Validate and compute as the user types; an unfinished figure keeps the last valid result on screen.
  const parsed = useMemo(() => ScenarioInput.safeParse(draft), [draft]);
  const computed = useMemo(() => {
    if (!parsed.success) return null;
    try {
      return { input: parsed.data, result: computeScenario(parsed.data), error: null };
    } catch (error) {
      return { input: parsed.data, result: null, error: (error as Error).message };
    }
  }, [parsed]);
  const fallback = computed?.result ? null : lastValid;
  const shown = useMemo(() => (computed?.result ? { input: computed.input, result: computed.result } : fallback!), [computed, fallback]);
  if (computed?.result && computed.result !== lastValid.result) setLastValid({ input: computed.input, result: computed.result });
  const problem = !parsed.success ? parsed.error.issues[0]?.message : computed?.error;
  // The key figures follow every keystroke; the charts and tables render when the typing leaves time for them.
  const deferred = useDeferredValue(shown);

  const changedPaths = useMemo(() => (base && parsed.success ? overriddenPaths(base.input, diffOverrides(base.input, parsed.data)) : scenario.overriddenPaths), [base, parsed, scenario.overriddenPaths]);

  // Stable, so the input groups that did not change skip their render (see ScenarioInputs).
  const { schedule } = autosave;
  const nameRef = useRef(scenario.name);
  const accept = useCallback(
    (input: ScenarioInput) => {
      accepted.current = input;
      schedule({ name: nameRef.current, input: { ...input, name: nameRef.current } });
    },
    [schedule],
  );
  const edit = useCallback(
    (next: unknown) => {
      setDraft(next);
      const valid = ScenarioInput.safeParse(next);
      if (!valid.success) return;
      // The first change of figures that would reach a proposal waits for the user's choice; nothing is saved meanwhile.
      if (refs.current.asks && !sameFigures(valid.data, accepted.current)) {
        const fields = [...(inputsRef.current?.querySelectorAll(FIELDS) ?? [])];
        setChoice({ focus: fields.indexOf(document.activeElement as Element) });
        return;
      }
      accept(valid.data);
    },
    [accept],
  );

  // Typing goes on in the field it was in before a change moved to this new variant.
  useEffect(() => {
    if (focusOnOpen?.scenarioId !== scenario.id) return;
    const { index } = focusOnOpen;
    focusOnOpen = null;
    const field = inputsRef.current?.querySelectorAll<HTMLInputElement>(FIELDS)[index];
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, [scenario.id]);

  function confirmUses() {
    const ids = live.map((use) => use.versionId);
    refs.current.confirmed = ids;
    setConfirmed(ids);
    setChoice(null);
    const valid = ScenarioInput.safeParse(refs.current.draft);
    if (valid.success) accept(valid.data);
  }

  /** The typed change goes to a new variant (of this scenario, or of its base), which opens for the typing to go on. */
  async function branch() {
    const valid = ScenarioInput.safeParse(refs.current.draft);
    if (!valid.success || !choice) return;
    const { open, base: openBase, items } = useScenarios.getState();
    const baseInput = open!.baseId ? openBase!.input : open!.input;
    setBranching(true);
    try {
      const created = await createScenario({ name: trialName(open!.name, items.map((i) => i.name)), baseId: open!.baseId ?? open!.id, overrides: diffOverrides(baseInput, valid.data) });
      focusOnOpen = { scenarioId: created.id, index: choice.focus };
      setChoice(null);
      openScenario(created.id);
    } catch (error) {
      showError(error);
      setBranching(false);
    }
  }

  function cancelChoice() {
    if (branching) return;
    setDraft(accepted.current);
    setChoice(null);
  }

  function rename(next: string) {
    setName(next);
    if (!next.trim()) return;
    nameRef.current = next.trim();
    autosave.schedule({ name: next.trim(), ...(parsed.success ? { input: { ...parsed.data, name: next.trim() } } : {}) });
  }

  async function remove() {
    await autosave.flush();
    await removeWithUndo(
      T.deleted(scenario.name),
      async () => {
        await deleteScenario(scenario.id);
        openScenario(scenario.baseId);
      },
      async () => {
        await restoreScenario(scenario.id);
        openScenario(scenario.id);
      },
    );
  }

  async function exportAs(format: 'xlsx' | 'pdf') {
    // The export is made from what is stored: not while a change on screen is refused.
    if (!(await autosave.flush())) {
      notifications.show({ color: 'red', title: 'Ikke eksporteret', message: T.notSavedYet, autoClose: 8000 });
      return;
    }
    setExporting(format);
    await exportScenarios([scenario.id], format).finally(() => setExporting(null));
  }

  return (
    <Stack gap="md" data-testid="scenario-view">
      <Paper withBorder radius="md" p="md">
        <Stack gap="xs">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <TextInput
              value={name}
              onChange={(e) => rename(e.currentTarget.value)}
              aria-label="Scenariets navn"
              variant="unstyled"
              size="lg"
              styles={{ input: { fontWeight: 700, fontSize: 'var(--mantine-font-size-xl)' } }}
              style={{ flex: 1 }}
              error={!name.trim() ? 'Giv scenariet et navn' : undefined}
            />
            <Group gap="xs" wrap="nowrap">
              <Button variant="default" size="xs" leftSection={<IconFileSpreadsheet size={14} />} loading={exporting === 'xlsx'} onClick={() => void exportAs('xlsx')}>
                {T.exportXlsx}
              </Button>
              <Button variant="default" size="xs" leftSection={<IconFileTypePdf size={14} />} loading={exporting === 'pdf'} onClick={() => void exportAs('pdf')}>
                {T.exportPdf}
              </Button>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="default" size="md" aria-label="Flere handlinger">
                    <IconDots size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconGitBranch size={14} />} onClick={() => setVariantOpen(true)}>
                    {T.newVariant}
                  </Menu.Item>
                  <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void remove()}>
                    Slet scenariet
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
          <Group justify="space-between">
            {base ? (
              <Group gap={6}>
                <Badge variant="light" color="yellow" leftSection={<IconGitBranch size={12} />}>Variant</Badge>
                <Text size="sm" c="dimmed">{T.variantOf(base.name)}</Text>
              </Group>
            ) : (
              <Badge variant="light" color="blue">{T.base}</Badge>
            )}
            <SaveIndicator state={autosave.state} onRetry={() => void autosave.retry()} />
          </Group>
          <UsageNotice live={live} usedBy={scenario.usedBy} confirmed={live.length > 0 && unconfirmed.length === 0} />
        </Stack>
      </Paper>

      {problem && (
        <Alert color="orange" title={T.invalid} data-testid="scenario-problem">
          {problem} {T.lastValid}
        </Alert>
      )}

      <KeyFigures input={shown.input} result={shown.result} stale={Boolean(problem)} />

      <Tabs defaultValue="figures" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="figures">Tal og resultat</Tabs.Tab>
          <Tabs.Tab value="sensitivity">Følsomhed</Tabs.Tab>
          <Tabs.Tab value="versions">Versioner{scenario.versions.length ? ` (${scenario.versions.length})` : ''}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="figures" pt="md">
          {/* Side by side only on a wide screen: at 1280 px the figures' column squeezed the budget lines and cut the yearly table. */}
          <Grid gutter="md" align="flex-start">
            <Grid.Col span={{ base: 12, xl: 5 }}>
              <div ref={inputsRef}>
                <ScenarioInputs draft={draft as ScenarioInput} base={base?.input ?? null} changedPaths={changedPaths} onChange={edit} />
              </div>
            </Grid.Col>
            <Grid.Col span={{ base: 12, xl: 7 }}>
              <ScenarioResults input={deferred.input} result={deferred.result} stale={Boolean(problem)} />
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="sensitivity" pt="md">
          <SensitivityView input={deferred.input} />
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <VersionsPanel scenario={scenario} beforeFreeze={autosave.flush} />
        </Tabs.Panel>
      </Tabs>
      <UsedScenarioChoice opened={choice !== null} scenarioName={scenario.name} live={unconfirmed} busy={branching} onConfirm={confirmUses} onVariant={() => void branch()} onCancel={cancelChoice} />
      <NewScenarioModal opened={variantOpen} onClose={() => setVariantOpen(false)} variantOf={scenario.baseId ?? scenario.id} />
    </Stack>
  );
}
