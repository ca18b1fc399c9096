import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { showError } from '../../lib/undo';
import { updateSettings, useReference } from '../../stores/reference';
import { loadDemo } from './store';

/** First start: an empty database offers the demo data set. */
export function WelcomeModal() {
  const show = useReference((s) => s.info?.isEmpty === true && s.settings?.welcomeDone === false);
  const [loading, setLoading] = useState(false);
  const close = () => updateSettings({ welcomeDone: true }).catch(showError);
  return (
    <Modal opened={show} onClose={() => void close()} title={<Text fw={600} size="lg">Velkommen til Sekretariat</Text>} size="lg" centered>
      <Stack gap="md">
        <Text>
          Databasen er ny og tom. De 11 nordjyske kommuner, Region Nordjylland og organerne DAS, FU og KKR er lagt ind.
        </Text>
        <Text>Vil du se programmet med eksempeldata fra DAS Social i 2021?</Text>
        <List size="sm" spacing={4}>
          <List.Item>DAS-møderne den 25. marts og 27. maj 2021 med alle 26 punkter, beslutninger, opfølgninger og bilag – og det planlagte møde den 23. august 2021</List.Item>
          <List.Item>Danske Regioners Psykiatri- og Socialudvalg i november og december 2024 med åbne og lukkede punkter</List.Item>
          <List.Item>Psykiatri- og handicapchefkredsen og Børne- og ungedirektørkredsen</List.Item>
        </List>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={() => void close()}>Start med tom database</Button>
          <Button data-autofocus loading={loading} onClick={() => { setLoading(true); void loadDemo().finally(() => setLoading(false)); }}>
            Indlæs demodata
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
