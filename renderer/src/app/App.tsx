import { AppShell, Box, Button, Group, NavLink, Stack, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconKeyboard, IconUserCircle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { WelcomeModal } from '../features/welcome/WelcomeModal';
import { focusPageHeading } from '../lib/focus';
import { undoLast } from '../lib/undo';
import { AREAS, navigate, useNavigation } from '../stores/navigation';
import { useReference } from '../stores/reference';
import { AREA_SPECS } from './areas';
import { ShortcutsHelp } from './ShortcutsHelp';

export function App() {
  const area = useNavigation((s) => s.area);
  const meetingId = useNavigation((s) => s.meetingId);
  const userName = useReference((s) => s.settings?.userName);
  const [helpOpen, setHelpOpen] = useState(false);

  useHotkeys([
    ...AREAS.map((a, i) => [`alt+${i + 1}`, () => navigate(a)] as [string, () => void]),
    ['mod+Z', () => void undoLast()],
    ['F1', () => setHelpOpen(true)],
  ]);
  // Ctrl+Alt+Z undoes the last delete from anywhere, text fields included (their Ctrl+Z is the text's own undo).
  useHotkeys([['mod+alt+Z', () => void undoLast()]], [], true);

  // A new page puts focus on its heading, so the keyboard and the screen reader start there (not on <body>).
  // Compared with the page shown before, not counted: React runs an effect twice on mount in development.
  const shownPage = useRef(`${area}/${meetingId}`);
  useEffect(() => {
    const page = `${area}/${meetingId}`;
    if (page === shownPage.current) return;
    shownPage.current = page;
    focusPageHeading();
  }, [area, meetingId]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 248, breakpoint: 0 }} padding="xl">
      <a className="skip-link" href="#indhold" onClick={(e) => { e.preventDefault(); focusPageHeading(); }}>Gå til indhold</a>
      <AppShell.Header px="lg" bg="blue.9" c="white" withBorder={false}>
        <Group h="100%" justify="space-between">
          <Group gap="sm" align="baseline">
            <Text fz="h3" fw={700} c="white">Sekretariat</Text>
            <Text size="sm" c="blue.1">Nordjysk Socialaftale</Text>
          </Group>
          <Group gap={6}>
            <IconUserCircle size={20} aria-hidden />
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
                aria-current={a === area ? 'page' : undefined}
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
        <Box mt="auto">
          <Button variant="subtle" color="gray" fullWidth justify="flex-start" leftSection={<IconKeyboard size={18} />} onClick={() => setHelpOpen(true)} title="F1">
            Tastaturgenveje
          </Button>
        </Box>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.1" id="indhold">
        {/* The modeller puts inputs, results and charts side by side: it may use a wide screen. */}
        <Box maw={area === 'takster' ? 1680 : 1200} mx="auto">{AREA_SPECS[area].page()}</Box>
      </AppShell.Main>
      <WelcomeModal />
      <ShortcutsHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
    </AppShell>
  );
}
