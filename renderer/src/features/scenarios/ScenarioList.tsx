import { Badge, Checkbox, Group, NavLink, Paper, Text, Tooltip } from '@mantine/core';
import { IconGitBranch } from '@tabler/icons-react';
import { EmptyList } from '../../components/Section';
import { openScenario, useNavigation } from '../../stores/navigation';
import { toggleCompared, useScenarios } from './store';
import { T } from './texts';

/** Bases with their variants indented under them; a tick puts a scenario into the comparison. */
export function ScenarioList() {
  const { items, compared } = useScenarios();
  const scenarioId = useNavigation((s) => s.scenarioId);

  if (items.length === 0) {
    return <EmptyList title={T.empty} hint={T.emptyHint} />;
  }
  return (
    <Paper withBorder radius="md" p={4} component="nav" aria-label="Scenarier">
      {items.map((item) => {
        const position = compared.indexOf(item.id);
        return (
          <Group key={item.id} gap={0} wrap="nowrap" pl={item.baseId ? 20 : 0} data-testid="scenario-row" data-scenario-id={item.id}>
            <Tooltip label={position === 0 ? 'Sammenlignes med de andre' : 'Sammenlign'} openDelay={500}>
              <Checkbox
                size="xs"
                px={8}
                aria-label={`Sammenlign ${item.name}`}
                checked={position >= 0}
                disabled={position < 0 && compared.length >= 4}
                onChange={() => toggleCompared(item.id)}
              />
            </Tooltip>
            <NavLink
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              active={item.id === scenarioId}
              label={<Text size="sm" fw={item.baseId ? 400 : 600} >{item.name}</Text>}
              leftSection={item.baseId ? <IconGitBranch size={14} /> : undefined}
              rightSection={item.versionCount > 0 ? <Badge size="xs" variant="light" color="gray">v{item.versionCount}</Badge> : undefined}
              href={`#/takster/${item.id}`}
              onClick={(e) => {
                e.preventDefault();
                openScenario(item.id);
              }}
            />
          </Group>
        );
      })}
    </Paper>
  );
}
