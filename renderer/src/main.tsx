import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/tiptap/styles.css';
import '@mantine/charts/styles.css';
import 'dayjs/locale/da';
import './app/a11y.css';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi, messageOf, setApi } from './api/client';
import { createHttpTransport, takeToken } from './api/transport-http';
import { createIpcTransport } from './api/transport-ipc';
import { App } from './app/App';
import { StartupError } from './app/StartupError';
import { cssVariablesResolver, theme } from './app/theme';
import { loadMeetings } from './features/meetings/store';
import { listenForChanges } from './stores/changes';
import { loadReference } from './stores/reference';

const root = createRoot(document.getElementById('root')!);

function render(node: ReactNode) {
  root.render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
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

async function start() {
  setApi(createApi(connect()));
  // Another window, tab or the command line may change data: each store refreshes what changed (stores/changes).
  listenForChanges();
  await Promise.all([loadReference(), loadMeetings()]);
  render(<App />);
}

start().catch((error: unknown) => render(<StartupError message={error instanceof Error && !('code' in error) ? error.message : messageOf(error)} />));
