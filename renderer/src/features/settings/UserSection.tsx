import { Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { SaveIndicator } from '../../components/SaveIndicator';
import { useAutosave } from '../../lib/autosave';
import { updateSettings, useReference } from '../../stores/reference';

export function UserSection() {
  const stored = useReference((s) => s.settings?.userName ?? '');
  const [name, setName] = useState(stored);
  const { state, schedule, retry } = useAutosave<string>((userName) => updateSettings({ userName }));
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={4}>Din profil</Title>
        <Group align="flex-end" justify="space-between">
          <TextInput
            label="Dit navn"
            description="Vises øverst og i historikken over ændringer."
            placeholder="fx Mette Sørensen"
            w={360}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              schedule(e.currentTarget.value);
            }}
          />
          <SaveIndicator state={state} onRetry={() => void retry()} />
        </Group>
      </Stack>
    </Paper>
  );
}
