import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card of the modeller's results. */
export function Panel({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <div>
          <Title order={5}>{title}</Title>
          {hint && <Text size="xs" c="dimmed">{hint}</Text>}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
