import { Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { SaveIndicator } from '../../components/SaveIndicator';
import { useAutosave } from '../../lib/autosave';
import { updateSettings, useReference } from '../../stores/reference';

export function UserSection() {
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={4}>Din profil</Title>
        <AutosavedName
          field="userName"
          label="Dit navn"
          description="Vises øverst og i historikken over ændringer."
          placeholder="fx Mette Sørensen"
        />
        <AutosavedName
          field="secretariatName"
          label="Sekretariatets navn"
          description="Står som forfatter i dagsordeners og referaters PDF-filer."
          placeholder="fx Sekretariat for Nordjysk Socialaftale"
        />
      </Stack>
    </Paper>
  );
}

interface AutosavedNameProps {
  field: 'userName' | 'secretariatName';
  label: string;
  description: string;
  placeholder: string;
}

function AutosavedName({ field, label, description, placeholder }: AutosavedNameProps) {
  const stored = useReference((s) => s.settings?.[field] ?? '');
  const [value, setValue] = useState(stored);
  const { state, schedule, retry } = useAutosave<string>((next) => updateSettings({ [field]: next }));
  return (
    <Group align="flex-end" justify="space-between">
      <TextInput
        label={label}
        description={description}
        placeholder={placeholder}
        w={360}
        value={value}
        onChange={(e) => {
          setValue(e.currentTarget.value);
          schedule(e.currentTarget.value);
        }}
      />
      <SaveIndicator state={state} onRetry={() => void retry()} />
    </Group>
  );
}
