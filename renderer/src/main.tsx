import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/tiptap/styles.css';
import '@mantine/charts/styles.css';
import 'dayjs/locale/da';
import { createTheme, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ChangedEntity } from '../../shared/contract';
import { createApi, messageOf, setApi, api } from './api/client';
import { createHttpTransport, takeToken } from './api/transport-http';
import { createIpcTransport } from './api/transport-ipc';
import { App } from './app/App';
import { StartupError } from './app/StartupError';
import { loadAgenda, useAgenda } from './stores/agenda';
import { loadScenarios, refreshOpenUsage } from './stores/scenarios';
import { reloadProposals } from './features/proposals/store';
import { loadMeetings } from './stores/meetings';
import { loadBodies, loadInfo, loadOrganisations, loadReference } from './stores/reference';

const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 7,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
});

const root = createRoot(document.getElementById('root')!);

function render(node: ReactNode) {
  root.render(
    <StrictMode>
      <MantineProvider theme={theme}>
        <DatesProvider settings={{ locale: 'da', firstDayOfWeek: 1 }}>
          <Notifications position="bottom-right" />
          {node}
        </DatesProvider>
      </MantineProvider>
    </StrictMode>,
  );
}

/** The transport follows from how the UI was loaded: app:// in the desktop app, http:// in browser mode. */
function connect() {
  if (location.protocol === 'app:') return createIpcTransport();
  const token = takeToken();
  if (!token) throw new Error('Adgangsnøglen mangler i adressen.');
  return createHttpTransport(token);
}

const reloadAgenda = async () => {
  const { meetingId } = useAgenda.getState();
  if (meetingId) await loadAgenda(meetingId);
};

const RELOADERS: Record<ChangedEntity, () => Promise<unknown>> = {
  meetings: loadMeetings,
  bodies: loadBodies,
  organisations: loadOrganisations,
  settings: loadInfo,
  agenda: reloadAgenda,
  followUps: reloadAgenda,
  scenarios: () => Promise.all([loadScenarios(), refreshOpenUsage()]),
  proposals: () => Promise.all([reloadProposals(), refreshOpenUsage()]),
};

async function start() {
  setApi(createApi(connect()));
  // Another window, tab or the command line may change data: refresh what changed.
  api().on('data.changed', ({ entities }) => {
    for (const entity of entities) void RELOADERS[entity]().catch(() => {});
  });
  await Promise.all([loadReference(), loadMeetings()]);
  render(<App />);
}

start().catch((error: unknown) => render(<StartupError message={error instanceof Error && !('code' in error) ? error.message : messageOf(error)} />));
