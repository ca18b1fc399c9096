import { Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseImport } from '@tabler/icons-react';
import { useState } from 'react';
import { loadDemo } from '../welcome/store';
import { useReference } from '../../stores/reference';

export function DataSection() {
  const info = useReference((s) => s.info);
  const [busy, setBusy] = useState(false);
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={4}>Data</Title>
        <Text size="sm">
          Database: <Code>{info?.databaseFile}</Code>
        </Text>
        <Text size="sm" c="dimmed">
          Sekretariat {info?.appVersion} · skemaversion {info?.schemaVersion}
        </Text>
        <Group>
          <Button
            variant="light"
            leftSection={<IconDatabaseImport size={16} />}
            loading={busy}
            onClick={() => {
              setBusy(true);
              void loadDemo().finally(() => setBusy(false));
            }}
          >
            Indlæs demodata
          </Button>
          <Text size="sm" c="dimmed">DAS-møderne fra 2021 og PSU-møderne fra 2024 i fuld længde. Findes de allerede, tilføjes intet.</Text>
        </Group>
      </Stack>
    </Paper>
  );
}
