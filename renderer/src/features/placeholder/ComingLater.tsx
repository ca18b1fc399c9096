import { Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader';

/** An area that is part of the plan but not built yet: says so plainly and what it will hold. */
export function ComingLater({ title, description, icon, plans }: { title: string; description: string; icon: ReactNode; plans: string[] }) {
  return (
    <Stack gap="lg">
      <PageHeader title={title} description={description} />
      <Paper withBorder radius="md" p="xl">
        <Stack gap="sm" maw={640}>
          <ThemeIcon size={44} radius="xl" variant="light" color="gray">{icon}</ThemeIcon>
          <Text fw={600}>Området er endnu ikke bygget.</Text>
          <Text size="sm" c="dimmed">Det kommer i en af de næste versioner og vil indeholde:</Text>
          <Stack gap={4} component="ul" pl="md" m={0}>
            {plans.map((p) => (
              <Text component="li" size="sm" key={p}>{p}</Text>
            ))}
          </Stack>
        </Stack>
      </Paper>
    </Stack>
  );
}
