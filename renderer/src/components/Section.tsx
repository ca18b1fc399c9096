import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

// A section scrolled into view (an offer's ledger links to its sheets) stops below the fixed header, not under it.
const BELOW_HEADER = { scrollMarginTop: 'calc(var(--app-shell-header-height, 56px) + var(--mantine-spacing-md))' };

/** A titled card of fields (the modeller's inputs, a proposal's «Oplæg»), named for screen readers by its title. */
export function Section({ title, hint, children, testId }: { title: string; hint?: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title} data-testid={testId} style={BELOW_HEADER}>
      <Stack gap="sm">
        <div>
          <Title order={4}>{title}</Title>
          {hint && <Text size="xs" c="dimmed">{hint}</Text>}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/** What a list says while it is empty: what would be here, and how to add the first. */
export function EmptyList({ title, hint }: { title: string; hint: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={4}>
        <Text fw={600} size="sm">{title}</Text>
        <Text size="sm" c="dimmed">{hint}</Text>
      </Stack>
    </Paper>
  );
}
