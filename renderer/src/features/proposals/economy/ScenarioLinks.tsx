import { ActionIcon, Badge, Group, Paper, Radio, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconExternalLink, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { ScenarioRef } from '../../../../../shared/domain/proposal';
import { openScenario } from '../../../stores/navigation';
import { useScenarios } from '../../scenarios/store';
import { useVersionEditor } from '../version-editor';

const MAX = 8;

/**
 * The version's start-up scenarios in order (scenarie 1, 2, 3 …) and the chosen one; each opens in «Takstscenarier»,
 * a frozen one as its frozen version.
 */
export function ScenarioLinks() {
  const { fields, locked, change, economy } = useVersionEditor();
  const scenarios = useScenarios((s) => s.items);
  const refs = fields.scenarios;
  const nameOf = (id: string) => scenarios.find((s) => s.id === id)?.name ?? economy?.scenarios.find((s) => s.scenarioId === id)?.name ?? 'Slettet scenarie';
  // The picker starts empty again after each pick.
  const [picks, setPicks] = useState(0);
  const available = scenarios.filter((s) => !refs.some((r) => r.scenarioId === s.id));

  function set(next: ScenarioRef[], chosen = fields.chosenScenarioId) {
    const stillThere = chosen !== null && next.some((r) => r.scenarioId === chosen);
    change({ scenarios: next, chosenScenarioId: stillThere ? chosen : (next[0]?.scenarioId ?? null) });
  }
  function move(index: number, by: -1 | 1) {
    const next = [...refs];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    set(next);
  }

  return (
    <Paper withBorder radius="md" p="md" data-testid="scenario-links">
      <Stack gap="sm">
        <div>
          <Title order={4}>Opstartsscenarier</Title>
          <Text size="xs" c="dimmed">Tallene kommer fra takstscenarierne. Markér det scenarie, forslaget indstiller; kommunernes betaling regnes efter det.</Text>
        </div>
        {refs.length === 0 && <Text size="sm" c="dimmed">Ingen scenarier endnu.</Text>}
        <Radio.Group value={fields.chosenScenarioId} onChange={(id) => change({ chosenScenarioId: id })} aria-label="Valgt scenarie">
          <Stack gap={6}>
            {refs.map((ref, index) => {
              const name = nameOf(ref.scenarioId);
              const chosen = ref.scenarioId === fields.chosenScenarioId;
              return (
                <Group key={ref.scenarioId} gap="sm" wrap="nowrap" p={6} bg={chosen ? 'blue.0' : undefined} style={{ borderRadius: 'var(--mantine-radius-sm)' }} data-testid="scenario-link">
                  <Radio value={ref.scenarioId} aria-label={`Vælg ${name}`} disabled={locked && !chosen} readOnly={locked} />
                  <Text size="sm" fw={600} w={84} style={{ flexShrink: 0 }}>Scenarie {index + 1}</Text>
                  <Text size="sm" style={{ flex: 1, minWidth: 0 }}>{name}</Text>
                  {ref.frozenNumber !== null && <Badge size="sm" variant="light" color="gray" tt="none">fastfrosset v{ref.frozenNumber}</Badge>}
                  {chosen && <Badge size="sm" variant="filled" tt="none">Valgt</Badge>}
                  <Group gap={2} wrap="nowrap">
                    {/* A frozen reference opens the version as it was treated, not the live scenario. */}
                    <Tooltip label={ref.frozenNumber !== null ? `Åbn version ${ref.frozenNumber} i Takstscenarier` : 'Åbn i Takstscenarier'} openDelay={300}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={ref.frozenNumber !== null ? `Åbn ${name}, version ${ref.frozenNumber}, i Takstscenarier` : `Åbn ${name} i Takstscenarier`}
                        onClick={() => openScenario(ref.scenarioId, ref.frozenNumber)}
                      >
                        <IconExternalLink size={16} />
                      </ActionIcon>
                    </Tooltip>
                    {!locked && (
                      <>
                        <ActionIcon variant="subtle" color="gray" aria-label={`Flyt ${name} op`} disabled={index === 0} onClick={() => move(index, -1)}>
                          <IconArrowUp size={16} />
                        </ActionIcon>
                        <ActionIcon variant="subtle" color="gray" aria-label={`Flyt ${name} ned`} disabled={index === refs.length - 1} onClick={() => move(index, 1)}>
                          <IconArrowDown size={16} />
                        </ActionIcon>
                        <ActionIcon variant="subtle" color="gray" aria-label={`Fjern ${name}`} onClick={() => set(refs.filter((r) => r.scenarioId !== ref.scenarioId))}>
                          <IconX size={16} />
                        </ActionIcon>
                      </>
                    )}
                  </Group>
                </Group>
              );
            })}
          </Stack>
        </Radio.Group>
        {!locked && refs.length < MAX && (
          <Select
            key={picks}
            label="Tilføj opstartsscenarie"
            placeholder={available.length ? 'Vælg et takstscenarie' : 'Der er ingen flere takstscenarier'}
            data={available.map((s) => ({ value: s.id, label: s.name }))}
            value={null}
            searchable
            nothingFoundMessage="Intet scenarie med det navn"
            onChange={(id) => {
              if (!id) return;
              set([...refs, { scenarioId: id, frozenNumber: null }]);
              setPicks((n) => n + 1);
            }}
            maw={420}
          />
        )}
      </Stack>
    </Paper>
  );
}
