import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';

/** Renders a piece of the window as main.tsx does: inside Mantine, with the notifications it shows. */
export const renderInWindow = (ui: ReactElement): RenderResult =>
  render(
    <MantineProvider>
      <Notifications />
      {ui}
    </MantineProvider>,
  );
