import { Alert, Center, Code, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

export function StartupError({ message }: { message: string }) {
  return (
    <Center h="100vh" p="xl">
      <Alert color="red" icon={<IconAlertTriangle />} title="Sekretariat kan ikke starte" maw={640}>
        <Stack gap="xs">
          <Text size="sm">{message}</Text>
          <Text size="sm" c="dimmed">
            I browsertilstand skal adressen åbnes præcis som den blev skrevet i terminalen, fx <Code>http://127.0.0.1:PORT/#token=…</Code>
          </Text>
        </Stack>
      </Alert>
    </Center>
  );
}
