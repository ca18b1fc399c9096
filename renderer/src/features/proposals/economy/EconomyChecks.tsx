import { Alert, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { VersionEconomy } from '../../../../../shared/domain/proposal';
import { MissingNotice } from '../MissingNotice';

function Bullets({ items }: { items: string[] }) {
  return (
    <Stack gap={2} component="ul" m={0} pl="md">
      {items.map((text) => (
        <Text component="li" size="sm" key={text}>{text}</Text>
      ))}
    </Stack>
  );
}

/** "1, 2 og 3" */
const listed = (numbers: number[]) => (numbers.length === 1 ? String(numbers[0]) : `${numbers.slice(0, -1).join(', ')} og ${numbers.at(-1)}`);

/** The engine's warnings, each once, with the scenarios it concerns. */
function scenarioWarnings(economy: VersionEconomy): string[] {
  const byText = new Map<string, number[]>();
  economy.scenarios.forEach((s, i) => s.warnings.forEach((w) => byText.set(w, [...(byText.get(w) ?? []), i + 1])));
  const all = economy.scenarios.length;
  return [...byText].map(([text, numbers]) => `${all > 1 && numbers.length === all ? 'Alle scenarier' : `Scenarie ${listed(numbers)}`}: ${text}`);
}

/**
 * Everything the engine and the proposal's own rules found: what is missing before an agenda, scenarios that cannot be
 * computed, where text and scenarios disagree, and the engine's consistency warnings per scenario.
 */
export function EconomyChecks({ economy, locked }: { economy: VersionEconomy; locked: boolean }) {
  const warnings = scenarioWarnings(economy);
  const clean = economy.errors.length === 0 && economy.checks.length === 0 && warnings.length === 0;
  return (
    <Stack gap="sm" data-testid="economy-checks">
      {!locked && <MissingNotice missing={economy.missing} />}
      {economy.errors.length > 0 && (
        <Alert color="red" variant="light" icon={<IconCircleX size={18} />} title="Kan ikke beregnes" data-testid="economy-errors">
          <Bullets items={economy.errors} />
        </Alert>
      )}
      {economy.checks.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={`Forslaget og scenarierne stemmer ikke overens (${economy.checks.length})`} data-testid="economy-consistency">
          <Bullets items={economy.checks} />
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={`Takstmotorens kontrol (${warnings.length})`} data-testid="economy-warnings">
          <Bullets items={warnings} />
        </Alert>
      )}
      {clean && economy.scenarios.length > 0 && (
        <Group gap={6} c="teal.8">
          <IconCircleCheck size={16} />
          <Text size="sm">Tallene hænger sammen: ingen advarsler.</Text>
        </Group>
      )}
    </Stack>
  );
}
