import { Button, Grid, Loader, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowsDiff, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { showError } from '../../lib/undo';
import { openScenario, useNavigation } from '../../stores/navigation';
import { loadOpenScenario, loadScenarios, useScenarios } from './store';
import { CalculatorsView } from './calculators/CalculatorsView';
import { ComparisonView } from './ComparisonView';
import { FrozenVersionView } from './FrozenVersionView';
import { NewScenarioModal } from './NewScenarioModal';
import { ScenarioList } from './ScenarioList';
import { ScenarioView } from './ScenarioView';
import { T } from './texts';

/** Takstscenarier: the list of bases and variants on the left, the open scenario or a comparison on the right. */
export function ScenariosPage() {
  const scenarioId = useNavigation((s) => s.scenarioId);
  const scenarioVersion = useNavigation((s) => s.scenarioVersion);
  const { loaded, open, compared } = useScenarios();
  // The comparison shows until another scenario is opened from the list.
  const [comparingAt, setComparingAt] = useState<string | null | undefined>(undefined);
  const comparing = comparingAt !== undefined && comparingAt === scenarioId;
  const [creating, setCreating] = useState(false);
  const [tab, setTab] = useState<'scenarios' | 'calculators'>('scenarios');

  useEffect(() => {
    loadScenarios().catch(showError);
  }, []);

  useEffect(() => {
    loadOpenScenario(scenarioId).catch((error) => {
      showError(error);
      openScenario(null);
    });
  }, [scenarioId]);

  useHotkeys([['mod+alt+N', () => setCreating(true)]]);

  const canCompare = compared.length >= 2;
  return (
    <Stack gap="lg">
      <PageHeader
        title={T.title}
        description={T.description}
        actions={
          tab === 'scenarios' && (
          <>
            <Button variant="default" leftSection={<IconArrowsDiff size={16} />} disabled={!canCompare} onClick={() => setComparingAt(scenarioId)} data-testid="compare-button">
              {T.compare}{compared.length > 0 ? ` (${compared.length})` : ''}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} title="Ctrl+Alt+N">
              {T.newScenario}
            </Button>
          </>
          )
        }
      />
      <Tabs value={tab} onChange={(v) => setTab(v === 'calculators' ? 'calculators' : 'scenarios')} variant="pills">
        <Tabs.List>
          <Tabs.Tab value="scenarios">Scenarier</Tabs.Tab>
          <Tabs.Tab value="calculators">Beregninger</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="calculators" pt="md">
          <CalculatorsView />
        </Tabs.Panel>
        <Tabs.Panel value="scenarios" pt="md">
          <Grid gutter="lg" align="flex-start">
            <Grid.Col span={{ base: 12, md: 3 }}>
              <ScenarioList />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 9 }}>
              {!loaded ? (
                <Loader size="sm" />
              ) : comparing && canCompare ? (
                <ComparisonView ids={compared} onClose={() => setComparingAt(undefined)} />
              ) : open && open.id === scenarioId && scenarioVersion !== null ? (
                <FrozenVersionView key={`${open.id}/${scenarioVersion}`} scenario={open} number={scenarioVersion} />
              ) : open && open.id === scenarioId ? (
                <ScenarioView key={open.id} />
              ) : (
                <Paper withBorder p="xl" radius="md">
                  <Text c="dimmed">{T.pick}</Text>
                </Paper>
              )}
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
      </Tabs>
      <NewScenarioModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
