import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconSnowflake } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { Scenario } from '../../../../shared/domain/scenario';
import { formatTimestamp } from '../../../../shared/format';
import { computeScenario } from '../../../../shared/logic/tariff/scenario';
import { openScenario } from '../../stores/navigation';
import { ScenarioInputs } from './ScenarioInputs';
import { KeyFigures, ScenarioResults } from './ScenarioResults';
import { T } from './texts';
import { versionReference } from './VersionsPanel';

/**
 * A frozen version as it was put before a body: its figures and the engine's result, every field disabled. Changes
 * are made in the live scenario and frozen as a new version.
 */
export function FrozenVersionView({ scenario, number }: { scenario: Scenario; number: number }) {
  const version = scenario.versions.find((v) => v.number === number);
  const result = useMemo(() => (version ? computeScenario(version.input) : null), [version]);
  const back = () => openScenario(scenario.id);

  if (!version || !result) {
    return (
      <Alert color="yellow" title={T.frozenMissing(number)}>
        <Anchor component="button" onClick={back}>{T.toLive}</Anchor>
      </Alert>
    );
  }
  return (
    <Stack gap="md" data-testid="frozen-version" data-version={version.number}>
      <Paper withBorder radius="md" p="md">
        <Stack gap="xs">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={4}>
              <Title order={3}>{scenario.name}</Title>
              <Group gap="xs">
                <Badge variant="light" color="cyan" leftSection={<IconSnowflake size={12} />} tt="none">Version {version.number} · fastfrosset</Badge>
                <Text size="sm" c="dimmed">{formatTimestamp(version.frozenAt)}{version.frozenBy ? ` · ${version.frozenBy}` : ''}{version.note ? ` · ${version.note}` : ''}</Text>
              </Group>
            </Stack>
            <Button variant="default" size="xs" leftSection={<IconArrowLeft size={14} />} onClick={back} style={{ flexShrink: 0 }}>
              {T.toLive}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" ff="monospace">{versionReference(scenario.name, version)}</Text>
        </Stack>
      </Paper>
      <Alert color="cyan" variant="light" icon={<IconSnowflake size={18} />} data-testid="frozen-notice" py="xs">
        <Text size="sm" fw={500}>{T.frozen(version.number)}</Text>
        <Text size="xs" c="dimmed">{T.frozenHint}</Text>
      </Alert>
      <KeyFigures input={version.input} result={result} stale={false} />
      <Grid gutter="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ScenarioInputs draft={version.input} base={null} changedPaths={[]} onChange={null} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ScenarioResults input={version.input} result={result} stale={false} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
