import { AppShell, Box, Group, Kbd, NavLink, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconUserCircle } from '@tabler/icons-react';
import { WelcomeModal } from '../features/welcome/WelcomeModal';
import { undoLast } from '../lib/undo';
import { AREAS, navigate, useNavigation } from '../stores/navigation';
import { useReference } from '../stores/reference';
import { AREA_SPECS } from './areas';

export function App() {
  const area = useNavigation((s) => s.area);
  const userName = useReference((s) => s.settings?.userName);

  useHotkeys([
    ...AREAS.map((a, i) => [`alt+${i + 1}`, () => navigate(a)] as [string, () => void]),
    ['mod+Z', () => void undoLast()],
  ]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 248, breakpoint: 0 }} padding="xl">
      <AppShell.Header px="lg" bg="blue.9" c="white" withBorder={false}>
        <Group h="100%" justify="space-between">
          <Group gap="sm" align="baseline">
            <Title order={3} fw={700} c="white">Sekretariat</Title>
            <Text size="sm" c="blue.1">Nordjysk Socialaftale</Text>
          </Group>
          <Group gap={6}>
            <IconUserCircle size={20} />
            <Text size="sm" data-testid="user-name">{userName || 'Angiv dit navn under Indstillinger'}</Text>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" bg="gray.0">
        <Stack gap={2} component="nav" aria-label="Hovedmenu">
          {AREAS.map((a, i) => (
            <Tooltip key={a} label={<>Alt+{i + 1}</>} position="right" openDelay={600}>
              <NavLink
                href={`#/${a}`}
                label={AREA_SPECS[a].label}
                leftSection={AREA_SPECS[a].icon}
                active={a === area}
                variant="filled"
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(a);
                }}
              />
            </Tooltip>
          ))}
        </Stack>
        <Box mt="auto" p="xs">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">1</Kbd>–<Kbd size="xs">6</Kbd> skifter område
          </Text>
        </Box>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.1">
        {/* The modeller puts inputs, results and charts side by side: it may use a wide screen. */}
        <Box maw={area === 'takster' ? 1680 : 1200} mx="auto">{AREA_SPECS[area].page()}</Box>
      </AppShell.Main>
      <WelcomeModal />
    </AppShell>
  );
}
